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
function possessiveEndingAt(text: string, tokens: readonly Token[], i: number): boolean {
  const s = tokens[i];
  if (s.shape !== Shape.Lower || s.end - s.start !== 1 || text.charCodeAt(s.start) !== 115 /* s */)
    return false;
  if (i < 2 || !s.adjacent) return false;
  const apo = tokens[i - 1];
  return apo.shape === Shape.Punct && apo.adjacent && isApostrophe(text.charCodeAt(apo.start));
}

function lowerWord(text: string, t: Token): string {
  return text.slice(t.start, t.end).toLowerCase();
}

const isOffice = (t: Token) =>
  (t.shape === Shape.Cap || t.shape === Shape.Lower) && t.cls === WordClass.Office;

/**
 * The title written right before the name that starts at token `nameTok`, looking no
 * further left than token `floor` (the sentence start or the end of the previous name).
 */
export function titleBefore(
  text: string,
  tokens: readonly Token[],
  nameTok: number,
  floor: number,
): TitleMention | null {
  // 1. The stretch of title-like words that ends at the name. A name right after `and` or
  // `of` is coordinated or governed (`aide and Heydar Aliyev`): no title of its own.
  let j = nameTok - 1;
  if (j < floor) return null;
  const last = tokens[j];
  if (last.shape === Shape.Lower && last.cls === WordClass.Name) return null;
  const sentence = tokens[nameTok].sentence;
  for (; j >= floor; j--) {
    const t = tokens[j];
    if (t.sentence !== sentence || !tokens[j + 1].sameLine) break;
    if (t.shape === Shape.Cap) {
      if (t.cls === WordClass.Function) break;
      continue;
    }
    if (t.shape === Shape.Upper) continue;
    if (
      t.shape === Shape.Punct &&
      t.adjacent &&
      text.charCodeAt(t.start) === 46 &&
      j > floor &&
      isOffice(tokens[j - 1])
    )
      continue; // `Gen.`
    if (t.shape === Shape.Lower) {
      if (possessiveEndingAt(text, tokens, j)) {
        j--; // the apostrophe too
        continue;
      }
      if (t.cls !== WordClass.Name) continue; // `head`, `envoy`, `affairs`
      const w = lowerWord(text, t);
      if (w === 'and') {
        // `Caucasus and Central Asia` is one complement; `the minister and President X` is two people.
        if (isOffice(tokens[j + 1])) break;
        continue;
      }
      if (TITLE_CONNECTORS.has(w) || TITLE_DETERMINERS.has(w)) continue;
    }
    break;
  }
  const from = j + 1;
  // 2. The head: the leftmost office word of the stretch.
  let head = -1;
  for (let k = from; k < nameTok; k++) {
    if (isOffice(tokens[k])) {
      head = k;
      break;
    }
  }
  if (head < 0) return null;
  // 3. Modifiers before the head: `Azerbaijani Defence`, `NATO`, `special`, and organisation
  // names bridged by `of [the]` or `'s` (`... Division of the International Military Staff Director`).
  let start = head;
  for (let k = head - 1; k >= from; k--) {
    const t = tokens[k];
    if (t.shape === Shape.Cap || t.shape === Shape.Upper) {
      start = k;
      continue;
    }
    if (t.shape === Shape.Lower) {
      if (possessiveEndingAt(text, tokens, k) && k - 2 >= from) {
        k--;
        continue;
      }
      const w = lowerWord(text, t);
      if (PREMODIFIERS.has(w)) {
        start = k;
        continue;
      }
      // `of` or `of the` between two capitalised parts of an organisation's name
      let m = k;
      if (w === 'the' && m - 1 >= from && lowerWord(text, tokens[m - 1]) === 'of') m--;
      else if (w !== 'of') break;
      const before = m - 1 >= from ? tokens[m - 1] : null;
      if (
        before &&
        (before.shape === Shape.Cap || before.shape === Shape.Upper) &&
        before.cls !== WordClass.Function
      ) {
        k = m;
        continue;
      }
    }
    break;
  }
  return span(text, tokens[start].start, tokens[nameTok - 1].end);
}

/**
 * An appositive title after the name: `, Secretary-General of NATO,` or `, the new
 * Secretary-General of NATO visited`. `after` is the first token after the name; the
 * title stops before token `ceil` (the sentence end or the next name).
 */
export function titleAfter(
  text: string,
  tokens: readonly Token[],
  after: number,
  ceil: number,
): TitleMention | null {
  if (after >= ceil) return null;
  const comma = tokens[after];
  if (comma.shape !== Shape.Punct || text.charCodeAt(comma.start) !== 44 /* , */) return null;
  const sentence = comma.sentence;
  let k = after + 1;
  if (k < ceil && tokens[k].shape === Shape.Lower && TITLE_DETERMINERS.has(lowerWord(text, tokens[k]))) k++;
  const start = k;
  // 1. Up to five modifiers, then the office word.
  let head = -1;
  for (let n = 0; k < ceil && n < 6; k++, n++) {
    const t = tokens[k];
    if (t.sentence !== sentence) return null;
    if (isOffice(t)) {
      head = k;
      break;
    }
    if (t.shape === Shape.Upper) continue;
    if (t.shape === Shape.Cap && t.cls !== WordClass.Function) continue;
    if (t.shape === Shape.Punct && isApostrophe(text.charCodeAt(t.start)) && t.adjacent) continue;
    if (t.shape === Shape.Lower) {
      const w = lowerWord(text, t);
      if (PREMODIFIERS.has(w) || w === 'new' || w === 's' || t.cls === WordClass.Modifier) continue;
    }
    return null;
  }
  if (head < 0) return null;
  // 2. The complement, up to a comma, a full stop or the verb of the sentence.
  let end = head + 1;
  for (k = head + 1; k < ceil && k < head + 16; k++) {
    const t = tokens[k];
    if (t.sentence !== sentence || !t.sameLine) break;
    if (t.shape === Shape.Punct) {
      if (isApostrophe(text.charCodeAt(t.start)) && t.adjacent) continue;
      break;
    }
    if (t.shape === Shape.Number) break;
    if (t.shape === Shape.Lower) {
      const w = lowerWord(text, t);
      if (TITLE_CONNECTORS.has(w) || TITLE_DETERMINERS.has(w)) continue; // not an end: trimmed below
      if (w !== 'and' && CLAUSE_WORDS.has(w)) break;
      if (w.length > 4 && w.endsWith('ed') && t.cls === WordClass.Name) break; // `visited`, `signed`
    }
    end = k + 1;
  }
  return span(text, tokens[start].start, tokens[end - 1].end);
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
