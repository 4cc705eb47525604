// Which `.txt` files are corpus files: the documented rule, in one place for the scan, the
// open buffers and the file watcher.
import { minimatch } from 'minimatch';
import * as path from 'node:path';
import type { CorpusConfigs } from './corpusConfigs';
import type { WorkspacePaths } from './workspacePaths';

/**
 * A `.txt` file is a corpus file when a folder above it holds a corpus-annotator.json, or
 * when its path relative to a workspace folder matches one of the `corpusAnnotator.corpusGlobs`.
 * An ordinary README.txt in a code repository is neither.
 */
export function isCorpusFile(
  key: string,
  configs: CorpusConfigs,
  paths: WorkspacePaths,
  globs: readonly string[],
): boolean {
  if (!key.toLowerCase().endsWith('.txt')) return false;
  if (configs.declares(key)) return true;
  const candidate = (paths.relative(key) ?? key).split(path.sep).join('/');
  return globs.some((g) => minimatch(candidate, g, { dot: false, nocase: true }));
}
