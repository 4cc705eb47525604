// Where files are: the workspace folders, and the two names of a file (its index key and its
// URI). Index keys are file-system paths for `file:` documents and the URI otherwise (untitled).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';

export class WorkspacePaths {
  /** The workspace folders, as file-system paths. */
  roots: string[] = [];
  private readonly uris = new Map<string, string>();

  setRoots(folders: WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const uris = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
    this.roots = uris.filter((u) => u.startsWith('file:')).map((u) => this.keyOf(u));
  }

  keyOf(uri: string): string {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        return uri;
      }
    }
    return uri;
  }

  uriOf(key: string): string {
    // asked for every location of every answer: remembered per file
    let uri = this.uris.get(key);
    if (uri === undefined) {
      uri = key.startsWith('/') || /^[A-Za-z]:[\\/]/.test(key) ? pathToFileURL(key).href : key;
      if (this.uris.size >= 1_000_000) this.uris.clear();
      this.uris.set(key, uri);
    }
    return uri;
  }

  /** `key` relative to the first workspace folder that holds it, or undefined. */
  relative(key: string): string | undefined {
    for (const root of this.roots) {
      const rel = path.relative(root, key);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
    }
    return undefined;
  }

  /** A short path for messages: relative to its workspace folder. */
  displayPath(key: string): string {
    return this.relative(key) ?? key;
  }
}
