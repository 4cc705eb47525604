// Random edits through the real server: typed into an open buffer (didChange), and written on
// disk behind its back (didChangeWatchedFiles). The annotations it reports must be exactly
// where the engine's anchoring puts them (the property test checks that anchoring), and none
// may be dropped. ANCHORING_EDITS=10000 runs the full measurement (default: a CI-sized run).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Range } from 'vscode-languageserver-protocol';
import {
  editAnnotations,
  placeAnnotations,
  refreshQuotes,
} from '../../server/src/analysis/annotations/placement';
import type { Annotation } from '../../server/src/analysis/annotations/model';
import { parseStore } from '../../server/src/analysis/annotations/w3c';
import { LineIndex } from '../../server/src/node/lineIndex';
import { startServer, type TestServer } from '../support/lspServer';

const EDITS = Number(process.env.ANCHORING_EDITS ?? 300);
const CHECK_EVERY = Number(process.env.ANCHORING_CHECK_EVERY ?? 25);
const WORDS = 'the minister met PARP officials in Baku on May 4 😀 and agreed a review of NATO budgets'.split(
  ' ',
);
const TYPED = 'corpus/typed.txt';
const DISK = 'corpus/disk.txt';

function page(seed: number): string {
  const words = fc.sample(fc.constantFrom(...WORDS), { numRuns: 600, seed });
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 12) lines.push(words.slice(i, i + 12).join(' ') + '.');
  return 'date 2020-05-01\n' + lines.join('\n') + '\n';
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}
const edits = (seed: number, n: number): Edit[] =>
  fc.sample(
    fc.record({
      at: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((x) => x / 1_000_000),
      remove: fc.oneof(
        { arbitrary: fc.constant(0), weight: 5 },
        { arbitrary: fc.integer({ min: 1, max: 8 }), weight: 4 },
        { arbitrary: fc.integer({ min: 9, max: 60 }), weight: 1 },
      ),
      insert: fc.oneof(
        fc.constant(''),
        fc.constantFrom(...WORDS).map((w) => w + ' '),
        fc.constant('\n'),
      ),
    }),
    { numRuns: n, seed },
  );

/** An edit spec on `text`, never splitting a surrogate pair. */
function place(text: string, e: Edit): { start: number; end: number; insert: string } {
  let start = Math.floor(e.at * text.length);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
  let end = Math.min(text.length, start + e.remove);
  if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
  return { start, end, insert: e.insert };
}

