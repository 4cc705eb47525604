// `npm run bench`: the recogniser throughput benches, then the language server measured over
// the protocol (the real `dist/server.js --stdio`) on a 10,000-document corpus built from real
// news (corpusBuilder.ts). Prints a table with the issue-6 targets beside each figure and
// writes bench-results/bench.json. The server is never changed to meet a target: a miss is
// reported, and `--cpu-prof` says where the server's time went.
//
//   npm run bench [-- --quick | --docs N] [--iterations N] [--edits N] [--cpu-prof] [--keep]
//                 [--no-recognisers] [--timeout SECONDS]
//
//   --quick           1,000 documents, fewer iterations: a fast check that it all works
//   --docs N          N documents (default 10,000)
//   --iterations N    requests per kind during typing (default 300; quick 60)
//   --edits N         date edits per keystroke-to-diagnostics figure (default 30; quick 10)
//   --budget SECONDS  wall-clock cap for each typing/editing loop (default 180): when a loop
//                     hits it, it stops early and says how many iterations it made
//   --cpu-prof        run the server under `node --cpu-prof`; print its top self-time
//                     functions, overall and per phase (profile in bench-results/profile/)
//   --keep            keep the generated corpus (its path is printed)
//   --slowest N       list the N slowest requests made during typing, with what they were on
//   --node-arg ARG    pass ARG to the server's node (repeatable), e.g. a V8 heap flag to try
//   --timeout SECONDS longest wait for any one answer or diagnostics (default 600): the index,
//                     an open, one keystroke; a wait that runs out fails the bench, clearly
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentSymbol, Position } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildCorpus, REPO_ROOT, tempevalPath, type BuiltCorpus } from './corpusBuilder';
import { LspClient, now } from './lspClient';

// ---------------------------------------------------------------------------- options

interface Args {
  docs: number;
  quick: boolean;
  iterations: number;
  edits: number;
  budgetMs: number;
  cpuProf: boolean;
  nodeArgs: string[];
  keep: boolean;
  recognisers: boolean;
  timeoutMs: number;
  slowest: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): number | undefined => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const n = Number(argv[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
    return n;
  };
  const quick = argv.includes('--quick');
  return {
    quick,
    docs: value('--docs') ?? (quick ? 1000 : 10_000),
    iterations: value('--iterations') ?? (quick ? 60 : 300),
    edits: value('--edits') ?? (quick ? 10 : 30),
    budgetMs: (value('--budget') ?? 180) * 1000,
    cpuProf: argv.includes('--cpu-prof'),
    nodeArgs: argv.flatMap((a, i) => (a === '--node-arg' && argv[i + 1] ? [argv[i + 1]] : [])),
    keep: argv.includes('--keep'),
    recognisers: !argv.includes('--no-recognisers'),
    slowest: value('--slowest') ?? 0,
    timeoutMs: (value('--timeout') ?? 600) * 1000,
  };
}

// Issue 6's targets.
const TARGET = { indexMs: 10_000, rssBytes: 1024 ** 3, requestP99Ms: 10, keystrokeMs: 50 };

// ---------------------------------------------------------------------------- small helpers

/** Nearest-rank percentile of `xs` (not sorted in place). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

function stats(xs: readonly number[]): Stats {
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p99: percentile(xs, 99),
    max: xs.length ? Math.max(...xs) : NaN,
    mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN,
  };
}

const ms = (x: number) =>
  Number.isNaN(x) ? 'n/a' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const kb = (bytes: number) =>
  Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 ** 2).toFixed(0)} MB`);
const verdict = (value: number | null, target: number) =>
  value === null || Number.isNaN(value) ? 'n/a' : value <= target ? 'ok' : 'MISS';

// ---------------------------------------------------------------------------- recogniser benches

interface RecogniserResult {
  bench: string;
  status: 'ok' | 'missing' | 'broken';
  error?: string;
  seconds?: number;
  rows: { name: string; mbPerSec: number }[];
}

/**
 * The per-recogniser benches other helpers own, with how each is called (their signatures
 * differ). They are loaded at run time (not imported) so that one that is missing or does
 * not compile yet is reported, not fatal. Each returns `{ name, mbPerSec, ... }[]`.
 */
const RECOGNISER_BENCHES: {
  module: string;
  entry: string;
  call: (fn: (...a: unknown[]) => unknown) => unknown;
}[] = [
  { module: 'dateBench', entry: 'benchDates', call: (fn) => fn({ data: tempevalPath() }) },
  { module: 'peopleBench', entry: 'peopleBench', call: (fn) => fn(tempevalPath()) },
  { module: 'acronymBench', entry: 'runAcronymBench', call: (fn) => fn(tempevalPath()) },
  { module: 'analysisBench', entry: 'analysisBench', call: (fn) => fn(tempevalPath()) },
];

