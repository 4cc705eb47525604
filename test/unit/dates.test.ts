// The date recogniser, table by table. Each fixture is the expected output written inline:
// `[span](value)` or `[span](value/MOD)`; text without brackets must not be recognised.
// A failure shows the whole rendered text, so every difference is visible at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDocumentDate, recogniseDates, type DateOptions } from '../../server/src/analysis/dates';
import { FAMILIES_TIMEML } from '../../server/src/analysis/dates/grammar';
import { splitSentences } from '../../server/src/analysis/sentences';
import type { DocumentDate } from '../../server/src/analysis/types';
import { parseAnnotated, render } from '../support/fixture';

/** A Friday. */
const DATED: DocumentDate = { value: '2022-04-29', source: 'header', confidence: 'certain' };
const UNDATED: DocumentDate = { value: null, source: 'none', confidence: 'low' };

function run(text: string, doc: DocumentDate, options?: DateOptions) {
  return recogniseDates(text, splitSentences(text), doc, options);
}

function annotate(source: string, doc: DocumentDate = DATED, options?: DateOptions): string {
  const { text } = parseAnnotated(source);
  const { mentions } = run(text, doc, options);
  return render(
    text,
    mentions.map((m) => ({ start: m.start, end: m.end, label: m.value + (m.mod ? '/' + m.mod : '') })),
  );
}

function table(name: string, rows: string[], doc: DocumentDate = DATED, options?: DateOptions): void {
  test(name, () => {
    const expected = rows.join('\n');
    assert.equal(annotate(expected, doc, options), expected);
  });
}

table('full dates in every common English order', [
  'Aliyev signed it on [May 4, 1994](1994-05-04) in Brussels.',
  'Signed on [4 May 1994](1994-05-04), or [4th of May 1994](1994-05-04), or [May 4th, 1994](1994-05-04).',
  'He came on [Aug. 7, 1998](1998-08-07) and left on [Sept. 30, 1998](1998-09-30).',
  'He will arrive on [May 4th](2022-05-04).',
  'The header date [2022-04-29](2022-04-29) and [1994-05-04](1994-05-04).',
]);

table('numeric dates: unambiguous ones need no evidence', [
  'Signed [29.04.2022](2022-04-29) and [29/04/2022](2022-04-29) and [12/31/1999](1999-12-31).',
  'Not dates: version 1.2.34, the score 3-2, 10.5.2 and 1/2 of them.',
]);

table('month and year', ['In [March 1992](1992-03), in [March of 1992](1992-03), in [June, 1995](1995-06).']);

table('bare years used as time references', [
  'Relations started in [1992](1992) and have grown since [1997](1997).',
  'By [2008](2008) the programme was running.',
  'Preparations for the [2022](2022) NATO Summit in Madrid.',
  '[2018](2018) was a turning point.',
  'Between [1998](1998) and [2000](2000), and in [1997](1997), [1998](1998) and [2001](2001).',
  'His unsuccessful [1996](1996) campaign.',
]);

table('numbers that are counts, quantities, names or labels are not years', [
  'Some 1,500 troops and 2000 soldiers arrived; it cost $1990 and €2000.',
  'Resolution 1997 and Windows 2000 and No. 1999 and page 2001 were cited.',
  'About 2000 Azerbaijani troops took part; nearly 1995 of them returned.',
  'Room 1998, flight 2012, 1999% and 12345 are not years.',
]);

table('early, mid and late; the end and the beginning of', [
  'In [late 2020](2020/END), [early 1990s](199/START), [mid-2019](2019/MID) and [late-2021](2021/END).',
  'At the [end of 2014](2014/END) and the [beginning of 1998](1998/START), in the [middle of 2003](2003/MID).',
  'The operation ended at the end of the NATO-led operation in [2014](2014).',
  'In [early March 1992](1992-03/START) and [late May](2022-05/END).',
]);

