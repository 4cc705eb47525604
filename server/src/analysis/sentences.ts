// Sentence boundaries, shared by every recogniser: what is "sentence-initial", which
// date dates which event, which sentence a hover quotes.
import type { Span } from './types';

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt maj capt sgt adm cmdr gov sen rep rev st jr sr hon pres amb no vs etc ' +
    'inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri ' +
    'sat sun e.g i.e u.s u.k u.n fig approx dept est govt int natl p pp vol'
  ).split(' '),
);

const isUpper = (c: string) => c >= 'A' && c <= 'Z';

/**
 * Splits text into sentences. A sentence ends at `.`, `!` or `?` (with closing quotes or
 * brackets) followed by whitespace and a capital, digit or opening quote; at a blank line;
 * and at a line break after which the next line starts a new block (headlines, bylines).
 * Abbreviations and initials (`C. Mackenzie`) do not end a sentence.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    // trim whitespace on both sides
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  // jump from one line break or terminal mark to the next: the regular expression engine
  // scans faster than a loop over every character
  const stops = /[\n.!?]/g;
  for (let m = stops.exec(text); m; m = stops.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      // A line break ends a sentence unless the line was wrapped mid-sentence: the
      // previous line ends with a lower-case letter or comma and the next starts lower-case.
      const prev = prevNonSpace(text, i);
      const next = nextNonSpace(text, i + 1);
      let blank = false;
      for (let b = i + 1; b < next && !blank; b++) blank = text.charCodeAt(b) === 10;
      const wrapped =
        !blank &&
        prev >= 0 &&
        next < n &&
        endsWrappedLine(text.charCodeAt(prev)) &&
        startsWrappedLine(text.charCodeAt(next));
      if (!wrapped) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    if (c !== 46 /* . */ && c !== 33 /* ! */ && c !== 63 /* ? */) continue;
    // swallow runs of terminal punctuation and closing quotes/brackets
    let j = i + 1;
    while (j < n && closesSentence(text.charCodeAt(j))) j++;
    if (j < n && !isSpace(text.charCodeAt(j))) continue;
    const k = nextNonSpace(text, j);
    if (k >= n) continue;
    const nextCode = text.charCodeAt(k);
    if (!startsSentence(nextCode, text, k)) continue;
    if (c === 46 && !endsSentence(text, i)) continue;
    push(j);
    start = j;
    stops.lastIndex = j;
  }
  push(n);
  return out;
}

function endsSentence(text: string, dot: number): boolean {
  // the word before the full stop
  let s = dot;
  while (s > 0 && isWordChar(text, s - 1)) s--;
  const word = text.slice(s, dot);
  if (word.length === 1 && isUpper(word)) return false; // an initial: C. Mackenzie
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]?$/.test(word)) return false; // U.S. e.g. a.m.
  return true;
}

// Character tests by code, not by one-character regular expressions: these run at every
// full stop and line break of every file.

/** `.`, `!`, `?`, quotes and closing brackets, which a sentence's end swallows. */
function closesSentence(c: number): boolean {
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 34 ||
    c === 39 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 41 ||
    c === 93
  );
}

/** What may start the next sentence: a capital, a digit, an opening quote or bracket. */
function startsSentence(c: number, text: string, at: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40) return true;
  return c > 127 && UPPER.test(text[at]);
}

const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

/** A letter or a full stop, as the word before a full stop is made of (`U.S`, `Jan`). */
function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46) return true;
  return c > 127 && LETTER.test(text[at]);
}

/** A line that ends so, followed by one that starts lower-case, was wrapped mid-sentence. */
function endsWrappedLine(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 44 || c === 59;
}

function startsWrappedLine(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 40;
}

function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff
  );
}

function nextNonSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function prevNonSpace(text: string, i: number): number {
  i--;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return i;
}

/** The index of the sentence that contains `offset` (binary search), or -1. */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
