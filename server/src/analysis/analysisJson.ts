// The analysis as JSON, in the shape of shared/spec/analysis-json.md: what the command line
// prints and what the gold files hold. Fields may be added, never renamed or dropped.
import type { Conflict } from './conflicts';
import type { CorpusIndex, Entity } from './corpusIndex';
import type { Finding, Severity } from './types';

export interface JsonMention {
  kind: string;
  start: number;
  end: number;
  text: string;
  value?: string;
  mod?: string;
  entity?: string;
  longForm?: boolean;
  ambiguous?: string[];
  anchor?: string;
}

export interface JsonDiagnostic {
  path: string;
  start: number;
  end: number;
  severity: Severity;
  code: string;
  message: string;
  related?: { path: string; start: number; end: number; message: string }[];
}

/**
 * The date a document was written as the analysis found it: `value` null when nothing says;
 * `source` `header`, `dateline`, `compiled-on`, `text-year` or `none`; `confidence` `certain`,
 * `high` or `low`; `start`/`end` where the text gives it.
 */
export interface JsonDocumentDate {
  value: string | null;
  source: string;
  confidence: string;
  start?: number;
  end?: number;
}

export interface AnalysisJson {
  version: 1;
  documents: {
    path: string;
    /** The spec's field: the date of the ` date 2022-04-29` header, or null (as the gold has it). */
    documentDate: string | null;
    /** The date the analysis used and how it was found, for every document: what users read. */
    dated: JsonDocumentDate;
    /** Kept for readers of earlier output: `dated` when it was not from a header. */
    documentDateInferred?: {
      value: string | null;
      source: string;
      confidence: string;
      start?: number;
      end?: number;
    };
    skipped?: string;
    mentions: JsonMention[];
  }[];
  entities: Record<string, unknown>[];
  diagnostics: JsonDiagnostic[];
}

/** `displayPath` maps an index key to the path printed (as given, or relative to a folder). */
export function analysisToJson(
  index: CorpusIndex,
  displayPath: (key: string) => string = (k) => k,
): AnalysisJson {
  const paths = index.paths();
  const documents = paths.map((path) => {
    const doc = index.get(path)!;
    const dd = doc.analysis.documentDate;
    const entry: AnalysisJson['documents'][number] = {
      path: displayPath(path),
      // the spec: the header's date, or null; `dated` carries whatever date was found, and how
      documentDate: dd.source === 'header' ? dd.value : null,
      dated: {
        value: dd.value,
        source: dd.source,
        confidence: dd.confidence,
        ...(dd.span ? { start: dd.span.start, end: dd.span.end } : {}),
      },
      mentions: index.mentions(path).map((m) => {
        const out: JsonMention = { kind: m.kind, start: m.start, end: m.end, text: m.text };
        if (m.value !== undefined) out.value = m.value;
        if (m.mod) out.mod = m.mod;
        if (m.date) out.anchor = m.date.anchor;
        if (m.entity) out.entity = m.entity;
        if (m.longForm) out.longForm = true;
        if (m.ambiguous?.length) out.ambiguous = m.ambiguous;
        return out;
      }),
    };
    if (dd.source !== 'header') {
      entry.documentDateInferred = { value: dd.value, source: dd.source, confidence: dd.confidence };
      if (dd.span) Object.assign(entry.documentDateInferred, { start: dd.span.start, end: dd.span.end });
    }
    if (doc.analysis.skipped) entry.skipped = doc.analysis.skipped;
    return entry;
  });
  const entities: Record<string, unknown>[] = [];
  for (const person of index.people()) entities.push(entityJson(person, displayPath));
  for (const key of index.acronymKeys()) {
    const acronym = index.acronym(key);
    if (acronym) entities.push(entityJson(acronym, displayPath));
  }
  return { version: 1, documents, entities, diagnostics: corpusDiagnostics(index, displayPath) };
}

/** Every diagnostic of the corpus: each file's findings, then the date conflicts. */
export function corpusDiagnostics(
  index: CorpusIndex,
  displayPath: (key: string) => string = (k) => k,
): JsonDiagnostic[] {
  const diagnostics: JsonDiagnostic[] = [];
  for (const path of index.paths()) {
    for (const f of index.findings(path)) diagnostics.push(findingJson(displayPath(path), f));
  }
  for (const c of index.allConflicts()) diagnostics.push(conflictJson(c, index, displayPath));
  return diagnostics;
}

function entityJson(entity: Entity, displayPath: (key: string) => string): Record<string, unknown> {
  if (entity.kind === 'acronym') {
    const out: Record<string, unknown> = {
      id: entity.id,
      kind: 'acronym',
      name: entity.name,
      variants: entity.variants,
    };
    if (entity.expansion) {
      out.expansion = entity.expansion;
      out.expansionSource = entity.expansionSource;
    }
    if (entity.expansions.length > 1) out.expansions = entity.expansions;
    if (entity.definedAt) out.definedAt = { ...entity.definedAt, path: displayPath(entity.definedAt.path) };
    if (entity.glossary?.note) out.note = entity.glossary.note;
    return out;
  }
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    titles: [...new Set(entity.titles.map((t) => t.text))],
    titlesSeen: entity.titles.map((t) => ({
      text: t.text,
      year: t.year,
      path: displayPath(t.doc),
      start: t.start,
    })),
    variants: entity.variants,
  };
}

export function findingJson(path: string, f: Finding): JsonDiagnostic {
  return { path, start: f.start, end: f.end, severity: f.severity, code: f.code, message: f.message };
}

function conflictJson(c: Conflict, index: CorpusIndex, displayPath: (key: string) => string): JsonDiagnostic {
  return {
    path: displayPath(c.at.doc),
    start: c.at.claim.span.start,
    end: c.at.claim.span.end,
    severity: 'warning',
    code: 'date-conflict',
    message: c.message,
    related: c.others.map((o) => ({
      path: displayPath(o.doc),
      start: o.claim.span.start,
      end: o.claim.span.end,
      message: `${o.claim.value}${o.claim.mod ? ' (' + o.claim.mod.toLowerCase() + ')' : ''}: "${quote(index, o.doc, o.claim.sentence, 90, o.claim.span)}"`,
    })),
  };
}

/**
 * A sentence quoted short: whole if it fits, else a window around `focus` (the mention it
 * is quoted for) cut at word boundaries, so the date or name in question is never cut.
 */
export function quote(
  index: CorpusIndex,
  path: string,
  span: { start: number; end: number },
  max = 90,
  focus?: { start: number; end: number },
): string {
  const full = index.get(path)?.analysis.text ?? '';
  const text = full.slice(span.start, span.end);
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return flat(text);
  const f = focus ?? { start: span.start, end: span.start };
  const room = Math.max(0, max - (f.end - f.start));
  // half the room before the focus; what is not used before goes after it
  let from = Math.max(span.start, f.start - Math.floor(room / 2));
  let to = Math.min(span.end, f.end + room - (f.start - from));
  // move the cuts out to word boundaries
  while (from > span.start && /\S/.test(full[from - 1])) from--;
  while (to < span.end && /\S/.test(full[to])) to++;
  return (from > span.start ? '… ' : '') + flat(full.slice(from, to)) + (to < span.end ? ' …' : '');
}
