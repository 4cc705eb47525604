// Reads and analyses many files on worker threads (one per core), so that the first scan of
// a large corpus uses every core and the thread that answers requests stays free. Falls
// back to analysing in-process when workers cannot start (a missing bundle, a sandbox).
//
// Each file has a time budget. A worker tells, through shared memory and without a message,
// which file it is on; a watchdog replaces a worker that stays on one file past the budget
// (terminates it, starts another, hands the rest of its batch on), and the file is reported as
// over budget. One pathological file costs the budget, never the corpus.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  analyseDocument,
  notAnalysed,
  type AnalysisOptions,
  type DocumentAnalysis,
} from '../analysis/documentAnalysis';
import type { WorkRequest, WorkResult } from './analysisWorker';
import { readText } from './corpusFiles';

export type Analysed =
  | { file: string; ok: true; analysis: DocumentAnalysis }
  /** `overBudget`: the analysis ran past the time budget and was stopped. */
  | { file: string; ok: false; reason: string; overBudget?: boolean };

/**
 * Files go to a worker a few at a time, and their analyses come back together: one message
 * each way per batch, not per file (ten thousand messages cost the main thread half a
 * second). Two batches are in flight, so a worker never waits for this thread.
 */
const BATCH = 8;
const IN_FLIGHT = 2;

/** How long one file may take, by default. The slowest real file we know takes well under 1 s. */
export const DEFAULT_FILE_BUDGET_MS = 20_000;

/**
 * What the index holds for a file whose analysis failed or ran past the budget: nothing
 * recognised, and a finding that says why (a diagnostic on the file). Undefined for a file
 * skipped by rule (missing, over the size limit, not text), which is not indexed at all.
 */
