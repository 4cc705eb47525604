// The date recogniser: finds every expression that names a calendar point or period
// (see the guidelines' table) and gives it a TIMEX3-style value.
//
// Three linear stages:
//   1. candidates  each pattern family is one precompiled global regex run over the text;
//                  its handler checks the context (a few characters either side) and
//                  records what the expression states (year, month, day, weekday, offset...).
//   2. selection   candidates sorted by start; the longest wins an overlap, then the family
//                  listed first (ranges before their parts).
//   3. anchoring   one pass in text order fills in what each mention does not state, from
//                  the document date, from the last year the text established (`that year`)
//                  or from the nearest explicit year when there is no document date; and
//                  reports invalid dates, weekday mismatches and past events dated after
//                  the document.
// Nothing looks back further than a fixed window, so the whole is linear in the text.
import {
  MONTH_NAMES,
  WEEKDAY_NAMES,
  addDays,
  addMonths,
  daysInMonth,
  formatDate,
  formatMonth,
  formatWeek,
  formatYear,
  isValidDate,
  isoWeek,
  parseIsoDate,
  periodStart,
  toDayNumber,
  weekdayOf,
  type YMD,
} from './calendar';
import {
  COUNT_NOUNS,
  FUTURE_CUE_SOURCE,
  MONTHS,
  MONTH_SOURCE,
  ORDINALS,
  PAST_CUE_SOURCE,
  QUARTER_ORDINAL_SOURCE,
  SEASONS,
  SEASON_SOURCE,
  SMALL_NUMBERS,
  SMALL_NUMBER_SOURCE,
  TENS_WORDS,
  TEENS_WORDS,
  UNITS,
  UNITS_WORDS,
  WEEKDAYS,
  WEEKDAY_ABBR_SOURCE,
  WEEKDAY_SOURCE,
  type Unit,
} from './lexicon';
import { sentenceAt } from '../sentences';
import type { DateAnchor, DateMention, DateMod, DocumentDate, Finding, Span } from '../types';

// The document date lives in its own module; callers that think of it as part of the date
// recogniser import it from here.
export { readDocumentDate } from './documentDate';

export interface DateOptions {
  /** How to read 04/05/2022: 'dmy', 'mdy', or 'auto' (default) = use evidence. */
  numericOrder?: 'auto' | 'dmy' | 'mdy';
  /** What the rest of the corpus does (computed by the corpus index from unambiguous numeric dates). */
  corpusNumericOrder?: 'dmy' | 'mdy';
  /**
   * Also emit the references TimeML marks and our guidelines do not (`now` PRESENT_REF,
   * `recently` PAST_REF, `the future` FUTURE_REF, `the quarter`, `the year`), and write decades
   * TimeML's way (`199X`). For measuring on TempEval only; the corpus analysis leaves it off.
   */
  timeml?: boolean;
}

// ---------------------------------------------------------------- candidates

/** What an expression states before anchoring. */
interface Candidate extends Span {
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
}

type Form =
  | 'date' // year? month day
  | 'month' // year? month
  | 'year'
  | 'season'
  | 'decade'
  | 'century'
  | 'quarter'
  | 'half'
  | 'numeric' // 04/05/2022
  | 'weekday' // on Monday, last Friday
  | 'relative' // yesterday, last year, two weeks ago, this weekend
  | 'back' // that year, the following year, September of the same year
  | 'holiday' // Christmas, Thanksgiving
  | 'definite' // the quarter, the latest period, for the full year, over the summer, the past year
  | 'literal';

const cap = (word: string) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
const capAll = (words: string[]) => words.map(cap).join('|');

const YEAR = '(1\\d{3}|20\\d{2})(?![\\d%]|[.,]\\d)';
const DAY_NUM = '(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d|%)';
const WEEKDAY_PREFIX = `(?:(${WEEKDAY_SOURCE}|${WEEKDAY_ABBR_SOURCE}),?\\s+)?`;

