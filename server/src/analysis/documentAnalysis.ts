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
  /** The document's date as a reader gave it (YYYY-MM-DD or YYYY): the text's own is not read. */
  documentDate?: string;
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
   * Passages a reader marked "not an entity" (annotations/corrections.ts): what the corpus
   * index finds in the file on its own (long forms, lone surnames) is not found there either.
   */
  suppressed?: Span[];
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

/** A file that is not analysed, with one finding that says why (`code`, at its start). */
export function notAnalysed(text: string, code: string, skipped: string, message: string): DocumentAnalysis {
  const analysis = emptyAnalysis(text, skipped);
  analysis.findings.push({ start: 0, end: 0, code, severity: 'warning', message });
  return analysis;
}

/**
 * What one open file's last analysis leaves for the next: its sections' analyses, by their
 * text, so what an edit leaves alone is not analysed again; and its text and cuts, so the
 * next cuts are found from the edited stretch only.
 */
export class SectionCache {
  /** The text last analysed. */
  text = '';
  /** Its cuts before `splitLongSections`. */
  cuts: number[] = [];
  /** Its sections' analyses by start offset, with their ends. */
  parts = new Map<number, { end: number; analysis: DocumentAnalysis }>();
}

/** Files longer than this are analysed in sections (see `sections`). */
export const SECTION_THRESHOLD = 64 * 1024;

/**
 * A time budget for one analysis, kept by the caller (the engine reads no clock): `over` is
 * asked between the stages of each section (sentences, dates, acronyms, people, claims) and
 * between sections. Once it answers true, the file is given up: nothing is recognised, and one
 * finding (`analysis-timeout`, with `message`) says so. The analysis then overruns the budget
 * by at most one stage of one section (≤ 48 KB), which every recogniser reads in linear time.
 * It is not part of `AnalysisOptions` because those are posted to workers, and a function is not.
 */
export interface AnalysisBudget {
  over(): boolean;
  message: string;
}

/** Thrown between stages when the budget is over; caught in `analyseDocument` only. */
class OverBudget {}

export function analyseDocument(
  text: string,
  options: AnalysisOptions = {},
  cache?: SectionCache,
  budget?: AnalysisBudget,
): DocumentAnalysis {
  if (!budget) return analyseWithin(text, options, cache, undefined);
  try {
    return analyseWithin(text, options, cache, budget);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return notAnalysed(text, 'analysis-timeout', 'analysis over its time budget', budget.message);
  }
}

function analyseWithin(
  text: string,
  options: AnalysisOptions,
  cache: SectionCache | undefined,
  budget: AnalysisBudget | undefined,
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
  if (text.length > SECTION_THRESHOLD) return analyseInSections(text, options, cache, budget);
  return analyseWhole(text, options, undefined, budget);
}

/** Between two stages: gives the analysis up when its budget is over (see AnalysisBudget). */
function checkBudget(budget: AnalysisBudget | undefined): void {
  if (budget?.over()) throw new OverBudget();
}

