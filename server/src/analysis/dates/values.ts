// Values: what a holiday, a season or a partial date comes to in a given year, and the
// values of what nothing anchors.
import { daysInMonth, toDayNumber, weekdayOf, type YMD } from './calendar';
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
 * The year of a partial date (`Aug. 6`, `in January`) written on `doc`: the document's year,
 * unless that puts the date far on the wrong side of the document date for the sentence's
 * tense (`said on Aug. 6` written in February is last year's), or more than half a year
 * away when the sentence says nothing (`Dec. 15` written in January is last December).
 */
export function nearestYear(doc: YMD, month: number, day: number | undefined, t: Tense): number {
  const docDay = toDayNumber(doc.year, doc.month, doc.day);
  const delta = toDayNumber(doc.year, month, Math.min(day ?? 15, daysInMonth(doc.year, month))) - docDay;
  if (delta > 0 && ((t === 'past' && delta > SAME_YEAR_DAYS) || (t !== 'future' && delta > HALF_YEAR_DAYS)))
    return doc.year - 1;
  if (delta < 0 && ((t === 'future' && -delta > SAME_YEAR_DAYS) || (t !== 'past' && -delta > HALF_YEAR_DAYS)))
    return doc.year + 1;
  return doc.year;
}

/** The date of a holiday in a year. */
export function holidayDate(name: string, year: number): YMD {
  if (name.startsWith('Christmas')) return { year, month: 12, day: name.endsWith('Eve') ? 24 : 25 };
  if (name.startsWith('New Year'))
    return name.endsWith('Eve') ? { year, month: 12, day: 31 } : { year, month: 1, day: 1 };
  if (name.startsWith('Thanksgiving')) {
    // the fourth Thursday of November
    const first = weekdayOf(year, 11, 1);
    return { year, month: 11, day: 1 + ((4 - first + 7) % 7) + 21 };
  }
  if (name.startsWith('Election')) {
    // the Tuesday after the first Monday of November
    const first = weekdayOf(year, 11, 1);
    return { year, month: 11, day: 1 + ((1 - first + 7) % 7) + 1 };
  }
  return easter(year);
}

/** Western Easter Sunday (the anonymous Gregorian algorithm). */
function easter(year: number): YMD {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

export function seasonStartMonth(season: string): number {
  return season === 'SP' ? 3 : season === 'SU' ? 6 : season === 'FA' ? 9 : 12;
}

export const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));
