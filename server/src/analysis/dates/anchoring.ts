// Stage 3 of the recogniser: one pass in text order fills in what each mention does not
// state, from the document date, from the last year the text established (`that year`) or
// from the nearest explicit year when there is no document date; and has each mention
// checked where it is written (findings.ts).
import { SAME_DAY, type Candidate } from './candidate';
import {
  MONTH_NAMES,
  addDays,
  addMonths,
  daysInMonth,
  formatDate,
  formatMonth,
  formatWeek,
  formatYear,
  isoWeek,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
  type YMD,
} from './calendar';
import { checkAtSource, type CheckContext } from './findings';
import type { DateOptions } from './options';
import { WIDE_BEFORE, onSchedule, tense, type Tense } from './tense';
import { holidayDate, isFixedHoliday } from './holidays';
import { UNDERSPECIFIED, nearestYear, pad2, relativeSeasonYear, seasonStartMonth } from './values';
import { sentenceAt } from '../sentences';
import type { DateAnchor, DateMention, DocumentDate, Finding, Span } from '../types';

/** How a mention was read. Every field is always present (see `reading`). */
interface Resolved {
  value: string;
  anchor: DateAnchor;
  anchorSpan: Span | undefined;
  anchorValue: string | undefined;
  ambiguousOrder: boolean | undefined;
  /** The year this mention establishes for `that year` and for partial dates after it. */
  year: number | undefined;
  /** A full date this mention establishes for `the same day`. */
  date: YMD | undefined;
  month: number | undefined;
}

const QUARTER_VALUE = /^(\d{4})-Q([1-4])$/;

/**
 * A reading with every field, in one order, so that all readings share one object shape: as
 * for candidates (see `Scan.candidate`), literals of a dozen shapes spread into a template
 * went through V8's slow paths.
 */
function reading(
  value: string,
  anchor: DateAnchor,
  year?: number,
  month?: number,
  date?: YMD,
  anchorSpan?: Span,
  anchorValue?: string,
): Resolved {
  return { value, anchor, anchorSpan, anchorValue, ambiguousOrder: undefined, year, date, month };
}