async function runRecogniserBenches(): Promise<RecogniserResult[]> {
  const out: RecogniserResult[] = [];
  for (const { module, entry, call } of RECOGNISER_BENCHES) {
    const bench = `${module}.${entry}`;
    let mod: Record<string, unknown>;
    try {
      mod = (await import(`./${module}.js`)) as Record<string, unknown>; // a real import(): needs the extension
    } catch (error) {
      const missing =
        (error as { code?: string }).code === 'MODULE_NOT_FOUND' && String(error).includes(module);
      out.push({ bench, status: missing ? 'missing' : 'broken', error: firstLine(error), rows: [] });
      continue;
    }
    const fn = mod[entry];
    if (typeof fn !== 'function') {
      const exported = Object.keys(mod).filter((k) => k !== 'default');
      out.push({
        bench,
        status: 'broken',
        error: `no exported ${entry}() (exports: ${exported.join(', ')})`,
        rows: [],
      });
      continue;
    }
    process.stderr.write(`[bench] ${bench}…\n`);
    const t0 = now();
    try {
      const rows = (await call(fn as (...a: unknown[]) => unknown)) as {
        name?: unknown;
        mbPerSec?: unknown;
      }[];
      if (
        !Array.isArray(rows) ||
        rows.some((r) => typeof r?.name !== 'string' || typeof r?.mbPerSec !== 'number')
      ) {
        throw new Error(`${entry}() did not return { name, mbPerSec }[]`);
      }
      out.push({ bench, status: 'ok', seconds: (now() - t0) / 1000, rows: rows as RecogniserResult['rows'] });
    } catch (error) {
      out.push({ bench, status: 'broken', error: firstLine(error), rows: [] });
    }
  }
  return out;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

// ---------------------------------------------------------------------------- server bench

interface Phase {
  name: string;
  start: number;
  end: number;
}

/** Per request kind (`hover`, `definition`, `references`): what typing with requests measured. */
type TypingResult = Record<
  string,
  {
    latency: Stats;
    idle: Stats;
    keystrokeToDiagnostics: Stats;
    stoppedEarly: boolean;
    /** Size of each answer as JSON, in bytes. */
    answerBytes: Stats;
    /**
     * Time to JSON-encode each answer and decode it again, in this process: what sending it
     * costs the two ends however fast the server finds it (a floor for the latency).
     */
    answerJsonMs: Stats;
  }
>;

interface ServerResult {
  corpus: { files: number; megabytes: number; largeFileBytes: number; buildSeconds: number };
  index?: {
    indexedFiles: number;
    scanEndMs: number;
    progressEndMs: number | null;
    lastDiagnosticsMs: number;
    rssBytes: number | null;
    peakRssBytes: number | null;
    conflicts: number;
    filesWithConflicts: number;
    diagnosticsByCode: Record<string, number>;
  };
  largeFile?: { openToDiagnosticsMs: number; mentionPositions: number; dateEdit: string };
  typing?: TypingResult;
  /**
   * The same after the server says its warm-up is done (`warmed up in N ms`): what typing
   * costs once the index has worked out its caches in idle time (the bench is never idle
   * 250 ms before then).
   */
  typingWarm?: TypingResult;
  /** How long the bench stood idle for the warm-up, and what the server says it took. */
  warmUp?: { waitedMs: number; serverMs: number };
  keystrokeLargeFile?: Stats & { stoppedEarly: boolean };
  /** Per probe pair (`plain`, `defining`): see corpusBuilder.ts. */
  keystrokeOtherFile?: Record<string, Stats & { toggledAsExpected: number; stoppedEarly: boolean }>;
  finalRssBytes?: number | null;
  /** The server's own log lines, with when they came (ms after `initialized`). */
  serverLog?: string[];
  errors: string[];
  phases: Phase[];
}

const uriOf = (file: string) => pathToFileURL(file).href;

const INIT_CAPABILITIES = {
  window: { workDoneProgress: true },
  workspace: { workspaceFolders: true, configuration: false },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: {},
    references: {},
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

/** Positions of real mentions in a document: the leaves of its outline, else a text scan. */
function mentionPositions(symbols: DocumentSymbol[] | null, text: string): Position[] {
  const out: Position[] = [];
  const visit = (s: DocumentSymbol) => {
    if (s.children?.length) s.children.forEach(visit);
    else out.push(s.selectionRange.start);
  };
  (symbols ?? []).filter((g) => g.name !== 'Timeline').forEach(visit);
  if (out.length) return out;
  // fallback: capitalised acronyms and years, as a user would point at them
  const doc = TextDocument.create('untitled:x', 'corpus', 0, text);
  for (const m of text.matchAll(/\b(?:[A-Z]{2,6}s?|(?:19|20)\d\d)\b/g)) out.push(doc.positionAt(m.index));
  return out;
}

/** Spreads `n` picks over `xs`, evenly: every (length / n)-th, from `offset` steps in. */
function spread<T>(xs: readonly T[], n: number, offset = 0): T[] {
  if (xs.length <= n) return xs.slice();
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i + offset) * step)]);
}

