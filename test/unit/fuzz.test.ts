// Property-based tests over hostile text (issue 18): every recogniser, the whole analysis and
// the corpus index, on strings of astral letters, combining marks, bidi controls, lone
// surrogates, brackets, quotes, digits and every kind of line break. They never throw, finish
// within a budget, return spans inside the text on code-point boundaries, give the same result
// for the same text, and an index changed edit by edit equals one built afresh.
//
// `npm test` runs a fixed seed and a small number of cases; FUZZ_RUNS=100000 (and FUZZ_SEED)
// makes a long run. Each property reports its case count and its longest case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { recogniseAcronyms } from '../../server/src/analysis/acronyms';
import { extractClaims } from '../../server/src/analysis/claims';
import { CorpusIndex } from '../../server/src/analysis/corpusIndex';
import { readDocumentDate, recogniseDates } from '../../server/src/analysis/dates';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';
import { recognisePeople } from '../../server/src/analysis/people';
import { splitSentences } from '../../server/src/analysis/sentences';
import { fuzzRuns, fuzzSeed, hostileRuns, hostileText, splitsPair } from '../support/hostileText';

/** A case slower than this fails: no text of a few hundred characters takes it honestly. */
const CASE_BUDGET_MS = 2000;

interface SpanLike {
  start: number;
  end: number;
}

function checkSpans(label: string, text: string, spans: readonly SpanLike[]): void {
  for (const s of spans) {
    assert.ok(
      Number.isInteger(s.start) &&
        Number.isInteger(s.end) &&
        0 <= s.start &&
        s.start <= s.end &&
        s.end <= text.length,
      `${label}: span ${s.start}-${s.end} outside a text of ${text.length}`,
    );
    assert.ok(
      !splitsPair(text, s.start) && !splitsPair(text, s.end),
      `${label}: span ${s.start}-${s.end} splits a surrogate pair`,
    );
  }
}

/** Runs a property, timing each case; logs the count and the longest case. */
function run<T>(name: string, ciRuns: number, arb: fc.Arbitrary<T>, check: (value: T) => void): void {
  let longest = 0;
  let longestInput = '';
  let cases = 0;
  fc.assert(
    fc.property(arb, (value) => {
      cases++;
      const t0 = performance.now();
      check(value);
      const ms = performance.now() - t0;
      if (ms > longest) {
        longest = ms;
        longestInput = JSON.stringify(value).slice(0, 120);
      }
      assert.ok(ms < CASE_BUDGET_MS, `${name}: one case took ${ms.toFixed(0)} ms`);
    }),
    { numRuns: fuzzRuns(ciRuns), seed: fuzzSeed() },
  );
  console.log(`fuzz ${name}: ${cases} cases, longest ${longest.toFixed(1)} ms on ${longestInput}`);
}

const text = fc.oneof(hostileText(120), hostileRuns(40, 40));

test('fuzz: every recogniser is total, in bounds and deterministic on hostile text', () => {
  run('recognisers', 3000, text, (t) => {
    const sentences = splitSentences(t);
    checkSpans('sentences', t, sentences);
    const documentDate = readDocumentDate(t, sentences);
    const dates = recogniseDates(t, sentences, documentDate);
    checkSpans('dates', t, dates.mentions);
    checkSpans('date findings', t, dates.findings);
    const acronyms = recogniseAcronyms(t, sentences);
    checkSpans('acronyms', t, acronyms.mentions);
    checkSpans(
      'definitions',
      t,
      acronyms.definitions.flatMap((d) => [d.shortSpan, d.longSpan]),
    );
    const names = recognisePeople(t, sentences);
    checkSpans('names', t, names);
    const claims = extractClaims({
      text: t,
      sentences,
      dates: dates.mentions,
      names,
      acronyms: acronyms.mentions,
    });
    checkSpans(
      'claims',
      t,
      claims.map((c) => c.span),
    );
    // the same text gives the same result
    assert.deepEqual(splitSentences(t), sentences);
    assert.deepEqual(recogniseAcronyms(t, sentences), acronyms);
    assert.deepEqual(recognisePeople(t, sentences), names);
    assert.deepEqual(recogniseDates(t, sentences, documentDate), dates);
  });
});

