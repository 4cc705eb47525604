// The people recogniser's tokens (words, initials, punctuation, each knowing its sentence
// and line) and the small questions every step asks of them: is it a name word, a particle,
// the full stop of `Mr.`, a given lower-case word.
import type { Span } from './types';
import {
  ABBREVIATED_INITIALS,
  WordClass,
  classifyLowerTitleWord,
  classifyLowerTitleWordAt,
  classifyWordAt,
  Particle,
  particleKindAt,
  type WordSet,
} from './nameLexicon';
import { Shape, type Tokens } from './titles';
import { Char, TokenKind, TokenScanner } from './wordScanner';
import { wordHash } from './wordTable';

// Lower case after a lower-case letter (`PfP`, `iPhone`) is an acronym or brand, except in
// `McDonald`, `MacArthur`, `DeLay`, `LaGuardia`.
export const CAMEL_NAME = /^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz)\p{Lu}\p{Ll}+$/u;
export const NAME_PART = /^(?:\p{Lu}[\p{Ll}\p{M}'’]*|(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az))$/u;
// Short words that copy loses the space after (`byJohn Smith`, `andMaria Garcia`): a capital
// right after one of these starts a word of its own.
export const FUSED_PREFIX = /^(?:by|and|of|to|for|with|from|said|says|told|in|on|at|the|per)(?=[A-Z][a-z]+$)/;
// `anti-Castro`, `pro-Elian`: the name after the prefix is a mention of the person
export const NAME_PREFIX = /^(?:anti|pro)-(?=[A-Z][a-z]+$)/;

/** Columns that grow as tokens are added; `done` cuts them to the tokens written. */
class TokenColumns {
  n = 0;
  start: Int32Array;
  end: Int32Array;
  shape: Uint8Array;
  cls: Uint8Array;
  sentence: Int32Array;
  sameLine: Uint8Array;
  adjacent: Uint8Array;
  particle: Uint8Array;
  hash: Int32Array;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.shape = new Uint8Array(capacity);
    this.cls = new Uint8Array(capacity);
    this.sentence = new Int32Array(capacity);
    this.sameLine = new Uint8Array(capacity);
    this.adjacent = new Uint8Array(capacity);
    this.particle = new Uint8Array(capacity);
    this.hash = new Int32Array(capacity);
  }

  /** Room for one more token. */
  grow(): void {
    const size = this.start.length * 2;
    const more32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const more8 = (a: Uint8Array) => {
      const b = new Uint8Array(size);
      b.set(a);
      return b;
    };
    this.start = more32(this.start);
    this.end = more32(this.end);
    this.shape = more8(this.shape);
    this.cls = more8(this.cls);
    this.sentence = more32(this.sentence);
    this.sameLine = more8(this.sameLine);
    this.adjacent = more8(this.adjacent);
    this.particle = more8(this.particle);
    this.hash = more32(this.hash);
  }

  done(): Tokens {
    const n = this.n;
    return {
      length: n,
      start: this.start.subarray(0, n),
      end: this.end.subarray(0, n),
      shape: this.shape.subarray(0, n),
      cls: this.cls.subarray(0, n),
      sentence: this.sentence.subarray(0, n),
      sameLine: this.sameLine.subarray(0, n),
      adjacent: this.adjacent.subarray(0, n),
      particle: this.particle.subarray(0, n),
      hash: this.hash.subarray(0, n),
    };
  }
}

// news has a token every five or six characters; the columns double when that is short
const capacityFor = (text: string) => (text.length >> 2) + 16;

/**
 * Splits the text into word and punctuation tokens, each knowing its sentence. A word is
 * letters, marks and digits, joined by hyphens, or by an apostrophe before a capital
 * (`O'Brien`, `NATO'S`; `Stoltenberg's` stays two tokens so the possessive is outside); an
 * initial is a capital and its full stop; anything else is one character of punctuation
 * (see wordScanner.ts). A name fused to a short word before it (`byJohn`) is its own word.
 */
export function tokenize(text: string, sentences: readonly Span[]): Tokens {
  return fill(new TokenColumns(capacityFor(text)), text, sentences);
}

// Columns kept from one `withTokens` to the next. Making a typed array costs about as much as
// tokenizing 300 characters (its memory is allocated outside the JavaScript heap), and a
// corpus is mostly articles of a few thousand characters: seven new columns each time took a
// tenth of the recogniser's time.
let spare: TokenColumns | null = null;
/** Columns bigger than this (tokens) are not kept: a huge text's are let go after it. */
const SPARE_LIMIT = 1 << 18;

/**
 * `use(tokenize(text, sentences))`, with the columns of an earlier call reused: the tokens
 * are valid only during `use`. (A call inside `use` makes its own.)
 */
export function withTokens<T>(text: string, sentences: readonly Span[], use: (tokens: Tokens) => T): T {
  const cols = spare ?? new TokenColumns(capacityFor(text));
  spare = null;
  try {
    return use(fill(cols, text, sentences));
  } finally {
    if (cols.start.length <= SPARE_LIMIT) spare = cols;
  }
}

/** Writes the tokens of `text` into `cols` (from the first row) and returns them. */
function fill(cols: TokenColumns, text: string, sentences: readonly Span[]): Tokens {
  cols.n = 0;
  let sentence = 0;
  // the bounds of sentences[sentence], read once per sentence instead of once per token
  let sentenceStart = sentences.length ? sentences[0].start : Infinity;
  let sentenceEnd = sentences.length ? sentences[0].end : Infinity;
  let prevEnd = -1;
  const scan = new TokenScanner(text);
  while (scan.next()) {
    const start = scan.start;
    const end = scan.end;
    while (sentenceEnd <= start) {
      sentence++;
      sentenceStart = sentence < sentences.length ? sentences[sentence].start : Infinity;
      sentenceEnd = sentence < sentences.length ? sentences[sentence].end : Infinity;
    }
    // a fused word may add a token: room for two
    if (cols.n + 2 > cols.start.length) cols.grow();
    const n = cols.n;
    cols.start[n] = start;
    cols.end[n] = end;
    cols.sentence[n] = sentenceStart <= start ? sentence : -1 - sentence;
    cols.sameLine[n] = prevEnd < 0 || !scan.lineBreakBefore ? 1 : 0;
    const adjacent = start === prevEnd;
    cols.adjacent[n] = adjacent ? 1 : 0;
    cols.n = n + 1;
    prevEnd = end;
    let shape = Shape.Punct;
    let cls = WordClass.Name;
    let particle = 0;
    // a word's hash comes from the scanner; an initial's or a mark's is two units or one
    cols.hash[n] = scan.kind === TokenKind.Word ? scan.hash : wordHash(text, start, end);
    if (scan.kind === TokenKind.Initial) {
      // `U.S.`, `U.N.`: initials written tight together are an abbreviation, not a name's initials
      if (
        n > 0 &&
        adjacent &&
        cols.shape[n - 1] === Shape.Initial &&
        ABBREVIATED_INITIALS.has(text.charAt(cols.start[n - 1]) + text.charAt(start))
      ) {
        cols.shape[n - 1] = Shape.Upper;
        shape = Shape.Upper;
      } else shape = Shape.Initial;
    } else if (scan.kind === TokenKind.Word) {
      // only the first letter's case decides: `iPhone` is lower case, `McDonald` capitalised
      const first = scan.first;
      if (first & Char.Upper) {
        const both = classifyCapitalised(text, scan);
        shape = both & 7;
        cls = both >> 3;
      } else if (first & Char.Number) shape = Shape.Number;
      else if (first & Char.Lower) {
        shape = Shape.Lower;
        // ASCII lower case, most words: looked up in place, no case folding (lexicon keys are lower case)
        cls =
          (text.charCodeAt(start) < 128
            ? classifyLowerTitleWordAt(text, start, end, scan.hash)
            : classifyLowerTitleWord(text.slice(start, end).toLowerCase())) ?? WordClass.Name;
        // asked of most lower-case words a name passes: worked out once, with the hash at hand
        particle = particleKindAt(text, start, end, scan.hash);
        // `byJohn`, `anti-Castro`: a name fused to the word before it
        if (scan.camel || scan.hyphenated) {
          cols.shape[n] = shape;
          cols.cls[n] = cls;
          cols.particle[n] = particle;
          splitFused(text, cols, n);
          continue;
        }
      }
      // a word that starts with a caseless letter or a mark stays Punct, as it always has
    }
    cols.shape[n] = shape;
    cols.cls[n] = cls;
    cols.particle[n] = particle;
  }
  return cols.done();
}

/**
 * `byJohn` as `by` and `John`, `anti-Castro` as `anti-` and `Castro`: the lower-case word just
 * written as token `k` (the last), split where a name starts, if one does.
 */
function splitFused(text: string, cols: TokenColumns, k: number): void {
  const start = cols.start[k];
  const end = cols.end[k];
  const word = text.slice(start, end);
  const m = FUSED_PREFIX.exec(word) ?? NAME_PREFIX.exec(word);
  if (!m) return;
  const cut = start + m[0].length;
  cols.end[k] = cut;
  cols.cls[k] = classifyLowerTitleWord(m[0]) ?? WordClass.Name;
  cols.particle[k] = particleKindAt(text, start, cut);
  cols.hash[k] = wordHash(text, start, cut);
  const facts: WordFacts = {
    start: cut,
    end,
    chars: Char.Word | Char.Upper | Char.Lower,
    camel: false,
    hyphenated: false,
    hash: wordHash(text, cut, end),
  };
  const both = classifyCapitalised(text, facts);
  const n = k + 1;
  cols.start[n] = cut;
  cols.end[n] = end;
  cols.shape[n] = both & 7;
  cols.cls[n] = both >> 3;
  cols.sentence[n] = cols.sentence[k];
  cols.sameLine[n] = 1;
  cols.adjacent[n] = 1;
  cols.particle[n] = 0;
  cols.hash[n] = facts.hash;
  cols.n = n + 1;
}

/** What the scanner tells of a word (a TokenScanner after `next`, or the part of a fused word). */
export interface WordFacts {
  start: number;
  end: number;
  chars: number;
  camel: boolean;
  hyphenated: boolean;
  hash: number;
}

/** The shape and class of a word that starts with a capital, as `shape | cls << 3`. */
export function classifyCapitalised(text: string, scan: WordFacts): number {
  const { start, end } = scan;
  if ((scan.chars & Char.Lower) === 0) {
    // `A`, `I` are words; `NATO`, `US` are acronyms
    const cls = classifyWordAt(text, start, end, scan.hash, scan.hyphenated);
    return (end - start === 1 && cls !== WordClass.Name ? Shape.Cap : Shape.Upper) | (cls << 3);
  }
  if (scan.camel && !CAMEL_NAME.test(text.slice(start, end).split(/['’-]/).pop() ?? '')) {
    return Shape.Upper | (WordClass.Name << 3);
  }
  let cls = classifyWordAt(text, start, end, scan.hash, scan.hyphenated);
  // `NATO-led`, `Pre-war`: capitalised, but not shaped like a name
  if (
    cls === WordClass.Name &&
    scan.hyphenated &&
    !text
      .slice(start, end)
      .split('-')
      .every((p) => NAME_PART.test(p))
  ) {
    cls = WordClass.Modifier;
  }
  return Shape.Cap | (cls << 3);
}

/** A name word: capitalised and in no lexicon. */
export const isNameWord = (tokens: Tokens, k: number) =>
  tokens.shape[k] === Shape.Cap && tokens.cls[k] === WordClass.Name;

// (the particle column is 0 for all but lower-case words, and reading past either end gives 0)
export const isParticle = (tokens: Tokens, k: number) => (tokens.particle[k] & Particle.Inner) !== 0;

export const isPatronymic = (tokens: Tokens, k: number) => (tokens.particle[k] & Particle.Patronymic) !== 0;

export const isLeadingParticle = (tokens: Tokens, k: number) => (tokens.particle[k] & Particle.Leading) !== 0;

/** The full stop of `Mr.`, `Dr.`, `Gen.`: tight after a short honorific or office word. */
export function abbreviationStop(text: string, tokens: Tokens, i: number): boolean {
  if (
    i < 1 ||
    tokens.shape[i] !== Shape.Punct ||
    !tokens.adjacent[i] ||
    text.charCodeAt(tokens.start[i]) !== 46
  )
    return false;
  const w = i - 1;
  return (
    tokens.shape[w] === Shape.Cap &&
    tokens.end[w] - tokens.start[w] <= 4 &&
    (tokens.cls[w] === WordClass.Honorific || tokens.cls[w] === WordClass.Office)
  );
}

export const startsRun = (tokens: Tokens, k: number) => {
  const shape = tokens.shape[k];
  return shape === Shape.Cap || shape === Shape.Upper || shape === Shape.Initial;
};

export const wordOf = (text: string, tokens: Tokens, k: number) => text.slice(tokens.start[k], tokens.end[k]);

/** Whether token `k` is the lower-case word `word` (no string made). */
export function wordIs(text: string, tokens: Tokens, k: number, word: string): boolean {
  if (k < 0 || k >= tokens.length) return false;
  return (
    tokens.shape[k] === Shape.Lower &&
    tokens.end[k] - tokens.start[k] === word.length &&
    text.startsWith(word, tokens.start[k])
  );
}

/** Whether token `k` is a lower-case word of `set` (no string made). */
export function wordIn(text: string, tokens: Tokens, k: number, set: WordSet): boolean {
  if (k < 0 || k >= tokens.length) return false;
  return (
    tokens.shape[k] === Shape.Lower && set.hashedAt(text, tokens.start[k], tokens.end[k], tokens.hash[k])
  );
}

export function lowerAt(text: string, tokens: Tokens, k: number): string {
  if (k < 0 || k >= tokens.length) return '';
  return tokens.shape[k] === Shape.Lower ? text.slice(tokens.start[k], tokens.end[k]) : '';
}

export const isChar = (text: string, tokens: Tokens, k: number, code: number) =>
  k >= 0 && k < tokens.length && tokens.shape[k] === Shape.Punct && text.charCodeAt(tokens.start[k]) === code;
