// How many of the date values in the conflict dev set's same-fact groups
// (`../shared/eval/conflicts/facts.json`: hand-checked values of real news mentions,
// weekdays, `last fall`, `11 days ago`, holidays...) the date recogniser reproduces.
//
//   npx tsc -p . && node out/test/bench/factValues.js [FACTS.json] [DATA.jsonl] [--misses]
//
// Each article is read with its `dct` as a header-certain document date (as the set's files
// are built). A gold mention counts as
//   found      a recognised mention overlaps it
//   exact      ... with the same value
//   contained  ... or with a value whose days lie inside the gold value's, or contain them
//              (`1998-W32` for `1998-08-07`: the conflict rule compares by containment)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { recogniseDates } from '../../server/src/analysis/dates';
import { fromDayNumber, periodStart, toDayNumber } from '../../server/src/analysis/dates/calendar';
import { splitSentences } from '../../server/src/analysis/sentences';
import { DEFAULT_DATA, REPO, documentDateOf, readArticles } from './tempeval';

interface FactMention {
  doc: string;
  start: number;
  end: number;
  text: string;
  value: string;
}
interface Fact {
  id: string;
  mentions: FactMention[];
}

export const DEFAULT_FACTS = resolve(REPO, '../shared/eval/conflicts/facts.json');

/** The first and last day (day numbers) of a value, or null when it is no interval of days. */
export function valueDays(value: string): [number, number] | null {
  const start = periodStart(value);
  if (!start) return null;
  const first = toDayNumber(start.year, start.month, start.day);
  let next: number;
  if (/^\d{4}$/.test(value)) next = toDayNumber(start.year + 1, 1, 1);
  else if (/^\d{3}$/.test(value)) next = toDayNumber(start.year + 10, 1, 1);
  else if (/^\d{4}-\d{2}$/.test(value))
    next = toDayNumber(start.month === 12 ? start.year + 1 : start.year, (start.month % 12) + 1, 1);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) next = first + 1;
  else if (/-W\d{2}$/.test(value)) next = first + 7;
  else if (/-Q\d$/.test(value) || /-(SP|SU|FA|WI)$/.test(value)) {
    const end = fromDayNumber(first + 92); // three months on, then back to the 1st
    next = toDayNumber(end.year, end.month, 1);
  } else return null;
  return [first, next - 1];
}

export interface FactScore {
  gold: number;
  found: number;
  exact: number;
  contained: number;
  misses: string[];
}

export function scoreFactValues(factsPath = DEFAULT_FACTS, dataPath = DEFAULT_DATA): FactScore {
  const facts = JSON.parse(readFileSync(factsPath, 'utf8')) as Fact[];
  const articles = new Map(readArticles(dataPath).map((a) => [a.id, a]));
  const byDoc = new Map<string, FactMention[]>();
  for (const f of facts) for (const m of f.mentions) byDoc.set(m.doc, [...(byDoc.get(m.doc) ?? []), m]);
  const score: FactScore = { gold: 0, found: 0, exact: 0, contained: 0, misses: [] };
  for (const [doc, gold] of byDoc) {
    const article = articles.get(doc);
    if (!article) continue;
    const { mentions } = recogniseDates(article.text, splitSentences(article.text), documentDateOf(article));
    for (const g of gold) {
      score.gold++;
      const ours = mentions.find((m) => m.start < g.end && m.end > g.start);
      if (!ours) {
        score.misses.push(`${doc}\tmissed\t${g.value}\t${JSON.stringify(g.text)}`);
        continue;
      }
      score.found++;
      if (ours.value === g.value) {
        score.exact++;
        score.contained++;
        continue;
      }
      const a = valueDays(ours.value);
      const b = valueDays(g.value);
      if (a && b && ((a[0] >= b[0] && a[1] <= b[1]) || (b[0] >= a[0] && b[1] <= a[1]))) score.contained++;
      else score.misses.push(`${doc}\t${ours.value} for ${g.value}\t${JSON.stringify(g.text)}`);
    }
  }
  return score;
}

function main(): void {
  const args = process.argv.slice(2);
  const positional = args.filter((a) => !a.startsWith('--'));
  const s = scoreFactValues(positional[0] ?? DEFAULT_FACTS, positional[1] ?? DEFAULT_DATA);
  const pct = (n: number) => ((100 * n) / s.gold).toFixed(1);
  console.log(`fact mentions ${s.gold}`);
  console.log(`found         ${s.found} (${pct(s.found)} %)`);
  console.log(`exact value   ${s.exact} (${pct(s.exact)} %)`);
  console.log(`by containment ${s.contained} (${pct(s.contained)} %)`);
  if (args.includes('--misses')) for (const line of s.misses) console.log(line);
}

if (require.main === module) main();
