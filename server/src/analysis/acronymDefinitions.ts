// Definitions of short forms, found next to a parenthesis, in either order, or in apposition:
//   `Planning and Review Process (PARP)`   (long form, then the short form in parentheses)
//   `PARP (Planning and Review Process)`   (short form, then the long form in parentheses)
//   `Planning and Review Process, or PARP,`  (the `or` apposition)
//
// The long form is found by aligning the short form's letters with the initials of the words
// before the parenthesis (or inside it), in the manner of Schwartz & Hearst (2003, "A simple
// algorithm for identifying abbreviation definitions in biomedical text"): the first letter of
// the short form starts the long form, every letter is matched in order, and the window is
// at most min(|SF| + 5, 2 |SF|) words. Where S&H take the shortest match, we score every
// alignment, because news long forms have shapes theirs do not (`the PfP Planning and Review
// Process (PARP)`, `"Partnership for Peace Program" (PFP)`): a content word left unmatched
// costs most, trimming one trailing word costs less, function words are free to skip.
//
// Two shapes the letters alone do not explain are accepted only right after a name in title case,
// before a parenthesis or the `or` apposition (`titleCaseName`): letters taken from another
// language (`Group of States against Corruption (GRECO)`, from the French) and a word added to a
// name after its acronym was fixed (`Centers for Disease Control and Prevention (CDC)`). A number
// after the letters (`Conference of the Parties (COP 28)`) is the edition, not a word of the long
// form.
import { sentenceAt } from './sentences';
import type { AcronymDefinition, Span } from './types';

/** Decides whether a token can be a short form (the acronym recogniser's shape test). */
export type ShortFormTest = (token: string) => boolean;

// Words an acronym may skip or use (`Partnership for Peace` = PfP, `Bosnia and Herzegovina`).
// Name particles are here too: `Banque Internationale de Placement (BIP)`.
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'or', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'into', 'upon',
  'against', 'under', 'over', 'between', 'within', 'its', 'their', 'de', 'du', 'des', 'la', 'le', 'les', 'der',
  'die', 'das', 'den', 'von', 'van', 'del', 'della', 'di', 'da', 'do', 'dos', 'y', 'e', 'et', 'und',
]); // prettier-ignore

// Costs of an alignment (lower is better). A long form that leaves a content word unmatched is
// rejected (COST_LIMIT); one trailing word may be trimmed (`"Partnership for Peace Program" (PFP)`).
const UNMATCHED_CONTENT_WORD = 20;
const TRIMMED_TRAILING_WORD = 10;
const SKIPPED_HYPHEN_PART = 3; // `Anti-Terrorism Training Centre (ATC)`: `Terrorism` is skipped
const INNER_LETTER = 1; // a letter matched inside a word rather than at its start
const COST_LIMIT = UNMATCHED_CONTENT_WORD;

// How far back a long form may start, whatever the word count: keeps the scan linear.
const MAX_WINDOW_CHARS = 250;
const MAX_PAREN_CHARS = 150;

// A word of a long form: letters and digits, with inner apostrophes and hyphens.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)?)*/gu;
// `(PARP)`, `(PARP,` or `(PARP;` right after an opening parenthesis; `(COP 28)` with its number,
// `(FEMA's)` with a possessive (outside the short form).
// `("ECB")` in quotes, as press releases write it.
const SHORT_IN_PARENS =
  /[ \t]*["“]?([\p{L}\p{N}][\p{L}\p{N}&.]{0,11}?(?:[ \t]\p{N}{1,2})?)\.?(?:['’]s)?["”]?[ \t]*[),;]/uy;
