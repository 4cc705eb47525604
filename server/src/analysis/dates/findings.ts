// Checks made where a date is written: a day the month does not have, a weekday that does
// not fit its date, and a past event dated after the document's own date.
import type { Candidate } from './candidate';
import {
  MONTH_NAMES,
  WEEKDAY_NAMES,
  daysInMonth,
  formatDate,
  formatYear,
  isValidDate,
  periodStart,
  toDayNumber,
  weekdayOf,
  type YMD,
} from './calendar';
import { toldAsPast } from './tense';
import type { DateMention, Finding, Span } from '../types';

/** What the checks need to know about the document. */
export interface CheckContext {
  text: string;
  sentences: Span[];
  /** The document date, when it is a full date. */
  docFull: YMD | null;
  docValue: string | null;
  /** Whether the document date is sure enough to call a date "after" it. */
  reliable: boolean;
  findings: Finding[];
}

export function checkAtSource(
  ctx: CheckContext,
  c: Candidate,
  mention: DateMention,
  date: YMD | undefined,
): void {
  const { text, sentences, docFull, docValue, reliable, findings } = ctx;

  if (c.day !== undefined || c.form === 'numeric') {
    const year = date?.year;
    const month = date?.month ?? c.month!;
    const day = date?.day ?? c.day!;
    const limit = year !== undefined ? daysInMonth(year, month) : month === 2 ? 29 : daysInMonth(2000, month);
    if (day > limit) {
      const where =
        year !== undefined ? `${MONTH_NAMES[month - 1]} ${formatYear(year)}` : MONTH_NAMES[month - 1];
      const message =
        year === undefined && month === 2 ? 'February has at most 29 days' : `${where} has ${limit} days`;
      findings.push({
        start: mention.start,
        end: mention.end,
        code: 'invalid-date',
        severity: 'error',
        message,
      });
      return;
    }
    if (c.weekday !== undefined && date && isValidDate(date.year, date.month, date.day)) {
      const actual = weekdayOf(date.year, date.month, date.day);
      if (actual !== c.weekday)
        findings.push({
          start: mention.start,
          end: mention.end,
          code: 'weekday-mismatch',
          severity: 'warning',
          message: `${formatDate(date)} was a ${WEEKDAY_NAMES[actual]}`,
        });
    }
  }
  // A past event dated after the document's own date: only for dates the text states
  // (a relative date is computed from the document date and cannot contradict it).
  if (
    reliable &&
    docFull &&
    !c.header &&
    (mention.anchor === 'explicit' || mention.anchor === 'earlier-mention')
  ) {
    const start = periodStart(mention.value);
    if (
      start &&
      toDayNumber(start.year, start.month, start.day) >
        toDayNumber(docFull.year, docFull.month, docFull.day) &&
      toldAsPast(text, sentences, c)
    ) {
      findings.push({
        start: mention.start,
        end: mention.end,
        code: 'after-document-date',
        severity: 'warning',
        message: `${mention.value} is after the document's date ${docValue}`,
      });
    }
  }
}
