// Builds a large benchmark corpus from real text: the TempEval-3 articles (1990s news) and
// the sample files, cut into paragraphs and recombined deterministically (a seeded PRNG),
// so the server is measured on the shapes it meets in the wild (names, dates, acronyms as
// written) at a size no sample reaches. Layout, under a fresh temp folder ROOT:
//
//   ROOT/corpus/corpus-annotator.json   {"glossary":{}}: makes every .txt below a corpus file
//   ROOT/corpus/NNNN.txt                 the documents (about 3.5 KB each)
//   ROOT/corpus/large-1mb.txt            ONE file of about 1 MB, built the same way
//   ROOT/corpus/probe/NAME-{source,target}.txt  pairs of small files that date one event
//                                        the same way: changing the year in `source` makes a
//                                        conflict appear in `target` (issue 7), and back.
//                                        `plain`: no acronym definition in either file;
//                                        `defining`: the source defines an acronym, as many
//                                        real files do (an edit there touches the long forms)
//
// The TempEval file is `../shared/data/tempeval3-train.jsonl` from the repository root, or
// the path in CORPUS_ANNOTATOR_TEMPEVAL.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, from `out/test/bench/` (compiled) or `test/bench/` (source). */
export const REPO_ROOT = resolve(__dirname, __dirname.includes(join('out', 'test')) ? '../../..' : '../..');
export const TEMPEVAL_ENV = 'CORPUS_ANNOTATOR_TEMPEVAL';

export function tempevalPath(): string {
  return resolve(process.env[TEMPEVAL_ENV] ?? join(REPO_ROOT, '../shared/data/tempeval3-train.jsonl'));
}

export interface CorpusOptions {
  /** Number of ordinary documents (default 10,000). */
  docs?: number;
  seed?: number;
  /** Size of the one large file, in UTF-16 code units (default 1 MiB). */
  largeSize?: number;
  /** Where to create the corpus (default: a new folder under the OS temp dir). */
  root?: string;
}

export interface BuiltCorpus {
  /** The workspace folder to give the server (holds `corpus/`). */
  root: string;
  corpusDir: string;
  /** Every corpus text file written, the large file and the probes included. */
  files: string[];
  largeFile: string;
  /** Probe pairs: a year edit in `source` toggles a date-conflict in `target`. */
  probes: Probe[];
  totalBytes: number;
  sources: { tempevalArticles: number; sampleFiles: number; paragraphs: number };
}

export interface Probe {
  name: string;
  source: string;
  target: string;
  year: string;
  otherYear: string;
}

/** A source article: its date (if known) and its paragraphs as written. */
interface Source {
  date: string | null;
  paragraphs: string[];
}

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = /^ date (\d{4}-\d{2}-\d{2})\b[^\n]*\n?/;

/**
 * Cuts an article into paragraphs: blank-line separated blocks; a block longer than 1,500
 * characters (some TempEval articles are one block) is cut again at line breaks, then into
 * runs of about three sentences, so that recombination really mixes sources.
 */
export function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    if (trimmed.length <= 1500) {
      out.push(trimmed);
      continue;
    }
    for (const line of trimmed.split('\n')) {
      const l = line.trim();
      if (!l) continue;
      if (l.length <= 1500) {
        out.push(l);
        continue;
      }
      // sentence runs: cut after `. ` followed by a capital, about every 3 sentences
      const sentences = l.split(/(?<=[.!?]['"’”]?)\s+(?=[A-Z"“])/);
      for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
    }
  }
  return out;
}

function readSources(): { sources: Source[]; tempevalArticles: number; sampleFiles: number } {
  const sources: Source[] = [];
  const path = tempevalPath();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `corpusBuilder: cannot read the TempEval articles at ${path} (set ${TEMPEVAL_ENV}): ${String(error)}`,
    );
  }
  let tempevalArticles = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { dct: string | null; text: string };
    const paragraphs = paragraphsOf(a.text);
    if (paragraphs.length) sources.push({ date: a.dct, paragraphs });
    tempevalArticles++;
  }
  let sampleFiles = 0;
  for (const dir of ['samples/corpus', 'samples/variants']) {
    const full = join(REPO_ROOT, dir);
    let names: string[] = [];
    try {
      names = readdirSync(full).filter((n) => n.endsWith('.txt'));
    } catch {
      continue; // the samples are a bonus; TempEval alone is enough text
    }
    for (const name of names.sort()) {
      const raw = readFileSync(join(full, name), 'utf8');
      const header = HEADER.exec(raw);
      const paragraphs = paragraphsOf(header ? raw.slice(header[0].length) : raw);
      if (paragraphs.length) sources.push({ date: header ? header[1] : null, paragraphs });
      sampleFiles++;
    }
  }
  return { sources, tempevalArticles, sampleFiles };
}

