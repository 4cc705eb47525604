// Conflicts on subjects beyond the samples (climate and EU/AU summits, central banks, company
// officers, public health): small invented corpora in test/fixtures/other-subjects.txt, each a
// fact told by two sources with dates that cannot both be right, or two facts that look alike.
// They were written to find classes of error, so the floor below is where the engine stands,
// not a measure of how it generalises; it keeps those classes from coming back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CorpusIndex } from '../../server/src/analysis/corpusIndex';

interface Case {
  id: string;
  lookAlike: boolean;
  files: { name: string; text: string }[];
}

function readCases(): Case[] {
  const source = readFileSync(path.join(__dirname, '../../../test/fixtures/other-subjects.txt'), 'utf8');
  const cases: Case[] = [];
  let file: { name: string; lines: string[] } | undefined;
  const close = () => {
    if (file) cases.at(-1)!.files.push({ name: file.name, text: file.lines.join('\n').trimEnd() + '\n' });
    file = undefined;
  };
  for (const line of source.split('\n')) {
    const head = /^== (\S+) (genuine|look-alike)$/.exec(line);
    if (head) {
      close();
      cases.push({ id: head[1], lookAlike: head[2] === 'look-alike', files: [] });
    } else if (line.startsWith('--- ')) {
      close();
      file = { name: line.slice(4), lines: [] };
    } else if (file) file.lines.push(line);
    else if (line.trim() !== '' && !line.startsWith('#')) throw new Error(`stray line: ${line}`);
  }
  close();
  return cases;
}

/** The pairs of files the engine reports in conflict, `a~b`. */
function conflictingPairs(c: Case): string[] {
  const index = new CorpusIndex();
  for (const f of c.files) index.update('/' + f.name, f.text);
  const pairs = new Set<string>();
  for (const conflict of index.allConflicts())
    for (const other of conflict.others) {
      const [a, b] = [conflict.at.doc.slice(1), other.doc.slice(1)].sort();
      if (a !== b) pairs.add(`${a}~${b}`);
    }
  return [...pairs].sort();
}

/** Look-alikes still reported, each a known wrong behaviour. */
const KNOWN_LOOK_ALIKES: Record<string, string> = {
  // FIXME: two things founded in one city, named only by common nouns (`the bank`, `the
  // museum`); an unknown city is a name, and one shared name is enough for a founding
  '37': 'e1.txt~e2.txt',
};

test('conflicts on other subjects: the genuine ones found stay found, and look-alikes stay apart', () => {
  const cases = readCases();
  assert.equal(cases.length, 57);
  const found: string[] = [];
  const missed: string[] = [];
  for (const c of cases) {
    const pairs = conflictingPairs(c);
    if (c.lookAlike) {
      assert.deepEqual(pairs, KNOWN_LOOK_ALIKES[c.id] ? [KNOWN_LOOK_ALIKES[c.id]] : [], `look-alike ${c.id}`);
    } else (pairs.length > 0 ? found : missed).push(c.id);
  }
  // floor at what the engine finds today, of 46 genuine cases (18 before this set was written)
  assert.ok(found.length >= 31, `${found.length} of ${found.length + missed.length} found; missed ${missed}`);
});
