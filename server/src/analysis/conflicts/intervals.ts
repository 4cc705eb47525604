// Dates as intervals of days, at the precision the text gives: a year, a month, an ISO week, a
// season, a quarter, a day. Two dates of one fact agree when their intervals meet: `1992`
// contains `March 1992`, `last week` contains `Aug. 7`. The guidelines: early/late do not narrow
// the interval (`late 2020` and `February 2020` can both be right).
import type { DateMod } from '../types';

/** Inclusive range of days since 1970-01-01, or a month-day pattern for XXXX-MM-DD. */
export type Interval =
  { kind: 'days'; lo: number; hi: number } | { kind: 'month-day'; month: number; day?: number };

const DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY);
const lastDay = (y: number, m: number) => dayOf(y, m + 1, 1) - 1;
const SEASON_START = { SP: 3, SU: 6, FA: 9, WI: 12 } as const;

/** The interval of a TIMEX value; `mod` is accepted and, as the guidelines say, does not narrow it. */
export function intervalOf(value: string, mod?: DateMod): Interval | null {
  void mod;
  let m = /^XXXX-(\d\d)(?:-(\d\d))?$/.exec(value);
  if (m) return { kind: 'month-day', month: Number(m[1]), ...(m[2] ? { day: Number(m[2]) } : {}) };
  m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (m) {
    const d = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return { kind: 'days', lo: d, hi: d };
  }
  m = /^(\d{4})-(\d\d)$/.exec(value);
  if (m) return { kind: 'days', lo: dayOf(+m[1], +m[2], 1), hi: lastDay(+m[1], +m[2]) };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    // meteorological seasons; winter runs December to February of the next year
    const y = +m[1];
    const first = SEASON_START[m[2] as keyof typeof SEASON_START];
    const end = first === 12 ? lastDay(y + 1, 2) : lastDay(y, first + 2);
    return { kind: 'days', lo: dayOf(y, first, 1), hi: end };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const q = +m[2];
    return { kind: 'days', lo: dayOf(+m[1], q * 3 - 2, 1), hi: lastDay(+m[1], q * 3) };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) {
    const h = +m[2];
    return { kind: 'days', lo: dayOf(+m[1], h * 6 - 5, 1), hi: lastDay(+m[1], h * 6) };
  }
  m = /^(\d{4})-W(\d\d)$/.exec(value);
  if (m) {
    // ISO week: the week with the year's first Thursday is week 1
    const jan4 = dayOf(+m[1], 1, 4);
    const weekday = (jan4 + 3) % 7; // 0 = Monday
    const monday = jan4 - weekday + (Number(m[2]) - 1) * 7;
    return { kind: 'days', lo: monday, hi: monday + 6 };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { kind: 'days', lo: dayOf(+m[1], 1, 1), hi: lastDay(+m[1], 12) };
  m = /^(\d{3})$/.exec(value);
  if (m) return { kind: 'days', lo: dayOf(+m[1] * 10, 1, 1), hi: lastDay(+m[1] * 10 + 9, 12) };
  m = /^(\d{2})$/.exec(value);
  if (m) return { kind: 'days', lo: dayOf(+m[1] * 100, 1, 1), hi: lastDay(+m[1] * 100 + 99, 12) };
  return null;
}

/** The interval of a range (`between 1985 and 1987`): from the start of one end to the end of the other. */
export function spanning(a: Interval | null, b: Interval | null): Interval | null {
  if (a?.kind !== 'days' || b?.kind !== 'days') return a;
  return { kind: 'days', lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/** Whether two dates of one fact can both be right: their intervals meet. */
export function compatible(a: Interval | null, b: Interval | null): boolean {
  if (!a || !b) return true;
  if (a.kind === 'days' && b.kind === 'days') return a.lo <= b.hi && b.lo <= a.hi;
  const md = a.kind === 'month-day' ? a : (b as { kind: 'month-day'; month: number; day?: number });
  const other = a.kind === 'month-day' ? b : a;
  if (other.kind === 'month-day') {
    return (
      md.month === other.month && (md.day === undefined || other.day === undefined || md.day === other.day)
    );
  }
  // an underspecified XXXX-04-28 conflicts only on what it specifies
  if (other.hi - other.lo > 31) return true;
  for (let t = other.lo; t <= other.hi; t++) {
    const d = new Date(t * DAY);
    if (d.getUTCMonth() + 1 === md.month && (md.day === undefined || d.getUTCDate() === md.day)) return true;
  }
  return false;
}

/** Whether `a` lies inside `b` (a refinement of it). */
export function within(a: Interval | null, b: Interval | null): boolean {
  if (a?.kind !== 'days' || b?.kind !== 'days') return false;
  return b.lo <= a.lo && a.hi <= b.hi;
}

/** Days between two intervals (0 when they meet). */
export function gapInDays(a: Interval | null, b: Interval | null): number {
  if (a?.kind !== 'days' || b?.kind !== 'days') return 0;
  return Math.max(0, a.lo - b.hi, b.lo - a.hi);
}
