// `node out/test/bench/annotationBench.js`: what the readers' annotations cost the server, on
// the bench corpus (corpusBuilder.ts) over the protocol. Repeatable: the corpus and the
// annotations come from seeded generators, and each figure is the best of --runs runs, the
// corpus with and without its stores alternating.
//
//   node out/test/bench/annotationBench.js [--docs N] [--annotations N] [--per-file K]
//                                          [--runs N] [--hovers N]
//
//   --docs N         documents in the corpus (default 10,000)
//   --annotations N  notes and tags written into the stores (default 10,000)
//   --per-file K     annotations per annotated file (default 1: spread over the corpus)
//   --runs N         index runs per configuration, alternating (default 3)
//   --hovers N       hovers on annotated passages (default 300)
//
// Figures: initialized -> the scan's progress end (every file's first diagnostics out, the
// stores read and placed) with and without the stores; the hover on a passage with notes.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { quoteAt, type Annotation } from '../../server/src/analysis/annotations/model';
import { serialiseStore } from '../../server/src/analysis/annotations/w3c';
import { LineIndex } from '../../server/src/node/lineIndex';
import { buildCorpus, REPO_ROOT, seededRandom } from './corpusBuilder';
import { LspClient, now } from './lspClient';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const DOCS = arg('--docs', 10_000);
const ANNOTATIONS = arg('--annotations', 10_000);
const PER_FILE = arg('--per-file', 1);
const RUNS = arg('--runs', 3);
const HOVERS = arg('--hovers', 300);
const SERVER = join(REPO_ROOT, 'dist', 'server.js');
const TIMEOUT = 600_000;
/** Files whose notes are hovered (on a year), and as many without notes hovered the same way. */
const HOVER_FILES = 50;
const YEAR = /\b(19[5-9]\d|20[0-2]\d)\b/;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Writes the stores: PER_FILE notes or tags per file on whole words, files in a seeded order. */
function writeStores(
  corpusDir: string,
  files: string[],
): { annotated: Map<string, Annotation[]>; count: number } {
  const random = seededRandom(16);
  const order = files.filter((f) => !f.includes('large-1mb')).sort(() => random() - 0.5);
  const annotated = new Map<string, Annotation[]>();
  let count = 0;
  for (const file of order) {
    if (count >= ANNOTATIONS) break;
    const text = readFileSync(file, 'utf8');
    const list: Annotation[] = [];
    for (let k = 0; k < PER_FILE && count < ANNOTATIONS; k++) {
      // the first files' notes are on a year (a mention the engine hovers too), the others on a phrase
      const onYear = annotated.size < HOVER_FILES && k === 0 ? YEAR.exec(text) : null;
      const from = onYear ? 0 : Math.floor(random() * Math.max(1, text.length - 40));
      const m = onYear ?? /\b\w[\w ]{4,30}\w\b/.exec(text.slice(from));
      if (!m) continue;
      const start = from + m.index;
      const end = start + m[0].length;
      const id = `urn:uuid:00000000-0000-4000-8000-${String(count).padStart(12, '0')}`;
      list.push({
        id,
        source: relative(corpusDir, file).split('\\').join('/'),
        ...quoteAt(text, start, end),
        start,
        end,
        body:
          count % 3 === 0
            ? { kind: 'tag', tag: 'claim' }
            : { kind: 'note', text: `Note ${count}: check this against the minutes.` },
        creator: count % 2 ? 'ana' : 'bo',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      });
      count++;
    }
    if (!list.length) continue;
    const store = join(corpusDir, '.annotations', relative(corpusDir, file) + '.jsonl');
    mkdirSync(dirname(store), { recursive: true });
    writeFileSync(store, serialiseStore(list));
    annotated.set(file, list);
  }
  return { annotated, count };
}

async function start(root: string): Promise<{ client: LspClient; t0: number }> {
  const client = new LspClient({ serverPath: SERVER });
  await client.request(
    'initialize',
    {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
      capabilities: {
        window: { workDoneProgress: true },
        textDocument: { hover: { contentFormat: ['markdown'] } },
      },
    },
    30_000,
  );
  const t0 = now();
  await client.sendNotification('initialized', {});
  return { client, t0 };
}

