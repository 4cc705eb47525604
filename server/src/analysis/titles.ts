// The title grammar: the role written next to a name, before it (`Azerbaijani Defence
// Minister Zakir Hasanov`, `head of Azerbaijan's Mission to NATO Gaya Mammadov`) or after
// it as an apposition (`Javier Solana, Secretary-General of NATO,`). A title is a phrase
// headed by an office or rank word, with the modifiers and complements news attaches to it:
//
//   before: [modifiers] OFFICE [(of|for|on|to|'s) [the] complement]* NAME
//   after:  NAME , [determiner] [modifiers] OFFICE [connector words]* (, | . | verb)
//
// It works on the word tokens people.ts makes, so the walk is linear and allocates only
// for the few words it needs to look up.
import type { TitleMention } from './types';
import {
  CLAUSE_WORDS,
  TITLE_CONNECTORS,
  TITLE_DETERMINERS,
  WordClass,
  classifyLowerTitleWord,
  classifyWord,
} from './nameLexicon';

export const enum Shape {
  /** `Hasanov`, `Minister`, `Euro-Atlantic`: upper-case first letter, then lower case. */
  Cap = 0,
  /** `NATO`, `NATO'S`, `PfP`: capitals (an acronym), or mixed case that is no name. */
  Upper = 1,
  /** `C.`: an initial with its full stop. */
  Initial = 2,
  /** Any lower-case word. */
  Lower = 3,
  /** A word that starts with a digit. */
  Number = 4,
  /** One character of punctuation or symbol. */
  Punct = 5,
}

/** One token, as an object: what `tokenAt` reads out of a `Tokens` table (for tests and tools). */
export interface Token {
  start: number;
  end: number;
  shape: Shape;
  /** For Cap words: the lexicon class; for Lower words: the class inside a title, or Name when none. */
  cls: WordClass;
  /** Sentence index (tokens of different sentences never join). */
  sentence: number;
  /** Only spaces or tabs (no line break) separate this token from the previous one. */
  sameLine: boolean;
  /** No space at all separates this token from the previous one. */
  adjacent: boolean;
}

/**
 * The tokens of one text, a column per field (token `k` is `start[k]`, `shape[k]`, ...): a
 * text of 10 MB has two million tokens, and as objects they cost more to make and to keep
 * (garbage collection) than reading the text does. Each column has exactly `length`
 * entries, so reading past either end gives `undefined`, as an array of objects did.
 */
export interface Tokens {
  readonly length: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** `Shape` */
  readonly shape: Uint8Array;
  /** `WordClass`: for Cap words the lexicon class; for Lower words the class inside a title, or Name when none. */
  readonly cls: Uint8Array;
  /** Sentence index (tokens of different sentences never join); `-1 - s` between sentences `s - 1` and `s`. */
  readonly sentence: Int32Array;
  /** 1: only spaces or tabs (no line break) separate this token from the previous one. */
  readonly sameLine: Uint8Array;
  /** 1: no space at all separates this token from the previous one. */
  readonly adjacent: Uint8Array;
  /** `Particle` bits (nameLexicon.ts) of a lower-case word (`de`, `van`, `oglu`); 0 for any other token. */
  readonly particle: Uint8Array;
  /** `wordHash` (wordTable.ts) of each token's text: lexicon tables are asked with it, no string made. */
  readonly hash: Int32Array;
}

/** Token `k` as an object. */
export function tokenAt(tokens: Tokens, k: number): Token {
  return {
    start: tokens.start[k],
    end: tokens.end[k],
    shape: tokens.shape[k],
    cls: tokens.cls[k],
    sentence: tokens.sentence[k],
    sameLine: tokens.sameLine[k] === 1,
    adjacent: tokens.adjacent[k] === 1,
  };
}

// Lower-case words that may open a title before its office word (`special envoy`, `former president`).
const PREMODIFIERS = new Set([
  'special',
  'deputy',
  'vice',
  'acting',
  'former',
  'first',
  'senior',
  'chief',
  'top',
  'interim',
  'assistant',
  'executive',
  'permanent',
  'foreign',
  'defence',
  'defense',
  'prime',
  'state',
  'general',
]);