table('seasons, decades, centuries and halves', [
  'In the [spring of 1998](1998-SP), the [winter of 1994](1994-WI) and [summer 2001](2001-SU).',
  'It closed [last fall](2021-FA); it will reopen [this summer](2022-SU).',
  "In the [1990s](199) and the [nineties](199) and the [mid-1980s](198/MID) and the ['70s](197).",
  'In the [20th century](19) and the [first half of 1998](1998-H1).',
  'In the [first two quarters of 1990](1990-H1) and the [last half of 1989](1989-H2).',
  'They meet the [week of May 9](2022-W19) and met the [week of 6 March 2000](2000-W10).',
]);

table('quarters', [
  'Profit in the [third quarter](2021-Q3) rose; [third-quarter](2021-Q3) sales fell.',
  'In the [fourth quarter of 1997](1997-Q4) and the [1998 first quarter](1998-Q1).',
  'Sales in the [first quarter](2022-Q1) were flat; [this quarter](2022-Q2) will be better.',
  'Net rose in the [second quarter](2022-Q2) from [a year earlier](2021-Q2).',
]);

table('ranges give one mention per day, month or year', [
  'Trainings held in the US in [July](1997-07)-[August 1997](1997-08).',
  'In [2002](2002)-[2003](2003) and [1998](1998)-[99](1999), from [2002](2002) to [2014](2014).',
  'On [10](1994-01-10)-[11 January 1994](1994-01-11) and [October 24](2006-10-24)-[25, 2006](2006-10-25).',
  'The summit on [April 24](1999-04-24) and [25, 1999](1999-04-25).',
]);

// Issue 15's shapes, one row each (document: Friday 2022-04-29).
table('day-first dates without a year, and the full stop that ends a sentence', [
  'He arrived on [4 July](2021-07-04) and left.',
  'The talks will end on [16 June](2022-06-16) in Geneva.',
  'They met on [16 May](2022-05-16).',
  'They met in [Sept.](2021-09) and on [3 Mar.](2022-03-03); a bare 3 Mar is a score.',
]);

table('day, month and year in compact formats', [
  'The file was opened on [08-Nov-2004](2004-11-08) and closed on [8/Nov/04](2004-11-08).',
  "Signed [5 Nov 04](2004-11-05), amended [25 Jun.’14](2014-06-25) and [25 Jun.'14](2014-06-25).",
  'Valid from [01-2025](2025-01) to [12/2026](2026-12).',
  'On [4 May](2022-05-04) 12 people died; it sold 12-2000 items a day.',
]);

table('the first day of a range or a pair is a mention of its own', [
  'From [17](2024-03-17) to [19 March 2024](2024-03-19) the council met.',
  'The summit was held on [23](2021-10-23) and [24 October](2021-10-24).',
  'Voting runs [23](2024-09-23) to [29 September 2024](2024-09-29).',
]);

table('periods counted back from the document date', [
  'Prices fell in the [last week](2022-W17) and over the [past week](2022-W17).',
  'Sales for [this fiscal year](2022) beat [last fiscal year](2021).',
  'The plant will close by the [end of year](2022/END).',
  '[Earlier in the day](2022-04-29) he spoke; [later in the day](2022-04-29) he left.',
  'The strike started about a month earlier and ended nearly a year earlier.',
]);

table('relative expressions the conflict detector compares (document: Friday 2022-04-29)', [
  'The vote was held [11 days ago](2022-04-18), the rally [two months ago](2022-02), the raid [six weeks ago](2022-W11).',
  'The revolution came [41 years ago](1981); the law passed [last year](2021).',
  'Prices rose [last week](2022-W16), fell [this week](2022-W17) and [early this week](2022-W17/START).',
  'It closed [last month](2022-03), reopens [this month](2022-04) and expands [next month](2022-05).',
  'The boy was found [last Thanksgiving](2021-11-25), on [Thanksgiving Day](2021-11-25).',
  'They met [last Christmas](2021-12-25), on [Labor Day](2021-09-06) and on [Good Friday](2022-04-15).',
  'It was shot [last November](2021-11); the election is due [this September](2022-09).',
  'In [January](2022-01), a bombing killed a guard.',
]);

