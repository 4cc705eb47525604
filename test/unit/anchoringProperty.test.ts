// A property test of anchoring: random edits to files with annotations, as the server sees
// them (typed into an open buffer: each edit maps the annotations exactly) and as changes on
// disk (the server sees only the text before and after: annotations are found by quote).
//
//   - none is ever dropped: each is placed or an orphan;
//   - one whose quoted text still exists exactly once lands on it (on disk); one no typed
//     edit touched keeps its quoted text (typing);
//   - the counts of placed, moved and orphaned are printed for the report.
//
// The default run is sized for CI (a few seconds); ANCHORING_EDITS=10000 runs the full 10^4
// edits of the measurement in each mode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { TextEdit } from '../../server/src/analysis/annotations/anchoring';
import { quoteAt, type Annotation } from '../../server/src/analysis/annotations/model';
import {
  editAnnotations,
  placeAnnotations,
  refreshQuotes,
  replaceOrphans,
} from '../../server/src/analysis/annotations/placement';

const TOTAL_EDITS = Number(process.env.ANCHORING_EDITS ?? 2000);
const EDITS_PER_RUN = 20;
const RUNS = Math.max(1, Math.ceil(TOTAL_EDITS / EDITS_PER_RUN));

const WORDS = (
  'minister agreed the programme review in Baku with partners on Monday while officials said ' +
  'that joint exercises would follow after talks about reform budgets and the summit of leaders ' +
  'PARP NATO PfP Hasanov Aliyev 😀 Zürich 1997 2004 May June'
).split(' ');

/** A text of sentences over a small vocabulary, with LF or CRLF line ends. */
const textArb = fc
  .tuple(
    // a page or two: each run's twenty edits leave most passages alone, as reading does
    fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 14 }), {
      minLength: 20,
      maxLength: 60,
    }),
    fc.boolean(),
  )
  .map(([sentences, crlf]) => sentences.map((s) => s.join(' ') + '.').join(crlf ? '\r\n' : '\n') + '\n');

interface EditSpec {
  at: number;
  remove: number;
  insert: string;
}

/** A place in a text, as a fraction, uniform: fast-check favours small and extreme values. */
const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

/** Mostly typing (a word in, a few characters out), sometimes a line, now and then a passage cut. */
const editArb = fc.record({
  at: fraction,
  remove: fc.oneof(
    { arbitrary: fc.constant(0), weight: 5 },
    { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 4 },
    { arbitrary: fc.integer({ min: 7, max: 80 }), weight: 1 },
  ),
  insert: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...WORDS).map((w) => w + ' '),
    fc.string({ maxLength: 12 }),
    fc.constant('\n'),
  ),
});

/** Annotations on random passages: whole words and phrases, or any few characters. */
function annotate(text: string, picks: [number, number][]): Annotation[] {
  const out: Annotation[] = [];
  picks.forEach(([p, len], i) => {
    let start = Math.floor(p * (text.length - 1));
    // never inside a surrogate pair: a passage is characters
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start--;
    let end = Math.min(text.length, start + len);
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end++;
    if (end <= start) return;
    out.push({
      id: `a${i}`,
      source: 'a.txt',
      ...quoteAt(text, start, end),
      start,
      end,
      body: { kind: 'note', text: `note ${i}` },
      creator: 'test',
      created: '',
      modified: '',
    });
  });
  return out;
}