const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 96; // ' ’ `

/** `'s` at tokens i-1..i (apostrophe, then the word `s`), written tight to the word before. */
function possessiveEndingAt(text: string, tokens: Tokens, i: number): boolean {
  if (i >= tokens.length) return false;
  const s = tokens.start[i];
  if (tokens.shape[i] !== Shape.Lower || tokens.end[i] - s !== 1 || text.charCodeAt(s) !== 115 /* s */)
    return false;
  if (i < 2 || !tokens.adjacent[i]) return false;
  return (
    tokens.shape[i - 1] === Shape.Punct &&
    tokens.adjacent[i - 1] === 1 &&
    isApostrophe(text.charCodeAt(tokens.start[i - 1]))
  );
}

/** The lexicon form of token `k` (a word): only a lower-case word's first letter is known to be lower case. */
function lowerWord(text: string, tokens: Tokens, k: number): string {
  const w = text.slice(tokens.start[k], tokens.end[k]);
  return tokens.shape[k] === Shape.Lower && !/[A-Z]/.test(w) ? w : w.toLowerCase();
}

function isOffice(tokens: Tokens, k: number): boolean {
  const shape = tokens.shape[k];
  return (
    (shape === Shape.Cap || shape === Shape.Lower || shape === Shape.Upper) &&
    tokens.cls[k] === WordClass.Office
  );
}

/** Token `k` is the punctuation character `code` (false outside the tokens). */
const isChar = (text: string, tokens: Tokens, k: number, code: number) =>
  k >= 0 && k < tokens.length && tokens.shape[k] === Shape.Punct && text.charCodeAt(tokens.start[k]) === code;

const SAYING = /^(?:said|says|told|added)$/;

// Adverbs an apposition may open with, trimmed from the title (`, then the prime minister`).
const TITLE_ADVERBS = new Set([
  'currently',
  'now',
  'then',
  'formerly',
  'previously',
  'also',
  'still',
  'once',
]);

/** An honorific right before token `k` (`Mr`, `Mr.`, `Dr.`): the index of its first token, else -1. */
function honorificBefore(text: string, tokens: Tokens, k: number, floor: number): number {
  let j = k - 1;
  if (j >= floor && isChar(text, tokens, j, 46) && tokens.adjacent[j]) j--;
  if (j >= floor && tokens.shape[j] === Shape.Cap && tokens.cls[j] === WordClass.Honorific) return j;
  return -1;
}

/**
 * The title written right before the name that starts at token `nameTok`, looking no
 * further left than token `floor` (the sentence start or the end of the previous name).
 * An honorific may stand between them (`Deputy Minister Mr. Ivan Petrov`), and the title
 * may be an apposition set off by a comma (`Ruritania's permanent representative to the UN,
 * Ivan Petrov`), or a plural office before a list after a colon (`three directors: Mr. Sugarman`).
 */
export function titleBefore(
  text: string,
  tokens: Tokens,
  nameTok: number,
  floor: number,
  nameEnd = nameTok,
): TitleMention | null {
  let at = nameTok;
  const honorific = honorificBefore(text, tokens, at, floor);
  if (honorific >= 0) at = honorific;
  if (at - 1 < floor) return null;
  if (isChar(text, tokens, at - 1, 44 /* , */)) return appositionBefore(text, tokens, at - 1, floor, nameEnd);
  if (isChar(text, tokens, at - 1, 58 /* : */)) {
    const title = stretchBefore(text, tokens, at - 1, floor, false);
    return title && isPluralTitle(title.text) ? title : null;
  }
  return stretchBefore(text, tokens, at, floor, false);
}

/**
 * `its chairman, Frank Stronach,`: an office phrase, a comma, then the name. Taken only where
 * the phrase is the sentence's subject (nothing but a determiner or possessive before it) or
 * the name closes the apposition (a comma, a full stop or a bracket after it): `After meeting
 * the minister, Ivan Petrov said` is no title.
 */
