// `corpus-annotator check --format json|sarif`: the diagnostics the text format prints, as
// data for scripts, code-review tools and CI. Both hold the same diagnostics as the text
// (the engine's findings, the date conflicts, the findings of corpus-annotator.json), with
// 1-based lines and columns counted in UTF-16 code units, as the editor shows them.
//
// SARIF 2.1.0 (OASIS): one run, one rule per diagnostic code, `columnKind: utf16CodeUnits`,
// paths relative to the working directory through the `%SRCROOT%` base, so that GitHub code
// scanning and other viewers place them in the repository.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonDiagnostic } from '../analysis/analysisJson';
import type { Severity } from '../analysis/types';
import { LineIndex } from '../node/lineIndex';

export type CheckFormat = 'text' | 'json' | 'sarif';
export const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'sarif'];

/** A place in a file: offsets and where they are on screen (1-based). */
export interface CheckPlace {
  path: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CheckDiagnostic extends CheckPlace {
  severity: Severity;
  code: string;
  message: string;
  related?: (CheckPlace & { message: string })[];
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(diagnostics: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** `1 error, 2 warnings, 3 information, 0 hints`: every severity, so none goes unseen. */
export function describeCounts(counts: SeverityCounts): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(counts.error, 'error', 'errors'),
    n(counts.warning, 'warning', 'warnings'),
    n(counts.information, 'information', 'information'),
    n(counts.hint, 'hint', 'hints'),
  ].join(', ');
}

/**
 * Adds lines and columns to diagnostics given with offsets. `textOf` gives each path's text
 * (the path as the diagnostics name it).
 */
export function placeDiagnostics(
  diagnostics: readonly JsonDiagnostic[],
  textOf: (path: string) => string,
): CheckDiagnostic[] {
  const lines = new Map<string, LineIndex>();
  const place = (p: string, start: number, end: number): CheckPlace => {
    let index = lines.get(p);
    if (!index) lines.set(p, (index = new LineIndex(textOf(p))));
    const from = index.positionAt(start);
    const to = index.positionAt(end);
    return {
      path: p,
      start,
      end,
      line: from.line + 1,
      column: from.character + 1,
      endLine: to.line + 1,
      endColumn: to.character + 1,
    };
  };
  return diagnostics.map((d) => {
    const out: CheckDiagnostic = {
      ...place(d.path, d.start, d.end),
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
    if (d.related?.length)
      out.related = d.related.map((r) => ({ ...place(r.path, r.start, r.end), message: r.message }));
    return out;
  });
}

/** `check --format json`: the diagnostics with their places, and how many of each severity. */
export function checkJson(diagnostics: readonly CheckDiagnostic[], files: number): unknown {
  return { version: 1, files, summary: countSeverities(diagnostics), diagnostics };
}

// ------------------------------------------------------------------ SARIF 2.1.0

/** What each code means, for the SARIF rules (a code not listed still gets a rule). */
const RULES: Record<string, string> = {
  'date-conflict': 'Two sources date the same event differently.',
  'invalid-date': 'A date that does not exist (February 30).',
  'weekday-mismatch': 'A weekday that does not fit its date.',
  'after-document-date': 'A past event dated after the document’s own date.',
  'ambiguous-date': 'A numeric date that reads either way (04/05/2022).',
  'acronym-redefined': 'An acronym given another expansion than before.',
  'file-too-large': 'A file over the size limit, not analysed.',
  'config-syntax': 'corpus-annotator.json is not valid JSON.',
  'config-invalid': 'corpus-annotator.json holds a value of the wrong shape.',
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

const SRCROOT = '%SRCROOT%';

/**
 * `check --format sarif`: a SARIF 2.1.0 log. `cwd` is the folder relative paths start from;
 * `version` the tool's.
 */
export function checkSarif(diagnostics: readonly CheckDiagnostic[], cwd: string, version: string): unknown {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const location = (p: CheckPlace) => ({
    physicalLocation: {
      artifactLocation: artifact(p.path),
      region: {
        startLine: p.line,
        startColumn: p.column,
        endLine: p.endLine,
        endColumn: p.endColumn,
        charOffset: p.start,
        charLength: p.end - p.start,
      },
    },
  });
  const artifact = (p: string) =>
    path.isAbsolute(p)
      ? { uri: pathToFileURL(p).href }
      : { uri: p.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'corpus-annotator',
            version,
            rules: codes.map((id) => ({
              id,
              shortDescription: { text: RULES[id] ?? id },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [location(d)],
          ...(d.related?.length
            ? {
                relatedLocations: d.related.map((r, i) => ({
                  id: i + 1,
                  ...location(r),
                  message: { text: r.message },
                })),
              }
            : {}),
        })),
      },
    ],
  };
}
