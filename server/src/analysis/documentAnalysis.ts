// One file analysed from its own text alone: the summary the corpus index is a union of.
// Nothing here depends on other files; what does (long forms defined elsewhere, who a bare
// surname is, conflicts) is resolved by the corpus index on top of these summaries.
import { recogniseAcronyms } from './acronyms';
import { extractClaims, type Claim } from './claims';
import { readDocumentDate, recogniseDates, type DateOptions } from './dates';
import { recognisePeople } from './people';
import { splitSentences, sentenceAt } from './sentences';
import type {
  AcronymDefinition,
  AcronymMention,
  DateMention,
  DocumentDate,
  Finding,
  NameMention,
  Span,
} from './types';

export interface AnalysisOptions {
  dates?: DateOptions;
  /** Files longer than this (in UTF-16 code units) are not analysed; a finding says so. */
  maxLength?: number;
}

export const DEFAULT_MAX_LENGTH = 8 * 1024 * 1024;

export interface DocumentAnalysis {
  text: string;
  sentences: Span[];
  documentDate: DocumentDate;
  dates: DateMention[];
  names: NameMention[];
  /** The year each name mention is spoken of (its sentence's date, else the document's). */
  nameYears: (number | null)[];
  /** Short forms, and the long forms of the definitions made in this file. */
  acronyms: AcronymMention[];
  definitions: AcronymDefinition[];
  claims: Claim[];
  /** Problems found in this file alone (invalid dates, weekday mismatches, ...). */
  findings: Finding[];
  /** The file was too large or not text: nothing was recognised. */
  skipped?: string;
}

const NO_DATE: DocumentDate = { value: null, source: 'none', confidence: 'low' };

export function emptyAnalysis(text: string, skipped?: string): DocumentAnalysis {
  return {
    text,
    sentences: [],
    documentDate: NO_DATE,
    dates: [],
    names: [],
    nameYears: [],
    acronyms: [],
    definitions: [],
    claims: [],
    findings: [],
    ...(skipped ? { skipped } : {}),
  };
}

export function analyseDocument(text: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    const analysis = emptyAnalysis(
      text,
      `file is ${Math.round(text.length / 1024)} KB, over the ${Math.round(maxLength / 1024)} KB limit`,
    );
    analysis.findings.push({
      start: 0,
      end: 0,
      code: 'file-too-large',
      severity: 'information',
      message: `Not analysed: ${analysis.skipped} (setting corpusAnnotator.maxFileSize).`,
    });
    return analysis;
  }
  const sentences = splitSentences(text);
  const documentDate = readDocumentDate(text, sentences);
  const dateResult = recogniseDates(text, sentences, documentDate, options.dates);
  const dates = dateResult.mentions;
  const { mentions: acronyms, definitions } = recogniseAcronyms(text, sentences);
  // A name never overlaps an acronym or a date (`COP29`, `May`): those recognisers know better.
  const names = withoutOverlaps(recognisePeople(text, sentences), acronyms, dates);
  const nameYears = yearsOf(names, sentences, dates, documentDate);
  const claims = extractClaims({ text, sentences, dates, names, acronyms });
  return {
    text,
    sentences,
    documentDate,
    dates,
    names,
    nameYears,
    acronyms,
    definitions,
    claims,
    findings: dateResult.findings,
  };
}

/** Drops names that overlap an acronym or a date, keeping `fullRef` indexes pointing right. */
function withoutOverlaps(
  names: NameMention[],
  acronyms: readonly Span[],
  dates: readonly Span[],
): NameMention[] {
  const keep = names.map((n) => !overlapsAny(n, acronyms) && !overlapsAny(n, dates));
  if (keep.every(Boolean)) return names;
  const newIndex: number[] = [];
  let next = 0;
  for (const k of keep) newIndex.push(k ? next++ : -1);
  return names
    .filter((_, i) => keep[i])
    .map((n) => (n.fullRef >= 0 ? { ...n, fullRef: newIndex[n.fullRef] } : n));
}

function overlapsAny(span: Span, sorted: readonly Span[]): boolean {
  // binary search for the first span ending after span.start
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < span.end;
}

/**
 * The year a name mention is spoken of: the year of a date in its sentence, else the year
 * of the latest date before it in the same paragraph-ish window, else the document's.
 * Used to tell Heydar Aliyev (president in 1997) from Ilham Aliyev (president in 2022).
 */
function yearsOf(
  names: readonly NameMention[],
  sentences: readonly Span[],
  dates: readonly DateMention[],
  documentDate: DocumentDate,
): (number | null)[] {
  const docYear = documentDate.value ? Number(documentDate.value.slice(0, 4)) : null;
  const years: (number | null)[] = [];
  let d = 0;
  let lastYear: number | null = null;
  for (const name of names) {
    const s = sentenceAt(sentences, name.start);
    const sentence = s >= 0 ? sentences[s] : name;
    // advance over dates that start before the end of this sentence, remembering the last year
    let inSentence: number | null = null;
    while (d < dates.length && dates[d].start < sentence.end) {
      const y = yearOf(dates[d]);
      if (y !== null && !dates[d].header) {
        if (dates[d].start >= sentence.start) inSentence = y;
        lastYear = y;
      }
      d++;
    }
    years.push(inSentence ?? lastYear ?? docYear);
  }
  return years;
}

export function yearOf(date: DateMention): number | null {
  const m = /^(\d{4})/.exec(date.value);
  return m ? Number(m[1]) : null;
}
