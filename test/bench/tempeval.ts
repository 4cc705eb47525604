// Runs the date recogniser over the TempEval-3 training articles (real 1990s news with gold
// TIMEX3 annotations), writes the predictions as JSONL and scores them with the shared
// scorer. Each article is read with its `dct` as a header-certain document date.
//
//   npm run eval:tempeval                       (= npx tsc -p . && node out/test/bench/tempeval.js)
//   node out/test/bench/tempeval.js [DATA.jsonl] [--timeml] [--errors N] [--out PRED.jsonl]
//
// `--timeml` turns on DateOptions.timeml (TimeML-only references such as `now`); the
// default run follows our guidelines. Both figures are reported, labelled.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { recogniseDates, type DateOptions } from '../../server/src/analysis/dates';
import { splitSentences } from '../../server/src/analysis/sentences';
import type { DocumentDate } from '../../server/src/analysis/types';

export interface TempEvalArticle {
  id: string;
  dct: string | null;
  text: string;
}

/** The repository root, from `out/test/bench/` (compiled) or `test/bench/` (source). */
export const REPO = resolve(__dirname, __dirname.includes(`${join('out', 'test')}`) ? '../../..' : '../..');
export const DEFAULT_DATA = resolve(REPO, '../shared/data/tempeval3-train.jsonl');

export function readArticles(path: string): TempEvalArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as TempEvalArticle);
}

export function documentDateOf(article: TempEvalArticle): DocumentDate {
  return article.dct
    ? { value: article.dct, source: 'header', confidence: 'certain' }
    : { value: null, source: 'none', confidence: 'low' };
}

export function predict(articles: TempEvalArticle[], options: DateOptions = {}): string {
  return articles
    .map((a) => {
      const { mentions } = recogniseDates(a.text, splitSentences(a.text), documentDateOf(a), options);
      return JSON.stringify({
        id: a.id,
        dates: mentions.map((m) => ({ start: m.start, end: m.end, value: m.value })),
      });
    })
    .join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const valueOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const positional = args.filter(
    (a, i) => !a.startsWith('--') && !['--errors', '--out'].includes(args[i - 1]),
  );
  const data = resolve(positional[0] ?? DEFAULT_DATA);
  const scorer = resolve(dirname(data), '../eval/score-tempeval.mjs');
  const articles = readArticles(data);
  const runs: [string, DateOptions][] = flag('--timeml')
    ? [['timeml', { timeml: true }]]
    : [
        ['guidelines (default)', {}],
        ['timeml option', { timeml: true }],
      ];
  for (const [label, options] of runs) {
    const out =
      valueOf('--out') ?? join(tmpdir(), `tempeval-pred-${options.timeml ? 'timeml' : 'default'}.jsonl`);
    writeFileSync(out, predict(articles, options) + '\n');
    console.log(`== ${label}: ${out}`);
    const scoreArgs = [scorer, data, out];
    const errors = valueOf('--errors');
    if (errors) scoreArgs.push('--errors', errors);
    console.log(execFileSync(process.execPath, scoreArgs, { encoding: 'utf8' }));
  }
}

if (require.main === module) main();
