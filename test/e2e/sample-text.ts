// Where words are in the sample texts, computed from the files themselves so that the editor checks
// (code-server, test-electron) follow the samples if they change. No editor or browser imports: the
// test-electron suite loads this inside VS Code's extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A 1-based line and column, as VS Code's status bar shows them ("Ln 2, Col 40"). */
export interface LineCol {
  line: number;
  /** 1-based, in UTF-16 code units (what VS Code counts; differs from bytes after a curly quote). */
  col: number;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based position of the `occurrence`-th `word` (whole word) on 1-based `line` of `text`. */
export function findWord(text: string, line: number, word: string, occurrence = 1): LineCol {
  const lines = text.split(/\r\n|\r|\n/);
  const content = lines[line - 1];
  if (content === undefined) throw new Error(`the sample has no line ${line}`);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu');
  let seen = 0;
  for (const m of content.matchAll(pattern)) {
    if (++seen === occurrence) return { line, col: (m.index ?? 0) + 1 };
  }
  throw new Error(`the sample has no "${word}" (#${occurrence}) on line ${line}`);
}

/** The first line (1-based) of `text` holding `word` as a whole word. */
export function lineOf(text: string, word: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u');
  const index = lines.findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`the sample has no "${word}"`);
  return index + 1;
}

/** The .txt files under `folder` (relative, '/'-separated, sorted) that mention `word` as a whole word. */
export function filesMentioning(folder: string, word: string): string[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u');
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(folder, dir), { withFileTypes: true })) {
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (
        entry.name.endsWith('.txt') &&
        pattern.test(fs.readFileSync(path.join(folder, relative), 'utf8'))
      )
        found.push(relative);
    }
  };
  walk('');
  return found.sort();
}