table(
  '... in a story dated 1998-10-25',
  [
    'In [January](1998-01), a week after the anniversary of the ruling, a clinic bombing killed a guard.',
    'The lower house approved it [last October](1997-10); the upper house [last Tuesday](1998-10-20).',
  ],
  { value: '1998-10-25', source: 'header', confidence: 'certain' },
);

table(
  'seasons: last, this and next, and the one the text last named (document: 1998-12-10)',
  [
    'The doctor was killed [last fall](1998-FA); the rifle was found [last spring](1998-SP).',
    'It snowed [last winter](1997-WI); it will snow [this winter](1998-WI) and [next winter](1999-WI).',
    'In the [summer of 1996](1996-SU) the talks began. Earlier in the [summer](1996-SU), envoys met.',
  ],
  { value: '1998-12-10', source: 'header', confidence: 'certain' },
);

// Weekdays in a Friday (2022-04-29) story: a day still to come is the next such day, any
// other the nearest on or before the document date; the same day counts either way.
table('bare weekdays, by what the sentence says of them', [
  'The ministers will meet on [Sunday](2022-05-01) in Rome.',
  'The envoy would be traveling [Thursday](2022-05-05), an aide said.',
  'Officials postponed until [Tuesday](2022-05-03) morning any decision on the permit.',
  'The court has given the family until 9 a.m. [Tuesday](2022-05-03) to sign.',
  'Until [Thursday](2022-04-28), they had not called him a suspect.',
  'She is scheduled to land in Lagos, her first stop [Tuesday](2022-05-03) morning.',
  'Protesters planned a large rally on [Saturday](2022-04-30).',
  'A memorial service planned at the college for [Saturday](2022-04-23) was cancelled.',
  'On [Friday](2022-04-29), the government planned to pay the first claims.',
  'Relatives will appeal [Wednesday](2022-04-27)’s ruling; [last Friday](2022-04-22)’s vote stands.',
  'The suspect will be arraigned [Friday](2022-04-29); he was charged [Friday](2022-04-29).',
  'Her first stop is Lagos on [Tuesday](2022-05-03), then Accra [later in the day](2022-05-03).',
  'The two envoys meet separately [Monday](2022-05-02) with the mediator.',
]);

table('a weekday next to a date is inside the span', [
  'He said on [Friday, April 29, 2022](2022-04-29) and on [Monday, 2 May 2022](2022-05-02).',
  'The editorial on [Thursday, Jan. 6](2022-01-06): a past date in a past sentence.',
]);

table('relative expressions resolved against the document date (Friday 2022-04-29)', [
  '[Yesterday](2022-04-28) he left; [today](2022-04-29) he is here; [tomorrow](2022-04-30) he goes.',
  '[Last year](2021) and [this month](2022-04) and [next week](2022-W18) and [last week](2022-W16).',
  'It was signed [a year ago](2021), [two weeks ago](2022-W15) and [10 days ago](2022-04-19).',
  'Prices rose [earlier this year](2022/START) and will fall [later this year](2022/END).',
  'They met [last Friday](2022-04-22) and will meet [next Tuesday](2022-05-03).',
  'He arrived on [Monday](2022-04-25) and said on [Friday](2022-04-29) that talks will resume on [Wednesday](2022-05-04).',
  'He met [last June](2021-06) and [June last year](2021-06) and [January this year](2022-01).',
  'Over [the weekend](2022-W16-WE) and [this weekend](2022-W17-WE) and at the [end of the year](2022/END).',
  'They said [Christmas](2021-12-25) was quiet; [Easter 1998](1998-04-12) was not.',
]);