class ServerBench {
  readonly result: ServerResult;
  private client!: LspClient;
  private readonly phases: Phase[] = [];
  private initializedAt = 0;
  /** With --slowest N: every request during typing, to list the slowest. */
  readonly slow: { ms: number; what: string }[] = [];

  constructor(
    private readonly args: Args,
    private readonly corpus: BuiltCorpus,
    buildSeconds: number,
  ) {
    this.result = {
      corpus: {
        files: corpus.files.length,
        megabytes: corpus.totalBytes / 1e6,
        largeFileBytes: statSync(corpus.largeFile).size,
        buildSeconds,
      },
      errors: [],
      phases: this.phases,
    };
  }

  private async phase<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
    const start = now();
    process.stderr.write(`[bench] ${name}…\n`);
    try {
      return await run();
    } catch (error) {
      const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
      this.result.errors.push(message);
      process.stderr.write(`[bench] FAILED ${message}\n`);
      return undefined;
    } finally {
      this.phases.push({ name, start, end: now() });
    }
  }

  async run(profileDir: string | null): Promise<void> {
    const serverPath = join(REPO_ROOT, 'dist', 'server.js');
    statSync(serverPath); // a clear error if the bundle was not built
    this.client = new LspClient({
      serverPath,
      nodeArgs: [...this.args.nodeArgs, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])],
    });
    try {
      const indexed = await this.phase('index', () => this.index());
      if (indexed) {
        const large = await this.phase('open large file', () => this.openLarge());
        if (large) {
          await this.phase('typing + requests', () => this.typing(large));
          await this.phase('date edits, large file', () => this.dateEditsLarge(large));
        }
        await this.phase('date edits, other file', () => this.dateEditsAcross());
        if (large) {
          const warm = await this.phase('idle until warmed up', () => this.waitForWarmUp());
          if (warm) await this.phase('typing + requests, warmed up', () => this.typing(large, true));
        }
      }
      this.result.finalRssBytes = this.client.rssBytes();
      const t0 = this.initializedAt;
      this.result.serverLog = this.client.logs.map((l) => `${ms(l.at - t0).padStart(8)}  ${l.message}`);
    } finally {
      await this.client.stop();
    }
  }

  // ------------------------------------------------------------------ index

  private async index(): Promise<true> {
    const c = this.client;
    const root = this.corpus.root;
    await c.request(
      'initialize',
      {
        processId: process.pid,
        rootUri: uriOf(root),
        workspaceFolders: [{ uri: uriOf(root), name: 'bench' }],
        capabilities: INIT_CAPABILITIES,
      },
      30_000,
    );
    const t0 = now();
    this.initializedAt = t0;
    await c.sendNotification('initialized', {});
    const indexedLog = () => c.logs.find((l) => /indexed \d+ files/.test(l.message));
    await c.waitFor(() => !!indexedLog(), this.args.timeoutMs, "the server's `indexed N files` log message");
    const log = indexedLog()!;
    const indexedFiles = Number(/indexed (\d+) files/.exec(log.message)![1]);
    // Round 1 is over when the server ends its progress: it does so once every file's first
    // diagnostics are out. (A file with none gets no message: an empty list only clears.)
    // The figure is the last diagnostics to arrive before that.
    let last = 0;
    const listener = (e: { uri: string; at: number }) => {
      last = Math.max(last, e.at);
    };
    for (const uri of c.diagnostics.keys()) listener(c.diagnostics.get(uri)!);
    c.diagnosticsListeners.add(listener);
    try {
      await c.waitFor(
        () => c.progressEnds.some((t) => t >= t0),
        this.args.timeoutMs,
        'the end of the scan’s progress (all first diagnostics out)',
      );
    } finally {
      c.diagnosticsListeners.delete(listener);
    }
    const progressEnd = c.progressEnds.find((t) => t >= t0) ?? null;
    const byCode: Record<string, number> = {};
    let filesWithConflicts = 0;
    for (const event of c.diagnostics.values()) {
      let conflicted = false;
      for (const d of event.diagnostics) {
        const code = String(d.code ?? 'none');
        byCode[code] = (byCode[code] ?? 0) + 1;
        if (code === 'date-conflict') conflicted = true;
      }
      if (conflicted) filesWithConflicts++;
    }
    this.result.index = {
      indexedFiles,
      scanEndMs: log.at - t0,
      progressEndMs: progressEnd === null ? null : progressEnd - t0,
      lastDiagnosticsMs: last - t0,
      rssBytes: c.rssBytes(),
      peakRssBytes: c.peakRssBytes(),
      conflicts: byCode['date-conflict'] ?? 0,
      filesWithConflicts,
      diagnosticsByCode: byCode,
    };
    return true;
  }

  // ------------------------------------------------------------------ the 1 MB file

  private async open(file: string): Promise<TextDocument> {
    const uri = uriOf(file);
    const doc = TextDocument.create(uri, 'corpus', 1, readFileSync(file, 'utf8'));
    const before = this.client.diagnosticsCount.get(uri) ?? 0;
    await this.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'corpus', version: 1, text: doc.getText() },
    });
    await this.client.waitForDiagnostics(
      uri,
      before,
      this.args.timeoutMs,
      `diagnostics after opening ${file}`,
    );
    await this.client.quiet(100, this.args.timeoutMs); // other files the open touched
    return doc;
  }

  private async openLarge(): Promise<{ doc: TextDocument; positions: Position[] }> {
    const t0 = now();
    const doc = await this.open(this.corpus.largeFile);
    const openToDiagnosticsMs = this.client.diagnostics.get(doc.uri)!.at - t0;
    const symbols = await this.client.request<DocumentSymbol[] | null>(
      'textDocument/documentSymbol',
      { textDocument: { uri: doc.uri } },
      this.args.timeoutMs,
    );
    const positions = mentionPositions(symbols, doc.getText());
    if (positions.length === 0) throw new Error('no mention found in the large file');
    this.result.largeFile = { openToDiagnosticsMs, mentionPositions: positions.length, dateEdit: '' };
    return { doc, positions };
  }

  /**
   * Sends one incremental change and keeps `doc` and `positions` in step: an insertion on
   * a line moves the positions after it on that line.
   */
  private async change(
    state: { doc: TextDocument; positions: Position[] },
    range: { start: Position; end: Position },
    text: string,
  ): Promise<void> {
    const version = state.doc.version + 1;
    state.doc = TextDocument.update(state.doc, [{ range, text }], version);
    if (!text.includes('\n') && range.start.line === range.end.line) {
      const delta = text.length - (range.end.character - range.start.character);
      for (const p of state.positions) {
        if (p.line === range.start.line && p.character >= range.end.character) p.character += delta;
      }
    }
    await this.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: state.doc.uri, version },
      contentChanges: [{ range, text }],
    });
  }

  /**
   * Sends nothing until the server logs that its warm-up after the scan is done (at once if
   * it already has: it may finish in the pauses of the phases before).
   */
  private async waitForWarmUp(): Promise<true> {
    const c = this.client;
    const t0 = now();
    const line = () => c.logs.find((l) => /warmed up in \d+ ms/.test(l.message));
    await c.waitFor(() => !!line(), this.args.timeoutMs, "the server's `warmed up in N ms` log message");
    this.result.warmUp = {
      waitedMs: now() - t0,
      serverMs: Number(/warmed up in (\d+) ms/.exec(line()!.message)![1]),
    };
    return true;
  }

  /**
   * Types in the large file, a request after each keystroke. `warmed`: the second round,
   * after the warm-up, on other mentions than the first round's (each halfway between two
   * of the first's), so that what it measures is the warm-up, not the first round's caches.
   */
  private async typing(large: { doc: TextDocument; positions: Position[] }, warmed = false): Promise<void> {
    const c = this.client;
    const state = { doc: large.doc, positions: large.positions.map((p) => ({ ...p })) };
    const uri = state.doc.uri;
    const targets = spread(state.positions, 200, warmed ? 0.5 : 0);
    const typed =
      ' The talks continued on Monday, and officials said more meetings with NATO were planned for May.';
    const requests: [string, (p: Position) => unknown][] = [
      ['textDocument/hover', (p) => ({ textDocument: { uri }, position: p })],
      ['textDocument/definition', (p) => ({ textDocument: { uri }, position: p })],
      [
        'textDocument/references',
        (p) => ({ textDocument: { uri }, position: p, context: { includeDeclaration: true } }),
      ],
    ];
    const result: TypingResult = {};
    if (warmed) this.result.typingWarm = result;
    else this.result.typing = result;
    const lines = state.doc.lineCount;
    for (const [k, [method, params]] of requests.entries()) {
      // a cursor at the end of a line in the middle of the file, a different one per kind
      const line = Math.floor((lines * (k + 1)) / (requests.length + 1));
      const cursor = {
        line,
        character:
          state.doc.offsetAt({ line: line + 1, character: 0 }) -
          state.doc.offsetAt({ line, character: 0 }) -
          1,
      };
      const latency: number[] = [];
      const toDiagnostics: number[] = [];
      const answerBytes: number[] = [];
      const answerJsonMs: number[] = [];
      const started = now();
      let stoppedEarly = false;
      for (let i = 0; i < this.args.iterations; i++) {
        if (now() - started > this.args.budgetMs) {
          stoppedEarly = true;
          break;
        }
        const before = c.diagnosticsCount.get(uri) ?? 0;
        const t0 = now();
        await this.change(state, { start: { ...cursor }, end: { ...cursor } }, typed[i % typed.length]);
        cursor.character++;
        const t1 = now();
        const target = targets[i % targets.length];
        const answer = await c.request<unknown>(method, params({ ...target }), this.args.timeoutMs);
        latency.push(now() - t1);
        const t2 = now();
        const json = JSON.stringify(answer);
        JSON.parse(json);
        answerJsonMs.push(now() - t2);
        answerBytes.push(Buffer.byteLength(json));
        if (this.args.slowest) {
          const at = state.doc.offsetAt(target);
          const word = /^[\p{L}\p{N}'’. -]{0,40}/u.exec(state.doc.getText().slice(at, at + 40))?.[0] ?? '';
          this.slow.push({
            ms: now() - t1,
            what: `${method.replace('textDocument/', '')}${warmed ? ' (warmed up)' : ''} on “${word.trim()}”`,
          });
        }
        // let the edit's diagnostics land before the next keystroke (one round per keystroke)
        const event = await c.waitForDiagnostics(
          uri,
          before,
          this.args.timeoutMs,
          `diagnostics after keystroke ${i} (${method})`,
        );
        toDiagnostics.push(event.at - t0);
        await c.quiet(20, this.args.timeoutMs);
      }
      // the same requests with no edit in front of them: what the request itself costs
      const idle: number[] = [];
      for (let i = 0; i < Math.min(50, latency.length); i++) {
        const t1 = now();
        await c.request(method, params({ ...targets[i % targets.length] }), this.args.timeoutMs);
        idle.push(now() - t1);
      }
      result[method.replace('textDocument/', '')] = {
        latency: stats(latency),
        idle: stats(idle),
        keystrokeToDiagnostics: stats(toDiagnostics),
        stoppedEarly,
        answerBytes: stats(answerBytes),
        answerJsonMs: stats(answerJsonMs),
      };
    }
    large.doc = state.doc;
    large.positions = state.positions;
  }

  // ------------------------------------------------------------------ keystroke to diagnostics

  /** Where a 4-digit year of a recognised date is, in the current text. */
  private yearIn(
    doc: TextDocument,
    symbols: DocumentSymbol[] | null,
  ): { start: Position; year: string } | null {
    const dates = (symbols ?? []).find((g) => g.name === 'Dates')?.children ?? [];
    const middle = doc.lineCount / 2;
    const sorted = [...dates].sort(
      (a, b) => Math.abs(a.range.start.line - middle) - Math.abs(b.range.start.line - middle),
    );
    for (const d of sorted) {
      const text = doc.getText(d.range);
      const m = /\b(1[89]\d\d|20\d\d)\b/.exec(text);
      if (m) {
        const offset = doc.offsetAt(d.range.start) + m.index;
        return { start: doc.positionAt(offset), year: m[1] };
      }
    }
    return null;
  }

  /** Toggles a year (`1997` ⇄ `1998`) `edits` times; times each edit to `waitUri`'s next diagnostics. */
  private async toggleYear(
    doc: TextDocument,
    at: Position,
    year: string,
    other: string,
    waitUri: string,
    check?: (diagnostics: Diagnostic[], changed: boolean) => boolean,
  ): Promise<{ times: number[]; ok: number; stoppedEarly: boolean; doc: TextDocument }> {
    const state = { doc, positions: [] as Position[] };
    const times: number[] = [];
    let ok = 0;
    let stoppedEarly = false;
    const started = now();
    for (let i = 0; i < this.args.edits; i++) {
      if (now() - started > this.args.budgetMs) {
        stoppedEarly = true;
        break;
      }
      const changed = i % 2 === 0; // even edits write `other`, odd ones restore `year`
      const before = this.client.diagnosticsCount.get(waitUri) ?? 0;
      const t0 = now();
      await this.change(
        state,
        { start: at, end: { line: at.line, character: at.character + 4 } },
        changed ? other : year,
      );
      // a probe whose conflict never comes (the engine stopped seeing it) fails within a
      // minute, not after the whole request timeout
      const event = await this.client.waitForDiagnostics(
        waitUri,
        before,
        check ? Math.min(this.args.timeoutMs, 60_000) : this.args.timeoutMs,
        `diagnostics of ${waitUri} after date edit ${i}`,
      );
      times.push(event.at - t0);
      if (check?.(event.diagnostics, changed)) ok++;
      // let every other file's diagnostics of this round land too
      await this.client.quiet(30, this.args.timeoutMs);
    }
    return { times, ok, stoppedEarly, doc: state.doc };
  }

  private async dateEditsLarge(large: { doc: TextDocument }): Promise<void> {
    const symbols = await this.client.request<DocumentSymbol[] | null>(
      'textDocument/documentSymbol',
      { textDocument: { uri: large.doc.uri } },
      this.args.timeoutMs,
    );
    const found = this.yearIn(large.doc, symbols);
    if (!found) throw new Error('no date with a 4-digit year in the large file');
    const other = String(Number(found.year) + 1);
    this.result.largeFile!.dateEdit = `${found.year} ⇄ ${other} at line ${found.start.line + 1}`;
    const run = await this.toggleYear(large.doc, found.start, found.year, other, large.doc.uri);
    large.doc = run.doc;
    this.result.keystrokeLargeFile = { ...stats(run.times), stoppedEarly: run.stoppedEarly };
  }

  private async dateEditsAcross(): Promise<void> {
    this.result.keystrokeOtherFile = {};
    for (const { name, source, target, year, otherYear } of this.corpus.probes) {
      const doc = await this.open(source);
      const offset = doc.getText().indexOf(` ${year},`) + 1;
      if (offset <= 0) throw new Error(`the probe year ${year} is not in ${source}`);
      const targetUri = uriOf(target);
      const conflicted = (ds: Diagnostic[]) => ds.some((d) => d.code === 'date-conflict');
      const initially = conflicted(this.client.diagnostics.get(targetUri)?.diagnostics ?? []);
      if (initially)
        throw new Error(`the probe target already has a date-conflict before any edit (${target})`);
      // the conflict must appear after each `otherYear` edit and disappear after each restore
      const run = await this.toggleYear(
        doc,
        doc.positionAt(offset),
        year,
        otherYear,
        targetUri,
        (ds, changed) => conflicted(ds) === changed,
      );
      this.result.keystrokeOtherFile[name] = {
        ...stats(run.times),
        toggledAsExpected: run.ok,
        stoppedEarly: run.stoppedEarly,
      };
    }
  }
}

