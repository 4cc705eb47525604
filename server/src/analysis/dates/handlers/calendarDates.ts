// Families for dates with a day: `May 4, 1994`, `4 May 1994`, `2022-04-29`, `29/04/2022`,
// and the two-day ranges written with them (`October 24-25, 2006`).
import { at, dateCandidate, type Family } from '../candidate';
import { MONTH_SOURCE } from '../lexicon';
import { DAY_NUM, WEEKDAY_PREFIX, YEAR } from '../patterns';
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
    s.push(dateCandidate(s, m.index, m.index + m[0].length, year, month, day, weekday));
  },
};

// `4 May 1994`, `4th of May 1994`, `Monday, 29 November`, `10-11 January 1994`.
const DAY_MONTH = new RegExp(
  `(?:\\b${WEEKDAY_PREFIX})?(?<![\\w.,$])(\\d{1,2})(?:st|nd|rd|th)?` +
    `(?:\\s*[-–]\\s*(\\d{1,2})(?:st|nd|rd|th)?)?(?:\\s+of)?\\s+(${MONTH_SOURCE})(?:,?\\s+${YEAR})?`,
  'g',
);
export const dayMonth: Family = {
  pattern: DAY_MONTH,
  trigger: at('#d12', '#weekday'),
  handle: (m, s) => {
    const weekday = weekdayWord(m[1]);
    const day = +m[2];
    const month = monthOf(m[4]);
    const year = m[5] ? +m[5] : undefined;
    if (day < 1 || day > 31) return;
    // A bare `3 May` without a year needs the month written out: `3 Mar` is too often not a date.
    if (!year && m[4].length <= 4 && !m[4].endsWith('.')) return;
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
    s.push(dateCandidate(s, start, start + m[0].length, year, month, day, weekday));
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
  trigger: at('#d12'),
  handle: (m, s) => {
    const a = +m[1];
    const b = +m[3];
    if (m[4].length === 2 && m[2] !== '/') return; // 1.2.34 is a version, not a date
    const year = m[4].length === 2 ? (+m[4] < 50 ? 2000 : 1900) + +m[4] : +m[4];
    if (year < 1000 || a < 1 || b < 1 || (a > 12 && b > 12) || a > 31 || b > 31) return;
    const c = s.matched(m, 'numeric');
    c.year = year;
    c.a = a;
    c.b = b;
    s.push(c);
  },
};
