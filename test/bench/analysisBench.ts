// Throughput of the whole analysis of one document (`analyseDocument`: sentences, dates,
// people, acronyms, claims, findings), the figure an edit and the first scan pay per file, on
// the TempEval-3 articles (≈0.5 MB) repeated to at least 10 MB, one call per article. Also the
// claims alone, on the same analyses, since they are the part the conflicts add.
// Run alone: `npx tsc -p . && node out/test/bench/analysisBench.js [path/to/tempeval.jsonl]`.
import { readFileSync } from 'node:fs';
import { extractClaims } from '../../server/src/analysis/claims';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';

const DEFAULT_DATA = '/work/shared/data/tempeval3-train.jsonl';
const TARGET_BYTES = 10 * 1024 * 1024;

export interface BenchRow {
  name: string;
  mbPerSec: number;
}

export function analysisBench(dataPath = DEFAULT_DATA): BenchRow[] {
  const articles = readFileSync(dataPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { dct: string | null; text: string })
    .map((a) => (a.dct ? ` date ${a.dct} ` : '') + a.text);
  const texts: string[] = [];
  let chars = 0;
  while (chars < TARGET_BYTES) {
    for (const t of articles) {
      texts.push(t);
      chars += t.length;
    }
  }
  const mb = Buffer.byteLength(texts.join(''), 'utf8') / (1024 * 1024);
  // one pass to warm up, then the best of three by CPU time (the machine may be shared)
  const cpu = (f: () => void) => {
    const t0 = process.cpuUsage();
    f();
    const u = process.cpuUsage(t0);
    return (u.user + u.system) / 1e6;
  };
  for (const t of articles) analyseDocument(t);
  let whole = Infinity;
  for (let k = 0; k < 3; k++)
    whole = Math.min(
      whole,
      cpu(() => texts.forEach((t) => analyseDocument(t))),
    );
  const analyses = articles.map((t) => analyseDocument(t));
  const repeats = texts.length / articles.length;
  let claims = Infinity;
  for (let k = 0; k < 3; k++)
    claims = Math.min(
      claims,
      cpu(() => {
        for (let r = 0; r < repeats; r++) for (const a of analyses) extractClaims(a);
      }),
    );
  return [
    { name: 'analyseDocument per article (CPU time)', mbPerSec: mb / whole },
    { name: 'of which claims alone (CPU time)', mbPerSec: mb / claims },
  ];
}

if (require.main === module) {
  for (const row of analysisBench(process.argv[2]))
    console.log(`${row.name}: ${row.mbPerSec.toFixed(2)} MB/s`);
}
