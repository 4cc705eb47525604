// What a first-time user hits (issue 17), over the protocol: a folder declared a corpus is
// indexed at once and forgotten when its corpus-annotator.json goes; that file is read as it
// is typed and closed; views are refreshed when the index changes what they show; hover links
// land on the mention; the Timeline follows the calendar in VS Code's Outline; the scan's
// progress counts agree; and answers asked during the first scan wait for it or say they are
// partial. Every corpus here is invented, in a temporary folder.
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import type {
  CodeLens,
  DocumentSymbol,
  Hover,
  Location,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { positionOf, ROOT, startServer, type StartOptions, type TestServer } from '../support/lspServer';

const hoverText = (h: Hover | null): string =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? String(h.contents.value) : '';
const conflicts = (d: PublishDiagnosticsParams) => d.diagnostics.filter((x) => x.code === 'date-conflict');
const CREATED = 1;
const DELETED = 3;

/** Starts a server and stops it after the current `describe`. */
function serverFor(
  files: Record<string, string>,
  options?: StartOptions,
): { get(): TestServer; start(): Promise<TestServer> } {
  let server: TestServer | undefined;
  after(async () => {
    if (server) assert.equal(await server.stop(), 0);
  });
  return {
    get: () => server!,
    start: async () => (server = await startServer(files, options)),
  };
}

async function open(server: TestServer, rel: string, text: string, languageId = 'corpus'): Promise<void> {
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: server.uri(rel), languageId, version: 1, text },
  });
}

async function fileEvent(server: TestServer, rel: string, type: number): Promise<void> {
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: server.uri(rel), type }],
  });
}

const JOINED = (year: number) => `Freedonia joined the Grain Exchange Programme (GEP) in ${year}.\n`;

describe('bug 1: Declare Folder as Corpus indexes the folder at once, and stops when its file goes', () => {
  const a = 'By Test Writer\nThe ministers met on February 30, 2019.\n' + JOINED(1996);
  const b = JOINED(1995);
  // notes/ matches none of the default globs: only a corpus-annotator.json makes it a corpus
  const s = serverFor({ 'notes/a.txt': a, 'notes/b.txt': b, 'elsewhere/c.txt': JOINED(1997) });

  test('before the file, nothing is analysed; after it, every file of the folder, none of them open', async () => {
    const server = await s.start();
    await server.logged(/indexed \d+ files/);
    assert.equal(server.everPublished('notes/a.txt'), false);
    writeFileSync(
      path.join(server.folder, 'notes/corpus-annotator.json'),
      '{ "glossary": {}, "dismissedConflicts": [] }\n',
    );
    await fileEvent(server, 'notes/corpus-annotator.json', CREATED);
    const d = await server.diagnostics('notes/a.txt', (p) =>
      p.diagnostics.some((x) => x.code === 'invalid-date'),
    );
    assert.ok(conflicts(d).length > 0, 'a.txt disagrees with b.txt, neither of them open');
    const symbols: { name: string; location: Location }[] = await server.connection.sendRequest(
      'workspace/symbol',
      {
        query: 'GEP',
      },
    );
    assert.deepEqual(
      symbols.map((x) => path.basename(x.location.uri)),
      ['a.txt'],
    );
    assert.equal(server.everPublished('elsewhere/c.txt'), false, 'a folder outside stays out');
  });

  test('deleting corpus-annotator.json takes the folder out of the corpus', async () => {
    const server = s.get();
    unlinkSync(path.join(server.folder, 'notes/corpus-annotator.json'));
    await fileEvent(server, 'notes/corpus-annotator.json', DELETED);
    await server.diagnostics('notes/a.txt', (p) => p.diagnostics.length === 0);
    await server.diagnostics('notes/b.txt', (p) => p.diagnostics.length === 0);
    const symbols: unknown[] = await server.connection.sendRequest('workspace/symbol', { query: 'GEP' });
    assert.deepEqual(symbols, []);
  });
});

