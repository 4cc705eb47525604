// Reading corpus files from disk, for the command line and the server session alike: a
// file is decoded as UTF-8 or skipped with a reason (binary, not UTF-8, unreadable), never
// a crash. The engine never reads a file itself.
import { promises as fs, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../analysis/corpusConfig';

export type ReadResult =
  | { ok: true; text: string }
  /** `tooLarge`: the file is there and readable, but over the size limit. */
  | { ok: false; reason: string; tooLarge?: boolean };

/** Decodes bytes as a text file: BOM kept (offsets count it), NUL bytes mean binary. */
export function decodeText(bytes: Uint8Array): ReadResult {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    // ignoreBOM is false by default and would strip it; the guidelines keep it as a character
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not UTF-8 text' };
  }
}

export async function readText(file: string, maxBytes = Number.POSITIVE_INFINITY): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    return tooBig(stat, maxBytes) ?? decodeText(await fs.readFile(file));
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * The same, blocking: for the scan's worker threads, which have nothing else to do while a
 * file is read, and for which the asynchronous calls' round trips cost more than the reads.
 */
export function readTextSync(file: string, maxBytes = Number.POSITIVE_INFINITY): ReadResult {
  try {
    return tooBig(statSync(file), maxBytes) ?? decodeText(readFileSync(file));
  } catch (error) {
    return unreadable(error);
  }
}

function tooBig(stat: Stats, maxBytes: number): ReadResult | undefined {
  if (!stat.isFile()) return { ok: false, reason: 'not a file' };
  if (stat.size <= maxBytes) return undefined;
  return {
    ok: false,
    reason: `${Math.round(stat.size / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit`,
    tooLarge: true,
  };
}

function unreadable(error: unknown): ReadResult {
  return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
}

/** Folders we never descend into: tools' and version control's own. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);

/**
 * The `.txt` files and `corpus-annotator.json` files under `root`, sorted, skipping tools'
 * folders and hidden ones, following no symbolic links. The CLI and the server's scan both
 * walk with this, so they see the same files.
 */
export async function walkCorpus(root: string): Promise<{ texts: string[]; configs: string[] }> {
  const texts: string[] = [];
  const configs: string[] = [];
  async function visit(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await visit(full);
      } else if (e.isFile()) {
        if (e.name === CONFIG_FILE_NAME) configs.push(full);
        else if (e.name.toLowerCase().endsWith('.txt')) texts.push(full);
      }
    }
  }
  await visit(root);
  return { texts, configs };
}

/** The nearest `corpus-annotator.json` in `dir` or its ancestors, or undefined. */
export async function findConfig(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      // not here; look further up
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Whether `file` is one `walkCorpus` would find under one of `roots`: inside a root, through
 * folders that are neither hidden nor tools' own, with no symbolic link on the way (the file
 * included). A file watcher's event obeys the same rule as the scan, so a link in the corpus
 * to /etc/passwd, or a path outside the workspace, is never read.
 */
export async function isScannable(roots: readonly string[], file: string): Promise<boolean> {
  for (const root of roots) {
    const rel = path.relative(root, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const parts = rel.split(path.sep);
    let at = root;
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const name = parts[i];
      const last = i === parts.length - 1;
      if (!last && (SKIP_DIRS.has(name) || name.startsWith('.'))) ok = false;
      else {
        at = path.join(at, name);
        try {
          const stat = await fs.lstat(at);
          ok = last ? stat.isFile() : stat.isDirectory();
        } catch {
          ok = false;
        }
      }
    }
    if (ok) return true;
  }
  return false;
}
