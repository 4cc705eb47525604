// The date a document was written: what anchors `April 28`, `yesterday` and `last year`.
//
// Evidence, strongest first:
//   header       ` date 2022-04-29` at the very start (the corpus convention)      certain
//   dateline     `BAKU, April 29, 2022 -` or a date alone on one of the first lines   high
//   compiled-on  `compiled on May 25, 2006`, `Published: ...` near the start or end   high
//   text-year    the latest year the text speaks of as current or upcoming
//                (`ongoing preparations for the 2022 NATO Summit`)                    low
// A year the text only tells of in the past (`the operation ended in 2014`) is not
// evidence: an essay written in 2020 may well stop its story in 2014.
import { isValidDate, formatDate } from './calendar';
import { MONTHS, MONTH_SOURCE } from './lexicon';
import { sentenceAt } from '../sentences';
import type { DocumentDate, Span } from '../types';

const HEADER = /^\uFEFF?[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?![\d-])/;

// A full date: `May 25, 2006`, `25 May 2006`, `25th of May, 2006`, `2006-05-25`.
const FULL_DATE_SOURCE =
  `(?:(${MONTH_SOURCE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})` +
  `|(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+(${MONTH_SOURCE}),?\\s+(\\d{4})` +
  `|(\\d{4})-(\\d{2})-(\\d{2}))(?![\\d-])`;

// A dateline: an optional place (or a title: `Meeting notes, 10 October 2023.`), then the
// date, then a dash, bracket, or the end of the line (after a full stop, if any).
const DATELINE = new RegExp(
  `^[ \\t]*(?:(?!(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\\b)([A-Z][A-Za-z.'’ -]{1,40}),[ \\t]*)?(?:(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day,?[ \\t]+)?` +
    `(${FULL_DATE_SOURCE})[ \\t]*(?:([-–—(:|])|\\.?[ \\t]*\\r?$)`,
  'gm',
);

// `compiled on`, `published:`, `last updated` followed by a full date; a byline's date
// (`By Anna Berg | 3 March 2021`, `By Anna Berg, March 3, 2021`).
const COMPILED_ON = new RegExp(
  `(?:\\b(?:compiled|written|published|updated|posted|prepared|issued|released|dated)` +
    `(?:[ \\t]+(?:on|in))?[ \\t]*:?|\\bBy[ \\t]+(?:[A-Z][\\w.'’-]*[ \\t]+){0,3}[A-Z][\\w.'’-]*[ \\t]*[|,–—-])` +
    `[ \\t]*(${FULL_DATE_SOURCE})`,
  'gi',
);

// A year in the same stretch of text as a word that makes it current or upcoming.
const TEXT_YEAR = new RegExp(
  `\\b(?:ongoing|upcoming|forthcoming|preparations?\\s+for|ahead\\s+of|run-up\\s+to|this\\s+year'?s?|` +
    `current|currently|under\\s+way)\\b[^.!?\\n]{0,60}?(?<![\\d$€£.,])\\b((?:1[89]|20)\\d{2})\\b(?![\\d%]|[-–]\\d|s\\b)`,
  'gi',
);

/** How far from either end of the text a `compiled on` line may be. */
const EDGE = 400;
/** How far into the text a dateline may be. */
const DATELINE_REACH = 300;

const NONE: DocumentDate = { value: null, source: 'none', confidence: 'low' };

export function readDocumentDate(text: string, sentences: Span[]): DocumentDate {
  const header = HEADER.exec(text);
  if (header) {
    const [y, m, d] = [+header[1], +header[2], +header[3]];
    if (isValidDate(y, m, d)) {
      const start = header.index + header[0].length - 10;
      return {
        value: header[0].slice(-10),
        source: 'header',
        confidence: 'certain',
        span: { start, end: start + 10 },
      };
    }
  }
  // A careful reader's order: a dateline that names its place or runs into the story
  // (`BAKU, April 29, 2022 -`); then a `Published:`, `Last updated` or byline date; then a
  // date alone on a line near the top, which on a scraped page may be the site's banner
  // (today's date) rather than the article's.
  const head = text.slice(0, DATELINE_REACH);
  let bare: DocumentDate | null = null;
  const re = new RegExp(DATELINE.source, 'gm');
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const found = fullDate(m, 3);
    if (!found) continue;
    const start = m.index + m[0].indexOf(m[2]);
    const dateline: DocumentDate = {
      value: found,
      source: 'dateline',
      confidence: 'high',
      span: { start, end: start + m[2].length },
    };
    if (m[1] || m[m.length - 1]) return dateline;
    bare ??= dateline;
  }
  const compiled = compiledOn(text, !!bare);
  if (compiled) return compiled;
  if (bare) return bare;
  return textYear(text, sentences) ?? NONE;
}

/** `headOnly`: only the start of the text (what outranks a bare date line at the top). */
function compiledOn(text: string, headOnly = false): DocumentDate | null {
  let best: DocumentDate | null = null;
  const scan = (from: number, to: number) => {
    const re = new RegExp(COMPILED_ON.source, 'gi');
    const part = text.slice(from, to);
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const value = fullDate(m, 2);
      if (!value) continue;
      const start = from + m.index + m[0].lastIndexOf(m[1]);
      best = { value, source: 'compiled-on', confidence: 'high', span: { start, end: start + m[1].length } };
    }
  };
  // Only the edges: `the report published on May 3, 2001` in the body dates the report, not us.
  if (headOnly) scan(0, Math.min(text.length, EDGE));
  else if (text.length <= 2 * EDGE) scan(0, text.length);
  else {
    scan(0, EDGE);
    scan(text.length - EDGE, text.length);
  }
  return best;
}

function textYear(text: string, sentences: Span[]): DocumentDate | null {
  let year = 0;
  let span: Span | undefined;
  const re = new RegExp(TEXT_YEAR.source, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const y = +m[1];
    const start = m.index + m[0].length - 4;
    // The cue and the year must share a sentence; the regex already stops at full stops,
    // the sentence check also stops at headline breaks.
    if (sentences.length && !sameSentence(sentences, m.index, start)) continue;
    if (y >= year) {
      year = y;
      span = { start, end: start + 4 };
    }
    re.lastIndex = start + 4;
  }
  if (!year || !span) return null;
  return { value: String(year), source: 'text-year', confidence: 'low', span };
}

function sameSentence(sentences: Span[], a: number, b: number): boolean {
  const i = sentenceAt(sentences, a);
  return i >= 0 && b < sentences[i].end;
}

/** The ISO value of a FULL_DATE_SOURCE match whose first group is at `g`, or null if invalid. */
function fullDate(m: RegExpExecArray, g: number): string | null {
  let y: number, mo: number, d: number;
  if (m[g]) {
    mo = monthNumber(m[g]);
    d = +m[g + 1];
    y = +m[g + 2];
  } else if (m[g + 3]) {
    d = +m[g + 3];
    mo = monthNumber(m[g + 4]);
    y = +m[g + 5];
  } else {
    y = +m[g + 6];
    mo = +m[g + 7];
    d = +m[g + 8];
  }
  return isValidDate(y, mo, d) ? formatDate({ year: y, month: mo, day: d }) : null;
}

function monthNumber(word: string): number {
  return MONTHS.get(word.replace('.', '').toLowerCase()) ?? 0;
}
