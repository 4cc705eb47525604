// The real bundled server over stdio, in a temporary workspace holding the samples.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover, Location, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { positionOf, ROOT, startServer, type TestServer } from '../support/lspServer';

const SAMPLE = 'corpus/000_4e54959011ade41e.txt';

function samples(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of ['corpus', 'variants']) {
    for (const name of readdirSync(path.join(ROOT, 'samples', dir))) {
      files[`${dir}/${name}`] = readFileSync(path.join(ROOT, 'samples', dir, name), 'utf8');
    }
  }
  files['corpus-annotator.json'] = readFileSync(path.join(ROOT, 'samples', 'corpus-annotator.json'), 'utf8');
  return files;
}

const hoverText = (h: Hover | null): string =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? String(h.contents.value) : '';
/** LSP 3.18 lets a message be Markdown; ours are plain strings. */
const msg = (d: { message: string | { value: string } }): string =>
  typeof d.message === 'string' ? d.message : d.message.value;
const conflicts = (d: PublishDiagnosticsParams) => d.diagnostics.filter((x) => x.code === 'date-conflict');

describe('language server over stdio, on the samples', () => {
  let server: TestServer;
  const files = samples();
  const text = files[SAMPLE];

  before(async () => {
    server = await startServer(files);
    await server.logged(/indexed \d+ files/);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: server.uri(SAMPLE), languageId: 'corpus', version: 1, text },
    });
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, 'the server exits with code 0 after shutdown and exit');
  });

  test('hover on PARP shows its expansion and where it is defined', async () => {
    const h: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri(SAMPLE) },
      position: positionOf(text, 'PARP', 0, 1),
    });
    const value = hoverText(h);
    assert.match(value, /\*\*PARP\*\* — Planning and Review Process/);
    assert.match(value, /Defined in the text/);
    assert.match(value, /mentions in \d+ documents/);
  });

  test('go to definition on Hasanov (line 2) lands on Zakir Hasanov (line 1)', async () => {
    const at = positionOf(text, 'Hasanov spoke', 0, 2);
    assert.equal(at.line, 1);
    const defs: Location[] = await server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: server.uri(SAMPLE) },
      position: at,
    });
    assert.equal(defs.length, 1);
    assert.equal(defs[0].uri, server.uri(SAMPLE));
    assert.deepEqual(defs[0].range, { start: { line: 0, character: 29 }, end: { line: 0, character: 42 } });
    assert.equal(text.slice(29, 42), 'Zakir Hasanov');
  });

  test('find references on PARP returns mentions in all five corpus files', async () => {
    const refs: Location[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: server.uri(SAMPLE) },
      position: positionOf(text, 'PARP', 0, 1),
      context: { includeDeclaration: true },
    });
    const corpusFiles = new Set(refs.map((r) => path.basename(r.uri)).filter((n) => /^00\d_/.test(n)));
    assert.deepEqual(
      [...corpusFiles].sort(),
      Object.keys(files)
        .filter((f) => f.startsWith('corpus/'))
        .map((f) => path.basename(f))
        .sort(),
    );
    // long forms are references too
    const longForm = refs.find(
      (r) =>
        r.uri === server.uri(SAMPLE) &&
        r.range.start.character === positionOf(text, 'Planning and Review').character,
    );
    assert.ok(longForm, 'the long form "Planning and Review Process" is a reference');
  });

  test('v01.txt gets a date-conflict warning pointing at the other files', async () => {
    const d = await server.diagnostics('variants/v01.txt', (p) =>
      conflicts(p).some((c) => /PARP/.test(msg(c))),
    );
    const conflict = conflicts(d).find((c) => /PARP/.test(msg(c)))!;
    assert.equal(conflict.severity, 2);
    assert.match(msg(conflict), /PARP.*1998 here, 1997 in \d+ other documents/);
    assert.ok(
      (conflict.relatedInformation?.length ?? 0) >= 5,
      'related information points at the agreeing sources',
    );
    assert.ok(conflict.relatedInformation!.every((r) => !r.location.uri.endsWith('v01.txt')));
  });

  test('v03.txt gets invalid-date, weekday-mismatch and after-document-date', async () => {
    const d = await server.diagnostics('variants/v03.txt', (p) =>
      p.diagnostics.some((x) => x.code === 'invalid-date'),
    );
    const codes = d.diagnostics.map((x) => x.code).sort();
    assert.ok(
      codes.includes('invalid-date') &&
        codes.includes('weekday-mismatch') &&
        codes.includes('after-document-date'),
      codes.join(','),
    );
    assert.equal(
      d.diagnostics.find((x) => x.code === 'weekday-mismatch')!.message,
      '2018-11-29 was a Thursday',
    );
  });

  test('the five real files alone have no date conflict', async () => {
    for (const f of Object.keys(files).filter((k) => k.startsWith('corpus/'))) {
      const d = await server.diagnostics(f);
      for (const c of conflicts(d)) {
        // a real file may only disagree with a planted variant
        assert.ok(
          c.relatedInformation!.every((r) => /\/variants\//.test(r.location.uri)),
          `${f}: ${msg(c)}`,
        );
      }
    }
  });

  test('document symbols, workspace symbols, highlights, semantic tokens, inlay hints, code lens answer', async () => {
    const uri = server.uri(SAMPLE);
    const symbols: { name: string; children?: { name: string }[] }[] = await server.connection.sendRequest(
      'textDocument/documentSymbol',
      { textDocument: { uri } },
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Officials', 'Acronyms', 'Timeline', 'Dates'],
    );
    assert.ok(symbols[0].children!.some((c) => c.name === 'Zakir Hasanov'));
    const ws: { name: string }[] = await server.connection.sendRequest('workspace/symbol', {
      query: 'Hasanov',
    });
    assert.deepEqual(
      ws.map((s) => s.name),
      ['Zakir Hasanov'],
    );
    const wsParp: { name: string }[] = await server.connection.sendRequest('workspace/symbol', {
      query: 'PARP',
    });
    assert.deepEqual(
      wsParp.map((s) => s.name),
      ['PARP'],
    );
    const hl: unknown[] = await server.connection.sendRequest('textDocument/documentHighlight', {
      textDocument: { uri },
      position: positionOf(text, 'Colomina', 0, 1),
    });
    assert.equal(hl.length, text.split('Colomina').length - 1);
    const tokens: { data: number[] } = await server.connection.sendRequest(
      'textDocument/semanticTokens/full',
      { textDocument: { uri } },
    );
    assert.equal(tokens.data.length % 5, 0);
    assert.ok(tokens.data.length / 5 >= 40, `${tokens.data.length / 5} tokens`);
    const hints: { label: string }[] = await server.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    });
    assert.ok(
      hints.some((h) => h.label === '→ 2022-04-28'),
      JSON.stringify(hints),
    );
    const lenses: { command?: { title: string } }[] = await server.connection.sendRequest(
      'textDocument/codeLens',
      { textDocument: { uri } },
    );
    assert.ok(
      lenses.some((l) => /^PARP: \d+ references in \d+ documents$/.test(l.command?.title ?? '')),
      JSON.stringify(lenses),
    );
    assert.ok(
      !lenses.some((l) => /mentions? in \d+ documents?/.test(l.command?.title ?? '')),
      'no lens on people by default (corpusAnnotator.codeLens.people)',
    );
  });

  test('next mention of an entity moves across files', async () => {
    const at = positionOf(text, 'DEEP', 1, 1); // the last DEEP of the file
    const next: Location | null = await server.connection.sendRequest('corpusAnnotator/adjacentMention', {
      textDocument: { uri: server.uri(SAMPLE) },
      position: at,
      direction: 1,
    });
    assert.ok(next && next.uri !== server.uri(SAMPLE), JSON.stringify(next));
  });

  test('a request the engine cannot answer gets an empty result, and the server lives on', async () => {
    const h = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri('no/such/file.txt') },
      position: { line: 99, character: 99 },
    });
    assert.equal(h, null);
    const ok: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri(SAMPLE) },
      position: positionOf(text, 'PARP', 0, 1),
    });
    assert.match(hoverText(ok), /Planning and Review Process/);
  });
});

