// The corpus index keeps up with edits: what an edit does not touch is not resolved again,
// and what it touches is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../../server/src/analysis/corpusIndex';

const A =
  'Defence Minister Zakir Hasanov met NATO officials. Hasanov spoke about the Partnership for Peace (PfP).';
// a title makes a lone surname a name (a lone surname with neither is a FIXME in people.test.ts)
const B = 'Later, Minister Hasanov and the PfP partners met again in Baku.';

test('an edit that leaves a surname group alone keeps its resolution; names still resolve at their new offsets', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', A, 1);
  index.update('/b.txt', B, 1);
  const before = index.person('person:zakir-hasanov');
  assert.ok(before);
  index.update('/a.txt', 'Breaking news. ' + A, 2);
  assert.equal(index.person('person:zakir-hasanov'), before, 'the same entity object: not resolved again');
  const names = index.mentions('/a.txt').filter((m) => m.kind === 'official');
  assert.deepEqual(
    names.map((m) => [m.text, m.entity, ('Breaking news. ' + A).slice(m.start, m.end)]),
    [
      ['Zakir Hasanov', 'person:zakir-hasanov', 'Zakir Hasanov'],
      ['Hasanov', 'person:zakir-hasanov', 'Hasanov'],
    ],
  );
  assert.equal(index.mentions('/b.txt').find((m) => m.text === 'Hasanov')?.entity, 'person:zakir-hasanov');
});

test('an edit that changes a name resolves its group again, across files', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', A, 1);
  index.update('/b.txt', B, 1);
  index.update('/a.txt', A.replace('Zakir Hasanov', 'Zakar Hasanov'), 2);
  assert.equal(index.person('person:zakir-hasanov'), undefined);
  assert.equal(index.mentions('/b.txt').find((m) => m.text === 'Hasanov')?.entity, 'person:zakar-hasanov');
});

test('references to an acronym include long forms in files that never write the short form', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'Azerbaijan joined the Planning and Review Process (PARP) in 1997.');
  index.update('/b.txt', 'The planning and review process helps the army.');
  assert.deepEqual(index.docsOf('acronym:parp'), ['/a.txt', '/b.txt']);
  index.update('/a.txt', 'Azerbaijan joined it in 1997.');
  assert.deepEqual(index.docsOf('acronym:parp'), [], 'without the definition the long form is just words');
});

test('an edit that leaves a file’s claims alone keeps the conflicts, pointing at the claims’ new places', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'In 1997, Azerbaijan joined the Planning and Review Process (PARP).', 1);
  index.update('/b.txt', 'In 1998, Azerbaijan joined the Planning and Review Process (PARP).', 1);
  const settle = (r: ReturnType<CorpusIndex['update']>) => [...index.settle(r)].sort();
  assert.equal(index.conflicts('/a.txt').length, 1);
  const edited = 'Some news first. In 1997, Azerbaijan joined the Planning and Review Process (PARP).';
  assert.deepEqual(settle(index.update('/a.txt', edited, 2)), ['/a.txt']);
  const [c] = index.conflicts('/a.txt');
  assert.equal(edited.slice(c.at.claim.span.start, c.at.claim.span.end), '1997');
  const [fromB] = index.conflicts('/b.txt');
  assert.equal(edited.slice(fromB.others[0].claim.span.start, fromB.others[0].claim.span.end), '1997');
  // changing the year changes the claims: both files are told
  assert.deepEqual(settle(index.update('/a.txt', edited.replace('1997', '1998'), 3)), ['/a.txt', '/b.txt']);
  assert.equal(index.conflicts('/b.txt').length, 0);
});

test('a lone surname of an official the corpus names in full is a mention of that official, in any file', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'Defence Minister Zakir Hasanov met NATO officials.');
  index.update(
    '/b.txt',
    'Hasanov briefed the delegation. In Hasanov the weather was fine. A Hasanov Street sign.',
  );
  index.update('/c.txt', 'Shares of Goldman Sachs rose. Goldman said little.');
  const b = index.mentions('/b.txt').filter((m) => m.kind !== 'date' && m.kind !== 'acronym');
  // after `in` it is read as a place, and `Hasanov Street` is a street
  assert.deepEqual(
    b.map((m) => [m.start, m.text, m.entity]),
    [[0, 'Hasanov', 'person:zakir-hasanov']],
  );
  assert.deepEqual(index.docsOf('person:zakir-hasanov'), ['/a.txt', '/b.txt']);
  // a company taken for a person has no title to vouch for it: its words stay words elsewhere
  index.update('/d.txt', 'Goldman expects more.');
  assert.equal(
    index.mentions('/d.txt').filter((m) => m.kind === 'person' || m.kind === 'official').length,
    0,
  );
});
