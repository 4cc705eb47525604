// A worker thread of the analysis pool: reads files and analyses them, off the thread that
// answers requests. Messages: in a batch of files (WorkRequest), out their results (WorkResult[]).
// Which file it is on goes through shared memory (workerData.progress), for the pool's watchdog.
import { parentPort, workerData } from 'node:worker_threads';
import { analyseDocument, type AnalysisOptions, type DocumentAnalysis } from '../analysis/documentAnalysis';
import { readTextSync } from './corpusFiles';

export interface WorkRequest {
  ids: number[];
  files: string[];
  maxBytes: number;
  options: AnalysisOptions;
}

export interface WorkResult {
  id: number;
  ok: boolean;
  analysis?: DocumentAnalysis;
  reason?: string;
}

/** [file id + 1, or 0 between files; files started so far] (see AnalysisPool's watchdog). */
const progress: Int32Array | undefined = (workerData as { progress?: Int32Array } | null)?.progress;

// The engine builds its tables on first use (tens of milliseconds): done now, before any file,
// so that it does not count against the first file's time budget
if (parentPort)
  analyseDocument(
    'On March 5, 2019, President Jane Doe said NATO (the North Atlantic Treaty Organization) met.\n',
  );

parentPort?.on('message', (request: WorkRequest) => {
  const results = request.files.map((file, i): WorkResult => {
    const id = request.ids[i];
    if (progress) {
      Atomics.store(progress, 0, id + 1);
      Atomics.add(progress, 1, 1);
    }
    try {
      const read = readTextSync(file, request.maxBytes);
      if (!read.ok) return { id, ok: false, reason: read.reason };
      const analysis = analyseDocument(read.text, request.options);
      // a large file's sections serve incremental edits of open buffers; sent along, they
      // would be copied to the main thread beside the merged analysis, twice the memory
      delete analysis.parts;
      return { id, ok: true, analysis };
    } catch (error) {
      return { id, ok: false, reason: `analysis failed: ${String(error)}` };
    }
  });
  if (progress) Atomics.store(progress, 0, 0);
  parentPort!.postMessage({ results });
});
