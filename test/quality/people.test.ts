// Quality floors on the shared people-and-acronyms dev set (50 real TempEval articles,
// `shared/gold/tempeval-people.gold.json`): a regression on real text fails CI.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeJson, buildPeopleSet, NO_SHARED, score, sharedDir, tempDir } from '../support/devsets';

const shared = sharedDir();

test(
  'people and acronyms on 50 real articles stay above their floors',
  { skip: !shared && NO_SHARED },
  () => {
    const dir = tempDir('people-');
    buildPeopleSet(shared!, path.join(dir, 'txt'), path.join(dir, 'gold.json'));
    const predicted = analyzeJson([path.join(dir, 'txt')], path.join(dir, 'pred.json'));
    const { scores, text } = score(shared!, path.join(shared!, 'gold/tempeval-people.gold.json'), predicted);
    const floors: [string, string, number][] = [
      // today's figures, raised as the recognisers improve (issue 15 targets in brackets)
      // names: a little under what the recogniser reaches (99.0, 97.0, 100, 100), above the targets
      ['names (relaxed span)', 'F1', 98.5], // [95]
      ['names: official vs person', 'value', 96.5], // [95]
      ['officials: title recall', 'value', 99.0], // [90]
      ['names: entity linking (B3)', 'F1', 99.5], // [98]
      ['acronyms (relaxed span)', 'F1', 98], // [98], measured 100.0
      ['acronyms: expansion accuracy', 'value', 100], // [100]
    ];
    for (const [row, key, floor] of floors) {
      const got = scores[row]?.[key];
      assert.ok(got !== undefined, `no "${row}" in the scorer's output:\n${text.slice(0, 2000)}`);
      assert.ok(got >= floor, `${row} ${key} ${got} fell below ${floor}`);
    }
  },
);
