// Recall of date-conflict detection on real text with planted errors: every TempEval
// article that dates an event with an explicit year gets a copy with that year moved by
// one; we count the copies whose changed year is reported as a conflict, and every
// conflict reported anywhere else (a false alarm), but those the articles already hold
// among themselves (genuine ones: the TempEval stories do disagree, see
// shared/eval/conflicts), which are counted apart.
//   npm run eval:conflicts [-- --any] [-- tempeval.jsonl]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';

const ROOT = path.resolve(__dirname, '../../..');

const data =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
  path.join(ROOT, '../shared/data/tempeval3-train.jsonl');
const articles = fs
  .readFileSync(data, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; dct: string | null; text: string });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planted-'));
const planted = new Map<string, number>();
for (const a of articles) {
  const text = (a.dct ? ` date ${a.dct} ` : '') + a.text;
  const name = a.id.replace(/[^\w.-]/g, '_');
  fs.writeFileSync(path.join(dir, name + '.txt'), text);
  const analysis = analyseDocument(text);
  // --any: plant on the first explicit year of the article, event or not (an upper bound
  // of what a reader could call a conflict); default: on a year that dates an event
  const claim = process.argv.includes('--any')
    ? analysis.dates
        .map((d) => ({ span: d }))
        .find((c) => !c.span.header && /^\d{4}$/.test(text.slice(c.span.start, c.span.end)))
    : analysis.claims.find((c) => /^\d{4}$/.test(text.slice(c.span.start, c.span.end)));
  if (!claim) continue;
  const year = Number(text.slice(claim.span.start, claim.span.end));
  const variant = text.slice(0, claim.span.start) + String(year + 1) + text.slice(claim.span.end);
  fs.writeFileSync(path.join(dir, name + '.planted.txt'), variant);
  planted.set(name + '.planted.txt', claim.span.start);
}
interface Analysis {
  diagnostics: {
    code: string;
    path: string;
    start: number;
    message: string;
    related?: { path: string; start: number }[];
  }[];
}
const analyse = (files: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'analyze', '--json', ...files], {
      maxBuffer: 1 << 28,
    }).toString(),
  ) as Analysis;
// the conflicts the articles hold among themselves, at the place of the original and of its copy
const originals = fs.readdirSync(dir).filter((f) => !f.endsWith('.planted.txt'));
const genuine = new Set<string>();
for (const d of analyse(originals.map((f) => path.join(dir, f))).diagnostics) {
  if (d.code !== 'date-conflict') continue;
  const file = path.basename(d.path);
  genuine.add(`${file}@${d.start}`);
  genuine.add(`${file.replace(/\.txt$/, '.planted.txt')}@${d.start}`);
}
let found = 0;
let falseAlarms = 0;
let inTheCorpus = 0;
for (const d of analyse([dir]).diagnostics.filter((x) => x.code === 'date-conflict')) {
  const file = path.basename(d.path);
  const at = planted.get(file);
  if (at !== undefined && d.start === at) found++;
  else {
    // a conflict not at a planted year, and not an original pointing at its planted copy
    const pointsAtPlant = (d.related ?? []).some((r) => planted.get(path.basename(r.path)) === r.start);
    if (pointsAtPlant) continue;
    if (genuine.has(`${file}@${d.start}`)) inTheCorpus++;
    else {
      falseAlarms++;
      if (process.env.VERBOSE) console.error(`other: ${file}@${d.start}: ${d.message}`);
    }
  }
}
console.log(
  `${articles.length} articles, ${planted.size} with an event dated by an explicit year; planted conflicts found: ${found} of ${planted.size} (${((100 * found) / Math.max(1, planted.size)).toFixed(1)} %); other conflict mentions (false alarms): ${falseAlarms}; mentions of conflicts the articles already hold: ${inTheCorpus}`,
);
fs.rmSync(dir, { recursive: true, force: true });