async function indexRun(
  root: string,
): Promise<{ indexed: number; progressEnd: number; stores: number | null; readMs: number }> {
  const { client, t0 } = await start(root);
  try {
    const indexed = () => client.logs.find((l) => /indexed \d+ files/.test(l.message));
    await client.waitFor(() => client.progressEnds.some((t) => t >= t0), TIMEOUT, 'the end of the scan');
    const read = client.logs.find((l) => /read \d+ annotations/.test(l.message));
    return {
      indexed: indexed()!.at - t0,
      progressEnd: client.progressEnds.find((t) => t >= t0)! - t0,
      stores: read ? read.at - t0 : null,
      readMs: read ? Number(/in (\d+) ms/.exec(read.message)?.[1]) : 0,
    };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  console.log(`[annotation bench] building a corpus of ${DOCS} documents…`);
  const corpus = buildCorpus({ docs: DOCS });
  const { annotated, count } = writeStores(corpus.corpusDir, corpus.files);
  console.log(
    `[annotation bench] ${count} annotations in ${annotated.size} stores under ${corpus.corpusDir}/.annotations`,
  );
  const stores = join(corpus.corpusDir, '.annotations');
  const off = join(corpus.corpusDir, '.annotations-off');
  const plain: number[] = [];
  const withStores: number[] = [];
  const storesRead: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    renameSync(stores, off);
    const a = await indexRun(corpus.root);
    plain.push(a.progressEnd);
    renameSync(off, stores);
    const b = await indexRun(corpus.root);
    withStores.push(b.progressEnd);
    storesRead.push(b.readMs);
    console.log(
      `[annotation bench] run ${r + 1}: without ${a.progressEnd.toFixed(0)} ms (files indexed at ${a.indexed.toFixed(0)}), with ${b.progressEnd.toFixed(0)} ms (files indexed at ${b.indexed.toFixed(0)}, stores read and placed in ${b.readMs} ms)`,
    );
  }
  // hovers on years with a note, interleaved with hovers on years without one (files with no
  // store), all in open files: what a note adds to a hover under the same conditions
  const { client, t0 } = await start(corpus.root);
  const hovers: number[] = [];
  const plainHovers: number[] = [];
  let withNotes = 0;
  try {
    await client.waitFor(() => client.progressEnds.some((t) => t >= t0), TIMEOUT, 'the end of the scan');
    const noted = [...annotated]
      .slice(0, HOVER_FILES)
      .map(([file, list]) => ({ file, start: list[0].start }));
    const plainFiles: { file: string; start: number }[] = [];
    for (const file of corpus.files) {
      if (plainFiles.length >= HOVER_FILES) break;
      if (annotated.has(file) || file.includes('large-1mb')) continue;
      const m = YEAR.exec(readFileSync(file, 'utf8'));
      if (m) plainFiles.push({ file, start: m.index });
    }
    for (const { file } of [...noted, ...plainFiles]) {
      await client.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri: pathToFileURL(file).href,
          languageId: 'corpus',
          version: 1,
          text: readFileSync(file, 'utf8'),
        },
      });
    }
    // what the editor does before the reader hovers: the files are open and analysed, the
    // server has warmed up; the first hover in each file resolves what later ones reuse
    await client.quiet(1000, TIMEOUT);
    const hover = async (target: { file: string; start: number }) => {
      const lines = new LineIndex(readFileSync(target.file, 'utf8'));
      const t = now();
      const h = await client.request<{ contents: { value: string } } | null>(
        'textDocument/hover',
        {
          textDocument: { uri: pathToFileURL(target.file).href },
          position: lines.positionAt(target.start + 1),
        },
        30_000,
      );
      return { ms: now() - t, value: h?.contents.value ?? '' };
    };
    for (const target of [...noted, ...plainFiles]) await hover(target);
    for (let i = 0; i < HOVERS; i++) {
      const a = await hover(noted[i % noted.length]);
      hovers.push(a.ms);
      if (/Note \d+|`claim`/.test(a.value) && /\*\*\d{4}/.test(a.value)) withNotes++;
      plainHovers.push((await hover(plainFiles[i % plainFiles.length])).ms);
    }
  } finally {
    await client.stop();
  }
  const best = (xs: number[]) => Math.min(...xs);
  const overhead = (best(withStores) - best(plain)) / best(plain);
  const result = {
    docs: corpus.files.length,
    annotations: count,
    stores: annotated.size,
    indexWithoutMs: plain,
    indexWithMs: withStores,
    storesReadMs: storesRead,
    overhead,
    hover: { n: hovers.length, withNotes, p50: percentile(hovers, 50), p99: percentile(hovers, 99) },
    hoverWithoutNotes: {
      n: plainHovers.length,
      p50: percentile(plainHovers, 50),
      p99: percentile(plainHovers, 99),
    },
  };
  console.log(`
Annotations on the bench corpus — ${result.docs} files, ${count} annotations in ${annotated.size} stores, best of ${RUNS}
  index (initialized → first diagnostics of every file), without stores   ${best(plain).toFixed(0)} ms
  index, with the stores read and placed                                  ${best(withStores).toFixed(0)} ms
  added by the annotations                                                ${(overhead * 100).toFixed(1)} %   (target ≤ 10 %)
  the server's own time reading and placing the stores (best)             ${best(storesRead)} ms = ${((100 * best(storesRead)) / best(plain)).toFixed(1)} % of the index without them
  hover on a year with a note, p50 / p99 (n=${hovers.length}, ${withNotes} showed the note and the date)   ${result.hover.p50.toFixed(2)} ms / ${result.hover.p99.toFixed(2)} ms   (budget p99 ≤ 10 ms)
  hover on a year without one, interleaved, p50 / p99                     ${result.hoverWithoutNotes.p50.toFixed(2)} ms / ${result.hoverWithoutNotes.p99.toFixed(2)} ms`);
  mkdirSync(join(REPO_ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench-results', 'annotations.json'), JSON.stringify(result, null, 1) + '\n');
  rmSync(corpus.root, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