table(
  'a month without a year, in a February story, takes the year the tense points to',
  [
    'The parties agreed in [December](2021-12) to meet again; they will meet in [March](2022-03).',
    'The deal was signed on [Dec. 15](2021-12-15) and takes effect on [March 1](2022-03-01).',
  ],
  { value: '2022-02-10', source: 'dateline', confidence: 'high' },
);

table('a bare month takes the year the tense points to', [
  'It happened in [January](2022-01).',
  'It happened in [December](2021-12).',
  'The vote is scheduled for [June](2022-06).',
  'By [May](2022-05) the talks should end; it may rain, and May I ask?',
  'Jan Kubis met June Carter.',
]);

table('a year spelled out belongs to the month or season before it', [
  'In [January nineteen ninety-seven](1997-01) and in the [winter of nineteen ninety-four](1994-WI).',
  'In [nineteen ninety-six](1996), by the year [two thousand](2000); two thousand troops are not a year.',
]);

// Earnings-report shapes (the document is Friday 2022-04-29, in the second quarter).
table('definite periods: the quarter, the latest period, the year, the summer, year-end', [
  'It lost $5 million for the [quarter](2022-Q1); in the [latest quarter](2022-Q1) sales fell.',
  'Profit in the [third quarter](2021-Q3) rose; during the [quarter](2021-Q3) it hired staff.',
  // the quarter last named, while it has ended; else the last one before the document date
  'The [latest period](2021-Q3) had gains; in the [past quarter](2021-Q4) it had none.',
  'Sales for the [full year](2022) and for the [fiscal year](2022) and for the [year](2022) will rise.',
  'It closed over the [summer](2021-SU); it will reopen in the [early summer](2022-SU/START).',
  'It grew over the [past year](2021) and in the [last decade](201), and slowed in the [past month](2022-03).',
  'It will close by [year-end](2022/END); the index is up since [year-end](2021/END), by [year’s end](2022/END).',
  'Traders squared positions ahead of [the weekend](2022-W17-WE).',
  'Analysts expect [next year’s first quarter](2023-Q1) and [this year’s third quarter](2022-Q3) to be weak.',
  'Net rose in the [third quarter](2021-Q3); in the [1988 quarter](1988-Q3) it had lost money.',
  'The stock set a high for the [year](2022) of $42.50 and a low for the [quarter](2021-Q3) of C$30.',
  'Its sales in the [current year](2022) and the [current fiscal year](2022) will grow.',
]);

table('... and what the text named before: that quarter, the following month, the previous Friday', [
  'Net fell in the [third quarter](2021-Q3); results for [that quarter](2021-Q3) included a charge.',
  'Sales rose 4% in the [quarter](2021-Q3) to $2 billion; in the [latest period](2021-Q3) to $3 billion.',
  'Bidders came in [March 1989](1989-03). The [following month](1989-04), it put itself up for sale.',
  'Stocks rose on [Tuesday, April 26](2022-04-26), up 2% from the [previous Friday](2022-04-22).',
  'A [1996](1996) law named for him tightened the embargo; Resolution 1996 did not.',
  'The agency extended its deadline until 9 a.m. EST [Tuesday](2022-05-03).',
  'For the [quarter](2021-Q3) ended [Sept. 30, 2021](2021-09-30) net rose; in the [quarter](2021-Q2) ended [July 31, 2021](2021-07-31) it fell.',
  'He returned on [March 3, 2022](2022-03-03); the [next morning](2022-03-04) he left, and [that night](2022-03-04) he slept.',
  'It was founded [this century](20) and closed [a week or so ago](2022-W16).',
]);

table('... and what is not a definite period', [
  'For the year ended [June 30](2021-06-30) it earned more; in the year to [March](2022-03) it lost.',
  'The quarter-to-quarter comparison; a quarter of the shares; the quarter of a century.',
  'In the year [1990](1990) the period was hard; the period that followed; the year before.',
  'The summer of love; the [early summer of 1998](1998-SU/START)... the Summer Olympics.',
]);

