// Calendar arithmetic for date values: proleptic Gregorian, no time zones, no Date objects
// (a Date carries a zone and a clock we never want; plain integers cannot drift).

/** 0 = Sunday ... 6 = Saturday, in the order of `WEEKDAY_NAMES`. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface YMD {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1..12) of a year; 0 for a month outside 1..12. */
export function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Days since 1970-01-01 (may be negative). Howard Hinnant's `days_from_civil`: exact for
 * every Gregorian date, no loops, so adding days to a date is O(1).
 */
export function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of `toDayNumber`. */
export function fromDayNumber(n: number): YMD {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return (((toDayNumber(year, month, day) + 4) % 7) + 7) % 7;
}

export function addDays(date: YMD, days: number): YMD {
  return fromDayNumber(toDayNumber(date.year, date.month, date.day) + days);
}

/** Adds months, keeping the year right (`1998-01` minus 2 months is `1997-11`). Day is kept as is. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: YMD): { year: number; week: number } {
  const n = toDayNumber(date.year, date.month, date.day);
  const isoDay = ((weekdayOf(date.year, date.month, date.day) + 6) % 7) + 1; // Monday = 1
  const thursday = fromDayNumber(n - isoDay + 4);
  const week = Math.floor((n - isoDay + 4 - toDayNumber(thursday.year, 1, 1)) / 7) + 1;
  return { year: thursday.year, week };
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** Years are written with four digits (`0099`); TIMEX3 has no room for more. */
export function formatYear(year: number): string {
  return year >= 0 && year < 1000 ? String(year).padStart(4, '0') : String(year);
}

export function formatDate(date: YMD): string {
  return `${formatYear(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${formatYear(year)}-${pad2(month)}`;
}

export function formatWeek(year: number, week: number): string {
  return `${formatYear(year)}-W${pad2(week)}`;
}

/** Reads `YYYY-MM-DD` (only that shape; no validation of the day beyond 1..31). */
export function parseIsoDate(value: string | null | undefined): YMD | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return { year: +m[1], month: +m[2], day: +m[3] };
}

/** The day on which a TIMEX3-style value's period begins, or null when it has no fixed start. */
export function periodStart(value: string): YMD | null {
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m) return { year: +m[1], month: m[2] ? +m[2] : 1, day: m[3] ? +m[3] : 1 };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { year: +m[1], month: (+m[2] - 1) * 3 + 1, day: 1 };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return { year: +m[1], month: { SP: 3, SU: 6, FA: 9, WI: 12 }[m[2] as 'SP'] ?? 1, day: 1 };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // Monday of ISO week 1 is the Monday on or before January 4th.
    const jan4 = toDayNumber(+m[1], 1, 4);
    const isoDay = ((weekdayOf(+m[1], 1, 4) + 6) % 7) + 1;
    return fromDayNumber(jan4 - isoDay + 1 + (+m[2] - 1) * 7);
  }
  m = /^(\d{3})$/.exec(value);
  if (m) return { year: +m[1] * 10, month: 1, day: 1 };
  return null;
}
