// Character classes the recognisers scan with, beyond ASCII: each distinct character is
// classified once (0 = not yet, 1 = yes, 2 = no), so text in any script costs no
// allocation per character.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const WORD_CHAR = new Uint8Array(65536);
const UPPER_CHAR = new Uint8Array(65536);

/** A letter or digit, in any script. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let k = WORD_CHAR[c];
  if (k === 0) WORD_CHAR[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** A capital letter, in any script. */
export function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  let k = UPPER_CHAR[c];
  if (k === 0) UPPER_CHAR[c] = k = UPPER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

// Letters and digits outside the BMP (`𝐀`, `𐐀`, `𝟏`) are two code units, neither of which is a
// letter alone: the scanners read them as pairs, so `𝐀𝐁𝐂` is one word, not three breaks. They
// are rare, so a map caches them rather than a table.
const ASTRAL_WORD = new Map<number, boolean>();
const ASTRAL_UPPER = new Map<number, boolean>();

function classify(cache: Map<number, boolean>, re: RegExp, cp: number): boolean {
  let k = cache.get(cp);
  if (k === undefined) {
    if (cache.size > 4096) cache.clear();
    cache.set(cp, (k = re.test(String.fromCodePoint(cp))));
  }
  return k;
}

/** The code point of the surrogate pair at `i`, or -1 when there is none (a lone half, BMP). */
export function pairAt(text: string, i: number): number {
  const hi = text.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdbff) return -1;
  const lo = text.charCodeAt(i + 1); // NaN past the end: no pair
  if (!(lo >= 0xdc00 && lo <= 0xdfff)) return -1;
  return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
}

/** Code units of the letter or digit at `i`: 1, 2 for an astral one, 0 for none. */
export function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return isWordCode(c) ? 1 : 0;
  const cp = pairAt(text, i);
  return cp >= 0 && classify(ASTRAL_WORD, LETTER_OR_DIGIT, cp) ? 2 : 0;
}

/** Whether the character at `i` (a whole pair when there is one) is a capital letter. */
export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return isUpperCode(c);
  const cp = pairAt(text, i);
  return cp >= 0 && classify(ASTRAL_UPPER, UPPER, cp);
}

/** Whether the character that ends at `i` (a whole pair when there is one) is a letter or digit. */
export function isWordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 0xdc00 || c > 0xdfff) return isWordCode(c);
  return i >= 2 && wordCharLength(text, i - 2) === 2;
}

/** The end of the run of letters and digits (astral ones included) that starts at `i`. */
export function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) {
      if (!isWordCode(c)) break;
      i++;
    } else {
      if (wordCharLength(text, i) !== 2) break;
      i += 2;
    }
  }
  return i;
}
