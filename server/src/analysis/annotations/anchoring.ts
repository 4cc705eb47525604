// Where an annotation is after its source changed.
//
// - An edit the server sees (typing in an open buffer) moves every annotation exactly
//   (`moveThroughEdit`): the text before it shifts them, text typed inside one widens or
//   narrows it, and one whose whole passage is deleted collapses and becomes an orphan.
// - A change the server did not see (a git pull, another program, a restart) is re-anchored
//   by quote (`reanchor`), as Hypothesis does: the exact text, scored by how much of the
//   prefix and suffix agree, the old position breaking ties; failing that, a passage between
//   the old context that differs from the quote by a few characters (a typo fixed inside it).
//   When the old text is known, the stretch the change left alone maps exactly first.
// - What cannot be placed is an orphan: the caller keeps it, lists it and offers to re-attach
//   or delete it. Nothing here ever drops an annotation.

/** Replace `start..end` (offsets before the edit) with `length` code units. */
export interface TextEdit {
  start: number;
  end: number;
  length: number;
}

export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type Placement =
  /** Found where it was (same offsets, same text). */
  | { start: number; end: number; how: 'same' }
  /** Found elsewhere, the same text. */
  | { start: number; end: number; how: 'moved' }
  /** Found elsewhere with small differences inside the quote. */
  | { start: number; end: number; how: 'fuzzy' };

/**
 * Moves a span through one edit; an empty result means the passage was deleted. Text
 * inserted at either end stays outside (typing next to a tagged word does not grow the tag);
 * text that replaces part of the passage becomes part of it.
 */
export function moveThroughEdit(
  span: { start: number; end: number },
  e: TextEdit,
): { start: number; end: number } {
  const delta = e.length - (e.end - e.start);
  if (e.end <= span.start && !(e.start === span.start && e.end > e.start)) {
    return { start: span.start + delta, end: span.end + delta };
  }
  if (e.start >= span.end) return span;
  const start = span.start < e.start ? span.start : e.start;
  const end = span.end > e.end ? span.end + delta : e.start + e.length;
  // a deletion of the whole passage leaves nothing: collapsed at the deletion
  if (e.start <= span.start && e.end >= span.end && e.length === 0) return { start: e.start, end: e.start };
  return { start, end: Math.max(start, end) };
}

/** How far the quote may differ (edit distance) and still be found: a typo or two. */
export function tolerance(length: number): number {
  return Math.max(1, Math.floor(length / 5));
}

/** Longest quote that fuzzy matching compares (longer ones must be found exactly). */
const MAX_FUZZY_LENGTH = 2000;
/** At most this many places of the exact quote are scored (a common word in a large file). */
const MAX_OCCURRENCES = 5000;

/**
 * Finds an annotation in `text`. With `oldText` (what the text was when the annotation was
 * placed), the stretch before and after the change maps exactly; otherwise, and for a
 * passage the change touched, the quote decides. Undefined: an orphan.
 */
export function reanchor(anchor: Anchor, text: string, oldText?: string): Placement | undefined {
  if (anchor.exact === '') return undefined;
  if (oldText !== undefined && oldText.slice(anchor.start, anchor.end) === anchor.exact) {
    const { prefix, suffix } = commonEnds(oldText, text);
    if (anchor.end <= prefix) return { start: anchor.start, end: anchor.end, how: 'same' };
    if (anchor.start >= oldText.length - suffix) {
      const delta = text.length - oldText.length;
      return delta === 0
        ? { start: anchor.start, end: anchor.end, how: 'same' }
        : { start: anchor.start + delta, end: anchor.end + delta, how: 'moved' };
    }
  }
  // where it was, with its context: the common case after a restart, and the cheapest
  if (
    text.startsWith(anchor.exact, anchor.start) &&
    text.endsWith(anchor.prefix, anchor.start) &&
    text.startsWith(anchor.suffix, anchor.end)
  )
    return { start: anchor.start, end: anchor.end, how: 'same' };
  const exact = findExact(anchor, text);
  if (exact !== undefined) {
    const end = exact + anchor.exact.length;
    return exact === anchor.start ? { start: exact, end, how: 'same' } : { start: exact, end, how: 'moved' };
  }
  return findFuzzy(anchor, text);
}