// ---------------------------------------------------------------------------- CPU profile

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface ProfileSummary {
  file: string;
  phases: { name: string; sampledMs: number; top: { fn: string; selfMs: number; percent: number }[] }[];
}

/**
 * Self time per function from a `.cpuprofile`, overall and within each bench phase. V8's
 * sample timestamps are microseconds on the same monotonic clock as `process.hrtime`, so
 * samples can be assigned to the client's phases.
 */
function summariseProfile(dir: string, phases: Phase[], top = 15): ProfileSummary | null {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return null;
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the server's main thread,
  // where requests and keystrokes are handled (the others are the scan's workers)
  const main = files.filter((f) => f.split('.')[4] === '0');
  const file = join(dir, (main.length ? main : files).sort().at(-1)!);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const label = new Map<number, string>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : '';
    label.set(n.id, `${f.functionName || '(anonymous)'}${where ? ' ' + where : ''}`);
  }
  const windows = [{ name: 'whole run', start: -Infinity, end: Infinity }, ...phases];
  const self = windows.map(() => new Map<string, number>());
  const totals = windows.map(() => 0);
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // this sample stands for the time until the next
    const fn = label.get(profile.samples[i]) ?? '?';
    const atMs = t / 1000;
    windows.forEach((w, k) => {
      if (atMs < w.start || atMs > w.end) return;
      self[k].set(fn, (self[k].get(fn) ?? 0) + dt);
      totals[k] += dt;
    });
  }
  return {
    file,
    phases: windows.map((w, k) => ({
      name: w.name,
      sampledMs: totals[k],
      top: [...self[k]]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([fn, selfMs]) => ({ fn, selfMs, percent: (100 * selfMs) / Math.max(1e-9, totals[k]) })),
    })),
  };
}

