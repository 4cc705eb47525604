// Known long forms found anywhere in a text, "case, hyphens and spacing aside" (issue 5).
// The table is what the corpus index builds from every definition in the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLongFormTable, findLongForms, normaliseLongForm } from '../../server/src/analysis/longForms';
import { parseAnnotated, render } from '../support/fixture';

const TABLE = buildLongFormTable([
  { key: 'pfp', long: 'Partnership for Peace' },
  { key: 'parp', long: 'Planning and Review Process' },
  { key: 'nacc', long: 'North Atlantic Cooperation Council' },
  { key: 'eapc', long: 'Euro-Atlantic Partnership Council' },
  { key: 'ana', long: 'Afghan National Army' },
  { key: 'anatf', long: 'Afghan National Army Trust Fund' },
  { key: 'it', long: 'information technologies' },
  { key: 'other', long: 'partnership-for-peace' }, // the same long form again: the first key wins
]);

/** `[...](taken)` marks a span already taken by another mention (a name, a date, a short form). */
function annotate(source: string): string {
  const { text, spans } = parseAnnotated(source);
  const taken = spans.filter((s) => s.label === 'taken');
  const found = findLongForms(text, TABLE, taken);
  for (const m of found) assert.equal(m.text, text.slice(m.start, m.end));
  return render(text, [
    ...taken,
    ...found.map((m) => ({ start: m.start, end: m.end, label: `${m.key} LF` })),
  ]);
}

const CASES: [string, string][] = [
  ['exact', 'Azerbaijan joined the [Partnership for Peace](pfp LF) in 1994.'],
  ['case aside', 'the [PARTNERSHIP FOR PEACE](pfp LF) and the [partnership for peace](pfp LF)'],
  ['hyphens aside', 'the [Partnership-for-Peace](pfp LF) framework'],
  ['spacing aside', 'the [Partnership  for\u00a0Peace](pfp LF) and [Planning and\nReview Process](parp LF)'],
  ['hyphenated long form written with a space', 'the [Euro Atlantic Partnership Council](eapc LF) met'],
  ['without its short form nearby', 'Azerbaijan joined the [North Atlantic Cooperation Council](nacc LF).'],
  ['possessive outside the span', "the [Partnership for Peace](pfp LF)'s goals"],
  [
    'longest first',
    'NATO’s [Afghan National Army Trust Fund](anatf LF) and the [Afghan National Army](ana LF)',
  ],
  ['lower-case long forms', 'new [information technologies](it LF) spread'],
  ['several in a row', '[Partnership for Peace](pfp LF), [Planning and Review Process](parp LF).'],

  // not long forms
  ['a longer word', 'the Partnership for Peaceful ends'],
  ['a partial phrase', 'the Partnership for the Peace; North Atlantic Council'],
  ['broken by punctuation', 'Partnership for, Peace and Planning. And Review Process'],
  ['broken by a blank line', 'the Partnership for\n\nPeace'],
  [
    'overlapping a taken span',
    'the [Partnership](taken) for Peace, [Afghan National Army (ANA)](taken) Trust Fund, [Planning](taken) and [Planning and Review Process](parp LF)',
  ],
];

for (const [name, source] of CASES) {
  test(`long forms: ${name}`, () => {
    assert.equal(annotate(source), source);
  });
}

test('normalise: case, hyphens and spacing aside', () => {
  const forms = [
    'Partnership for Peace',
    'Partnership-for-Peace',
    ' partnership  FOR\npeace ',
    'Partnership for Peace.',
  ];
  assert.deepEqual(
    forms.map(normaliseLongForm),
    forms.map(() => 'partnership for peace'),
  );
  assert.notEqual(normaliseLongForm('Partnership for Peace'), normaliseLongForm('Partnership of Peace'));
});

test('an empty table finds nothing', () => {
  assert.deepEqual(findLongForms('Partnership for Peace', buildLongFormTable([]), []), []);
});

test('total: odd input', () => {
  const odd = [
    '',
    '\u0000\ud800',
    'Partnership for',
    'for Peace',
    '🙂Partnership for Peace🙂',
    'Partnership for Peace-',
  ];
  assert.deepEqual(
    odd.map((t) =>
      findLongForms(t, TABLE, [])
        .map((m) => m.text)
        .join('|'),
    ),
    ['', '', '', '', 'Partnership for Peace', 'Partnership for Peace'],
  );
});

test('linear: 5 MB of near misses', () => {
  const chunk = 'Partnership for Peaceful Partnership - for Afghan National Army Trust ';
  const text = chunk.repeat(Math.ceil(5_000_000 / chunk.length));
  const t0 = performance.now();
  const found = findLongForms(text, TABLE, []);
  const ms = performance.now() - t0;
  assert.equal(found.length, Math.ceil(5_000_000 / chunk.length));
  assert.ok(ms < 5000, `took ${ms} ms`);
});
