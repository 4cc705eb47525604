// People and officials in one document. Each case is the text with the expected output
// written in: `[Zakir Hasanov](name)` a full name, `[Hasanov](->Zakir Hasanov)` a surname and
// the full name it shortens, `[Vugar Khalilov](by)` a byline, `[Defence Minister](title)` a
// title attached to the name next to it. Text with no markup must yield nothing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { recognisePeople } from '../../server/src/analysis/people';
import { splitSentences } from '../../server/src/analysis/sentences';
import type { NameMention } from '../../server/src/analysis/types';
import { parseAnnotated, render, type LabelledSpan } from '../support/fixture';

function annotate(text: string): string {
  const names = recognisePeople(text, splitSentences(text));
  return render(text, toSpans(names));
}

function toSpans(names: readonly NameMention[]): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  for (const n of names) {
    const label = n.byline ? 'by' : n.fullRef >= 0 ? '->' + names[n.fullRef].text : 'name';
    spans.push({ start: n.start, end: n.end, label });
    for (const t of n.titles) spans.push({ start: t.start, end: t.end, label: 'title' });
  }
  return spans;
}

function check(expected: string): void {
  const { text } = parseAnnotated(expected);
  assert.equal(annotate(text), expected);
}

const SHAPES: Record<string, string> = {
  'full name, title before, surname later':
    '[Azerbaijani Defence Minister](title) [Zakir Hasanov](name) met the envoy. [Hasanov](->Zakir Hasanov) spoke first.',
  'long title with possessive and complement':
    "[NATO Secretary General's Special Representative for the Caucasus and Central Asia](title) [Javier Colomina](name) arrived.",
  'initial and surname, appositive title':
    'In June 1995, [C. Mackenzie](name), [Deputy Commander-in-Chief of NATO forces in Europe](title), visited Azerbaijan.',
  particles:
    'The plan was submitted to the [Secretary-General of NATO](title) [Jaap de Hoop Scheffer](name). He came in 2004.',
  'diacritics, and a surname written without them':
    '[Deputy Secretary General](title) [Mircea Geoană](name) spoke. [Geoana](->Mircea Geoană) added more.',
  'possessives stay outside the span':
    "[Jens Stoltenberg](name)'s note, [Stoltenberg](->Jens Stoltenberg)’s aide and [President](title) [Heydar Aliyev](name)`s decree.",
  'byline; a one-word byline is an organisation':
    'By Azernews\n\nBy [Vugar Khalilov](by)\n\n[Defence Minister](title) [Zakir Hasanov](name) met them.',
  'title after the name, up to the comma':
    '[Javier Solana](name), [Secretary-General of NATO](title), came in April 1996.',
  'title after the name, up to the verb':
    'In January 2001, [George Robertson](name), the [new Secretary-General of NATO](title) visited Baku.',
  'lower-case title after the name':
    'It was headed by [Necil Nedimoglu](name), [chairman of the verification committee of the organization](title).',
  // an organisation whose name runs on through `of the` is cut off mid-name: not part of the title (issue 17)
  'organisation before the office':
    "NATO'S Cooperative Security Division of the International Military Staff [Director](title) [Francesco Diella](name) came.",
  'short organisation before the office': '[UNOS spokeswoman](title) [Anna Berg](name) said so.',
  'head of mission':
    'It met with [head of Azerbaijan’s Mission to NATO](title) [Gaya Mammadov](name) on Monday.',
  'special envoy with a complement in capitals':
    'The visit of the [special envoy of the NATO Secretary-General on South Caucasus and Central Asia](title) [Robert Simmons](name) to Baku.',
  'office of the republic':
    'On May 4, 1994, the [President of the Republic of Azerbaijan](title) [Heydar Aliyev](name) signed it.',
  'determiner before the office': 'The delegation met its [Secretary-General](title) [Manfred Werner](name).',
  rank: 'The unit was led by [Colonel](title) [Elchin Abdullayev](name) until 2010.',
  'abbreviated rank and honorific with a full stop':
    'Later, [Gen.](title) [Smith](name) met Dr. [Jones](name).',
  'office or honorific makes a lone surname a name':
    'Later, [President](title) [Aliyev](name) and Mr. [Pak](name) spoke.',
  'two people joined by and keep their own titles':
    'The minister and [President](title) [Ilham Aliyev](name) met [Foreign Minister](title) [Jeyhun Bayramov](name).',
  'tight initials': '[J.C. Matlock](name), [chairman](title), said the U.S. Immigration office agreed.',
  'suffix and capitalised particle':
    '[Louis Gerstner Jr.](name) spoke. Officials said [Osama bin Laden](name) hid. [Bin Laden](->Osama bin Laden) fled.',
};

