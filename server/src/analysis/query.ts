// Questions the editor asks of the corpus: what is under the cursor, where is it defined,
// where else is it mentioned. Offsets in, offsets out; the server maps them to positions.
import { dateMention, type CorpusIndex, type ResolvedMention } from './corpusIndex';
import type { DateMention, Span } from './types';

export interface Located {
  path: string;
  mention: ResolvedMention;
}

/** The mention that contains `offset` (or ends right at it, as a cursor after a word does). */
export function mentionAt(index: CorpusIndex, path: string, offset: number): ResolvedMention | undefined {
  return index.mentionAt(path, offset);
}

/** Every mention of an entity across the corpus, by path then offset. */
export function referencesOf(index: CorpusIndex, entity: string): Located[] {
  const out: Located[] = [];
  for (const path of index.docsOf(entity))
    for (const mention of index.entityMentions(path, entity)) out.push({ path, mention });
  return out;
}

/** Whether a date mention has this normalised value and modifier (what makes two the same date). */
export function isDate(date: DateMention, value: string, mod: string | undefined): boolean {
  return date.value === value && (date.mod ?? undefined) === (mod ?? undefined);
}

/** Every mention of a date value across the corpus (same normalised value and modifier). */
export function sameDateMentions(index: CorpusIndex, value: string, mod?: string): Located[] {
  const out: Located[] = [];
  // straight from the analyses: a date needs nothing resolved against the corpus
  for (const path of index.docsWithDate(value)) {
    for (const date of index.get(path)?.analysis.dates ?? [])
      if (isDate(date, value, mod)) out.push({ path, mention: dateMention(date) });
  }
  return out;
}

/**
 * The other files that mention a date value (same modifier), counted, with the first
 * mention in each of the first `limit`: what a date's hover shows, without building a
 * mention for each of the thousands of places a common year is written.
 */
export function otherDocsWithDate(
  index: CorpusIndex,
  value: string,
  mod: string | undefined,
  except: string,
  limit: number,
): { count: number; first: Located[] } {
  let count = 0;
  const first: Located[] = [];
  for (const path of index.docsWithDate(value)) {
    if (path === except) continue;
    const date = index.get(path)?.analysis.dates.find((d) => isDate(d, value, mod));
    if (!date) continue;
    count++;
    if (first.length < limit) first.push({ path, mention: dateMention(date) });
  }
  return { count, first };
}

/**
 * Where an entity is defined. An acronym: its first definition (`Planning and Review
 * Process (PARP)`). A person: the full name a surname shortens in the same file, else the
 * corpus's first full mention with a title, else its first full mention.
 */
export function definitionOf(
  index: CorpusIndex,
  entity: string,
  from?: { path: string; mention: ResolvedMention },
): { path: string; span: Span } | undefined {
  if (entity.startsWith('acronym:')) {
    const acronym = index.acronym(entity.slice('acronym:'.length));
    if (acronym?.definedAt) {
      const d = acronym.definitions[0].definition;
      return { path: acronym.definedAt.path, span: d.longSpan };
    }
    return firstMention(index, entity);
  }
  if (from?.mention.name && from.mention.name.fullRef >= 0) {
    const doc = index.get(from.path);
    const full = doc?.analysis.names[from.mention.name.fullRef];
    if (full) return { path: from.path, span: full };
  }
  const introduced = index.personDefinition(entity);
  if (introduced) return { path: introduced.path, span: introduced.mention };
  return firstMention(index, entity);
}

/** The corpus's first mention of an entity (files by path), reading files until one has it. */
function firstMention(index: CorpusIndex, entity: string): { path: string; span: Span } | undefined {
  for (const path of index.docsOf(entity)) {
    const first = index.entityMentions(path, entity)[0];
    if (first) return { path, span: first };
  }
  return undefined;
}

/** The next (or previous) mention of the same entity, across files, wrapping around. */
export function adjacentMention(
  index: CorpusIndex,
  path: string,
  offset: number,
  direction: 1 | -1,
): Located | undefined {
  const here = mentionAt(index, path, offset);
  if (!here) return undefined;
  const key = here.entity ?? (here.kind === 'date' ? `date:${here.value}` : undefined);
  if (!key) return undefined;
  const all = here.entity ? referencesOf(index, here.entity) : sameDateMentions(index, here.value!, here.mod);
  if (all.length === 0) return undefined;
  const i = all.findIndex((r) => r.path === path && r.mention.start === here.start);
  const next = (i + direction + all.length) % all.length;
  return all[next];
}
