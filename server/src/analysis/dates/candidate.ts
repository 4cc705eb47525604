// What a pattern family hands on to anchoring: a candidate, the state of one scan, and the
// shape of a family (its pattern, where it can start, and its handler).
import type { Unit } from './lexicon';
import type { DateMod, DocumentDate, Span } from '../types';

/** What an expression states before anchoring. */
export interface Candidate extends Span {
  /** Family order: on equal spans the family listed first wins. */
  rank: number;
  form: Form;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  mod?: DateMod;
  season?: string;
  quarter?: number;
  half?: number;
  /** Relative to the document date (`last` = -1) or to the previous year (`the following year` = +1). */
  offset?: number;
  unit?: Unit;
  /** `last Friday` (strictly before), `next Friday` (strictly after). */
  direction?: -1 | 0 | 1;
  /** A fixed value (`PRESENT_REF`) for TimeML-only references; the holiday's name for holidays. */
  literal?: string;
  /**
   * `a year ago`, `the year-ago period`: a comparison, which in a sentence about a quarter
   * means that quarter a year before (`third-quarter profit rose from a year earlier`).
   */
  comparative?: boolean;
  /** Numeric dates: the two small numbers as written, before the day/month order is known. */
  a?: number;
  b?: number;
  header?: boolean;
  /** `the 1988 quarter`: the quarter the text is speaking of, in the year written. */
  storyQuarter?: boolean;
  /**
   * The side of the document date the expression itself puts it on, whatever the sentence's
   * tense: `Wednesday's ruling` is past; `postponed until Tuesday` is still to come;
   * `until Tuesday` is to come unless the sentence is told in the past.
   */
  side?: 'past' | 'future' | 'deadline';
  /** Holidays: the index of the holiday in HOLIDAYS. */
  holiday?: number;
}

export type Form =
  | 'date' // year? month day
  | 'month' // year? month
  | 'year'
  | 'season'
  | 'decade'
  | 'century'
  | 'quarter'
  | 'half'
  | 'week' // the week of March 6
  | 'numeric' // 04/05/2022
  | 'weekday' // on Monday, last Friday
  | 'relative' // yesterday, last year, two weeks ago, this weekend
  | 'back' // that year, the following year, September of the same year
  | 'holiday' // Christmas, Thanksgiving
  | 'definite' // the quarter, the latest period, for the full year, over the summer, the past year
  | 'literal';

// Context windows: how far a handler looks around its match. Small and fixed, so linear.
const BEFORE = 40;

/** `early`, `mid-`, `the end of` written before a period. */
const MOD_BEFORE =
  /(?:\b(early|mid|late)(?:\s+in)?[-\s]+|\b(?:the\s+)?(end|beginning|start|middle|close)\s+of\s+(?:the\s+)?)$/i;

/**
 * Where a family can start. `words`: trigger words (lower-case) or kinds: '#d4' for a run of
 * four digits; a run of one or two by the character after it, '#d12 ' (a space, an ordinal
 * suffix, or a character outside ASCII), '#d12-', '#d12/', '#d12.'; '#month', '#weekday',
 * "'". `back`: the
 * family's match starts up to that many words *before* its trigger (`two weeks ago` is found
 * from `ago`), so frequent words such as `the`, `a` or `this` need not be triggers at all.
 */
export interface Trigger {
  words: string[];
  back: number;
  /**
   * The characters (ASCII) a match can begin with, when the pattern says so plainly
   * (`\b[Tt]he\s+...` begins with `T` or `t`): a word that begins otherwise is not tried.
   * Most tries of a family found from a later word fail on the first word; this spares them.
   */
  first?: string;
}
export const at = (...words: string[]): Trigger => ({ words, back: 0 });
export const before = (back: number, ...words: string[]): Trigger => ({ words, back });
/** A trigger whose matches begin with one of `first` (both cases given where both match). */
export const beginning = (first: string, trigger: Trigger): Trigger => ({ ...trigger, first });

