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
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      // A line break ends a sentence unless the line was wrapped mid-sentence: the
      // previous line ends with a lower-case letter or comma and the next starts lower-case.
      const prev = prevNonSpace(text, i);
      const next = nextNonSpace(text, i + 1);
      const blank = next > i + 1 && text.slice(i + 1, next).includes('\n');
      const wrapped =
        !blank && prev >= 0 && next < n && /[a-z,;]/.test(text[prev]) && /[a-z(]/.test(text[next]);
      if (!wrapped) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    if (c !== 46 /* . */ && c !== 33 /* ! */ && c !== 63 /* ? */) continue;
    // swallow runs of terminal punctuation and closing quotes/brackets
    let j = i + 1;
    while (j < n && /[.!?"'”’)\]]/.test(text[j])) j++;
    if (j < n && !isSpace(text.charCodeAt(j))) continue;
    const k = nextNonSpace(text, j);
    if (k >= n) continue;
    const nextChar = text[k];
    if (!(isUpper(nextChar) || /[0-9"“‘'(\p{Lu}]/u.test(nextChar))) continue;
    if (c === 46 && !endsSentence(text, i)) continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(n);
  return out;
}

function endsSentence(text: string, dot: number): boolean {
  // the word before the full stop
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1])) s--;
  const word = text.slice(s, dot);
  if (word.length === 1 && isUpper(word)) return false; // an initial: C. Mackenzie
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]?$/.test(word)) return false; // U.S. e.g. a.m.
  return true;
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