/** Applies an edit spec to a text: the edit in offsets, and the text after it. */
function apply(text: string, e: EditSpec): { edit: TextEdit; text: string } {
  let start = Math.floor(e.at * text.length);
  if (start > 0 && start < text.length && /[\uDC00-\uDFFF]/.test(text[start])) start--;
  let end = Math.min(text.length, start + e.remove);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end++;
  return {
    edit: { start, end, length: e.insert.length },
    text: text.slice(0, start) + e.insert + text.slice(end),
  };
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

const picksArb = fc.array(fc.tuple(fraction, fc.integer({ min: 3, max: 40 })), {
  minLength: 1,
  maxLength: 25,
});

test(`typed edits (${RUNS * EDITS_PER_RUN}): annotations move exactly, none is dropped`, () => {
  const counts = { annotations: 0, edits: 0, untouchedSamePlace: 0, moved: 0, changedInside: 0, orphaned: 0 };
  fc.assert(
    fc.property(
      textArb,
      picksArb,
      fc.array(editArb, { minLength: EDITS_PER_RUN, maxLength: EDITS_PER_RUN }),
      (original, picks, edits) => {
        const start = annotate(original, picks);
        let annotations: readonly Annotation[] = start;
        const orphans = new Set<string>();
        const touched = new Set<string>();
        let text = original;
        edits.forEach((spec, i) => {
          const { edit, text: next } = apply(text, spec);
          for (const a of annotations)
            if (!orphans.has(a.id) && edit.start < a.end && a.start < edit.end) touched.add(a.id);
            else if (
              !orphans.has(a.id) &&
              edit.start === edit.end &&
              edit.start > a.start &&
              edit.start < a.end
            )
              touched.add(a.id);
          annotations = editAnnotations(annotations, orphans, edit);
          text = next;
          counts.edits++;
          // the server analyses now and then while typing: quotes made true, returned orphans placed
          if (i % 5 === 4) {
            annotations = refreshQuotes(annotations, orphans, text);
            annotations = replaceOrphans(annotations, orphans, text);
          }
        });
        annotations = refreshQuotes(annotations, orphans, text);
        assert.equal(annotations.length, start.length, 'none dropped');
        assert.deepEqual(
          annotations.map((a) => a.id),
          start.map((a) => a.id),
        );
        start.forEach((before, k) => {
          const a = annotations[k];
          counts.annotations++;
          if (orphans.has(a.id)) {
            counts.orphaned++;
            return;
          }
          assert.ok(
            a.start >= 0 && a.end <= text.length && a.start < a.end,
            'a placed annotation is a passage of the text',
          );
          assert.equal(text.slice(a.start, a.end), a.exact, 'its quote is true');
          if (!touched.has(a.id)) {
            assert.equal(a.exact, before.exact, 'an untouched passage keeps its text');
            if (a.start === before.start) counts.untouchedSamePlace++;
            else counts.moved++;
          } else counts.changedInside++;
        });
      },
    ),
    { numRuns: RUNS, seed: 16 },
  );
  console.log(`typed: ${JSON.stringify(counts)}`);
  assert.equal(counts.edits, RUNS * EDITS_PER_RUN);
});

test(`changes on disk (${RUNS * EDITS_PER_RUN} edits): a quote that exists once is found on it, none is dropped`, () => {
  const counts = { annotations: 0, edits: 0, same: 0, moved: 0, fuzzy: 0, orphaned: 0, uniqueQuotes: 0 };
  fc.assert(
    fc.property(
      textArb,
      picksArb,
      fc.array(editArb, { minLength: EDITS_PER_RUN, maxLength: EDITS_PER_RUN }),
      fc.integer({ min: 1, max: 5 }),
      fc.boolean(),
      (original, picks, edits, batch, knowOld) => {
        let annotations: readonly Annotation[] = annotate(original, picks);
        const ids = annotations.map((a) => a.id);
        let text = original;
        // a few edits at a time, the server seeing only the result (with or without the text before)
        for (let i = 0; i < edits.length; i += batch) {
          let next = text;
          for (const spec of edits.slice(i, i + batch)) next = apply(next, spec).text;
          counts.edits += Math.min(batch, edits.length - i);
          const placed = placeAnnotations(annotations, next, knowOld ? text : undefined);
          assert.deepEqual(
            placed.annotations.map((a) => a.id),
            ids,
            'none dropped',
          );
          placed.annotations.forEach((a, k) => {
            const quote = annotations[k].exact;
            const found = occurrences(next, quote);
            if (found.length === 1) {
              counts.uniqueQuotes++;
              assert.ok(!placed.orphans.has(a.id), `“${quote}” exists once: not an orphan`);
              assert.equal(a.start, found[0], `“${quote}” exists once: it lands on it`);
              assert.equal(next.slice(a.start, a.end), quote);
            }
            if (!placed.orphans.has(a.id)) assert.equal(next.slice(a.start, a.end), a.exact);
          });
          counts.same += placed.counts.same;
          counts.moved += placed.counts.moved;
          counts.fuzzy += placed.counts.fuzzy;
          counts.orphaned += placed.counts.orphaned;
          counts.annotations += ids.length;
          annotations = placed.annotations;
          text = next;
        }
      },
    ),
    { numRuns: RUNS, seed: 16 },
  );
  console.log(`disk: ${JSON.stringify(counts)}`);
});