for (const [name, expected] of Object.entries(SHAPES)) {
  test(`people: ${name}`, () => check(expected));
}

// None of these is a person's name.
const NOT_NAMES = [
  'Azerbaijan joined the North Atlantic Cooperation Council in 1992.',
  'It supports the Resolute Support Mission in Afghanistan.',
  'The meeting was held in Baku on April 29.',
  'Furthermore, the delegation was informed. Thanks to regular participation, it grew.',
  'The President said so. The Secretary General agreed.',
  'NATO and the PfP Planning and Review Process (PARP) since 1997.',
  'Relations started in March 1992 with the Euro-Atlantic Partnership Council.',
  'In Hong Kong, the World Bank and the International Monetary Fund met.',
  'The Armenia-Azerbaijan Nagorno-Karabakh conflict and the Military High School.',
  'Brief essay was compiled on May 25, 2006.',
  'Ethnic Albanians fled as Hurricane Hugo hit Battle Creek.',
  '',
];

test('people: organisations, places, months, sentence starts, titles and acronyms are not names', () => {
  for (const text of NOT_NAMES) assert.equal(annotate(text), text);
});

test('people: companies named after people are no people without evidence of one', () => {
  check('Shares rose at Goldman Sachs on Friday.');
});

test('people: a given name written alone after the full name is a second name', () => {
  // FIXME: `Juan Miguel` shortens `Juan Miguel Gonzalez` (Spanish double given name); today it
  // stands alone as a two-word name with surname `Miguel`.
  check('[Juan Miguel Gonzalez](name) flew in. [Juan Miguel](name) spoke.');
});

test('people: a lone surname in a document that never writes the full name', () => {
  // FIXME: `Hasanov` is a person the corpus knows from other files, but one document alone
  // cannot tell it from a place or a firm; it needs the corpus's surnames passed in.
  check('Hasanov said so in Baku.');
});

test('people: odd input gives fewer mentions, never an exception', () => {
  const odd = [
    '\u0000\u0001\uFFFF\uD800 binary \uDC00 junk',
    '😀 Zakir 😀 Hasanov 😀',
    'President\r\nAliyev\r\n\r\nBy Vugar Khalilov\r\n',
    'Mr.',
    ', , , Secretary-General of',
    'Ilham Aliyev, ',
    "'s 's 's",
  ];
  for (const text of odd) {
    const names = recognisePeople(text, splitSentences(text));
    for (const n of names) assert.equal(text.slice(n.start, n.end), n.text);
  }
  // no sentence spans at all: still total
  assert.deepEqual(
    recognisePeople('Minister Zakir Hasanov met Jens Stoltenberg.', []).map((n) => n.text),
    ['Zakir Hasanov', 'Jens Stoltenberg'],
  );
});

test('people: CRLF text keeps offsets and still finds names', () => {
  check('By [Vugar Khalilov](by)\r\n\r\n[Defence Minister](title) [Zakir Hasanov](name) met them.\r\n');
});

test('people: mentions carry given names and surname', () => {
  const text = 'Secretary-General Jaap de Hoop Scheffer met C. Mackenzie and Zakir Hasanov.';
  const names = recognisePeople(text, splitSentences(text));
  assert.deepEqual(
    names.map((n) => `${n.given.join(' ')} | ${n.surname}`),
    ['Jaap | de Hoop Scheffer', 'C. | Mackenzie', 'Zakir | Hasanov'],
  );
});

test('people: linear time on long runs of capitalised words and long sentences', () => {
  const words = 'Alpha Beta Gamma Delta Epsilon Minister of the Council and ';
  const text = words.repeat(40_000); // ≈2.4 MB in one sentence
  const t0 = Date.now();
  recognisePeople(text, splitSentences(text));
  assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
});