function appositionBefore(
  text: string,
  tokens: Tokens,
  comma: number,
  floor: number,
  nameEnd: number,
): TitleMention | null {
  const title = stretchBefore(text, tokens, comma, floor, true);
  if (!title) return null;
  const after = nameEnd + 1;
  const closed =
    after >= tokens.length ||
    tokens.sentence[after] !== tokens.sentence[nameEnd] ||
    (tokens.shape[after] === Shape.Punct && ',;:.)'.includes(text.charAt(tokens.start[after])));
  if (closed) return title;
  // the phrase opens the sentence: only determiners and possessives before it
  let j = comma - 1;
  while (j >= floor && tokens.start[j] >= title.start) j--;
  for (; j >= floor; j--) {
    if (tokens.sentence[j] !== tokens.sentence[comma]) break;
    const shape = tokens.shape[j];
    if (shape === Shape.Lower && TITLE_DETERMINERS.has(lowerWord(text, tokens, j))) continue;
    if (shape === Shape.Cap && tokens.cls[j] === WordClass.Function) continue;
    if (possessiveEndingAt(text, tokens, j)) {
      j -= 2; // `Ruritania's`
      continue;
    }
    return null;
  }
  return title;
}

/**
 * The title phrase that ends right before token `end`: the stretch of title-like words, its
 * head (the leftmost office word) and the modifiers before the head. `loose`: the stretch
 * ends at a comma, so its complement may hold a few plain nouns (`head of the FBI
 * investigation in Dar es Salaam,`).
 */
