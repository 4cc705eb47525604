// Values: what a holiday, a season or a partial date comes to in a given year, and the
// values of what nothing anchors.
import { daysInMonth, toDayNumber, type YMD } from './calendar';
import type { Tense } from './tense';

/** The value of a relative date nothing anchors (`last week` without a document date). */
export const UNDERSPECIFIED = {
  day: 'XXXX-XX-XX',
  week: 'XXXX-WXX',
  month: 'XXXX-XX',
  quarter: 'XXXX-QX',
  year: 'XXXX',
  decade: 'XXX',
} as const;

/** Days from the document date within which a partial date keeps the document's year whatever the tense. */
const SAME_YEAR_DAYS = 60;
const HALF_YEAR_DAYS = 183;
/**
 * News tells mostly of the past: a partial date whose sentence gives no tense keeps the
 * document's year up to ten months back (`In January, ... a bombing killed a guard`, in
 * an October story, is that January), and becomes next year's only beyond.
 */
const TEN_MONTHS_DAYS = 300;

/**
 * The year of a partial date (`Aug. 6`, `in January`) written on `doc`: the document's year,
 * unless that puts the date far on the wrong side of the document date for the sentence's
 * tense (`said on Aug. 6` written in February is last year's), or more than half a year
 * away when the sentence says nothing (`Dec. 15` written in January is last December; see TEN_MONTHS_DAYS for the other side).
 */
export function nearestYear(doc: YMD, month: number, day: number | undefined, t: Tense): number {
  const docDay = toDayNumber(doc.year, doc.month, doc.day);
  const delta = toDayNumber(doc.year, month, Math.min(day ?? 15, daysInMonth(doc.year, month))) - docDay;
  if (delta > 0 && ((t === 'past' && delta > SAME_YEAR_DAYS) || (t !== 'future' && delta > HALF_YEAR_DAYS)))
    return doc.year - 1;
  if (
    delta < 0 &&
    ((t === 'future' && -delta > SAME_YEAR_DAYS) || (t !== 'past' && -delta > TEN_MONTHS_DAYS))
  )
    return doc.year + 1;
  return doc.year;
}

export function seasonStartMonth(season: string): number {
  return season === 'SP' ? 3 : season === 'SU' ? 6 : season === 'FA' ? 9 : 12;
}

export const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/**
 * The year of `last fall`, `this spring`, `next winter` written on `doc` (a winter is the
 * year of its December): `last` is the latest such season over before the document date
 * (`last spring` in December is that year's), `this` the one the document's year holds
 * (the current winter in January and February), `next` the first that has not begun.
 */
export function relativeSeasonYear(doc: YMD, season: string, offset: number): number {
  const start = seasonStartMonth(season);
  // months since year 0 of the document, and of this year's season's start
  const now = doc.year * 12 + doc.month - 1;
  const thisStart = doc.year * 12 + start - 1;
  if (offset < 0) {
    // the season of year y is over from month thisStart + 3 (of year y) on
    let year = doc.year;
    while ((year - doc.year) * 12 + thisStart + 3 > now) year--;
    return year;
  }
  if (offset === 0) return season === 'WI' && doc.month <= 2 ? doc.year - 1 : doc.year;
  return thisStart > now ? doc.year : doc.year + 1;
}
