// A worker thread of the analysis pool: reads files and analyses them, off the thread that
// answers requests. Messages: in { id, file, maxBytes, options }, out { id, ok, analysis | reason }.
import { parentPort } from 'node:worker_threads';
import { analyseDocument, type AnalysisOptions } from '../analysis/documentAnalysis';
import { readTextSync } from './corpusFiles';

export interface WorkRequest {
  id: number;
  file: string;
  maxBytes: number;
  options: AnalysisOptions;
}

parentPort?.on('message', (request: WorkRequest) => {
  try {
    const read = readTextSync(request.file, request.maxBytes);
    if (!read.ok) parentPort!.postMessage({ id: request.id, ok: false, reason: read.reason });
    else {
      const analysis = analyseDocument(read.text, request.options);
      // a large file's sections serve incremental edits of open buffers; sent along, they
      // would be copied to the main thread beside the merged analysis, twice the memory
      delete analysis.parts;
      parentPort!.postMessage({ id: request.id, ok: true, analysis });
    }
  } catch (error) {
    parentPort!.postMessage({ id: request.id, ok: false, reason: `analysis failed: ${String(error)}` });
  }
});
