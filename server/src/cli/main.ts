// corpus-annotator: the engine without an editor.
//
//   corpus-annotator analyze [--json] PATH...   the analysis (JSON: shared/spec/analysis-json.md)
//   corpus-annotator check PATH...              diagnostics as path:line:column: severity: message [code]
//   corpus-annotator check --format json|sarif PATH...   the same as data (checkFormats.ts)
//   corpus-annotator export --format F PATH...  entities, dates and the readers' annotations (exchange.ts)
//   corpus-annotator import FILE...             readers' annotations back into the corpus's store
//
// Exit codes: 0 fine, 1 `check` found an error, 2 bad usage or a missing path or config,
// 3 a file could not be analysed (named on stderr with the reason; the rest was analysed).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  analysisToJson,
  corpusDiagnostics,
  findingJson,
  quote,
  type JsonDiagnostic,
} from '../analysis/analysisJson';
import { applyCorrections, correctedOptions } from '../analysis/annotations/corrections';
import type { Annotation } from '../analysis/annotations/model';
import { correctionsOf, placeAnnotations } from '../analysis/annotations/placement';
import { parseStore } from '../analysis/annotations/w3c';
import { displayValue, relativeNote, type FactConflict } from '../analysis/conflicts';
import {
  DEFAULT_ANNOTATION_STORE,
  emptyConfig,
  MAX_CONFIG_LENGTH,
  oversizedConfig,
  parseCorpusConfig,
  type CorpusConfig,
} from '../analysis/corpusConfig';
import { CorpusIndex, type Entity } from '../analysis/corpusIndex';
import type { Finding, Severity } from '../analysis/types';
import { analyseDocument } from '../analysis/documentAnalysis';
import { readStore, storeFileOf, storeSourceName } from '../node/annotationFiles';
import { AnalysisPool, type Analysed } from '../node/analysisPool';
import { findConfig, readText, walkCorpus } from '../node/corpusFiles';
import {
  exportCorpus,
  importIntoStores,
  readersAnnotations,
  readImport,
  type ExportFormat,
} from './exchange';
import { LineIndex } from '../node/lineIndex';
import {
  CHECK_FORMATS,
  checkJson,
  checkSarif,
  countSeverities,
  describeCounts,
  placeDiagnostics,
  type CheckFormat,
  type SeverityCounts,
} from './checkFormats';

const HELP = `corpus-annotator: dates, officials and programme acronyms in a corpus of plain-text sources

Usage:
  corpus-annotator analyze [--json] PATH...   print what the corpus holds (JSON with --json)
  corpus-annotator check PATH...              print diagnostics, linter style; exit 1 on an error
  corpus-annotator export --format w3c|jsonl|csv|brat [--out DIR] PATH...
                                              the entities and dates found, with the readers'
                                              notes, tags and corrections (brat needs --out)
  corpus-annotator import [--format w3c|jsonl|brat] [--root DIR] FILE|DIR...
                                              readers' annotations (W3C or brat) into the store
  corpus-annotator --help | --version

PATH is a file or a folder (searched recursively for .txt files). The nearest
corpus-annotator.json (in a folder given or above it) supplies the glossary and
the dismissed conflicts; --config FILE names one explicitly. The readers'
corrections in the corpus's annotation store (.annotations/ beside that file)
are applied.

Options:
  --json              analyze: print the analysis as JSON (the same as --format json)
  --format FORMAT     check: text (default), json, or sarif (SARIF 2.1.0, for code review
                      and CI); analyze: text (default) or json
  --config FILE       use this corpus-annotator.json (an error if it cannot be read)
  --max-size KB       skip files larger than this (default 8192)
  --time-budget SEC   skip a file whose analysis takes longer than this (default 20)

Every format prints a summary on stderr: how many files, errors, warnings, information
and hints.

A file that cannot be analysed (over the time budget, or the analysis failed) is
named on stderr with the reason and skipped; the rest of the corpus is analysed.
Files over --max-size and files that are not UTF-8 text are skipped with a warning.

Exit codes:
  0  done (check: no error found)
  1  check found an error
  2  bad usage, a missing PATH, or a --config that cannot be read
  3  a file could not be analysed (see stderr); the others were, and are printed
`;