/**
 * One document: a base source's paragraphs in a shuffled order, about a third of them
 * swapped for paragraphs of other sources, until `target` characters; most documents
 * get the base source's date as a ` date YYYY-MM-DD` header.
 */
function composeDocument(sources: Source[], random: () => number, target: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const base = pick(sources);
  const parts: string[] = [];
  if (base.date && random() < 0.85) parts.push(` date ${base.date}`);
  let size = 0;
  let order = shuffled(base.paragraphs, random);
  let next = 0;
  while (size < target) {
    if (next >= order.length) {
      order = shuffled(pick(sources).paragraphs, random); // base exhausted: continue with another source
      next = 0;
    }
    const paragraph = random() < 0.33 ? pick(pick(sources).paragraphs) : order[next++];
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// The probe pairs are the one invented text in the corpus: events nobody else dates (made-up
// countries and organisations; no reporting date such as `said on Tuesday`, which the engine
// ties to the event too), so that the conflict each shows is caused by the edit alone, while
// their claims still land in the corpus's real `join` bucket (the cost measured).
const PROBES: { name: string; source: string; target: string }[] = [
  {
    name: 'plain',
    source:
      ' date 2021-05-04\n\nThe Republic of Ostravia joined the Baltic Salt Union in 1994, the foreign ministry said.' +
      '\n\nOstravian officials described the membership as a turning point.\n',
    target:
      ' date 2022-03-01\n\nOstravia joined the Baltic Salt Union in 1994, according to a statement by the ministry.' +
      '\n\nThe statement did not mention the other members of the union.\n',
  },
  {
    name: 'defining',
    source:
      ' date 2021-05-04\n\nThe Republic of Valdoria joined the Nordic Grain Compact (NGC) in 1994, the foreign ministry said.' +
      '\n\nValdorian officials described the membership as a turning point.\n',
    target:
      ' date 2022-03-01\n\nValdoria joined the NGC in 1994, according to a statement by the ministry.' +
      '\n\nThe statement did not mention the other members of the compact.\n',
  },
];

export function buildCorpus(options: CorpusOptions = {}): BuiltCorpus {
  const docs = options.docs ?? 10_000;
  const random = seededRandom(options.seed ?? 20240429);
  const { sources, tempevalArticles, sampleFiles } = readSources();
  if (sources.length === 0) throw new Error('corpusBuilder: no source text found');
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'corpus-annotator-bench-'));
  const corpusDir = join(root, 'corpus');
  mkdirSync(join(corpusDir, 'probe'), { recursive: true });
  writeFileSync(join(corpusDir, 'corpus-annotator.json'), '{"glossary":{}}\n');
  const files: string[] = [];
  let totalBytes = 0;
  const write = (file: string, text: string) => {
    writeFileSync(file, text);
    files.push(file);
    totalBytes += Buffer.byteLength(text);
  };
  const width = Math.max(4, String(docs - 1).length);
  for (let i = 0; i < docs; i++) {
    const target = 1300 + Math.floor(random() * 3800); // 1.3 to 5.1 KB: about 3.5 KB written
    write(join(corpusDir, `${String(i).padStart(width, '0')}.txt`), composeDocument(sources, random, target));
  }
  const largeFile = join(corpusDir, 'large-1mb.txt');
  write(largeFile, composeDocument(sources, random, options.largeSize ?? 1024 * 1024));
  const probes = PROBES.map(({ name, source, target }) => {
    const probe = {
      name,
      source: join(corpusDir, 'probe', `${name}-source.txt`),
      target: join(corpusDir, 'probe', `${name}-target.txt`),
      year: '1994',
      otherYear: '1996',
    };
    write(probe.source, source);
    write(probe.target, target);
    return probe;
  });
  return {
    root,
    corpusDir,
    files,
    largeFile,
    probes,
    totalBytes,
    sources: {
      tempevalArticles,
      sampleFiles,
      paragraphs: sources.reduce((n, s) => n + s.paragraphs.length, 0),
    },
  };
}

if (require.main === module) {
  // `node out/test/bench/corpusBuilder.js [DOCS] [ROOT]`: build one and say where it is
  const docs = process.argv[2] ? Number(process.argv[2]) : undefined;
  const built = buildCorpus({ docs, root: process.argv[3] });
  console.log(
    `${built.files.length} files, ${(built.totalBytes / 1e6).toFixed(1)} MB in ${built.corpusDir} ` +
      `(${built.sources.tempevalArticles} TempEval articles, ${built.sources.sampleFiles} sample files, ${built.sources.paragraphs} paragraphs)`,
  );
}
