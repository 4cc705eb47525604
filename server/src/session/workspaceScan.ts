// The workspace scan: finds every corpus file under the workspace folders and indexes it on
// the analysis pool's workers, reporting work-done progress. Requests are answered meanwhile.
import type { Connection } from 'vscode-languageserver/node';
import type { CorpusIndex } from '../analysis/corpusIndex';
import type { AnalysisOptions } from '../analysis/documentAnalysis';
import { failureAnalysis, type AnalysisPool } from '../node/analysisPool';
import { walkCorpus } from '../node/corpusFiles';
import type { IndexReadiness } from './indexReadiness';

export interface ScanHost {
  readonly connection: Connection;
  readonly index: CorpusIndex;
  readonly pool: AnalysisPool;
  readonly roots: readonly string[];
  readonly readiness: IndexReadiness;
  readonly maxBytes: number;
  readonly analysisOptions: AnalysisOptions;
  loadConfig(file: string): Promise<void>;
  /** The config files are read (the readers' annotation stores can be found now). */
  configsLoaded?(): void;
  isCorpusFile(key: string): boolean;
  isOpen(key: string): boolean;
  displayPath(key: string): string;
}

/**
 * Scans `roots` (the workspace folders, or a folder just declared a corpus) and indexes what
 * it finds. Returns the progress to end once the scan's diagnostics are out, or undefined
 * when there is none (it ended here).
 */
export async function scanWorkspace(
  host: ScanHost,
  roots: readonly string[] = host.roots,
): Promise<{ done(): void } | undefined> {
  const { connection, index } = host;
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Corpus Annotator', 0, 'Finding corpus files…', false);
  let handedOn = false;
  try {
    const configFiles: string[] = [];
    const textFiles: string[] = [];
    for (const root of roots) {
      const found = await walkCorpus(root);
      configFiles.push(...found.configs);
      textFiles.push(...found.texts);
    }
    for (const file of configFiles) await host.loadConfig(file);
    host.configsLoaded?.();
    const corpus = textFiles.filter((f) => host.isCorpusFile(f));
    // the open buffer wins over the file on disk: it is analysed already, and counts as read
    // (every count the user sees is out of the same total: the corpus files found)
    const toRead = corpus.filter((f) => !host.isOpen(f));
    const total = corpus.length;
    let done = total - toRead.length;
    let skipped = 0;
    host.readiness.reading(total);
    host.readiness.progress(done);
    const report = () =>
      progress?.report(Math.round((100 * done) / Math.max(1, total)), `${done} of ${total} files`);
    report();
    let reported = Date.now();
    await host.pool.analyse(toRead, host.maxBytes, host.analysisOptions, (result) => {
      done++;
      host.readiness.progress(done);
      if (host.isOpen(result.file)) return; // opened while we read it
      // a file over the time budget, or whose analysis failed, is indexed with a finding on it
      const analysis = failureAnalysis(result, host.pool.budgetMs);
      if (analysis) index.replace(result.file, { path: result.file, version: 0, analysis });
      if (!result.ok) {
        skipped++;
        connection.console.info(`Skipped ${host.displayPath(result.file)}: ${result.reason}`);
      }
      if (Date.now() - reported > 200) {
        reported = Date.now();
        report();
      }
    });
    connection.console.info(
      `Corpus Annotator: indexed ${total - skipped} files` + (skipped ? ` (${skipped} skipped)` : ''),
    );
    // the progress ends when the first diagnostics of every file are out
    if (progress) {
      progress.report(100, `Checking ${total} files…`);
      handedOn = true;
      return progress;
    }
    return undefined;
  } finally {
    if (!handedOn) progress?.done();
  }
}