table('comparisons with a year before take the period the sentence speaks of', [
  'Net rose in the [third quarter](2021-Q3) from [a year earlier](2020-Q3).',
  'For the nine months, net fell from [a year earlier](2021).',
  'In the first nine months, profit rose from a loss in the [1988 period](1988).',
  'In the [third quarter](2021-Q3) net was $2, compared with $3 [last year](2020-Q3); [last year’s quarter](2020-Q3) was weak.',
]);

table('tense cues: names, adjectives and places are not verbs', [
  'The father will be traveling to the United States on [Thursday](2022-05-05).',
  'More than 100 people were killed in the blasts next to the embassy on [Friday](2022-04-29).',
  'Castro attended a rally on [Thursday](2022-04-28).',
  'The split would be paid on a still unspecified date in [January](2023-01).',
  'The office of the chairman takes over effective [Feb. 1](2023-02-01).',
  'The thrift announced the plan [Aug. 21](2021-08-21).',
  'Protesters were planning to drive around the airport on [Monday](2022-05-02).',
]);

table(
  'a deferral or a deadline puts a month still to come (document: 2022-11-02)',
  [
    'Lenders have extended the company $90 million in revolving loans through [January](2023-01).',
    'The board postponed the vote until [Jan. 12](2023-01-12); the offer runs until [February](2023-02).',
    'The strike lasted until [January](2022-01), when it was settled.',
  ],
  { value: '2022-11-02', source: 'header', confidence: 'certain' },
);

table(
  '... in a document dated 2022-11-02',
  [
    'The reduced dividend is payable [Jan. 2](2023-01-02) to stock of record [Dec. 15](2022-12-15).',
    'The split was approved; it would be paid in [January](2023-01).',
  ],
  { value: '2022-11-02', source: 'header', confidence: 'certain' },
);

table('a relative month with a day is that date', [
  'He was shot to death [last Oct. 23](2021-10-23) and buried [last April 2](2022-04-02).',
]);

table('back-references take the year the text reached', [
  'The cooperation strengthened in [1997](1997). In [same year](1997), it joined PARP.',
  'It got observer status in [May 1999](1999-05). In [September of the same year](1999-09), a platoon left.',
  'It opened in [2001](2001); [that year](2001) was hard, and the [following year](2002) better.',
  'It was transformed into the council later in [1997](1997).',
  'It was signed on [May 4, 1994](1994-05-04); on the [same day](1994-05-04) he flew home.',
]);

table(
  'without a document date, partial dates take the nearest year the text states, or stay underspecified',
  [
    'In [2019](2019) the council met. It met again on [April 28](2019-04-28) and in [June](2019-06).',
    'It met [last week](XXXX-WXX), [yesterday](XXXX-XX-XX) and on [Monday](XXXX-XX-XX); [that year](2019) was hard.',
  ],
  UNDATED,
);
table(
  '... the year the story has reached, not a later one written for other events',
  [
    'The council met in [2019](2019). It met again on [April 28](2019-04-28). In [2021](2021) it was dissolved.',
    'They talked from [17 March](2024-03-17) to [19 April 2024](2024-04-19).',
  ],
  UNDATED,
);
table(
  '... and a year guessed from the text yields to the year the story has reached',
  ['In [2019](2019) the council met. It met again on [April 28](2019-04-28).'],
  { value: '2022', source: 'text-year', confidence: 'low' },
);
table(
  '... the nearest one, after the mention when none comes before it',
  ['Colomina arrived on [April 28](2022-04-28). He is preparing the [2022](2022) summit.'],
  UNDATED,
);
table(
  '... and with no year at all they stay underspecified',
  ['Colomina arrived on [April 28](XXXX-04-28); [that year](XXXX) he met [last week](XXXX-WXX).'],
  UNDATED,
);