function stretchBefore(
  text: string,
  tokens: Tokens,
  end: number,
  floor: number,
  loose: boolean,
): TitleMention | null {
  const { shape, cls } = tokens;
  // 1. The stretch of title-like words that ends at the name. A name right after `and` or
  // `of` is coordinated or governed (`aide and Heydar Aliyev`): no title of its own.
  let j = end - 1;
  if (j < floor) return null;
  const last = j;
  // ... except `the three foreign ministers of Bronislaw Geremek of Poland, ...`
  const afterPlural =
    j - 1 >= floor &&
    tokens.end[last] - tokens.start[last] === 2 &&
    text.startsWith('of', tokens.start[last]) &&
    isOffice(tokens, j - 1) &&
    isPluralTitle(text.slice(tokens.start[j - 1], tokens.end[j - 1]));
  if (shape[last] === Shape.Lower && cls[last] === WordClass.Name && !loose && !afterPlural) return null;
  const sentence = tokens.sentence[end];
  let nouns = 0;
  let firstNoun = -1;
  let seenOffice = false;
  for (; j >= floor; j--) {
    if (tokens.sentence[j] !== sentence || !tokens.sameLine[j + 1]) break;
    if (isOffice(tokens, j)) seenOffice = true;
    const tShape = shape[j];
    if (tShape === Shape.Cap) {
      if (cls[j] === WordClass.Function) break;
      continue;
    }
    if (tShape === Shape.Upper) continue;
    // `Director of the U.S. Federal Bureau of Investigation (FBI) Louis Freeh`
    if (
      isChar(text, tokens, j, 41) &&
      j - 2 >= floor &&
      shape[j - 1] === Shape.Upper &&
      isChar(text, tokens, j - 2, 40)
    ) {
      j -= 2;
      continue;
    }
    if (
      tShape === Shape.Punct &&
      tokens.adjacent[j] &&
      text.charCodeAt(tokens.start[j]) === 46 &&
      j > floor &&
      isOffice(tokens, j - 1)
    )
      continue; // `Gen.`
    if (loose && tShape === Shape.Punct && (isChar(text, tokens, j, 40) || isChar(text, tokens, j, 41)))
      continue; // `(FBI)`
    if (tShape === Shape.Lower) {
      if (possessiveEndingAt(text, tokens, j)) {
        j--; // the apostrophe too
        continue;
      }
      const w = lowerWord(text, tokens, j);
      // `Dar es Salaam`: a short lower-case word between two capitalised ones
      if (
        cls[j] === WordClass.Name &&
        w.length <= 3 &&
        j > floor &&
        shape[j - 1] === Shape.Cap &&
        shape[j + 1] === Shape.Cap &&
        !TITLE_CONNECTORS.has(w)
      )
        continue;
      if (cls[j] !== WordClass.Name) continue; // `head`, `envoy`, `affairs`
      if (w === 'and') {
        // `Caucasus and Central Asia` is one complement; `the minister and President X` is two
        // people, `Deputy Prime Minister and Foreign Minister X` one with two offices.
        if (
          isOffice(tokens, j + 1) &&
          (shape[j - 1] !== Shape.Cap || determinedBefore(text, tokens, j, floor))
        )
          break;
        continue;
      }
      if (TITLE_CONNECTORS.has(w) || TITLE_DETERMINERS.has(w)) continue;
      if (loose && !seenOffice && nouns < 3 && !CLAUSE_WORDS.has(w) && !/(?:ed|ing|ly)$/.test(w)) {
        nouns++;
        firstNoun = j;
        continue;
      }
    }
    break;
  }
  const from = j + 1;
  // 2. The head: the leftmost office word of the stretch.
  let head = -1;
  for (let k = from; k < end; k++) {
    if (isOffice(tokens, k)) {
      head = k;
      break;
    }
  }
  if (head < 0 || (firstNoun >= 0 && firstNoun < head) || privateRole(text, tokens, head, from)) return null;
  // 3. Modifiers before the head: `Azerbaijani Defence`, `NATO`, `special`, a short
  // organisation name (`UNOS spokeswoman`, `Sinn Fein chairman`). An organisation whose name
  // goes on leftwards through `of [the]` (`... Division of the International Military Staff
  // Director`) is cut off mid-name: the title is then the office and its own modifiers.
  let start = head;
  for (let k = head - 1; k >= from; k--) {
    const tShape = shape[k];
    if (tShape === Shape.Cap || tShape === Shape.Upper) {
      start = k;
      continue;
    }
    if (tShape === Shape.Lower) {
      if (possessiveEndingAt(text, tokens, k) && k - 2 >= from) {
        k--;
        continue;
      }
      const w = lowerWord(text, tokens, k);
      if (PREMODIFIERS.has(w) || cls[k] === WordClass.Modifier || cls[k] === WordClass.Organisation) {
        start = k;
        continue;
      }
      let m = k;
      if (w === 'the' && m - 1 >= from && lowerWord(text, tokens, m - 1) === 'of') m--;
      else if (w !== 'of') break;
      const before = m - 1;
      if (
        before >= from &&
        (shape[before] === Shape.Cap || shape[before] === Shape.Upper) &&
        cls[before] !== WordClass.Function
      ) {
        // a short organisation's name bridges (`Bank of England Governor`, `Council of Europe
        // Secretary General`); a long one was cut off mid-name (`... Cooperative Security
        // Division of the International Military Staff Director`)
        let left = 0;
        for (let q = m - 1; q >= from && (shape[q] === Shape.Cap || shape[q] === Shape.Upper); q--) left++;
        let right = 0;
        for (let q = k + 1; q < head; q++) if (shape[q] === Shape.Cap || shape[q] === Shape.Upper) right++;
        const stops = m - 1 - left < from || shape[m - 1 - left] !== Shape.Punct;
        if (left <= 2 && right <= 3 && left + right <= 4 && stops && m - 1 - left + 1 >= from) {
          start = m - left;
          k = m - left;
          continue;
        }
        start = head;
        while (
          start - 1 > m &&
          (cls[start - 1] === WordClass.Modifier || cls[start - 1] === WordClass.Office) &&
          shape[start - 1] !== Shape.Upper
        )
          start--;
      }
    }
    break;
  }
  // trailing connectors are no part of it (`the three foreign ministers of` Bronislaw Geremek)
  let stop = end - 1;
  while (
    stop > head &&
    shape[stop] === Shape.Lower &&
    (TITLE_CONNECTORS.has(lowerWord(text, tokens, stop)) ||
      TITLE_DETERMINERS.has(lowerWord(text, tokens, stop)))
  )
    stop--;
  return span(text, tokens.start[start], tokens.end[stop]);
}

