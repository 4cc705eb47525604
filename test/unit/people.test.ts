// People and officials in one document. Each case is the text with the expected output
// written in: `[Zakir Hasanov](name)` a full name, `[Hasanov](->Zakir Hasanov)` a surname and
// the full name it shortens, `[Vugar Khalilov](by)` a byline, `[Defence Minister](title)` a
// title attached to the name next to it. Text with no markup must yield nothing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';
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

// The shapes of real news that issue 15 lists, one row each (invented sentences).
const NEWS_SHAPES: Record<string, string> = {
  'apposition before the name, an honorific between':
    'The [Minister of Foreign Affairs of Ruritania](title), Mr [Ivan Petrov](name), arrived on Monday.',
  'apposition after the name, a hyphenated office':
    '[Ivan Petrov](name), the [new co-chair of the working group](title), opened the session.',
  "a country's representative in apposition before, opening the sentence":
    "[Ruritania's permanent representative to the UN](title), [Ivan Petrov](name) said the vote would wait.",
  'a surname alone with its title after it':
    '[Clark](name), the [district attorney](title), said the case was closed.',
  'an honorific between title and name': '[Deputy Minister](title) Mr. [Ivan Petrov](name) spoke first.',
  'stacked titles': '[Deputy Prime Minister and Foreign Minister](title) [Ivan Petrov](name) spoke first.',
  'company offices on either side':
    '[Anna Berg](name), [chief financial officer](title), resigned and its [chairman](title), [Boris Holm](name), stepped in.',
  'an age, then two offices joined by and':
    '[Tomas Varga](name), 58, [finance director](title) and a [board director](title), retired.',
  'a private attorney holds no office':
    '[Tomas Varga](name), attorney for the family, said so. Later [Varga](->Tomas Varga) left.',
  'a name across a line break that wraps a long line':
    'The talks were opened this morning by [Defence Minister](title) [Ivan\nPetrov](name), who spoke first.',
  'lower-case particles first':
    '[Jaap de Hoop Scheffer](name) arrived. Later [de Hoop Scheffer](->Jaap de Hoop Scheffer) spoke with [van der Berg](name).',
  'a patronymic': '[Mammad Ali oglu Huseynov](name) said so.',
  'two-word surname after an honorific':
    '[Maria Garcia Lopez](name) spoke. Ms. [Garcia Lopez](->Maria Garcia Lopez) agreed.',
  'a name fused to the word before':
    'A report by[John Smith](name) came out against the anti-[Smith](->John Smith) camp.',
  'a given name alone for someone named in full':
    '[Tomas Varga](name) arrived. [Tomas](->Tomas Varga) waved at the crowd.',
  'a given name that is also a place, or a month':
    '[Defence Minister](title) [Jordan Ivanov](name) met [Jan Kavel](name), who said so.',
  'a place or an office as a surname':
    '[Peter Holland](name), 45, [deputy general manager](title), becomes director. [Prakash Shah](name), 58, retired.',
  'speaker labels in a transcript': '[JOHN SMITH](name): Good evening.\n[ANNA BERG](name): Thank you.',
  'a regnal name': '[King](title) [Hussein](name) of Jordan met the envoy.',
  'the younger of two people with one surname':
    '[President](title) [Bush](name) spoke. It was the younger [Bush](name) who called.',
  'an organisation cut off mid-name is no part of the title':
    'The Cooperative Security Division of the Joint Military Staff [Director](title) [Anna Berg](name) came.',
  'a short organisation with of before the office stays in the title':
    '[Bank of Ruritania Governor](title) [Anna Berg](name) spoke.',
  'a middle name said alone':
    '[Chairperson](title) [Moussa Faki Mahamat](name) opened it. "We act," [Faki](->Moussa Faki Mahamat) said.',
  'a role that is no office vouches for a person':
    'The bank expects cuts, economist [Jan Hatzius](name) wrote.',
  'a name does not start inside a place':
    'The [president of the San Francisco Fed](title), [Mary Daly](name), spoke.',
};

for (const [name, expected] of Object.entries(NEWS_SHAPES)) {
  test(`people (news): ${name}`, () => check(expected));
}

test("people: a plural office before a list is each name's title", () => {
  const rows: [string, string[][]][] = [
    ['Presidents Anna Berg of Ruritania and Boris Holm of Freedonia met.', [['Presidents'], ['Presidents']]],
    [
      'The three foreign ministers of Anna Berg of Ruritania, Boris Holm of Freedonia and Jan Kavel signed.',
      [['foreign ministers'], ['foreign ministers'], ['foreign ministers']],
    ],
    ['Three directors: Mr. Berg, Boris Holm and Tomas Varga.', [['directors'], ['directors'], ['directors']]],
  ];
  for (const [text, titles] of rows) {
    const names = recognisePeople(text, splitSentences(text));
    assert.deepEqual(
      names.map((n) => n.titles.map((t) => t.text)),
      titles,
      text,
    );
  }
});

test('people: an office stated as a predicate makes an official, but is no title', () => {
  const rows: [string, boolean][] = [
    ['Michael Reupke resigned as general manager.', true],
    ['He succeeds Anna Berg, who stepped down as chairman in March.', true],
    ['Boris Holm was named president and chief executive.', true],
    ['Boris Holm was named in the report.', false],
    ['Tomas Varga resigned as a protest.', false],
  ];
  for (const [text, official] of rows) {
    const [name] = recognisePeople(text, splitSentences(text));
    assert.ok(name, text);
    assert.equal(!!name.holdsOffice, official, text);
    assert.deepEqual(name.titles, [], text);
  }
});

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
  // title-case phrases that are no people: form labels and headings, exercises, firms,
  // ships, organisations, a name inside an organisation's name
  'Publication Date: 12 May 2023\nContent Type: Article\nMade Progress',
  'The exercise Sea Breeze began on Monday.',
  'Lockheed Martin won a contract. Shares of Morgan Stanley fell.',
  'The aircraft carrier John F. Kennedy sailed for the gulf.',
  'Red Cross officials arrived. Sinn Fein won seats.',
  'The United Network for Organ Sharing runs the list.',
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

test("people: a name's year is its sentence's date, else the document's, never a nearby one", () => {
  const text =
    'BAKU, 14 March 2023\n\nThe accord was signed in 2006 and revised in 2011.\n\n' +
    'Foreign Minister Ivan Petrov said the talks would go on. In 2019, Defence Minister Anna Berg ' +
    'took office. Minister Boris Holm will visit in 2030.';
  const a = analyseDocument(text);
  assert.deepEqual(
    a.names.map((n, i) => `${n.text} ${a.nameYears[i]}`),
    ['Ivan Petrov 2023', 'Anna Berg 2019', 'Boris Holm 2023'],
  );
});

test('people: a speaker label in capitals is a name, not an acronym', () => {
  const a = analyseDocument(
    'Transcript\n\nJOHN SMITH: Good evening.\nANNA BERG: Thank you, John. NATO met.\n',
  );
  assert.deepEqual(
    a.names.map((n) => n.text),
    ['JOHN SMITH', 'ANNA BERG'],
  );
  assert.deepEqual(
    a.acronyms.map((m) => m.text),
    ['NATO'],
  );
});
