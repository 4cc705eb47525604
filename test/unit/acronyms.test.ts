// Acronym mentions and definitions in one document (issue 5). Each case is the text with the
// expected mentions marked: `[PARP](parp)` a short form, `[Planning and Review Process](parp LF)`
// a long form. A case with no marks asserts that nothing is recognised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acronymKey, isShortForm, recogniseAcronyms } from '../../server/src/analysis/acronyms';
import { splitSentences } from '../../server/src/analysis/sentences';
import { parseAnnotated, render } from '../support/fixture';

function annotate(source: string): string {
  const { text } = parseAnnotated(source);
  const { mentions } = recogniseAcronyms(text, splitSentences(text));
  return render(
    text,
    mentions.map((m) => ({ start: m.start, end: m.end, label: m.longForm ? `${m.key} LF` : m.key })),
  );
}

function definitionsOf(text: string): string[] {
  return recogniseAcronyms(text, splitSentences(text)).definitions.map(
    (d) =>
      `${d.short}=${d.long}` +
      (text.slice(d.shortSpan.start, d.shortSpan.end) === d.short &&
      text.slice(d.longSpan.start, d.longSpan.end) === d.long
        ? ''
        : ' (SPANS WRONG)'),
  );
}

const MENTIONS: [string, string][] = [
  // shapes that are acronyms
  ['initialisms', '[NATO](nato), [PARP](parp) and [IPAP](ipap) were discussed.'],
  ['mixed case', 'It joined [PfP](pfp) and sent [BiH](bih) troops; the [MoD](mod) agreed.'],
  ['case variants share a key', 'The [PFP](pfp) programme, also written [PfP](pfp).'],
  ['plurals', 'Georgian officials, [MPs](mp), and [NGOs](ngo) attended.'],
  [
    'possessives outside the span',
    "[NATO](nato)'s aims, [NATO](nato)'S role, [NATO](nato)’s plan and [NATO](nato)`s invitation.",
  ],
  [
    'a numbered short form opening a line is no lead-in word',
    '[COP26](cop26) began in Glasgow.\n[G20](g20) leaders met.',
  ],
  ['inside hyphenated compounds', 'The [NATO](nato)-led mission and Azerbaijan-[NATO](nato) relations.'],
  ['digits', 'At [COP29](cop29) in Baku the [G7](g7) and [G20](g20) leaders met.'],
  ['ampersand', 'Shares of [AT&T](at&t) rose.'],
  ['dotted initialisms', 'The [U.S.](us) and the [U.N.](un) agreed; [U.S.](us) Treasury officials too.'],
  [
    'a heading line in capitals is rescued by plain use',
    '[NATO](nato) SUMMIT OPENS\nThe [NATO](nato) summit opened.',
  ],
  ['a short line of acronyms is not a heading', '[NATO](nato) - [EU](eu)\nTalks went on.'],
  ['a wire dateline keeps its agency', 'HAVANA ([AP](ap)) -- Cuban officials said.'],
  ['a dateline with a place', 'NAIROBI, Kenya ([AP](ap)) _ Officials said.'],
  // issue 15: datelines and headings in capitals
  ['a dateline alone on its line keeps its agency', 'WASHINGTON ([AP](ap)) --\n\nThe secretary said.'],
  ['a two-word place in a dateline', 'UNITED NATIONS ([AP](ap)) _\n\nThe council met.'],
  ['a dotted state in a dateline', 'BUFFALO, [N.Y.](ny) ([AP](ap)) --\n\nA man was charged.'],
  ['a country in capitals in a dateline', 'NAIROBI, KENYA ([AP](ap)) _ Officials said.'],
  ['a dateline with a region and a date', 'LIMA, Peru, Jan. 5 ([AP](ap)) -- Officials said.'],
  ['a dateline with the day first', 'OSLO, 5 March (Reuters) - Officials said.'],
  ['a dateline with a date and no dash', 'ROME, Jan. 5 [NATO](nato) ministers met.'],
  ['a dateline with an em dash', 'BAKU — [NATO](nato) officials met.'],
  [
    'a dateline after the header, on the same line',
    ' date 2024-01-05 ROME, Jan. 5 (Xinhua) -- [NATO](nato) ministers met.',
  ],
  ['a city alone on a line', 'ROME\n\nThe pope spoke.'],
  ['a city alone on the header line', ' date 2024-01-05 OSLO\n\nThe talks began.'],
  ['a two-word city alone on a line', 'TEL AVIV:\nThe talks began.'],
  ['a press release heading', 'PRESS RELEASE\n\nThe ministry said.'],
  ['a press release heading on the header line', ' date 2024-01-05 PRESS RELEASE\nThe ministry said.'],
  ['a byline in capitals', 'By ANA LIM\nStaff Writer\n\nThe [IMF](imf) said.'],
  ['a byline in capitals before a comma', 'By TOM HAYS, Staff Writer\nThe talks began.'],
  ['a sentence that starts with By', 'By [NATO](nato) standards, it was small.'],
  ['a speaker label in capitals', 'ANA LIM: We went there.\nTOM HAYS: So did the [UN](un).'],
  ['an acronym alone on a line, used plainly too', '[NATO](nato)\n\n[NATO](nato) leaders met.'],
  // issue 15: dotted forms
  [
    'a dotted form without its last stop',
    'The bombings at [U.S](us) embassies and [U.S](us) Treasury bonds.',
  ],
  ['a dotted state after a place and a comma', 'He lived in Springfield, [N.Y.](ny) Smith was shot there.'],
  ['dotted places before capitalised words', 'The [N.Y.](ny) Times and the [D.C.](dc) Council.'],
  ['initials after a comma are a name', 'In the third quarter, J.C. Smith, the chairman, said.'],
  ['a dotted company name without its last stop', '[B.A.T](bat) Industries rose.'],
  // issue 15: a number after the letters
  [
    'a number fused, spaced or hyphenated, where the text fuses it',
    'At [COP28](cop28), then at [COP 28](cop28) and [COP-28](cop28), delegates met.',
  ],
  [
    'a number after an acronym the text never fuses with it',
    'The [EU](eu) 27 agreed and [NATO](nato) 2 ships left.',
  ],
  ['a title line with an acronym', 'Azerbaijan - [NATO](nato)\n\nRelations began in 1992.'],
  [
    'a line that starts with an acronym is not a dateline',
    '[NATO](nato), according to the statement, agreed.',
  ],
  [
    'an ordinary word the text defines',
    'The [information technologies](it LF) ([IT](it)) sector and [IT](it) firms.',
  ],

  // shapes that are not acronyms
  ['capitals for emphasis', 'THE MINISTRY SAID it would act. He said NO to that.'],
  ['a heading line', 'DEFENCE MINISTERS MEET IN BAKU\nMinisters met on Friday.'],
  ['a one-word heading', 'KENYA:\nTotal dead: 192'],
  ['a dateline', 'MIAMI _\n\nThe crowd rushed in.'],
  ['a lead-in word in capitals', 'MALAYSIA’s aggressive move into the information age.'],
  ['shouted name with an initial', 'BRUCE R. BENT President'],
  ['Roman numerals', 'After World War II, Pope John Paul II and Louis XIV and chapter IX.'],
  ['single letters', 'A man and I went to see Plan B.'],
  ['units and abbreviations', 'At 10 a.m. Mr Smith and Dr Jones met at 9 AM and said OK.'],
  ['names with inner capitals', 'McCaw, BellSouth, LaMothe and MacDonald met DeLay.'],
  ['ordinary words the text does not define', 'IT is time, AND it is NOW or NEVER.'],
  ['HTML entities and codes', 'a rehearing &UR; and C415 million'],
  ['long words in capitals', 'EUROBONDS and CORPORATES traded'],
  ['an Irish name in capitals', "O'SMACH, Cambodia"],

  // known wrong behaviour
  // FIXME: `SCAM` is an ordinary word in capitals for emphasis; only a dictionary of English
  // words could tell it from an acronym of the same shape, so it is marked today.
  ['emphasis on a short uncommon word', 'The deal was a [SCAM](scam), he said.'],
  // FIXME: a place name in capitals in running text is not an acronym; only datelines, headings
  // and lead-ins are caught, so a 5-8 letter word in capitals mid-sentence is marked today.
  ['a place name in capitals', 'The crowd rushed in. [NAIROBI](nairobi), Kenya.'],
  [
    'a long form wrapped over a line',
    'The [North\nAtlantic Treaty Organization](nato LF) ([NATO](nato)) met. The\nNorth Atlantic Council (X) met.',
  ], // issue 18: a letter outside the BMP is a letter, so the word goes on through it
  ['astral letters belong to the word', '𝐚NATO and NATO𝐚𝐛 and 𐐨NATO are words; [NATO](nato) is not.'],
];