interface Loaded {
  index: CorpusIndex;
  /** The corpus root the annotation store is under, and each file's annotations, placed. */
  storeRoot: string;
  annotations: Map<string, Annotation[]>;
  /** Files that could not be analysed (over the time budget, or the analysis failed). */
  failed: number;
  display: Map<string, string>;
  config: CorpusConfig;
  configPath?: string;
  configText?: string;
}

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return args.length === 0 ? 2 : 0;
  }
  if (args.includes('--version')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = args.shift()!;
  if (command === 'import') return importCommand(args);
  if (command !== 'analyze' && command !== 'check' && command !== 'export') {
    process.stderr.write(`corpus-annotator: unknown command "${command}" (try --help)\n`);
    return 2;
  }
  const jsonFlag = takeFlag(args, '--json');
  const formatArg = takeOption(args, '--format');
  const out = takeOption(args, '--out');
  if (command === 'export' && !['w3c', 'jsonl', 'csv', 'brat'].includes(formatArg ?? '')) {
    process.stderr.write('corpus-annotator: export needs --format w3c, jsonl, csv or brat\n');
    return 2;
  }
  if (command === 'export' && formatArg === 'brat' && !out) {
    process.stderr.write('corpus-annotator: brat is standoff: give --out DIR for the .txt and .ann files\n');
    return 2;
  }
  const format = formatArg ?? (jsonFlag ? 'json' : 'text');
  const formats: readonly string[] =
    command === 'check'
      ? CHECK_FORMATS
      : command === 'export'
        ? ['w3c', 'jsonl', 'csv', 'brat']
        : ['text', 'json'];
  if (!formats.includes(format)) {
    process.stderr.write(
      `corpus-annotator: ${command} --format must be ${formats.join(', ')} (not "${format}")\n`,
    );
    return 2;
  }
  const json = format === 'json';
  const configArg = takeOption(args, '--config');
  const maxSizeArg = takeOption(args, '--max-size');
  const budgetArg = takeOption(args, '--time-budget');
  const maxKb = positiveNumber('--max-size', maxSizeArg, 8192);
  const budgetSeconds = positiveNumber('--time-budget', budgetArg, 20);
  if (maxKb === undefined || budgetSeconds === undefined) return 2;
  const maxSize = maxKb * 1024;
  if (configArg === '') {
    process.stderr.write('corpus-annotator: --config needs a FILE (try --help)\n');
    return 2;
  }
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) {
    process.stderr.write(`corpus-annotator: unknown option ${unknown} (try --help)\n`);
    return 2;
  }
  if (args.length === 0) {
    process.stderr.write('corpus-annotator: no PATH given (try --help)\n');
    return 2;
  }
  const loaded = await load(args, configArg, maxSize, budgetSeconds * 1000);
  if (typeof loaded === 'number') return loaded;
  if (command === 'export') {
    const sources = loaded.index.paths().map((key) => ({
      key,
      name: storeSourceName(loaded.storeRoot, key),
      annotations: loaded.annotations.get(key) ?? [],
    }));
    if (out) await fs.mkdir(out, { recursive: true });
    const text = await exportCorpus(loaded.index, sources, format as ExportFormat, out);
    if (out && format !== 'brat')
      await fs.writeFile(path.join(out, `export.${format === 'w3c' ? 'json' : format}`), text);
    else process.stdout.write(text);
    return 0;
  }
  if (command === 'analyze') {
    for (const f of loaded.config.findings)
      if (f.severity === 'error')
        process.stderr.write(`corpus-annotator: warning: ${loaded.configPath}: ${f.message}\n`);
    if (json)
      process.stdout.write(
        JSON.stringify(
          analysisToJson(loaded.index, (k) => loaded.display.get(k) ?? k),
          null,
          1,
        ) + '\n',
      );
    else printSummary(loaded);
    return loaded.failed > 0 ? 3 : 0;
  }
  const checked = format !== 'text' ? printCheckData(loaded, format as CheckFormat) : printCheck(loaded);
  return loaded.failed > 0 ? 3 : checked;
}