describe('positions, line endings and files that change under us', () => {
  let server: TestServer;
  // an emoji (two UTF-16 code units) and a CJK character before the mentions; CRLF endings
  const emoji =
    'By Test Writer\r\n🚀🎉 The Planning and Review Process (PARP) was joined in 1997.\r\nLater PARP grew.\r\n';
  const other = 'Azerbaijan joined the Planning and Review Process (PARP) in 1997.\n';

  before(async () => {
    server = await startServer({
      'corpus/emoji.txt': emoji,
      'corpus/other.txt': other,
      'corpus-annotator.json': '{}',
    });
    await server.logged(/indexed \d+ files/);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: server.uri('corpus/emoji.txt'), languageId: 'corpus', version: 1, text: emoji },
    });
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0);
  });

  test('ranges count UTF-16 code units after characters outside the BMP, on CRLF lines', async () => {
    const at = positionOf(emoji, 'PARP', 0, 2);
    assert.equal(at.line, 1);
    assert.equal(at.character, 4 + 1 + 'The Planning and Review Process ('.length + 2); // 🚀🎉 are 4 code units
    const refs: Location[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: server.uri('corpus/emoji.txt') },
      position: at,
      context: { includeDeclaration: true },
    });
    const here = refs.filter((r) => r.uri === server.uri('corpus/emoji.txt')).map((r) => r.range);
    assert.deepEqual(here, [
      { start: { line: 1, character: 9 }, end: { line: 1, character: 36 } },
      { start: { line: 1, character: 38 }, end: { line: 1, character: 42 } },
      { start: { line: 2, character: 6 }, end: { line: 2, character: 10 } },
    ]);
  });

  test('unsaved edits show at once in other files, and closing restores the disk text', async () => {
    const uri = server.uri('corpus/emoji.txt');
    // change 1997 to 1998 in the buffer only: other.txt now disagrees
    const at = positionOf(emoji, '1997');
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          range: {
            start: { line: at.line, character: at.character + 3 },
            end: { line: at.line, character: at.character + 4 },
          },
          text: '8',
        },
      ],
    });
    const d = await server.diagnostics('corpus/other.txt', (p) => conflicts(p).length > 0);
    assert.match(msg(conflicts(d)[0]), /1997 here, 1998 in 1 other document/);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.diagnostics('corpus/other.txt', (p) => conflicts(p).length === 0);
  });

  test('a file renamed on disk moves; a file deleted on disk disappears', async () => {
    const from = path.join(server.folder, 'corpus/other.txt');
    const to = path.join(server.folder, 'corpus/renamed.txt');
    renameSync(from, to);
    await server.connection.sendNotification('workspace/didRenameFiles', {
      files: [{ oldUri: server.uri('corpus/other.txt'), newUri: server.uri('corpus/renamed.txt') }],
    });
    const refs = async () =>
      (await server.connection.sendRequest('textDocument/references', {
        textDocument: { uri: server.uri('corpus/emoji.txt') },
        position: positionOf(emoji, 'PARP', 1, 1),
        context: { includeDeclaration: true },
      })) as Location[];
    assert.ok((await refs()).some((r) => r.uri.endsWith('renamed.txt')));
    assert.ok(!(await refs()).some((r) => r.uri.endsWith('other.txt')));
    unlinkSync(to);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: server.uri('corpus/renamed.txt'), type: 3 }],
    });
    assert.ok(!(await refs()).some((r) => r.uri.endsWith('renamed.txt')));
  });

  test('hover, definition and highlights after characters outside the BMP', async () => {
    const uri = server.uri('corpus/emoji.txt');
    const at = positionOf(emoji, 'PARP', 1, 3); // `Later PARP grew.` on line 2
    const h: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: at,
    });
    assert.match(hoverText(h), /\*\*PARP\*\* — Planning and Review Process/);
    assert.deepEqual(h!.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 10 } });
    const defs: Location[] = await server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: at,
    });
    assert.deepEqual(defs[0].range, { start: { line: 1, character: 9 }, end: { line: 1, character: 36 } });
    const hl: { range: unknown }[] = await server.connection.sendRequest('textDocument/documentHighlight', {
      textDocument: { uri },
      position: at,
    });
    assert.equal(hl.length, 3);
  });

  test('a file open in the editor, renamed and then deleted on disk, keeps being served from its buffer', async () => {
    const text = 'In 1999, Azerbaijan joined the Planning and Review Process (PARP). By Jane Doe';
    writeFileSync(path.join(server.folder, 'corpus/open.txt'), text);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: server.uri('corpus/open.txt'), languageId: 'corpus', version: 1, text },
    });
    // an unsaved edit
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: server.uri('corpus/open.txt'), version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '🚀 ' },
      ],
    });
    // the editor renames it: close old, open new, then tell the server
    renameSync(path.join(server.folder, 'corpus/open.txt'), path.join(server.folder, 'corpus/moved.txt'));
    await server.connection.sendNotification('textDocument/didClose', {
      textDocument: { uri: server.uri('corpus/open.txt') },
    });
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: server.uri('corpus/moved.txt'),
        languageId: 'corpus',
        version: 1,
        text: '🚀 ' + text,
      },
    });
    await server.connection.sendNotification('workspace/didRenameFiles', {
      files: [{ oldUri: server.uri('corpus/open.txt'), newUri: server.uri('corpus/moved.txt') }],
    });
    // deleted on disk while open: the buffer still answers
    unlinkSync(path.join(server.folder, 'corpus/moved.txt'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: server.uri('corpus/moved.txt'), type: 3 }],
    });
    const h: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri('corpus/moved.txt') },
      position: positionOf('🚀 ' + text, 'PARP', 0, 1),
    });
    assert.match(hoverText(h), /Planning and Review Process/);
    const refs: Location[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: server.uri('corpus/moved.txt') },
      position: positionOf('🚀 ' + text, 'PARP', 0, 1),
      context: { includeDeclaration: true },
    });
    assert.ok(!refs.some((r) => r.uri.endsWith('/open.txt')), 'the old name is gone');
    assert.ok(refs.some((r) => r.uri.endsWith('/moved.txt')));
    await server.connection.sendNotification('textDocument/didClose', {
      textDocument: { uri: server.uri('corpus/moved.txt') },
    });
  });

  test('a broken corpus-annotator.json gets a diagnostic, and the server keeps answering', async () => {
    const uri = server.uri('corpus-annotator.json');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'json', version: 1, text: '{ "glossary": { "NATO": 42 ' },
    });
    const d = await server.diagnostics('corpus-annotator.json', (p) => p.diagnostics.length > 0);
    assert.ok(d.diagnostics.some((x) => x.code === 'config-syntax'));
    assert.ok(d.diagnostics.some((x) => x.code === 'config-invalid'));
    const h: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri('corpus/emoji.txt') },
      position: positionOf(emoji, 'PARP', 1, 1),
    });
    assert.match(hoverText(h), /Planning and Review Process/);
  });
});