export function anchor(
  text: string,
  sentences: Span[],
  documentDate: DocumentDate,
  options: DateOptions,
  chosen: Candidate[],
): { mentions: DateMention[]; findings: Finding[] } {
  const mentions: DateMention[] = [];
  const findings: Finding[] = [];
  const docValue = documentDate.value;
  const docFull = parseIsoDate(docValue);
  const docYear = docValue && /^\d{4}/.test(docValue) ? +docValue.slice(0, 4) : null;
  const reliable = !!docFull && (documentDate.confidence === 'certain' || documentDate.confidence === 'high');
  const checks: CheckContext = { text, sentences, docFull, docValue, reliable, findings };
  const fromDoc = (value: string, year?: number, month?: number, date?: YMD): Resolved =>
    reading(value, 'document-date', year, month, date, documentDate.span, docValue ?? undefined);

  // Without a document date, a partial date takes the nearest year the text states. The
  // next explicit year after each mention comes from one backward pass (still linear).
  const nextExplicit: (Candidate | undefined)[] = new Array(chosen.length);
  for (let i = chosen.length - 1, next: Candidate | undefined; i >= 0; i--) {
    nextExplicit[i] = next;
    if (statesYear(chosen[i])) next = chosen[i];
  }

  // Numeric dates: the document's own unambiguous ones say which order it uses.
  let dmyEvidence = 0;
  let mdyEvidence = 0;
  for (const c of chosen) {
    if (c.form !== 'numeric') continue;
    if (c.a! > 12 && c.b! <= 12) dmyEvidence++;
    if (c.b! > 12 && c.a! <= 12) mdyEvidence++;
  }

  let lastYear: { year: number; span: Span } | null = null;
  let lastDate: { date: YMD; span: Span } | null = null;
  let lastMonth: { year: number; month: number; span: Span } | null = null;
  /** The last season named with its year (`the summer of 2021`), for `earlier in the summer`. */
  let lastSeason: { season: string; year: number; span: Span } | null = null;
  /** The last quarter named (year * 4 + quarter - 1) and its sentence, for `a year earlier`. */
  let lastQuarter: { index: number; end: number; span: Span } | null = null;

  const tenseCache = new Map<number, Tense>();
  const tenseAt = (c: Span): Tense => {
    const cached = tenseCache.get(c.start);
    if (cached) return cached;
    const t = tense(text, sentences, c);
    tenseCache.set(c.start, t);
    return t;
  };

  /** The year for a partial date, and how it was found: a fresh reading the caller completes. */
  const yearFor = (c: Candidate, index: number, month: number, day?: number): Resolved | { value: null } => {
    // `from 17 March to 19 April 2024`: the first end of a range takes the year of the other.
    const other = chosen[index + 1];
    if (
      other &&
      other.start - c.end <= 12 &&
      statesYear(other) &&
      RANGE_BETWEEN.test(text.slice(c.end, other.start))
    )
      return reading(String(other.year), 'earlier-mention', other.year, undefined, undefined, {
        start: other.start,
        end: other.end,
      });
    // A year guessed from the text (`preparations for the 2022 summit`) dates the document
    // less surely than the story dates its own events: `In 2019 the council met. It met
    // again on April 28` is 2019's April, whatever the rest of the text is about.
    if (docYear !== null && !(documentDate.source === 'text-year' && lastYear)) {
      let year = docYear;
      if (docFull) year = nearestYear(docFull, month, day, sideTense(c));
      return fromDoc(String(year), year);
    }
    // Without a document date: the year of the events the text has reached (the nearest
    // one before), not a year written later for other events; that only when none is before.
    const prev = lastYear;
    const next = nextExplicit[index];
    const best =
      prev ??
      (next && next.year !== undefined
        ? { year: next.year, span: { start: next.start, end: next.end } }
        : null);
    if (best)
      return reading(String(best.year), 'earlier-mention', best.year, undefined, undefined, best.span);
    return { value: null };
  };

  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i];
    const r = resolve(c, i);
    if (!r) continue;
    const mention: DateMention = {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      value: r.value,
      anchor: r.anchor,
    };
    if (c.mod) mention.mod = c.mod;
    if (r.anchorSpan) mention.anchorSpan = r.anchorSpan;
    if (r.anchorValue) mention.anchorValue = r.anchorValue;
    if (r.ambiguousOrder) mention.ambiguousOrder = true;
    if (c.header) mention.header = true;
    mentions.push(mention);
    if (r.year !== undefined && c.form !== 'relative' && c.form !== 'literal')
      lastYear = { year: r.year, span: { start: c.start, end: c.end } };
    if (r.date) lastDate = { date: r.date, span: { start: c.start, end: c.end } };
    // (The length and `Q` test first only spares the regex on the other values.)
    const q = r.value.length === 7 && r.value.charCodeAt(5) === 81 ? QUARTER_VALUE.exec(r.value) : null;
    // A comparison (`a year earlier`) is not the quarter the story is about.
    // A comparison (`the 1988 quarter`) is not the quarter the story is about either.
    if (q && !c.comparative && !c.storyQuarter)
      lastQuarter = { index: +q[1] * 4 + +q[2] - 1, end: c.end, span: { start: c.start, end: c.end } };
    if (r.month !== undefined && r.year !== undefined)
      lastMonth = { year: r.year, month: r.month, span: { start: c.start, end: c.end } };
    if (c.form === 'season' && c.year !== undefined)
      lastSeason = { season: c.season!, year: c.year, span: { start: c.start, end: c.end } };
    checkAtSource(checks, c, mention, r.date);
  }
  findings.sort((a, b) => a.start - b.start);
  return { mentions, findings };

  // ------------------------------------------------------------ one mention

  function resolve(c: Candidate, index: number): Resolved | null {
    switch (c.form) {
      case 'date':
        return resolveDate(c, index, c.month!, c.day!);
      case 'numeric':
        return resolveNumeric(c);
      case 'month': {
        if (c.direction !== undefined) return resolveRelativeMonth(c);
        if (c.offset !== undefined) {
          if (docYear === null) return reading('XXXX-' + pad2(c.month!), 'underspecified');
          const year = docYear + c.offset;
          return fromDoc(formatMonth(year, c.month!), year, c.month);
        }
        if (c.year !== undefined) return reading(formatMonth(c.year, c.month!), 'explicit', c.year, c.month);
        const y = yearFor(c, index, c.month!);
        if (y.value === null) return reading('XXXX-' + pad2(c.month!), 'underspecified');
        const ry = y as Resolved;
        ry.value = formatMonth(ry.year!, c.month!);
        ry.month = c.month;
        return ry;
      }
      case 'year':
        return reading(formatYear(c.year!), 'explicit', c.year);
      case 'season': {
        if (c.year !== undefined) return reading(`${formatYear(c.year)}-${c.season}`, 'explicit', c.year);
        if (docYear === null) return reading(`XXXX-${c.season}`, 'underspecified');
        const year = docFull
          ? relativeSeasonYear(docFull, c.season!, c.offset ?? 0)
          : docYear + (c.offset ?? 0);
        return fromDoc(`${formatYear(year)}-${c.season}`);
      }
      case 'decade': {
        const decade = String(Math.floor(c.year! / 10));
        return reading(options.timeml ? decade + 'X' : decade, 'explicit');
      }
      case 'century':
        if (c.year === undefined) {
          if (docYear === null) return reading('XX', 'underspecified');
          return fromDoc(pad2(Math.floor(docYear / 100) + (c.offset ?? 0)));
        }
        return reading(pad2(c.year / 100), 'explicit');
      case 'week': {
        // `the week of March 6`: the ISO week of that day, whose year is found as a date's.
        const r = resolveDate(c, index, c.month!, c.day!);
        if (!r.date) return reading('XXXX-WXX', 'underspecified');
        const w = isoWeek(r.date);
        r.value = formatWeek(w.year, w.week);
        r.date = undefined;
        return r;
      }
      case 'half':
        return reading(`${formatYear(c.year!)}-H${c.half}`, 'explicit', c.year);
      case 'quarter':
        return resolveQuarter(c);
      case 'weekday':
        return resolveWeekday(c);
      case 'relative':
        return resolveRelative(c);
      case 'back':
        return resolveBack(c);
      case 'holiday':
        return resolveHoliday(c, index);
      case 'literal':
        return reading(c.literal!, 'document-date');
      case 'definite':
        return resolveDefinite(c);
    }
  }

  function resolveDate(c: Candidate, index: number, month: number, day: number): Resolved {
    if (c.direction !== undefined && c.direction !== 0 && docFull) {
      // `last Oct. 23`: the latest such date before the document's; `next March 3` the first after.
      const docDay = toDayNumber(docFull.year, docFull.month, docFull.day);
      const n = toDayNumber(docFull.year, month, Math.min(day, daysInMonth(docFull.year, month)));
      const year =
        c.direction < 0
          ? n < docDay
            ? docFull.year
            : docFull.year - 1
          : n > docDay
            ? docFull.year
            : docFull.year + 1;
      const date = { year, month, day };
      return fromDoc(formatDate(date), year, month, date);
    }
    if (c.year !== undefined) {
      const date = { year: c.year, month, day };
      return reading(formatDate(date), 'explicit', c.year, month, date);
    }
    const y = yearFor(c, index, month, day);
    if (y.value === null) return reading(`XXXX-${pad2(month)}-${pad2(day)}`, 'underspecified');
    const ry = y as Resolved;
    const date = { year: ry.year!, month, day };
    ry.value = formatDate(date);
    ry.date = date;
    ry.month = month;
    return ry;
  }

  function resolveNumeric(c: Candidate): Resolved {
    const a = c.a!;
    const b = c.b!;
    let order: 'dmy' | 'mdy';
    let ambiguous = false;
    if (a > 12) order = 'dmy';
    else if (b > 12) order = 'mdy';
    else {
      ambiguous = a !== b;
      if (options.numericOrder === 'dmy' || options.numericOrder === 'mdy') order = options.numericOrder;
      else if (dmyEvidence > mdyEvidence) order = 'dmy';
      else if (mdyEvidence > dmyEvidence) order = 'mdy';
      else if (options.corpusNumericOrder) order = options.corpusNumericOrder;
      else {
        // No evidence at all: `29.04.2022` is European, so dots read day-first; slashes
        // follow the English-language press, month-first. Said so in an information finding.
        order = /^\d+\./.test(text.slice(c.start, c.start + 3)) ? 'dmy' : 'mdy';
        if (ambiguous) {
          const reading = order === 'dmy' ? `${a} ${MONTH_NAMES[b - 1]}` : `${MONTH_NAMES[a - 1]} ${b}`;
          const other = order === 'dmy' ? `${MONTH_NAMES[a - 1]} ${b}` : `${b} ${MONTH_NAMES[a - 1]}`;
          findings.push({
            start: c.start,
            end: c.end,
            code: 'ambiguous-date',
            severity: 'information',
            message: `${text.slice(c.start, c.end)} could be ${reading} or ${other}; read as ${reading} (nothing in the document or corpus says which order it uses)`,
          });
        }
      }
    }
    const month = order === 'dmy' ? b : a;
    const day = order === 'dmy' ? a : b;
    const date = { year: c.year!, month, day };
    const r: Resolved = reading(formatDate(date), 'explicit', c.year, month, date);
    if (ambiguous) r.ambiguousOrder = true;
    return r;
  }

  function resolveHoliday(c: Candidate, index: number): Resolved {
    const on = (year: number): YMD => holidayDate(c.holiday!, year);
    if (c.year !== undefined) {
      const date = on(c.year);
      return reading(formatDate(date), 'explicit', c.year, date.month, date);
    }
    let year: number | null = null;
    let r: Resolved | null = null;
    if (docFull && c.direction !== undefined && c.direction !== 0) {
      const docDay = toDayNumber(docFull.year, docFull.month, docFull.day);
      const thisYear = on(docFull.year);
      const n = toDayNumber(thisYear.year, thisYear.month, thisYear.day);
      year =
        c.direction < 0
          ? n < docDay
            ? docFull.year
            : docFull.year - 1
          : n > docDay
            ? docFull.year
            : docFull.year + 1;
      r = fromDoc(String(year));
    } else {
      const approx = on(docYear ?? 2001);
      const y = yearFor(c, index, approx.month, approx.day);
      if (y.value !== null) {
        r = y as Resolved;
        year = r.year!;
      }
    }
    if (year === null || !r) {
      const date = on(2001);
      return reading(
        isFixedHoliday(c.holiday!) ? `XXXX-${pad2(date.month)}-${pad2(date.day)}` : 'XXXX-XX-XX',
        'underspecified',
      );
    }
    const date = on(year);
    r.value = formatDate(date);
    r.year = year;
    r.date = date;
    r.month = date.month;
    return r;
  }

  function resolveRelativeMonth(c: Candidate): Resolved {
    const month = c.month!;
    if (!docFull) {
      if (docYear === null) return reading('XXXX-' + pad2(month), 'underspecified');
      return fromDoc(formatMonth(docYear, month), docYear, month);
    }
    let year = docFull.year;
    if (c.direction === -1 && month >= docFull.month) year--; // `last June` written in February
    if (c.direction === 1 && month <= docFull.month) year++; // `next March` written in May
    return fromDoc(formatMonth(year, month), year, month);
  }

  function sameSentence(a: Span, b: Span): boolean {
    const i = sentenceAt(sentences, a.start);
    return i >= 0 && i === sentenceAt(sentences, b.start);
  }

  /** The sentence up to a mention (at most WIDE_BEFORE characters). */
  function sentenceBefore(c: Span): string {
    const si = sentenceAt(sentences, c.start);
    const from = Math.max(si >= 0 ? sentences[si].start : 0, c.start - WIDE_BEFORE);
    return text.slice(from, c.start);
  }

  function resolveQuarter(c: Candidate): Resolved {
    if (c.storyQuarter) {
      // The quarter the story last named, in the year written; without one, or in a sentence
      // about a longer period (`In the nine months ... the 1988 period`), just the year.
      const q =
        lastQuarter &&
        c.start - lastQuarter.end < QUARTER_REACH &&
        !OTHER_PERIOD_BEFORE.test(sentenceBefore(c))
          ? (lastQuarter.index % 4) + 1
          : 0;
      const value = q ? `${formatYear(c.year!)}-Q${q}` : formatYear(c.year!);
      return reading(value, 'explicit', c.year);
    }
    if (c.year !== undefined) return reading(`${formatYear(c.year)}-Q${c.quarter}`, 'explicit', c.year);
    if (!docFull) {
      if (docYear !== null && c.quarter) return fromDoc(`${formatYear(docYear)}-Q${c.quarter}`);
      return reading(c.quarter ? `XXXX-Q${c.quarter}` : 'XXXX-QX', 'underspecified');
    }
    const current = Math.floor((docFull.month - 1) / 3) + 1;
    if (c.quarter && c.offset !== undefined)
      return fromDoc(`${formatYear(docFull.year + c.offset)}-Q${c.quarter}`);
    if (c.quarter) {
      // A quarter that has not begun yet, in a sentence about the past, is last year's.
      let year = docFull.year;
      if (c.quarter > current && tenseAt(c) !== 'future') year--;
      return fromDoc(`${formatYear(year)}-Q${c.quarter}`);
    }
    const index = docFull.year * 4 + (current - 1) + (c.offset ?? 0);
    return fromDoc(`${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`);
  }

  function resolveWeekday(c: Candidate): Resolved {
    if (c.offset === -1 && lastDate) {
      // `the previous Friday`: the Friday before the day the story last named.
      const from = lastDate.date;
      const wd = weekdayOf(from.year, from.month, from.day);
      const date = addDays(from, -((wd - c.weekday! + 7) % 7 || 7));
      return reading(formatDate(date), 'earlier-mention', date.year, date.month, date, lastDate.span);
    }
    if (!docFull) return reading('XXXX-XX-XX', 'underspecified');
    const docWeekday = weekdayOf(docFull.year, docFull.month, docFull.day);
    const target = c.weekday!;
    // `next Friday`, `last Friday`; else what the expression or its sentence says: a day
    // still to come is the next such day, any other the nearest before; either way a Friday
    // story's `Friday` is that day (`will be arraigned Friday`, `said Friday`).
    let future = c.direction === 1;
    if (c.direction === 0) future = (c.side ? sideTense(c) : weekdayTense(c)) === 'future';
    let delta: number;
    if (future) {
      delta = (target - docWeekday + 7) % 7;
      if (delta === 0 && c.direction === 1) delta = 7;
    } else {
      delta = -((docWeekday - target + 7) % 7);
      if (delta === 0 && c.direction === -1) delta = -7;
    }
    const date = addDays(docFull, delta);
    return fromDoc(formatDate(date), date.year, date.month, date);
  }

  /** The tense a date is read in: what its own words say (Candidate.side), else its sentence's. */
  function sideTense(c: Candidate): Tense {
    if (c.side === 'future' || c.side === 'past') return c.side;
    const t = tenseAt(c);
    return c.side === 'deadline' && t !== 'past' ? 'future' : t;
  }

  /** A bare weekday's tense: the sentence's, or a schedule's present (`meets Monday`). */
  function weekdayTense(c: Candidate): Tense {
    const t = tenseAt(c);
    return t === 'none' && onSchedule(text, sentences, c) ? 'future' : t;
  }

  function resolveRelative(c: Candidate): Resolved {
    const offset = c.offset ?? 0;
    const unit = c.unit!;
    if (c.literal === SAME_DAY && lastDate && sameSentence(lastDate.span, c)) {
      const date = lastDate.date;
      return reading(formatDate(date), 'earlier-mention', date.year, date.month, date, lastDate.span);
    }
    if (!docFull) {
      if (docYear !== null && unit === 'year') return fromDoc(formatYear(docYear + offset), docYear + offset);
      if (docYear !== null && unit === 'decade')
        return fromDoc(String(Math.floor((docYear + 10 * offset) / 10)));
      return reading(UNDERSPECIFIED[unit], 'underspecified');
    }
    switch (unit) {
      case 'day': {
        const date = addDays(docFull, offset);
        return fromDoc(formatDate(date), date.year, date.month, date);
      }
      case 'week': {
        if (c.literal === 'WE') {
          // `the weekend`: the last one, or the next one in a sentence about the future.
          const wd = weekdayOf(docFull.year, docFull.month, docFull.day);
          let saturday: YMD;
          if (c.direction === 0) {
            const future = tenseAt(c) === 'future';
            saturday = future ? addDays(docFull, (6 - wd + 7) % 7) : addDays(docFull, -((wd + 1) % 7));
          } else saturday = addDays(docFull, 6 - wd + 7 * offset);
          const w = isoWeek(saturday);
          return fromDoc(`${formatWeek(w.year, w.week)}-WE`);
        }
        // `in the last week`: the seven days before the document date, which lie mostly in
        // the ISO week of the day three days before it.
        const w = isoWeek(
          c.form === 'definite' && c.direction === -1 ? addDays(docFull, -3) : addDays(docFull, 7 * offset),
        );
        return fromDoc(formatWeek(w.year, w.week));
      }
      case 'month': {
        const ym = addMonths(docFull.year, docFull.month, offset);
        return fromDoc(formatMonth(ym.year, ym.month), ym.year, ym.month);
      }
      case 'quarter': {
        const index = docFull.year * 4 + Math.floor((docFull.month - 1) / 3) + offset;
        return fromDoc(`${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`);
      }
      case 'year':
        if (
          c.comparative &&
          lastQuarter &&
          c.start - lastQuarter.end < QUARTER_REACH &&
          !OTHER_PERIOD_BEFORE.test(sentenceBefore(c))
        ) {
          const index = lastQuarter.index - 4;
          return fromDoc(`${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`);
        }
        return fromDoc(formatYear(docFull.year + offset), docFull.year + offset);
      case 'decade':
        return fromDoc(String(Math.floor((docFull.year + 10 * offset) / 10)));
    }
  }

  /**
   * `the quarter` is the quarter the story is about: the last one named, or else the last
   * full quarter before the document date (what an earnings report speaks of); `the latest
   * quarter` is never one that has not ended. `the year` is the document's year, or without
   * a document date the year the text last stated.
   * `the past year` is the one before the document's; `over the summer` is the last summer,
   * or the next one in a sentence about the future.
   */
  function resolveDefinite(c: Candidate): Resolved {
    const offset = c.offset ?? 0;
    if (c.season) {
      // `Earlier in the summer`, after `the summer of 2021`: the season the text last named.
      if (lastSeason && lastSeason.season === c.season && c.start - lastSeason.span.end < SEASON_REACH)
        return reading(
          `${formatYear(lastSeason.year)}-${c.season}`,
          'earlier-mention',
          undefined,
          undefined,
          undefined,
          lastSeason.span,
        );
      if (!docFull) {
        if (docYear !== null) return fromDoc(`${formatYear(docYear)}-${c.season}`);
        return reading(`XXXX-${c.season}`, 'underspecified');
      }
      const startMonth = seasonStartMonth(c.season);
      const t = tenseAt(c);
      let year = docFull.year;
      if (startMonth > docFull.month && t === 'past') year--;
      else if (startMonth + 3 <= docFull.month && t === 'future') year++;
      return fromDoc(`${formatYear(year)}-${c.season}`);
    }
    if (c.unit === 'quarter') {
      const latestEnded = docFull ? docFull.year * 4 + Math.floor((docFull.month - 1) / 3) - 1 : Infinity;
      if (
        offset === 0 &&
        lastQuarter &&
        c.start - lastQuarter.end < QUARTER_REACH &&
        (c.direction !== -1 || lastQuarter.index <= latestEnded)
      ) {
        const index = lastQuarter.index;
        const value = `${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`;
        return reading(value, 'earlier-mention', undefined, undefined, undefined, lastQuarter.span);
      }
      if (!docFull) return reading('XXXX-QX', 'underspecified');
      const index = latestEnded + (offset < 0 ? -1 : 0);
      return fromDoc(`${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`);
    }
    if (c.unit === 'year' && offset === 0 && docYear === null && lastYear)
      return reading(
        formatYear(lastYear.year),
        'earlier-mention',
        lastYear.year,
        undefined,
        undefined,
        lastYear.span,
      );
    return resolveRelative(c);
  }

  function resolveBack(c: Candidate): Resolved | null {
    const offset = c.offset ?? 0;
    const unit = c.unit!;
    if (unit === 'year') {
      if (lastYear) {
        const year = lastYear.year + offset;
        if (c.month !== undefined)
          return reading(
            formatMonth(year, c.month),
            'earlier-mention',
            year,
            c.month,
            undefined,
            lastYear.span,
          );
        return reading(formatYear(year), 'earlier-mention', year, undefined, undefined, lastYear.span);
      }
      if (docYear !== null) {
        const year = docYear + offset;
        return fromDoc(c.month !== undefined ? formatMonth(year, c.month) : formatYear(year), year, c.month);
      }
      return reading(c.month !== undefined ? 'XXXX-' + pad2(c.month) : 'XXXX', 'underspecified');
    }
    if (unit === 'quarter' && lastQuarter) {
      const q = lastQuarter.index + offset;
      const value = `${formatYear(Math.floor(q / 4))}-Q${(q % 4) + 1}`;
      return reading(value, 'earlier-mention', undefined, undefined, undefined, lastQuarter.span);
    }
    if (unit === 'month' && lastMonth) {
      const ym = addMonths(lastMonth.year, lastMonth.month, offset);
      const value = formatMonth(ym.year, ym.month);
      return reading(value, 'earlier-mention', ym.year, ym.month, undefined, lastMonth.span);
    }
    if (unit === 'day' && lastDate) {
      const date = addDays(lastDate.date, offset);
      return reading(formatDate(date), 'earlier-mention', date.year, date.month, date, lastDate.span);
    }
    // `that day`, `the same week` with no day before them to refer to: an event's day the
    // text does not date; nothing to say.
    if ((unit === 'day' || unit === 'week') && !lastDate) return null;
    if (unit === 'week' && lastDate) {
      const w = isoWeek(addDays(lastDate.date, 7 * offset));
      return reading(
        formatWeek(w.year, w.week),
        'earlier-mention',
        undefined,
        undefined,
        undefined,
        lastDate.span,
      );
    }
    return reading(UNDERSPECIFIED[unit], 'underspecified');
  }
}

/**
 * A sentence that speaks of a longer period than a quarter (`for the nine months ... a year
 * earlier`): its comparison is with that period a year before, so the value is the year.
 */
const OTHER_PERIOD_BEFORE =
  /\b(?:nine|six|twelve|\d+)\s+months\b|\b(?:first|second)\s+half\b|\b(?:full|fiscal)\s+year\b/i;

/** What joins the two ends of a range: `17 March to 19 April 2024`, `March-April 2024`. */
const RANGE_BETWEEN = /^\s*(?:[-–]|to|until|till|through|and)\s*$/;

/** How far after `the summer of 2021` a bare `the summer` still means it (a few paragraphs). */
const SEASON_REACH = 3000;

/** How far after a quarter `a year earlier` still compares with that quarter (a few paragraphs). */
const QUARTER_REACH = 2000;

function statesYear(c: Candidate): boolean {
  return (
    c.year !== undefined &&
    (c.form === 'date' ||
      c.form === 'month' ||
      c.form === 'year' ||
      c.form === 'season' ||
      c.form === 'numeric')
  );
}
