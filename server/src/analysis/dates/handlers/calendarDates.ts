// Families for dates with a day: `May 4, 1994`, `4 May 1994`, `2022-04-29`, `29/04/2022`,
// and the two-day ranges written with them (`October 24-25, 2006`).
import { at, before, beginning, dateCandidate, type Family } from '../candidate';
import { COUNT_NOUNS, MONTH_ABBREVIATION, MONTH_SOURCE } from '../lexicon';
import { DAY_NUM, WEEKDAY_PREFIX, YEAR, deadlineSide } from '../patterns';
import { dayTokenEnd, monthOf, weekdayWord } from '../words';

// `Friday, April 29, 2022`, `May 4th`, `Sept. 30`, `October 24-25, 2006`.
const MONTH_DAY = new RegExp(
  `\\b${WEEKDAY_PREFIX}(${MONTH_SOURCE})\\s+${DAY_NUM}` +
    `(?:(?:\\s*[-–]\\s*|\\s+(?:and|to|through)\\s+)(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d|%))?(?:,?\\s+${YEAR})?`,
  'g',
);
export const monthDay: Family = {
  pattern: MONTH_DAY,
  trigger: at('#month', '#weekday'),
  handle: (m, s) => {
    const weekday = weekdayWord(m[1]);
    const month = monthOf(m[2]);
    const day = +m[3];
    const year = m[5] ? +m[5] : undefined;
    if (day < 1 || day > 31) return;
    const dayStart = m.index + m[0].indexOf(m[3], m[0].indexOf(m[2]) + m[2].length);
    if (m[4]) {
      const day2 = +m[4];
      if (day2 <= day || day2 > 31) return;
      const day2Start = m.index + m[0].lastIndexOf(m[4], m[5] ? m[0].length - m[5].length - 1 : undefined);
      s.push(dateCandidate(s, m.index, dayTokenEnd(s.text, dayStart), year, month, day, weekday));
      s.push(dateCandidate(s, day2Start, m.index + m[0].length, year, month, day2));
      return;
    }
    const c = dateCandidate(s, m.index, m.index + m[0].length, year, month, day, weekday);
    if (year === undefined) c.side = deadlineSide(s.before(m.index, 80));
    s.push(c);
  },
};

/**
 * A year of two digits after a day and month: `25 Jun.'14`, `5 Nov 04`. Without the
 * apostrophe it must end the expression (a stop, a comma, the line, `and`...), so that
 * `on 4 May 12 people died` keeps its count.
 */
const SHORT_YEAR =
  `(?:\\s*['’](\\d{2})(?![\\w%]|[.,:]\\d)` +
  `|\\s+(\\d{2})(?=\\s*(?:[,;:)\\]"”]|\\.(?!\\d)|$)|\\s+(?:and|or|to|at|in|on|when|after|before|until)\\b))`;

// `4 May 1994`, `4th of May 1994`, `Monday, 29 November`, `10-11 January 1994`,
// `from 17 to 19 March 2024`, `23 and 24 October`, `5 Nov 04`.
const DAY_MONTH = new RegExp(
  `(?:\\b${WEEKDAY_PREFIX})?(?<![\\w.,$])(\\d{1,2})(?:st|nd|rd|th)?` +
    `(?:(?:\\s*[-–]\\s*|\\s+(?:and|to|through|till|until)\\s+)(\\d{1,2})(?:st|nd|rd|th)?)?` +
    `(?:\\s+of)?\\s+(${MONTH_SOURCE})(?:,?\\s+${YEAR}|${SHORT_YEAR})?`,
  'gm',
);
export const dayMonth: Family = {
  pattern: DAY_MONTH,
  // `4 May`, `4th of May`, `10-11 January`, `10–11 January`
  trigger: at('#d12 ', '#d12-', '#weekday'),
  handle: (m, s) => {
    const weekday = weekdayWord(m[1]);
    const day = +m[2];
    const month = monthOf(m[4]);
    const short = m[6] ?? m[7];
    const year = m[5] ? +m[5] : short ? shortYear(+short) : undefined;
    if (day < 1 || day > 31) return;
    // A bare `3 Mar` without a year is too often not a date (`3 Mar` of a list of scores);
    // a month written out (`on 4 July`) or with its full stop (`3 Mar.`) is one.
    if (!year && MONTH_ABBREVIATION.test(m[4]) && !m[4].endsWith('.')) return;
    const start = m.index;
    if (m[3]) {
      const day2 = +m[3];
      if (day2 <= day || day2 > 31) return;
      const dayStart = start + m[0].indexOf(m[2], m[1] ? m[1].length : 0);
      const day2Start = start + m[0].indexOf(m[3], dayStart - start + m[2].length);
      s.push(dateCandidate(s, start, dayTokenEnd(s.text, dayStart), year, month, day, weekday));
      s.push(dateCandidate(s, day2Start, start + m[0].length, year, month, day2));
      return;
    }
    const c = dateCandidate(s, start, start + m[0].length, year, month, day, weekday);
    if (year === undefined) c.side = deadlineSide(s.before(start, 80));
    s.push(c);
  },
};

