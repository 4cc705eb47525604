// Claims, one row per shape: which event word a date dates, whether the text reports it or
// plans it, and who takes part. Sentences are invented; each row is a shape that recurs in news.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';

/** `date→class:lemma`, with ` plan` and the date's role when not a point; claims of the text in order. */
function claims(text: string, date = '2020-06-15'): string {
  const a = analyseDocument(` date ${date} ${text}`);
  return a.claims
    .map(
      (c) =>
        `${c.text}→${c.event}:${c.lemma}${c.plan ? ' plan' : ''}${c.role !== 'point' ? ' ' + c.role : ''}`,
    )
    .join(' | ');
}

/** The participants (keys) of the claim of the date written `date`. */
function participants(text: string, dateText: string): string[] {
  const a = analyseDocument(` date 2020-06-15 ${text}`);
  const c = a.claims.find((x) => x.text === dateText);
  assert.ok(c, `no claim for ${dateText}: ${a.claims.map((x) => x.text).join(', ')}`);
  return c.participants.map((p) => p.key);
}

describe('which event a date dates', () => {
  const rows: [string, string, string][] = [
    // [shape, sentence, expected claims]
    ['a verb in the past', 'Ruritania joined the Northern Alliance in 2004.', '2004→join:join'],
    ['the date before the verb', 'The ministers on Tuesday signed the Harbour Accord.', 'Tuesday→sign:sign'],
    [
      'a date that modifies an event noun',
      'The March 3 bombing of the rail depot killed four.',
      'March 3→attack:bombing',
    ],
    [
      'a possessive date',
      "Investigators studied last month's discovery of a rifle.",
      'last month→find:discovery',
    ],
    ['a noun right before the date', 'The blasts on Friday shook the old town.', 'Friday→attack:blast'],
    ['a date that modifies another noun dates nothing', "Petrov's 1987 sedan was found at the airport.", ''],
    [
      'a saying dates the saying, not what was said',
      'Minister Anna Berg said Thursday that the army had ordered the strikes.',
      'Thursday→say:say',
    ],
    [
      'the object of a verb that has no date of its own',
      'The Security Council condemned the bombing of the depot on Thursday.',
      'Thursday→say:condemn',
    ],
    [
      'a second date goes to the noun',
      'The government Saturday condemned two bomb attacks in the capital Friday.',
      'Saturday→say:condemn | Friday→attack:attack',
    ],
    [
      'a fronted date looks ahead',
      'On May 6, the court charged the driver with the killing.',
      'May 6→charge:charge',
    ],
    [
      'two events in one sentence each keep their date',
      'Latvia joined NATO in 2004 and signed the IPAP in 2018.',
      '2004→join:join | 2018→sign:sign',
    ],
    [
      'an infinitive after a verb of inviting',
      'The alliance invited Ruritania to join in July 1997.',
      'July 1997→invite:invite',
    ],
    [
      'an infinitive after a verb of wanting tells of no event',
      'Petrov offered to travel to Paris on Monday.',
      '',
    ],
    ['a plan: will', 'Ruritania will join the alliance on March 12, 2021.', 'March 12, 2021→join:join plan'],
    ['a plan: expected to', 'The three are expected to join in April.', 'April→join:join plan'],
    [
      'a plan: a date after the document',
      'The summit in Valdoria opens on July 1.',
      'July 1→start:open plan',
    ],
    [
      'a modal that governs another verb leaves a noun a report',
      'They will appeal the decision, announced Monday.',
      'Monday→rule:decision',
    ],
    [
      'since dates a beginning',
      'Ruritania has been a partner since 1997, after its accession in 1996.',
      '1996→join:accession',
    ],
    [
      'participation since a year is membership',
      'Its participation in the Planning Process since 1997 helped.',
      '1997→join:participation since',
    ],
    ['a deadline after by', 'The boy must be returned to his mother by Jan. 14.', 'Jan. 14→expire:deadline'],
    ['a deadline named', 'The board set Friday as the deadline for the offer.', 'Friday→expire:deadline'],
    ['a price is no event', 'Acme shares closed Friday at $12.50, up 25 cents.', ''],
    ['a price moved is no event', 'The index ended Monday 3 points lower.', ''],
    [
      'a meeting that ended is no price, though rates were left unchanged',
      'The meeting that ended on Thursday in Valdoria left interest rates unchanged.',
      'Thursday→end:end',
    ],
    ['the end of a year is a date', 'The mission ran until the end of 2014.', ''],
    [
      'a when clause tells what happened then',
      'He was a student in 1968 when troops invaded the country.',
      '1968→invade:invade',
    ],
    [
      'a clause of time hangs on the event it dates',
      'The doctor was shot shortly after he returned home on Friday night.',
      'Friday→attack:shoot',
    ],
    ['a negated event is no event', 'The country did not join the pact in 1999.', ''],
    [
      'became members is a joining',
      'Poland and Hungary today became full members of NATO.',
      'today→join:become member',
    ],
    [
      'became and an office is taking office',
      'Maria Lind became chief executive of the Northwind Shipping Company in 2011.',
      '2011→inaugurate:take office',
    ],
    [
      'became and an office, past an article and an adjective',
      'In 1996 she became the first woman prime minister of Ruritania.',
      '1996→inaugurate:take office',
    ],
    [
      'a law taking effect is a beginning',
      'The harbour levy took effect on 1 March 2011.',
      '1 March 2011→start:take effect',
    ],
    [
      'in an office since a date: taken then',
      'Anna Berg has been governor of the central bank since 2017.',
      '2017→inaugurate:hold office since',
    ],
    [
      'in an office at a date: only held then',
      'Anna Berg had been governor of the central bank in 2005.',
      '',
    ],
    [
      'a fronted date looks past a parenthesis to its verb',
      'On 5 May 2023, the Harbour Health Organization (HHO) declared the emergency over.',
      '5 May 2023→say:declare',
    ],
    [
      'a gathering from one date to another opened on the first and closed on the second',
      'The HMC3 summit ran from 30 November to 12 December 2019.',
      '30 November→start:summit | 12 December 2019→end:summit',
    ],
    [
      'entering into force is a beginning, not a joining',
      'The harbour treaty between Valdoria and Ruritania entered into force on 1 February 2019.',
      '1 February 2019→start:take effect',
    ],
    ['became and no office is no event', 'The harbour town became famous in 2011.', ''],
    [
      'a when clause with no event of its own dates the clause it hangs on',
      'Acme joined the core shareholders when the bank was privatised in 1987.',
      '1987→join:join',
    ],
    [
      'between two dates: a start and an end',
      'Antar sold shares between 1985 and 1987.',
      '1985→sell:sell start | 1987→sell:sell end',
    ],
    ['a law is dated by its passing', 'A 1996 law named for him limits the fees.', '1996→ratify:law'],
    ['a schedule given up dates nothing', 'The offer had been set to expire Nov. 6.', ''],
    ['a schedule given up dates nothing: originally', 'The vote was originally scheduled for May 2.', ''],
    ['an uprising is an event', 'She remembers the 1956 uprising as a child.', '1956→revolt:uprising'],
    ['an outbreak is an event', 'Officials traced the 2014 outbreak to a market.', '2014→outbreak:outbreak'],
    ['winning is an event', 'Her party won the election in March 2019.', 'March 2019→win:win'],
    [
      'a date between an event noun and its verb dates the noun',
      'The bombings on Aug. 7 killed forty people in the capital.',
      'Aug. 7→attack:bombing',
    ],
  ];
  for (const [shape, sentence, expected] of rows) test(shape, () => assert.equal(claims(sentence), expected));
  test('the occasion right after the date is dated too', () => {
    assert.equal(
      claims('The boat sank in late November during a crossing to the island.', '2021-01-10'),
      'late November→sink:sink | late November→travel:crossing',
    );
  });
});