export function failureAnalysis(result: Analysed, budgetMs: number): DocumentAnalysis | undefined {
  if (result.ok) return result.analysis;
  if (result.overBudget)
    return notAnalysed(
      '',
      'analysis-timeout',
      result.reason,
      `Not analysed: the analysis took longer than ${budgetMs / 1000} s (setting corpusAnnotator.analysisTimeBudget). The rest of the corpus is analysed.`,
    );
  if (result.reason.startsWith('analysis failed'))
    return notAnalysed('', 'analysis-failed', result.reason, `Not analysed: ${result.reason}.`);
  return undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's own listener type
type Listener = (...args: any[]) => void;

/** A worker and what it has been given. */
interface Slot {
  worker: Worker;
  /** [file id + 1 (0: between files), files started]: written by the worker. */
  progress: Int32Array;
  /** Ids sent to this worker and not yet answered. */
  taken: Set<number>;
  /** What the watchdog saw last, and since when. */
  seen: { current: number; started: number; since: number };
  /** The worker answered at least once or started a file: it can run. */
  ran: boolean;
  /** Our listeners on the worker, removed one by one (removeAllListeners would take Node's own). */
  listeners: [string, Listener][];
}

export class AnalysisPool {
  private failed = false;
  /** Workers kept between calls (starting one costs tens of milliseconds). */
  private idle: { worker: Worker; progress: Int32Array; drop: () => void }[] = [];

  constructor(
    private readonly workerScript = path.join(__dirname, 'analysisWorker.js'),
    private readonly size = Math.max(1, Math.min(4, availableParallelism())),
    /** Per file, in milliseconds (the server sets it from its settings). */
    public budgetMs = DEFAULT_FILE_BUDGET_MS,
  ) {}

  /** Analyses `files`, calling `done` for each as it finishes (in any order). */
  async analyse(
    files: readonly string[],
    maxBytes: number,
    options: AnalysisOptions,
    done: (result: Analysed) => void,
  ): Promise<void> {
    if (files.length === 0) return;
    if (this.failed || this.size < 1) return this.inProcess(files, maxBytes, options, done);
    let next = 0;
    /** Ids handed back by a worker that was replaced: sent again before the rest. */
    const again: number[] = [];
    /** Files a worker that could not run had taken: finished in-process, not lost. */
    const orphaned: string[] = [];
    const slots: Slot[] = [];
    const remaining = () => again.length > 0 || next < files.length;
    let finishAll: () => void = () => undefined;
    const allDone = new Promise<void>((resolve) => (finishAll = resolve));
    let live = 0;

    /** The slot leaves this call: its worker is kept for the next (`keep`) or terminated. */
    const retire = (slot: Slot, keep = false) => {
      const at = slots.indexOf(slot);
      if (at < 0) return;
      slots.splice(at, 1);
      for (const [event, fn] of slot.listeners) slot.worker.off(event, fn);
      if (keep) this.keepIdle(slot.worker, slot.progress);
      else void slot.worker.terminate();
      if (--live === 0) finishAll();
    };
    const send = (slot: Slot) => {
      if (!remaining()) {
        // done when every file sent to this worker has come back
        if (slot.taken.size === 0) retire(slot, true);
        return;
      }
      const ids: number[] = [];
      while (ids.length < BATCH && again.length) ids.push(again.shift()!);
      while (ids.length < BATCH && next < files.length) ids.push(next++);
      for (const id of ids) slot.taken.add(id);
      const request: WorkRequest = { ids, files: ids.map((id) => files[id]), maxBytes, options };
      slot.worker.postMessage(request);
    };
    const start = (): Slot | undefined => {
      const kept = this.idle.pop();
      if (kept) {
        kept.worker.off('exit', kept.drop);
        kept.worker.off('error', kept.drop);
      }
      let worker: Worker;
      let progress: Int32Array;
      if (kept) ({ worker, progress } = kept);
      else {
        progress = new Int32Array(new SharedArrayBuffer(8));
        try {
          worker = new Worker(this.workerScript, { workerData: { progress } });
        } catch {
          return undefined;
        }
        worker.unref();
      }
      const slot: Slot = {
        worker,
        progress,
        taken: new Set(),
        seen: { current: 0, started: Atomics.load(progress, 1), since: Date.now() },
        ran: !!kept,
        listeners: [],
      };
      const listen = (event: string, fn: Listener) => {
        worker.on(event, fn);
        slot.listeners.push([event, fn]);
      };
      listen('message', (m: { results: WorkResult[] }) => {
        slot.ran = true;
        for (const r of m.results) {
          slot.taken.delete(r.id);
          const file = files[r.id];
          done(
            r.ok
              ? { file, ok: true, analysis: r.analysis! }
              : { file, ok: false, reason: r.reason ?? 'failed' },
          );
        }
        send(slot);
      });
      const lost = (why: string) => {
        if (!slots.includes(slot)) return; // already replaced (an error is followed by an exit)
        const current = Atomics.load(slot.progress, 0) - 1;
        if (!slot.ran && current < 0 && Atomics.load(slot.progress, 1) === 0) {
          // it never ran: no worker will (a missing bundle, a sandbox); finish in-process
          this.failed = true;
          for (const id of slot.taken) orphaned.push(files[id]);
          slot.taken.clear();
          retire(slot);
          return;
        }
        replace(slot, current, why);
      };
      listen('error', (error: unknown) => lost(`the analysis failed: ${String(error)}`));
      listen('exit', () => lost('the analysis stopped'));
      slots.push(slot);
      live++;
      return slot;
    };
    /** Stops `slot`'s worker; its file `current` is reported, the rest of its batch goes on. */
    const replace = (slot: Slot, current: number, reason: string, overBudget = false) => {
      for (const id of slot.taken) if (id !== current) again.push(id);
      slot.taken.clear();
      if (current >= 0)
        done({ file: files[current], ok: false, reason, ...(overBudget ? { overBudget } : {}) });
      // the new worker first: the call ends when the last worker leaves it
      if (remaining()) {
        const fresh = start();
        if (fresh) for (let i = 0; i < IN_FLIGHT; i++) send(fresh);
        else for (const id of again.splice(0)) orphaned.push(files[id]);
      }
      retire(slot);
    };

    const watchdog = setInterval(
      () => {
        const now = Date.now();
        for (const slot of [...slots]) {
          const current = Atomics.load(slot.progress, 0);
          const started = Atomics.load(slot.progress, 1);
          if (current !== slot.seen.current || started !== slot.seen.started) {
            slot.seen = { current, started, since: now };
            if (started > 0) slot.ran = true;
          } else if (current > 0 && now - slot.seen.since > this.budgetMs) {
            const seconds = this.budgetMs / 1000;
            replace(
              slot,
              current - 1,
              `analysis took longer than ${seconds} s (the time budget): skipped`,
              true,
            );
          }
        }
      },
      Math.max(10, Math.min(250, this.budgetMs / 4)),
    );
    try {
      for (let i = 0; i < this.size && remaining(); i++) {
        const slot = start();
        if (!slot) {
          this.failed = true;
          break;
        }
        // a few files ahead, so a worker never waits for this thread to ask for more
        for (let k = 0; k < IN_FLIGHT; k++) send(slot);
      }
      if (live > 0) await allDone;
    } finally {
      clearInterval(watchdog);
      for (const slot of [...slots]) retire(slot, slot.taken.size === 0);
    }
    const rest = [...orphaned, ...again.splice(0).map((id) => files[id]), ...files.slice(next)];
    if (rest.length) await this.inProcess(rest, maxBytes, options, done);
  }

  /** Without workers: no budget can stop an analysis here, so it is only a fallback. */
  private async inProcess(
    files: readonly string[],
    maxBytes: number,
    options: AnalysisOptions,
    done: (result: Analysed) => void,
  ): Promise<void> {
    for (const file of files) {
      const read = await readText(file, maxBytes);
      if (!read.ok) {
        done({ file, ok: false, reason: read.reason });
        continue;
      }
      let analysis: DocumentAnalysis;
      try {
        analysis = analyseDocument(read.text, options);
      } catch (error) {
        done({ file, ok: false, reason: `analysis failed: ${String(error)}` });
        continue;
      }
      done({ file, ok: true, analysis });
    }
  }

  /** Keeps a worker that finished its work for the next call; one that dies meanwhile is dropped. */
  private keepIdle(worker: Worker, progress: Int32Array): void {
    const entry = {
      worker,
      progress,
      drop: () => {
        this.idle = this.idle.filter((e) => e !== entry);
      },
    };
    worker.on('exit', entry.drop);
    worker.on('error', entry.drop);
    this.idle.push(entry);
  }

  dispose(): void {
    for (const { worker, drop } of this.idle.splice(0)) {
      worker.off('exit', drop);
      worker.off('error', drop);
      void worker.terminate();
    }
  }
}