for (const [name, source] of MENTIONS) {
  test(`mentions: ${name}`, () => {
    assert.equal(annotate(source), source);
  });
}

const DEFINITIONS: [string, string, string[]][] = [
  [
    'long form before',
    'Azerbaijan joined the [Planning and Review Process](parp LF) ([PARP](parp)) in 1997.',
    ['PARP=Planning and Review Process'],
  ],
  [
    'long form after',
    'Azerbaijan joined [PARP](parp) ([Planning and Review Process](parp LF)) in 1997.',
    ['PARP=Planning and Review Process'],
  ],
  [
    'skipped function words',
    'It joined the [Partnership for Peace](pfp LF) ([PfP](pfp)) programme.',
    ['PfP=Partnership for Peace'],
  ],
  [
    'hyphenated words',
    'The [Euro-Atlantic Partnership Council](eapc LF) ([EAPC](eapc)) met.',
    ['EAPC=Euro-Atlantic Partnership Council'],
  ],
  [
    'a skipped hyphen part',
    'The [Anti-Terrorism Training Centre](attc LF) ([ATTC](attc)) and the [Anti-Terrorism Training Centre](atc LF) ([ATC](atc)).',
    ['ATTC=Anti-Terrorism Training Centre', 'ATC=Anti-Terrorism Training Centre'],
  ],
  [
    'a quoted long form with a trailing extra word',
    'Aliyev signed the "[Partnership for Peace](pfp LF) Program" ([PFP](pfp)), which provided it.',
    ['PFP=Partnership for Peace'],
  ],
  [
    'preceded by another acronym',
    'Participation in the [PfP](pfp) [Planning and Review Process](parp LF) ([PARP](parp)) since 1997.',
    ['PARP=Planning and Review Process'],
  ],
  [
    'words after the parenthesis',
    'The [Afghan National Army](ana LF) ([ANA](ana)) Trust Fund was set up.',
    ['ANA=Afghan National Army'],
  ],
  [
    'a title before the long form',
    'Director of the [U.S.](us) [Federal Bureau of Investigation](fbi LF) ([FBI](fbi)) Louis Freeh.',
    ['FBI=Federal Bureau of Investigation'],
  ],
  [
    'an acronym inside the long form',
    'The [NATO](nato) Response Force ([NRF](nrf)) was ready.',
    // the long form overlaps the NATO mention, rendered as nested
    ['NRF=NATO Response Force'],
  ],
  [
    'a long form with a comma inside',
    'The [United Nations Educational, Scientific and Cultural Organization](unesco LF) ([UNESCO](unesco)).',
    ['UNESCO=United Nations Educational, Scientific and Cultural Organization'],
  ],
  [
    'a plural short form',
    'Several [non-governmental organisations](ngo LF) ([NGOs](ngo)) signed.',
    ['NGOs=non-governmental organisations'],
  ],
  ['a year in parentheses', 'The [NATO](nato) summit (2002) was held.', []],
  ['a remark in parentheses', 'The [NATO](nato) summit (see below) was held.', []],
  ['a name in parentheses', 'It (Sansui) needs capital.', []],
  ['an acronym the words do not spell', 'Officials of the ministry ([MFA](mfa)) met.', []],
  ['a content word left out, in lower case', 'The annual security forum review ([ASR](asr)) met.', []],
  // issue 15: a number, the `or` apposition, another language's letters, possessives
  [
    'a number after the letters',
    'The [Conference of the Parties](cop28 LF) ([COP 28](cop28)) opened; [COP28](cop28) closed.',
    ['COP 28=Conference of the Parties'],
  ],
  [
    'a number fused with the letters',
    'The 28th [Conference of the Parties](cop28 LF) ([COP28](cop28)) opened.',
    ['COP28=Conference of the Parties'],
  ],
  [
    'a short form in quotes',
    'The [Regional Water Authority](rwa LF) ("[RWA](rwa)") and the [Coastal Flood Board](cfb LF) (“[CFB](cfb)”).',
    ['RWA=Regional Water Authority', 'CFB=Coastal Flood Board'],
  ],
  [
    'a number after the letters, long form after',
    '[COP 28](cop28) ([Conference of the Parties](cop28 LF)) opened.',
    ['COP 28=Conference of the Parties'],
  ],
  [
    'an ordinal before a long form in parentheses',
    '[COP28](cop28) (the 28th [Conference of the Parties](cop28 LF)) opened.',
    ['COP28=Conference of the Parties'],
  ],
  [
    'the or apposition',
    'The [National Transplant Registry](ntr LF), or [NTR](ntr), objected.',
    ['NTR=National Transplant Registry'],
  ],
  [
    'the or apposition at the end of a sentence',
    'Funds went to the [Regional Water Authority](rwa LF), or [RWA](rwa). It spent them.',
    ['RWA=Regional Water Authority'],
  ],
  [
    'the or apposition after a name in title case that skips a word',
    'The [Northern Institute for Health Research and Statistics](nihs LF), or [NIHS](nihs), said.',
    ['NIHS=Northern Institute for Health Research and Statistics'],
  ],
  ['an or that starts a clause', 'Sanctions hit Ruritania, or [EU](eu) firms will leave.', []],
  ['an or before an amount', 'Sales rose 5 percent, or [US](us)$2 billion, last year.', []],
  [
    'letters from another language, after a name in title case',
    'The [Group of States for Maritime Cooperation](gremac LF) ([GREMAC](gremac)) met.',
    ['GREMAC=Group of States for Maritime Cooperation'],
  ],
  [
    'a content word left out of a name in title case',
    'The [Northern Institute for Health Research and Statistics](nihs LF) ([NIHS](nihs)) said.',
    ['NIHS=Northern Institute for Health Research and Statistics'],
  ],
  [
    'a name in title case that does not start with the first letter',
    'Finance Minister Anna Berg ([RPP](rpp)) agreed.',
    [],
  ],
  ['a company and its ticker', 'Shares of Mobilex Systems Corp ([MBLX](mblx)) rose.', []],
  [
    'possessives on either side',
    "The [Regional Flood Agency](rfa LF)'s ([RFA](rfa)) chief and [RFA](rfa)'s ([Regional Flood Agency](rfa LF)) staff.",
    ['RFA=Regional Flood Agency', 'RFA=Regional Flood Agency'],
  ],
  ['one word is not a long form', 'The Sansui ([SI](si)) deal.', []],
  ['a dateline agency', 'HAVANA ([AP](ap)) -- Officials said.', []],
];

