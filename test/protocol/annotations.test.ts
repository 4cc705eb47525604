// The readers' annotations through the real server: notes, tags and corrections added by
// command, kept in a W3C store beside the corpus, moved by typing, shown in hovers, obeyed by
// the engine, orphaned (never dropped) when their passage goes, and a broken store left alone.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type {
  CodeAction,
  Hover,
  Location,
  PublishDiagnosticsParams,
  Range,
} from 'vscode-languageserver-protocol';
import { parseStore } from '../../server/src/analysis/annotations/w3c';
import { positionOf, startServer, type TestServer } from '../support/lspServer';

const A = 'corpus/a.txt';
const B = 'corpus/b.txt';
const C = 'corpus/c.txt';
const BROKEN = 'corpus/d.txt';
const FILES: Record<string, string> = {
  'corpus-annotator.json': JSON.stringify({ tags: { claim: '#e5a50a', contested: { color: '#c01c28' } } }),
  [A]: 'date 2020-05-01\nIntro line.\nDefence Minister Zakir Hasanov discussed PARP with Ahmed Bakr on May 4. Bakr agreed.\n',
  [B]: 'date 2020-06-01\nLater, Ahmed Bakr visited Baku 😀 with Hasanov.\n',
  [C]: 'date 2020-07-01\nThe zebra crossing was closed.\n',
  [BROKEN]: 'date 2020-08-01\nNothing to see.\n',
};

const hoverText = (h: Hover | null): string =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? String(h.contents.value) : '';