describe('requests right after a keystroke', () => {
  let server: TestServer;
  const filler = 'the committee read the long report again and again, page by page, without a break. '.repeat(
    8,
  );
  const text =
    'By Test Writer\n' +
    'The Planning and Review Process (PARP) began in 1994.\n' +
    filler +
    '\n' +
    'Later PARP grew.\n';
  const file = 'corpus/typing.txt';

  before(async () => {
    server = await startServer({ [file]: text, 'corpus-annotator.json': '{}' });
    await server.logged(/indexed \d+ files/);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: server.uri(file), languageId: 'corpus', version: 1, text },
    });
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0);
  });

  test('a request far from the edit, sent with it, answers in the edited text’s positions', async () => {
    const uri = server.uri(file);
    // a new first line, with a character outside the BMP: everything below moves down a line
    const typed = '🚀 Notes\n';
    const edited = typed + text;
    // no await between the two: the request is queued right behind the keystroke
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: typed },
      ],
    });
    const last = positionOf(edited, 'PARP', 1, 1);
    assert.equal(last.line, 4);
    const [definitions, refs] = await Promise.all([
      server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: last }),
      server.connection.sendRequest('textDocument/references', {
        textDocument: { uri },
        position: last,
        context: { includeDeclaration: true },
      }),
    ]);
    const defining = positionOf(edited, 'Planning and Review Process');
    assert.deepEqual(
      (definitions as Location[]).map((l) => l.range.start),
      [{ line: 2, character: defining.character }],
    );
    assert.deepEqual(
      (refs as Location[]).map((l) => l.range.start.line),
      [2, 2, 4],
      'the definition’s long and short form, then the later mention, each a line lower',
    );
  });

  test('a whole-text change (no range) is analysed before the next request', async () => {
    const uri = server.uri(file);
    const replaced = 'The Caspian Grain Board (CGB) met.\n' + text;
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 10 },
      contentChanges: [{ text: replaced }],
    });
    const refs: Location[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: positionOf(replaced, 'PARP', 1, 1),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((l) => l.range.start.line),
      [2, 2, 4],
    );
    const hover: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(replaced, 'CGB', 0, 1),
    });
    assert.match(hoverText(hover), /Caspian Grain Board/);
  });

  test('a request at the place just typed waits for its analysis', async () => {
    const uri = server.uri(file);
    const before = positionOf(text, 'Later');
    const line = before.line + 1; // the line added by the previous test
    const typed = 'The Nordic Grain Compact (NGC) met. ';
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 11 },
      contentChanges: [
        { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: typed },
      ],
    });
    const hover: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: typed.indexOf('NGC') + 1 },
    });
    assert.match(hoverText(hover), /Nordic Grain Compact/);
  });

  test('references asked again after an edit are at the new places, not the first answer’s', async () => {
    const uri = server.uri(file);
    const refs = async (): Promise<Location[]> =>
      server.connection.sendRequest('textDocument/references', {
        textDocument: { uri },
        position: { line: 2, character: 'The Planning and Review Process ('.length + 1 },
        context: { includeDeclaration: true },
      });
    const first = await refs();
    assert.ok(first.length >= 3, JSON.stringify(first));
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 12 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro\n' },
      ],
    });
    // a request about the whole file has the edit analysed first: no edit is pending after it
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const second: Location[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: { line: 3, character: 'The Planning and Review Process ('.length + 1 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      second.map((l) => l.range.start.line),
      first.map((l) => l.range.start.line + 1),
    );
  });
});

