// A minimal LSP client for the benchmark: spawns the real bundled server
// (`node dist/server.js --stdio`), speaks JSON-RPC over its stdio, answers the few requests
// a server sends to its client (progress tokens, registrations, configuration), and records
// what the server pushes (log messages, progress, diagnostics) with a monotonic timestamp,
// so the bench can wait for "the scan ended" or "diagnostics for file X arrived" with a
// time limit. Every wait is time-boxed: a timeout rejects with what was awaited.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

/** Milliseconds on a monotonic clock (the same clock V8's CPU profiles use, in µs there). */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface DiagnosticsEvent {
  uri: string;
  diagnostics: Diagnostic[];
  at: number;
  /** Running count of publishDiagnostics received, all files together. */
  seq: number;
}

export interface LogEvent {
  type: number;
  message: string;
  at: number;
}

export interface ServerOptions {
  serverPath: string;
  /** Extra node flags, e.g. `--cpu-prof --cpu-prof-dir DIR`. */
  nodeArgs?: string[];
  /** Where the server's stderr goes (default: kept in memory, last 64 KB, for error messages). */
  onStderr?: (chunk: string) => void;
}

type Waiter = { test: () => boolean; resolve: () => void };

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  /** The latest diagnostics per URI. */
  readonly diagnostics = new Map<string, DiagnosticsEvent>();
  /** How many publishDiagnostics each URI has received. */
  readonly diagnosticsCount = new Map<string, number>();
  readonly logs: LogEvent[] = [];
  /** Work-done progress `end`s seen, with their time. */
  readonly progressEnds: number[] = [];
  diagnosticsSeq = 0;
  /** Called on every publishDiagnostics, before waiters are checked. */
  readonly diagnosticsListeners = new Set<(event: DiagnosticsEvent) => void>();
  private stderrTail = '';
  private exited: { code: number | null; signal: string | null } | null = null;
  private readonly waiters = new Set<Waiter>();
  /** Rejects when the process exits: raced against every request. */
  private readonly died: Promise<never>;

  constructor(options: ServerOptions) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.setEncoding('utf8');
    this.process.stderr!.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-65536);
      options.onStderr?.(chunk);
    });
    this.died = new Promise<never>((_, reject) => {
      this.process.on('exit', (code, signal) => {
        this.exited = { code, signal };
        reject(this.deathError('an answer'));
        this.notify();
      });
    });
    this.died.catch(() => {}); // only a failure when someone is waiting
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; diagnostics: Diagnostic[] }) => {
        const event = { uri: p.uri, diagnostics: p.diagnostics, at: now(), seq: ++this.diagnosticsSeq };
        this.diagnostics.set(p.uri, event);
        this.diagnosticsCount.set(p.uri, (this.diagnosticsCount.get(p.uri) ?? 0) + 1);
        for (const listener of this.diagnosticsListeners) listener(event);
        this.notify();
      },
    );
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push({ ...p, at: now() });
      this.notify();
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.logs.push({ ...p, at: now() });
      this.notify();
    });
    this.connection.onNotification('$/progress', (p: { token: unknown; value: { kind: string } }) => {
      if (p.value?.kind === 'end') {
        this.progressEnds.push(now());
        this.notify();
      }
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    // no settings: the server uses its defaults, as in a fresh install
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
      p.items.map(() => null),
    );
    this.connection.onError(([error]) => {
      this.stderrTail += `\n[client] protocol error: ${String(error)}`;
    });
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** The server's last stderr output, for failure messages. */
  get stderr(): string {
    return this.stderrTail;
  }

  /** Resident memory of the server process, in bytes (Linux `/proc/PID/status` VmRSS). */
  rssBytes(): number | null {
    return this.statusBytes('VmRSS');
  }

  /** Peak resident memory so far (VmHWM), in bytes. */
  peakRssBytes(): number | null {
    return this.statusBytes('VmHWM');
  }

  private statusBytes(field: 'VmRSS' | 'VmHWM'): number | null {
    try {
      const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(
        readFileSync(`/proc/${this.pid}/status`, 'utf8'),
      );
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }

  /** Sends a request; rejects after `timeoutMs` (the request is cancelled) or if the server dies. */
  async request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    this.assertAlive(method);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timeout: ${method} got no answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([
        this.connection.sendRequest(method, params) as Promise<R>,
        timeout,
        this.died,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  notify(): void {
    for (const w of [...this.waiters]) {
      if (w.test() || this.exited) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  async sendNotification(method: string, params: unknown): Promise<void> {
    this.assertAlive(method);
    await this.connection.sendNotification(method, params);
  }

  /** Resolves when `test()` holds; rejects with `what` after `timeoutMs` or if the server exits. */
  waitFor(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    this.assertAlive(what);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timeout after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          if (this.exited && !test()) reject(this.deathError(what));
          else resolve();
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Waits for the next publishDiagnostics of `uri` after the `count`th one. */
  waitForDiagnostics(uri: string, count: number, timeoutMs: number, what: string): Promise<DiagnosticsEvent> {
    return this.waitFor(() => (this.diagnosticsCount.get(uri) ?? 0) > count, timeoutMs, what).then(() =>
      this.diagnostics.get(uri)!,
    );
  }

  /** Resolves once no publishDiagnostics has arrived for `quietMs` (a round has landed). */
  async quiet(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = now() + timeoutMs;
    for (;;) {
      const seq = this.diagnosticsSeq;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (seq === this.diagnosticsSeq) return;
      if (now() > deadline) throw new Error(`timeout: diagnostics still arriving after ${timeoutMs} ms`);
    }
  }

  /** shutdown + exit, then SIGKILL if the process is still there after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, graceMs);
      await this.connection.sendNotification('exit');
    } catch {
      // a server that does not answer is killed below
    }
    const gone = new Promise<void>((resolve) => {
      if (this.exited) resolve();
      else this.process.once('exit', () => resolve());
    });
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
    this.connection.dispose();
  }

  private assertAlive(what: string): void {
    if (this.exited) throw this.deathError(what);
  }

  private deathError(what: string): Error {
    const e = this.exited;
    return new Error(
      `the server exited (code ${e?.code}, signal ${e?.signal}) while waiting for ${what}; stderr:\n${this.stderrTail.slice(-4000)}`,
    );
  }
}
