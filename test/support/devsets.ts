// The shared dev sets (real TempEval articles with gold people, acronyms, dates and conflicts),
// built and scored as their READMEs say, for the quality floors in `test/quality/`.
//
// The sets live beside the repository, never in it (their data may not be copied into the
// project): `$CORPUS_ANNOTATOR_SHARED`, else `../shared` from the repository root. Where
// neither exists (a user's clone), the quality tests say so and skip; everything else runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

/** The shared folder, or undefined when this machine has none. */
export function sharedDir(): string | undefined {
  const candidates = [process.env.CORPUS_ANNOTATOR_SHARED, path.resolve(ROOT, '../shared')];
  return candidates.find((dir) => dir && existsSync(path.join(dir, 'eval/score.mjs')));
}

/** Why a quality test cannot run here, for its skip message. */
export const NO_SHARED =
  'the shared dev sets are not beside this clone (set CORPUS_ANNOTATOR_SHARED to their folder)';

function node(args: string[], cwd = ROOT): string {
  return execFileSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `OUT/original`, `OUT/planted` and their gold files (eval/conflicts/README.md). */
export function buildConflictSet(shared: string, out: string): void {
  node([path.join(shared, 'eval/conflicts/build.mjs'), path.join(shared, 'data/tempeval3-train.jsonl'), out]);
}

/** Writes the people set's article files into `txt` and its gold into `gold` (eval/people/README.md). */
export function buildPeopleSet(shared: string, txt: string, gold: string): void {
  node([
    path.join(shared, 'eval/people/build.mjs'),
    path.join(shared, 'data/tempeval3-train.jsonl'),
    path.join(shared, 'eval/people/spec.mjs'),
    txt,
    gold,
  ]);
}

/** `corpus-annotator analyze --json` over `paths`, as the README of each set runs it. */
export function analyzeJson(paths: string[], file: string): string {
  const json = node([path.join(ROOT, 'dist/cli.js'), 'analyze', '--json', ...paths]);
  writeFileSync(file, json);
  return file;
}

/** The figures `score.mjs` prints, by row: `{'names (relaxed span)': {P, R, F1}, 'names: official vs person': {value}}`. */
export type Scores = Record<string, Record<string, number>>;

export function score(shared: string, gold: string, predicted: string): { scores: Scores; text: string } {
  const text = node([path.join(shared, 'eval/score.mjs'), gold, predicted, '--show-errors']);
  const scores: Scores = {};
  for (const line of text.split('\n')) {
    const m = /^(\S[^]*?)\s{2,}((?:[A-Z][A-Za-z0-9]*\s+-?[\d.]+\s*)+)$/.exec(line);
    if (m) {
      const row: Record<string, number> = {};
      for (const [, k, v] of m[2].matchAll(/([A-Z][A-Za-z0-9]*)\s+(-?[\d.]+)/g)) row[k] = Number(v);
      scores[m[1].trim()] = row;
      continue;
    }
    // one space only where a label fills its column and the figure is 100.0:
    // `acronyms: expansion accuracy 100.0`
    const single = /^(\S[^]*?)\s+(-?[\d.]+)\s*$/.exec(line);
    if (single) scores[single[1].trim()] = { value: Number(single[2]) };
  }
  return { scores, text };
}