table('not dates: durations, ages, ordinals, names, money, times, phones, pages, percentages', [
  'After the 44-day war, in a two-year period, for three years, for 10 days, over the past two weeks.',
  'Aged 45, a 45-year-old officer, the 50th anniversary, the 3rd brigade.',
  'Resolution 822, COP29, G7, F-16, $2000, at 10:00, call 555-1234, page 12, 15% and 2,000 people.',
  'Fridays are quiet. The Sunday Times reported it.',
]);

table('not dates: an age, a name, a march, a recurrence', [
  "In today's world, tomorrow’s young leaders and the cities of tomorrow will differ.",
  '[Today](2022-04-29)’s vote and [tomorrow](2022-04-30)’s session stand; by the end of [today](2022-04-29).',
  'She reads USA Today and listens to BBC Today; [today](2022-04-29) she met both.',
  'The annual March for Life and the “March of the Grandmothers” went ahead; both marched in [March](2022-03).',
  'Ferries leave each Thursday and every July; one left on [Thursday](2022-04-28).',
]);

table(
  'TimeML-only references appear only with the timeml option',
  ['It is [now](PRESENT_REF) clear, it [recently](PAST_REF) changed and [the future](FUTURE_REF) is open.'],
  DATED,
  { timeml: true },
);
table('... and not without it', ['It is now clear, it recently changed and the future is open.']);

test('ambiguous numeric dates follow the option, the document, the corpus, or say they guessed', () => {
  const text = 'Signed 04/05/2022.';
  const december: DocumentDate = { value: '2022-12-01', source: 'header', confidence: 'certain' };
  const value = (options?: DateOptions, extra = '') => {
    const r = run(extra + text, december, options);
    const m = r.mentions[r.mentions.length - 1];
    return [m.value, m.ambiguousOrder ?? false, r.findings.map((f) => `${f.code}/${f.severity}`).join(',')];
  };
  assert.deepEqual(
    [
      value(),
      value({ numericOrder: 'dmy' }),
      value({ numericOrder: 'mdy' }),
      value({ corpusNumericOrder: 'dmy' }),
      value(undefined, 'Filed 25/12/2021. '), // the document itself writes day-first
      value(undefined, 'Filed 12/25/2021. '), // ... or month-first
    ],
    [
      ['2022-04-05', true, 'ambiguous-date/information'],
      ['2022-05-04', true, ''],
      ['2022-04-05', true, ''],
      ['2022-05-04', true, ''],
      ['2022-05-04', true, ''],
      ['2022-04-05', true, ''],
    ],
  );
  assert.equal(run('On 04.05.2022 it rained.', DATED).mentions[0].value, '2022-05-04'); // dots read day-first
});