describe('bug 2: corpus-annotator.json open in the editor: read as typed, restore from it, disk again on close', () => {
  const config = '{\n  "glossary": {},\n  "dismissedConflicts": []\n}\n';
  const s = serverFor({
    'corpus/a.txt': JOINED(1996),
    'corpus/b.txt': JOINED(1995),
    'corpus-annotator.json': config,
  });

  test('a dismissal typed in the open file holds; the quick fix there restores it; closing unsaved reads the disk', async () => {
    const server = await s.start();
    const d = await server.diagnostics('corpus/a.txt', (p) => conflicts(p).length > 0);
    const id = (conflicts(d)[0].data as { conflictId: string }).conflictId;
    const uri = server.uri('corpus-annotator.json');
    const dismissed = `{\n  "glossary": {},\n  "dismissedConflicts": [\n    { "id": ${JSON.stringify(id)}, "note": "planted" }\n  ]\n}\n`;
    await open(server, 'corpus-annotator.json', dismissed, 'json');
    await server.diagnostics('corpus/a.txt', (p) => conflicts(p).length === 0);
    // Ctrl+. on the entry
    const actions: {
      title: string;
      edit?: { changes?: Record<string, { range: unknown; newText: string }[]> };
    }[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: positionOf(dismissed, '"id"'), end: positionOf(dismissed, '"id"') },
      context: { diagnostics: [] },
    });
    const restore = actions.find((x) => x.title === 'Restore this dismissed date conflict');
    assert.ok(restore?.edit?.changes?.[uri]?.length, JSON.stringify(actions));
    // the editor applies the edit to the buffer (unsaved) and tells the server
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: restore.edit.changes[uri].map((e) => ({ range: e.range, text: e.newText })),
    });
    await server.diagnostics('corpus/a.txt', (p) => conflicts(p).length > 0);
    // dismissed again in the buffer, then closed without saving: the disk (no dismissal) counts
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: dismissed }],
    });
    await server.diagnostics('corpus/a.txt', (p) => conflicts(p).length === 0);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.diagnostics('corpus/a.txt', (p) => conflicts(p).length > 0);
  });
});

describe('bug 4: CodeLens and semantic tokens are fetched again when the index changes what they show', () => {
  const a =
    'The Grain Exchange Programme (GEP) began in 1994.\nFreedonia joined the GEP in 1996.\nLater GEP grew.\n';
  const s = serverFor(
    { 'corpus/a.txt': a, 'corpus-annotator.json': '{}' },
    {
      workspaceCapabilities: {
        codeLens: { refreshSupport: true },
        semanticTokens: { refreshSupport: true },
        inlayHint: { refreshSupport: true },
      },
    },
  );
  const lensTitles = async (server: TestServer): Promise<string[]> =>
    (
      (await server.connection.sendRequest('textDocument/codeLens', {
        textDocument: { uri: server.uri('corpus/a.txt') },
      })) as CodeLens[]
    ).map((l) => l.command?.title ?? '');
  const refreshes = (server: TestServer, what: string) =>
    server.received.get(`workspace/${what}/refresh`)?.length ?? 0;

  test('a file added on disk changes the counts of an open file: a CodeLens refresh, not a tokens one', async () => {
    const server = await s.start();
    await server.logged(/indexed \d+ files/);
    await open(server, 'corpus/a.txt', a);
    assert.deepEqual(await lensTitles(server), ['GEP: 4 references in 1 document']);
    await server.connection.sendRequest('textDocument/semanticTokens/full', {
      textDocument: { uri: server.uri('corpus/a.txt') },
    });
    const lensesBefore = refreshes(server, 'codeLens');
    const tokensBefore = refreshes(server, 'semanticTokens');
    writeFileSync(path.join(server.folder, 'corpus/b.txt'), 'The GEP met again.\n');
    await fileEvent(server, 'corpus/b.txt', CREATED);
    await server.receivedNth('workspace/codeLens/refresh', lensesBefore + 1);
    assert.deepEqual(await lensTitles(server), ['GEP: 5 references in 2 documents']);
    assert.equal(refreshes(server, 'semanticTokens'), tokensBefore, 'the tokens of a.txt did not change');
  });

  test('a file that contradicts a date of the open file: its tokens are fetched again (the conflict modifier)', async () => {
    const server = s.get();
    const before = refreshes(server, 'semanticTokens');
    writeFileSync(path.join(server.folder, 'corpus/c.txt'), JOINED(1993));
    await fileEvent(server, 'corpus/c.txt', CREATED);
    await server.receivedNth('workspace/semanticTokens/refresh', before + 1);
  });
});