// A number or an ordinal (`2023`, `28th`): skipped like a function word (`the 28th Conference of
// the Parties (COP28)`), or matched by the short form's digits (`Group of 20 (G20)`).
const NUMBER_WORD = /^\p{N}+(?:st|nd|rd|th)?$/u;
// `, or UNOS,`: the short form of an apposition, then punctuation or the end of the line.
const OR_SHORT =
  /,[ \t]*\r?\n?[ \t]*or(?:[ \t]+|[ \t]*\r?\n[ \t]*)(\p{Lu}[\p{L}\p{N}&.]{0,11}?)(\.?(?:['’]s)?)(?=[ \t]*(?:[),;:.!?—–]|--|\r?\n|$))/uy;
// A company name before a parenthesis is followed by its stock ticker, not a definition:
// `Microsoft Corp (MSFT)`.
const COMPANY_SUFFIXES = new Set([
  'inc', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'plc', 'ag', 'sa', 'nv', 'gmbh',
  'holdings', 'bhd', 'spa', 'lp', 'llp',
]); // prettier-ignore
const ALL_CAPITALS = /^\p{Lu}{3,10}$/u;
const UPPER_INITIAL = /^\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Characters a long form never spans: brackets, quotes, clause punctuation, dashes.
const STOP = /[()[\]{};:"“”«»!?—–]/u;
const CLOSING_QUOTE = /["”’'»]/;
const SENTENCE_END = /[.!?:;"”)\]]/;

interface Word extends Span {
  /** Lower-cased hyphen parts: `euro-atlantic` -> ['euro', 'atlantic']. */
  parts: string[];
  fn: boolean;
  /** Written with a capital first (`Group`, `NATO`). */
  capital: boolean;
}

/**
 * Every definition made in `text`, in text order. `shortForms` are the tokens shaped like short
 * forms (the recogniser's candidates, sorted): an apposition (`, or UNOS`) is looked for only
 * before them, which costs nothing where a scan of every comma would.
 */
export function findDefinitions(
  text: string,
  sentences: readonly Span[],
  isShort: ShortFormTest,
  shortForms: readonly Span[] = [],
): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const d = longBeforeShort(text, sentences, open, isShort) ?? shortBeforeLong(text, open, isShort);
    if (d) out.push(d);
  }
  let appositions = false;
  for (const { start } of shortForms) {
    const comma = commaAndOrBefore(text, start);
    const d = comma >= 0 ? longBeforeOr(text, sentences, comma, isShort) : null;
    if (d) {
      out.push(d);
      appositions = true;
    }
  }
  if (appositions) out.sort((a, b) => definitionStart(a) - definitionStart(b));
  return out;
}

/** `, or ` (with blanks or a line break) right before `start`: the comma's offset, or -1. */
function commaAndOrBefore(text: string, start: number): number {
  let i = start - 1;
  const blanksEnd = i;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (
    i === blanksEnd ||
    i < 2 ||
    text.charCodeAt(i) !== 114 /* r */ ||
    text.charCodeAt(i - 1) !== 111 /* o */
  )
    return -1;
  i -= 2;
  if (!isBlank(text.charCodeAt(i))) return -1;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  return i >= 0 && text.charCodeAt(i) === 44 /* , */ ? i : -1;
}

function definitionStart(d: AcronymDefinition): number {
  return Math.min(d.longSpan.start, d.shortSpan.start);
}

/** `Planning and Review Process (PARP)`: the short form inside, the long form before. */
function longBeforeShort(
  text: string,
  sentences: readonly Span[],
  open: number,
  isShort: ShortFormTest,
): AcronymDefinition | null {
  SHORT_IN_PARENS.lastIndex = open + 1;
  const m = SHORT_IN_PARENS.exec(text);
  if (!m || !isShort(compact(m[1]))) return null;
  const short = m[1];
  const shortStart = text.indexOf(short, open + 1);
  const letters = shortFormLetters(short);
  if (letters.length < 2) return null;

  // The window ends before the parenthesis (and a closing quote: `"Partnership for Peace
  // Program" (PFP)`).
  let end = open;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  if (end > 0 && CLOSING_QUOTE.test(text[end - 1])) end--;
  const words = windowWords(text, sentences, end, open);
  let best = alignWindow(letters, words, true);
  const noNumber = withoutNumber(letters);
  if (!best && noNumber) best = alignWindow(noNumber, words, true);
  if (!best) best = titleCaseName(short, letters, words, end);
  if (!best) return null;
  return definition(text, short, { start: shortStart, end: shortStart + short.length }, words, best);
}

/** `United Network for Organ Sharing, or UNOS,`: the apposition after a comma. */
function longBeforeOr(
  text: string,
  sentences: readonly Span[],
  comma: number,
  isShort: ShortFormTest,
): AcronymDefinition | null {
  OR_SHORT.lastIndex = comma;
  const m = OR_SHORT.exec(text);
  if (!m || !isShort(m[1])) return null;
  const short = m[1];
  const letters = shortFormLetters(short);
  if (letters.length < 2) return null;
  const shortStart = comma + m[0].length - m[2].length - short.length;
  const words = windowWords(text, sentences, comma, comma);
  // the long form ends at the comma: no trailing word is trimmed
  const best = alignWindow(letters, words, false) ?? titleCaseName(short, letters, words, comma);
  if (!best) return null;
  return definition(text, short, { start: shortStart, end: shortStart + short.length }, words, best);
}

/** The words a long form ending at `end` may take: after the last stop character, in the sentence. */
function windowWords(text: string, sentences: readonly Span[], end: number, anchor: number): Word[] {
  let start = Math.max(0, end - MAX_WINDOW_CHARS, sentenceStart(text, sentences, anchor));
  for (let i = end - 1; i >= start; i--) {
    if (
      STOP.test(text[i]) ||
      (text[i] === '-' && isBlank(text.charCodeAt(i - 1)) && isBlank(text.charCodeAt(i + 1)))
    ) {
      start = i + 1;
      break;
    }
  }
  return wordsIn(text, start, end);
}

function alignWindow(letters: string, words: readonly Word[], trim: boolean): Alignment | null {
  const maxWords = Math.min(letters.length + 5, letters.length * 2);
  return bestAlignment(letters, words, Math.max(0, words.length - maxWords), false, trim);
}

function definition(
  text: string,
  short: string,
  shortSpan: Span,
  words: readonly Word[],
  best: Alignment,
): AcronymDefinition {
  const longSpan = { start: words[best.first].start, end: withoutPossessive(text, words[best.last].end) };
  return {
    key: shortFormKey(short),
    short,
    shortSpan,
    long: text.slice(longSpan.start, longSpan.end),
    longSpan,
  };
}

/** `Federal Emergency Management Agency's (FEMA)`: the long form ends before the possessive. */
function withoutPossessive(text: string, end: number): number {
  const c = text.charCodeAt(end - 2);
  return (c === 39 || c === 0x2019) && (text.charCodeAt(end - 1) | 32) === 115 ? end - 2 : end;
}

/**
 * A short form right after a name in title case (`Group of States against Corruption (GRECO)`,
 * `European Centre for Disease Prevention and Control (ECDC)`), where the letters do not align
 * word by word: the long form is the name, from a word that starts with the first letter, when
 * the short form is three capitals or more, the letters come in order inside the name, two of them
 * or more at the starts of words, and the name does not end in a company's suffix (`Microsoft
 * Corp (MSFT)` is a ticker). Of several starts, the one whose word count is nearest the letters'.
 */
function titleCaseName(
  short: string,
  letters: string,
  words: readonly Word[],
  end: number,
): Alignment | null {
  const n = words.length;
  if (!ALL_CAPITALS.test(short) || n < 2) return null;
  const lastWord = words[n - 1];
  if (
    lastWord.end !== end ||
    lastWord.fn ||
    !lastWord.capital ||
    COMPANY_SUFFIXES.has(lastWord.parts[lastWord.parts.length - 1])
  )
    return null;
  let runStart = n - 1;
  while (runStart > 0 && (words[runStart - 1].capital || words[runStart - 1].fn)) runStart--;
  let best: Alignment | null = null;
  let bestGap = Infinity;
  let content = 0;
  for (let first = n - 1; first >= runStart; first--) {
    const w = words[first];
    if (w.fn) continue;
    content++;
    if (content > letters.length + 2) break;
    if (content < 2 || w.parts[0][0] !== letters[0]) continue;
    const gap = Math.abs(content - letters.length);
    if (gap < bestGap && initialsMatched(letters, words, first) >= 2) {
      best = { first, last: n - 1, cost: COST_LIMIT };
      bestGap = gap;
    }
  }
  return best;
}

/**
 * How many of `letters` can fall on the starts of words when all of them are matched, in order,
 * inside `words[first..]`, the first at the first word's start (-1 when they cannot all be).
 */
function initialsMatched(letters: string, words: readonly Word[], first: number): number {
  let chars = '';
  const initial: boolean[] = [];
  for (let w = first; w < words.length; w++)
    for (const part of words[w].parts)
      for (let k = 0; k < part.length; k++) {
        if (part[k] === "'" || part[k] === '’') continue;
        chars += part[k];
        initial.push(k === 0);
      }
  if (chars[0] !== letters[0]) return -1;
  // best[j]: most initials for the letters so far, the last matched at or before chars[j - 1]
  const m = letters.length;
  let prev = new Array<number>(chars.length + 1).fill(1);
  prev[0] = -Infinity;
  for (let i = 1; i < m; i++) {
    const cur = new Array<number>(chars.length + 1).fill(-Infinity);
    for (let j = 2; j <= chars.length; j++) {
      const take = chars[j - 1] === letters[i] ? prev[j - 1] + (initial[j - 1] ? 1 : 0) : -Infinity;
      cur[j] = Math.max(cur[j - 1], take);
    }
    prev = cur;
  }
  const got = prev[chars.length];
  return got === -Infinity ? -1 : got;
}

/** `NATO (North Atlantic Treaty Organization)`: the short form before, the long form inside. */
function shortBeforeLong(text: string, open: number, isShort: ShortFormTest): AcronymDefinition | null {
  let end = open;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  // `FEMA's (Federal Emergency Management Agency)`: the possessive is not the short form's
  if (end > 2 && withoutPossessive(text, end) < end && LETTER_OR_DIGIT.test(text[end - 3])) end -= 2;
  let start = end;
  while (start > 0 && end - start <= 12 && (LETTER_OR_DIGIT.test(text[start - 1]) || text[start - 1] === '&'))
    start--;
  if (start === end || end - start > 12) return null;
  // `COP 28 (Conference of the Parties)`: a number after the letters is the short form's
  if (end - start <= 2 && start > 1 && text.charCodeAt(start - 1) === 32 && isDigits(text, start, end)) {
    let letters = start - 1;
    while (letters > 0 && start - letters <= 10 && LETTER_OR_DIGIT.test(text[letters - 1])) letters--;
    if (letters < start - 1) start = letters;
  }
  const short = text.slice(start, end);
  if (!isShort(compact(short))) return null;
  const letters = shortFormLetters(short);
  if (letters.length < 2) return null;
  // the closing parenthesis within reach: searching the rest of the text for it would make
  // every unclosed `NATO (` read to the end (quadratic while the user types one)
  const close = text.slice(open + 1, open + 1 + MAX_PAREN_CHARS).indexOf(')') + open + 1;
  if (close === open) return null;
  for (let i = open + 1; i < close; i++) if (STOP.test(text[i]) || text[i] === '\n') return null;
  const words = wordsIn(text, open + 1, close);
  if (words.length > Math.min(letters.length + 5, letters.length * 2)) return null;
  const noNumber = withoutNumber(letters);
  const best =
    bestAlignment(letters, words, 0, true) ?? (noNumber && bestAlignment(noNumber, words, 0, true));
  if (!best) return null;
  return definition(text, short, { start, end }, words, best);
}

interface Alignment {
  first: number;
  last: number;
  cost: number;
}

/**
 * The cheapest alignment of `letters` with a run of `words[first..last]`, where `first` is at
 * least `from` and `last` is the last word or, with `trim`, the one before it (one trailing word
 * trimmed).
 * `leadingFunctionWordsOnly`: the words before `first` must all be function words (the long
 * form fills its parentheses). Ties go to the shorter long form, as in S&H.
 */
function bestAlignment(
  letters: string,
  words: readonly Word[],
  from: number,
  leadingFunctionWordsOnly: boolean,
  trim = true,
): Alignment | null {
  const n = words.length;
  // `NATO ()`, as auto-closing brackets leave it while the user types: no word to align
  if (n === 0 || from >= n) return null;
  let best: Alignment | null = null;
  let maxFirst = n - 1;
  if (leadingFunctionWordsOnly) for (maxFirst = from; maxFirst < n - 1 && words[maxFirst].fn;) maxFirst++;
  for (let first = maxFirst; first >= from; first--) {
    if (words[first].fn || words[first].parts[0][0] !== letters[0]) continue;
    for (let last = n - 1; last >= first && last >= n - (trim ? 2 : 1); last--) {
      if (last === first && words[first].parts.length < 2) continue; // one plain word is not a long form
      const trim = last < n - 1 ? TRIMMED_TRAILING_WORD : 0;
      const cost = alignmentCost(letters, words, first, last) + trim;
      if (cost < COST_LIMIT && (!best || cost < best.cost)) best = { first, last, cost };
    }
  }
  return best;
}

/**
 * The cost of matching all of `letters`, in order, with `words[first..last]`: each hyphen part
 * either takes a run of letters (the first at its initial, the rest inside it, in order) or is
 * skipped. The first part of `first` and some part of `last` must take letters. Infinity when
 * there is no such alignment. A memoised search over (letter, part, word-has-a-match): the
 * sizes are bounded (≤ 12 letters, ≤ 17 words), so this is constant work per parenthesis.
 */
function alignmentCost(letters: string, words: readonly Word[], first: number, last: number): number {
  const units: { s: string; word: number; fn: boolean }[] = [];
  for (let w = first; w <= last; w++)
    for (const s of words[w].parts) units.push({ s, word: w, fn: words[w].fn });
  const m = letters.length;
  const U = units.length;
  const memo = new Float64Array((m + 1) * (U + 1) * 2).fill(-1);

  const go = (li: number, ui: number, wordMatched: boolean): number => {
    if (ui === U) return li === m ? 0 : Infinity;
    const slot = (li * (U + 1) + ui) * 2 + (wordMatched ? 1 : 0);
    if (memo[slot] >= 0) return memo[slot];
    const u = units[ui];
    const lastUnitOfWord = ui + 1 === U || units[ui + 1].word !== u.word;
    const next = (li2: number, matched: boolean): number => {
      if (!lastUnitOfWord) return go(li2, ui + 1, matched);
      if (!matched && u.word === last) return Infinity; // the long form ends on a matched word
      const unmatched = !matched && !u.fn ? UNMATCHED_CONTENT_WORD : 0;
      return unmatched + go(li2, ui + 1, false);
    };
    let best = Infinity;
    // skip this part (never the very first: the long form starts at the first letter)
    if (ui > 0) best = (u.fn ? 0 : SKIPPED_HYPHEN_PART) + next(li, wordMatched);
    // or take letters li..li+k-1: the first at the part's initial, the rest in order inside it
    if (li < m && letters[li] === u.s[0]) {
      let at = 0;
      for (let k = 1; li + k <= m; k++) {
        if (k > 1) {
          at = u.s.indexOf(letters[li + k - 1], at + 1);
          if (at < 0) break;
        }
        best = Math.min(best, (k - 1) * INNER_LETTER + next(li + k, true));
      }
    }
    memo[slot] = best;
    return best;
  };
  return go(0, 0, false);
}

/**
 * Where the sentence holding `pos` starts, for the long form's window. A boundary the splitter
 * drew at a bare line break (`North\nAtlantic Treaty Organization (NATO)`, a hard-wrapped
 * line that goes on with a capital) is not one for a long form: only a full stop, `!`, `?` or
 * a blank line before it counts.
 */
function sentenceStart(text: string, sentences: readonly Span[], pos: number): number {
  for (let i = sentenceAt(sentences, pos); i > 0; i--) {
    const start = sentences[i].start;
    let j = start - 1;
    let lineBreaks = 0;
    for (; j >= 0 && isBlank(text.charCodeAt(j)); j--) if (text.charCodeAt(j) === 10) lineBreaks++;
    if (lineBreaks !== 1 || j < 0 || SENTENCE_END.test(text[j])) return start;
    if (pos - start > MAX_WINDOW_CHARS) return start;
  }
  return 0;
}

function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const lower = m[0].toLowerCase();
    out.push({
      start: start + m.index,
      end: start + m.index + m[0].length,
      parts: lower.split('-'),
      fn: FUNCTION_WORDS.has(lower) || NUMBER_WORD.test(lower),
      capital: UPPER_INITIAL.test(m[0]),
    });
  }
  return out;
}

/**
 * `cop28` -> `cop`: the letters without a number at the end, which may be the edition rather than
 * a word of the long form (`Conference of the Parties (COP 28)`); null without such a number.
 */
function withoutNumber(letters: string): string | null {
  const last = letters.charCodeAt(letters.length - 1);
  if (!(last >= 48 && last <= 57)) return null;
  const rest = letters.replace(/\p{N}+$/u, '');
  return rest.length >= 2 ? rest : null;
}

/** The letters and digits of a short form that the long form must account for (`MPs` -> `mp`). */
function shortFormLetters(short: string): string {
  return shortFormKey(short).replace(/[^\p{L}\p{N}]/gu, '');
}

/** 'PfP' -> 'pfp', 'MPs' -> 'mp', 'U.S.' -> 'us': the entity key of a short form. */
export function shortFormKey(short: string): string {
  const noDots = short.replace(/[.\s]/g, '');
  const singular = /\p{Lu}s$/u.test(noDots) ? noDots.slice(0, -1) : noDots;
  return singular.toLowerCase();
}

function isDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!(text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57)) return false;
  return true;
}

/** `COP 28` -> `COP28`: the short form as one token, for the shape test. */
function compact(short: string): string {
  return short.replace(/[ \t]/g, '');
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}