/**
 * `attorney Gregory Craig`, `attorney for Elian's father`: a lawyer for private clients holds
 * no office. Only a bare, lower-case `attorney` (no `district`, `U.S.`, `general` with it).
 */
function privateRole(text: string, tokens: Tokens, head: number, from: number): boolean {
  if (tokens.shape[head] !== Shape.Lower || lowerWord(text, tokens, head) !== 'attorney') return false;
  if (head > from && tokens.shape[head - 1] !== Shape.Lower) return false;
  if (head > from && tokens.cls[head - 1] !== WordClass.Name) return false;
  const next = head + 1;
  return !(
    next < tokens.length &&
    tokens.shape[next] === Shape.Lower &&
    lowerWord(text, tokens, next) === 'general'
  );
}

/** `the minister and`: a determiner opens the office phrase before `and` (token `and`). */
function determinedBefore(text: string, tokens: Tokens, and: number, floor: number): boolean {
  const { shape, cls } = tokens;
  let q = and - 1;
  while (
    q >= floor &&
    ((shape[q] === Shape.Cap && cls[q] !== WordClass.Function) ||
      shape[q] === Shape.Upper ||
      (shape[q] === Shape.Lower && cls[q] !== WordClass.Name))
  )
    q--;
  if (q < floor) return false;
  return (
    (shape[q] === Shape.Lower && TITLE_DETERMINERS.has(lowerWord(text, tokens, q))) ||
    (shape[q] === Shape.Cap && cls[q] === WordClass.Function)
  );
}

/**
 * The appositive titles after the name: `, Secretary-General of NATO,`, `, the new
 * Secretary-General of NATO visited`, `, 58, finance director and a Reuters board director`,
 * `, currently vice president finance,`. `after` is the first token after the name; titles
 * stop before token `ceil` (the sentence end or the next name).
 */
export function titleAfter(text: string, tokens: Tokens, after: number, ceil: number): TitleMention | null {
  return titlesAfter(text, tokens, after, ceil)[0] ?? null;
}

const NO_TITLES: readonly TitleMention[] = Object.freeze([]);

export function titlesAfter(
  text: string,
  tokens: Tokens,
  after: number,
  ceil: number,
): readonly TitleMention[] {
  if (after >= ceil) return NO_TITLES;
  if (!isChar(text, tokens, after, 44 /* , */)) return NO_TITLES;
  const sentence = tokens.sentence[after];
  let k = after + 1;
  // `, 58,`: an age before the apposition
  if (
    k + 1 < ceil &&
    tokens.shape[k] === Shape.Number &&
    /^\d{1,3}$/.test(text.slice(tokens.start[k], tokens.end[k])) &&
    isChar(text, tokens, k + 1, 44)
  )
    k += 2;
  const out: TitleMention[] = [];
  let phrase = officePhrase(text, tokens, k, ceil, sentence);
  if (
    !phrase &&
    k < ceil &&
    tokens.shape[k] === Shape.Lower &&
    TITLE_DETERMINERS.has(lowerWord(text, tokens, k))
  ) {
    // `, the Professor of Transplant Surgery at ..., Maryland, and former President of UNOS,`:
    // an office after `and` further in the apposition
    for (let j = k + 1; j < ceil && j < k + 30; j++) {
      if (tokens.sentence[j] !== sentence) break;
      const shape = tokens.shape[j];
      if (shape === Shape.Punct && !",'’".includes(text.charAt(tokens.start[j]))) break;
      if (shape !== Shape.Lower) continue;
      const w = lowerWord(text, tokens, j);
      if (w === 'and') {
        phrase = officePhrase(text, tokens, j + 1, ceil, sentence);
        if (phrase) break;
      } else if (CLAUSE_WORDS.has(w) || SAYING.test(w)) break;
    }
  }
  while (phrase && out.length < 4) {
    out.push(phrase.title);
    if (phrase.next < 0) break;
    phrase = officePhrase(text, tokens, phrase.next, ceil, sentence);
  }
  return out;
}

