// The `corpusAnnotator.*` settings, read defensively: a broken value falls back to its
// default and is reported once, never a crash.
import type { Severity } from './analysis/types';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  corpusGlobs: string[];
  maxFileSize: number; // KB
  analysisTimeBudget: number; // seconds per file
  numericDateOrder: 'auto' | 'dmy' | 'mdy';
  diagnosticsDelay: number; // ms
  severity: {
    dateConflict: SeveritySetting;
    invalidDate: SeveritySetting;
    weekdayMismatch: SeveritySetting;
    afterDocumentDate: SeveritySetting;
    ambiguousDate: SeveritySetting;
  };
  inlayHints: boolean;
  semanticHighlighting: boolean;
  codeLens: boolean;
  /** CodeLens on the mention that introduces each person too (off: one on nearly every line). */
  codeLensPeople: boolean;
  /** The name written as the creator of a reader's annotations; empty: the account's name. */
  annotationAuthor: string;
}

export const DEFAULT_SETTINGS: Settings = {
  corpusGlobs: ['**/corpus/**/*.txt', '**/corpora/**/*.txt', '**/*.corpus.txt'],
  maxFileSize: 8192,
  analysisTimeBudget: 20,
  numericDateOrder: 'auto',
  diagnosticsDelay: 0,
  severity: {
    dateConflict: 'warning',
    invalidDate: 'error',
    weekdayMismatch: 'warning',
    afterDocumentDate: 'warning',
    ambiguousDate: 'information',
  },
  inlayHints: true,
  semanticHighlighting: true,
  codeLens: true,
  codeLensPeople: false,
  annotationAuthor: '',
};

/** Which severity setting governs a finding code. */
export const SEVERITY_SETTING: Record<string, keyof Settings['severity']> = {
  'date-conflict': 'dateConflict',
  'invalid-date': 'invalidDate',
  'weekday-mismatch': 'weekdayMismatch',
  'after-document-date': 'afterDocumentDate',
  'ambiguous-date': 'ambiguousDate',
};

const SEVERITIES = new Set(['off', 'error', 'warning', 'information', 'hint']);

export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const s = structuredClone(DEFAULT_SETTINGS);
  if (raw === null || raw === undefined) return { settings: s, problems };
  if (typeof raw !== 'object')
    return { settings: s, problems: ['settings are not an object; using defaults'] };
  const r = raw as Record<string, unknown>;
  const bad = (name: string, why: string) =>
    problems.push(`corpusAnnotator.${name} ${why}; using the default`);
  if (r.corpusGlobs !== undefined) {
    if (Array.isArray(r.corpusGlobs) && r.corpusGlobs.every((g) => typeof g === 'string'))
      s.corpusGlobs = r.corpusGlobs;
    else bad('corpusGlobs', 'must be a list of glob strings');
  }
  if (r.maxFileSize !== undefined) {
    if (typeof r.maxFileSize === 'number' && r.maxFileSize > 0) s.maxFileSize = r.maxFileSize;
    else bad('maxFileSize', 'must be a positive number of kilobytes');
  }
  if (r.analysisTimeBudget !== undefined) {
    if (typeof r.analysisTimeBudget === 'number' && r.analysisTimeBudget > 0)
      s.analysisTimeBudget = r.analysisTimeBudget;
    else bad('analysisTimeBudget', 'must be a positive number of seconds');
  }
  const dates = r.dates as Record<string, unknown> | undefined;
  if (dates?.numericOrder !== undefined) {
    if (dates.numericOrder === 'auto' || dates.numericOrder === 'dmy' || dates.numericOrder === 'mdy') {
      s.numericDateOrder = dates.numericOrder;
    } else bad('dates.numericOrder', 'must be "auto", "dmy" or "mdy"');
  }
  const diagnostics = r.diagnostics as Record<string, unknown> | undefined;
  if (diagnostics && typeof diagnostics === 'object') {
    for (const key of Object.keys(s.severity) as (keyof Settings['severity'])[]) {
      const v = diagnostics[key];
      if (v === undefined) continue;
      if (typeof v === 'string' && SEVERITIES.has(v)) s.severity[key] = v as SeveritySetting;
      else bad(`diagnostics.${key}`, 'must be one of off, error, warning, information, hint');
    }
    if (diagnostics.delay !== undefined) {
      if (typeof diagnostics.delay === 'number' && diagnostics.delay >= 0)
        s.diagnosticsDelay = diagnostics.delay;
      else bad('diagnostics.delay', 'must be a number of milliseconds');
    }
  }
  for (const [name, key] of [
    ['inlayHints', 'inlayHints'],
    ['semanticHighlighting', 'semanticHighlighting'],
    ['codeLens', 'codeLens'],
  ] as const) {
    const v = (r[name] as Record<string, unknown> | undefined)?.enabled;
    if (v === undefined) continue;
    if (typeof v === 'boolean') s[key] = v;
    else bad(`${name}.enabled`, 'must be true or false');
  }
  const people = (r.codeLens as Record<string, unknown> | undefined)?.people;
  if (people !== undefined) {
    if (typeof people === 'boolean') s.codeLensPeople = people;
    else bad('codeLens.people', 'must be true or false');
  }
  const annotations = r.annotations as Record<string, unknown> | undefined;
  if (annotations?.author !== undefined) {
    if (typeof annotations.author === 'string') s.annotationAuthor = annotations.author.trim();
    else bad('annotations.author', 'must be a name');
  }
  return { settings: s, problems };
}