/** The number an option gives, its default when absent; undefined (after a message) when not a positive number. */
function positiveNumber(option: string, value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() !== '' && Number.isFinite(n) && n > 0) return n;
  process.stderr.write(`corpus-annotator: ${option} needs a positive number, not "${value}" (try --help)\n`);
  return undefined;
}

async function load(
  inputs: string[],
  configArg: string | undefined,
  maxSize: number,
  budgetMs: number,
): Promise<Loaded | number> {
  const files: { key: string; shown: string }[] = [];
  /** Without a corpus-annotator.json, the store is under the first folder given (or the first file's). */
  let firstDir: string | undefined;
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      process.stderr.write(`corpus-annotator: ${input}: no such file or folder\n`);
      return 2;
    }
    firstDir ??= path.resolve(stat.isDirectory() ? input : path.dirname(input));
    if (stat.isDirectory()) {
      for (const file of (await walkCorpus(input)).texts) {
        files.push({ key: path.resolve(file), shown: path.join(input, path.relative(input, file)) });
      }
    } else {
      files.push({ key: path.resolve(input), shown: input });
    }
  }
  const configPath = configArg ?? (await findConfig(firstFolder(inputs)));
  let config = emptyConfig();
  let configText: string | undefined;
  if (configPath) {
    // no more than a config may hold (UTF-8: at most three bytes per UTF-16 unit)
    const read = await readText(configPath, MAX_CONFIG_LENGTH * 3);
    if (read.ok) {
      configText = read.text;
      config = parseCorpusConfig(read.text);
    } else if (read.tooLarge) {
      config = oversizedConfig(read.reason.split(',')[0]);
    } else if (configArg !== undefined) {
      // asked for by name: going on without it would give other results than asked for
      process.stderr.write(
        `corpus-annotator: ${configPath}: ${read.reason}; cannot read the --config file\n`,
      );
      return 2;
    } else
      process.stderr.write(`corpus-annotator: warning: ${configPath}: ${read.reason}; glossary not used\n`);
  }
  const options = { maxLength: maxSize };
  const index = new CorpusIndex(options);
  index.setConfig(config);
  const storeRoot = configPath ? path.dirname(path.resolve(configPath)) : (firstDir ?? process.cwd());
  const storeDir = config.annotationStore ?? DEFAULT_ANNOTATION_STORE;
  const annotations = new Map<string, Annotation[]>();
  const display = new Map<string, string>();
  const shownOf = new Map<string, string>();
  for (const { key, shown } of files) if (!shownOf.has(key)) shownOf.set(key, shown);
  // analysed on worker threads, each file within its time budget; the index is filled in the
  // order of the paths, whatever order the analyses come back in
  const analysed = new Map<string, Analysed>();
  for (const r of await analyseAll([...shownOf.keys()], maxSize, options, budgetMs)) analysed.set(r.file, r);
  let failed = 0;
  for (const [key, shown] of shownOf) {
    const r = analysed.get(key);
    if (!r) continue;
    if (!r.ok) {
      const skippedByRule = !r.overBudget && !r.reason.startsWith('analysis failed');
      if (skippedByRule) process.stderr.write(`corpus-annotator: warning: ${shown}: skipped: ${r.reason}\n`);
      else {
        failed++;
        process.stderr.write(`corpus-annotator: ${shown}: not analysed: ${r.reason}\n`);
      }
      continue;
    }
    // the readers' corrections, as the editor applies them (annotations/corrections.ts)
    const store = await readStore(storeFileOf(storeRoot, storeDir, key));
    let placed: Annotation[] = [];
    let orphans = new Set<string>();
    const text = r.analysis.text;
    if ('text' in store) {
      const parsed = parseStore(store.text);
      if (parsed.findings.length)
        process.stderr.write(
          `corpus-annotator: warning: ${shown}: its annotation store has ${parsed.findings.length} line(s) that cannot be read\n`,
        );
      ({ annotations: placed, orphans } = placeAnnotations(parsed.annotations, text));
    } else if ('error' in store)
      process.stderr.write(`corpus-annotator: warning: ${shown}: annotation store ${store.error}\n`);
    annotations.set(key, placed);
    const corrections = correctionsOf(placed, orphans);
    const corrected = correctedOptions(options, corrections);
    // the document's date given: the file is read again from it (here; the others on workers)
    const base = corrected === options ? r.analysis : analyseDocument(text, corrected);
    index.replace(key, { path: key, version: 0, analysis: applyCorrections(base, corrections) });
    display.set(key, shown);
  }
  return {
    index,
    storeRoot,
    annotations,
    failed,
    display,
    config,
    ...(configPath ? { configPath } : {}),
    ...(configText !== undefined ? { configText } : {}),
  };
}

