// Reads and analyses many files on worker threads (one per core), so that the first scan of
// a large corpus uses every core and the thread that answers requests stays free. Falls
// back to analysing in-process when workers cannot start (a missing bundle, a sandbox).
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyseDocument, type AnalysisOptions, type DocumentAnalysis } from '../analysis/documentAnalysis';
import type { WorkRequest, WorkResult } from './analysisWorker';
import { readText } from './corpusFiles';

export type Analysed =
  { file: string; ok: true; analysis: DocumentAnalysis } | { file: string; ok: false; reason: string };

/**
 * Files go to a worker a few at a time, and their analyses come back together: one message
 * each way per batch, not per file (ten thousand messages cost the main thread half a
 * second). Two batches are in flight, so a worker never waits for this thread.
 */
const BATCH = 8;
const IN_FLIGHT = 2;

export class AnalysisPool {
  private workers: Worker[] = [];
  private failed = false;

  constructor(
    private readonly workerScript = path.join(__dirname, 'analysisWorker.js'),
    private readonly size = Math.max(1, Math.min(4, availableParallelism())),
  ) {}

  /** Analyses `files`, calling `done` for each as it finishes (in any order). */
  async analyse(
    files: readonly string[],
    maxBytes: number,
    options: AnalysisOptions,
    done: (result: Analysed) => void,
  ): Promise<void> {
    if (files.length === 0) return;
    const workers = this.start();
    if (workers.length === 0) return this.inProcess(files, maxBytes, options, done);
    let next = 0;
    /** Files a worker had taken when it died: finished in-process, not lost. */
    const orphaned: string[] = [];
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const taken = new Set<number>();
            const finish = () => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              resolve();
            };
            const send = () => {
              if (next >= files.length) {
                // done when every file sent to this worker has come back
                if (taken.size === 0) finish();
                return;
              }
              const ids: number[] = [];
              while (ids.length < BATCH && next < files.length) ids.push(next++);
              for (const id of ids) taken.add(id);
              const request: WorkRequest = { ids, files: ids.map((id) => files[id]), maxBytes, options };
              worker.postMessage(request);
            };
            const onMessage = (m: { results: WorkResult[] }) => {
              for (const r of m.results) {
                taken.delete(r.id);
                const file = files[r.id];
                done(
                  r.ok
                    ? { file, ok: true, analysis: r.analysis! }
                    : { file, ok: false, reason: r.reason ?? 'failed' },
                );
              }
              send();
            };
            const onError = () => {
              // a worker died: finish its share in-process rather than lose files
              this.failed = true;
              for (const id of taken) orphaned.push(files[id]);
              taken.clear();
              finish();
            };
            worker.on('message', onMessage);
            worker.once('error', onError);
            // a few files ahead, so a worker never waits for this thread to ask for more
            for (let i = 0; i < IN_FLIGHT; i++) send();
          }),
      ),
    );
    const rest = [...orphaned, ...files.slice(Math.min(next, files.length))];
    if (rest.length) await this.inProcess(rest, maxBytes, options, done);
  }

  private start(): Worker[] {
    if (this.failed || this.size < 2) return [];
    if (this.workers.length) return this.workers;
    try {
      for (let i = 0; i < this.size; i++) {
        const worker = new Worker(this.workerScript);
        worker.unref();
        this.workers.push(worker);
      }
    } catch {
      this.failed = true;
      this.dispose();
    }
    return this.workers;
  }

  private async inProcess(
    files: readonly string[],
    maxBytes: number,
    options: AnalysisOptions,
    done: (result: Analysed) => void,
  ): Promise<void> {
    for (const file of files) {
      const read = await readText(file, maxBytes);
      done(
        read.ok
          ? { file, ok: true, analysis: analyseDocument(read.text, options) }
          : { file, ok: false, reason: read.reason },
      );
    }
  }

  dispose(): void {
    for (const w of this.workers) void w.terminate();
    this.workers = [];
  }
}
