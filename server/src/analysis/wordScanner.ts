// The people recogniser's tokens, found by one pass over the character codes. It finds
// exactly what this regular expression finds, run with the `g` flag over the whole text:
//
//   /(\p{Lu}\.)(?=[\s\p{Lu}])|[\p{L}\p{M}\p{N}]+(?:(?:-|['’](?=\p{Lu}))[\p{L}\p{M}\p{N}]+)*|\S/gu
//
// that is: an initial (a capital and its full stop, before white space or a capital), else
// a word (letters, marks and digits, joined by a hyphen or by an apostrophe before a
// capital), else one character of anything but white space. The expression made a match
// object and a substring per token and tested character classes one by one; this scanner
// looks each character up in a table of its classes instead, and reports what the
// recogniser asks about a word next (its case, whether it is camel-case or hyphenated, its
// hash for the lexicon tables) from the same pass, so most words never become strings.
//
// Like the `u` flag, it reads code points: a surrogate pair is one character (`𝐀` is an
// upper-case letter, `😀` one symbol of two units) and a lone surrogate is a symbol.
import { WORD_HASH_SEED, wordHashStep } from './wordTable';

/** What a character is, as bits. */
export const enum Char {
  /** JavaScript white space (`\s`). */
  Space = 1,
  /** Ends a line: `\n`, `\r`, U+2028, U+2029. */
  LineBreak = 2,
  /** A letter, mark or digit (`[\p{L}\p{M}\p{N}]`): part of a word. */
  Word = 4,
  /** `\p{Lu}`. */
  Upper = 8,
  /** `\p{Ll}`. */
  Lower = 16,
  /** `\p{N}`. */
  Number = 32,
  /** Two UTF-16 units: a surrogate pair. */
  Pair = 64,
  /** Marks a table entry as filled in (0 is not yet). */
  Known = 128,
}

// Each distinct character is classified once, by the same Unicode properties the regular
// expression used; the table has every UTF-16 unit, a map the few astral characters met.
const SPACE = /^\s$/u;
const WORD = /^[\p{L}\p{M}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const NUMBER = /^\p{N}$/u;
const UNITS = new Uint8Array(65536);
const ASTRAL = new Map<number, number>();

function classify(ch: string): number {
  let k: number = Char.Known;
  if (SPACE.test(ch)) k |= Char.Space;
  if (WORD.test(ch)) k |= Char.Word;
  if (UPPER.test(ch)) k |= Char.Upper;
  if (LOWER.test(ch)) k |= Char.Lower;
  if (NUMBER.test(ch)) k |= Char.Number;
  return k;
}

function classifyUnit(c: number): number {
  let k = classify(String.fromCharCode(c)); // a lone surrogate is no letter and no space
  if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) k |= Char.LineBreak;
  UNITS[c] = k;
  return k;
}

function classifyAstral(cp: number): number {
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    k = classify(String.fromCodePoint(cp)) | Char.Pair;
    ASTRAL.set(cp, k);
  }
  return k;
}

/** The classes of the character at `i` (`i` must be inside the text). */
function charAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c & 0xfc00) === 0xd800) {
    const d = text.charCodeAt(i + 1); // NaN past the end: no pair
    if ((d & 0xfc00) === 0xdc00) return classifyAstral(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
  }
  const k = UNITS[c];
  return k !== 0 ? k : classifyUnit(c);
}

export const enum TokenKind {
  /** `C.`: a capital and its full stop, before white space or a capital. */
  Initial,
  /** Letters, marks and digits, maybe joined by hyphens or apostrophes. */
  Word,
  /** One character that is neither white space nor part of a word. */
  Other,
}

/** Reads a text token by token: `while (scan.next())`, then the fields describe the token. */
export class TokenScanner {
  start = 0;
  end = 0;
  kind = TokenKind.Other;
  /** The classes of the token's first character. */
  first = 0;
  /** A line break in the white space between the previous token and this one. */
  lineBreakBefore = false;
  /** For a word: the classes of its characters together (`& Char.Lower`: it has a lower-case letter). */
  chars = 0;
  /** For a word: a lower-case letter right before a capital (`PfP`, `McDonald`). */
  camel = false;
  /** For a word: its parts are joined by a hyphen. */
  hyphenated = false;
  /** For a word: its `wordHash`, to look it up in a WordTable without reading it again. */
  hash = 0;

  constructor(private readonly text: string) {}

  /** Moves to the next token; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    let k = 0;
    let lineBreak = false;
    // White space is all in the Basic Multilingual Plane: one unit per character.
    for (; i < n; i++) {
      if (text.charCodeAt(i) === 32) continue; // the usual space
      k = charAt(text, i);
      if ((k & Char.Space) === 0) break;
      if (k & Char.LineBreak) lineBreak = true;
    }
    if (i >= n) return false;
    this.start = i;
    this.first = k;
    this.lineBreakBefore = lineBreak;
    this.chars = 0;
    this.camel = false;
    this.hyphenated = false;
    const width = k & Char.Pair ? 2 : 1;
    const dot = i + width;
    if (
      k & Char.Upper &&
      dot + 1 < n &&
      text.charCodeAt(dot) === 46 /* . */ &&
      charAt(text, dot + 1) & (Char.Space | Char.Upper)
    ) {
      this.kind = TokenKind.Initial;
      this.end = dot + 1;
      return true;
    }
    if ((k & Char.Word) === 0) {
      this.kind = TokenKind.Other;
      this.end = dot;
      return true;
    }
    this.kind = TokenKind.Word;
    this.end = this.scanWord(i);
    return true;
  }

  /** The end of the word that starts at `i`. */
  private scanWord(i: number): number {
    const text = this.text;
    const n = text.length;
    let chars = 0;
    let camel = false;
    let hyphenated = false;
    let prevLower = false;
    let h = WORD_HASH_SEED;
    for (;;) {
      while (i < n) {
        // Most of a word is ASCII lower case: nothing to look up, and no camel case inside.
        const c = text.charCodeAt(i);
        if (c >= 97 && c <= 122) {
          chars |= Char.Word | Char.Lower;
          prevLower = true;
          h = wordHashStep(h, c);
          i++;
          continue;
        }
        const k = charAt(text, i);
        if ((k & Char.Word) === 0) break;
        if (prevLower && k & Char.Upper) camel = true;
        prevLower = (k & Char.Lower) !== 0;
        chars |= k;
        h = wordHashStep(h, c);
        if (k & Char.Pair) h = wordHashStep(h, text.charCodeAt(++i));
        i++;
      }
      // A hyphen before a word character, or an apostrophe before a capital, joins the next part.
      if (i + 1 >= n) break;
      const sep = text.charCodeAt(i);
      if (sep === 45 /* - */) {
        if ((charAt(text, i + 1) & Char.Word) === 0) break;
        hyphenated = true;
      } else if (sep === 39 /* ' */ || sep === 0x2019 /* ’ */) {
        if ((charAt(text, i + 1) & Char.Upper) === 0) break;
      } else break;
      prevLower = false;
      h = wordHashStep(h, sep);
      i++;
    }
    this.hash = h;
    this.chars = chars;
    this.camel = camel;
    this.hyphenated = hyphenated;
    return i;
  }
}