// `the week of March 6`, `the week of 6 March 2000`: the ISO week holding that day.
const WEEK_OF = new RegExp(
  `\\b[Tt]he\\s+(week\\s+of\\s+(?:(${MONTH_SOURCE})\\s+${DAY_NUM}|${DAY_NUM}\\s+(${MONTH_SOURCE}))(?:,?\\s+${YEAR})?)`,
  'g',
);
export const weekOf: Family = {
  pattern: WEEK_OF,
  trigger: beginning('Tt', before(1, 'week')),
  handle: (m, s) => {
    const day = +(m[3] ?? m[4]);
    if (day < 1 || day > 31) return;
    const c = s.candidate(m.index + m[0].length - m[1].length, m.index + m[0].length, 'week');
    c.month = monthOf(m[2] ?? m[5]);
    c.day = day;
    c.year = m[6] ? +m[6] : undefined;
    s.push(c);
  },
};

// `08-Nov-2004`, `8-Nov-04`, `08/Nov/2004`: day, month name and year joined by dashes or slashes.
const DAY_MONTH_DASHED = new RegExp(
  `(?<![\\w.,/-])(\\d{1,2})([-/])(${MONTH_SOURCE})\\2(\\d{4}|\\d{2})(?![\\w%/-]|[.,:]\\d)`,
  'g',
);
export const dayMonthDashed: Family = {
  pattern: DAY_MONTH_DASHED,
  trigger: at('#d12-', '#d12/'),
  handle: (m, s) => {
    const day = +m[1];
    if (day < 1 || day > 31) return;
    const year = m[4].length === 2 ? shortYear(+m[4]) : +m[4];
    s.push(dateCandidate(s, m.index, m.index + m[0].length, year, monthOf(m[3]), day));
  },
};

// `01-2025`, `1/2025`: a month and a year in figures.
const MONTH_YEAR_NUMERIC = /(?<![\w./-])(0?[1-9]|1[0-2])([/-])(1\d{3}|20\d{2})(?![\w%/-]|[.,:]\d)/g;
export const monthYearNumeric: Family = {
  pattern: MONTH_YEAR_NUMERIC,
  trigger: at('#d12-', '#d12/'),
  handle: (m, s) => {
    const next = /^\s+([a-z]+)/.exec(s.after(m.index + m[0].length, 20));
    if (next && COUNT_NOUNS.has(next[1])) return; // `12-2000 items`: a range of counts
    const c = s.matched(m, 'month');
    c.year = +m[3];
    c.month = +m[1];
    s.push(c);
  },
};

// `2022-04-29`.
const ISO_DATE = /(?<![\w.-])(\d{4})-(\d{2})-(\d{2})(?![\w-]|\.\d)/g;
export const isoDate: Family = {
  pattern: ISO_DATE,
  trigger: at('#d4'),
  handle: (m, s) => {
    const [year, month, day] = [+m[1], +m[2], +m[3]];
    if (month < 1 || month > 12 || day < 1 || day > 31) return;
    const c = dateCandidate(s, m.index, m.index + m[0].length, year, month, day);
    if (s.documentDate.source === 'header' && s.documentDate.span?.start === m.index) c.header = true;
    s.push(c);
  },
};

// `29.04.2022`, `29/04/2022`, `4/5/98`.
const NUMERIC_DATE = /(?<![\w./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|[.,]\d)/g;
export const numericDate: Family = {
  pattern: NUMERIC_DATE,
  trigger: at('#d12-', '#d12/', '#d12.'),
  handle: (m, s) => {
    const a = +m[1];
    const b = +m[3];
    if (m[4].length === 2 && m[2] !== '/') return; // 1.2.34 is a version, not a date
    const year = m[4].length === 2 ? shortYear(+m[4]) : +m[4];
    if (year < 1000 || a < 1 || b < 1 || (a > 12 && b > 12) || a > 31 || b > 31) return;
    const c = s.matched(m, 'numeric');
    c.year = year;
    c.a = a;
    c.b = b;
    s.push(c);
  },
};

/** A year written with two digits: `'14` is 2014, `'98` is 1998 (the pivot of most software). */
export function shortYear(yy: number): number {
  return (yy < 50 ? 2000 : 1900) + yy;
}