describe('a large file typed in, and the conflicts other files have with it', () => {
  let server: TestServer;
  // over 64 KB: analysed in sections, and a keystroke moves the sections after it in place
  const paragraph =
    'The committee read the long report again, page by page, and wrote its notes in the margin.\n\n';
  const claim = 'Azerbaijan joined the Planning and Review Process (PARP) in 1998.\n';
  const large = 'By Test Writer\n\n' + paragraph.repeat(900) + claim;
  const other = 'Azerbaijan joined the Planning and Review Process (PARP) in 1997.\n';

  before(async () => {
    server = await startServer({
      'corpus/large.txt': large,
      'corpus/other.txt': other,
      'corpus-annotator.json': '{}',
    });
    await server.logged(/indexed \d+ files/);
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0);
  });

  test('the other file’s conflict points at the claim where it is after lines are added above it', async () => {
    const claimLine = positionOf(large, 'Azerbaijan joined').line;
    const related = (d: PublishDiagnosticsParams) => conflicts(d)[0]?.relatedInformation?.[0];
    const uri = server.uri('corpus/large.txt');
    const otherUri = server.uri('corpus/other.txt');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'corpus', version: 1, text: large },
    });
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: otherUri, languageId: 'corpus', version: 1, text: other },
    });
    // an edit in the other file that keeps its conflict publishes it again
    const edit = async (version: number, prefix: string) => {
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: otherUri, version },
        contentChanges: [{ text: prefix + other }],
      });
      const at = prefix.length + other.indexOf('1997');
      return server.diagnostics(
        'corpus/other.txt',
        (d) => !!related(d) && conflicts(d)[0].range.start.character === at,
      );
    };
    assert.equal(related(await edit(2, 'Note. '))!.location.range.start.line, claimLine);
    // lines added at the top of the large file move its claim (in place, with its section)
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Notes\n\n' },
      ],
    });
    await server.diagnostics('corpus/large.txt', (d) =>
      d.diagnostics.some((x) => x.range.start.line > claimLine),
    );
    assert.equal(related(await edit(3, 'A note. '))!.location.range.start.line, claimLine + 2);
  });
});

describe('the first diagnostics of a scan', () => {
  let server: TestServer;
  after(async () => {
    if (server) assert.equal(await server.stop(), 0);
  });

  test('a file with nothing to show gets no message; the progress ends once the others have theirs', async () => {
    server = await startServer({
      'corpus/plain.txt': 'The committee read the report and wrote its notes in the margin.\n',
      'corpus/a.txt': 'Azerbaijan joined the Planning and Review Process (PARP) in 1998.\n',
      'corpus/b.txt': 'Azerbaijan joined the Planning and Review Process (PARP) in 1997.\n',
      'corpus-annotator.json': '{}',
    });
    await server.progressEnded();
    assert.ok(server.everPublished('corpus/a.txt') && server.everPublished('corpus/b.txt'));
    assert.equal(server.everPublished('corpus/plain.txt'), false, 'an empty list would only clear');
    // once it has something to show, it gets it
    const uri = server.uri('corpus/plain.txt');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'corpus', version: 1, text: 'Azerbaijan joined PARP in 1999.\n' },
    });
    const d = await server.diagnostics('corpus/plain.txt');
    assert.ok(conflicts(d).length > 0, JSON.stringify(d.diagnostics.map((x) => x.message)));
  });
});
