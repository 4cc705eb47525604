// The keys a person's name is known by, in one document and across a corpus: the folded
// surname (`Geoană` = `Geoana`, `al-Assad` = `Assad`), a hash of it that the evidence pass
// compares without making strings, and the consonant skeleton that groups the spellings of
// one surname (`Goencz` / `Gencz`) for the corpus index.
import { WORD_HASH_SEED, wordHash, wordHashStep } from './wordTable';

/** Folds diacritics and case: `Geoană` and `Geoana` are one spelling. */
export function foldName(s: string): string {
  // most names are plain ASCII: nothing to decompose
  return ASCII.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export const ASCII = /^[\x00-\x7f]*$/;

/**
 * The key a surname is known by: its last word, folded, without a fused particle, so that
 * `de Hoop Scheffer` and `Scheffer`, `al-Assad` and `Assad`, `Geoană` and `Geoana` meet.
 */
export function surnameKeyOf(surname: string): string {
  // asked for every name mention at every update: remembered (a corpus has few surnames)
  let key = surnameKeys.get(surname);
  if (key !== undefined) return key;
  const lastSpace = surname.lastIndexOf(' ');
  const word = foldName(lastSpace >= 0 ? surname.slice(lastSpace + 1) : surname);
  const fused = /^(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az)-(?=.)/.exec(word);
  key = fused ? word.slice(fused[0].length) : word;
  if (surnameKeys.size >= 100_000) surnameKeys.clear();
  surnameKeys.set(surname, key);
  return key;
}

export const surnameKeys = new Map<string, string>();

/**
 * `wordHash(surnameKeyOf(word))` for the word at [start, end), made without the string when
 * the word is ASCII (most are): the evidence pass compares words of a document by these
 * numbers. Two words that differ and hash alike (one pair in four billion) would vouch for
 * each other, which the pass can bear.
 */
export function keyHashAt(text: string, start: number, end: number): number {
  let from = start;
  // `al-Assad`: the key is `assad` (see surnameKeyOf)
  if (text.charCodeAt(start + 2) === 45 || text.charCodeAt(start + 3) === 45) {
    const fused = /^(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az)-(?=.)/i.exec(
      text.slice(start, Math.min(end, start + 6)),
    );
    if (fused && start + fused[0].length < end) from = start + fused[0].length;
  }
  let h = WORD_HASH_SEED;
  for (let i = from; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) {
      const key = surnameKeyOf(text.slice(start, end));
      return wordHash(key, 0, key.length);
    }
    if (c >= 65 && c <= 90) c += 32;
    h = wordHashStep(h, c);
  }
  return h;
}

/**
 * The key that groups the surnames one person may be spelt with across a corpus: the surname
 * key's first letter and its consonants, doubles written once (`Goencz` and `Gencz` are
 * `gncz`, `Aliyev` and `Aliev` `alv`). Many surnames share a group; who is who inside it is
 * decided by given names and a spelling distance (personEntities.ts), never by the group alone.
 */
export function surnameGroupKeyOf(surname: string): string {
  let key = groupKeys.get(surname);
  if (key !== undefined) return key;
  const exact = surnameKeyOf(surname);
  key = exact.charAt(0);
  for (let i = 1; i < exact.length; i++) {
    const ch = exact.charAt(i);
    if ('aeiouyh'.includes(ch) || ch === key.charAt(key.length - 1)) continue;
    key += ch;
  }
  if (groupKeys.size >= 100_000) groupKeys.clear();
  groupKeys.set(surname, key);
  return key;
}

export const groupKeys = new Map<string, string>();

/** A loose pattern of the spellings a group key stands for (`gncz`: g, n, c, z with vowels between), to find them in a text. */
export function groupKeyPattern(key: string): string {
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...key].map((c) => esc(c) + '+').join('[aeiouyh]*');
}
