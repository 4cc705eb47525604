// Quality floors for the date recogniser on real news: the TempEval-3 training articles
// (DATE timexes, scored by the shared scorer, our guidelines' mode) and the hand-checked
// values of the conflict dev set's same-fact mentions (`eval/conflicts/facts.json`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { scoreFactValues } from '../bench/factValues';
import { predict, readArticles } from '../bench/tempeval';
import { NO_SHARED, sharedDir, tempDir } from '../support/devsets';

const shared = sharedDir();

interface ViewScore {
  view: string;
  relaxed: { F1: number };
  value: { acc: number };
}

test('dates on 256 real TempEval articles stay above their floors', { skip: !shared && NO_SHARED }, () => {
  const data = path.join(shared!, 'data/tempeval3-train.jsonl');
  const predicted = path.join(tempDir('tempeval-'), 'pred.jsonl');
  writeFileSync(predicted, predict(readArticles(data)) + '\n');
  const out = execFileSync(
    process.execPath,
    [path.join(shared!, 'eval/score-tempeval.mjs'), data, predicted, '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const date = (JSON.parse(out) as { views: ViewScore[] }).views.find((v) => v.view === 'DATE')!;
  const relaxedF1 = 100 * date.relaxed.F1;
  const valueAccuracy = 100 * date.value.acc;
  // Floors are today's figures; issue 15's targets are relaxed F1 92 and value accuracy 91.
  // What stands between: 147 of the 190 missed gold dates are TimeML's PRESENT_REF/PAST_REF/
  // FUTURE_REF (`now`, `recently`), which our guidelines do not mark; about 40 of the value
  // differences are TimeML conventions (`1968-XX`, `1989-WXX`, `2000-01-05TEV`) or gold
  // anchored to another date than the article's (see eval/conflicts/README.md). A match the
  // guidelines value differently (`For the week` is the article’s ISO week, TimeML writes
  // `1989-WXX`; `the quarter ended Sept. 30` is 1989-Q3, TimeML writes a fiscal `1989-QX`)
  // raises relaxed F1 and lowers value accuracy: read them together.
  // Measured on this branch: relaxed F1 91.51, value accuracy 88.13 (value F1 80.65).
  assert.ok(relaxedF1 >= 91.5, `TempEval DATE relaxed F1 ${relaxedF1.toFixed(2)} fell below 91.5`); // [92]
  assert.ok(
    valueAccuracy >= 88.1,
    `TempEval DATE value accuracy ${valueAccuracy.toFixed(2)} fell below 88.1`,
  ); // [91]
});

test('the conflict set’s hand-checked date values are reproduced', { skip: !shared && NO_SHARED }, () => {
  const s = scoreFactValues(
    path.join(shared!, 'eval/conflicts/facts.json'),
    path.join(shared!, 'data/tempeval3-train.jsonl'),
  );
  // 195 mentions; the two not found are event-anchored (`ten days before the shooting`).
  assert.ok(s.gold >= 195, `only ${s.gold} fact mentions read`);
  assert.ok(s.exact >= 193, `${s.exact} of ${s.gold} exact values, below 193:\n${s.misses.join('\n')}`);
});
