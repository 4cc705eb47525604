// The corpus-annotator.json files of the workspace, by folder, parsed: which folders are
// declared corpora, and the glossary and dismissed conflicts they add, merged.
import * as path from 'node:path';
import {
  CONFIG_FILE_NAME,
  emptyConfig,
  oversizedConfig,
  parseCorpusConfig,
  type CorpusConfig,
} from '../analysis/corpusConfig';
import type { Finding } from '../analysis/types';

interface ConfigEntry {
  file: string;
  config: CorpusConfig;
  text: string;
}

export class CorpusConfigs {
  /** Folders holding a corpus-annotator.json, with its parsed content. */
  private readonly byFolder = new Map<string, ConfigEntry>();

  /** Records the config file `file` with content `text`. */
  set(file: string, text: string): void {
    this.byFolder.set(path.dirname(file), { file, config: parseCorpusConfig(text), text });
  }

  /** Records a config file too large to read: it declares its folder, and says why it is unused. */
  setOversized(file: string, size: string): void {
    this.byFolder.set(path.dirname(file), { file, config: oversizedConfig(size), text: '' });
  }

  /** Forgets the config file of folder `dir`. */
  deleteFolder(dir: string): void {
    this.byFolder.delete(dir);
  }

  hasFolder(dir: string): boolean {
    return this.byFolder.has(dir);
  }

  /** The text of the config file in `key`'s folder, if any. */
  textIn(key: string): string | undefined {
    return this.byFolder.get(path.dirname(key))?.text;
  }

  /** Every config merged, folders in sorted order (a later one's glossary entry wins). */
  merged(): CorpusConfig {
    const merged = emptyConfig();
    for (const dir of [...this.byFolder.keys()].sort()) {
      const { config } = this.byFolder.get(dir)!;
      config.glossary.forEach((v, k) => merged.glossary.set(k, v));
      config.dismissed.forEach((d) => merged.dismissed.add(d));
      config.tags.forEach((v, k) => merged.tags.set(k, v));
    }
    return merged;
  }

  /** The findings of the config file `key`, undefined when `key` is not a known config file. */
  findings(key: string): Finding[] | undefined {
    const entry = this.byFolder.get(path.dirname(key));
    return entry && entry.file === key ? entry.config.findings : undefined;
  }

  /**
   * The config file that governs `key`: the nearest above it, or a new one at the root of
   * its workspace folder (`roots`), or beside it.
   */
  fileFor(key: string, roots: readonly string[]): string {
    for (let dir = path.dirname(key); ; dir = path.dirname(dir)) {
      const entry = this.byFolder.get(dir);
      if (entry) return entry.file;
      if (path.dirname(dir) === dir) break;
    }
    const root = roots.find((r) => !path.relative(r, key).startsWith('..')) ?? path.dirname(key);
    return path.join(root, CONFIG_FILE_NAME);
  }

  /** The folder of the config file nearest above `key`, with its content, if any. */
  nearest(key: string): { dir: string; config: CorpusConfig } | undefined {
    for (let dir = path.dirname(key); ; dir = path.dirname(dir)) {
      const entry = this.byFolder.get(dir);
      if (entry) return { dir, config: entry.config };
      if (path.dirname(dir) === dir) return undefined;
    }
  }

  /** The folders holding a config file, each with its content. */
  folders(): { dir: string; config: CorpusConfig }[] {
    return [...this.byFolder].map(([dir, entry]) => ({ dir, config: entry.config }));
  }

  /** Whether a folder above `key` holds a config file. */
  declares(key: string): boolean {
    for (let dir = path.dirname(key); ; dir = path.dirname(dir)) {
      if (this.byFolder.has(dir)) return true;
      if (path.dirname(dir) === dir) return false;
    }
  }
}