test('fuzz: the whole analysis is total, in bounds and deterministic', () => {
  run('analyseDocument', 2000, text, (t) => {
    const a = analyseDocument(t);
    for (const [label, spans] of [
      ['sentences', a.sentences],
      ['dates', a.dates],
      ['names', a.names],
      ['acronyms', a.acronyms],
      ['findings', a.findings],
      ['claims', a.claims.map((c) => c.span)],
    ] as const)
      checkSpans(label, t, spans);
    assert.deepEqual(analyseDocument(t), a);
  });
});

/** What the corpus says about each file, as text: mentions, findings and conflicts. */
function corpusView(index: CorpusIndex, paths: readonly string[]): string {
  return JSON.stringify(
    paths.map((p) => [
      p,
      index.mentions(p).map((m) => [m.start, m.end, m.kind, m.entity, m.value, m.ambiguous]),
      index.findings(p).map((f) => [f.start, f.end, f.code, f.message]),
      index.conflicts(p).map((c) => [c.at.claim.span, c.message, c.others.map((o) => [o.doc, o.claim.span])]),
    ]),
  );
}

const PATHS = ['/c/a.txt', '/c/b.txt', '/c/c.txt'];
const corpus = fc.tuple(text, text, text);

test('fuzz: the corpus index over several hostile files is total and in bounds', () => {
  run('corpus index', 800, corpus, (texts) => {
    const index = new CorpusIndex();
    texts.forEach((t, i) => index.update(PATHS[i], t));
    PATHS.forEach((p, i) => {
      checkSpans(`mentions of ${p}`, texts[i], index.mentions(p));
      checkSpans(`findings of ${p}`, texts[i], index.findings(p));
      checkSpans(
        `conflicts of ${p}`,
        texts[i],
        index.conflicts(p).map((c) => c.at.claim.span),
      );
      for (const c of index.conflicts(p))
        for (const o of c.others) checkSpans(`related of ${p}`, texts[PATHS.indexOf(o.doc)], [o.claim.span]);
    });
    index.allConflicts();
    index.people();
    for (const key of index.acronymKeys()) index.acronym(key);
  });
});

/** An edit: in file `file`, replace [at, at + remove) (scaled to the text) by `insert`. */
const edit = fc.record({
  file: fc.integer({ min: 0, max: 2 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 12 }),
  insert: hostileText(6),
  reopen: fc.boolean(),
});

test('fuzz: an index changed edit by edit equals one built afresh, for every file', () => {
  run(
    'incremental index',
    300,
    fc.tuple(corpus, fc.array(edit, { minLength: 1, maxLength: 12 })),
    ([start, edits]) => {
      const texts = [...start];
      const index = new CorpusIndex();
      texts.forEach((t, i) => index.update(PATHS[i], t));
      // read everything once, so that the caches hold the earlier versions
      corpusView(index, PATHS);
      let version = 1;
      for (const e of edits) {
        const t = texts[e.file];
        const at = Math.floor(e.at * t.length);
        texts[e.file] = t.slice(0, at) + e.insert + t.slice(Math.min(t.length, at + e.remove));
        // closing and reopening drops the file and indexes it again, as the server does
        if (e.reopen) index.remove(PATHS[e.file]);
        index.update(PATHS[e.file], texts[e.file], version++);
        if (version % 3 === 0) corpusView(index, PATHS);
      }
      const fresh = new CorpusIndex();
      texts.forEach((t, i) => fresh.update(PATHS[i], t));
      assert.equal(corpusView(index, PATHS), corpusView(fresh, PATHS));
    },
  );
});
