// A worker thread of the analysis pool: reads files and analyses them, off the thread that
// answers requests. Messages: in a batch of files (WorkRequest), out their results (WorkResult[]).
import { parentPort } from 'node:worker_threads';
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

parentPort?.on('message', (request: WorkRequest) => {
  const results = request.files.map((file, i): WorkResult => {
    const id = request.ids[i];
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
  parentPort!.postMessage({ results });
});