/**
 * One office phrase starting at token `k`: [adverb] [determiner] [modifiers] OFFICE
 * [complement], the complement going up to a comma, a full stop, the verb of the sentence,
 * or `and` before another office (whose token is `next`).
 */
function officePhrase(
  text: string,
  tokens: Tokens,
  k: number,
  ceil: number,
  sentence: number,
): { title: TitleMention; next: number } | null {
  const { shape, cls } = tokens;
  if (k < ceil && shape[k] === Shape.Lower && TITLE_ADVERBS.has(lowerWord(text, tokens, k))) k++;
  if (k < ceil && shape[k] === Shape.Lower && TITLE_DETERMINERS.has(lowerWord(text, tokens, k))) k++;
  const start = k;
  // 1. Up to five modifiers, then the office word.
  let head = -1;
  for (let n = 0; k < ceil && n < 6; k++, n++) {
    if (tokens.sentence[k] !== sentence) return null;
    if (isOffice(tokens, k)) {
      head = k;
      break;
    }
    const tShape = shape[k];
    if (tShape === Shape.Upper) continue;
    if (tShape === Shape.Cap && cls[k] !== WordClass.Function) continue;
    if (tShape === Shape.Punct && possessiveEndingAt(text, tokens, k + 1)) continue;
    if (tShape === Shape.Number && /^\d+(?:st|nd|rd|th)$/.test(text.slice(tokens.start[k], tokens.end[k])))
      continue;
    if (tShape === Shape.Lower) {
      const w = lowerWord(text, tokens, k);
      if (
        PREMODIFIERS.has(w) ||
        w === 'new' ||
        w === 's' ||
        cls[k] === WordClass.Modifier ||
        cls[k] === WordClass.Organisation
      )
        continue;
    }
    return null;
  }
  if (head < 0 || privateRole(text, tokens, head, start)) return null;
  // 2. The complement, up to a comma, a full stop or the verb of the sentence.
  let end = head + 1;
  let next = -1;
  for (k = head + 1; k < ceil && k < head + 16; k++) {
    if (tokens.sentence[k] !== sentence || !tokens.sameLine[k]) break;
    const tShape = shape[k];
    if (tShape === Shape.Punct) {
      if (possessiveEndingAt(text, tokens, k + 1)) continue;
      break;
    }
    if (tShape === Shape.Number && !/^\d+(?:st|nd|rd|th)$/.test(text.slice(tokens.start[k], tokens.end[k])))
      break;
    if (tShape === Shape.Lower) {
      const w = lowerWord(text, tokens, k);
      if (w === 'and' && officeAhead(text, tokens, k + 1, ceil)) {
        next = k + 1;
        break;
      }
      if (TITLE_CONNECTORS.has(w) || TITLE_DETERMINERS.has(w)) continue; // not an end: trimmed below
      if (w !== 'and' && CLAUSE_WORDS.has(w)) break;
      if (w.length > 4 && w.endsWith('ed') && cls[k] === WordClass.Name) break; // `visited`, `signed`
    }
    end = k + 1;
  }
  return { title: span(text, tokens.start[start], tokens.end[end - 1]), next };
}

/** Whether an office phrase (`a Reuters board director`, `former President of UNOS`) starts at `k`. */
export function officeAhead(text: string, tokens: Tokens, k: number, ceil: number): boolean {
  const { shape, cls } = tokens;
  for (let n = 0; k < ceil && n < 6; k++, n++) {
    if (isOffice(tokens, k)) return true;
    if (shape[k] === Shape.Upper || (shape[k] === Shape.Cap && cls[k] !== WordClass.Function)) continue;
    if (shape[k] === Shape.Lower) {
      const w = lowerWord(text, tokens, k);
      if (
        TITLE_DETERMINERS.has(w) ||
        PREMODIFIERS.has(w) ||
        w === 'new' ||
        cls[k] === WordClass.Modifier ||
        cls[k] === WordClass.Organisation
      )
        continue;
    }
    return false;
  }
  return false;
}

