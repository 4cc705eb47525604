// Date conflicts, data-driven: each case is a small corpus (`--- /a.txt` files) and the
// conflicts it must report, one line per mention involved: `a.txt 1998 ~ b.txt 1997`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compatible, intervalOf } from '../../server/src/analysis/conflicts';
import { parseCorpusConfig } from '../../server/src/analysis/corpusConfig';
import { CorpusIndex } from '../../server/src/analysis/corpusIndex';
import { dedent, parseFiles } from '../support/fixture';

function conflictsOf(fixture: string, config = ''): string {
  const index = new CorpusIndex();
  if (config) index.setConfig(parseCorpusConfig(config));
  for (const f of parseFiles(dedent(fixture))) index.update(f.path, f.text);
  return index
    .allConflicts()
    .map(
      (c) =>
        `${c.at.doc.slice(1)} ${c.at.claim.value} ~ ${c.others.map((o) => `${o.doc.slice(1)} ${o.claim.value}`).join(', ')}`,
    )
    .sort()
    .join('\n');
}

describe('conflicts that must be found', () => {
  test('a source never lists itself among the others, even when it also holds the other date', () => {
    // b.txt says 1997 once and 1998 once: its 1997 points at c.txt only, its 1998 at a.txt only
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Azerbaijan joined the Planning and Review Process (PARP) in 1997.
        --- /b.txt
        Azerbaijan joined the Planning and Review Process (PARP) in 1997.

        Azerbaijan joined the Planning and Review Process (PARP) in 1998.
        --- /c.txt
        Azerbaijan joined the Planning and Review Process (PARP) in 1998.
      `),
      [
        'a.txt 1997 ~ b.txt 1998, c.txt 1998',
        'b.txt 1997 ~ c.txt 1998',
        'b.txt 1998 ~ a.txt 1997',
        'c.txt 1998 ~ a.txt 1997, b.txt 1997',
      ].join('\n'),
    );
  });

  test('the same membership dated two years apart, in other words', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Azerbaijan’s participation in the PfP Planning and Review Process (PARP) since 1997 has allowed NATO to help.
        --- /b.txt
        In 1998, Azerbaijan joined the Planning and Review Process (PARP) of the organization.
      `),
      'a.txt 1997 ~ b.txt 1998\nb.txt 1998 ~ a.txt 1997',
    );
  });

  test('a beginning told as `started` and as `dates back to`, a year apart', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Relations with NATO started in 1992 when Azerbaijan joined the North Atlantic Cooperation Council.
        --- /b.txt
        The history of Azerbaijan-NATO relationship dates back to March 1993 when Azerbaijan joined a new forum.
      `),
      'a.txt 1992 ~ b.txt 1993-03\nb.txt 1993-03 ~ a.txt 1992',
    );
  });

  test('the majority is named, and every source points at the one that disagrees', () => {
    const index = new CorpusIndex();
    const line = (y: number) => `Javier Colomina arrived in Azerbaijan on April ${y}.`;
    index.update('/a.txt', ' date 2022-04-29 ' + line(28));
    index.update('/b.txt', ' date 2022-04-29 ' + line(28));
    index.update('/c.txt', ' date 2022-04-29 ' + line(27));
    const c = index.conflicts('/c.txt');
    assert.equal(c.length, 1);
    assert.equal(
      c[0].message,
      "Javier Colomina's visit to Azerbaijan: 2022-04-27 here, 2022-04-28 in 2 other documents (most sources say 2022-04-28)",
    );
    assert.deepEqual(
      index.conflicts('/a.txt').map((x) => x.others.map((o) => o.doc)),
      [['/c.txt']],
    );
  });

  test('the end of an operation, with the start of the range left alone', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Azerbaijan supported the International Security Assistance Force (ISAF) from 2002 to the end of the NATO-led operation in 2014.
        --- /b.txt
        Azerbaijan supported the International Security Assistance Force (ISAF) from 2002 to the end of the NATO-led operation in 2019.
      `),
      'a.txt 2014 ~ b.txt 2019\nb.txt 2019 ~ a.txt 2014',
    );
  });
});

