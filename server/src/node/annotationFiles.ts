// The annotation stores on disk: where a source's store file is, reading the stores of a
// corpus, and writing one atomically (a temporary file beside it, then a rename), so that a
// reader never finds half a store and a crash leaves the old one whole.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeText } from './corpusFiles';

export const STORE_EXTENSION = '.jsonl';

/** The store file of `source` under the corpus root `root`, in the store folder `storeDir`. */
export function storeFileOf(root: string, storeDir: string, source: string): string {
  return path.join(root, storeDir, path.relative(root, source) + STORE_EXTENSION);
}

/** The source a store file speaks of, or undefined when it is not in that store folder. */
export function sourceOfStore(root: string, storeDir: string, file: string): string | undefined {
  const relative = path.relative(path.join(root, storeDir), file);
  if (relative.startsWith('..') || path.isAbsolute(relative) || !relative.endsWith(STORE_EXTENSION))
    return undefined;
  return path.join(root, relative.slice(0, -STORE_EXTENSION.length));
}

/** The source as the store names it: relative to the corpus root, with `/` (as git does). */
export function storeSourceName(root: string, source: string): string {
  return path.relative(root, source).split(path.sep).join('/');
}

/** Every store file under a store folder (sorted); none when the folder does not exist. */
export async function listStores(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function visit(d: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await visit(full);
      else if (e.isFile() && e.name.endsWith(STORE_EXTENSION)) out.push(full);
    }
  }
  await visit(dir);
  return out.sort();
}

/** A store's text; undefined when there is none, a reason when it cannot be read as text. */
export async function readStore(
  file: string,
): Promise<{ text: string } | { missing: true } | { error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { error: `cannot be read: ${(error as Error).message}` };
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? { text: decoded.text } : { error: decoded.reason };
}

/** Writes `text` to `file` atomically, making its folder; an empty text removes the file. */
export async function writeStoreAtomically(file: string, text: string): Promise<void> {
  if (text === '') {
    await fs.rm(file, { force: true });
    return;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    await fs.writeFile(temporary, text);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