describe('who and what take part', () => {
  test('a country, its adjective and its capital are places of one country', () => {
    assert.deepEqual(
      participants('Kenyan police said the bombing in Nairobi on Friday killed ten.', 'Friday'),
      ['place:KE/nairobi'],
    );
    assert.deepEqual(participants('The Kenyan blasts on Friday shook the city.', 'Friday'), ['place:KE']);
  });
  test('a city named with its region is a city of that region', () => {
    assert.deepEqual(participants('A bomb exploded at a clinic in Dayton, Ohio, on Monday.', 'Monday'), [
      'place:US/ohio/dayton',
      'place:US/ohio',
    ]);
  });
  test('a list of places splits at and; a name with and does not', () => {
    assert.deepEqual(participants('Bombs exploded in Kenya and Tanzania on Friday.', 'Friday'), [
      'place:KE',
      'place:TZ',
    ]);
    assert.deepEqual(
      participants('The Immigration and Naturalization Service ruled on Wednesday.', 'Wednesday'),
      ['name:immigration and naturalization service'],
    );
  });
  test('a place that modifies a noun is no object: the embassy was bombed, not the country', () => {
    const a = analyseDocument(
      ' date 2020-06-15 The State Department warned travelers after the Aug. 7 bombings at American embassies in Ruritania.',
    );
    const c = a.claims.find((x) => x.text === 'Aug. 7');
    assert.equal(c?.object, null);
    const b = analyseDocument(' date 2020-06-15 Rebels attacked Valdoria on Friday.');
    assert.equal(b.claims[0]?.object?.key, 'name:valdoria');
  });
  test('a speaker is no participant of what is said to have happened', () => {
    assert.deepEqual(participants('The ship sank on Friday, Ivan Petrov said.', 'Friday'), []);
  });
  test('a sentence-opening capital that the text writes in lower case is no name', () => {
    assert.deepEqual(
      participants('Suspected bombs exploded in Kenya on Friday. Police suspected a gang.', 'Friday'),
      ['place:KE'],
    );
  });
  test('a sentence-opening capital that is no common English word is a name; a common one is not', () => {
    const rows: [string, string, string[]][] = [
      ['Lindqvist stepped down as chairman on Monday.', 'Monday', ['name:lindqvist']],
      [
        'Lindqvist, who was born in 1961 in Tartu, trained as a pilot.',
        '1961',
        ['name:lindqvist', 'name:tartu'],
      ],
      ['Officials resigned on Monday.', 'Monday', []],
      ['Building work began on Monday.', 'Monday', []],
      ['Surely the talks ended on Monday.', 'Monday', []],
      ['NORTHWIND resigned on Monday.', 'Monday', []],
    ];
    for (const [text, date, expected] of rows) assert.deepEqual(participants(text, date), expected, text);
  });
  test('a place is kept whole, though its first word opens no name', () => {
    assert.deepEqual(
      participants('The car was found at New Jersey’s Newark airport in December.', 'December'),
      ['place:US/new jersey', 'name:newark'],
    );
  });

  test('a relative clause takes part in the name of the phrase it follows', () => {
    assert.deepEqual(
      participants('The HMC3 climate conference, which closed on Tuesday, agreed a deal.', 'Tuesday'),
      ['acronym:hmc3'],
    );
  });
  test('a bare event noun takes its participants from the sentence it refers back to', () => {
    const text = 'A bomb exploded at the Harbour Bank in Valdoria. The bombing on Friday killed ten.';
    assert.deepEqual(participants(text, 'Friday'), ['name:harbour bank', 'name:valdoria']);
  });
  test('a bare he is the person the text named last', () => {
    const a = analyseDocument(' date 2020-06-15 Ivan Petrov left the party. He resigned on Monday.');
    assert.equal(a.claims[0].subject?.key, 'person:petrov|ivan');
  });
  test('a he after someone the sentence names but we do not know is nobody we know', () => {
    const a = analyseDocument(
      " date 2020-06-15 Judge Ivan Petrov heard the case. Tomo's cousins have cared for him since May, when he was found at sea on May 2.",
    );
    const c = a.claims.find((x) => x.text === 'May 2');
    assert.ok(c);
    assert.equal(c.object, null);
  });
});

describe('claims are total and in the text', () => {
  test('odd input gives fewer claims, never an exception; spans lie in the text', () => {
    const odd = [
      '',
      'On 𝐌𝐨𝐧𝐝𝐚𝐲 the 𝔸lliance joined. In 1997 🙂 joined (((.',
      'joined joined joined in 1997 and and and by by by 1998 until',
      'On\r\nFriday\r\nthe bombs\r\nexploded.',
      'In 1997,'.repeat(500),
    ];
    for (const text of odd) {
      const a = analyseDocument(text);
      for (const c of a.claims) {
        assert.ok(c.span.start >= 0 && c.span.end <= text.length && c.span.start < c.span.end);
        assert.equal(text.slice(c.span.start, c.span.end), c.text);
        assert.ok(c.trigger.start >= 0 && c.trigger.end <= text.length);
      }
    }
  });
});
