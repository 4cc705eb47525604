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
  type MessageConnection,
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
  /** Every request and notification the server sent, by method, in order (params). */
  received: Map<string, unknown[]>;
  /** Resolves with the params of the `n`-th message of `method` (1-based) once it has come. */
  receivedNth(method: string, n?: number, timeoutMs?: number): Promise<unknown>;
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** Added to the server's environment. */
  env?: Record<string, string>;
  initializationOptions?: unknown;
  /** What `workspace/configuration` answers for `corpusAnnotator` (default: nothing set). */
  settings?: unknown;
  /** `capabilities.workspace` entries added to the editor's (e.g. `codeLens: { refreshSupport: true }`). */
  workspaceCapabilities?: Record<string, unknown>;
}

/** Writes `files` (relative path -> text) into a fresh folder and starts the server on it. */
export async function startServer(
  files: Record<string, string>,
  options: StartOptions = {},
): Promise<TestServer> {
  const folder = mkdtempSync(path.join(tmpdir(), 'corpus-annotator-'));
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(folder, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const child = spawn(process.execPath, [SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  // everything the server sends is kept, for the tests that look at what an editor is told
  const received = new Map<string, unknown[]>();
  const receivedWaiters: { method: string; n: number; resolve: (p: unknown) => void }[] = [];
  const keep = (method: string, params: unknown) => {
    const list = received.get(method) ?? [];
    list.push(params);
    received.set(method, list);
    for (const w of [...receivedWaiters]) {
      if (w.method === method && list.length >= w.n) {
        receivedWaiters.splice(receivedWaiters.indexOf(w), 1);
        w.resolve(list[w.n - 1]);
      }
    }
  };
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
    keep('$/progress', p);
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
  // (handlers for any method; the methods with handlers of their own keep theirs below)
  const any = connection as unknown as Pick<MessageConnection, 'onNotification' | 'onRequest'>;
  any.onNotification((method: string, params: unknown) => keep(method, params));
  // the server asks for configuration and registers capabilities: answer like an editor would
  any.onRequest((method: string, params: unknown) => {
    keep(method, params);
    if (method === 'workspace/configuration')
      return (params as { items: unknown[] }).items.map(() => options.settings ?? {});
    return null; // registrations, progress tokens, refreshes
  });
  connection.listen();
  const uri = (rel: string) => pathToFileURL(path.join(folder, rel)).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }],
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        ...options.workspaceCapabilities,
      },
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
    received,
    receivedNth(method, n = 1, timeoutMs = 10_000) {
      const have = received.get(method);
      if (have && have.length >= n) return Promise.resolve(have[n - 1]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${method} #${n} from the server within ${timeoutMs} ms`)),
          timeoutMs,
        );
        receivedWaiters.push({ method, n, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
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
