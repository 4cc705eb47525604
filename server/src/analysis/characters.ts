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

/** The end of the run of letters and digits that starts at `i`. */
export function wordEnd(text: string, i: number): number {
  while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
  return i;
}
