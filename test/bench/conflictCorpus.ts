// N files of about 1 KB that date one event in different ways (issue 18, item 6): the corpus
// on which date conflicts grow with the number of pairs. Deterministic (a seeded PRNG), so
// two runs and two branches are measured on the same files.
//
//   node out/test/bench/conflictCorpus.js N [FOLDER]   writes FOLDER/corpus/NNNNN.txt, prints FOLDER
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const CITIES = ['BAKU', 'BRUSSELS', 'ANKARA', 'TBILISI', 'VIENNA', 'GENEVA'];
const SPEAKERS = [
  'Foreign Minister Elmar Mammadyarov',
  'Defence Minister Safar Abiyev',
  'spokesman Khazar Ibrahim',
  'ambassador Fuad Isgandarov',
];
const FILLER = [
  'The talks covered training, logistics and the interoperability of units deployed abroad.',
  'Officials described the meeting as constructive and said further rounds would follow.',
  'Several delegations asked for a clearer timetable for the reforms under discussion.',
  'The ministry published a summary of the commitments made by both sides.',
  'Analysts in the region said the programme had shaped the modernisation of the armed forces.',
  'Observers noted that parliamentary oversight of the process had grown over the years.',
  'A joint working group will report on the progress of the individual plan.',
];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The event, dated one of several ways: the year varies, and how precisely it is given. */
function dating(rand: () => number): string {
  const year = 1996 + Math.floor(rand() * 4);
  const month = MONTHS[Math.floor(rand() * 12)];
  const day = 1 + Math.floor(rand() * 28);
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `in ${year}`;
    case 1:
      return `in ${month} ${year}`;
    case 2:
      return `on ${month} ${day}, ${year}`;
    default:
      return `in the spring of ${year}`;
  }
}

/** One file of about 1 KB. */
export function conflictFile(i: number, rand: () => number): string {
  const docYear = 2005 + Math.floor(rand() * 15);
  const header = `${CITIES[i % CITIES.length]}, ${MONTHS[i % 12]} ${1 + (i % 28)}, ${docYear} -`;
  const lines = [
    `${header} Azerbaijan joined the Planning and Review Process (PARP) ${dating(rand)}, ${SPEAKERS[i % SPEAKERS.length]} said.`,
  ];
  let size = lines[0].length;
  for (let k = 0; size < 1000; k++) {
    const s = FILLER[(i + k * 3) % FILLER.length];
    lines.push(s);
    size += s.length + 1;
  }
  lines.splice(2, 0, `The country joined PARP ${dating(rand)}, according to the ministry.`);
  return lines.join(' ') + '\n';
}

/** Writes `n` files into `folder`/corpus (a fresh temp folder by default); returns the folder. */
export function writeConflictCorpus(
  n: number,
  folder = mkdtempSync(join(tmpdir(), `conflicts-${n}-`)),
): string {
  const rand = random(18);
  mkdirSync(join(folder, 'corpus'), { recursive: true });
  for (let i = 0; i < n; i++)
    writeFileSync(join(folder, 'corpus', `${String(i).padStart(5, '0')}.txt`), conflictFile(i, rand));
  return folder;
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  process.stdout.write(writeConflictCorpus(n, process.argv[3]) + '\n');
}
