// Calendar arithmetic: every row is a fact checkable against any calendar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isLeapYear,
  isValidDate,
  isoWeek,
  periodStart,
  toDayNumber,
  weekdayOf,
  WEEKDAY_NAMES,
} from '../../server/src/analysis/dates/calendar';

const ymd = (s: string) => {
  const [year, month, day] = s.split('-').map(Number);
  return { year, month, day };
};

test('days in month, leap years included', () => {
  const rows: [number, number, number][] = [
    [2019, 2, 28],
    [2020, 2, 29],
    [1900, 2, 28], // divisible by 100, not by 400
    [2000, 2, 29], // divisible by 400
    [2022, 4, 30],
    [2022, 9, 30],
    [2022, 12, 31],
    [2022, 13, 0], // no such month
    [2022, 0, 0],
  ];
  assert.deepEqual(
    rows.map(([y, m]) => [y, m, daysInMonth(y, m)]),
    rows,
  );
  assert.deepEqual([1996, 1900, 2000, 2023].map(isLeapYear), [true, false, true, false]);
  assert.deepEqual(
    [
      [2019, 2, 30],
      [2019, 2, 28],
      [2022, 9, 31],
      [2022, 9, 0],
    ].map(([y, m, d]) => isValidDate(y, m, d)),
    [false, true, false, false],
  );
});

test('weekday of a date', () => {
  const rows: [string, string][] = [
    ['1970-01-01', 'Thursday'],
    ['2000-01-01', 'Saturday'],
    ['2018-11-29', 'Thursday'],
    ['2022-04-29', 'Friday'],
    ['1994-05-04', 'Wednesday'],
    ['1600-03-01', 'Wednesday'], // before the epoch
  ];
  assert.deepEqual(
    rows.map(([d]) => [d, WEEKDAY_NAMES[weekdayOf(ymd(d).year, ymd(d).month, ymd(d).day)]]),
    rows,
  );
});

test('adding days and months crosses month, year and leap day', () => {
  const rows: [string, number, string][] = [
    ['2022-04-29', 1, '2022-04-30'],
    ['2022-04-30', 1, '2022-05-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2022-01-01', -1, '2021-12-31'],
    ['2022-04-29', -365, '2021-04-29'],
  ];
  assert.deepEqual(
    rows.map(([d, n]) => [d, n, formatDate(addDays(ymd(d), n))]),
    rows,
  );
  assert.deepEqual(addMonths(1998, 1, -2), { year: 1997, month: 11 });
  assert.deepEqual(addMonths(1998, 12, 1), { year: 1999, month: 1 });
  for (const n of [-800000, -1, 0, 1, 19000, 50000])
    assert.equal(toDayNumber(...(Object.values(fromDayNumber(n)) as [number, number, number])), n);
});

test('ISO weeks', () => {
  const rows: [string, string][] = [
    ['2022-05-06', '2022-W18'],
    ['2021-01-01', '2020-W53'], // a Friday: belongs to the last week of 2020
    ['2008-12-29', '2009-W01'], // a Monday: first week of 2009
    ['1998-03-22', '1998-W12'],
  ];
  assert.deepEqual(
    rows.map(([d]) => {
      const w = isoWeek(ymd(d));
      return [d, `${w.year}-W${String(w.week).padStart(2, '0')}`];
    }),
    rows,
  );
});

test('start of a value period', () => {
  const rows: [string, string | null][] = [
    ['2019', '2019-01-01'],
    ['2019-02', '2019-02-01'],
    ['2019-02-30', '2019-02-30'], // kept as written: the invalid-date check reports it
    ['1998-SP', '1998-03-01'],
    ['1989-Q3', '1989-07-01'],
    ['2022-W18', '2022-05-02'],
    ['199', '1990-01-01'],
    ['XXXX-04-28', null],
    ['PRESENT_REF', null],
  ];
  assert.deepEqual(
    rows.map(([v]) => {
      const s = periodStart(v);
      return [v, s && `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`];
    }),
    rows,
  );
});
