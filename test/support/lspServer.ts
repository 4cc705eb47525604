// Drives the real bundled server (`dist/server.js --stdio`) over JSON-RPC in a temporary
// workspace, for the protocol tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  folder: string;
  uri(relative: string): string;
  /** The latest diagnostics published for a file, waiting until `until` holds (or times out). */
  diagnostics(
    relative: string,
    until?: (d: PublishDiagnosticsParams) => boolean,
  ): Promise<PublishDiagnosticsParams>;
  logs: string[];
  /** How many publishDiagnostics notifications have arrived so far (to wait for quiet). */
  publishCount(): number;
  /** Every file's latest published diagnostics, by URI. */
  allDiagnostics(): Map<string, PublishDiagnosticsParams>;
  /** Whether the server has published diagnostics for the file at least once. */
  everPublished(relative: string): boolean;
  /** Resolves when a work-done progress has ended (the scan's: after its first diagnostics). */
  progressEnded(): Promise<void>;
  /** Resolves when the server logs a line matching `re` (e.g. the end of the scan). */
  logged(re: RegExp): Promise<void>;
  stop(): Promise<number | null>;
}

/** Writes `files` (relative path -> text) into a fresh folder and starts the server on it. */
export async function startServer(
  files: Record<string, string>,
  /** What the editor answers to `workspace/configuration` (the `corpusAnnotator` section). */
  settings: Record<string, unknown> = {},
): Promise<TestServer> {
  const folder = mkdtempSync(path.join(tmpdir(), 'corpus-annotator-'));
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(folder, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const latest = new Map<string, PublishDiagnosticsParams>();
  let published = 0;
  const waiters: {
    uri: string;
    until: (d: PublishDiagnosticsParams) => boolean;
    resolve: (d: PublishDiagnosticsParams) => void;
  }[] = [];
  const logs: string[] = [];
  let progressEnds = 0;
  const progressWaiters: (() => void)[] = [];
  connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
    if (p.value?.kind !== 'end') return;
    progressEnds++;
    for (const resolve of progressWaiters.splice(0)) resolve();
  });
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p);
    published++;
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.until(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  const logWaiters: { re: RegExp; resolve: () => void }[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    for (const w of [...logWaiters]) {
      if (w.re.test(p.message)) {
        logWaiters.splice(logWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  // the server asks for configuration and registers capabilities: answer like an editor would
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const uri = (rel: string) => pathToFileURL(path.join(folder, rel)).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { hover: { contentFormat: ['markdown'] } },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    folder,
    uri,
    logs,
    everPublished: (rel) => latest.has(uri(rel)),
    publishCount: () => published,
    allDiagnostics: () => new Map(latest),
    progressEnded() {
      if (progressEnds > 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no work-done progress ended within 10 s')), 10_000);
        progressWaiters.push(() => (clearTimeout(timer), resolve()));
      });
    },
    logged(re) {
      if (logs.some((l) => re.test(l))) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the server did not log ${re} within 10 s`)), 10_000);
        logWaiters.push({ re, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    diagnostics(rel, until = () => true) {
      const u = uri(rel);
      const have = latest.get(u);
      if (have && until(have)) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no diagnostics for ${rel} within 10 s (logs: ${logs.join(' | ')})`)),
          10_000,
        );
        waiters.push({
          uri: u,
          until,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
      });
    },
    async stop() {
      await connection.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      rmSync(folder, { recursive: true, force: true });
      return code;
    },
  };
}

/** The line/character of the `n`-th occurrence of `needle` in `text` (UTF-16, as LSP). */
export function positionOf(
  text: string,
  needle: string,
  n = 0,
  delta = 0,
): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${n} not found`);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: at - lineStart };
}
