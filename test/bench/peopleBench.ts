// Throughput of recognisePeople on real news: the TempEval-3 articles (≈0.5 MB), repeated
// until the input is at least 10 MB, one call per article as the corpus index makes them;
// then the same corpus as one text, to show the time stays linear in the length.
// Run alone: `npx tsc -p . && node out/test/bench/peopleBench.js [DATA.jsonl] [MB]`.
//
// Each row gives wall-clock MB/s and, in its name, the MB/s over the process's CPU time,
// which other jobs on a shared machine disturb far less.
import { recognisePeople } from '../../server/src/analysis/people';
import { splitSentences } from '../../server/src/analysis/sentences';
import type { Span } from '../../server/src/analysis/types';
import { DEFAULT_DATA, readArticles } from './tempeval';

export interface BenchRow {
  name: string;
  mbPerSec: number;
}

interface Input {
  text: string;
  sentences: Span[];
}

function measure(name: string, inputs: readonly Input[]): BenchRow {
  const chars = inputs.reduce((n, i) => n + i.text.length, 0);
  let found = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const { text, sentences } of inputs) found += recognisePeople(text, sentences).length;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (found === 0) throw new Error('peopleBench: no names found; is the data right?');
  const mb = chars / 1e6;
  return {
    name: `${name}: ${mb.toFixed(1)} MB, ${found} names, CPU-time ${(mb / cpuSeconds).toFixed(1)} MB/s`,
    mbPerSec: mb / wall,
  };
}

export function peopleBench(data = DEFAULT_DATA, mb = 10): BenchRow[] {
  const articles = readArticles(data).map((a) => a.text);
  const corpus: string[] = [];
  let chars = 0;
  while (chars < mb * 1e6)
    for (const text of articles) {
      corpus.push(text);
      chars += text.length;
    }
  // Sentences are split beforehand: the rows time the people recogniser alone.
  const perArticle = corpus.map((text) => ({ text, sentences: splitSentences(text) }));
  for (const { text, sentences } of perArticle.slice(0, articles.length)) recognisePeople(text, sentences); // warm-up
  const big = corpus.join('\n\n');
  return [
    measure('recognisePeople per article', perArticle),
    measure('recognisePeople one text', [{ text: big, sentences: splitSentences(big) }]),
  ];
}

if (require.main === module) {
  const rows = peopleBench(process.argv[2] || undefined, Number(process.argv[3]) || 10);
  for (const row of rows) console.log(`${row.name}; wall-clock ${row.mbPerSec.toFixed(1)} MB/s`);
}
