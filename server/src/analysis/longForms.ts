// Known long forms wherever they appear: `Partnership for Peace` is a mention of PfP in a file that
// never writes `PfP`, and `North Atlantic Cooperation Council` one of NACC in a file that never
// defines it. The table is built from the definitions of the whole corpus (and the glossary) by
// the caller; matching is "case, hyphens, spacing and British or American spelling aside"
// (`World Health Organisation` is `World Health Organization`, `Centre` is `Center`).
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

// British spellings that differ from the American ones by rule, folded to the American: -isation,
// -ise (organisation, immunise), -yse (analyse), -tre/-bre (centre, fibre), -our (labour,
// behaviour), -fence/-cence (defence, licence), -gramme (programme), -logue (catalogue), and the
// digraphs ae/oe inside a word (paediatric, diarrhoea). Both sides are folded, so a word that
// merely looks British (`enterprise`) folds the same way everywhere and still matches itself.
const BRITISH =
  /[iy]s(?:e|ed|es|ing|er|ers|ation|ations)$|[tb]res?$|.[^aeou]ours?$|[^aeou]our(?:ed|ing|al|ite|ites|able|er|ers|hood)$|[fc]ences?$|grammes?$|logues?$|.ae|.oe/;
// How much shorter a word is once folded, at most (`programme` -> `program`, `labour` -> `labor`).
const FOLD_SHRINK = 3;
// The rules backwards, from the American to the British spelling (`center` -> `centre`), for the
// first words of the table: the text's first words are then looked up as written, unfolded, which
// keeps the scan as fast as without spellings (except ae/oe, which cannot be undone: a long form
// defined as `Pediatric ...` is not found as `Paediatric ...`).
const AMERICAN =
  /[iy]z(?:e|ed|es|ing|er|ers|ation|ations)$|[tb]ers?$|[^aeou]ors?$|[^aeou]or(?:ed|ing|al|ite|ites|able|er|ers|hood)$|[fc]enses?$|grams?$|logs?$/;

/** `center` -> `centre`, `organization` -> `organisation`: the British spelling of a folded word. */
function britishSpelling(word: string): string {
  if (word.length < 4 || !AMERICAN.test(word)) return word;
  return word
    .replace(/([iy])z(e|ed|es|ing|er|ers|ation|ations)$/, '$1s$2')
    .replace(/([tb])er(s?)$/, '$1re$2')
    .replace(/([^aeou])or(s|ed|ing|al|ite|ites|able|er|ers|hood)?$/, '$1our$2')
    .replace(/([fc])ense(s?)$/, '$1ence$2')
    .replace(/gram(s?)$/, 'gramme$1')
    .replace(/log(s?)$/, 'logue$1');
}

/** `organisation` -> `organization`, `centre` -> `center`: one spelling of a lower-case word. */
export function foldSpelling(word: string): string {
  if (word.length < 4 || !BRITISH.test(word)) return word;
  return word
    .replace(/(.)(?:ae|oe)/g, '$1e')
    .replace(/([iy])s(e|ed|es|ing|er|ers|ation|ations)$/, '$1z$2')
    .replace(/([tb])re(s?)$/, '$1er$2')
    .replace(/([^aeou])our(s|ed|ing|al|ite|ites|able|er|ers|hood)?$/, '$1or$2')
    .replace(/([fc])ence(s?)$/, '$1ense$2')
    .replace(/gramme(s?)$/, 'gram$1')
    .replace(/logue(s?)$/, 'log$1');
}

/** `Partnership-for-Peace`, `partnership  for peace` -> `partnership for peace`; `Centre` -> `center`. */
export function normaliseLongForm(long: string): string {
  return long
    .toLowerCase()
    .split(SEPARATOR)
    .filter((w) => w !== '')
    .map(foldSpelling)
    .join(' ');
}

export function buildLongFormTable(entries: { key: string; long: string }[]): LongFormTable {
  const byFirst = new Map<string, Entry[]>();
  const firstChars = new Uint8Array(65536);
  let firstLengths = 0;
  const seen = new Set<string>();
  // first words as the definitions write them, by their folded spelling
  const written = new Map<string, Set<string>>();
  for (const { key, long } of entries) {
    const normal = normaliseLongForm(long);
    if (normal === '' || seen.has(normal)) continue; // the first definition of a long form wins
    seen.add(normal);
    const words = normal.split(' ');
    const first = words[0];
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push({ key, words });
    let spellings = written.get(first);
    if (!spellings) written.set(first, (spellings = new Set()));
    spellings.add(long.slice(0, long.search(SEPARATOR) >>> 0).toLowerCase());
  }
  // longest first, so `Partnership for Peace Programme` wins over `Partnership for Peace`
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  // each first word under every spelling the text may use: folded, as defined, and British
  for (const [first, spellings] of written) {
    const list = byFirst.get(first)!;
    spellings.add(first).add(britishSpelling(first));
    for (const spelling of spellings) {
      if (spelling === '') continue;
      if (!byFirst.has(spelling)) byFirst.set(spelling, list);
      firstChars[spelling.charCodeAt(0)] = 1;
      firstChars[spelling[0].toUpperCase().charCodeAt(0)] = 1;
      firstLengths |= 1 << Math.min(spelling.length, 31);
    }
  }
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
    const extra = end - after - words[w].length;
    if (extra < 0 || extra > FOLD_SHRINK) return -1;
    const word = text.slice(after, end).toLowerCase();
    if (word !== words[w] && foldSpelling(word) !== words[w]) return -1;
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
