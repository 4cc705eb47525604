// A source's annotations against its current text: each placed (its offsets and quote made
// true for the text) or an orphan (kept as it was, with its last quote, for the reader to
// re-attach or delete). Used by the server after a change it did not see and by the command
// line, so both place annotations the same way.
import { reanchor, type TextEdit, moveThroughEdit } from './anchoring';
import type { PlacedCorrection } from './corrections';
import { quoteAt, isDocumentLevel, type Annotation } from './model';

export interface Placed {
  /** Every annotation, placed ones with offsets in the text, orphans as they were. */
  annotations: Annotation[];
  /** Ids of the annotations that could not be placed. */
  orphans: Set<string>;
  /** How many were found where they were, elsewhere, or not at all (for logs and tests). */
  counts: { same: number; moved: number; fuzzy: number; orphaned: number };
}

/**
 * Places `annotations` (whose offsets were true for `oldText`, when it is known) in `text`.
 * Returns new objects for the annotations that moved; never drops one.
 */
export function placeAnnotations(annotations: readonly Annotation[], text: string, oldText?: string): Placed {
  const orphans = new Set<string>();
  const counts = { same: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const out = annotations.map((a) => {
    const placement = reanchor(a, text, oldText);
    if (!placement) {
      counts.orphaned++;
      orphans.add(a.id);
      return a;
    }
    counts[placement.how]++;
    if (placement.how === 'same' && text.slice(a.start, a.end) === a.exact) {
      const quote = quoteAt(text, a.start, a.end);
      if (quote.prefix === a.prefix && quote.suffix === a.suffix) return a;
      return { ...a, ...quote };
    }
    return {
      ...a,
      start: placement.start,
      end: placement.end,
      ...quoteAt(text, placement.start, placement.end),
    };
  });
  return { annotations: out, orphans, counts };
}

/**
 * Moves placed annotations through an edit of the text the server saw (`text` is after the
 * edit). One whose passage the edit deleted becomes an orphan and keeps its last quote.
 */
export function editAnnotations(
  annotations: readonly Annotation[],
  orphans: Set<string>,
  edit: TextEdit,
): Annotation[] {
  return annotations.map((a) => {
    if (orphans.has(a.id)) return a;
    const moved = moveThroughEdit(a, edit);
    if (moved.start === a.start && moved.end === a.end) return a;
    if (moved.start === moved.end) {
      orphans.add(a.id);
      return a;
    }
    return { ...a, start: moved.start, end: moved.end };
  });
}

/** After edits: each placed annotation's quote made true for the text (once per analysis). */
export function refreshQuotes(
  annotations: readonly Annotation[],
  orphans: ReadonlySet<string>,
  text: string,
): Annotation[] {
  return annotations.map((a) => {
    if (orphans.has(a.id) || a.end > text.length) return a;
    const quote = quoteAt(text, a.start, a.end);
    return quote.exact === a.exact && quote.prefix === a.prefix && quote.suffix === a.suffix
      ? a
      : { ...a, ...quote };
  });
}

/**
 * Orphans whose passage is back in the text (an undo, a paste) placed again; the others
 * stay orphans. Returns the same array when nothing was placed.
 */
export function replaceOrphans(
  annotations: readonly Annotation[],
  orphans: Set<string>,
  text: string,
): readonly Annotation[] {
  if (orphans.size === 0) return annotations;
  const lost = annotations.filter((a) => orphans.has(a.id));
  const placed = placeAnnotations(lost, text);
  if (placed.orphans.size === lost.length) return annotations;
  const byId = new Map(placed.annotations.map((a) => [a.id, a]));
  for (const id of [...orphans]) if (!placed.orphans.has(id)) orphans.delete(id);
  return annotations.map((a) => byId.get(a.id) ?? a);
}

/**
 * The corrections among placed annotations. A document-level one (the document's date)
 * applies even when its passage was lost: it speaks of the whole file.
 */
export function correctionsOf(
  annotations: readonly Annotation[],
  orphans: ReadonlySet<string>,
): PlacedCorrection[] {
  const out: PlacedCorrection[] = [];
  for (const a of annotations) {
    if (a.body.kind !== 'correction') continue;
    if (orphans.has(a.id) && !isDocumentLevel(a.body.correction)) continue;
    out.push({ start: a.start, end: a.end, correction: a.body.correction, id: a.id });
  }
  return out;
}
