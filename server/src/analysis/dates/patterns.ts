// Regex fragments shared by several pattern families, composed once at load time.
import { WEEKDAY_ABBR_SOURCE, WEEKDAY_SOURCE } from './lexicon';

/** A word with its first letter in either case: `[Ll]ast`. */
export const cap = (word: string) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
export const capAll = (words: string[]) => words.map(cap).join('|');

/** A year of the last millennium or this century, not part of a longer number or a decimal. */
export const YEAR = '(1\\d{3}|20\\d{2})(?![\\d%]|[.,]\\d)';
/** A day of the month, with or without its ordinal suffix, not a time or a percentage. */
export const DAY_NUM = '(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d|%)';
/** `Friday, `, `Fri. ` before a date. */
export const WEEKDAY_PREFIX = `(?:(${WEEKDAY_SOURCE}|${WEEKDAY_ABBR_SOURCE}),?\\s+)?`;

/** `last`, `this`, `this past`, `next`, `coming`, `past` right before a weekday, month or holiday. */
export const RELATIVE_BEFORE = /\b(last|this(?:\s+past)?|next|coming|past|previous|preceding)\s+$/i;

/** `each July`, `every Thursday`: a recurrence names no calendar point. */
export const RECURRENCE_BEFORE = /\b(?:each|every)\s+$/i;

/** The direction a RELATIVE_BEFORE word gives: before the document date, on it, after it. */
export function directionOf(word: string): -1 | 0 | 1 {
  const w = word.toLowerCase();
  if (w === 'last' || w === 'past' || w === 'previous' || w === 'preceding') return -1;
  return w.startsWith('this') ? 0 : 1;
}

/**
 * Before a date, what makes it a time still to come: a deadline (`until 9 a.m. Tuesday`,
 * `no later than Friday`, `until January`) or a deferral (`postponed to Tuesday`,
 * `extended ... loans through January`).
 */
const DEADLINE_BEFORE =
  /(?:\b(until|till|no\s+later\s+than)|\b(?:postpon|delay|defer|adjourn|reschedul|push|put\s+off|mov|extend|deadline)\w*(?:\s+[\w$,.]+){0,10}\s+(?:until|till|to|for|through))\s+(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{3}\s*)?,?\s*)?$/i;

const DEADLINE_WORD_NEAR = /\b(?:until|till|than|to|for|through)\b/i;

/**
 * The side of the document date the words before a date put it on (see Candidate.side): a
 * deferral is to a time to come; a bare `until` is a deadline, still to come unless the
 * sentence is told in the past (`Until Thursday, they had not called him a suspect`).
 */
export function deadlineSide(prior: string): 'future' | 'deadline' | undefined {
  // Most dates have none of these words just before them: a short look spares the long one.
  if (!DEADLINE_WORD_NEAR.test(prior.slice(-30))) return undefined;
  const m = DEADLINE_BEFORE.exec(prior);
  return m ? (m[1] ? 'deadline' : 'future') : undefined;
}
