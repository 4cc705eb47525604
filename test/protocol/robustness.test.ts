// The server against an unlucky editor and a hostile workspace (issue 18): requests out of
// protocol order, a batch of watched-file events holding junk, links out of the corpus, a
// close and reopen in one breath, a file over the time budget, and another file's related
// locations after an edit that moves the claims they quote.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { positionOf, SERVER, startServer } from '../support/lspServer';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('requests before initialize and after shutdown get LSP errors', async () => {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  connection.listen();
  const hover = () =>
    connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///x/corpus/a.txt' },
      position: { line: 0, character: 0 },
    });
  await assert.rejects(hover(), (e: { code?: number }) => e.code === -32002, 'ServerNotInitialized');
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  assert.equal(await hover(), null, 'answered while running');
  await connection.sendRequest('shutdown');
  await assert.rejects(hover(), (e: { code?: number }) => e.code === -32600, 'InvalidRequest');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
});

test('watched-file events obey the scan: no links, nothing outside; junk does not drop the batch', async () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
  const secret = path.join(outside, 'secret.txt');
  writeFileSync(secret, 'The Quiet Zebra Union (QZU) met in 1997.\n');
  const server = await startServer({ 'corpus/a.txt': 'The Blue Ocean Treaty (BOT) was signed in 1997.\n' });
  try {
    await server.logged(/indexed 1 files/);
    symlinkSync(secret, path.join(server.folder, 'corpus', 'passwd.txt'));
    writeFileSync(
      path.join(server.folder, 'corpus', 'new.txt'),
      'The Green River Pact (GRP) came in 1999.\n',
    );
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: null, type: 1 },
        { uri: server.uri('corpus/passwd.txt'), type: 1 },
        { uri: pathToFileURL(secret).href, type: 1 },
        { type: 2 },
        { uri: server.uri('corpus/new.txt'), type: 1 },
      ],
    });
    const symbols = async (query: string) =>
      ((await server.connection.sendRequest('workspace/symbol', { query })) as SymbolInformation[]).map((s) =>
        path.basename(s.location.uri),
      );
    // a file with nothing to report gets no diagnostics: ask until it is indexed (10 s at most)
    for (let i = 0; i < 100 && !(await symbols('GRP')).includes('new.txt'); i++) await settle(100);
    assert.ok((await symbols('GRP')).includes('new.txt'), 'the entry after the junk is read');
    assert.deepEqual(await symbols('QZU'), [], 'neither the link nor the outside file is read');
    assert.ok(server.logs.some((l) => /skipped an entry/.test(l)));
  } finally {
    await server.stop();
    rmSync(outside, { recursive: true, force: true });
  }
});

test('didClose then didOpen of the same file: the reopened buffer wins over the disk', async () => {
  const server = await startServer({ 'corpus/a.txt': 'Nothing to see.\n' });
  try {
    await server.logged(/indexed 1 files/);
    const uri = server.uri('corpus/a.txt');
    const buffer = 'The Blue Ocean Treaty (BOT) was signed in 1997.\n';
    const open = (version: number) =>
      server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'corpus', version, text: buffer },
      });
    await open(1);
    for (let round = 0; round < 5; round++) {
      // as VS Code sends when the language mode changes: one right after the other
      void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await open(2 + round);
    }
    await settle(500); // the disk reloads, if any, are done by now
    const hover = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(buffer, 'BOT', 0, 1),
    });
    assert.ok(hover, 'the hover comes from the buffer, not from the disk text');
  } finally {
    await server.stop();
  }
});

test('a file over the time budget gets a diagnostic; the rest of the corpus is analysed', async () => {
  const server = await startServer(
    {
      'corpus/long.txt': 'The minister said on March 5, 2019 that NATO met.\n'.repeat(40_000),
      'corpus/b.txt': 'Azerbaijan signed the treaty on February 30, 2019.\n',
    },
    { settings: { analysisTimeBudget: 0.3 } },
  );
  try {
    const long = await server.diagnostics('corpus/long.txt');
    assert.deepEqual(
      long.diagnostics.map((d) => d.code),
      ['analysis-timeout'],
    );
    assert.match(String(long.diagnostics[0].message), /took longer than 0\.3 s/);
    const b = await server.diagnostics('corpus/b.txt');
    assert.ok(b.diagnostics.some((d) => d.code === 'invalid-date'));
  } finally {
    await server.stop();
  }
});

test('an open buffer over the time budget is given up, and the server keeps answering', async () => {
  // analysed on the thread that answers requests, with no worker to stop it: the engine asks
  // the budget between stages and sections
  const server = await startServer(
    {
      'corpus/big.txt': 'A short file on disk.\n',
      'corpus/b.txt': 'Azerbaijan signed the treaty on February 30, 2019.\n',
    },
    { settings: { analysisTimeBudget: 0.02 } },
  );
  try {
    await server.logged(/indexed 2 files/); // the settings are read by then
    const uri = server.uri('corpus/big.txt');
    const paragraph =
      'The minister said on March 5, 2019 that NATO (the North Atlantic Treaty Organization) met. 🚀\n\n';
    const text = paragraph.repeat(20_000); // 2 MB: far more than 20 ms of analysis
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'corpus', version: 1, text },
    });
    const given = await server.diagnostics('corpus/big.txt', (d) =>
      d.diagnostics.some((x) => x.code === 'analysis-timeout'),
    );
    assert.deepEqual(
      given.diagnostics.map((d) => d.code),
      ['analysis-timeout'],
    );
    assert.match(String(given.diagnostics[0].message), /took longer than 0\.02 s.*closed and reopened/);
    // typing in it does not try again (each keystroke would cost the budget)
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
      ],
    });
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.deepEqual(symbols, [], 'nothing recognised in a file given up');
    const b = await server.diagnostics('corpus/b.txt');
    assert.ok(
      b.diagnostics.some((d) => d.code === 'invalid-date'),
      'the rest of the corpus is analysed',
    );
    // closed and reopened small, it is analysed again
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'corpus', version: 3, text: 'NATO met on February 30, 2019.\n' },
    });
    const reopened = await server.diagnostics('corpus/big.txt', (d) =>
      d.diagnostics.some((x) => x.code === 'invalid-date'),
    );
    assert.ok(!reopened.diagnostics.some((d) => d.code === 'analysis-timeout'));
  } finally {
    await server.stop();
  }
});

test("another file's related locations follow an edit that moves the claims they point at", async () => {
  const a = 'Azerbaijan joined the Planning and Review Process (PARP) in 1997, the minister said.\n';
  const b = 'Azerbaijan joined the Planning and Review Process (PARP) in 1998, officials said.\n';
  const server = await startServer({ 'corpus/a.txt': a, 'corpus/b.txt': b });
  try {
    const relatedLines = (d: PublishDiagnosticsParams) =>
      d.diagnostics
        .flatMap((x) => x.relatedInformation ?? [])
        .filter((r) => r.location.uri.endsWith('a.txt'))
        .map((r) => r.location.range.start.line);
    const before = await server.diagnostics('corpus/b.txt', (d) => relatedLines(d).length > 0);
    assert.deepEqual([...new Set(relatedLines(before))], [0]);
    const uri = server.uri('corpus/a.txt');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'corpus', version: 1, text: a },
    });
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
      ],
    });
    // a request about the whole file makes the server analyse the edit now
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const after = await server.diagnostics('corpus/b.txt', (d) => relatedLines(d).includes(1));
    assert.deepEqual([...new Set(relatedLines(after))], [1]);
  } finally {
    await server.stop();
  }
});