describe('bug 5: a hover’s links go to the mention, not to line 1', () => {
  const early =
    ' date 2019-05-01\nNotes from the meeting.\n\nForeign Minister Jane Quill opened the talks.\n';
  const late = ' date 2021-07-09\nMore notes.\n\nThe talks went well, said Quill. Then Jane Quill left.\n';
  const s = serverFor({ 'corpus/early.txt': early, 'corpus/late.txt': late, 'corpus-annotator.json': '{}' });

  test('“first in … last in …” link to the person’s first mention in each file, line and column', async () => {
    const server = await s.start();
    await server.logged(/indexed \d+ files/);
    await open(server, 'corpus/early.txt', early);
    const at = positionOf(early, 'Quill', 0, 1);
    const h: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri('corpus/early.txt') },
      position: at,
    });
    const value = hoverText(h);
    const links = [...value.matchAll(/first in \[[^\]]+\]\(([^)]+)\)[^,]*, last in \[[^\]]+\]\(([^)]+)\)/g)];
    assert.equal(links.length, 1, value);
    const refs: Location[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: server.uri('corpus/early.txt') },
      position: at,
      context: { includeDeclaration: true },
    });
    for (const target of links[0].slice(1)) {
      const [uri, fragment] = target.split('#');
      const m = /^L(\d+),(\d+)$/.exec(fragment);
      assert.ok(m, `${target}: a line and a column`);
      const first = refs.find((r) => r.uri === uri)!;
      assert.ok(first, `${uri} is among the references`);
      assert.deepEqual(
        { line: Number(m[1]) - 1, character: Number(m[2]) - 1 },
        first.range.start,
        `${target} opens at the first mention in ${path.basename(uri)}`,
      );
    }
  });
});

describe('bug 6: the Outline’s Timeline lists the dated events in the order of their dates', () => {
  const sample = 'corpus/000_4e54959011ade41e.txt';
  const text = readFileSync(path.join(ROOT, 'samples', sample), 'utf8');
  const s = serverFor({ [sample]: text, 'corpus-annotator.json': '{}' });

  test('sorted as VS Code’s Outline sorts (by range start, then name), the years do not go back', async () => {
    const server = await s.start();
    await server.logged(/indexed \d+ files/);
    await open(server, sample, text);
    const symbols: DocumentSymbol[] = await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: server.uri(sample) },
    });
    const timeline = symbols.find((x) => x.name === 'Timeline')?.children ?? [];
    assert.ok(timeline.length >= 3, JSON.stringify(symbols.map((x) => x.name)));
    const collator = new Intl.Collator(undefined, { numeric: true });
    const before = (a: DocumentSymbol, b: DocumentSymbol) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      collator.compare(a.name, b.name);
    const shown = [...timeline].sort(before).map((x) => /^\S+/.exec(x.name)![0]);
    const years = shown.map((v) => Number(v.slice(0, 4)));
    assert.deepEqual(
      years,
      [...years].sort((x, y) => x - y),
      `the Outline shows ${shown.join(', ')}`,
    );
    assert.deepEqual(
      shown,
      timeline.map((x) => /^\S+/.exec(x.name)![0]),
      'the server’s own order is the same',
    );
    for (const e of timeline) {
      // a click goes to the date itself
      const { start, end } = e.selectionRange;
      assert.equal(start.line, end.line);
      const line = text.split('\n')[start.line];
      assert.match(line.slice(start.character, end.character), /\d{4}|[A-Z][a-z]+/);
    }
  });
});

describe('bug 8: the scan’s progress counts out of one total', () => {
  const files: Record<string, string> = { 'corpus-annotator.json': '{}' };
  for (let i = 0; i < 12; i++) files[`corpus/f${String(i).padStart(2, '0')}.txt`] = JOINED(1990 + (i % 3));
  const s = serverFor(files);

  test('“N of M files” and “Checking M files” agree when a file is open before the scan', async () => {
    const server = await s.start();
    // opened right after `initialized`, before the scan has listed the files
    await open(server, 'corpus/f00.txt', files['corpus/f00.txt']);
    await server.progressEnded();
    const messages = (server.received.get('$/progress') as { value: { kind: string; message?: string } }[])
      .map((p) => p.value.message ?? '')
      .filter(Boolean);
    const totals = new Set<number>();
    for (const m of messages) {
      const of = /^(\d+) of (\d+) files$/.exec(m);
      if (of) {
        assert.ok(Number(of[1]) <= Number(of[2]), m);
        totals.add(Number(of[2]));
      }
      const checking = /^Checking (\d+) files…$/.exec(m);
      if (checking) totals.add(Number(checking[1]));
    }
    assert.ok(
      messages.some((m) => / of \d+ files$/.test(m)),
      JSON.stringify(messages),
    );
    assert.deepEqual([...totals], [12], JSON.stringify(messages));
  });
});

/** Thirty files that all mention GEP: a scan long enough to ask during it. */
function gepCorpus(): Record<string, string> {
  const files: Record<string, string> = { 'corpus-annotator.json': '{}' };
  for (let i = 0; i < 30; i++)
    files[`corpus/g${String(i).padStart(2, '0')}.txt`] =
      'By Test Writer\n' + JOINED(1996) + 'The committee read the report again. '.repeat(20) + '\n';
  return files;
}
const GEP_FILE = 'corpus/g00.txt';
const gepRefs = async (server: TestServer): Promise<Set<string>> => {
  const text = gepCorpus()[GEP_FILE];
  const refs: Location[] = await server.connection.sendRequest('textDocument/references', {
    textDocument: { uri: server.uri(GEP_FILE) },
    position: positionOf(text, '(GEP)', 0, 2),
    context: { includeDeclaration: true },
  });
  return new Set(refs.map((r) => r.uri));
};