/** A title whose office is plural (`Presidents`, `foreign ministers`, `directors`): it names each of a list. */
export function isPluralTitle(title: string): boolean {
  // most titles hold no word ending in `s` at all; the others come back often (`President`)
  if (!/s\b/.test(title)) return false;
  let plural = pluralTitles.get(title);
  if (plural === undefined) {
    plural = pluralOffice(title);
    if (pluralTitles.size >= 10_000) pluralTitles.clear();
    pluralTitles.set(title, plural);
  }
  return plural;
}

const pluralTitles = new Map<string, boolean>();

function pluralOffice(title: string): boolean {
  const words = title.split(/[^\p{L}\p{M}-]+/u).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i].toLowerCase();
    if (classifyLowerTitleWord(w) !== WordClass.Office && classifyWord(words[i]) !== WordClass.Office)
      continue;
    if (!w.endsWith('s')) return false;
    const one = w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('men') ? w : w.slice(0, -1);
    return classifyLowerTitleWord(one) === WordClass.Office;
  }
  return false;
}

/**
 * A plural office before a list of names gives each name of the list that title
 * (`Presidents Anna Berg of Ruritania and Boris Holm`, `the three foreign ministers of A of
 * Poland, B of Hungary and C`). `names` are the token spans of the mentions, in order.
 */
export function titlesForList(
  text: string,
  tokens: Tokens,
  names: readonly { first: number; end: number }[],
  mentions: readonly { titles: TitleMention[] }[],
): void {
  for (let k = 0; k < names.length; k++) {
    const titles = mentions[k].titles;
    if (titles.length === 0) continue;
    let plural: TitleMention | undefined;
    for (const t of titles) if (t.end <= tokens.start[names[k].first] && isPluralTitle(t.text)) plural = t;
    if (!plural) continue;
    for (let n = k + 1; n < names.length; n++) {
      if (!joinsList(text, tokens, names[n - 1].end + 1, names[n].first)) break;
      if (mentions[n].titles.some((t) => t.end <= tokens.start[names[n].first])) break;
      mentions[n].titles.unshift(plural);
    }
  }
}

/** Tokens [from, to) join two names of a list: commas, `and`, an honorific, `of` and a place. */
function joinsList(text: string, tokens: Tokens, from: number, to: number): boolean {
  if (to <= from || to - from > 8) return false;
  const { shape, cls } = tokens;
  for (let j = from; j < to; j++) {
    if (tokens.sentence[j] !== tokens.sentence[from]) return false;
    if (shape[j] === Shape.Punct) {
      if (isChar(text, tokens, j, 44) || (isChar(text, tokens, j, 46) && tokens.adjacent[j])) continue;
      return false;
    }
    if (shape[j] === Shape.Lower) {
      const w = lowerWord(text, tokens, j);
      if (w === 'and' || w === 'of' || w === 'the') continue;
      return false;
    }
    if (
      shape[j] === Shape.Cap &&
      (cls[j] === WordClass.Place ||
        cls[j] === WordClass.Honorific ||
        cls[j] === WordClass.Organisation ||
        cls[j] === WordClass.Modifier)
    )
      continue;
    // `of the Czech Republic`, `of Ruritania`: a place the lexicon may not know
    if (
      shape[j] === Shape.Cap &&
      j > from &&
      (['the', 'of'].includes(lowerWord(text, tokens, j - 1)) || shape[j - 1] === Shape.Cap)
    )
      continue;
    return false;
  }
  return true;
}

function span(text: string, start: number, end: number): TitleMention {
  return { start, end, text: text.slice(start, end) };
}

/**
 * The office and rank words of a title, lower-cased: `President of the Republic of
 * Azerbaijan` -> `president`; `Azerbaijani Defence Minister` -> `minister`. Two titles
 * name the same kind of role when they share one.
 */
export function officeWords(title: string): string[] {
  const out: string[] = [];
  for (const word of title.split(/[^\p{L}\p{M}]+/u)) {
    if (!word) continue;
    const lower = word.toLowerCase();
    const cls = classifyWord(word) === WordClass.Office ? WordClass.Office : classifyLowerTitleWord(lower);
    if (cls === WordClass.Office && !out.includes(lower)) out.push(lower);
  }
  return out;
}
