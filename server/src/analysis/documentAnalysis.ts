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
  /**
   * A large file's sections, each analysed from its own text (offsets relative to `offset`).
   * The same section text gives the same object from one version to the next, so the corpus
   * index caches what it derives from a section (long forms, lone surnames) on the object and
   * a keystroke re-derives one section, not the file. Absent for files analysed whole.
   */
  parts?: AnalysisPart[];
}

export interface AnalysisPart {
  offset: number;
  analysis: DocumentAnalysis;
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

/** Analyses of sections, keyed by their text: what an edit leaves alone is not analysed again. */
export type SectionCache = Map<string, DocumentAnalysis>;

/** Files longer than this are analysed in sections (see `sections`). */
export const SECTION_THRESHOLD = 64 * 1024;

export function analyseDocument(
  text: string,
  options: AnalysisOptions = {},
  cache?: SectionCache,
): DocumentAnalysis {
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
  if (text.length > SECTION_THRESHOLD) return analyseInSections(text, options, cache);
  return analyseWhole(text, options);
}

function analyseWhole(text: string, options: AnalysisOptions, knownDate?: DocumentDate): DocumentAnalysis {
  const sentences = splitSentences(text);
  const documentDate = knownDate ?? readDocumentDate(text, sentences);
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

// ---------------------------------------------------------------- large files, in sections

/**
 * A large file (a compilation, a transcript) is analysed as a run of sections cut at blank
 * lines, each from its own text, so that typing re-analyses one section, not the file. The
 * cuts depend only on the text around them (a blank line whose next characters hash to a
 * chosen value), so an edit moves at most the cuts next to it. What crosses a cut is lost:
 * `that year` at the start of a section, a surname whose full name is in another section
 * (the corpus index still links it by surname). The document's date is read from the first
 * section, where headers and datelines stand.
 */
function analyseInSections(text: string, options: AnalysisOptions, cache?: SectionCache): DocumentAnalysis {
  const cuts = sections(text);
  const first = text.slice(0, cuts[1] ?? text.length);
  const documentDate = readDocumentDate(first, splitSentences(first));
  const parts: AnalysisPart[] = [];
  const used: SectionCache = new Map();
  for (let i = 0; i < cuts.length; i++) {
    const start = cuts[i];
    const end = i + 1 < cuts.length ? cuts[i + 1] : text.length;
    const sectionText = text.slice(start, end);
    const key = `${documentDate.value}|${documentDate.source}|${sectionText}`;
    let analysis = cache?.get(key) ?? used.get(key);
    if (!analysis) analysis = analyseWhole(sectionText, options, documentDate);
    used.set(key, analysis);
    parts.push({ offset: start, analysis });
  }
  if (cache) {
    // keep only what this version uses: the cache is the file's sections, not its history
    cache.clear();
    for (const [k, v] of used) cache.set(k, v);
  }
  return merge(text, documentDate, parts);
}

const MIN_SECTION = 4 * 1024;
const MAX_SECTION = 48 * 1024;

/** Section starts: 0, then after blank lines chosen by content (about one in sixteen). */
export function sections(text: string): number[] {
  const cuts = [0];
  const blank = /\n[ \t\r]*\n/g;
  let last = 0;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    const at = m.index + m[0].length;
    const length = at - last;
    if ((length >= MIN_SECTION && hash(text, at) % 16 === 0) || length >= MAX_SECTION) {
      cuts.push(at);
      last = at;
    }
  }
  // a text without blank lines: cut at line breaks so no section grows without bound
  for (let i = 0; i < cuts.length; i++) {
    const end = i + 1 < cuts.length ? cuts[i + 1] : text.length;
    if (end - cuts[i] > 2 * MAX_SECTION) {
      const nl = text.indexOf('\n', cuts[i] + MAX_SECTION);
      const cut = nl >= 0 && nl + 1 < end ? nl + 1 : cuts[i] + MAX_SECTION;
      cuts.splice(i + 1, 0, cut);
    }
  }
  return cuts;
}

function hash(text: string, at: number): number {
  let h = 2166136261;
  for (let i = at; i < Math.min(text.length, at + 24); i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Joins section analyses into one, moving every offset by its section's start. */
function merge(text: string, documentDate: DocumentDate, parts: AnalysisPart[]): DocumentAnalysis {
  const out = emptyAnalysis(text);
  out.documentDate = documentDate;
  out.parts = parts;
  for (const { offset, analysis: a } of parts) {
    const moved = movedPart(a, offset, out.names.length, out.dates.length);
    for (const key of MERGED_LISTS) {
      const into = out[key] as unknown[];
      for (const item of moved[key]) into.push(item);
    }
  }
  return out;
}

const MERGED_LISTS = [
  'sentences',
  'dates',
  'names',
  'nameYears',
  'acronyms',
  'definitions',
  'claims',
  'findings',
] as const;

type MovedPart = Pick<DocumentAnalysis, (typeof MERGED_LISTS)[number]>;

/**
 * A section's lists with file offsets, kept on the section: a keystroke leaves the sections
 * before it where they were, and their moved copies are reused instead of made again.
 */
const movedParts = new WeakMap<DocumentAnalysis, { key: string; moved: MovedPart }>();

function movedPart(a: DocumentAnalysis, offset: number, nameBase: number, dateBase: number): MovedPart {
  const key = `${offset}|${nameBase}|${dateBase}`;
  const cached = movedParts.get(a);
  if (cached?.key === key) return cached.moved;
  const shift = <T extends Span>(s: T): T => ({ ...s, start: s.start + offset, end: s.end + offset });
  const moveP = <P extends { start: number }>(p: P): P => ({ ...p, start: p.start + offset });
  const moved: MovedPart = {
    sentences: a.sentences.map(shift),
    dates: a.dates.map((d) => {
      const m = shift(d);
      if (d.anchorSpan) m.anchorSpan = shift(d.anchorSpan);
      return m;
    }),
    names: a.names.map((n) => ({
      ...shift(n),
      titles: n.titles.map(shift),
      fullRef: n.fullRef >= 0 ? n.fullRef + nameBase : -1,
    })),
    nameYears: a.nameYears,
    acronyms: a.acronyms.map(shift),
    definitions: a.definitions.map((d) => ({
      ...d,
      shortSpan: shift(d.shortSpan),
      longSpan: shift(d.longSpan),
    })),
    claims: a.claims.map((c) => ({
      ...c,
      date: c.date + dateBase,
      span: shift(c.span),
      sentence: shift(c.sentence),
      object: c.object && moveP(c.object),
      subject: c.subject && moveP(c.subject),
      participants: c.participants.map(moveP),
    })),
    findings: a.findings.map(shift),
  };
  movedParts.set(a, { key, moved });
  return moved;
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