test('checks at the source: invalid dates, weekday mismatches, past events after the document date', () => {
  const doc: DocumentDate = {
    value: '2018-11-29',
    source: 'header',
    confidence: 'certain',
    span: { start: 6, end: 16 },
  };
  const text = [
    ' date 2018-11-29 By Abdul Kerimkhanov',
    'Said the mission in a message on Monday, November 29.',
    'Azerbaijan supported ISAF from 2002 to the end of the NATO-led operation in 2019.',
    'The next round of consultations is planned for February 30, 2019.',
    'It opened on September 31. Elections will be held in 2020.',
    'On Thursday, November 29, 2018 the talks ended.',
  ].join('\n');
  const { mentions, findings } = run(text, doc);
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity, text.slice(f.start, f.end), f.message]),
    [
      ['weekday-mismatch', 'warning', 'Monday, November 29', '2018-11-29 was a Thursday'],
      ['after-document-date', 'warning', '2019', "2019 is after the document's date 2018-11-29"],
      ['invalid-date', 'error', 'February 30, 2019', 'February 2019 has 28 days'],
      ['invalid-date', 'error', 'September 31', 'September 2018 has 30 days'],
    ],
  );
  const invalid = mentions.find((m) => m.text === 'February 30, 2019');
  assert.equal(invalid?.value, '2019-02-30'); // still emitted, as written
  // only a reliable document date makes a past event "after" it
  // Not past events: deadlines, terms, goals and forecasts (from real wire news dated 1989)
  const doc1989: DocumentDate = { value: '1989-10-30', source: 'header', confidence: 'certain' };
  const notPast = [
    'It has said it hopes to control 5% of the business by 1992; currently it controls 2%.',
    'Automatic Data plans to redeem its debentures due March 1, 2011.',
    'Holders of its debentures, due March 15, 2007, have elected to convert the debt.',
    'He said the company expects that to continue into 1990.',
    'He estimated that the company would not be profitable until 1994 or later.',
    'Analysts were predicting 1990 earnings of $3.90 a share.',
    'Kellogg had been telling Wall Street that by 1992 it intended to achieve a 50% share.',
    'The issue, which is puttable back to the company in 1999, was priced at par.',
    'The new rules were announced, effective January 13, 1990.',
    'A spokesman said the date 01/05/1990 was still provisional.',
    'The vote on 5 March 1990 is tentative.',
    'The measures may convince the government to keep its share until the restriction expires on Dec. 31, 1990.',
    'Profits were squeezed in 1989; it is confident about cash flow for 1990 and beyond.',
    'It foresees the need for new capacity throughout the 1990s.',
    'The law requires thrifts to divest all junk bonds by 1994.',
    'Cuts will mean lower-than-anticipated earnings for 1990.',
    'He trimmed his 1990 earnings projection to $2.95 a share.',
  ];
  assert.deepEqual(
    notPast.filter((t) => run(t, doc1989).findings.some((f) => f.code === 'after-document-date')),
    [],
  );
  // ... while what the sentence tells as having happened is still reported
  const past = [
    'The plant was closed in 1995.',
    'It was sold on March 3, 1992, to a unit of Ford.',
    'Smith, who retired in 1991, said nothing.',
    'In May it said the plant closed in 1992.',
  ];
  assert.deepEqual(
    past.map((t) => run(t, doc1989).findings.map((f) => f.code)),
    past.map(() => ['after-document-date']),
  );
  const guessed: DocumentDate = { value: '2018', source: 'text-year', confidence: 'low' };
  assert.deepEqual(
    run('Azerbaijan supported ISAF until 2019.', guessed).findings.map((f) => f.code),
    [],
  );
});

test('each mention says how it was anchored', () => {
  const doc: DocumentDate = {
    value: '2022-04-29',
    source: 'header',
    confidence: 'certain',
    span: { start: 6, end: 16 },
  };
  const text = ' date 2022-04-29 In 1997 it joined. In same year it met on April 28.';
  const { mentions } = run(text, doc);
  assert.deepEqual(
    mentions.map((m) => [
      m.text,
      m.value,
      m.anchor,
      m.anchorSpan && text.slice(m.anchorSpan.start, m.anchorSpan.end),
      m.anchorValue,
      m.header,
    ]),
    [
      ['2022-04-29', '2022-04-29', 'explicit', undefined, undefined, true],
      ['1997', '1997', 'explicit', undefined, undefined, undefined],
      ['same year', '1997', 'earlier-mention', '1997', undefined, undefined],
      ['April 28', '2022-04-28', 'document-date', '2022-04-29', '2022-04-29', undefined],
    ],
  );
  const none = run('On April 28 it met.', UNDATED).mentions[0];
  assert.equal(none.anchor, 'underspecified');
});

table('two days away, and a weekday before a name that is still a day', [
  'He left the [day before yesterday](2022-04-27) and returns the [day after tomorrow](2022-05-01).',
  'In his [Sunday](2022-04-24) Mass he spoke; The Sunday Times reported it.',
  'For the [week](2022-W17), the index dropped 3.8%; it was the [week](2022-W17)’s busiest session.',
]);
table('... and a back-reference with nothing to refer to says nothing', [
  'Traders met that day and the same week; nothing before says which.',
]);

