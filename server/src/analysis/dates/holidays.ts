// Holidays whose date a reader knows without being told: fixed days, the US federal
// holidays that wire news dates events by (`last Thanksgiving`, `Labor Day`), and the
// Western Christian feasts counted from Easter. General world knowledge, not a list of any
// text's dates. (Feasts of lunar calendars are left out: their dates need tables.)
import { addDays, daysInMonth, weekdayOf, type YMD } from './calendar';

type Rule =
  | { month: number; day: number } // a fixed day
  | { month: number; weekday: number; nth: number } // the nth weekday of a month; -1 = the last
  | { easter: number } // days from Western Easter Sunday
  | { election: true }; // the Tuesday after the first Monday of November

interface Holiday {
  /** The name as written (a regex source, capitalised as it is printed). */
  name: string;
  rule: Rule;
}

const APOSTROPHE = "['’]";

export const HOLIDAYS: readonly Holiday[] = [
  { name: `New\\s+Year${APOSTROPHE}s\\s+Eve`, rule: { month: 12, day: 31 } },
  { name: `New\\s+Year${APOSTROPHE}s(?:\\s+Day)?`, rule: { month: 1, day: 1 } },
  { name: 'Christmas\\s+Eve', rule: { month: 12, day: 24 } },
  { name: 'Christmas(?:\\s+Day)?', rule: { month: 12, day: 25 } },
  { name: 'Boxing\\s+Day', rule: { month: 12, day: 26 } },
  { name: 'Epiphany', rule: { month: 1, day: 6 } },
  { name: `Valentine${APOSTROPHE}s\\s+Day`, rule: { month: 2, day: 14 } },
  { name: `St\\.?\\s+Patrick${APOSTROPHE}s\\s+Day`, rule: { month: 3, day: 17 } },
  { name: `International\\s+Women${APOSTROPHE}s\\s+Day`, rule: { month: 3, day: 8 } },
  { name: 'May\\s+Day', rule: { month: 5, day: 1 } },
  { name: 'Juneteenth', rule: { month: 6, day: 19 } },
  { name: 'Canada\\s+Day', rule: { month: 7, day: 1 } },
  { name: 'Independence\\s+Day', rule: { month: 7, day: 4 } },
  { name: 'Fourth\\s+of\\s+July', rule: { month: 7, day: 4 } },
  { name: 'Bastille\\s+Day', rule: { month: 7, day: 14 } },
  { name: 'Halloween', rule: { month: 10, day: 31 } },
  { name: `All\\s+Saints${APOSTROPHE}?\\s+Day`, rule: { month: 11, day: 1 } },
  { name: `(?:Veterans${APOSTROPHE}?|Armistice|Remembrance)\\s+Day`, rule: { month: 11, day: 11 } },
  {
    name: `Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?${APOSTROPHE}?s?\\s+Day`,
    rule: { month: 1, weekday: 1, nth: 3 },
  },
  { name: `Presidents${APOSTROPHE}?\\s+Day`, rule: { month: 2, weekday: 1, nth: 3 } },
  { name: `Mother${APOSTROPHE}s\\s+Day`, rule: { month: 5, weekday: 0, nth: 2 } },
  { name: 'Memorial\\s+Day', rule: { month: 5, weekday: 1, nth: -1 } },
  { name: `Father${APOSTROPHE}s\\s+Day`, rule: { month: 6, weekday: 0, nth: 3 } },
  { name: 'Labou?r\\s+Day', rule: { month: 9, weekday: 1, nth: 1 } },
  { name: 'Columbus\\s+Day', rule: { month: 10, weekday: 1, nth: 2 } },
  { name: 'Thanksgiving(?:\\s+Day)?', rule: { month: 11, weekday: 4, nth: 4 } },
  { name: 'Election\\s+Day', rule: { election: true } },
  { name: 'Ash\\s+Wednesday', rule: { easter: -46 } },
  { name: 'Palm\\s+Sunday', rule: { easter: -7 } },
  { name: 'Maundy\\s+Thursday', rule: { easter: -3 } },
  { name: 'Good\\s+Friday', rule: { easter: -2 } },
  { name: 'Easter\\s+Monday', rule: { easter: 1 } },
  { name: 'Easter(?:\\s+Sunday)?', rule: { easter: 0 } },
  { name: 'Ascension\\s+Day', rule: { easter: 39 } },
  { name: '(?:Pentecost|Whit\\s+Sunday)', rule: { easter: 49 } },
];

/** Any holiday's name (longer names first within the table's order). */
export const HOLIDAY_SOURCE = HOLIDAYS.map((h) => h.name).join('|');

/**
 * Where a holiday's name is found from (the families' triggers). Every trigger word makes
 * the one scan of the text slower, so most names are found from a word the scan looks for
 * anyway: `Day` (up to three words back: `St. Patrick's Day`), a weekday (`Good Friday`),
 * `year` (`New Year's Eve`), a month (`May Day`); a few from their own first word.
 */
export const HOLIDAY_TRIGGERS_AT = [
  'christmas',
  'thanksgiving',
  'easter',
  'halloween',
  'epiphany',
  'juneteenth',
  'pentecost',
  'martin', // Martin Luther King Jr. Day: too far back from `Day`
  'fourth', // Fourth of July
  '#month', // May Day
];
export const HOLIDAY_TRIGGERS_ONE_BACK = ['year', '#weekday'];
export const HOLIDAY_TRIGGERS_THREE_BACK = ['day'];

const compiled = HOLIDAYS.map((h) => ({ re: new RegExp(`^(?:${h.name})$`), rule: h.rule }));

/** The holiday a name as matched by HOLIDAY_SOURCE is (its index in HOLIDAYS), or -1. */
export function holidayIndex(name: string): number {
  return compiled.findIndex((h) => h.re.test(name));
}

/** Whether a holiday's date is the same every year (`XXXX-12-25` is then still a value). */
export function isFixedHoliday(index: number): boolean {
  return 'day' in HOLIDAYS[index].rule;
}

/** The date of holiday `index` in `year`. */
export function holidayDate(index: number, year: number): YMD {
  const rule = HOLIDAYS[index].rule;
  if ('day' in rule) return { year, month: rule.month, day: rule.day };
  if ('easter' in rule) return addDays(easter(year), rule.easter);
  if ('election' in rule) {
    const first = weekdayOf(year, 11, 1);
    return { year, month: 11, day: 1 + ((1 - first + 7) % 7) + 1 };
  }
  if (rule.nth > 0) {
    const first = weekdayOf(year, rule.month, 1);
    return { year, month: rule.month, day: 1 + ((rule.weekday - first + 7) % 7) + 7 * (rule.nth - 1) };
  }
  const lastDay = daysInMonth(year, rule.month);
  const last = weekdayOf(year, rule.month, lastDay);
  return { year, month: rule.month, day: lastDay - ((last - rule.weekday + 7) % 7) };
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
