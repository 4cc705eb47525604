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
  if (i >= tokens.length) return false;
  const s = tokens[i];
  if (s.shape !== Shape.Lower || s.end - s.start !== 1 || text.charCodeAt(s.start) !== 115 /* s */)
    return false;
  if (i < 2 || !s.adjacent) return false;
  const apo = tokens[i - 1];
  return apo.shape === Shape.Punct && apo.adjacent && isApostrophe(text.charCodeAt(apo.start));
}

function lowerWord(text: string, t: Token): string {
  // a lower-case word's lexicon form: only its first letter is known to be lower case
  const w = text.slice(t.start, t.end);
  return t.shape === Shape.Lower && !/[A-Z]/.test(w) ? w : w.toLowerCase();
}

const isOffice = (t: Token) =>
  (t.shape === Shape.Cap || t.shape === Shape.Lower || t.shape === Shape.Upper) && t.cls === WordClass.Office;

const isChar = (text: string, t: Token | undefined, code: number) =>
  t !== undefined && t.shape === Shape.Punct && text.charCodeAt(t.start) === code;

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
function honorificBefore(text: string, tokens: readonly Token[], k: number, floor: number): number {
  let j = k - 1;
  if (j >= floor && isChar(text, tokens[j], 46) && tokens[j].adjacent) j--;
  if (j >= floor && tokens[j].shape === Shape.Cap && tokens[j].cls === WordClass.Honorific) return j;
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
  tokens: readonly Token[],
  nameTok: number,
  floor: number,
  nameEnd = nameTok,
): TitleMention | null {
  let at = nameTok;
  const honorific = honorificBefore(text, tokens, at, floor);
  if (honorific >= 0) at = honorific;
  if (at - 1 < floor) return null;
  const mark = tokens[at - 1];
  if (isChar(text, mark, 44 /* , */)) return appositionBefore(text, tokens, at - 1, floor, nameEnd);
  if (isChar(text, mark, 58 /* : */)) {
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
  tokens: readonly Token[],
  comma: number,
  floor: number,
  nameEnd: number,
): TitleMention | null {
  const title = stretchBefore(text, tokens, comma, floor, true);
  if (!title) return null;
  const after = tokens[nameEnd + 1];
  const closed =
    after === undefined ||
    after.sentence !== tokens[nameEnd].sentence ||
    (after.shape === Shape.Punct && ',;:.)'.includes(text.charAt(after.start)));
  if (closed) return title;
  // the phrase opens the sentence: only determiners and possessives before it
  let j = comma - 1;
  while (j >= floor && tokens[j].start >= title.start) j--;
  for (; j >= floor; j--) {
    const t = tokens[j];
    if (t.sentence !== tokens[comma].sentence) break;
    if (t.shape === Shape.Lower && TITLE_DETERMINERS.has(lowerWord(text, t))) continue;
    if (t.shape === Shape.Cap && t.cls === WordClass.Function) continue;
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
  tokens: readonly Token[],
  end: number,
  floor: number,
  loose: boolean,
): TitleMention | null {
  // 1. The stretch of title-like words that ends at the name. A name right after `and` or
  // `of` is coordinated or governed (`aide and Heydar Aliyev`): no title of its own.
  let j = end - 1;
  if (j < floor) return null;
  const last = tokens[j];
  // ... except `the three foreign ministers of Bronislaw Geremek of Poland, ...`
  const afterPlural =
    j - 1 >= floor &&
    last.end - last.start === 2 &&
    text.startsWith('of', last.start) &&
    isOffice(tokens[j - 1]) &&
    isPluralTitle(text.slice(tokens[j - 1].start, tokens[j - 1].end));
  if (last.shape === Shape.Lower && last.cls === WordClass.Name && !loose && !afterPlural) return null;
  const sentence = tokens[end].sentence;
  let nouns = 0;
  let firstNoun = -1;
  let seenOffice = false;
  for (; j >= floor; j--) {
    const t = tokens[j];
    if (t.sentence !== sentence || !tokens[j + 1].sameLine) break;
    if (isOffice(t)) seenOffice = true;
    if (t.shape === Shape.Cap) {
      if (t.cls === WordClass.Function) break;
      continue;
    }
    if (t.shape === Shape.Upper) continue;
    // `Director of the U.S. Federal Bureau of Investigation (FBI) Louis Freeh`
    if (
      isChar(text, t, 41) &&
      j - 2 >= floor &&
      tokens[j - 1].shape === Shape.Upper &&
      isChar(text, tokens[j - 2], 40)
    ) {
      j -= 2;
      continue;
    }
    if (
      t.shape === Shape.Punct &&
      t.adjacent &&
      text.charCodeAt(t.start) === 46 &&
      j > floor &&
      isOffice(tokens[j - 1])
    )
      continue; // `Gen.`
    if (loose && t.shape === Shape.Punct && (isChar(text, t, 40) || isChar(text, t, 41))) continue; // `(FBI)`
    if (t.shape === Shape.Lower) {
      if (possessiveEndingAt(text, tokens, j)) {
        j--; // the apostrophe too
        continue;
      }
      const w = lowerWord(text, t);
      // `Dar es Salaam`: a short lower-case word between two capitalised ones
      if (
        t.cls === WordClass.Name &&
        w.length <= 3 &&
        j > floor &&
        tokens[j - 1].shape === Shape.Cap &&
        tokens[j + 1]?.shape === Shape.Cap &&
        !TITLE_CONNECTORS.has(w)
      )
        continue;
      if (t.cls !== WordClass.Name) continue; // `head`, `envoy`, `affairs`
      if (w === 'and') {
        // `Caucasus and Central Asia` is one complement; `the minister and President X` is two
        // people, `Deputy Prime Minister and Foreign Minister X` one with two offices.
        if (
          isOffice(tokens[j + 1]) &&
          (tokens[j - 1]?.shape !== Shape.Cap || determinedBefore(text, tokens, j, floor))
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
    if (isOffice(tokens[k])) {
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
      if (PREMODIFIERS.has(w) || t.cls === WordClass.Modifier || t.cls === WordClass.Organisation) {
        start = k;
        continue;
      }
      let m = k;
      if (w === 'the' && m - 1 >= from && lowerWord(text, tokens[m - 1]) === 'of') m--;
      else if (w !== 'of') break;
      const before = m - 1 >= from ? tokens[m - 1] : null;
      if (
        before &&
        (before.shape === Shape.Cap || before.shape === Shape.Upper) &&
        before.cls !== WordClass.Function
      ) {
        // a short organisation's name bridges (`Bank of England Governor`, `Council of Europe
        // Secretary General`); a long one was cut off mid-name (`... Cooperative Security
        // Division of the International Military Staff Director`)
        let left = 0;
        for (
          let q = m - 1;
          q >= from && (tokens[q].shape === Shape.Cap || tokens[q].shape === Shape.Upper);
          q--
        )
          left++;
        let right = 0;
        for (let q = k + 1; q < head; q++)
          if (tokens[q].shape === Shape.Cap || tokens[q].shape === Shape.Upper) right++;
        const stops = m - 1 - left < from || tokens[m - 1 - left].shape !== Shape.Punct;
        if (left <= 2 && right <= 3 && left + right <= 4 && stops && m - 1 - left + 1 >= from) {
          start = m - left;
          k = m - left;
          continue;
        }
        start = head;
        while (
          start - 1 > m &&
          (tokens[start - 1].cls === WordClass.Modifier || tokens[start - 1].cls === WordClass.Office) &&
          tokens[start - 1].shape !== Shape.Upper
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
    tokens[stop].shape === Shape.Lower &&
    (TITLE_CONNECTORS.has(lowerWord(text, tokens[stop])) ||
      TITLE_DETERMINERS.has(lowerWord(text, tokens[stop])))
  )
    stop--;
  return span(text, tokens[start].start, tokens[stop].end);
}

/**
 * `attorney Gregory Craig`, `attorney for Elian's father`: a lawyer for private clients holds
 * no office. Only a bare, lower-case `attorney` (no `district`, `U.S.`, `general` with it).
 */
function privateRole(text: string, tokens: readonly Token[], head: number, from: number): boolean {
  const t = tokens[head];
  if (t.shape !== Shape.Lower || lowerWord(text, t) !== 'attorney') return false;
  if (head > from && tokens[head - 1].shape !== Shape.Lower) return false;
  if (head > from && tokens[head - 1].cls !== WordClass.Name) return false;
  const next = tokens[head + 1];
  return !(next && next.shape === Shape.Lower && lowerWord(text, next) === 'general');
}

/** `the minister and`: a determiner opens the office phrase before `and` (token `and`). */
function determinedBefore(text: string, tokens: readonly Token[], and: number, floor: number): boolean {
  let q = and - 1;
  while (
    q >= floor &&
    ((tokens[q].shape === Shape.Cap && tokens[q].cls !== WordClass.Function) ||
      tokens[q].shape === Shape.Upper ||
      (tokens[q].shape === Shape.Lower && tokens[q].cls !== WordClass.Name))
  )
    q--;
  if (q < floor) return false;
  const t = tokens[q];
  return (
    (t.shape === Shape.Lower && TITLE_DETERMINERS.has(lowerWord(text, t))) ||
    (t.shape === Shape.Cap && t.cls === WordClass.Function)
  );
}

/**
 * The appositive titles after the name: `, Secretary-General of NATO,`, `, the new
 * Secretary-General of NATO visited`, `, 58, finance director and a Reuters board director`,
 * `, currently vice president finance,`. `after` is the first token after the name; titles
 * stop before token `ceil` (the sentence end or the next name).
 */
export function titleAfter(
  text: string,
  tokens: readonly Token[],
  after: number,
  ceil: number,
): TitleMention | null {
  return titlesAfter(text, tokens, after, ceil)[0] ?? null;
}

const NO_TITLES: readonly TitleMention[] = Object.freeze([]);

export function titlesAfter(
  text: string,
  tokens: readonly Token[],
  after: number,
  ceil: number,
): readonly TitleMention[] {
  if (after >= ceil) return NO_TITLES;
  const comma = tokens[after];
  if (!isChar(text, comma, 44 /* , */)) return NO_TITLES;
  const sentence = comma.sentence;
  let k = after + 1;
  // `, 58,`: an age before the apposition
  if (
    k + 1 < ceil &&
    tokens[k].shape === Shape.Number &&
    /^\d{1,3}$/.test(text.slice(tokens[k].start, tokens[k].end)) &&
    isChar(text, tokens[k + 1], 44)
  )
    k += 2;
  const out: TitleMention[] = [];
  let phrase = officePhrase(text, tokens, k, ceil, sentence);
  if (
    !phrase &&
    k < ceil &&
    tokens[k].shape === Shape.Lower &&
    TITLE_DETERMINERS.has(lowerWord(text, tokens[k]))
  ) {
    // `, the Professor of Transplant Surgery at ..., Maryland, and former President of UNOS,`:
    // an office after `and` further in the apposition
    for (let j = k + 1; j < ceil && j < k + 30; j++) {
      const t = tokens[j];
      if (t.sentence !== sentence) break;
      if (t.shape === Shape.Punct && !",'’".includes(text.charAt(t.start))) break;
      if (t.shape !== Shape.Lower) continue;
      const w = lowerWord(text, t);
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
  tokens: readonly Token[],
  k: number,
  ceil: number,
  sentence: number,
): { title: TitleMention; next: number } | null {
  if (k < ceil && tokens[k].shape === Shape.Lower && TITLE_ADVERBS.has(lowerWord(text, tokens[k]))) k++;
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
    if (t.shape === Shape.Punct && possessiveEndingAt(text, tokens, k + 1)) continue;
    if (t.shape === Shape.Number && /^\d+(?:st|nd|rd|th)$/.test(text.slice(t.start, t.end))) continue;
    if (t.shape === Shape.Lower) {
      const w = lowerWord(text, t);
      if (
        PREMODIFIERS.has(w) ||
        w === 'new' ||
        w === 's' ||
        t.cls === WordClass.Modifier ||
        t.cls === WordClass.Organisation
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
    const t = tokens[k];
    if (t.sentence !== sentence || !t.sameLine) break;
    if (t.shape === Shape.Punct) {
      if (possessiveEndingAt(text, tokens, k + 1)) continue;
      break;
    }
    if (t.shape === Shape.Number && !/^\d+(?:st|nd|rd|th)$/.test(text.slice(t.start, t.end))) break;
    if (t.shape === Shape.Lower) {
      const w = lowerWord(text, t);
      if (w === 'and' && officeAhead(text, tokens, k + 1, ceil)) {
        next = k + 1;
        break;
      }
      if (TITLE_CONNECTORS.has(w) || TITLE_DETERMINERS.has(w)) continue; // not an end: trimmed below
      if (w !== 'and' && CLAUSE_WORDS.has(w)) break;
      if (w.length > 4 && w.endsWith('ed') && t.cls === WordClass.Name) break; // `visited`, `signed`
    }
    end = k + 1;
  }
  return { title: span(text, tokens[start].start, tokens[end - 1].end), next };
}

/** Whether an office phrase (`a Reuters board director`, `former President of UNOS`) starts at `k`. */
export function officeAhead(text: string, tokens: readonly Token[], k: number, ceil: number): boolean {
  for (let n = 0; k < ceil && n < 6; k++, n++) {
    const t = tokens[k];
    if (isOffice(t)) return true;
    if (t.shape === Shape.Upper || (t.shape === Shape.Cap && t.cls !== WordClass.Function)) continue;
    if (t.shape === Shape.Lower) {
      const w = lowerWord(text, t);
      if (
        TITLE_DETERMINERS.has(w) ||
        PREMODIFIERS.has(w) ||
        w === 'new' ||
        t.cls === WordClass.Modifier ||
        t.cls === WordClass.Organisation
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
  tokens: readonly Token[],
  names: readonly { first: number; end: number }[],
  mentions: readonly { titles: TitleMention[] }[],
): void {
  for (let k = 0; k < names.length; k++) {
    const titles = mentions[k].titles;
    if (titles.length === 0) continue;
    let plural: TitleMention | undefined;
    for (const t of titles) if (t.end <= tokens[names[k].first].start && isPluralTitle(t.text)) plural = t;
    if (!plural) continue;
    for (let n = k + 1; n < names.length; n++) {
      if (!joinsList(text, tokens, names[n - 1].end + 1, names[n].first)) break;
      if (mentions[n].titles.some((t) => t.end <= tokens[names[n].first].start)) break;
      mentions[n].titles.unshift(plural);
    }
  }
}

/** Tokens [from, to) join two names of a list: commas, `and`, an honorific, `of` and a place. */
function joinsList(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from || to - from > 8) return false;
  for (let j = from; j < to; j++) {
    const t = tokens[j];
    if (t.sentence !== tokens[from].sentence) return false;
    if (t.shape === Shape.Punct) {
      if (isChar(text, t, 44) || (isChar(text, t, 46) && t.adjacent)) continue;
      return false;
    }
    if (t.shape === Shape.Lower) {
      const w = lowerWord(text, t);
      if (w === 'and' || w === 'of' || w === 'the') continue;
      return false;
    }
    if (
      t.shape === Shape.Cap &&
      (t.cls === WordClass.Place ||
        t.cls === WordClass.Honorific ||
        t.cls === WordClass.Organisation ||
        t.cls === WordClass.Modifier)
    )
      continue;
    // `of the Czech Republic`, `of Ruritania`: a place the lexicon may not know
    if (
      t.shape === Shape.Cap &&
      j > from &&
      (['the', 'of'].includes(lowerWord(text, tokens[j - 1])) || tokens[j - 1].shape === Shape.Cap)
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