// ---------------------------------------------------------------------------- report

function printReport(
  args: Args,
  recognisers: RecogniserResult[],
  server: ServerResult | null,
  profile: ProfileSummary | null,
): void {
  const lines: string[] = [];
  const row = (label: string, value: string, target = '', ok = '') =>
    lines.push(`  ${label.padEnd(52)} ${value.padStart(12)}  ${target.padEnd(10)} ${ok}`);
  lines.push(
    `Corpus Annotator bench — node ${process.version}, ${cpus().length} cores, ${mb(totalmem())} RAM${args.quick ? ' (--quick)' : ''}`,
  );
  lines.push('');
  lines.push('Recognisers (MB/s, TempEval articles repeated to ≥ 10 MB)');
  for (const r of recognisers) {
    if (r.status !== 'ok') {
      lines.push(`  ${r.bench.padEnd(52)} ${r.status.toUpperCase()}: ${r.error}`);
      continue;
    }
    for (const x of r.rows) row(`${r.bench.split('.')[0]}: ${x.name}`, x.mbPerSec.toFixed(2));
  }
  if (recognisers.length === 0) lines.push('  (skipped: --no-recognisers)');
  if (server) {
    const s = server;
    lines.push('');
    lines.push(
      `Server over LSP stdio — ${s.corpus.files} files, ${s.corpus.megabytes.toFixed(1)} MB ` +
        `(one file of ${(s.corpus.largeFileBytes / 1e6).toFixed(2)} MB), corpus built in ${s.corpus.buildSeconds.toFixed(1)} s`,
    );
    lines.push(`  ${'figure'.padEnd(52)} ${'value'.padStart(12)}  ${'target'.padEnd(10)}`);
    if (s.index) {
      const i = s.index;
      row(
        `index: initialized → "indexed ${i.indexedFiles} files"`,
        ms(i.scanEndMs),
        '≤ 10 s',
        verdict(i.scanEndMs, TARGET.indexMs),
      );
      if (i.progressEndMs !== null) row('index: initialized → work-done progress end', ms(i.progressEndMs));
      row(
        'index: initialized → last diagnostics of round 1',
        ms(i.lastDiagnosticsMs),
        '≤ 10 s',
        verdict(i.lastDiagnosticsMs, TARGET.indexMs),
      );
      row(
        'memory: server RSS after indexing',
        mb(i.rssBytes),
        '≤ 1 GB',
        verdict(i.rssBytes, TARGET.rssBytes),
      );
      row(
        'memory: server peak RSS (VmHWM) by then',
        mb(i.peakRssBytes),
        '≤ 1 GB',
        verdict(i.peakRssBytes, TARGET.rssBytes),
      );
      row('date-conflict diagnostics after indexing', String(i.conflicts));
      row('files with a date-conflict', String(i.filesWithConflicts));
      row(
        'all diagnostics by code',
        Object.entries(i.diagnosticsByCode)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      );
    }
    if (s.largeFile) row('1 MB file: didOpen → its diagnostics', ms(s.largeFile.openToDiagnosticsMs));
    const typingRows = (typing: TypingResult, after: string) => {
      for (const [kind, t] of Object.entries(typing)) {
        const early = t.stoppedEarly ? ` (budget hit: ${t.latency.n} iterations)` : '';
        row(`${kind} during typing${after}, p50 (n=${t.latency.n})${early}`, ms(t.latency.p50));
        row(
          `${kind} during typing${after}, p99`,
          ms(t.latency.p99),
          '≤ 10 ms',
          verdict(t.latency.p99, TARGET.requestP99Ms),
        );
        row(
          `${kind} with no edit in front, p50 / p99 (n=${t.idle.n})`,
          `${ms(t.idle.p50)} / ${ms(t.idle.p99)}`,
        );
        row(
          `  answer size, p50 / p99 · JSON encode + decode alone, p50 / p99`,
          `${kb(t.answerBytes.p50)} / ${kb(t.answerBytes.p99)} · ${ms(t.answerJsonMs.p50)} / ${ms(t.answerJsonMs.p99)}`,
        );
        row(
          `  typed keystroke → 1 MB file's diagnostics, p50 / p99`,
          `${ms(t.keystrokeToDiagnostics.p50)} / ${ms(t.keystrokeToDiagnostics.p99)}`,
        );
      }
    };
    typingRows(s.typing ?? {}, '');
    if (s.keystrokeLargeFile) {
      const k = s.keystrokeLargeFile;
      row(`year edit (${s.largeFile?.dateEdit}) → 1 MB file's diagnostics, p50 (n=${k.n})`, ms(k.p50));
      row('  same, p99', ms(k.p99), '≤ 50 ms', verdict(k.p99, TARGET.keystrokeMs));
    }
    for (const [name, k] of Object.entries(s.keystrokeOtherFile ?? {})) {
      const early = k.stoppedEarly ? ' (budget hit)' : '';
      row(
        `year edit in a small file (${name}) → OTHER file's diagnostics, p50 (n=${k.n})${early}`,
        ms(k.p50),
      );
      row('  same, p99', ms(k.p99), '≤ 50 ms', verdict(k.p99, TARGET.keystrokeMs));
      row('  conflict appeared/disappeared as expected', `${k.toggledAsExpected} of ${k.n}`);
    }
    if (s.warmUp) {
      row(
        'idle until the server had warmed up (its own figure)',
        `${ms(s.warmUp.waitedMs)} (${ms(s.warmUp.serverMs)} since the scan)`,
      );
      typingRows(s.typingWarm ?? {}, ' after the warm-up');
    }
    row(
      'memory: server RSS at the end',
      mb(s.finalRssBytes ?? null),
      '≤ 1 GB',
      verdict(s.finalRssBytes ?? null, TARGET.rssBytes),
    );
    for (const e of s.errors) lines.push(`  FAILED ${e}`);
  }
  if (profile) {
    lines.push('');
    lines.push(`Server CPU profile (${profile.file}): top self time`);
    for (const p of profile.phases) {
      if (p.sampledMs < 1) continue;
      lines.push(`  ${p.name} (${ms(p.sampledMs)} sampled)`);
      for (const t of p.top.slice(0, p.name === 'whole run' ? 15 : 8)) {
        lines.push(`    ${t.percent.toFixed(1).padStart(5)}%  ${ms(t.selfMs).padStart(9)}  ${t.fn}`);
      }
    }
  }
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------------------- main

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const resultsDir = join(REPO_ROOT, 'bench-results');
  mkdirSync(resultsDir, { recursive: true });
  const recognisers = args.recognisers ? await runRecogniserBenches() : [];

  process.stderr.write(`[bench] building a corpus of ${args.docs} documents…\n`);
  const b0 = now();
  const corpus = buildCorpus({ docs: args.docs });
  const buildSeconds = (now() - b0) / 1000;
  process.stderr.write(`[bench] corpus in ${corpus.root}\n`);

  let profileDir: string | null = null;
  if (args.cpuProf) {
    profileDir = join(resultsDir, 'profile');
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const bench = new ServerBench(args, corpus, buildSeconds);
  let fatal: string | null = null;
  try {
    await bench.run(profileDir);
  } catch (error) {
    fatal = error instanceof Error ? error.message : String(error);
    bench.result.errors.push(fatal);
  } finally {
    if (args.keep) process.stderr.write(`[bench] kept the corpus in ${corpus.root}\n`);
    else rmSync(corpus.root, { recursive: true, force: true });
  }
  const profile = profileDir ? summariseProfile(profileDir, bench.result.phases) : null;
  printReport(args, recognisers, bench.result, profile);
  if (bench.result.serverLog?.length) {
    console.log(`\nServer log (time after initialized):`);
    for (const line of bench.result.serverLog) console.log(`  ${line}`);
    console.log(
      `  phases: ${bench.result.phases.map((p) => `${p.name} ${ms(p.start - bench.result.phases[0].start)}`).join(', ')}`,
    );
  }
  if (args.slowest) {
    console.log(`\nSlowest requests during typing:`);
    for (const r of [...bench.slow].sort((a, b) => b.ms - a.ms).slice(0, args.slowest))
      console.log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.what}`);
  }
  const out = join(resultsDir, 'bench.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cores: cpus().length,
        args,
        targets: TARGET,
        recognisers,
        server: bench.result,
        profile,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${out}`);
  const failed = bench.result.errors.length > 0 || recognisers.some((r) => r.status !== 'ok');
  if (bench.result.errors.length) console.error(`bench FAILED: ${bench.result.errors.join('; ')}`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(
        `bench FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}