function analyseWhole(
  text: string,
  options: AnalysisOptions,
  knownDate?: DocumentDate,
  budget?: AnalysisBudget,
): DocumentAnalysis {
  const sentences = splitSentences(text);
  const documentDate = knownDate ?? readerDate(options) ?? readDocumentDate(text, sentences);
  checkBudget(budget);
  const dateResult = recogniseDates(text, sentences, documentDate, options.dates);
  const dates = dateResult.mentions;
  checkBudget(budget);
  const found = recogniseAcronyms(text, sentences);
  const { definitions } = found;
  checkBudget(budget);
  const people = recognisePeople(text, sentences);
  checkBudget(budget);
  // A name never overlaps an acronym or a date (`COP29`, `May`): those recognisers know
  // better, but for a transcript's speaker label (`ANNA BERG:`), which is a name in capitals.
  const speakers = people.filter((n) => n.speaker);
  const acronyms = speakers.length ? found.mentions.filter((m) => !overlapsAny(m, speakers)) : found.mentions;
  const names = withoutOverlaps(people, acronyms, dates);
  const nameYears = yearsOf(names, sentences, dates, documentDate);
  const claims = extractClaims({ text, sentences, dates, names, acronyms, documentDate });
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
function analyseInSections(
  text: string,
  options: AnalysisOptions,
  cache: SectionCache | undefined,
  budget: AnalysisBudget | undefined,
): DocumentAnalysis {
  const edit = cache
    ? cutsFrom(cache, text)
    : { cuts: [0, ...blankLineCuts(text, 0).cuts], prefix: 0, suffix: 0 };
  const cuts = splitLongSections(text, edit.cuts);
  const first = text.slice(0, cuts[1] ?? text.length);
  const documentDate = readerDate(options) ?? readDocumentDate(first, splitSentences(first));
  const delta = text.length - (cache?.text.length ?? 0);
  const parts: AnalysisPart[] = [];
  const kept = new Map<number, { end: number; analysis: DocumentAnalysis }>();
  for (let i = 0; i < cuts.length; i++) {
    const start = cuts[i];
    const end = i + 1 < cuts.length ? cuts[i + 1] : text.length;
    // a section wholly in the text the edit left alone, before or after it, is the one
    // analysed last time at the same place (or moved by the edit's length)
    const moved = end <= edit.prefix ? 0 : start >= text.length - edit.suffix ? delta : undefined;
    const old = moved === undefined ? undefined : cache?.parts.get(start - moved);
    let analysis = old && old.end === end - moved! ? old.analysis : undefined;
    // a section read with another document date (the header was edited) is read again
    if (analysis && !sameDate(analysis.documentDate, documentDate)) analysis = undefined;
    if (!analysis) {
      checkBudget(budget);
      analysis = analyseWhole(text.slice(start, end), options, documentDate, budget);
    }
    kept.set(start, { end, analysis });
    parts.push({ offset: start, analysis });
  }
  if (cache) {
    cache.text = text;
    cache.cuts = edit.cuts;
    cache.parts = kept;
  }
  return merge(text, documentDate, parts);
}

/** The document date a reader gave, if any: certain, and every relative date is read from it. */
function readerDate(options: AnalysisOptions): DocumentDate | undefined {
  return options.documentDate
    ? { value: options.documentDate, source: 'reader', confidence: 'certain' }
    : undefined;
}

function sameDate(a: DocumentDate, b: DocumentDate): boolean {
  return a.value === b.value && a.source === b.source && a.confidence === b.confidence;
}

const MIN_SECTION = 4 * 1024;
const MAX_SECTION = 48 * 1024;

/** Section starts: 0, then after blank lines chosen by content (about one in sixteen). */
export function sections(text: string): number[] {
  return splitLongSections(text, [0, ...blankLineCuts(text, 0).cuts]);
}

const BLANK_LINE = /\n[ \t\r]*\n/g;

/**
 * Cuts after blank lines, scanning from `from` (0, or a cut: the scan is then in the state
 * it was in there; `from` itself is not returned). With `until`, the scan stops at the first
 * cut past `until.at` that `until.isCut` recognises (`met`): from there on the cuts are known.
 */
function blankLineCuts(
  text: string,
  from: number,
  until?: { at: number; isCut: (cut: number) => boolean },
): { cuts: number[]; met?: number } {
  const cuts: number[] = [];
  BLANK_LINE.lastIndex = from;
  let last = from;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    const at = m.index + m[0].length;
    const length = at - last;
    if ((length >= MIN_SECTION && hash(text, at) % 16 === 0) || length >= MAX_SECTION) {
      if (until && m.index >= until.at && until.isCut(at)) return { cuts, met: at };
      cuts.push(at);
      last = at;
    }
  }
  return { cuts };
}

/**
 * The cuts of an edited text from those of the text before: the cuts well before the edit
 * stay; the scan starts again at the last of them and runs until it meets a cut of the old
 * text (moved by the edit's length) past the edit, after which the old cuts hold, moved.
 * A one-character edit in 1 MB scans a few KB instead of the megabyte.
 */
function cutsFrom(cache: SectionCache, text: string): { cuts: number[]; prefix: number; suffix: number } {
  const old = cache.text;
  if (!old || cache.cuts.length === 0)
    return { cuts: [0, ...blankLineCuts(text, 0).cuts], prefix: 0, suffix: 0 };
  const { prefix, suffix } = sameEnds(old, text);
  const delta = text.length - old.length;
  // a cut depends on the blank line before it, the 24 characters after it (its hash) and
  // the cut before it: those wholly before the edit stay (0 always does)
  const kept = cache.cuts.filter((c) => c === 0 || c + 24 <= prefix);
  const oldCuts = new Set(cache.cuts);
  const { cuts, met } = blankLineCuts(text, kept[kept.length - 1], {
    at: text.length - suffix,
    isCut: (cut) => oldCuts.has(cut - delta),
  });
  if (met === undefined) return { cuts: [...kept, ...cuts], prefix, suffix };
  // the old cut at `met` and every old cut after it, moved by the edit
  const after = cache.cuts.filter((c) => c >= met - delta).map((c) => c + delta);
  return { cuts: [...kept, ...cuts, ...after], prefix, suffix };
}

/**
 * How many code units two texts share at the start and at the end (not overlapping).
 * Compared a block at a time first: string equality is native, a loop of charCodeAt is not.
 */
function sameEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  const BLOCK = 4096;
  let prefix = 0;
  while (prefix + BLOCK <= max && a.slice(prefix, prefix + BLOCK) === b.slice(prefix, prefix + BLOCK))
    prefix += BLOCK;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  while (
    suffix + BLOCK <= room &&
    a.slice(a.length - suffix - BLOCK, a.length - suffix) ===
      b.slice(b.length - suffix - BLOCK, b.length - suffix)
  )
    suffix += BLOCK;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix))
    suffix++;
  return { prefix, suffix };
}

/** A text without blank lines: cut at line breaks so no section grows without bound. */
function splitLongSections(text: string, blankCuts: readonly number[]): number[] {
  const cuts = [...blankCuts];
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
 * before it where they were, and their moved copies are reused instead of made again. The
 * sections after it move by the keystroke: their copies are moved where they are, not made
 * again (half a 1 MB file's mentions, claims and sentences per keystroke, all surviving into
 * the old generation of the heap). The analysis before the edit shares them and is left
 * behind: the index replaces it in the same turn (see Session.analyseNow).
 */
const movedParts = new WeakMap<
  DocumentAnalysis,
  { offset: number; nameBase: number; dateBase: number; moved: MovedPart }
>();

function movedPart(a: DocumentAnalysis, offset: number, nameBase: number, dateBase: number): MovedPart {
  const cached = movedParts.get(a);
  if (cached) {
    if (cached.offset !== offset || cached.nameBase !== nameBase || cached.dateBase !== dateBase) {
      moveInPlace(
        cached.moved,
        offset - cached.offset,
        nameBase - cached.nameBase,
        dateBase - cached.dateBase,
      );
      cached.offset = offset;
      cached.nameBase = nameBase;
      cached.dateBase = dateBase;
    }
    return cached.moved;
  }
  const shift = <T extends Span>(s: T): T => ({ ...s, start: s.start + offset, end: s.end + offset });
  const moved: MovedPart = {
    sentences: a.sentences.map((x) => ({ start: x.start + offset, end: x.end + offset })),
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
      trigger: shift(c.trigger),
      object: c.object && shift(c.object),
      subject: c.subject && shift(c.subject),
      participants: c.participants.map(shift),
    })),
    findings: a.findings.map(shift),
  };
  movedParts.set(a, { offset, nameBase, dateBase, moved });
  return moved;
}

/** Moves a section's copies (each object its own, made by `movedPart`) by the given deltas. */
function moveInPlace(m: MovedPart, by: number, names: number, dates: number): void {
  if (by !== 0) {
    const span = (s: Span) => {
      s.start += by;
      s.end += by;
    };
    m.sentences.forEach(span);
    for (const d of m.dates) {
      span(d);
      if (d.anchorSpan) span(d.anchorSpan);
    }
    for (const n of m.names) {
      span(n);
      n.titles.forEach(span);
    }
    m.acronyms.forEach(span);
    for (const d of m.definitions) {
      span(d.shortSpan);
      span(d.longSpan);
    }
    for (const c of m.claims) {
      span(c.span);
      span(c.sentence);
      span(c.trigger);
      if (c.object) span(c.object);
      if (c.subject) span(c.subject);
      c.participants.forEach(span);
    }
    m.findings.forEach(span);
  }
  if (names !== 0) for (const n of m.names) if (n.fullRef >= 0) n.fullRef += names;
  if (dates !== 0) for (const c of m.claims) c.date += dates;
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
 * The year a name mention is spoken of: the year of a date in its sentence (`In 1997,
 * President Aliyev signed`), else the document's. Dates of other sentences say nothing of
 * it: a minister named only in a 2023 article is a minister in 2023, whatever years the
 * paragraph before recalls. Used to tell Heydar Aliyev (president in 1997) from Ilham Aliyev
 * (president in 2022), and for the years a title is shown with.
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
  for (const name of names) {
    const s = sentenceAt(sentences, name.start);
    const sentence = s >= 0 ? sentences[s] : name;
    // skip the dates of earlier sentences; the last year written in this one counts
    while (d < dates.length && dates[d].end <= sentence.start) d++;
    let inSentence: number | null = null;
    for (let e = d; e < dates.length && dates[e].start < sentence.end; e++) {
      const y = yearOf(dates[e]);
      // a year after the document's is a plan, not when the title was held
      if (y !== null && !dates[e].header && (docYear === null || y <= docYear)) inSentence = y;
    }
    years.push(inSentence ?? docYear);
  }
  return years;
}

export function yearOf(date: DateMention): number | null {
  const m = /^(\d{4})/.exec(date.value);
  return m ? Number(m[1]) : null;
}
