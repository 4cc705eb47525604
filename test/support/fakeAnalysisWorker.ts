// A stand-in for the analysis worker, for the pool's tests: it speaks the same protocol
// (WorkRequest in, results out, the file it is on in shared memory) but decides by the
// file's name: `hang` never comes back, `crash` kills the thread, anything else is analysed
// as an empty text.
import { parentPort, workerData } from 'node:worker_threads';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';
import type { WorkRequest, WorkResult } from '../../server/src/node/analysisWorker';

const progress = (workerData as { progress?: Int32Array } | null)?.progress;

parentPort?.on('message', (request: WorkRequest) => {
  const results: WorkResult[] = [];
  request.files.forEach((file, i) => {
    const id = request.ids[i];
    if (progress) {
      Atomics.store(progress, 0, id + 1);
      Atomics.add(progress, 1, 1);
    }
    if (file.includes('hang')) for (;;);
    if (file.includes('crash')) process.exit(3);
    results.push({ id, ok: true, analysis: analyseDocument(file) });
  });
  if (progress) Atomics.store(progress, 0, 0);
  parentPort!.postMessage({ results });
});
