// Corrections the engine obeys, as a layer over it: a file's corrections are applied to its
// analysis before the analysis enters the corpus index (`applyCorrections`), so the index,
// hovers, references, diagnostics and the command line all follow them without knowing of
// them. Two kinds need the corpus and get a small hook instead:
//   - the document's date is an analysis option (AnalysisOptions.documentDate): the file's
//     relative dates are read from it (`correctedOptions`);
//   - who a name is, decided per surname group across the corpus: the name mention carries
//     the correction (`NameMention.identity`) and `applyIdentityCorrections` runs after the
//     group is resolved.
import { extractClaims } from '../claims';
import type { AnalysisOptions, DocumentAnalysis } from '../documentAnalysis';
import {
  personId,
  type PersonAssignment,
  type PersonEntity,
  type PersonMentionInput,
} from '../personEntities';
import type { Finding, NameMention, Span } from '../types';
import type { Correction } from './model';

/** A correction at its place in the file's current text. */
export interface PlacedCorrection extends Span {
  correction: Correction;
  /** The annotation's id: a different person's id is made from it, so it stays the same. */
  id: string;
}

/** The analysis options with the document date a reader gave, if any (the latest wins). */
export function correctedOptions(
  options: AnalysisOptions,
  corrections: readonly PlacedCorrection[],
): AnalysisOptions {
  let value: string | undefined;
  for (const c of corrections) if (c.correction.type === 'document-date') value = c.correction.value;
  return value ? { ...options, documentDate: value } : options;
}

/**
 * The analysis as the reader corrected it. Pure and total: a correction over nothing the
 * engine found changes nothing. Without corrections the analysis is returned as it is.
 */
