// Known long forms wherever they appear: `Partnership for Peace` is a mention of PfP in a file that
// never writes `PfP`, and `North Atlantic Cooperation Council` one of NACC in a file that never
// defines it. The table is built from the definitions of the whole corpus (and the glossary) by
// the caller; matching is "case, hyphens and spacing aside".
//
// Speed matters: this runs over every document whenever the corpus's definitions change. One pass
// over the text's words; a word is looked up only if its length and first letter could start a
// long form, and only then lower-cased and looked up in a first-word map.
import { wordCharLength, wordEnd } from './characters';
import type { AcronymMention, Span } from './types';

interface Entry {
  key: string;
  /** Normalised words, the first one included. */
  words: string[];
}

/** Long forms indexed by their first normalised word (opaque to callers). */
export interface LongFormTable {
  readonly byFirst: ReadonlyMap<string, readonly Entry[]>;
  /** First-word first characters, in both cases (1 = may start a long form): a filter before lower-casing. */
  readonly firstChars: Uint8Array;
  /** First-word lengths (bit i set = length i, bit 31 = any longer). */
  readonly firstLengths: number;
}

const SEPARATOR = /[^\p{L}\p{N}]+/u;

/** `Partnership-for-Peace`, `partnership  for peace` -> `partnership for peace`. */
export function normaliseLongForm(long: string): string {
  return long
    .toLowerCase()
    .split(SEPARATOR)
    .filter((w) => w !== '')
    .join(' ');
}

export function buildLongFormTable(entries: { key: string; long: string }[]): LongFormTable {
  const byFirst = new Map<string, Entry[]>();
  const firstChars = new Uint8Array(65536);
  let firstLengths = 0;
  const seen = new Set<string>();
  for (const { key, long } of entries) {
    const normal = normaliseLongForm(long);
    if (normal === '' || seen.has(normal)) continue; // the first definition of a long form wins
    seen.add(normal);
    const words = normal.split(' ');
    const first = words[0];
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push({ key, words });
    firstChars[first.charCodeAt(0)] = 1;
    firstChars[first[0].toUpperCase().charCodeAt(0)] = 1;
    firstLengths |= 1 << Math.min(first.length, 31);
  }
  // longest first, so `Partnership for Peace Programme` wins over `Partnership for Peace`
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, firstChars, firstLengths };
}

/** Occurrences of known long forms in text, skipping any that overlap `taken` (sorted spans). */
export function findLongForms(text: string, table: LongFormTable, taken: readonly Span[]): AcronymMention[] {
  const out: AcronymMention[] = [];
  if (table.byFirst.size === 0) return out;
  const { firstChars, firstLengths } = table;
  const n = text.length;
  let ti = 0;
  let takenEnd = -1; // the furthest end among taken spans that start before the current word
  // one pass over the words, by character codes: no allocation for a word that cannot start a long form
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    const first = wordCharLength(text, i); // an astral letter is a pair
    if (first === 0) {
      i++;
      continue;
    }
    let j = wordEnd(text, i + first);
    if (firstChars[c] === 1 && ((firstLengths >>> Math.min(j - i, 31)) & 1) === 1) {
      const list = table.byFirst.get(text.slice(i, j).toLowerCase());
      for (const entry of list ?? []) {
        const end = matchRest(text, j, entry.words);
        if (end < 0) continue;
        while (ti < taken.length && taken[ti].start < i) takenEnd = Math.max(takenEnd, taken[ti++].end);
        const overlaps = takenEnd > i || (ti < taken.length && taken[ti].start < end);
        if (!overlaps) {
          out.push({ start: i, end, text: text.slice(i, end), key: entry.key, longForm: true });
          j = end;
        }
        break;
      }
    }
    i = j;
  }
  return out;
}

/** The end of `words[1..]` matched after `pos` (separated by spaces, hyphens, one line break), or -1. */
function matchRest(text: string, pos: number, words: readonly string[]): number {
  for (let w = 1; w < words.length; w++) {
    const after = skipSeparator(text, pos);
    if (after === pos) return -1;
    const end = wordEnd(text, after);
    if (end - after !== words[w].length || text.slice(after, end).toLowerCase() !== words[w]) return -1;
    pos = end;
  }
  return pos;
}
function skipSeparator(text: string, pos: number): number {
  let lineBreaks = 0;
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++lineBreaks > 1) return pos; // a blank line: the phrase does not continue
    } else if (
      c !== 32 &&
      c !== 9 &&
      c !== 13 &&
      c !== 45 /* - */ &&
      c !== 0xa0 &&
      c !== 0x2010 &&
      c !== 0x2011
    ) {
      return i;
    }
  }
  return pos;
}
