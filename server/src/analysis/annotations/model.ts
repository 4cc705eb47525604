// The reader's annotations: notes, tags and corrections on a passage of one source. Plain data
// with UTF-16 offsets, as the rest of the engine; stored as W3C Web Annotations (w3c.ts).
//
// An annotation says *what* it is attached to twice, as the W3C model does: by quote (the exact
// text with a little context before and after) and by position. The position is what the
// editor uses; the quote is what finds the passage again when the text changed where the
// server could not see it (anchoring.ts).

/** A correction the engine obeys (corrections.ts). */
export type Correction =
  /** The passage is not a person, acronym or date. */
  | { type: 'not-entity' }
  /** The name is the person `entity` (`name` to show, `surname` as the engine reads it). */
  | { type: 'same-person'; entity: string; name: string; surname: string }
  /** The name is someone other than `entity`. */
  | { type: 'different-person'; entity: string; name: string }
  /** The date's value is `value` (TIMEX3 style: 2011, 2011-05, 2011-05-04). */
  | { type: 'date-value'; value: string }
  /** The document's own date is `value` (YYYY-MM-DD or YYYY): its dates are read again. */
  | { type: 'document-date'; value: string };
// "Not the same event" is the dismissal of a date conflict, kept where it always was: in
// corpus-annotator.json's `dismissedConflicts` (by `Conflict.id`), shared with the team.

export type CorrectionType = Correction['type'];

export type AnnotationBody =
  | { kind: 'note'; text: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'correction'; correction: Correction };

export interface Reply {
  id: string;
  text: string;
  creator: string;
  created: string;
  modified: string;
}

export interface Annotation {
  /** `urn:uuid:...`: stable for the annotation's life. */
  id: string;
  /** The source's path relative to the store's root, with `/` (as in git). */
  source: string;
  /** TextQuoteSelector. */
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPositionSelector (UTF-16 offsets in the source). */
  start: number;
  end: number;
  body: AnnotationBody;
  creator: string;
  created: string;
  modified: string;
  /** A note's thread was resolved (the Comments API's state). */
  resolved?: boolean;
  /** Replies to a note, oldest first. */
  replies?: Reply[];
}

/** How much context the quote selector keeps on each side. */
export const CONTEXT_LENGTH = 32;

/** The quote selector for `start..end` of `text`. */
export function quoteAt(
  text: string,
  start: number,
  end: number,
): { exact: string; prefix: string; suffix: string } {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/** Corrections that speak of the whole document, not of the passage itself. */
export function isDocumentLevel(c: Correction): boolean {
  return c.type === 'document-date';
}

/** What the annotation is, in a few words (a tree view's label, a symbol's name). */
export function describeBody(body: AnnotationBody): string {
  switch (body.kind) {
    case 'note':
      return body.text;
    case 'tag':
      return `#${body.tag}`;
    case 'correction':
      return describeCorrection(body.correction);
  }
}

export function describeCorrection(c: Correction): string {
  switch (c.type) {
    case 'not-entity':
      return 'not an entity';
    case 'same-person':
      return `same person as ${c.name}`;
    case 'different-person':
      return `a different person from ${c.name}`;
    case 'date-value':
      return `this date is ${c.value}`;
    case 'document-date':
      return `this document's date is ${c.value}`;
  }
}

/** Sorted as the store writes them: by position, then id, so a diff reads well. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A date value a correction may give: a year, a month or a day (TIMEX3, as the engine writes). */
export function isDateValue(value: string): boolean {
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/.exec(value);
  if (!m) return false;
  if (m[2] && (+m[2] < 1 || +m[2] > 12)) return false;
  if (m[3] && (+m[3] < 1 || +m[3] > 31)) return false;
  return true;
}