/** The best place of the exact quote: most context agreeing, then nearest the old place. */
function findExact(anchor: Anchor, text: string): number | undefined {
  let best: number | undefined;
  let bestScore = -1;
  let bestDistance = Infinity;
  let count = 0;
  for (
    let at = text.indexOf(anchor.exact);
    at >= 0 && count < MAX_OCCURRENCES;
    at = text.indexOf(anchor.exact, at + 1)
  ) {
    count++;
    const score =
      commonSuffixLength(anchor.prefix, text, at) +
      commonPrefixLength(anchor.suffix, text, at + anchor.exact.length);
    const distance = Math.abs(at - anchor.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * A passage that differs from the quote by a few characters: between where the prefix ends
 * and where the suffix begins, or from where the quote's first characters are to where its
 * last ones are. The closest in spelling wins, then the one nearest the old place.
 */
function findFuzzy(anchor: Anchor, text: string): Placement | undefined {
  const length = anchor.exact.length;
  if (length > MAX_FUZZY_LENGTH) return undefined;
  const limit = tolerance(length);
  const starts = new Set<number>();
  const ends = new Set<number>();
  const piece = Math.min(12, Math.max(3, Math.floor(length / 3)));
  // where the context and the quote's own ends are found
  if (anchor.prefix.length >= 4)
    for (const at of occurrences(text, anchor.prefix.slice(-16)))
      starts.add(at + Math.min(16, anchor.prefix.length));
  if (anchor.suffix.length >= 4) for (const at of occurrences(text, anchor.suffix.slice(0, 16))) ends.add(at);
  if (length >= 6) {
    for (const at of occurrences(text, anchor.exact.slice(0, piece))) starts.add(at);
    for (const at of occurrences(text, anchor.exact.slice(-piece))) ends.add(at + piece);
  }
  let best: { start: number; end: number; distance: number; off: number } | undefined;
  const sortedEnds = [...ends].sort((a, b) => a - b);
  for (const start of starts) {
    // every end within reach of the quote's length, and the quote's length itself
    const candidates = new Set<number>([start + length]);
    for (const end of sortedEnds) {
      if (end < start + length - limit) continue;
      if (end > start + length + limit) break;
      candidates.add(end);
    }
    for (const end of candidates) {
      if (end <= start || end > text.length) continue;
      const distance = boundedDistance(anchor.exact, text.slice(start, end), limit);
      if (distance > limit) continue;
      const off = Math.abs(start - anchor.start);
      if (!best || distance < best.distance || (distance === best.distance && off < best.off))
        best = { start, end, distance, off };
    }
  }
  return best && { start: best.start, end: best.end, how: 'fuzzy' };
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let at = text.indexOf(needle); at >= 0 && out.length < 200; at = text.indexOf(needle, at + 1))
    out.push(at);
  return out;
}

/** Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it is sure to exceed it. */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length];
}

/** How many characters of the end of `prefix` are the same as the text just before `at`. */
function commonSuffixLength(prefix: string, text: string, at: number): number {
  let n = 0;
  while (
    n < prefix.length &&
    n < at &&
    prefix.charCodeAt(prefix.length - 1 - n) === text.charCodeAt(at - 1 - n)
  )
    n++;
  return n;
}

/** How many characters of the start of `suffix` are the same as the text from `at`. */
function commonPrefixLength(suffix: string, text: string, at: number): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && suffix.charCodeAt(n) === text.charCodeAt(at + n)) n++;
  return n;
}

/** How many code units two texts share at the start and at the end (not overlapping). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix))
    suffix++;
  return { prefix, suffix };
}