export function applyCorrections(
  a: DocumentAnalysis,
  corrections: readonly PlacedCorrection[],
): DocumentAnalysis {
  const local = corrections.filter((c) => c.correction.type !== 'document-date' && c.end > c.start);
  if (local.length === 0 || a.skipped) return a;
  const notEntity = local.filter((c) => c.correction.type === 'not-entity');
  const removed: Span[] = [];
  // dates: dropped, or given the reader's value
  let datesChanged = false;
  const dates = [];
  for (const d of a.dates) {
    if (notEntity.some((c) => overlaps(c, d))) {
      removed.push(d);
      datesChanged = true;
      continue;
    }
    const value = lastOf(local, d, 'date-value');
    if (value && value.correction.type === 'date-value' && value.correction.value !== d.value) {
      dates.push({ ...d, value: value.correction.value, correctedFrom: d.value, ambiguousOrder: false });
      // what the engine found wrong with its own reading no longer applies
      removed.push(d);
      datesChanged = true;
    } else dates.push(d);
  }
  // names: dropped (their followers re-pointed), re-read as someone, or marked someone else
  const keepName = a.names.map((n) => !notEntity.some((c) => overlaps(c, n)));
  let namesChanged = keepName.some((k) => !k);
  const newIndex: number[] = [];
  let next = 0;
  for (const k of keepName) newIndex.push(k ? next++ : -1);
  const names: NameMention[] = [];
  const nameYears: (number | null)[] = [];
  a.names.forEach((n, i) => {
    if (!keepName[i]) return;
    let name =
      n.fullRef >= 0 && newIndex[n.fullRef] !== n.fullRef ? { ...n, fullRef: newIndex[n.fullRef] } : n;
    const identity = identityAt(local, n);
    if (identity) {
      namesChanged = true;
      name = { ...name, identity: identity.identity };
      if (identity.surname) name.surname = identity.surname;
    } else if (n.fullRef >= 0) {
      // a shorter mention after a corrected name follows it into its person's group
      const surname = identityAt(local, a.names[n.fullRef])?.surname;
      if (surname && surname !== n.surname) {
        namesChanged = true;
        name = { ...name, surname };
      }
    }
    names.push(name);
    nameYears.push(a.nameYears[i] ?? null);
  });
  const acronyms = a.acronyms.filter((m) => !notEntity.some((c) => overlaps(c, m)));
  const definitions = a.definitions.filter(
    (d) => !notEntity.some((c) => overlaps(c, d.shortSpan) || overlaps(c, d.longSpan)),
  );
  const acronymsChanged =
    acronyms.length !== a.acronyms.length || definitions.length !== a.definitions.length;
  if (!datesChanged && !namesChanged && !acronymsChanged && notEntity.length === 0) return a;
  const findings: Finding[] = a.findings.filter((f) => !removed.some((r) => overlaps(r, f)));
  const claims =
    datesChanged || namesChanged || acronymsChanged
      ? extractClaims({ text: a.text, sentences: a.sentences, dates, names, acronyms })
      : a.claims;
  // the corrected file is one piece for the index: its sections' own lists are not corrected
  const { parts: _parts, ...rest } = a;
  void _parts;
  return {
    ...rest,
    dates,
    names,
    nameYears,
    acronyms,
    definitions,
    claims,
    findings,
    suppressed: notEntity.map((c) => ({ start: c.start, end: c.end })),
  };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function lastOf(
  list: readonly PlacedCorrection[],
  span: Span,
  type: Correction['type'],
): PlacedCorrection | undefined {
  let found: PlacedCorrection | undefined;
  for (const c of list) if (c.correction.type === type && overlaps(c, span)) found = c;
  return found;
}

/** The identity correction on a name, the latest one if several. */
function identityAt(
  list: readonly PlacedCorrection[],
  n: NameMention,
): { identity: NonNullable<NameMention['identity']>; surname?: string } | undefined {
  let found: PlacedCorrection | undefined;
  for (const c of list)
    if ((c.correction.type === 'same-person' || c.correction.type === 'different-person') && overlaps(c, n))
      found = c;
  if (!found) return undefined;
  const c = found.correction;
  if (c.type === 'same-person')
    return { identity: { same: c.entity, name: c.name, ref: found.id }, surname: c.surname || undefined };
  if (c.type === 'different-person') return { identity: { different: c.entity, ref: found.id } };
  return undefined;
}

/** Whether a list of spans (sorted or not) holds one overlapping `span`. */
export function isSuppressed(suppressed: readonly Span[] | undefined, span: Span): boolean {
  return !!suppressed && suppressed.some((s) => overlaps(s, span));
}

/**
 * The hook in people resolution: after a surname group is resolved, the names a reader
 * corrected (and the shorter mentions that follow them in their file) are given to the person
 * they named, or taken from the one they ruled out and given a person of their own. People
 * left with no mention are dropped. `resolved` is changed in place and returned.
 */
export function applyIdentityCorrections(
  inputs: readonly PersonMentionInput[],
  resolved: { entities: PersonEntity[]; assignments: PersonAssignment[] },
): { entities: PersonEntity[]; assignments: PersonAssignment[] } {
  const corrected = inputs.map((input) => input.mention.identity ?? input.full?.identity);
  if (!corrected.some(Boolean)) return resolved;
  const byId = new Map(resolved.entities.map((e) => [e.id, e]));
  inputs.forEach((input, i) => {
    const identity = corrected[i];
    if (!identity) return;
    if (identity.same && !byId.has(identity.same)) {
      // the correction joined two people the engine kept apart, and their person took the
      // other's name: it is the one the reader named
      const merged = byId.get(resolved.assignments[i].entity);
      const holdsTarget = inputs.some(
        (x, j) =>
          resolved.assignments[j].entity === merged?.id &&
          personId((x.full ?? x.mention).text) === identity.same,
      );
      if (merged && holdsTarget) {
        const was = merged.id;
        byId.delete(was);
        merged.id = identity.same;
        if (identity.name) merged.name = identity.name;
        byId.set(merged.id, merged);
        for (const a of resolved.assignments) {
          if (a.entity === was) a.entity = merged.id;
          if (a.ambiguous) a.ambiguous = a.ambiguous.map((x) => (x === was ? merged.id : x));
        }
      }
    }
    if (identity.same && byId.has(identity.same)) {
      resolved.assignments[i] = { entity: identity.same };
      addMention(byId.get(identity.same)!, input);
    }
  });
  // then the people ruled out, now that the ones named have their ids
  inputs.forEach((input, i) => {
    const identity = corrected[i];
    if (!identity) return;
    const shown = input.full ?? input.mention;
    if (identity.different && resolved.assignments[i].entity === identity.different) {
      const id = `${personId(shown.text)}~${identity.ref.replace(/^urn:uuid:/, '').slice(0, 8)}`;
      let own = byId.get(id);
      if (!own) {
        own = {
          id,
          name: shown.text,
          kind: shown.titles.length ? 'official' : 'person',
          variants: [],
          titles: [],
        };
        byId.set(id, own);
        resolved.entities.push(own);
      }
      resolved.assignments[i] = { entity: id };
      addMention(own, input);
    }
  });
  const used = new Set(resolved.assignments.map((a) => a.entity));
  resolved.entities = resolved.entities.filter((e) => used.has(e.id));
  for (const a of resolved.assignments) {
    if (a.ambiguous) a.ambiguous = a.ambiguous.filter((id) => used.has(id));
    if (a.ambiguous?.length === 0) delete a.ambiguous;
  }
  return resolved;
}

function addMention(entity: PersonEntity, input: PersonMentionInput): void {
  if (!entity.variants.includes(input.mention.text)) entity.variants.push(input.mention.text);
  for (const t of input.mention.titles) {
    if (!entity.titles.some((x) => x.doc === input.doc && x.start === t.start))
      entity.titles.push({ text: t.text, year: input.year, doc: input.doc, start: t.start });
  }
  if (input.mention.titles.length) entity.kind = 'official';
}