for (const [name, source, expected] of DEFINITIONS) {
  test(`definitions: ${name}`, () => {
    const { text } = parseAnnotated(source);
    const rendered = annotate(source);
    // an acronym inside its own long form renders as an overlap; compare that case by definition only
    if (!rendered.includes('{overlap')) assert.equal(rendered, source);
    assert.deepEqual(definitionsOf(text), expected);
  });
}

test('keys: case variants, plurals and dots fold together', () => {
  const keys = ['PfP', 'PFP', 'MPs', 'NATO', 'U.S.', 'U.S', 'COP29', 'COP 29', 'NGOs'].map(acronymKey);
  assert.deepEqual(keys, ['pfp', 'pfp', 'mp', 'nato', 'us', 'us', 'cop29', 'cop29', 'ngo']);
});

test('shapes: what can be a short form at all', () => {
  const yes = ['NATO', 'PfP', 'MPs', 'COP29', 'G7', 'U.S.', 'U.S', 'N.Y.', 'AT&T', 'BiH'];
  const no = [
    'A',
    'I',
    'II',
    'XIV',
    'Mr',
    'McCaw',
    'BellSouth',
    'Nato',
    'CORPORATES',
    'C415',
    'GmbH',
    '2002',
    'U.',
    'COP 29',
  ];
  assert.deepEqual(
    [...yes, ...no].map((t) => `${t}:${isShortForm(t)}`),
    [...yes.map((t) => `${t}:true`), ...no.map((t) => `${t}:false`)],
  );
});

