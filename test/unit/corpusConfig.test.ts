// corpus-annotator.json: the glossary and dismissed conflicts, and what a broken file says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCorpusConfig } from '../../server/src/analysis/corpusConfig';
import { CorpusIndex } from '../../server/src/analysis/corpusIndex';

test('a glossary entry as a string or an object, with comments and trailing commas', () => {
  const c = parseCorpusConfig(`{
    // the team's glossary
    "glossary": { "NATO": { "expansion": "North Atlantic Treaty Organization", "note": "1949" }, "US": "United States", },
    "dismissedConflicts": [{ "id": "x" }, "y"]
  }`);
  assert.deepEqual(c.findings, []);
  assert.equal(c.glossary.get('nato')?.expansion, 'North Atlantic Treaty Organization');
  assert.equal(c.glossary.get('nato')?.note, '1949');
  assert.equal(c.glossary.get('us')?.expansion, 'United States');
  assert.deepEqual([...c.dismissed], ['x', 'y']);
});

test('broken files give findings at their place, never an exception', () => {
  const cases: [string, string[]][] = [
    ['{ "glossary": { "NATO": 42 ', ['config-syntax', 'config-invalid']],
    ['[1, 2]', ['config-invalid']],
    ['{ "glossary": [] }', ['config-invalid']],
    ['{ "glossary": { "X": "one letter" } }', ['config-invalid']],
    ['{ "glossary": { "NATO": { "expansion": 3, "colour": "red" } } }', ['config-invalid', 'config-invalid']],
    ['{ "dismissedConflicts": {} }', ['config-invalid']],
    ['\u0000\u0001 binary junk', ['config-syntax']],
    ['', []],
  ];
  for (const [text, codes] of cases) {
    const c = parseCorpusConfig(text);
    assert.deepEqual([...new Set(c.findings.map((f) => f.code))].sort(), [...new Set(codes)].sort(), text);
    for (const f of c.findings)
      assert.ok(f.start >= 0 && f.end <= Math.max(text.length, 1) + 1, `${text}: ${f.start}-${f.end}`);
  }
});

test('a glossary expansion names an undefined acronym and corrects a wrong one; the source is told', () => {
  const index = new CorpusIndex();
  index.update(
    '/a.txt',
    'NATO met the Partnership for Peace (PfP) members. Later NATO and the PfP met again.',
  );
  assert.equal(index.acronym('nato')?.expansion, undefined);
  index.setConfig(
    parseCorpusConfig(
      '{ "glossary": { "NATO": "North Atlantic Treaty Organization", "PfP": "Partnership for Peace programme" } }',
    ),
  );
  assert.equal(index.acronym('nato')?.expansion, 'North Atlantic Treaty Organization');
  assert.equal(index.acronym('nato')?.expansionSource, 'glossary');
  const pfp = index.acronym('pfp')!;
  assert.equal(pfp.expansion, 'Partnership for Peace programme');
  assert.equal(pfp.expansionSource, 'glossary');
  assert.deepEqual(
    pfp.expansions,
    ['Partnership for Peace'],
    'the text definition is kept beside the correction',
  );
});

test('an acronym defined two ways is reported at both definitions, and keeps both expansions', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'Members of the Individual Partnership Action Plan (IPAP) met.');
  index.update('/b.txt', 'The Individual Partnership Assistance Programme (IPAP) was signed.');
  assert.deepEqual(index.acronym('ipap')?.expansions.sort(), [
    'Individual Partnership Action Plan',
    'Individual Partnership Assistance Programme',
  ]);
  for (const path of ['/a.txt', '/b.txt']) {
    const hints = index.findings(path).filter((f) => f.code === 'acronym-redefined');
    assert.equal(hints.length, 1, path);
    assert.equal(hints[0].severity, 'hint');
  }
});

test('a BOM is no error; a deep or huge file is refused with one finding, never a stack overflow (issue 18)', () => {
  const bom = parseCorpusConfig('\ufeff{ "glossary": { "NATO": "North Atlantic Treaty Organization" } }');
  assert.deepEqual(bom.findings, []);
  assert.equal(bom.glossary.get('nato')?.offset, 17, 'offsets count the BOM');
  const cases: [string, string, string, number][] = [
    ['arrays 200,000 deep', '['.repeat(200_000) + ']'.repeat(200_000), 'config-too-deep', 64],
    ['objects 100,000 deep', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), 'config-too-deep', 320],
    ['over 1 MB', `{ "glossary": { "X": "${'x'.repeat(1_100_000)}" } }`, 'config-too-large', 0],
  ];
  for (const [label, text, code, at] of cases) {
    const c = parseCorpusConfig(text);
    assert.deepEqual(
      c.findings.map((f) => [f.code, f.start]),
      [[code, at]],
      label,
    );
    assert.equal(c.glossary.size, 0, label);
  }
  // brackets inside strings and comments are not nesting
  const quoted = parseCorpusConfig(
    `{ /* ${'['.repeat(100)} */ "glossary": { "US": "${'['.repeat(100)}" } // ${'{'.repeat(100)}\n}`,
  );
  assert.deepEqual(quoted.findings, []);
  assert.equal(quoted.glossary.size, 1);
});
