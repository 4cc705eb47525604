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
  // Each stop looks at the white space around it. In a run of line breaks (or of `?!.`) every
  // stop would look at the whole run again, quadratic in its length (1 MB of line breaks took
  // minutes): what was found for the run is remembered and reused by its other stops.
  let spaceFrom = -1; // text[spaceFrom, spaceTo) is white space, and text[spaceTo] is not
  let spaceTo = -1;
  let backFrom = 0; // the last non-space before `backAt` is `backFound`
  let backAt = 0;
  let backFound = -1;
  const nextNonSpaceCached = (i: number) => {
    if (i >= spaceFrom && i <= spaceTo) return spaceTo;
    spaceFrom = i;
    spaceTo = nextNonSpace(text, i);
    return spaceTo;
  };
  const prevNonSpaceCached = (i: number) => {
    // stops come in order: only what lies between the last look and this one is new
    if (i < backAt) {
      backFrom = 0;
      backFound = -1;
    } else backFrom = backAt;
    let p = i - 1;
    while (p >= backFrom && isSpace(text.charCodeAt(p))) p--;
    if (p >= backFrom) backFound = p;
    backAt = i;
    return backFound;
  };
  let runFrom = -1; // a run of terminal marks and closers [runFrom, runEnd), and whether it may end
  let runEnd = -1; // a sentence (apart from the abbreviation test on its full stops)
  let runOpen = false;
  for (let m = stops.exec(text); m; m = stops.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      // A line break ends a sentence unless the line was wrapped mid-sentence: the
      // previous line ends with a lower-case letter or comma and the next starts lower-case.
      const prev = prevNonSpaceCached(i);
      const next = nextNonSpaceCached(i + 1);
      // a blank line: another line break before the next word (found at most once per line)
      const nl = next > i + 1 ? text.indexOf('\n', i + 1) : -1;
      const blank = nl >= 0 && nl < next;
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
    // swallow runs of terminal punctuation and closing quotes/brackets; a stop inside a run
    // already measured reaches the same end
    let j: number;
    if (i > runFrom && i < runEnd) j = runEnd;
    else {
      j = i + 1;
      while (j < n && closesSentence(text.charCodeAt(j))) j++;
      runFrom = i;
      runEnd = j;
      runOpen = false;
      if (j >= n || isSpace(text.charCodeAt(j))) {
        const k = nextNonSpaceCached(j);
        runOpen = k < n && startsSentence(text.charCodeAt(k), text, k);
      }
    }
    if (!runOpen) {
      stops.lastIndex = j; // no stop of this run ends a sentence
      continue;
    }
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
  // A word with two full stops in a row is no abbreviation or initial (`U.S.` has none), so the
  // look back stops there: in a run of full stops every one would otherwise read back over
  // all the others (quadratic in the run).
  let s = dot;
  while (s > 0 && isWordChar(text, s - 1)) {
    s--;
    if (s + 1 < dot && text.charCodeAt(s) === 46 && text.charCodeAt(s + 1) === 46) return true;
  }
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
