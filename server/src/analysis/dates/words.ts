// Small helpers over the raw text, shared by the grammar's handlers and the tense reader.
import { MONTHS, WEEKDAYS } from './lexicon';

export const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Start of the word `n` words before the one at `i` (within a few dozen characters), or -1. */
export function wordStartBefore(text: string, i: number, n: number): number {
  const limit = Math.max(0, i - 12 * n - 8);
  let j = i;
  for (let k = 0; k < n; k++) {
    j--;
    while (j >= limit && !isWordChar(text.charCodeAt(j))) j--;
    if (j < limit) return -1;
    while (j > limit && isWordChar(text.charCodeAt(j - 1))) j--;
  }
  return j;
}

export function monthOf(word: string): number {
  return MONTHS.get(word.replace('.', '').toLowerCase()) ?? 0;
}

export function weekdayWord(word: string | undefined): number | undefined {
  return word === undefined ? undefined : WEEKDAYS.get(word.replace('.', '').toLowerCase());
}

/** End of a day number as written (`4th` included), for ranges split into two mentions. */
export function dayTokenEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const suffix = text.slice(i, i + 2).toLowerCase();
  if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') i += 2;
  return i;
}

/** `i`, moved forward past the rest of a word it falls inside (at most one word: constant). */
export function wordAligned(text: string, i: number): number {
  if (i <= 0 || !isWordChar(text.charCodeAt(i - 1))) return i;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return i;
}
