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
import { Shape, type Token } from './titles';
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

/**
 * Splits the text into word and punctuation tokens, each knowing its sentence. A word is
 * letters, marks and digits, joined by hyphens, or by an apostrophe before a capital
 * (`O'Brien`, `NATO'S`; `Stoltenberg's` stays two tokens so the possessive is outside); an
 * initial is a capital and its full stop; anything else is one character of punctuation
 * (see wordScanner.ts). A name fused to a short word before it (`byJohn`) is its own word.
 */
export function tokenize(text: string, sentences: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  // the bounds of sentences[sentence], read once per sentence instead of once per token
  let sentenceStart = sentences.length ? sentences[0].start : Infinity;
  let sentenceEnd = sentences.length ? sentences[0].end : Infinity;
  let prevEnd = -1;
  const scan = new TokenScanner(text);
  // lower-case words that may hide a name (`byJohn`, `anti-Castro`), split after the loop,
  // which must stay small to stay fast
  let fused: number[] | null = null;
  while (scan.next()) {
    const start = scan.start;
    const end = scan.end;
    while (sentenceEnd <= start) {
      sentence++;
      sentenceStart = sentence < sentences.length ? sentences[sentence].start : Infinity;
      sentenceEnd = sentence < sentences.length ? sentences[sentence].end : Infinity;
    }
    const token: Token = {
      start,
      end,
      shape: Shape.Punct,
      cls: WordClass.Name,
      sentence: sentenceStart <= start ? sentence : -1 - sentence,
      sameLine: prevEnd < 0 || !scan.lineBreakBefore,
      adjacent: start === prevEnd,
    };
    prevEnd = end;
    if (scan.kind === TokenKind.Initial) {
      // `U.S.`, `U.N.`: initials written tight together are an abbreviation, not a name's initials
      const prev = tokens.length ? tokens[tokens.length - 1] : null;
      if (
        prev &&
        token.adjacent &&
        prev.shape === Shape.Initial &&
        ABBREVIATED_INITIALS.has(text.charAt(prev.start) + text.charAt(start))
      ) {
        prev.shape = Shape.Upper;
        token.shape = Shape.Upper;
      } else token.shape = Shape.Initial;
    } else if (scan.kind === TokenKind.Word) {
      // only the first letter's case decides: `iPhone` is lower case, `McDonald` capitalised
      const first = scan.first;
      if (first & Char.Upper) classifyCapitalised(text, scan, token);
      else if (first & Char.Number) token.shape = Shape.Number;
      else if (first & Char.Lower) {
        // `byJohn`, `anti-Castro` (kept out of this loop, which must stay small to stay fast)
        if (scan.camel || scan.hyphenated) (fused ??= []).push(tokens.length);
        token.shape = Shape.Lower;
        // ASCII lower case, most words: looked up in place, no case folding (lexicon keys are lower case)
        const cls =
          text.charCodeAt(start) < 128
            ? classifyLowerTitleWordAt(text, start, end, scan.hash)
            : classifyLowerTitleWord(text.slice(start, end).toLowerCase());
        token.cls = cls ?? WordClass.Name;
      }
      // a word that starts with a caseless letter or a mark stays Punct, as it always has
    }
    tokens.push(token);
  }
  return fused ? splitFused(text, tokens, fused) : tokens;
}

/**
 * `byJohn` as `by` and `John`, `anti-Castro` as `anti-` and `Castro`: the tokens with the
 * lower-case words at `at` split where a name starts (the same array when none is).
 */
