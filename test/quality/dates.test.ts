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
  // Floors are today's figures less 0.3; issue 15's targets are relaxed F1 92 and value
  // accuracy 91. What stands between: 147 of the 173 missed gold dates are TimeML's
  // PRESENT_REF/PAST_REF/FUTURE_REF (`now`, `recently`, `the future`), which our guidelines do
  // not mark (the timeml option marks them: recall 97%); most of the other misses are ordinals of an
  // event (`the eighth day of`) or dates counted from an event (`10 days before the murder`).
  // Of the 24 predictions that match no gold (39 more overlap TimeML durations, times and
  // sets), most are dates the gold left out (datelines, `last year`, `this year's campaign`,
  // `International Women's Day`). Of the 156 value
  // differences, 53 are TimeML's underspecified values where the guidelines resolve
  // (`last week` 1989-WXX, not 1989-W43; `1968` written 1968-XX), 12 times of day
  // (`Wednesday night` 2000-01-05TEV), 5 unpadded weeks (2000-W7), and about 40 gold
  // anchored elsewhere than the article's date (a whole article's weekdays a week off). A
  // match the guidelines value differently (`For the week` is the article's ISO week, TimeML
  // writes `1989-WXX`) raises relaxed F1 and lowers value accuracy: read them together.
  // Measured on this branch: relaxed F1 91.86, value accuracy 88.29 (value F1 81.10).
  assert.ok(relaxedF1 >= 91.56, `TempEval DATE relaxed F1 ${relaxedF1.toFixed(2)} fell below 91.56`); // [92]
  assert.ok(
    valueAccuracy >= 87.99,
    `TempEval DATE value accuracy ${valueAccuracy.toFixed(2)} fell below 87.99`,
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