/** The `literal` of `later in the day`: the day its sentence named, else the document's. */
export const SAME_DAY = 'same-day';

/** One pattern family: a global regex, where it can start, and what a match means. */
export interface Family {
  pattern: RegExp;
  trigger: Trigger;
  handle: Handler;
}

/**
 * What one call of `recogniseDates` shares with the family handlers. The handlers live at
 * module level and get this object, rather than being closures over the call's variables:
 * three dozen closures created on every call (once per article) measured as a real cost.
 */
export class Scan {
  readonly candidates: Candidate[] = [];
  /** The family being tried: the candidates it makes carry its rank. */
  rank = 0;
  constructor(
    readonly text: string,
    readonly documentDate: DocumentDate,
    readonly timeml: boolean,
  ) {}

  /** The `n` characters before `i`. */
  before(i: number, n = BEFORE): string {
    return this.text.slice(Math.max(0, i - n), i);
  }

  /** The `n` characters from `i`. */
  after(i: number, n = BEFORE): string {
    return this.text.slice(i, i + n);
  }

  /**
   * A candidate of the current family with every field present, so that all candidates share
   * one object shape: built from literals of a dozen shapes, reading the fields most of them
   * lack (`c.mod`, `c.header`...) went through V8's slow megamorphic paths, and spreading
   * them into a template cost about a microsecond a candidate. Handlers fill in the rest.
   */
  candidate(start: number, end: number, form: Form): Candidate {
    return {
      start,
      end,
      rank: this.rank,
      form,
      year: undefined,
      month: undefined,
      day: undefined,
      weekday: undefined,
      mod: undefined,
      season: undefined,
      quarter: undefined,
      half: undefined,
      offset: undefined,
      unit: undefined,
      direction: undefined,
      literal: undefined,
      comparative: undefined,
      a: undefined,
      b: undefined,
      header: undefined,
      storyQuarter: undefined,
      side: undefined,
      holiday: undefined,
    };
  }

  /** A candidate spanning the whole match. */
  matched(m: RegExpExecArray, form: Form): Candidate {
    return this.candidate(m.index, m.index + m[0].length, form);
  }

  /** The match with the word written before it that it depends on (`last`, `the winter of`). */
  led(lead: RegExpExecArray, m: RegExpExecArray, form: Form): Candidate {
    return this.candidate(m.index - lead[0].length, m.index + m[0].length, form);
  }

  push(c: Candidate): void {
    if (c.end > c.start) this.candidates.push(c);
  }
}

export type Handler = (m: RegExpExecArray, s: Scan) => void;

/** Extends a candidate backwards over `early`/`mid-`/`the end of` and records the mod. */
export function withMod(s: Scan, c: Candidate): Candidate {
  const m = MOD_BEFORE.exec(s.before(c.start));
  if (!m) return c;
  const word = (m[1] ?? m[2]).toLowerCase();
  c.mod =
    word === 'early' || word === 'beginning' || word === 'start'
      ? 'START'
      : word === 'mid' || word === 'middle'
        ? 'MID'
        : 'END';
  // The span starts at the modifier word, not at `the`: `the end of 2014` -> `end of 2014`.
  c.start -= m[0].length - m[0].indexOf(m[1] ?? m[2]);
  return c;
}

/** A date with a year (or none), month and day. */
export function dateCandidate(
  s: Scan,
  start: number,
  end: number,
  year: number | undefined,
  month: number,
  day: number,
  weekday?: number,
): Candidate {
  const c = s.candidate(start, end, 'date');
  c.year = year;
  c.month = month;
  c.day = day;
  c.weekday = weekday;
  return c;
}

/** A relative date: `unit` counted `offset` from the document date. */
export function relativeCandidate(
  s: Scan,
  start: number,
  end: number,
  unit: Unit,
  offset: number,
): Candidate {
  const c = s.candidate(start, end, 'relative');
  c.unit = unit;
  c.offset = offset;
  return c;
}