async function importCommand(args: string[]): Promise<number> {
  const format = takeOption(args, '--format');
  const rootArg = takeOption(args, '--root');
  if (format && !['w3c', 'jsonl', 'brat'].includes(format)) {
    process.stderr.write('corpus-annotator: import reads --format w3c, jsonl or brat\n');
    return 2;
  }
  if (args.length === 0) {
    process.stderr.write('corpus-annotator: import needs a FILE or a brat DIR (try --help)\n');
    return 2;
  }
  const configPath = await findConfig(rootArg ?? process.cwd());
  const root = path.resolve(rootArg ?? (configPath ? path.dirname(configPath) : process.cwd()));
  let storeDir = DEFAULT_ANNOTATION_STORE;
  if (configPath && path.dirname(configPath) === root) {
    const read = await readText(configPath);
    if (read.ok) storeDir = parseCorpusConfig(read.text).annotationStore ?? storeDir;
  }
  const objects: unknown[] = [];
  let problems = 0;
  for (const input of args) {
    let files: string[];
    try {
      files = (await fs.stat(input)).isDirectory() ? await annFiles(input) : [input];
    } catch {
      process.stderr.write(`corpus-annotator: ${input}: no such file or folder\n`);
      return 2;
    }
    for (const file of files) {
      const read = await readText(file);
      if (!read.ok) {
        process.stderr.write(`corpus-annotator: ${file}: ${read.reason}\n`);
        return 2;
      }
      const kind = (format ??
        (file.endsWith('.ann') ? 'brat' : file.endsWith('.jsonl') ? 'jsonl' : 'w3c')) as
        'w3c' | 'jsonl' | 'brat';
      const result = readImport(read.text, kind);
      for (const p of result.problems) process.stderr.write(`corpus-annotator: ${file}: ${p}\n`);
      problems += result.problems.length;
      objects.push(...result.objects);
    }
  }
  const { bySource, problems: bad } = readersAnnotations(objects);
  for (const p of bad) process.stderr.write(`corpus-annotator: ${p}\n`);
  const { written, refused } = await importIntoStores(root, storeDir, bySource);
  for (const r of refused) process.stderr.write(`corpus-annotator: not imported: ${r}\n`);
  const count = [...bySource.values()].reduce((n, list) => n + list.length, 0);
  process.stderr.write(
    `${count} annotation(s) imported into ${written.length} store file(s) under ${path.join(root, storeDir)}\n`,
  );
  return refused.length || problems || bad.length ? 1 : 0;
}

/** The .ann files of a brat folder, recursively, sorted. */
async function annFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await annFiles(full)));
    else if (e.name.endsWith('.ann')) out.push(full);
  }
  return out.sort();
}