describe('look-alikes that must not be conflicts', () => {
  test('a refinement: 1992 contains March 1992', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Relations with NATO started in 1992 when Azerbaijan joined the North Atlantic Cooperation Council.
        --- /b.txt
        The history of Azerbaijan-NATO relationship dates back to March 1992 when Azerbaijan joined a new forum.
      `),
      '',
    );
  });

  test('the same verb with other participants: two meetings on two days', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2022-04-29 At a meeting held in Baku on April 29, Hasanov spoke about cooperation with NATO.
        --- /b.txt
         date 2022-04-29 At a meeting that took place in Baku on April 28, Aliyev and Colomina exchanged views.
      `),
      '',
    );
  });

  test('joining one programme and taking part in another that it contains', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Bilateral cooperation began when Azerbaijan joined the Partnership for Peace (PfP) programme in 1994.
        --- /b.txt
        Azerbaijan’s participation in the PfP Planning and Review Process (PARP) since 1997 has helped.
      `),
      '',
    );
  });

  test('different events in one sentence, and the years of one range', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Azerbaijan joined the Partnership for Peace (PfP) in 1994 and joined the Planning and Review Process (PARP) in 1997.
        In 2002-2003, units of the Armed Forces of Azerbaijan joined operations in Afghanistan.
      `),
      '',
    );
  });

  test('repeated identical paragraphs', () => {
    const p =
      'Bilateral cooperation began when Azerbaijan joined the Partnership for Peace (PfP) programme in 1994.';
    assert.equal(conflictsOf(`--- /a.txt\n${p}\n--- /b.txt\n${p}\n--- /c.txt\n${p}\n${p}\n`), '');
  });

  test('an author dating two visits of the same person is not contradicting anyone', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Javier Solana visited Azerbaijan in February of 1997.
        In September 1998, Javier Solana visited Azerbaijan for the second time.
        --- /b.txt
        In May 2003, George Robertson visited Azerbaijan once again.
        --- /c.txt
        In January 2001, George Robertson visited Azerbaijan.
      `),
      '',
    );
  });

  test('plans and expectations are not dates of what happened', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Poland, Hungary and the Czech Republic formally joined NATO on March 12, 1999.
        --- /b.txt
        Poland, Hungary and the Czech Republic are expected to join NATO in April 1999.
      `),
      '',
    );
  });

  test('a weekday read from each article’s own date: one reprinted sentence, two dates', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
         date 2000-01-07 Fidel Castro attended a rally Thursday at the Palace of Conventions in Havana.
        --- /b.txt
         date 2000-01-15 Fidel Castro attended a rally Thursday at the Palace of Conventions in Havana.
      `),
      '',
    );
  });

  test('one author dating two occurrences in one document', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Azerbaijan joined the Planning and Review Process (PARP) in 1997. Its army joined the Planning and Review Process (PARP) exercises in 1999.
      `),
      '',
    );
  });

  test('a period that ends is a date, not an event; a range is one interval', () => {
    assert.equal(
      conflictsOf(`
        --- /a.txt
        Sun Microsystems reported a loss for the quarter ended June 30, 1989.
        Mr. Antar made more than $60 million from the sale of his shares between 1985 and 1987.
        --- /b.txt
        Sun Microsystems reported a loss for the quarter ended September 30, 1989.
        Mr. Antar made more than $60 million from the sale of his shares between 1986 and 1987.
      `),
      '',
    );
  });

  test('a dismissed conflict stays dismissed', () => {
    const fixture = `
      --- /a.txt
      In 1997, Azerbaijan joined the Planning and Review Process (PARP).
      --- /b.txt
      In 1998, Azerbaijan joined the Planning and Review Process (PARP).
    `;
    assert.notEqual(conflictsOf(fixture), '');
    assert.equal(
      conflictsOf(fixture, '{ "dismissedConflicts": [{ "id": "join||acronym:parp|1997|1998" }] }'),
      '',
    );
  });
});

describe('dates compared as intervals at their precision', () => {
  const cases: [string, string, boolean][] = [
    ['1992', '1992-03', true],
    ['1997', '1998', false],
    ['2020/END', '2020-11-05', true],
    ['2020/END', '2020-02', false],
    ['2020/START', '2020-02', true],
    ['199', '1997-05-04', true],
    ['1998-SP', '1998-04', true],
    ['1998-SP', '1998-07', false],
    ['1998-WI', '1999-01-15', true],
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