function rangeOf(text: string, needle: string, n = 0): Range {
  const start = positionOf(text, needle, n);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

interface Item {
  id: string;
  uri: string;
  range: Range | null;
  orphan: boolean;
  kind: string;
  text?: string;
  exact: string;
}

describe('annotations over stdio', () => {
  let server: TestServer;
  let text = FILES[A];
  let version = 1;
  const store = (rel: string) => path.join(server.folder, '.annotations', rel + '.jsonl');
  const run = (command: string, args: unknown) =>
    server.connection.sendRequest('workspace/executeCommand', { command, arguments: [args] });
  const items = async (rel: string): Promise<Item[]> =>
    (
      (await server.connection.sendRequest('corpusAnnotator/annotations', { uri: server.uri(rel) })) as {
        items: Item[];
      }
    ).items;
  const hover = async (rel: string, t: string, needle: string, n = 0): Promise<string> =>
    hoverText(
      await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: server.uri(rel) },
        position: positionOf(t, needle, n, 1),
      }),
    );

  before(async () => {
    server = await startServer(FILES);
    // a store made invalid by hand, before the server starts
    const broken = path.join(server.folder, '.annotations', BROKEN + '.jsonl');
    mkdirSync(path.dirname(broken), { recursive: true });
    writeFileSync(broken, '{"type":"Annotation", this is not json\n');
    await server.logged(/indexed \d+ files/);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: server.uri(A), languageId: 'corpus', version, text },
    });
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0);
  });

  test('code actions: a note and each tag on a selection, corrections at a mention', async () => {
    const titles = async (range: Range) =>
      (
        (await server.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: server.uri(A) },
          range,
          context: { diagnostics: [] },
        })) as CodeAction[]
      ).map((a) => a.title);
    const onSelection = await titles(rangeOf(text, 'discussed PARP'));
    assert.ok(onSelection.includes('Add note on “discussed PARP”…'), onSelection.join('\n'));
    assert.ok(onSelection.includes('Tag “discussed PARP” as “claim”'));
    assert.ok(onSelection.includes('Tag “discussed PARP” as “contested”'));
    const atPerson = await titles({
      start: positionOf(text, 'Bakr agreed', 0, 1),
      end: positionOf(text, 'Bakr agreed', 0, 1),
    });
    assert.ok(atPerson.includes('Correct: “Bakr” is not an entity'), atPerson.join('\n'));
    assert.ok(atPerson.includes('Correct: “Bakr” is the same person as…'));
    assert.ok(atPerson.some((t) => /^Correct: “Bakr” is a different person from Ahmed Bakr$/.test(t)));
    const atDate = await titles({
      start: positionOf(text, 'May 4', 0, 1),
      end: positionOf(text, 'May 4', 0, 1),
    });
    assert.ok(atDate.includes("Correct: this date's value is…"), atDate.join('\n'));
    assert.ok(atDate.includes("Correct: this document's date is 2020-05-04"));
  });

  test('a note on PARP: written to the store as a W3C annotation, shown in the hover', async () => {
    const id = await run('corpusAnnotator.addNote', {
      uri: server.uri(A),
      range: rangeOf(text, 'PARP'),
      text: 'Check the year',
    });
    assert.match(String(id), /^urn:uuid:/);
    const lines = readFileSync(store(A), 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 1);
    const w3c = JSON.parse(lines[0]);
    assert.equal(w3c.type, 'Annotation');
    assert.equal(w3c.motivation, 'commenting');
    assert.equal(w3c.target.source, A);
    assert.equal(w3c.target.selector[0].exact, 'PARP');
    assert.equal(w3c.body.value, 'Check the year');
    const h = await hover(A, text, 'PARP');
    assert.match(h, /Check the year/);
    assert.match(h, /PARP/);
  });

  test('typing a line above moves the note with its passage; saving writes the new place', async () => {
    const added = 'A new first paragraph.\n';
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: server.uri(A), version: ++version },
      contentChanges: [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: added },
      ],
    });
    text = text.replace('Intro line.\n', added + 'Intro line.\n');
    const [note] = await items(A);
    assert.deepEqual(note.range, rangeOf(text, 'PARP'));
    assert.equal(note.orphan, false);
    assert.match(await hover(A, text, 'PARP'), /Check the year/);
    writeFileSync(path.join(server.folder, A), text);
    await server.connection.sendNotification('textDocument/didSave', {
      textDocument: { uri: server.uri(A) },
    });
    await waitFor(
      () => JSON.parse(readFileSync(store(A), 'utf8')).target.selector[1].start === text.indexOf('PARP'),
    );
  });

  test('a tag is listed with its colour', async () => {
    await run('corpusAnnotator.tag', {
      uri: server.uri(A),
      range: rangeOf(text, 'discussed PARP'),
      tag: 'claim',
    });
    const all = (await server.connection.sendRequest('corpusAnnotator/annotations', {
      uri: server.uri(A),
    })) as {
      tags: { name: string; color: string }[];
      items: Item[];
    };
    assert.deepEqual(all.tags.find((t) => t.name === 'claim')?.color, '#e5a50a');
    assert.ok(all.items.some((i) => i.kind === 'tag' && i.exact === 'discussed PARP'));
    assert.match(await hover(A, text, 'discussed'), /`claim`/);
  });

  test('not an entity: the person leaves hovers and references at once', async () => {
    const refs = async (): Promise<Location[]> =>
      server.connection.sendRequest('textDocument/references', {
        textDocument: { uri: server.uri(B) },
        position: positionOf(FILES[B], 'Ahmed Bakr', 0, 1),
        context: { includeDeclaration: true },
      });
    assert.ok((await refs()).some((l) => l.uri === server.uri(A)));
    assert.match(await hover(A, text, 'Ahmed Bakr'), /Ahmed Bakr/);
    await run('corpusAnnotator.correct', {
      uri: server.uri(A),
      range: rangeOf(text, 'Ahmed Bakr'),
      correction: { type: 'not-entity' },
    });
    await run('corpusAnnotator.correct', {
      uri: server.uri(A),
      range: rangeOf(text, 'Bakr', 1),
      correction: { type: 'not-entity' },
    });
    const after = await refs();
    assert.ok(!after.some((l) => l.uri === server.uri(A)), JSON.stringify(after));
    const h = await hover(A, text, 'Ahmed Bakr');
    assert.doesNotMatch(h, /· person|· official/);
    assert.match(h, /not an entity/);
  });

  test("this document's date is: its relative dates are read from it", async () => {
    const before = await hover(A, text, 'May 4');
    assert.match(before, /2020-05-04/);
    await run('corpusAnnotator.correct', {
      uri: server.uri(A),
      range: rangeOf(text, '2020-05-01'),
      correction: { type: 'document-date', value: '2004-11-08' },
    });
    assert.match(await hover(A, text, 'May 4'), /\*\*2004-05-04\*\*/);
  });

  test('a passage deleted on disk: the note is an orphan with a diagnostic, kept in the store', async () => {
    await run('corpusAnnotator.addNote', {
      uri: server.uri(C),
      range: rangeOf(FILES[C], 'zebra crossing'),
      text: 'Which one?',
    });
    const storeText = readFileSync(store(C), 'utf8');
    writeFileSync(path.join(server.folder, C), 'date 2020-07-01\nThe road was closed.\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: server.uri(C), type: 2 }],
    });
    const d = await server.diagnostics(C, (p: PublishDiagnosticsParams) =>
      p.diagnostics.some((x) => x.code === 'annotation-orphan'),
    );
    const orphan = d.diagnostics.find((x) => x.code === 'annotation-orphan')!;
    assert.match(String(orphan.message), /Which one\?/);
    assert.equal(readFileSync(store(C), 'utf8'), storeText);
    const [item] = await items(C);
    assert.equal(item.orphan, true);
    // the quick fix deletes it; re-attaching it is offered on a selection
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: server.uri(C) },
      range: rangeOf('date 2020-07-01\nThe road was closed.\n', 'road'),
      context: { diagnostics: [orphan] },
    })) as CodeAction[];
    assert.ok(actions.some((a) => a.title === 'Delete the orphaned annotation'));
    const reattach = actions.find((a) => /^Re-attach the orphaned note “Which one\?” here$/.test(a.title));
    assert.ok(reattach, actions.map((a) => a.title).join('\n'));
    await run(reattach.command!.command, reattach.command!.arguments![0]);
    const [placed] = await items(C);
    assert.equal(placed.orphan, false);
    assert.equal(placed.exact, 'road');
  });

  test('a store made invalid by hand: a diagnostic in it, the server answers, nothing overwritten', async () => {
    const file = store(BROKEN);
    const before = readFileSync(file, 'utf8');
    const d = await server.diagnostics(path.relative(server.folder, file), (p) => p.diagnostics.length > 0);
    assert.equal(d.diagnostics[0].code, 'annotation-store-invalid');
    assert.match(String(d.diagnostics[0].message), /Not JSON/);
    const result = await run('corpusAnnotator.addNote', {
      uri: server.uri(BROKEN),
      range: rangeOf(FILES[BROKEN], 'Nothing'),
      text: 'lost?',
    });
    assert.equal(result, null);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.match(await hover(A, text, 'PARP'), /Check the year/);
  });

  test('Ctrl+T finds a note by its text', async () => {
    const found = (await server.connection.sendRequest('workspace/symbol', { query: 'check the' })) as {
      name: string;
      location: Location;
    }[];
    const note = found.find((s) => s.name.includes('Check the year'));
    assert.ok(note, JSON.stringify(found));
    assert.equal(note.location.uri, server.uri(A));
  });

  test('a note thread: reply, edit, resolve, delete the reply, each written to the store', async () => {
    const [note] = (await items(A)).filter((i) => i.kind === 'note');
    const replyId = String(await run('corpusAnnotator.reply', { id: note.id, text: 'Agreed, 1997.' }));
    assert.equal(replyId, 'true');
    const stored = () =>
      parseStore(readFileSync(store(A), 'utf8')).annotations.find((a) => a.id === note.id)!;
    await waitFor(() => stored().replies?.[0]?.text === 'Agreed, 1997.');
    const reply = stored().replies![0];
    await run('corpusAnnotator.editAnnotation', { id: note.id, text: 'Check the year (edited)' });
    await run('corpusAnnotator.editAnnotation', { id: reply.id, text: 'Agreed: 1997.' });
    await run('corpusAnnotator.resolveNote', { id: note.id, resolved: true });
    await waitFor(() => stored().resolved === true && stored().replies?.[0].text === 'Agreed: 1997.');
    assert.deepEqual(stored().body, { kind: 'note', text: 'Check the year (edited)' });
    assert.match(
      await hover(A, text, 'PARP'),
      /Check the year \(edited\).*resolved|resolved.*Check the year \(edited\)/s,
    );
    await run('corpusAnnotator.deleteAnnotation', { id: reply.id });
    await waitFor(() => (stored().replies ?? []).length === 0);
    await run('corpusAnnotator.editAnnotation', { id: note.id, text: 'Check the year' });
  });

  test('a deleted source: its annotations stay as orphans, listed in the store with a quick fix to delete', async () => {
    const file = 'corpus/gone.txt';
    const body = 'date 2020-09-01\nA short-lived file about PfP.\n';
    writeFileSync(path.join(server.folder, file), body);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: server.uri(file), type: 1 }],
    });
    // the server indexes the new file when it hears of it: the note is added once it has
    const hover0 = async () =>
      server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: server.uri(file) },
        position: positionOf(body, 'PfP', 0, 1),
      });
    const deadline = Date.now() + 5000;
    while (!(await hover0()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await run('corpusAnnotator.addNote', {
      uri: server.uri(file),
      range: rangeOf(body, 'short-lived'),
      text: 'Why was it withdrawn?',
    });
    const storeFile = store(file);
    await waitFor(() => existsSync(storeFile));
    unlinkSync(path.join(server.folder, file));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: server.uri(file), type: 3 }],
    });
    const storeRel = path.relative(server.folder, storeFile);
    const d = await server.diagnostics(storeRel, (p) =>
      p.diagnostics.some((x) => x.code === 'annotation-orphan'),
    );
    const orphan = d.diagnostics.find((x) => x.code === 'annotation-orphan')!;
    assert.match(String(orphan.message), /gone\.txt is gone/);
    assert.ok(readFileSync(storeFile, 'utf8').includes('Why was it withdrawn?'), 'the store keeps the note');
    const [item] = await items(file);
    assert.equal(item.orphan, true);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: server.uri(storeRel) },
      range: orphan.range,
      context: { diagnostics: [orphan] },
    })) as CodeAction[];
    const del = actions.find((x) => x.title === 'Delete the orphaned annotation');
    assert.ok(del, actions.map((x) => x.title).join(' | '));
    await run(del.command!.command, del.command!.arguments![0]);
    await waitFor(() => !existsSync(storeFile));
  });

  test('a renamed source takes its annotations along', async () => {
    const from = path.join(server.folder, C);
    const to = path.join(server.folder, 'corpus/c2.txt');
    renameSync(from, to);
    await server.connection.sendNotification('workspace/didRenameFiles', {
      files: [{ oldUri: server.uri(C), newUri: server.uri('corpus/c2.txt') }],
    });
    await waitFor(() => existsSync(store('corpus/c2.txt')) && !existsSync(store(C)));
    assert.equal(JSON.parse(readFileSync(store('corpus/c2.txt'), 'utf8')).target.source, 'corpus/c2.txt');
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