async function analyseAll(
  files: string[],
  maxSize: number,
  options: { maxLength: number },
  budgetMs: number,
): Promise<Analysed[]> {
  const pool = new AnalysisPool(undefined, undefined, budgetMs);
  const out: Analysed[] = [];
  try {
    await pool.analyse(files, maxSize, options, (r) => out.push(r));
  } finally {
    pool.dispose();
  }
  return out;
}

function firstFolder(inputs: string[]): string {
  return inputs.length ? path.dirname(path.resolve(inputs[0], 'x')) : process.cwd();
}

function printCheck(loaded: Loaded): number {
  const { index, display, config, configPath, configText } = loaded;
  const counts: SeverityCounts = countSeverities([]);
  const lines = new Map<string, LineIndex>();
  const at = (key: string, offset: number) => {
    let li = lines.get(key);
    if (!li) lines.set(key, (li = new LineIndex(index.get(key)?.analysis.text ?? '')));
    const p = li.positionAt(offset);
    return `${display.get(key) ?? key}:${p.line + 1}:${p.character + 1}`;
  };
  const report = (where: string, f: { severity: Severity; message: string; code: string }) => {
    counts[f.severity]++;
    process.stdout.write(`${where}: ${f.severity}: ${f.message} [${f.code}]\n`);
  };
  if (configPath) {
    const lines = new LineIndex(configText ?? '');
    for (const f of config.findings) {
      const p = lines.positionAt(f.start);
      report(`${configPath}:${p.line + 1}:${p.character + 1}`, f);
    }
  }
  for (const key of index.paths()) {
    let findings: Finding[];
    let conflicts: ReturnType<CorpusIndex['conflicts']>;
    try {
      findings = index.findings(key);
      conflicts = index.conflicts(key);
    } catch (error) {
      // one file's failure is named, and the others are still checked
      loaded.failed++;
      process.stderr.write(`corpus-annotator: ${display.get(key) ?? key}: not checked: ${String(error)}\n`);
      continue;
    }
    const all = [
      ...findings.map((f) => ({ start: f.start, print: () => report(at(key, f.start), f) })),
      ...conflicts.map((c) => ({
        start: c.at.claim.span.start,
        print: () => {
          // the sources most others agree with get a hint that points at the outlier
          report(at(key, c.at.claim.span.start), {
            severity: c.role === 'agrees' ? 'hint' : 'warning',
            message: c.message,
            code: 'date-conflict',
          });
          // a few sources of each other value, by construction
          for (const o of c.others) {
            process.stdout.write(
              `    ${at(o.doc, o.claim.span.start)}: ${displayValue(o.claim.value)}${relativeNote(o.claim)}: "${quote(index, o.doc, o.claim.sentence, 90, o.claim.span)}"\n`,
            );
          }
        },
      })),
    ].sort((a, b) => a.start - b.start);
    for (const item of all) item.print();
  }
  return summarise(index.size, counts);
}

/** The summary on stderr, whatever the format; the exit code: 1 when there is an error. */
function summarise(files: number, counts: SeverityCounts): number {
  process.stderr.write(`${plural(files, 'file')} checked: ${describeCounts(counts)}\n`);
  return counts.error > 0 ? 1 : 0;
}

/** `check --format json|sarif`: the same diagnostics as the text, as one JSON document. */
function printCheckData(loaded: Loaded, format: CheckFormat): number {
  const { index, display, config, configPath, configText } = loaded;
  const shown = (key: string) => display.get(key) ?? key;
  const order = new Map(index.paths().map((key, i) => [shown(key), i]));
  const found: JsonDiagnostic[] = [];
  if (configPath) for (const f of config.findings) found.push(findingJson(configPath, f));
  found.push(
    ...corpusDiagnostics(index, shown).sort(
      (a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0) || a.start - b.start,
    ),
  );
  const keyOf = new Map([...display].map(([key, s]) => [s, key]));
  const textOf = (p: string) =>
    p === configPath ? (configText ?? '') : (index.get(keyOf.get(p) ?? p)?.analysis.text ?? '');
  const diagnostics = placeDiagnostics(found, textOf);
  const data =
    format === 'sarif' ? checkSarif(diagnostics, process.cwd(), VERSION) : checkJson(diagnostics, index.size);
  process.stdout.write(JSON.stringify(data, null, 1) + '\n');
  return summarise(index.size, countSeverities(diagnostics));
}

