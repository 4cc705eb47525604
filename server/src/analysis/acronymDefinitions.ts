// Definitions of short forms, found next to a parenthesis, in either order:
//   `Planning and Review Process (PARP)`   (long form, then the short form in parentheses)
//   `PARP (Planning and Review Process)`   (short form, then the long form in parentheses)
//
// The long form is found by aligning the short form's letters with the initials of the words
// before the parenthesis (or inside it), in the manner of Schwartz & Hearst (2003, "A simple
// algorithm for identifying abbreviation definitions in biomedical text"): the first letter of
// the short form starts the long form, every letter is matched in order, and the window is
// at most min(|SF| + 5, 2 |SF|) words. Where S&H take the shortest match, we score every
// alignment, because news long forms have shapes theirs do not (`the PfP Planning and Review
// Process (PARP)`, `"Partnership for Peace Program" (PFP)`): a content word left unmatched
// costs most, trimming one trailing word costs less, function words are free to skip.
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
// `(PARP)`, `(PARP,` or `(PARP;` right after an opening parenthesis.
const SHORT_IN_PARENS = /[ \t]*([\p{L}\p{N}][\p{L}\p{N}&.]{0,11}?)\.?[ \t]*[),;]/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Characters a long form never spans: brackets, quotes, clause punctuation, dashes.
const STOP = /[()[\]{};:"“”«»!?—–]/u;
const CLOSING_QUOTE = /["”’'»]/;
const SENTENCE_END = /[.!?:;"”)\]]/;

interface Word extends Span {
  /** Lower-cased hyphen parts: `euro-atlantic` -> ['euro', 'atlantic']. */
  parts: string[];
  fn: boolean;
}

/** Every definition made in `text`, in text order. */
export function findDefinitions(
  text: string,
  sentences: readonly Span[],
  isShort: ShortFormTest,
): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const d = longBeforeShort(text, sentences, open, isShort) ?? shortBeforeLong(text, open, isShort);
    if (d) out.push(d);
  }
  return out;
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
  if (!m || !isShort(m[1])) return null;
  const short = m[1];
  const shortStart = text.indexOf(short, open + 1);
  const letters = shortFormLetters(short);
  if (letters.length < 2) return null;

  // The window ends before the parenthesis (and a closing quote: `"Partnership for Peace
  // Program" (PFP)`); it starts after the last stop character, within the sentence.
  let end = open;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  if (end > 0 && CLOSING_QUOTE.test(text[end - 1])) end--;
  let start = Math.max(0, end - MAX_WINDOW_CHARS, sentenceStart(text, sentences, open));
  for (let i = end - 1; i >= start; i--) {
    if (
      STOP.test(text[i]) ||
      (text[i] === '-' && isBlank(text.charCodeAt(i - 1)) && isBlank(text.charCodeAt(i + 1)))
    ) {
      start = i + 1;
      break;
    }
  }
  const words = wordsIn(text, start, end);
  const maxWords = Math.min(letters.length + 5, letters.length * 2);
  const from = Math.max(0, words.length - maxWords);
  const best = bestAlignment(letters, words, from, false);
  if (!best) return null;
  const longSpan = { start: words[best.first].start, end: words[best.last].end };
  return {
    key: shortFormKey(short),
    short,
    shortSpan: { start: shortStart, end: shortStart + short.length },
    long: text.slice(longSpan.start, longSpan.end),
    longSpan,
  };
}

/** `NATO (North Atlantic Treaty Organization)`: the short form before, the long form inside. */
function shortBeforeLong(text: string, open: number, isShort: ShortFormTest): AcronymDefinition | null {
  let end = open;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start <= 12 && (LETTER_OR_DIGIT.test(text[start - 1]) || text[start - 1] === '&'))
    start--;
  if (start === end || end - start > 12) return null;
  const short = text.slice(start, end);
  if (!isShort(short)) return null;
  const letters = shortFormLetters(short);
  if (letters.length < 2) return null;
  // the closing parenthesis within reach: searching the rest of the text for it would make
  // every unclosed `NATO (` read to the end (quadratic while the user types one)
  const close = text.slice(open + 1, open + 1 + MAX_PAREN_CHARS).indexOf(')') + open + 1;
  if (close === open) return null;
  for (let i = open + 1; i < close; i++) if (STOP.test(text[i]) || text[i] === '\n') return null;
  const words = wordsIn(text, open + 1, close);
  if (words.length > Math.min(letters.length + 5, letters.length * 2)) return null;
  const best = bestAlignment(letters, words, 0, true);
  if (!best) return null;
  const longSpan = { start: words[best.first].start, end: words[best.last].end };
  return {
    key: shortFormKey(short),
    short,
    shortSpan: { start, end },
    long: text.slice(longSpan.start, longSpan.end),
    longSpan,
  };
}

/**
 * The cheapest alignment of `letters` with a run of `words[first..last]`, where `first` is at
 * least `from` and `last` is the last word or the one before it (one trailing word trimmed).
 * `leadingFunctionWordsOnly`: the words before `first` must all be function words (the long
 * form fills its parentheses). Ties go to the shorter long form, as in S&H.
 */
function bestAlignment(
  letters: string,
  words: readonly Word[],
  from: number,
  leadingFunctionWordsOnly: boolean,
): { first: number; last: number; cost: number } | null {
  const n = words.length;
  // `NATO ()`, as auto-closing brackets leave it while the user types: no word to align
  if (n === 0 || from >= n) return null;
  let best: { first: number; last: number; cost: number } | null = null;
  let maxFirst = n - 1;
  if (leadingFunctionWordsOnly) for (maxFirst = from; maxFirst < n - 1 && words[maxFirst].fn;) maxFirst++;
  for (let first = maxFirst; first >= from; first--) {
    if (words[first].fn || words[first].parts[0][0] !== letters[0]) continue;
    for (let last = n - 1; last >= first && last >= n - 2; last--) {
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
      fn: FUNCTION_WORDS.has(lower),
    });
  }
  return out;
}

/** The letters and digits of a short form that the long form must account for (`MPs` -> `mp`). */
function shortFormLetters(short: string): string {
  return shortFormKey(short).replace(/[^\p{L}\p{N}]/gu, '');
}

/** 'PfP' -> 'pfp', 'MPs' -> 'mp', 'U.S.' -> 'us': the entity key of a short form. */
export function shortFormKey(short: string): string {
  const noDots = short.replace(/\./g, '');
  const singular = /\p{Lu}s$/u.test(noDots) ? noDots.slice(0, -1) : noDots;
  return singular.toLowerCase();
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}