// `Friday, April 29, 2022`, `May 4th`, `Sept. 30`, `October 24-25, 2006`.
const MONTH_DAY = new RegExp(
  `\\b${WEEKDAY_PREFIX}(${MONTH_SOURCE})\\s+${DAY_NUM}` +
    `(?:(?:\\s*[-–]\\s*|\\s+(?:and|to|through)\\s+)(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d|%))?(?:,?\\s+${YEAR})?`,
  'g',
);
// `4 May 1994`, `4th of May 1994`, `Monday, 29 November`, `10-11 January 1994`.
const DAY_MONTH = new RegExp(
  `(?:\\b${WEEKDAY_PREFIX})?(?<![\\w.,$])(\\d{1,2})(?:st|nd|rd|th)?` +
    `(?:\\s*[-–]\\s*(\\d{1,2})(?:st|nd|rd|th)?)?(?:\\s+of)?\\s+(${MONTH_SOURCE})(?:,?\\s+${YEAR})?`,
  'g',
);
// `July-August 1997`.
const MONTH_RANGE = new RegExp(`\\b(${MONTH_SOURCE})\\s*[-–/]\\s*(${MONTH_SOURCE})(?:,?\\s+${YEAR})?`, 'g');
// `March 1992`, `March of 1992`, `June, 1995`.
const MONTH_YEAR = new RegExp(`\\b(${MONTH_SOURCE})(?:\\s+of|,)?\\s+${YEAR}`, 'g');
// `September of the same year`.
const MONTH_OF_BACK = new RegExp(
  `\\b(${MONTH_SOURCE})\\s+of\\s+(?:the\\s+)?(same|that|following|next|previous|preceding)\\s+year\\b`,
  'g',
);
// `in January`: the context check lives in the handler.
const BARE_MONTH = new RegExp(`\\b(${MONTH_SOURCE})`, 'g');
// `2022-04-29`.
const ISO_DATE = /(?<![\w.-])(\d{4})-(\d{2})-(\d{2})(?![\w-]|\.\d)/g;
// `29.04.2022`, `29/04/2022`, `4/5/98`.
const NUMERIC_DATE = /(?<![\w./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|[.,]\d)/g;
// `2002-2003`, `1998-99`.
const YEAR_RANGE = /(?<![\w$€£#.,/-])(1\d{3}|20\d{2})\s*[-–/]\s*(\d{4}|\d{2})(?![\w%-]|[.,/]\d)/g;
// A bare four-digit year; whether it is a time reference is decided from its context.
const BARE_YEAR = /(?<![\w$€£#.,/:@]|\d[-–])(1\d{3}|20\d{2})(?![\w%]|[-–]\d|[.,/:]\d)/g;
// `the 1990s`, `the '90s`.
const DECADE = /(?<![\w'$€£])(?:(1\d|20)(\d)0|'(\d)0)(?:s|'s)\b/g;
// `the 20th century`.
const CENTURY = /\b(\d{1,2})(?:st|nd|rd|th)\s+[Cc]entury\b/g;
// `the spring of 1998`, `spring 1998`.
const SEASON_YEAR = new RegExp(`\\b(${SEASON_SOURCE})(?:\\s+of)?,?\\s+${YEAR}`, 'gi');
// `last fall`, `this summer`, `next spring`, `this past spring`.
const SEASON_RELATIVE = new RegExp(`\\b(last|this(?:\\s+past)?|next|coming)\\s+(${SEASON_SOURCE})\\b`, 'gi');
// `the third quarter`, `third-quarter`, `1998 first quarter`, `fourth quarter of 1997`, `fiscal second-quarter`.
const QUARTER = new RegExp(
  `\\b(?:(1\\d{3}|20\\d{2})\\s+)?(?:(fiscal)[-\\s]+)?(${QUARTER_ORDINAL_SOURCE})[-\\s]quarter\\b` +
    `(?:\\s+of\\s+(?:fiscal\\s+)?${YEAR})?`,
  'gi',
);
// `this quarter`, `last quarter`, and (TimeML only) `the quarter`, `the latest quarter`.
const QUARTER_RELATIVE =
  /\b(this|last|next|the\s+(?:latest|current|previous)|the)\s+(?:fiscal\s+)?quarter\b/gi;
// `the first half of 1998`.
const HALF = new RegExp(`\\b(first|second)\\s+half\\s+of\\s+(?:the\\s+)?(?:fiscal\\s+)?${YEAR}`, 'gi');
// `yesterday`, `today`, `tomorrow`, `tonight`.
const DAY_WORD = /\b(yesterday|today|tomorrow|tonight)\b/gi;
// `last year`, `this month`, `next week`, `earlier this year`, `early next year`, `this weekend`.
const UNIT_RELATIVE = new RegExp(
  `\\b(?:(${capAll(['earlier', 'later', 'early', 'late'])})\\s+)?(?<!\\b[Tt]he\\s)` +
    `(${capAll(['last', 'this', 'next', 'coming'])})\\s+(week|month|year|quarter|weekend)\\b`,
  'g',
);
// `two weeks ago`, `a year earlier`, `10 days ago`.
const AGO = new RegExp(
  `\\b(${SMALL_NUMBER_SOURCE}|several|a\\s+few)\\s+(day|week|month|year|decade)s?\\s+(ago|earlier|from\\s+now)\\b`,
  'gi',
);
// `the year-ago quarter`, `year-earlier`, `the year-ago third quarter`.
const YEAR_AGO = new RegExp(
  `\\b([Yy]ear-(?:ago|earlier))(?:\\s+(${QUARTER_ORDINAL_SOURCE})\\s+quarter|\\s+(?:quarter|period|level|results?))?\\b`,
  'g',
);
// `June last year`, `January this year`.
const MONTH_RELATIVE_YEAR = new RegExp(`\\b(${MONTH_SOURCE})\\s+(last|this|next)\\s+year\\b`, 'g');
// `the end of the year`, `the beginning of this month`.
const PART_OF_CURRENT = /\b(end|beginning|start|middle)\s+of\s+(?:the|this)\s+(year|month|week)\b/gi;
// `the current year`, `the current fiscal year`.
const CURRENT_YEAR = /\bthe\s+(current(?:\s+fiscal)?\s+year)\b/gi;
// `the nineties`.
const DECADE_WORDS =
  /\bthe\s+((?:early|mid|late)[-\s]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi;
// Holidays whose date every English-language reader knows (the US ones are common in wire news).
const HOLIDAY =
  /\b(Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Election\s+Day)(?!\w)(?:,?\s+(1\d{3}|20\d{2})(?!\d))?/g;
// `on Monday`, `last Friday`, `Thursday morning`.
const WEEKDAY = new RegExp(`\\b(${WEEKDAY_SOURCE})\\b`, 'g');
// `the weekend`.
const THE_WEEKEND =
  /\b(?:[Oo]ver|[Dd]uring|[Aa]t|[Oo]n|[Oo]f|[Bb]efore|[Aa]fter|[Tt]hrough)\s+the\s+(weekend)\b/g;
// `for the quarter`, `in the latest period`, `for the full year`, `over the summer`, `the past year`:
// a period the text makes definite. The handler decides from the words around it.
const DEFINITE_PERIOD =
  /\b[Tt]he\s+(?:(latest|most\s+recent|past|last|full|fiscal|latest\s+fiscal|calendar|whole|entire|early|late)\s+)?(quarter|period|year|summer|winter|spring|fall|autumn|decade|month)\b(?!-\w)/g;
/** A preposition that makes `the quarter`, `the year`, `the summer` a time: `for the quarter`. */
const PERIOD_PREPOSITION = /\b(?:in|for|during|over|of|into|since|by|until|from|ahead\s+of)\s+$/i;
/** What after `the year`, `the quarter` makes it a span of time or something else: `the year ended June 30`. */
const NOT_A_DEFINITE_PERIOD =
  /^(?:\s+(?:ended|ending|to\b|before|after|earlier|ago|since|that|when|in\s+which|of\b|and\s+a\s+half|\d|two\s+thousand|nineteen)|-)/i;
// `by year-end`, `since year end`, `at year's end`.
const YEAR_END =
  /\b(?:[Bb]y|[Aa]t|[Aa]round|[Ss]ince|[Bb]efore|[Uu]ntil|[Tt]ill|[Tt]hrough|[Aa]fter|[Nn]ear|[Tt]owards?)\s+(year[-\s]end|year[’']s\s+end)\b/g;
// `the year two thousand` (spoken news).
const YEAR_TWO_THOUSAND = /\b[Tt]he\s+year\s+(two\s+thousand)\b/g;
// `that year`, `the same year`, `in same year`, `the following year`, `the previous day`.
const BACK_REFERENCE = new RegExp(
  `\\b(${capAll(['same', 'that', 'following', 'next', 'previous', 'preceding', 'prior'])})\\s+(year|month|week|day)\\b`,
  'g',
);
// `nineteen ninety-six`.
const YEAR_WORDS = new RegExp(
  `\\b(nineteen|twenty)[-\\s]+(?:(${[...TEENS_WORDS.keys()].join('|')})|(${[...TENS_WORDS.keys()].join('|')})` +
    `(?:[-\\s](${[...UNITS_WORDS.keys()].join('|')}))?)\\b`,
  'gi',
);
// TimeML-only references (option `timeml`).
const TIMEML_REF =
  /\b(right\s+now|now|currently|current|nowadays|these\s+days|recently|recent|the\s+past|previously|formerly|the\s+(?:near\s+)?future|future|soon)\b/gi;

/** The value of a relative date nothing anchors (`last week` without a document date). */
const UNDERSPECIFIED = {
  day: 'XXXX-XX-XX',
  week: 'XXXX-WXX',
  month: 'XXXX-XX',
  quarter: 'XXXX-QX',
  year: 'XXXX',
  decade: 'XXX',
} as const;

// Context windows: how far a handler looks around its match. Small and fixed, so linear.
const BEFORE = 40;

const MOD_BEFORE =
  /(?:\b(early|mid|late)(?:\s+in)?[-\s]+|\b(?:the\s+)?(end|beginning|start|middle|close)\s+of\s+(?:the\s+)?)$/i;
const RELATIVE_BEFORE = /\b(last|this(?:\s+past)?|next|coming|past)\s+$/i;
const YEAR_CONTEXT_BEFORE =
  /(?:\b(?:in|since|by|until|till|to|from|through|thru|of|during|before|after|between|and|or|early|mid|late|around|circa|year|years|fiscal|as\s+of|for|at|on|than|the|this|that|its|his|her|their|our|end|beginning|start|middle|summer|winter|spring|autumn|fall|pre|post|mid-?)|'s|’s|[(\[])[\s-]*$/i;
const CAPITALISED_WORD_BEFORE = /\b[A-Z][\w’'.-]*\s+$/;
const WORDS_AFTER = /^\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?/;
// Words after which a number is a count, a measure or a label, never a year.
const MEASURE_BEFORE =
  /(?:\b(?:no|nos|number|numbers|page|pages|pp|p|room|flight|route|tel|phone|fax|code|model|version|item|article|section|paragraph|chapter|box|suite|unit|some|nearly|almost|approximately|roughly|exactly|total|totalling|totaling)\.?\s+|[#№§]\s*)$/i;
// `May` is a verb too: as a bare month it needs a preposition that only dates take.
const MAY_BEFORE =
  /\b(?:in|of|since|until|till|by|during|from|to|through|before|after|early|mid|late|last|next|this|end|beginning|start|middle)[\s-]*$/i;
const TEMPORAL_BEFORE_MONTH =
  /\b(?:in|of|since|until|till|by|during|from|to|through|before|after|early|mid|late|last|next|this|between|and|or|the|on|around|for|each|every|end|beginning|start|middle|a|an|its|his|her|their|our|that|until|into)[\s-]*$/i;
// One regex for both kinds of cue, so a scan can take the cue nearest the mention.
// A participle after `be` (`will be held`, `is to be signed`) is not a past-tense cue.
const TENSE_CUE = new RegExp(`\\b(?:(${FUTURE_CUE_SOURCE})|(?<!\\bbe\\s)(${PAST_CUE_SOURCE}))\\b`, 'gi');

// ---------------------------------------------------------------- triggers
//
// Every family's match starts with a digit, a month, a weekday, an apostrophe (`'90s`) or
// one of a few words. One case-insensitive scan finds those; each family is then tried only
// where it can start, as a sticky regex. So the text is scanned once, not once per family.

/**
 * Where each family can start. `words`: trigger words (lower-case) or kinds ('#d12' and
 * '#d4' for runs of one or two and of four digits, '#month', '#weekday', "'"). `back`: the family's match starts up to that many words
 * *before* its trigger (`two weeks ago` is found from `ago`), so frequent words such as
 * `the`, `a` or `this` need not be triggers at all.
 */
interface Trigger {
  words: string[];
  back: number;
}
const at = (...words: string[]): Trigger => ({ words, back: 0 });
const before = (back: number, ...words: string[]): Trigger => ({ words, back });
const SEASON_WORDS = ['spring', 'summer', 'autumn', 'fall', 'winter'];
const UNIT_WORDS = ['week', 'month', 'year', 'quarter', 'weekend'];

const FAMILY_TRIGGERS = new Map<RegExp, Trigger>([
  [MONTH_DAY, at('#month', '#weekday')],
  [DAY_MONTH, at('#d12', '#weekday')],
  [MONTH_RANGE, at('#month')],
  [YEAR_RANGE, at('#d4')],
  [ISO_DATE, at('#d4')],
  [NUMERIC_DATE, at('#d12')],
  [MONTH_OF_BACK, at('#month')],
  [MONTH_YEAR, at('#month')],
  [SEASON_YEAR, at(...SEASON_WORDS)],
  [SEASON_RELATIVE, before(2, ...SEASON_WORDS)],
  [QUARTER, before(3, 'quarter')],
  [QUARTER_RELATIVE, before(3, 'quarter')],
  [HALF, before(1, 'half')],
  [DECADE, at('#d4', "'")],
  [CENTURY, before(1, 'century')],
  [DAY_WORD, at('yesterday', 'today', 'tomorrow', 'tonight')],
  [UNIT_RELATIVE, before(2, ...UNIT_WORDS)],
  [AGO, before(3, 'ago', 'earlier', 'now')],
  [THE_WEEKEND, before(2, 'weekend')],
  [
    DEFINITE_PERIOD,
    before(3, 'quarter', 'period', 'year', 'summer', 'winter', 'spring', 'fall', 'autumn', 'decade', 'month'),
  ],
  [YEAR_END, before(1, 'year')],
  [YEAR_TWO_THOUSAND, before(2, 'year')],
  [BACK_REFERENCE, before(1, 'year', '#month', 'week', 'day')],
  [YEAR_AGO, at('year')],
  [MONTH_RELATIVE_YEAR, at('#month')],
  [PART_OF_CURRENT, at('end', 'beginning', 'start', 'middle')],
  [CURRENT_YEAR, before(1, 'current')],
  [
    DECADE_WORDS,
    before(2, 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'),
  ],
  [HOLIDAY, { words: ['christmas', 'thanksgiving', 'easter', 'election', 'year'], back: 1 }],
  [WEEKDAY, at('#weekday')],
  [BARE_MONTH, at('#month')],
  [YEAR_WORDS, before(1, 'nineteen', 'twenty')],
  [BARE_YEAR, at('#d4')],
  [
    TIMEML_REF,
    before(
      2,
      'now',
      'currently',
      'current',
      'nowadays',
      'days',
      'recently',
      'recent',
      'past',
      'previously',
      'formerly',
      'future',
      'soon',
    ),
  ],
]);

const STICKY = new Map<RegExp, RegExp>(
  [...FAMILY_TRIGGERS.keys()].map((re) => [re, new RegExp(re.source, re.flags.replace('g', '') + 'y')]),
);

const TRIGGER_WORDS = [
  ...new Set([
    ...MONTHS.keys(),
    ...[...WEEKDAYS.keys()].filter((w) => w.endsWith('day')),
    ...[...FAMILY_TRIGGERS.values()].flatMap((t) => t.words).filter((w) => /^[a-z]+$/.test(w)),
  ]),
].sort((a, b) => b.length - a.length);

/**
 * The start of a digit run, an apostrophe before a decade (`'90s`), or a whole trigger word.
 * (A hand-written character scan measured slower than this one regex.)
 */
const TRIGGER = new RegExp(`(?<!\\d)\\d|'(?=\\d0s)|\\b(?:${TRIGGER_WORDS.join('|')})\\b`, 'gi');

/** Digit runs by length: days and months have one or two digits, years four; others start nothing. */
function digitKey(text: string, i: number): string {
  let j = i + 1;
  while (j < text.length && j - i < 5 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  const n = j - i;
  return n <= 2 ? '#d12' : n === 4 ? '#d4' : '#d';
}

function triggerKey(word: string): string {
  const lower = word.toLowerCase();
  if (MONTHS.has(lower)) return '#month';
  if (WEEKDAYS.has(lower)) return '#weekday';
  return lower;
}

const dispatchCache = new Map<boolean, Map<string, { index: number; back: number }[]>>();

/** For each trigger key, the families (indexes in `families`) that can start at or before it. */
function dispatchTable(
  families: [RegExp, Handler][],
  timeml: boolean,
): Map<string, { index: number; back: number }[]> {
  const cached = dispatchCache.get(timeml);
  if (cached) return cached;
  const table = new Map<string, { index: number; back: number }[]>();
  families.forEach(([re], index) => {
    const trigger = FAMILY_TRIGGERS.get(re);
    if (!trigger) return;
    for (const key of trigger.words) {
      const list = table.get(key) ?? [];
      list.push({ index, back: trigger.back });
      table.set(key, list);
    }
  });
  dispatchCache.set(timeml, table);
  return table;
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Start of the word `n` words before the one at `i` (within a few dozen characters), or -1. */
function wordStartBefore(text: string, i: number, n: number): number {
  const limit = Math.max(0, i - 12 * n - 8);
  let j = i;
  for (let k = 0; k < n; k++) {
    j--;
    while (j >= limit && !isWordChar(text.charCodeAt(j))) j--;
    if (j < limit) return -1;
    while (j > limit && isWordChar(text.charCodeAt(j - 1))) j--;
  }
  return j;
}

function monthOf(word: string): number {
  return MONTHS.get(word.replace('.', '').toLowerCase()) ?? 0;
}

function weekdayWord(word: string | undefined): number | undefined {
  return word === undefined ? undefined : WEEKDAYS.get(word.replace('.', '').toLowerCase());
}

/** End of a day number as written (`4th` included), for ranges split into two mentions. */
function dayTokenEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const suffix = text.slice(i, i + 2).toLowerCase();
  if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') i += 2;
  return i;
}

/**
 * What one call of `recogniseDates` shares with the family handlers. The handlers live at
 * module level and get this object, rather than being closures over the call's variables:
 * three dozen closures created on every call (once per article) measured as a real cost.
 */
class Scan {
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

type Handler = (m: RegExpExecArray, s: Scan) => void;

/** Extends a candidate backwards over `early`/`mid-`/`the end of` and records the mod. */
function withMod(s: Scan, c: Candidate): Candidate {
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
function dateCandidate(
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
function relativeCandidate(s: Scan, start: number, end: number, unit: Unit, offset: number): Candidate {
  const c = s.candidate(start, end, 'relative');
  c.unit = unit;
  c.offset = offset;
  return c;
}

const FAMILIES: [RegExp, Handler][] = [
  // Ranges first: on equal spans they beat their parts (`July` of `July-August 1997`).
  [
    MONTH_DAY,
    (m, s) => {
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
  ],
  [
    DAY_MONTH,
    (m, s) => {
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
  ],
  [
    MONTH_RANGE,
    (m, s) => {
      const first = monthOf(m[1]);
      const second = monthOf(m[2]);
      if (second <= first && !m[3]) return;
      const year = m[3] ? +m[3] : undefined;
      const secondStart = m.index + m[0].indexOf(m[2], m[1].length);
      const c1 = s.candidate(m.index, m.index + m[1].length, 'month');
      c1.year = year;
      c1.month = first;
      s.push(withMod(s, c1));
      const c2 = s.candidate(secondStart, m.index + m[0].length, 'month');
      c2.year = year;
      c2.month = second;
      s.push(c2);
    },
  ],
  [
    YEAR_RANGE,
    (m, s) => {
      const first = +m[1];
      let second = +m[2];
      if (m[2].length === 2) second = Math.floor(first / 100) * 100 + second;
      if (second <= first || second - first > 50) return;
      const secondStart = m.index + m[0].length - m[2].length;
      const c1 = s.candidate(m.index, m.index + 4, 'year');
      c1.year = first;
      s.push(withMod(s, c1));
      const c2 = s.candidate(secondStart, m.index + m[0].length, 'year');
      c2.year = second;
      s.push(c2);
    },
  ],
  [
    ISO_DATE,
    (m, s) => {
      const [year, month, day] = [+m[1], +m[2], +m[3]];
      if (month < 1 || month > 12 || day < 1 || day > 31) return;
      const c = dateCandidate(s, m.index, m.index + m[0].length, year, month, day);
      if (s.documentDate.source === 'header' && s.documentDate.span?.start === m.index) c.header = true;
      s.push(c);
    },
  ],
  [
    NUMERIC_DATE,
    (m, s) => {
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
  ],
  [
    MONTH_OF_BACK,
    (m, s) => {
      const which = m[2].toLowerCase();
      const c = s.matched(m, 'back');
      c.unit = 'year';
      c.offset =
        which === 'following' || which === 'next' ? 1 : which === 'same' || which === 'that' ? 0 : -1;
      c.month = monthOf(m[1]);
      s.push(c);
    },
  ],
  [
    MONTH_YEAR,
    (m, s) => {
      const c = s.matched(m, 'month');
      c.year = +m[2];
      c.month = monthOf(m[1]);
      s.push(withMod(s, c));
    },
  ],
  [
    SEASON_YEAR,
    (m, s) => {
      const c = s.matched(m, 'season');
      c.year = +m[2];
      c.season = SEASONS.get(m[1].toLowerCase())!;
      s.push(withMod(s, c));
    },
  ],
  [
    SEASON_RELATIVE,
    (m, s) => {
      const word = m[1].toLowerCase();
      const c = s.matched(m, 'season');
      c.season = SEASONS.get(m[2].toLowerCase())!;
      c.offset = word.startsWith('this') ? 0 : word === 'last' ? -1 : 1;
      s.push(c);
    },
  ],
  [
    QUARTER,
    (m, s) => {
      const quarter = ORDINALS.get(m[3].toLowerCase())!;
      const year = m[1] ? +m[1] : m[4] ? +m[4] : undefined;
      // `next year's first quarter`, `this year's third quarter`: the year relative to the document.
      const which = year === undefined ? YEARS_QUARTER_BEFORE.exec(s.before(m.index)) : null;
      if (which) {
        const w = which[1].toLowerCase();
        const c = s.led(which, m, 'quarter');
        c.quarter = quarter;
        c.offset = w === 'last' ? -1 : w === 'next' ? 1 : 0;
        s.push(c);
        return;
      }
      const c = s.matched(m, 'quarter');
      c.year = year;
      c.quarter = quarter;
      s.push(c);
    },
  ],
  [
    QUARTER_RELATIVE,
    (m, s) => {
      const word = m[1].toLowerCase().replace(/\s+/g, ' ');
      let offset: number;
      let direction: 0 | undefined;
      if (word === 'this' || word === 'the current') offset = 0;
      else if (word === 'last' || word === 'the previous') offset = -1;
      else if (word === 'next') offset = 1;
      // `the quarter` in earnings news is the one just reported: TimeML's reading, not ours.
      else if (s.timeml) {
        offset = -1;
        direction = 0;
      } else return;
      const c = s.matched(m, 'quarter');
      c.offset = offset;
      c.direction = direction;
      s.push(c);
    },
  ],
  [
    HALF,
    (m, s) => {
      const c = s.matched(m, 'half');
      c.year = +m[2];
      c.half = m[1].toLowerCase() === 'first' ? 1 : 2;
      s.push(c);
    },
  ],
  [
    DECADE,
    (m, s) => {
      const c = s.matched(m, 'decade');
      c.year = m[1] ? +(m[1] + m[2] + '0') : 1900 + +m[3] * 10;
      s.push(withMod(s, c));
    },
  ],
  [
    CENTURY,
    (m, s) => {
      const n = +m[1];
      if (n < 1 || n > 21) return;
      const c = s.matched(m, 'century');
      c.year = (n - 1) * 100;
      s.push(withMod(s, c));
    },
  ],
  [
    DAY_WORD,
    (m, s) => {
      const word = m[1].toLowerCase();
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      s.push(relativeCandidate(s, m.index, m.index + m[0].length, 'day', offset));
    },
  ],
  [
    UNIT_RELATIVE,
    (m, s) => {
      const lead = m[1]?.toLowerCase();
      const which = m[2].toLowerCase();
      const offset = which === 'last' ? -1 : which === 'this' ? 0 : 1;
      const unitWord = m[3];
      const mod: DateMod | undefined =
        lead === 'earlier' || lead === 'early'
          ? 'START'
          : lead === 'later' || lead === 'late'
            ? 'END'
            : undefined;
      const end = m.index + m[0].length;
      if (unitWord === 'weekend') {
        const c = relativeCandidate(s, m.index, end, 'week', offset);
        c.literal = 'WE';
        c.mod = mod;
        s.push(c);
        return;
      }
      const unit = UNITS.get(unitWord)!;
      // `last year's quarter`, `the corresponding period last year`, `compared with $3 million
      // last year`: a comparison, which in a sentence about a quarter means that quarter a year before.
      if (unit === 'year' && offset === -1 && !mod) {
        const own = /^['’]s\s+(?:quarter|period)\b/.exec(s.after(end, 12));
        const c = relativeCandidate(s, m.index, end + (own ? own[0].length : 0), unit, offset);
        c.comparative = !!own || LAST_YEAR_COMPARED.test(s.before(m.index, 60));
        s.push(c);
        return;
      }
      const c = relativeCandidate(s, m.index, end, unit, offset);
      c.mod = mod;
      s.push(c);
    },
  ],
  [
    AGO,
    (m, s) => {
      const n = SMALL_NUMBERS.get(m[1].toLowerCase().replace(/\s+/g, ' ').replace('a few', 'few')) ?? +m[1];
      const vague = /^(?:several|a\s+few)$/i.test(m[1]);
      if (vague) {
        if (s.timeml) {
          const c = s.matched(m, 'literal');
          c.literal = 'PAST_REF';
          s.push(c);
        }
        return;
      }
      if (!Number.isFinite(n) || n < 1) return;
      const unit = UNITS.get(m[2].toLowerCase())!;
      const sign = m[3].toLowerCase() === 'from now' ? 1 : -1;
      const c = relativeCandidate(s, m.index, m.index + m[0].length, unit, sign * n);
      c.comparative = unit === 'year' && n === 1;
      s.push(c);
    },
  ],
  [
    THE_WEEKEND,
    (m, s) => {
      // `ahead of the weekend`, `before the weekend`: the coming one.
      const coming =
        /^[Bb]efore/.test(m[0]) || (/^of/.test(m[0]) && /\bahead\s+$/i.test(s.before(m.index, 8)));
      const c = relativeCandidate(s, m.index + m[0].lastIndexOf('the'), m.index + m[0].length, 'week', 0);
      c.literal = 'WE';
      c.direction = coming ? 1 : 0;
      s.push(c);
    },
  ],
  [
    DEFINITE_PERIOD,
    (m, s) => {
      const word = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const unitWord = m[2].toLowerCase();
      const end = m.index + m[0].length;
      if (NOT_A_DEFINITE_PERIOD.test(s.after(end, 30))) return;
      const preposition = PERIOD_PREPOSITION.test(s.before(m.index, 12));
      const latest = word === 'latest' || word === 'most recent' || word === 'latest fiscal';
      const past = word === 'past' || word === 'last';
      // The span leaves `the` out, as in `same year` and `spring of 1998`.
      const start = m.index + m[0].indexOf(m[1] ?? m[2], 3);
      const season = SEASONS.get(unitWord);
      if (season) {
        if (!preposition || (word && word !== 'early' && word !== 'late')) return;
        const c = s.candidate(start, end, 'definite');
        c.season = season;
        c.offset = 0;
        c.mod = word === 'early' ? 'START' : word === 'late' ? 'END' : undefined;
        s.push(c);
        return;
      }
      if (word === 'early' || word === 'late') return;
      let unit: Unit | undefined;
      let offset = 0;
      let direction: -1 | 0 | undefined;
      if (unitWord === 'quarter' || unitWord === 'period') {
        // `the period` alone is too vague; `the latest period` in a report is the last quarter.
        if (unitWord === 'period' && !latest) return;
        if (!latest && !past && !(preposition && (word === undefined || word === 'fiscal'))) return;
        unit = 'quarter';
        offset = past ? -1 : 0;
        direction = latest ? -1 : 0;
      } else if (unitWord === 'year') {
        if (!past && !latest && !preposition) return;
        unit = 'year';
        offset = past || latest ? -1 : 0;
      } else if (past) {
        // `the past decade`, `the last month`
        unit = UNITS.get(unitWord)!;
        offset = -1;
      } else return;
      const c = s.candidate(start, end, 'definite');
      c.unit = unit;
      c.offset = offset;
      c.direction = direction;
      s.push(c);
    },
  ],
  [
    YEAR_END,
    (m, s) => {
      // `since year-end` looks back to the end of last year.
      const since = /^[Ss]ince/.test(m[0]);
      const c = s.candidate(m.index + m[0].length - m[1].length, m.index + m[0].length, 'definite');
      c.unit = 'year';
      c.offset = since ? -1 : 0;
      c.mod = 'END';
      s.push(c);
    },
  ],
  [
    YEAR_TWO_THOUSAND,
    (m, s) => {
      const c = s.candidate(m.index + m[0].length - m[1].length, m.index + m[0].length, 'year');
      c.year = 2000;
      s.push(c);
    },
  ],
  [
    BACK_REFERENCE,
    (m, s) => {
      const which = m[1].toLowerCase();
      const hasThe = /\bthe\s+$/i.test(s.before(m.index, 8));
      // `next year` without `the` is relative to the document date (UNIT_RELATIVE);
      // `the next year` counts from the year the story has reached.
      if (which !== 'same' && which !== 'that' && !hasThe) return;
      const c = s.matched(m, 'back');
      c.unit = UNITS.get(m[2].toLowerCase())!;
      c.offset =
        which === 'same' || which === 'that' ? 0 : which === 'following' || which === 'next' ? 1 : -1;
      s.push(c);
    },
  ],
  [
    YEAR_AGO,
    (m, s) => {
      const quarter = m[2] ? ORDINALS.get(m[2].toLowerCase()) : undefined;
      if (quarter) {
        const c = s.matched(m, 'quarter');
        c.quarter = quarter;
        c.offset = -1;
        s.push(c);
        return;
      }
      const c = relativeCandidate(s, m.index, m.index + m[0].length, 'year', -1);
      c.comparative = true;
      s.push(c);
    },
  ],
  [
    MONTH_RELATIVE_YEAR,
    (m, s) => {
      const which = m[2];
      const c = s.matched(m, 'month');
      c.month = monthOf(m[1]);
      c.offset = which === 'last' ? -1 : which === 'this' ? 0 : 1;
      s.push(c);
    },
  ],
  [
    PART_OF_CURRENT,
    (m, s) => {
      const word = m[1].toLowerCase();
      const c = relativeCandidate(s, m.index, m.index + m[0].length, UNITS.get(m[2].toLowerCase())!, 0);
      c.mod = word === 'end' ? 'END' : word === 'middle' ? 'MID' : 'START';
      s.push(c);
    },
  ],
  [
    CURRENT_YEAR,
    (m, s) => {
      const start = m.index + m[0].length - m[1].length;
      s.push(relativeCandidate(s, start, m.index + m[0].length, 'year', 0));
    },
  ],
  [
    DECADE_WORDS,
    (m, s) => {
      const tens = [...TENS_WORDS.values()][
        [
          'twenties',
          'thirties',
          'forties',
          'fifties',
          'sixties',
          'seventies',
          'eighties',
          'nineties',
        ].indexOf(m[2].toLowerCase())
      ];
      const lead = m[1]?.toLowerCase() ?? '';
      const c = s.candidate(m.index + 4, m.index + m[0].length, 'decade');
      c.year = 1900 + tens;
      c.mod = lead.startsWith('early') ? 'START' : lead.startsWith('mid') ? 'MID' : lead ? 'END' : undefined;
      s.push(c);
    },
  ],
  [
    HOLIDAY,
    (m, s) => {
      const name = m[1].replace(/\s+/g, ' ');
      const year = m[2] ? +m[2] : undefined;
      const rel = RELATIVE_BEFORE.exec(s.before(m.index));
      if (rel && !year) {
        const which = rel[1].toLowerCase();
        const c = s.led(rel, m, 'holiday');
        c.literal = name;
        c.direction = which === 'last' || which === 'past' ? -1 : which.startsWith('this') ? 0 : 1;
        s.push(c);
        return;
      }
      const c = s.matched(m, 'holiday');
      c.literal = name;
      c.year = year;
      s.push(c);
    },
  ],
  [
    WEEKDAY,
    (m, s) => {
      const weekday = WEEKDAYS.get(m[1].toLowerCase())!;
      const prior = s.before(m.index);
      const rel = RELATIVE_BEFORE.exec(prior);
      let start = m.index;
      let direction: -1 | 0 | 1 = 0;
      if (rel) {
        const word = rel[1].toLowerCase();
        if (word === 'last' || word === 'past') direction = -1;
        else if (word === 'next' || word === 'coming') direction = 1;
        start -= rel[0].length;
      } else if (
        /^\s*[A-Z]/.test(s.after(m.index + m[0].length, 3)) &&
        !/\b(?:on|by|until|since|from|last|,)\s*$/i.test(prior)
      ) {
        // `Friday Prayers`: a capitalised word after a weekday makes it part of a name.
        return;
      }
      const c = s.candidate(start, m.index + m[0].length, 'weekday');
      c.weekday = weekday;
      c.direction = direction;
      s.push(c);
    },
  ],
  [
    BARE_MONTH,
    (m, s) => {
      // A full name's full stop ends the sentence (`in January.`); an abbreviation keeps its own.
      const bare = m[1].endsWith('.') ? m[1].slice(0, -1) : m[1];
      const word = MONTH_NAMES.includes(bare) ? bare : m[1];
      const prior = s.before(m.index);
      const temporal = TEMPORAL_BEFORE_MONTH.test(prior);
      // `Jan` (a name) and `May` (a verb) need more than themselves to be months.
      if (word === 'May') {
        if (!MAY_BEFORE.test(prior)) return; // `and May I ask`
      } else if (word.length <= 4 && !word.endsWith('.')) {
        if (!temporal || word.length <= 3) return; // `Jan`, `Mar`: names as often as months
      } else if (word.endsWith('.') && !temporal) return;
      if (!temporal && /^\s+[A-Z]/.test(s.after(m.index + word.length, 3))) return; // `June Carter`
      if (/^[-–]\w/.test(s.after(m.index + word.length, 2))) return; // `May-Day`, ranges handled elsewhere
      const rel = RELATIVE_BEFORE.exec(prior);
      if (rel) {
        const which = rel[1].toLowerCase();
        const direction = which === 'last' || which === 'past' ? -1 : which.startsWith('this') ? 0 : 1;
        // `last Oct. 23`: a day after the month makes it the last such date.
        const day = /^\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:%]|,?\s+\d{4})/.exec(
          s.after(m.index + m[1].length, 8),
        );
        if (day && +day[1] >= 1 && +day[1] <= 31) {
          const end = dayTokenEnd(s.text, m.index + m[1].length + day[0].length - day[1].length);
          const c = dateCandidate(s, m.index - rel[0].length, end, undefined, monthOf(word), +day[1]);
          c.direction = direction;
          s.push(c);
          return;
        }
        const c = s.candidate(m.index - rel[0].length, m.index + word.length, 'month');
        c.month = monthOf(word);
        c.direction = direction;
        s.push(c);
        return;
      }
      const c = s.candidate(m.index, m.index + word.length, 'month');
      c.month = monthOf(word);
      s.push(withMod(s, c));
    },
  ],
  [
    YEAR_WORDS,
    (m, s) => {
      const century = m[1].toLowerCase() === 'nineteen' ? 1900 : 2000;
      const rest = m[2]
        ? TEENS_WORDS.get(m[2].toLowerCase())!
        : TENS_WORDS.get(m[3].toLowerCase())! + (m[4] ? UNITS_WORDS.get(m[4].toLowerCase())! : 0);
      const year = century + rest;
      // `January nineteen ninety-seven`, `the winter of nineteen ninety-four`: one mention.
      const lead =
        /(?:\b(January|February|March|April|May|June|July|August|September|October|November|December)|\b(spring|summer|autumn|fall|winter)\s+of),?\s+$/i.exec(
          s.before(m.index, 20),
        );
      if (lead?.[1] && /^[A-Z]/.test(lead[1])) {
        const c = s.led(lead, m, 'month');
        c.year = year;
        c.month = monthOf(lead[1]);
        s.push(c);
        return;
      }
      if (lead?.[2]) {
        const c = s.led(lead, m, 'season');
        c.year = year;
        c.season = SEASONS.get(lead[2].toLowerCase());
        s.push(c);
        return;
      }
      const c = s.matched(m, 'year');
      c.year = year;
      s.push(c);
    },
  ],
  [
    BARE_YEAR,
    (m, s) => {
      const year = +m[1];
      const start = m.index;
      const end = start + 4;
      const prior = s.before(start);
      const next = WORDS_AFTER.exec(s.after(end, 40));
      if (next && COUNT_NOUNS.has(next[1].toLowerCase())) return; // `2000 soldiers`
      if (MEASURE_BEFORE.test(prior)) return; // `No. 1997`, `page 2001`, `about 1500`
      const context =
        YEAR_CONTEXT_BEFORE.test(prior) ||
        // the first word of a sentence or line: `2018 was a turning point.`
        /(?:^|[.!?]\s+|\n\s*)$/.test(prior) ||
        // a list of years: `1997, 1998 and 2001`
        /\b(?:1\d|20)\d\d,\s*$/.test(prior);
      if (!context) {
        // Elsewhere a number of this century or the last is still read as a year (`his
        // unsuccessful 1996 campaign`, `bonds due 1993`) unless a name or a count says otherwise.
        if (year < 1900) return;
        if (next?.[2] && COUNT_NOUNS.has(next[2].toLowerCase())) return; // `2000 Azerbaijani troops`
        // `Resolution 1997`, `Windows 2000`: a capitalised word right before makes a name.
        if (CAPITALISED_WORD_BEFORE.test(prior)) return;
      }
      // `the 1988 quarter`, `the 1989 period`: that year's quarter of the story.
      const unitAfter = /^\s+(quarter|period)\b/i.exec(s.after(end, 10));
      if (unitAfter && /\bthe\s+$/i.test(prior)) {
        const c = s.candidate(start, end + unitAfter[0].length, 'quarter');
        c.year = year;
        c.storyQuarter = true;
        s.push(c);
        return;
      }
      const c = s.candidate(start, end, 'year');
      c.year = year;
      s.push(withMod(s, c));
    },
  ],
];

/** The families plus the TimeML-only references (option `timeml`), tried last. */
const FAMILIES_TIMEML: [RegExp, Handler][] = [
  ...FAMILIES,
  [
    TIMEML_REF,
    (m, s) => {
      const w = m[1].toLowerCase().replace(/\s+/g, ' ');
      const c = s.matched(m, 'literal');
      c.literal =
        w === 'recently' || w === 'recent' || w === 'the past' || w === 'previously' || w === 'formerly'
          ? 'PAST_REF'
          : w.includes('future') || w === 'soon'
            ? 'FUTURE_REF'
            : 'PRESENT_REF';
      s.push(c);
    },
  ],
];

export function recogniseDates(
  text: string,
  sentences: Span[],
  documentDate: DocumentDate,
  options: DateOptions = {},
): { mentions: DateMention[]; findings: Finding[] } {
  const timeml = options.timeml === true;
  const families = timeml ? FAMILIES_TIMEML : FAMILIES;
  const s = new Scan(text, documentDate, timeml);

  // 1. candidates: one scan finds the words a date expression can start with; at each, only
  // the families that can start there are tried, anchored (sticky) at that position.
  const dispatch = dispatchTable(families, timeml);
  TRIGGER.lastIndex = 0;
  for (let t = TRIGGER.exec(text); t; t = TRIGGER.exec(text)) {
    const start = t.index;
    const code = t[0].charCodeAt(0);
    const key = code >= 48 && code <= 57 ? digitKey(text, start) : code === 39 ? "'" : triggerKey(t[0]);
    const tried = dispatch.get(key);
    if (!tried) continue;
    for (const { index, back } of tried) {
      const re = STICKY_FAMILIES[index];
      for (let k = back; k >= 0; k--) {
        const from = k === 0 ? start : wordStartBefore(text, start, k);
        if (from < 0) continue;
        re.lastIndex = from;
        const m = re.exec(text);
        if (!m) continue;
        s.rank = index;
        families[index][1](m, s);
      }
    }
  }

  // 2. selection: earliest start, then longest, then the family listed first. Every
  // family's match includes its own leading words (`Monday, `, `last `, `end of `), so a
  // longer reading always starts no later than the shorter one it contains.
  const candidates = s.candidates;
  candidates.sort((x, y) => x.start - y.start || y.end - x.end || x.rank - y.rank);
  const chosen: Candidate[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    chosen.push(c);
    lastEnd = c.end;
  }

  // 3. anchoring
  return anchor(text, sentences, documentDate, options, chosen);
}

/** The sticky twin of each family (in `FAMILIES_TIMEML` order, which extends `FAMILIES`). */
const STICKY_FAMILIES = FAMILIES_TIMEML.map(([re]) => STICKY.get(re)!);

// ---------------------------------------------------------------- anchoring

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

function anchor(
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
    if (docYear !== null) {
      let year = docYear;
      if (docFull) year = nearestYear(docFull, month, day, tenseAt(c));
      return fromDoc(String(year), year);
    }
    const prev = lastYear;
    const next = nextExplicit[index];
    let best: { year: number; span: Span } | null = prev;
    if (next && next.year !== undefined) {
      if (!prev || next.start - c.end < c.start - prev.span.end)
        best = { year: next.year, span: { start: next.start, end: next.end } };
    }
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
    check(c, mention, r);
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
        let year = docYear + (c.offset ?? 0);
        // `next spring` written in February is this year's spring.
        if (c.offset === 1 && docFull && seasonStartMonth(c.season!) > docFull.month) year = docYear;
        return fromDoc(`${formatYear(year)}-${c.season}`);
      }
      case 'decade': {
        const decade = String(Math.floor(c.year! / 10));
        return reading(options.timeml ? decade + 'X' : decade, 'explicit');
      }
      case 'century':
        return reading(pad2(c.year! / 100), 'explicit');
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
    const on = (year: number): YMD => holidayDate(c.literal!, year);
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
        date.month === 11 || c.literal!.startsWith('Easter')
          ? 'XXXX-XX-XX'
          : `XXXX-${pad2(date.month)}-${pad2(date.day)}`,
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

  /** The sentence up to a mention (at most WIDE_BEFORE characters). */
  function sentenceBefore(c: Span): string {
    const si = sentenceAt(sentences, c.start);
    const from = Math.max(si >= 0 ? sentences[si].start : 0, c.start - WIDE_BEFORE);
    return text.slice(from, c.start);
  }

  function resolveQuarter(c: Candidate): Resolved {
    if (c.storyQuarter) {
      // The quarter the story last named, in the year written; without one, just the year.
      const q = lastQuarter && c.start - lastQuarter.end < QUARTER_REACH ? (lastQuarter.index % 4) + 1 : 0;
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
    if (!docFull) return reading('XXXX-XX-XX', 'underspecified');
    const docWeekday = weekdayOf(docFull.year, docFull.month, docFull.day);
    const target = c.weekday!;
    let future = c.direction === 1;
    if (c.direction === 0) future = tenseAt(c) === 'future';
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

  function resolveRelative(c: Candidate): Resolved {
    const offset = c.offset ?? 0;
    const unit = c.unit!;
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
        const w = isoWeek(addDays(docFull, 7 * offset));
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

  function resolveBack(c: Candidate): Resolved {
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
    if (unit === 'month' && lastMonth) {
      const ym = addMonths(lastMonth.year, lastMonth.month, offset);
      const value = formatMonth(ym.year, ym.month);
      return reading(value, 'earlier-mention', ym.year, ym.month, undefined, lastMonth.span);
    }
    if (unit === 'day' && lastDate) {
      const date = addDays(lastDate.date, offset);
      return reading(formatDate(date), 'earlier-mention', date.year, date.month, date, lastDate.span);
    }
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

  // ------------------------------------------------------------ checks at the source

  function check(c: Candidate, mention: DateMention, r: Resolved): void {
    const date = r.date;
    if (c.day !== undefined || c.form === 'numeric') {
      const year = date?.year;
      const month = date?.month ?? c.month!;
      const day = date?.day ?? c.day!;
      const limit =
        year !== undefined ? daysInMonth(year, month) : month === 2 ? 29 : daysInMonth(2000, month);
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
}

/** Before `last year`: a comparison with the same period a year before. */
const LAST_YEAR_COMPARED =
  /(?:\b(?:corresponding|comparable|same)\s+(?:period|quarter)\s+|\bcompared\s+with\b[^.;]*\s)$/i;
/** `next year's` before `first quarter`. */
const YEARS_QUARTER_BEFORE = /\b(this|last|next)\s+year['’]s\s+$/i;
/**
 * A sentence that speaks of a longer period than a quarter (`for the nine months ... a year
 * earlier`): its comparison is with that period a year before, so the value is the year.
 */
const OTHER_PERIOD_BEFORE =
  /\b(?:nine|six|twelve|\d+)\s+months\b|\b(?:first|second)\s+half\b|\b(?:full|fiscal)\s+year\b/i;

/** How far after a quarter `a year earlier` still compares with that quarter (a few paragraphs). */
const QUARTER_REACH = 2000;

/** Days from the document date within which a partial date keeps the document's year whatever the tense. */
const SAME_YEAR_DAYS = 60;
const HALF_YEAR_DAYS = 183;

/**
 * The year of a partial date (`Aug. 6`, `in January`) written on `doc`: the document's year,
 * unless that puts the date far on the wrong side of the document date for the sentence's
 * tense (`said on Aug. 6` written in February is last year's), or more than half a year
 * away when the sentence says nothing (`Dec. 15` written in January is last December).
 */
function nearestYear(doc: YMD, month: number, day: number | undefined, t: Tense): number {
  const docDay = toDayNumber(doc.year, doc.month, doc.day);
  const delta = toDayNumber(doc.year, month, Math.min(day ?? 15, daysInMonth(doc.year, month))) - docDay;
  if (delta > 0 && ((t === 'past' && delta > SAME_YEAR_DAYS) || (t !== 'future' && delta > HALF_YEAR_DAYS)))
    return doc.year - 1;
  if (delta < 0 && ((t === 'future' && -delta > SAME_YEAR_DAYS) || (t !== 'past' && -delta > HALF_YEAR_DAYS)))
    return doc.year + 1;
  return doc.year;
}

/** The date of a holiday in a year. */
function holidayDate(name: string, year: number): YMD {
  if (name.startsWith('Christmas')) return { year, month: 12, day: name.endsWith('Eve') ? 24 : 25 };
  if (name.startsWith('New Year'))
    return name.endsWith('Eve') ? { year, month: 12, day: 31 } : { year, month: 1, day: 1 };
  if (name.startsWith('Thanksgiving')) {
    // the fourth Thursday of November
    const first = weekdayOf(year, 11, 1);
    return { year, month: 11, day: 1 + ((4 - first + 7) % 7) + 21 };
  }
  if (name.startsWith('Election')) {
    // the Tuesday after the first Monday of November
    const first = weekdayOf(year, 11, 1);
    return { year, month: 11, day: 1 + ((1 - first + 7) % 7) + 1 };
  }
  return easter(year);
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

function seasonStartMonth(season: string): number {
  return season === 'SP' ? 3 : season === 'SU' ? 6 : season === 'FA' ? 9 : 12;
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

// ---------------------------------------------------------------- tense

type Tense = 'past' | 'future' | 'none';

/** How far before and after a mention the tense cues are read (within its sentence). */
const NEAR = 70;
const AFTER = 120;
const WIDE_BEFORE = 200;

/**
 * Whether the clause around a mention speaks of the past or the future. The cue nearest
 * before the mention decides (`said on Friday that it would` is past, `will meet on Friday`
 * future); then the first cue after it; then the nearest further back in its sentence.
 * `planned`, `scheduled`, `expected` count as future although they end in -ed.
 */
function tense(text: string, sentences: Span[], c: Span): Tense {
  const si = sentenceAt(sentences, c.start);
  const sStart = si >= 0 ? sentences[si].start : Math.max(0, c.start - WIDE_BEFORE);
  const sEnd = si >= 0 ? sentences[si].end : Math.min(text.length, c.end + AFTER);
  // Windows start at a word boundary: a cut word (`amed` of `named`) is no cue.
  const nearStart = wordAligned(text, Math.max(sStart, c.start - NEAR));
  const near = lastCue(text.slice(nearStart, c.start));
  if (near !== 'none') return near;
  const following = firstCue(text.slice(c.end, Math.min(sEnd, c.end + AFTER)));
  if (following !== 'none') return following;
  return lastCue(text.slice(wordAligned(text, Math.max(sStart, c.start - WIDE_BEFORE)), nearStart));
}

// ---------------------------------------------------------------- told as past

/**
 * A date that the sentence makes a deadline, a term, a goal or a forecast rather than the
 * time of something that happened: the word right before it (`due March 1, 2011`, `by 1992`,
 * `until 1994`, `into 1990`, `for 1990`, `expires on Dec. 31, 1990`).
 */
const PROSPECTIVE_RIGHT_BEFORE =
  /\b(?:by|until|till|due|into|through|throughout|beyond|before|for|expires?(?:\s+(?:on|in))?|matures?(?:\s+(?:on|in))?)\s+(?:(?:the|a|an)\s+)?(?:(?:good|large|great|first|second|whole)\s+)?(?:part\s+of\s+)?(?:the\s+)?$/i;
/**
 * Words anywhere in the sentence before the date that make what follows prospective: modals,
 * verbs and nouns of intention, expectation, obligation and forecasting, and the terms of a
 * security (`puttable`, `callable`, `redeem`). `-ed` forms count too: `hoped to`, `expected`.
 */
const PROSPECTIVE_IN_SENTENCE =
  /\b(?:will|won't|would|wouldn't|could|couldn't|should|might|must|shall|can|'ll|going\s+to|is\s+to|are\s+to|was\s+to|were\s+to|set\s+to|hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|intention|want(?:s|ed)?|goal|targets?|targeted|forecast\w*|predict\w*|project(?:s|ed|ing|ion|ions)|estimat\w*|anticipat\w*|forese\w*|expect\w*|requir\w*|schedul\w*|future|outlook|budget\w*|puttable|callable|redeem\w*|redemption|convertible|matur\w*|expir\w*|due|seeks?|sought|promis\w*|pledg\w*|vow\w*|commit\w*|prepar\w*|propos\w*|upcoming|next)\b/i;
/** `may` as a modal; `May` is more often the month. */
const MAY_MODAL = /\bmay\b/;
/** A forecast the date qualifies, written after it: `his 1990 earnings projection`. */
const PROSPECTIVE_AFTER =
  /^[^.;!?]{0,40}?\b(?:projections?|forecasts?|estimates?|targets?|goals?|budgets?|outlook|plans?|and\s+beyond|or\s+later)\b/i;
/** Present tense before the date: `The issue, which is puttable ... in 1999`. */
const PRESENT_CUE = /\b(?:is|are|am|does|do|remains?|continues?|says)\b/gi;

/**
 * Whether the sentence tells of something that happened at the date (for `after-document-date`):
 * the tense nearest before it is past (not present, not future), and nothing in the sentence
 * makes the date a deadline, a term, a goal or a forecast. Deliberately strict: a missed
 * warning costs less than a false alarm on every bond's maturity date.
 */
function toldAsPast(text: string, sentences: Span[], c: Span): boolean {
  const si = sentenceAt(sentences, c.start);
  const sStart = wordAligned(text, Math.max(si >= 0 ? sentences[si].start : 0, c.start - WIDE_BEFORE));
  const sEnd = Math.min(si >= 0 ? sentences[si].end : text.length, c.end + AFTER);
  const prior = text.slice(sStart, c.start);
  if (PROSPECTIVE_RIGHT_BEFORE.test(prior) || PROSPECTIVE_IN_SENTENCE.test(prior) || MAY_MODAL.test(prior))
    return false;
  const following = text.slice(c.end, sEnd);
  if (PROSPECTIVE_AFTER.test(following) || firstCue(following) === 'future') return false;
  // The nearest verb before the date decides; a present-tense one wins over an older past one.
  let lastPast = -1;
  TENSE_CUE.lastIndex = 0;
  for (let m = TENSE_CUE.exec(prior); m; m = TENSE_CUE.exec(prior)) {
    if (cueOf(m, prior) === 'past') lastPast = m.index;
  }
  if (lastPast < 0) return false;
  PRESENT_CUE.lastIndex = lastPast;
  return !PRESENT_CUE.test(prior);
}

/** `i`, moved forward past the rest of a word it falls inside (at most one word: constant). */
function wordAligned(text: string, i: number): number {
  if (i <= 0 || !isWordChar(text.charCodeAt(i - 1))) return i;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/**
 * An `-ed` word that is not a verb: a capitalised one is a name (`United`, `Ahmed`), one after
 * a determiner or inside a hyphenated compound is an adjective (`the reduced dividend`,
 * `a still unspecified date`, `lower-than-anticipated`).
 */
const ADJECTIVE_BEFORE = /(?:\b(?:the|a|an|its|his|her|their|our|this|that|these|those|still|newly)\s+|-)$/i;

function cueOf(m: RegExpExecArray, window: string): Tense {
  if (m[1]) return 'future';
  const word = m[2];
  if (word.endsWith('ed') || word.endsWith('ED')) {
    const first = word.charCodeAt(0);
    if (first >= 65 && first <= 90) return 'none';
    if (ADJECTIVE_BEFORE.test(window.slice(Math.max(0, m.index - 12), m.index))) return 'none';
  }
  return 'past';
}

function lastCue(window: string): Tense {
  let found: Tense = 'none';
  TENSE_CUE.lastIndex = 0;
  for (let m = TENSE_CUE.exec(window); m; m = TENSE_CUE.exec(window)) {
    const t = cueOf(m, window);
    if (t !== 'none') found = t;
  }
  return found;
}

function firstCue(window: string): Tense {
  TENSE_CUE.lastIndex = 0;
  for (let m = TENSE_CUE.exec(window); m; m = TENSE_CUE.exec(window)) {
    const t = cueOf(m, window);
    if (t !== 'none') return t;
  }
  return 'none';
}
