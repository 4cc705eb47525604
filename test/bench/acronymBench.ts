// Throughput of the acronym recogniser and the long-form finder on real news: the TempEval-3
// articles (≈0.5 MB) repeated to at least 10 MB, one call per article, as the corpus index calls
// them. Run alone: `npx tsc -p . && node out/test/bench/acronymBench.js [path/to/tempeval.jsonl]`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { recogniseAcronyms } from '../../server/src/analysis/acronyms';
import { buildLongFormTable, findLongForms } from '../../server/src/analysis/longForms';
import { splitSentences } from '../../server/src/analysis/sentences';
import type { AcronymMention, Span } from '../../server/src/analysis/types';

const DEFAULT_DATA = '/work/shared/data/tempeval3-train.jsonl';
const TARGET_BYTES = 10 * 1024 * 1024;

export interface BenchRow {
  name: string;
  mbPerSec: number;
}

export function runAcronymBench(
  dataPath = DEFAULT_DATA,
  samplesDir = join(__dirname, '../../../samples'),
): BenchRow[] {
  const articles = readFileSync(dataPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const texts: string[] = [];
  let chars = 0;
  while (chars < TARGET_BYTES) {
    for (const t of articles) {
      texts.push(t);
      chars += t.length;
    }
  }
  const sentences = texts.map((t) => splitSentences(t));
  const mb = Buffer.byteLength(texts.join(''), 'utf8') / (1024 * 1024);

  // the table: every definition in the articles and in the sample corpus, as the index builds it
  const entries: { key: string; long: string }[] = [];
  for (const t of [...articles, ...sampleTexts(samplesDir)]) {
    for (const d of recogniseAcronyms(t, splitSentences(t)).definitions)
      entries.push({ key: d.key, long: d.long });
  }
  const table = buildLongFormTable(entries);

  const rows: BenchRow[] = [];
  // best of three timed runs after a warm-up: the machine is shared, the best run is the code's speed
  const time = (name: string, run: () => void) => {
    run();
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      run();
      best = Math.min(best, performance.now() - t0);
    }
    rows.push({ name, mbPerSec: mb / (best / 1000) });
  };
  const own: AcronymMention[][] = [];
  time('recogniseAcronyms', () => {
    own.length = 0;
    for (let i = 0; i < texts.length; i++) own.push(recogniseAcronyms(texts[i], sentences[i]).mentions);
  });
  time(`findLongForms (${entries.length} long forms)`, () => {
    for (let i = 0; i < texts.length; i++) findLongForms(texts[i], table, own[i] as Span[]);
  });
  time('recogniseAcronyms + findLongForms', () => {
    for (let i = 0; i < texts.length; i++) {
      const { mentions } = recogniseAcronyms(texts[i], sentences[i]);
      findLongForms(texts[i], table, mentions);
    }
  });
  return rows;
}

function sampleTexts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      if (name.endsWith('.txt')) out.push(readFileSync(p, 'utf8'));
      else if (!name.includes('.')) walk(p);
    }
  };
  walk(dir);
  return out;
}

if (require.main === module) {
  const rows = runAcronymBench(process.argv[2] ?? DEFAULT_DATA);
  for (const r of rows) console.log(`${r.name.padEnd(44)} ${r.mbPerSec.toFixed(1).padStart(7)} MB/s`);
}
