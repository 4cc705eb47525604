// Quality floors on the shared conflict dev set (91 real TempEval wire stories in 9 story
// clusters, `shared/eval/conflicts/`): the same facts told in different words, planted
// conflicts, and traps. A regression on real text fails CI.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeJson, buildConflictSet, NO_SHARED, score, sharedDir, tempDir } from '../support/devsets';

const shared = sharedDir();

/** The set built once for the tests of this file. */
function built(): { dir: string; predicted: (set: 'planted' | 'original') => string } {
  const dir = tempDir('conflicts-');
  buildConflictSet(shared!, dir);
  const made = new Map<string, string>();
  return {
    dir,
    predicted: (set) => {
      let file = made.get(set);
      if (!file)
        made.set(set, (file = analyzeJson([path.join(dir, set)], path.join(dir, `pred.${set}.json`))));
      return file;
    },
  };
}

let set: ReturnType<typeof built> | undefined;
const theSet = () => (set ??= built());

test(
  'conflicts told in different words, on real wire stories, stay above their floors',
  { skip: !shared && NO_SHARED },
  () => {
    const { dir, predicted } = theSet();
    // floors at what the engine reaches; the targets of issue 14 in brackets (P >= 90, R >= 80)
    const floors: Record<string, { P: number; R: number }> = {
      planted: { P: 97, R: 74 }, // [90, 80]
      original: { P: 97, R: 76 }, // [90, 80]
    };
    for (const [name, floor] of Object.entries(floors)) {
      const { scores, text } = score(
        shared!,
        path.join(dir, `${name}.gold.json`),
        predicted(name as 'planted' | 'original'),
      );
      const row = scores['date conflicts (pairs)'];
      assert.ok(row, `no conflict row in the scorer's output:\n${text.slice(0, 1000)}`);
      assert.ok(
        row.P >= floor.P,
        `${name}: conflict precision ${row.P} fell below ${floor.P}\n${errors(text)}`,
      );
      assert.ok(row.R >= floor.R, `${name}: conflict recall ${row.R} fell below ${floor.R}\n${errors(text)}`);
    }
  },
);

test('no trap is reported: look-alikes of different facts', { skip: !shared && NO_SHARED }, () => {
  const { predicted } = theSet();
  const plants = JSON.parse(readFileSync(path.join(shared!, 'eval/conflicts/plants.json'), 'utf8')) as {
    id: string;
    kind: string;
    doc: string;
    fileStart: number;
    newText: string;
  }[];
  const analysis = JSON.parse(readFileSync(predicted('planted'), 'utf8')) as {
    diagnostics: {
      code: string;
      path: string;
      start: number;
      end: number;
      related?: { path: string; start: number; end: number }[];
    }[];
  };
  const places: { doc: string; start: number; end: number }[] = [];
  for (const d of analysis.diagnostics) {
    if (d.code !== 'date-conflict') continue;
    places.push({ doc: path.basename(d.path), start: d.start, end: d.end });
    for (const r of d.related ?? []) places.push({ doc: path.basename(r.path), start: r.start, end: r.end });
  }
  const traps = plants.filter((p) => p.kind === 'trap');
  assert.equal(traps.length, 5);
  for (const trap of traps) {
    const doc = trap.doc.replace(/[^\w.-]/g, '_') + '.txt';
    const start = trap.fileStart;
    const end = start + trap.newText.length;
    const hit = places.find((p) => p.doc === doc && p.start < end && start < p.end);
    assert.ok(!hit, `trap ${trap.id} (${trap.newText} in ${doc}) was reported as a conflict`);
  }
});

function errors(text: string): string {
  return text
    .split('\n')
    .filter((l) => /(missed|spurious) conflict/.test(l))
    .slice(0, 20)
    .join('\n');
}