describe('bug 9: asked during a short first scan, references wait for it', () => {
  const s = serverFor(gepCorpus());

  test('references asked right after the editor connects count every file', async () => {
    const server = await s.start();
    await open(server, GEP_FILE, gepCorpus()[GEP_FILE]);
    assert.equal((await gepRefs(server)).size, 30);
    assert.equal(server.received.get('corpusAnnotator/partialAnswer'), undefined);
    assert.equal(server.received.get('window/showMessage'), undefined);
  });
});

describe('bug 9: asked during a long scan, answers say they are partial, and are complete after it', () => {
  const s = serverFor(gepCorpus(), {
    env: { CORPUS_ANNOTATOR_SCAN_WAIT_MS: '0' }, // every scan is "long": nothing waits
    initializationOptions: { partialAnswerNotifications: true },
    workspaceCapabilities: { codeLens: { refreshSupport: true } },
  });

  test('references and CodeLens say so; when the scan ends the editor is told, and the lens is fetched again', async () => {
    const server = await s.start();
    await open(server, GEP_FILE, gepCorpus()[GEP_FILE]);
    const partial = await gepRefs(server);
    assert.ok(partial.size < 30, `${partial.size} files`);
    const notice = (await server.receivedNth('corpusAnnotator/partialAnswer')) as {
      request: string;
      message: string;
    };
    assert.equal(notice.request, 'references');
    assert.match(notice.message, /^Still indexing the corpus \(.*\): these references are partial\.$/);
    const lenses: CodeLens[] = await server.connection.sendRequest('textDocument/codeLens', {
      textDocument: { uri: server.uri(GEP_FILE) },
    });
    assert.match(
      lenses[0]?.command?.title ?? '',
      /^GEP: \d+ references? in \d+ documents? so far \(still indexing\)$/,
    );
    const done = (await server.receivedNth('corpusAnnotator/indexComplete')) as {
      files: number;
      partial: string[];
    };
    assert.deepEqual(done, { files: 30, partial: ['references'] });
    await server.receivedNth('workspace/codeLens/refresh');
    const again: CodeLens[] = await server.connection.sendRequest('textDocument/codeLens', {
      textDocument: { uri: server.uri(GEP_FILE) },
    });
    assert.equal(again[0]?.command?.title, 'GEP: 60 references in 30 documents');
    assert.equal((await gepRefs(server)).size, 30);
  });
});

describe('bug 9: an editor without our notifications is told once, in a message', () => {
  const s = serverFor(gepCorpus(), { env: { CORPUS_ANNOTATOR_SCAN_WAIT_MS: '0' } });

  test('window/showMessage says the answers are partial, then that the scan has ended', async () => {
    const server = await s.start();
    await open(server, GEP_FILE, gepCorpus()[GEP_FILE]);
    await gepRefs(server);
    await gepRefs(server);
    const first = (await server.receivedNth('window/showMessage')) as { message: string };
    assert.match(first.message, /still indexing the corpus .* partial/i);
    const second = (await server.receivedNth('window/showMessage', 2)) as { message: string };
    assert.match(second.message, /indexed 30 files; ask again/);
  });
});

describe('CodeLens: on acronym definitions by default; people on request, saying whose counts', () => {
  const text =
    'By Test Writer\nForeign Minister Jane Quill opened the talks on the Grain Exchange Programme (GEP).\nQuill spoke.\n';
  const s = serverFor(
    { 'corpus/a.txt': text, 'corpus-annotator.json': '{}' },
    { settings: { codeLens: { people: true } } },
  );

  test('corpusAnnotator.codeLens.people: a lens named after the person', async () => {
    const server = await s.start();
    await server.logged(/indexed \d+ files/);
    await open(server, 'corpus/a.txt', text);
    const lenses: CodeLens[] = await server.connection.sendRequest('textDocument/codeLens', {
      textDocument: { uri: server.uri('corpus/a.txt') },
    });
    const titles = lenses.map((l) => l.command?.title);
    assert.ok(titles.includes('GEP: 2 references in 1 document'), JSON.stringify(titles));
    assert.ok(titles.includes('Jane Quill: 2 mentions in 1 document'), JSON.stringify(titles));
  });
});