test('total: odd input gives fewer mentions, never an exception', () => {
  const odd = [
    '',
    '(',
    ')(',
    '(A)',
    '()',
    '((((((NATO',
    'NATO (',
    '\u0000\u0001\uffff\ud800(X)',
    '🙂 NATO 🙂 (🙂)',
    'North\r\nAtlantic Treaty Organization (NATO)\r\n',
    '\ufeffNATO',
    // issue 18: auto-closed brackets while typing `NATO (` threw in the alignment
    'NATO ()',
    'NATO ( )',
    'NATO (  , )',
    // issue 18: an astral capital left the scanner between its two code units, forever
    '𝔸',
    '𝐀 NATO',
    'NATO 𐐀 NATO',
    // issue 15: the shapes added for datelines, appositions, numbers and possessives, cut short
    ' date 2024-01-05',
    ' date 2024-01-05 ',
    'ROME, Jan.',
    'WASHINGTON (',
    'WASHINGTON (AP',
    ', or ',
    ', or U',
    'Agency, or NTR',
    'X (COP 2',
    "'s (",
    "FEMA's (",
    "Agency (FEMA's",
    'A.B.C',
    'COP 28',
    'COP28 COP 2',
    '𝐀𝐁 (𝐂𝐃)',
    'North\r\nAtlantic Water Board, or\r\nNAWB,\r\n',
  ];
  const out = odd.map((t) => {
    const r = recogniseAcronyms(t, splitSentences(t));
    return r.mentions.map((m) => m.text).join('|');
  });
  assert.deepEqual(out, [
    '',
    '',
    '',
    '',
    '',
    'NATO',
    'NATO',
    '',
    'NATO',
    'North\r\nAtlantic Treaty Organization|NATO',
    'NATO',
    'NATO',
    'NATO',
    'NATO',
    '',
    'NATO',
    'NATO|NATO',
    '',
    '',
    'ROME', // no day: not a dateline
    '',
    '',
    '',
    '',
    'NTR',
    'COP',
    '',
    'FEMA',
    'FEMA',
    'A.B.C',
    'COP',
    '', // a line of capitals with a long word: a heading
    '', // FIXME: astral capitals are not read as words at all (the scanners' audit, issue 18)
    'North\r\nAtlantic Water Board|NAWB',
  ]);
});

for (const [name, chunk] of [
  ['dense capitals and parentheses', 'NATO (PfP) THE MINISTRY ( A B C ((( U.S. '],
  // issue 15's shapes: datelines on every line, appositions, numbers, title-case names
  [
    'datelines, appositions, numbers and names',
    'ROME, Peru, Jan. 5 (AP) --\nGroup of States, or GOS, at COP 28 and COP28, Group Of Many Words (GOMWX) U.S ',
  ],
])
  test(`linear: ${name}, 1 MB against 4 MB`, () => {
    const timeFor = (size: number) => {
      const text = chunk.repeat(Math.ceil(size / chunk.length));
      let best = Infinity;
      for (let k = 0; k < 2; k++) {
        const t0 = performance.now();
        recogniseAcronyms(text, [{ start: 0, end: text.length }]);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const small = timeFor(1_000_000);
    const large = timeFor(4_000_000);
    // linear is 4x; quadratic would be 16x
    assert.ok(large < small * 8, `1 MB: ${small.toFixed(0)} ms, 4 MB: ${large.toFixed(0)} ms`);
  });