describe(`anchoring through the server (${EDITS} typed edits, ${EDITS} on disk)`, () => {
  let server: TestServer;
  const files = { 'corpus-annotator.json': '{}', [TYPED]: page(1), [DISK]: page(2) };
  const store = (rel: string) => path.join(server.folder, '.annotations', rel + '.jsonl');
  const items = async (rel: string) =>
    (
      (await server.connection.sendRequest('corpusAnnotator/annotations', { uri: server.uri(rel) })) as {
        items: { id: string; range: Range | null; orphan: boolean; exact: string }[];
      }
    ).items;

  /** Ten notes on words of the text, added through the server; their store as the model's start. */
  async function annotate(rel: string, text: string) {
    const lines = new LineIndex(text);
    for (let i = 0; i < 10; i++) {
      const start = text.indexOf(' ', Math.floor((text.length * i) / 10)) + 1;
      const end = text.indexOf(' ', start + 3);
      await server.connection.sendRequest('workspace/executeCommand', {
        command: 'corpusAnnotator.addNote',
        arguments: [
          {
            uri: server.uri(rel),
            range: { start: lines.positionAt(start), end: lines.positionAt(end) },
            text: `n${i}`,
          },
        ],
      });
    }
    return parseStore(readFileSync(store(rel), 'utf8')).annotations;
  }

  before(async () => {
    server = await startServer(files);
    await server.logged(/indexed \d+ files/);
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0);
  });

  test('typed: the server moves each annotation exactly as the anchoring model does', async () => {
    let text = files[TYPED];
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: server.uri(TYPED), languageId: 'corpus', version: 1, text },
    });
    let model: readonly Annotation[] = await annotate(TYPED, text);
    const orphans = new Set<string>();
    const everOrphaned = new Set<string>();
    let version = 1;
    const counts = { placed: 0, moved: 0, orphaned: 0 };
    const startAt = new Map(model.map((a) => [a.id, a.start]));
    for (const [i, e] of edits(16, EDITS).entries()) {
      const { start, end, insert } = place(text, e);
      const lines = new LineIndex(text);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: server.uri(TYPED), version: ++version },
        contentChanges: [
          { range: { start: lines.positionAt(start), end: lines.positionAt(end) }, text: insert },
        ],
      });
      model = editAnnotations(model, orphans, { start, end, length: insert.length });
      text = text.slice(0, start) + insert + text.slice(end);
      if (i % CHECK_EVERY !== CHECK_EVERY - 1 && i !== EDITS - 1) continue;
      model = refreshQuotes(model, orphans, text);
      for (const id of orphans) everOrphaned.add(id);
      const got = await items(TYPED);
      assert.equal(got.length, model.length, 'none dropped');
      const lines2 = new LineIndex(text);
      model = model.map((a) => {
        const g = got.find((x) => x.id === a.id)!;
        if (everOrphaned.has(a.id)) {
          // an orphan is placed again by the server when its quote comes back (at an analysis,
          // whenever that ran): then it is on its quote, and the model follows the server
          if (g.orphan || !g.range) {
            orphans.add(a.id);
            return a;
          }
          const start = lines2.offsetAt(g.range.start);
          const end = lines2.offsetAt(g.range.end);
          assert.equal(text.slice(start, end), g.exact, `${a.id} placed again on its quote`);
          orphans.delete(a.id);
          return { ...a, start, end, exact: g.exact };
        }
        assert.equal(g.orphan, false, `${a.id} orphan after edit ${i}`);
        assert.deepEqual(
          g.range,
          { start: lines2.positionAt(a.start), end: lines2.positionAt(a.end) },
          `${a.id} after edit ${i}: model “${a.exact}”, server “${g.exact}” (our text there: “${g.range ? text.slice(lines2.offsetAt(g.range.start), lines2.offsetAt(g.range.end)) : ''}”) ${server.logs.slice(-3).join(' | ')}`,
        );
        return a;
      });
    }
    for (const a of model) {
      if (orphans.has(a.id)) counts.orphaned++;
      else if (a.start === startAt.get(a.id)) counts.placed++;
      else counts.moved++;
    }
    console.log(`typed through the server: ${EDITS} edits, ${JSON.stringify(counts)}`);
  });

  test('on disk: the server re-anchors each annotation as the model does, none dropped', async () => {
    let text = files[DISK];
    let model = await annotate(DISK, text);
    const counts = { same: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    const all = edits(61, EDITS);
    for (let i = 0; i < all.length; i += 10) {
      let next = text;
      for (const e of all.slice(i, i + 10)) {
        const { start, end, insert } = place(next, e);
        next = next.slice(0, start) + insert + next.slice(end);
      }
      writeFileSync(path.join(server.folder, DISK), next);
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: server.uri(DISK), type: 2 }],
      });
      const placed = placeAnnotations(model, next, text);
      for (const k of ['same', 'moved', 'fuzzy', 'orphaned'] as const) counts[k] += placed.counts[k];
      text = next;
      model = placed.annotations;
      const lines = new LineIndex(text);
      // the server has read the file when its annotations are where the model puts them
      const deadline = Date.now() + 10_000;
      for (;;) {
        const got = await items(DISK);
        const ok =
          got.length === model.length &&
          model.every((a) => {
            const g = got.find((x) => x.id === a.id);
            return (
              g &&
              g.orphan === placed.orphans.has(a.id) &&
              (g.orphan ||
                JSON.stringify(g.range) ===
                  JSON.stringify({ start: lines.positionAt(a.start), end: lines.positionAt(a.end) }))
            );
          });
        if (ok) break;
        assert.ok(
          Date.now() < deadline,
          `after ${i + 10} edits the server's annotations differ from the model`,
        );
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    // the store on disk holds every annotation still
    assert.equal(parseStore(readFileSync(store(DISK), 'utf8')).annotations.length, 10);
    console.log(`on disk through the server: ${EDITS} edits, ${JSON.stringify(counts)}`);
  });
});
