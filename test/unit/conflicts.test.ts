// Date conflicts, data-driven: each case is a small corpus (`--- /a.txt` files) and the
// conflicts it must report, one line per mention involved: `a.txt 1998 outlier ~ b.txt 1997`.
// Sentences are invented; each case is a shape that recurs in news.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compatible, intervalOf } from '../../server/src/analysis/conflicts';
import { parseCorpusConfig } from '../../server/src/analysis/corpusConfig';
import { CorpusIndex } from '../../server/src/analysis/corpusIndex';
import { dedent, parseFiles } from '../support/fixture';

function indexOf(fixture: string, config = ''): CorpusIndex {
  const index = new CorpusIndex();
  if (config) index.setConfig(parseCorpusConfig(config));
  for (const f of parseFiles(dedent(fixture))) index.update(f.path, f.text);
  return index;
}

function conflictsOf(fixture: string, config = ''): string {
  return indexOf(fixture, config)
    .allConflicts()
    .map(
      (c) =>
        `${c.at.doc.slice(1)} ${c.at.claim.value} ${c.role} ~ ${c.others.map((o) => `${o.doc.slice(1)} ${o.claim.value}`).join(', ')}`,
    )
    .sort()
    .join('\n');
}

describe('the same fact in other words', () => {
  test('a joining told with a verb and with a noun, a year apart: two sources, a dispute', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Ruritania joined the Northern Alliance in 1997.
        --- /b.txt
        Ruritania's accession to the Northern Alliance in 1998 was celebrated.
      `),
      ['a.txt 1997 disputed ~ b.txt 1998', 'b.txt 1998 disputed ~ a.txt 1997'].join('\n'),
    );
  });

  test('the one source that disagrees is the outlier; the others get a hint that points at it', () => {
    const index = indexOf(`
      --- /a.txt
       date 2022-04-29 Javier Colomina arrived in Valdoria on April 28.
      --- /b.txt
       date 2022-04-29 Javier Colomina arrived in Valdoria on April 28.
      --- /c.txt
       date 2022-04-29 Javier Colomina arrived in Valdoria on April 27.
    `);
    const [outlier] = index.conflicts('/c.txt');
    assert.equal(outlier.role, 'outlier');
    assert.equal(
      outlier.message,
      'Javier Colomina arrived in Valdoria: 27 April 2022 (“April 27”, read against this file’s date 2022-04-29) here; 28 April 2022 in 2 other documents',
    );
    assert.deepEqual(
      index.conflicts('/a.txt').map((c) => [c.role, c.others.map((o) => o.doc)]),
      [['agrees', ['/c.txt']]],
    );
  });

  test('the bombings, the blasts and the explosions of one day are one fact; a plant a day off is caught', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2021-03-06 Two bombs exploded outside the embassies in Ruritania and Valdoria on Friday.
        --- /b.txt
         date 2021-03-09 The March 5 bombings of the embassies in Ruritania and Valdoria killed forty.
        --- /c.txt
         date 2021-03-20 The blasts at the embassies in Ruritania and Valdoria on March 4 shocked the region.
      `),
      [
        'a.txt 2021-03-05 agrees ~ c.txt 2021-03-04',
        'b.txt 2021-03-05 agrees ~ c.txt 2021-03-04',
        'c.txt 2021-03-04 outlier ~ a.txt 2021-03-05, b.txt 2021-03-05',
      ].join('\n'),
    );
  });

  test('what was bombed, a city and its country, is one target (part and whole)', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2021-03-09 The Free Army bombed Nairobi on March 5, killing forty people.
        --- /b.txt
         date 2021-03-10 The Free Army bombed Kenya on March 4.
      `),
      ['a.txt 2021-03-05 disputed ~ b.txt 2021-03-04', 'b.txt 2021-03-04 disputed ~ a.txt 2021-03-05'].join(
        '\n',
      ),
    );
  });

  test('a person killed names the killing, however it is told', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2020-11-02 Dr. Ivan Petrov was shot dead in his kitchen on Oct. 23.
        --- /b.txt
         date 2021-01-05 Police are still searching for the sniper in the Oct. 23 killing of Ivan Petrov.
        --- /c.txt
         date 2021-10-24 Dr. Ivan Petrov was killed on Oct. 23, 2021 by a sniper.
      `),
      [
        'a.txt 2020-10-23 agrees ~ c.txt 2021-10-23',
        'b.txt 2020-10-23 agrees ~ c.txt 2021-10-23',
        'c.txt 2021-10-23 outlier ~ a.txt 2020-10-23, b.txt 2020-10-23',
      ].join('\n'),
    );
  });

  test('the start of a period between two dates is compared as a start', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 1989-11-01 Petrov made $60 million from the sale of his Acme shares between 1985 and 1987.
        --- /b.txt
         date 1989-11-02 Petrov made $60 million from the sale of his Acme shares between 1986 and 1987.
      `),
      ['a.txt 1985 disputed ~ b.txt 1986', 'b.txt 1986 disputed ~ a.txt 1985'].join('\n'),
    );
  });

  test('a deadline is known by whom its sentence names; deadlines a week apart are two', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2000-01-06 The board ruled that Ivan Petrov must leave Valdoria by Jan. 14.
        --- /b.txt
         date 2000-01-15 The board ruled that Ivan Petrov must leave Valdoria, and set Thursday as the deadline.
        --- /c.txt
         date 2000-01-20 The board gave Ivan Petrov until Feb. 9 to leave Valdoria, a new deadline.
      `),
      ['a.txt 2000-01-14 disputed ~ b.txt 2000-01-13', 'b.txt 2000-01-13 disputed ~ a.txt 2000-01-14'].join(
        '\n',
      ),
    );
  });

  test('the fact is named without the date, where a name runs into it', () => {
    const [c] = indexOf(`
      --- /a.txt
       date 2022-06-01 Javier Colomina arrived in the United States April 2, officials said.
      --- /b.txt
       date 2022-04-17 Javier Colomina arrived in the United States on April 6.
    `).conflicts('/a.txt');
    assert.match(c.message, /^Javier Colomina arrived in the United States: 2 April 2022/);
  });

  test('taking office is named so, however the source tells it; a gathering’s range by its closing', () => {
    const [office] = indexOf(`
      --- /a.txt
      Maria Lind became chief executive of the Northwind Shipping Company in 2011.
      --- /b.txt
      Maria Lind has been chief executive of the Northwind Shipping Company since 2012.
    `).conflicts('/a.txt');
    assert.match(office.message, /^Maria Lind took office: 2011 here; 2012 in 1 other document/);
    const [summit] = indexOf(`
      --- /a.txt
      The HMC3 summit ran from 30 November to 12 December 2019 in Valdoria.
      --- /b.txt
      The HMC3 summit closed in Valdoria on 13 December 2019.
    `).conflicts('/a.txt');
    assert.match(summit.message, /^HMC3’s summit \(Valdoria\) closed: 12 December 2019 here/);
  });

  test('a relative date is read against its file’s date, and the message says so', () => {
    const index = indexOf(`
      --- /a.txt
       date 2000-01-07 The Harbour Commission ruled Wednesday that the ferry must stop.
      --- /b.txt
       date 2000-01-07 The Harbour Commission ruled Wednesday that the ferry must stop.
      --- /c.txt
       date 2000-01-15 The Harbour Commission ruled Wednesday that the ferry must stop.
    `);
    const [stale] = index.conflicts('/c.txt');
    assert.match(
      stale.message,
      /12 January 2000 \(“Wednesday”, read against this file’s date 2000-01-15\) here; 5 January 2000 in 2 other documents/,
    );
  });

  test('a summit’s closing day, told of an acronym and its long form', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2023-12-14 The Conference of the Parties (COP28) closed on 13 December 2023 in Dubai.
        --- /b.txt
         date 2023-12-14 After two weeks of talks in Dubai, COP28 closed on 12 December 2023.
        --- /c.txt
         date 2023-12-20 The COP28 summit closed on 13 December 2023.
      `),
      [
        'a.txt 2023-12-13 agrees ~ b.txt 2023-12-12',
        'b.txt 2023-12-12 outlier ~ a.txt 2023-12-13, c.txt 2023-12-13',
        'c.txt 2023-12-13 agrees ~ b.txt 2023-12-12',
      ].join('\n'),
    );
  });

  test('a declaration signed in two years (a user’s own test)', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The Riga Declaration was signed in 2004.
        --- /b.txt
        The Riga Declaration was signed in 2006.
      `),
      ['a.txt 2004 disputed ~ b.txt 2006', 'b.txt 2006 disputed ~ a.txt 2004'].join('\n'),
    );
  });

  test('taking office, told as `took office` and as `became` and the office', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Maria Lind took office as chief executive of the Northwind Shipping Company on 1 March 2011.
        --- /b.txt
        Lind became chief executive of the Northwind Shipping Company in 2012, the board said.
      `),
      ['a.txt 2011-03-01 disputed ~ b.txt 2012', 'b.txt 2012 disputed ~ a.txt 2011-03-01'].join('\n'),
    );
  });

  test('a name and its two-letter initials, defined nowhere, are one participant', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The Baltic Union summit opened in Tallinn on 17 February 2024.
        --- /b.txt
        The BU summit began on 18 February 2024 in Tallinn, officials said.
      `),
      ['a.txt 2024-02-17 disputed ~ b.txt 2024-02-18', 'b.txt 2024-02-18 disputed ~ a.txt 2024-02-17'].join(
        '\n',
      ),
    );
  });

  test('a person named in full, and by a surname that opens the sentence of another source', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Prime Minister Ivo Lindqvist resigned on 5 April 2022 after the vote.
        --- /b.txt
        Lindqvist stepped down as prime minister on 6 April 2022.
      `),
      ['a.txt 2022-04-05 disputed ~ b.txt 2022-04-06', 'b.txt 2022-04-06 disputed ~ a.txt 2022-04-05'].join(
        '\n',
      ),
    );
  });

  test('in office since one year, and became it in another', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Peter Holm has been chief executive of Nordbank since 2017.
        --- /b.txt
        Holm became chief executive of Nordbank in 2018.
      `),
      ['a.txt 2017 disputed ~ b.txt 2018', 'b.txt 2018 disputed ~ a.txt 2017'].join('\n'),
    );
  });

  test('a named event that closed, told without an object, on a weekday and on a date', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2023-12-14 HMC3 closed on Tuesday with a deal.
        --- /b.txt
         date 2023-12-15 HMC3 ended on 13 December.
      `),
      ['a.txt 2023-12-12 disputed ~ b.txt 2023-12-13', 'b.txt 2023-12-13 disputed ~ a.txt 2023-12-12'].join(
        '\n',
      ),
    );
  });

  test('a summit told by its range and by its closing day', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The HMC3 summit ran from 30 November to 12 December 2023 in Valdoria.
        --- /b.txt
        The HMC3 summit closed in Valdoria on 13 December 2023 with a deal.
      `),
      ['a.txt 2023-12-12 disputed ~ b.txt 2023-12-13', 'b.txt 2023-12-13 disputed ~ a.txt 2023-12-12'].join(
        '\n',
      ),
    );
  });

  test('a country by its formal name and by its short one, the short one opening the sentence', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The Republic of Ostravia joined the Baltic Salt Union in 1996, the ministry said.
        --- /b.txt
        Ostravia joined the Baltic Salt Union in 1994, according to a statement.
      `),
      ['a.txt 1996 disputed ~ b.txt 1994', 'b.txt 1994 disputed ~ a.txt 1996'].join('\n'),
    );
  });

  test('a treaty that entered into force, and took effect, on two days', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The harbour treaty between Norway and Iceland entered into force on 1 February 2019.
        --- /b.txt
        The harbour treaty between Norway and Iceland took effect on 1 March 2019.
      `),
      ['a.txt 2019-02-01 disputed ~ b.txt 2019-03-01', 'b.txt 2019-03-01 disputed ~ a.txt 2019-02-01'].join(
        '\n',
      ),
    );
  });

  test('the end of a named operation, the start of its range left alone', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Ruritania supported the International Harbour Force (IHF) from 2002 to the end of the IHF operation in 2014.
        --- /b.txt
        Ruritania supported the International Harbour Force (IHF) from 2002 to the end of the IHF operation in 2019.
      `),
      ['a.txt 2014 disputed ~ b.txt 2019', 'b.txt 2019 disputed ~ a.txt 2014'].join('\n'),
    );
  });
});

describe('look-alikes that must not be conflicts', () => {
  test('one group’s summits in two years and two cities: two summits', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The G30 summit in Valdoria took place from 18 to 19 November 2024.
        --- /b.txt
        The G30 summit in Ruritania ended on 10 September 2023.
      `),
      '',
    );
  });

  test('the summits of one organisation, a year apart: two summits', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The NHTO summit opened on 11 July 2023.
        --- /b.txt
        The NHTO summit, which opened on 28 June 2022, agreed on new plans.
      `),
      '',
    );
  });

  test('one person in two offices, or leaving two organisations: two facts each', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Ilse Marten took office as managing director of the IHF in July 2011.
        --- /b.txt
        Marten took office as president of the NCB in November 2019.
        --- /c.txt
        Peter Holm became chairman of Nordbank in 2012.
        --- /d.txt
        Peter Holm became chief executive of Nordbank in 2017.
        --- /e.txt
        Jane Doe resigned as chief executive of Acme Corp in 2019.
        --- /f.txt
        Jane Doe resigned from the board of Widget Inc in 2021.
      `),
      '',
    );
  });

  test('a summit in one city and a summit in another: two gatherings', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The EU summit in Brussels ended on 11 December 2020.
        --- /b.txt
        The Lisbon summit of EU and African leaders ended on 9 December 2020.
      `),
      '',
    );
  });

  test('chosen for an office, and taking it up months later: two facts', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        The board appointed Maria Lind as governor of the central bank in November 2015.
        --- /b.txt
        Maria Lind took office as governor of the central bank in January 2016.
        --- /c.txt
        Lind was nominated for the post in September 2015, officials said.
      `),
      '',
    );
  });
  test('two people born in one city in two years: two births', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Anna Berg was born in 1950 in Tartu.
        --- /b.txt
        Lindqvist, who was born in 1962 in Tartu, trained as a pilot.
        --- /c.txt
        The singer Tomas Varga was born in 1975 in Tartu.
      `),
      '',
    );
  });
  test('a refinement: 1992 contains March 1992; a week contains its days', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Ruritania joined the Northern Alliance in 1992.
        --- /b.txt
        Ruritania joined the Northern Alliance in March 1992.
        --- /c.txt
         date 2021-03-10 The bombings at the Valdoria embassy last week killed ten.
        --- /d.txt
         date 2021-03-06 A bomb exploded at the Valdoria embassy on Friday.
      `),
      '',
    );
  });

  test('two events in one sentence each keep their own date (a user’s own test)', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Latvia joined NATO in 2004 and signed the IPAP in 2018.
        --- /b.txt
        Latvia joined NATO in 2004.
      `),
      '',
    );
  });

  test('the same verb and object with another subject is another fact', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2021-03-12 The Security Council condemned the bombing of the Valdoria embassy on Thursday.
        --- /b.txt
         date 2021-03-12 President Anna Berg condemned the bombing of the Valdoria embassy on Wednesday.
      `),
      '',
    );
  });

  test('a saying about an event does not date the event', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2021-03-12 Forces launched missile strikes on the Valdoria camps on Thursday.
        --- /b.txt
         date 2021-03-13 President Anna Berg said Friday that she had ordered the strikes on the Valdoria camps.
      `),
      '',
    );
  });

  test('two parts of one event are not compared, a part and its whole are', () => {
    // Nairobi and Mombasa are two cities of Kenya: two bombings, two dates
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2021-03-10 The bombing in Nairobi on March 5 killed ten.
        --- /b.txt
         date 2021-03-10 The bombing in Mombasa on March 6 killed four.
      `),
      '',
    );
  });

  test('one shared country is never enough', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Floods struck Ruritania in 1997. A dam collapsed in Kenya in 1998.
        --- /b.txt
        A bridge collapsed in Kenya in 2004.
      `),
      '',
    );
  });

  test('a plan is compared only with plans; a plan that changed is no conflict', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 1999-03-13 Poland, Hungary and the Czech Republic formally joined NATO on March 12, 1999.
        --- /b.txt
         date 1998-12-05 Poland, Hungary and the Czech Republic are expected to join NATO in April 1999.
        --- /c.txt
         date 1999-02-20 Poland, Hungary and the Czech Republic will join NATO on March 12, 1999.
      `),
      '',
    );
  });

  test('a source that gives two dates for one fact tells of two occasions', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Ruritania joined the Planning and Review Process (PARP) in 1997.
        --- /b.txt
        Ruritania joined the Planning and Review Process (PARP) in 1997.

        Ruritania joined the Planning and Review Process (PARP) in 1998.
        --- /c.txt
        Ruritania joined the Planning and Review Process (PARP) in 1998.
      `),
      '',
    );
  });

  test('joining one programme and joining another', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Ruritania joined the Partnership for Peace (PfP) programme in 1994.
        --- /b.txt
        Ruritania joined the Planning and Review Process (PARP) in 1997.
      `),
      '',
    );
  });

  test('a meeting or a rally of the same kind a season apart is another occasion', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2021-02-01 Anna Berg met Ivan Petrov in Valdoria on January 12.
        --- /b.txt
         date 2021-06-01 Anna Berg met Ivan Petrov in Valdoria on May 3.
        --- /c.txt
         date 2021-01-08 Thousands rallied in the Valdoria square on Friday to demand his return.
        --- /d.txt
         date 2021-01-15 Thousands marched along the Valdoria boulevard on Friday to honour the dead.
      `),
      '',
    );
  });

  test('the text itself says another occurrence', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Javier Solana visited Ruritania in February of 1997.
        --- /b.txt
        In September 1998, Javier Solana visited Ruritania for the second time.
      `),
      '',
    );
  });

  test('a share price that closed is no event', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 1989-10-27 In New York Stock Exchange composite trading, Acme shares closed yesterday at $12.50.
        --- /b.txt
         date 1989-11-02 Acme shares closed yesterday at $13, up 25 cents, in composite trading.
      `),
      '',
    );
  });

  test('a dismissed conflict stays dismissed', () => {
    const fixture = `
      --- /a.txt
      In 1997, Ruritania joined the Planning and Review Process (PARP).
      --- /b.txt
      In 1998, Ruritania joined the Planning and Review Process (PARP).
    `;
    const [c] = indexOf(fixture).allConflicts();
    assert.ok(c);
    assert.equal(conflictsOf(fixture, JSON.stringify({ dismissedConflicts: [{ id: c.id }] })), '');
  });

  test('a dismissal written by an earlier version (its id: class, plan, what, the two values) still holds', () => {
    const fixture = `
      --- /a.txt
      In 1997, Ruritania joined the Planning and Review Process (PARP).
      --- /b.txt
      In 1998, Ruritania joined the Planning and Review Process (PARP).
    `;
    assert.notEqual(conflictsOf(fixture), '');
    const legacy = JSON.stringify({ dismissedConflicts: [{ id: 'join||acronym:parp|1997|1998' }] });
    assert.equal(conflictsOf(fixture, legacy), '');
    // another pair of values is another conflict
    const other = JSON.stringify({ dismissedConflicts: [{ id: 'join||acronym:parp|1997|1999' }] });
    assert.notEqual(conflictsOf(fixture, other), '');
  });
});

describe('a conflict is one fact and its groups, linear in its sources', () => {
  test('a thousand sources of one fact: few places listed each, and time that grows linearly', () => {
    const corpus = (n: number) => {
      const index = new CorpusIndex();
      for (let i = 0; i < n; i++) {
        const year = i % 10 === 0 ? 1998 : 1997;
        index.update(`/f${i}.txt`, `Ruritania joined the Planning and Review Process (PARP) in ${year}.`);
      }
      return index;
    };
    // best of three: the machine is shared
    const timeFor = (n: number) => {
      let best = { ms: Infinity, all: [] as ReturnType<CorpusIndex['allConflicts']> };
      for (let k = 0; k < 3; k++) {
        const index = corpus(n);
        const t0 = performance.now();
        const all = index.allConflicts();
        const ms = performance.now() - t0;
        if (ms < best.ms) best = { ms, all };
      }
      return best;
    };
    const small = timeFor(500);
    const big = timeFor(1000);
    assert.equal(big.all.length, 1000, 'each mention of the fact is in the conflict');
    for (const c of big.all) assert.ok(c.others.length <= 18, `${c.others.length} places listed`);
    const outliers = big.all.filter((c) => c.role === 'outlier');
    assert.equal(outliers.length, 100);
    assert.match(outliers[0].message, /1998 here; 1997 in 900 other documents/);
    // twice the sources, not four times the time (generous: the machine is shared)
    assert.ok(big.ms < small.ms * 3 + 50, `500: ${small.ms.toFixed(1)} ms, 1000: ${big.ms.toFixed(1)} ms`);
  });
});

describe('dates compared as intervals at their precision', () => {
  const cases: [string, string, boolean][] = [
    ['1992', '1992-03', true],
    ['1997', '1998', false],
    // the guidelines: early and late do not narrow the interval
    ['2020/END', '2020-11-05', true],
    ['2020/END', '2020-02', true],
    ['199', '1997-05-04', true],
    ['1998-SP', '1998-04', true],
    ['1998-SP', '1998-07', false],
    ['1998-WI', '1999-01-15', true],
    ['1998-W32', '1998-08-07', true],
    ['1998-W32', '1998-08-10', false],
    ['1989-Q3', '1989-08', true],
    ['1989-Q3', '1989-10', false],
    ['XXXX-04-28', '2022-04-28', true],
    ['XXXX-04-28', '2022-04-27', false],
    ['XXXX-04-28', '2022', true],
    ['XXXX-04-28', 'XXXX-04-28', true],
  ];
  for (const [a, b, expected] of cases) {
    test(`${a} and ${b} ${expected ? 'agree' : 'disagree'}`, () => {
      const parse = (v: string) => {
        const [value, mod] = v.split('/');
        return intervalOf(value, mod as 'START' | 'END' | undefined);
      };
      assert.equal(compatible(parse(a), parse(b)), expected);
      assert.equal(compatible(parse(b), parse(a)), expected);
    });
  }
});