function plural(n: number, noun: string, many = noun + 's'): string {
  return `${n} ${n === 1 ? noun : many}`;
}

function printSummary({ index, display }: Loaded): void {
  const out: string[] = [];
  for (const key of index.paths()) {
    const doc = index.get(key)!;
    const mentions = index.mentions(key);
    const dd = doc.analysis.documentDate;
    const count = (kind: string) => mentions.filter((m) => m.kind === kind).length;
    out.push(
      `${display.get(key) ?? key}  (dated ${dd.value ?? 'unknown'}${dd.source !== 'header' && dd.value ? `, ${dd.source}, ${dd.confidence} confidence` : ''})` +
        `: ${plural(count('date'), 'date')}, ${plural(count('official') + count('person'), 'person', 'people')}, ${plural(count('acronym'), 'acronym')}` +
        (doc.analysis.skipped ? `; skipped: ${doc.analysis.skipped}` : ''),
    );
  }
  const people = index.people();
  const acronyms = index
    .acronymKeys()
    .map((k) => index.acronym(k)!)
    .filter(Boolean);
  out.push('', `People (${people.length}):`);
  for (const p of people) out.push(`  ${describeEntity(p)}`);
  out.push('', `Acronyms (${acronyms.length}):`);
  for (const a of acronyms) out.push(`  ${describeEntity(a)}`);
  out.push('', ...conflictSummary(index, display));
  process.stdout.write(out.join('\n') + '\n');
}

/**
 * The date conflicts, one block per fact: what is dated, then each date with the places that
 * give it (`file:line`), the most given first. `Date conflicts: none.` when there are none.
 */
function conflictSummary(index: CorpusIndex, display: ReadonlyMap<string, string>): string[] {
  const facts = new Map<string, FactConflict>();
  for (const c of index.allConflicts()) if (!facts.has(c.fact.id)) facts.set(c.fact.id, c.fact);
  if (facts.size === 0) return ['Date conflicts: none.'];
  const lines = new Map<string, LineIndex>();
  const lineOf = (key: string, offset: number) => {
    let li = lines.get(key);
    if (!li) lines.set(key, (li = new LineIndex(index.get(key)?.analysis.text ?? '')));
    return `${display.get(key) ?? key}:${li.positionAt(offset).line + 1}`;
  };
  const out = [`Date conflicts (${plural(facts.size, 'fact')}):`];
  for (const fact of facts.values()) {
    out.push(`  ${fact.label}`);
    for (const g of fact.groups) {
      const places = g.refs.slice(0, 5).map((r) => lineOf(r.doc, r.claim.span.start));
      const more = g.refs.length > 5 ? ` and ${g.refs.length - 5} more` : '';
      const mark = g === fact.consensus ? ' (most sources)' : '';
      out.push(`    ${displayValue(g.value)}${mark}: ${places.join(', ')}${more}`);
    }
  }
  return out;
}

function describeEntity(e: Entity): string {
  if (e.kind === 'acronym') {
    const how = e.expansion
      ? ` = ${e.expansion}${e.expansionSource === 'glossary' ? ' (glossary)' : ''}`
      : ' (no expansion)';
    return `${e.name}${how}`;
  }
  const titles = [...new Set(e.titles.map((t) => t.text))];
  return `${e.name}${e.kind === 'official' ? ' [official]' : ''}${titles.length ? ': ' + titles.join('; ') : ''}`;
}

function takeFlag(args: string[], flag: string): boolean {
  const i = args.indexOf(flag);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

function takeOption(args: string[], option: string): string | undefined {
  const i = args.indexOf(option);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0';

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `corpus-annotator: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