test('total: odd input gives fewer mentions, never an exception, and linear time', () => {
  const odd = [
    '',
    '\u0000\u0001\uFFFF\uD800',
    '🎉 May 🎉 4, 1994 🎉',
    'On May 4,\r\n1994 it\r\nrained.',
    '1'.repeat(10000),
    'May '.repeat(5000),
  ];
  for (const text of odd) assert.doesNotThrow(() => run(text, DATED));
  // issue 15's shapes next to characters outside the BMP and CRLF line ends
  const astral =
    '🎉 From 17 to 19 March 2024 🎉\r\nOn 16 May.\r\n𝒜 08-Nov-2004, 25 Jun.’14 and Wednesday’s vote.';
  assert.deepEqual(
    run(astral, DATED).mentions.map((m) => [astral.slice(m.start, m.end), m.value]),
    [
      ['17', '2024-03-17'],
      ['19 March 2024', '2024-03-19'],
      ['16 May', '2022-05-16'],
      ['08-Nov-2004', '2004-11-08'],
      ['25 Jun.’14', '2014-06-25'],
      ['Wednesday', '2022-04-27'],
    ],
  );
  // CRLF: offsets are into the text as is
  const crlf = 'Line one.\r\nOn May 4, 1994 it rained.\r\n';
  const m = run(crlf, DATED).mentions[0];
  assert.equal(crlf.slice(m.start, m.end), 'May 4, 1994');
  // twice the text takes about twice the time, not four times
  const unit = 'In 1997 it joined. On Monday it met; last year and in March 1992 and the same year. '.repeat(
    2000,
  );
  const time = (text: string) => {
    const t0 = process.hrtime.bigint();
    run(text, DATED);
    return Number(process.hrtime.bigint() - t0);
  };
  time(unit); // warm up
  const small = Math.min(time(unit), time(unit));
  const big = Math.min(time(unit.repeat(4)), time(unit.repeat(4)));
  assert.ok(big < small * 10, `4x the text took ${(big / small).toFixed(1)}x the time`);
});

test('a date still to be confirmed is not a past event after the dateline (issue 17, bug 7)', () => {
  const text = 'Tallinn, 20 January 2022\nA spokesman said the date 04/05/2022 was still provisional.';
  const sentences = splitSentences(text);
  const doc = readDocumentDate(text, sentences);
  assert.equal(doc.value, '2022-01-20');
  const codes = recogniseDates(text, sentences, doc).findings.map((f) => f.code);
  assert.deepEqual(codes, ['ambiguous-date']);
  // ... while the same date told as done is reported
  const done = text.replace('the date 04/05/2022 was still provisional', 'it was signed on 04/05/2022');
  assert.ok(
    recogniseDates(done, splitSentences(done), doc).findings.some((f) => f.code === 'after-document-date'),
  );
});

test('a family tried only at words beginning with its first characters matches nowhere else', () => {
  // Trigger.first spares tries that cannot match: if a pattern changes and can begin with
  // another character, this says so. The sample is every row of this file, its
  // marks taken out.
  const sample = readFileSync(resolve(__dirname, '../../../test/unit/dates.test.ts'), 'utf8').replace(
    /\[([^\]]*)\]\([^)]*\)/g,
    '$1',
  );
  const declared = FAMILIES_TIMEML.filter((f) => f.trigger.first !== undefined);
  assert.ok(declared.length >= 15, `only ${declared.length} families declare their first characters`);
  for (const { pattern, trigger } of declared) {
    let matches = 0;
    for (const m of sample.matchAll(new RegExp(pattern.source, pattern.flags))) {
      matches++;
      assert.ok(trigger.first!.includes(m[0][0]), `${pattern.source} matched ${JSON.stringify(m[0])}`);
    }
    assert.ok(matches > 0, `no row of this file exercises ${pattern.source}`);
  }
});
