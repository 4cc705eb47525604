// The grammar: every pattern family, in the order that breaks ties. Two candidates with the
// same span: the family listed first wins, so ranges come before their parts (`July` of
// `July-August 1997`) and the specific before the general (a bare month or year last).
import type { Family } from './candidate';
import {
  dayMonth,
  dayMonthDashed,
  isoDate,
  monthDay,
  monthYearNumeric,
  numericDate,
} from './handlers/calendarDates';
import {
  bareMonth,
  bareYear,
  century,
  decade,
  decadeWords,
  half,
  monthRange,
  monthYear,
  quarter,
  seasonYear,
  yearRange,
  yearTwoThousand,
  yearWords,
} from './handlers/periods';
import {
  ago,
  currentYear,
  dayWord,
  holiday,
  holidayFromDay,
  holidayFromSecondWord,
  inTheDay,
  monthRelativeYear,
  partOfCurrent,
  quarterRelative,
  seasonRelative,
  theWeekend,
  unitRelative,
  weekday,
  yearAgo,
} from './handlers/relative';
import { backReference, definitePeriod, monthOfBack, timemlRef, yearEnd } from './handlers/anaphora';

export const FAMILIES: readonly Family[] = [
  monthDay,
  dayMonth,
  dayMonthDashed,
  monthRange,
  yearRange,
  isoDate,
  numericDate,
  monthYearNumeric,
  monthOfBack,
  monthYear,
  seasonYear,
  seasonRelative,
  quarter,
  quarterRelative,
  half,
  decade,
  century,
  dayWord,
  inTheDay,
  unitRelative,
  ago,
  theWeekend,
  definitePeriod,
  yearEnd,
  yearTwoThousand,
  backReference,
  yearAgo,
  monthRelativeYear,
  partOfCurrent,
  currentYear,
  decadeWords,
  holiday,
  holidayFromSecondWord,
  holidayFromDay,
  weekday,
  bareMonth,
  yearWords,
  bareYear,
];

/** The families plus the TimeML-only references (option `timeml`), tried last. */
export const FAMILIES_TIMEML: readonly Family[] = [...FAMILIES, timemlRef];