export function splitFused(text: string, tokens: Token[], at: readonly number[]): Token[] {
  let out: Token[] | null = null;
  let copied = 0;
  for (const k of at) {
    const token = tokens[k];
    const start = token.start;
    const word = text.slice(start, token.end);
    const m = FUSED_PREFIX.exec(word) ?? NAME_PREFIX.exec(word);
    if (!m) continue;
    out ??= [];
    for (; copied < k; copied++) out.push(tokens[copied]);
    copied = k + 1;
    const cut = start + m[0].length;
    // written out as tokenize writes them: tokens of one shape keep the code that reads them fast
    const prefix: Token = {
      start,
      end: cut,
      shape: Shape.Lower,
      cls: classifyLowerTitleWord(m[0]) ?? WordClass.Name,
      sentence: token.sentence,
      sameLine: token.sameLine,
      adjacent: token.adjacent,
    };
    const name: Token = {
      start: cut,
      end: token.end,
      shape: Shape.Punct,
      cls: WordClass.Name,
      sentence: token.sentence,
      sameLine: true,
      adjacent: true,
    };
    const facts: WordFacts = {
      start: cut,
      end: token.end,
      chars: Char.Word | Char.Upper | Char.Lower,
      camel: false,
      hyphenated: false,
      hash: wordHash(text, cut, token.end),
    };
    classifyCapitalised(text, facts, name);
    out.push(prefix, name);
  }
  if (!out) return tokens;
  for (; copied < tokens.length; copied++) out.push(tokens[copied]);
  return out;
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

export function classifyCapitalised(text: string, scan: WordFacts, token: Token): void {
  const { start, end } = scan;
  if ((scan.chars & Char.Lower) === 0) {
    // `A`, `I` are words; `NATO`, `US` are acronyms
    token.cls = classifyWordAt(text, start, end, scan.hash, scan.hyphenated);
    token.shape = end - start === 1 && token.cls !== WordClass.Name ? Shape.Cap : Shape.Upper;
  } else if (scan.camel && !CAMEL_NAME.test(text.slice(start, end).split(/['’-]/).pop() ?? '')) {
    token.shape = Shape.Upper;
  } else {
    token.shape = Shape.Cap;
    token.cls = classifyWordAt(text, start, end, scan.hash, scan.hyphenated);
    // `NATO-led`, `Pre-war`: capitalised, but not shaped like a name
    if (
      token.cls === WordClass.Name &&
      scan.hyphenated &&
      !text
        .slice(start, end)
        .split('-')
        .every((p) => NAME_PART.test(p))
    ) {
      token.cls = WordClass.Modifier;
    }
  }
}

/** A name word: capitalised and in no lexicon. */
export const isNameWord = (t: Token) => t.shape === Shape.Cap && t.cls === WordClass.Name;

export function isParticle(text: string, t: Token): boolean {
  return t.shape === Shape.Lower && (particleKindAt(text, t.start, t.end) & Particle.Inner) !== 0;
}

export const isPatronymic = (text: string, t: Token) =>
  t.shape === Shape.Lower && (particleKindAt(text, t.start, t.end) & Particle.Patronymic) !== 0;

export const isLeadingParticle = (text: string, t: Token) =>
  t.shape === Shape.Lower && (particleKindAt(text, t.start, t.end) & Particle.Leading) !== 0;

/** The full stop of `Mr.`, `Dr.`, `Gen.`: tight after a short honorific or office word. */
export function abbreviationStop(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (i < 1 || t.shape !== Shape.Punct || !t.adjacent || text.charCodeAt(t.start) !== 46) return false;
  const w = tokens[i - 1];
  return (
    w.shape === Shape.Cap &&
    w.end - w.start <= 4 &&
    (w.cls === WordClass.Honorific || w.cls === WordClass.Office)
  );
}

export const startsRun = (t: Token) =>
  t.shape === Shape.Cap || t.shape === Shape.Upper || t.shape === Shape.Initial;

export const wordOf = (text: string, t: Token) => text.slice(t.start, t.end);

/** Whether token `k` is the lower-case word `word` (no string made). */
export function wordIs(text: string, tokens: readonly Token[], k: number, word: string): boolean {
  if (k < 0 || k >= tokens.length) return false;
  const t = tokens[k];
  return t.shape === Shape.Lower && t.end - t.start === word.length && text.startsWith(word, t.start);
}

/** Whether token `k` is a lower-case word of `set` (no string made). */
export function wordIn(text: string, tokens: readonly Token[], k: number, set: WordSet): boolean {
  if (k < 0 || k >= tokens.length) return false;
  const t = tokens[k];
  return t.shape === Shape.Lower && set.hasAt(text, t.start, t.end);
}

export function lowerAt(text: string, tokens: readonly Token[], k: number): string {
  if (k < 0 || k >= tokens.length) return '';
  const t = tokens[k];
  return t.shape === Shape.Lower ? text.slice(t.start, t.end) : '';
}

export const isChar = (text: string, tokens: readonly Token[], k: number, code: number) =>
  k >= 0 && k < tokens.length && tokens[k].shape === Shape.Punct && text.charCodeAt(tokens[k].start) === code;
