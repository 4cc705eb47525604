// General English words for dates: months, weekdays, seasons, number words, relative words.
// Regex sources are exported as strings so the date grammar can compose them into its patterns
// once, at load time.

/** Month by any spelling we accept (lower-case, without a trailing full stop) -> 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** The abbreviated month names (`Sept` before `Sep`, so the longer one wins). */
const MONTH_ABBREVIATIONS_SOURCE = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

/**
 * A capitalised month name, full or abbreviated. Capitals are required: `may` and `march`
 * are verbs. Only an abbreviation takes a full stop (`Sept.`): after a full name (`on 16
 * May.`) the stop ends the sentence and stays outside the mention.
 */
export const MONTH_SOURCE =
  '(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])' +
  `|(?:${MONTH_ABBREVIATIONS_SOURCE})(?![a-z])\\.?)`;

/** A month abbreviation, with or without its full stop (`Nov`, `Sept.`). */
export const MONTH_ABBREVIATION = new RegExp(`^(?:${MONTH_ABBREVIATIONS_SOURCE})\\.?$`);

/** Weekday by any spelling we accept (lower-case, no full stop) -> 0 = Sunday ... 6 = Saturday. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0],
  ['sun', 0],
  ['monday', 1],
  ['mon', 1],
  ['tuesday', 2],
  ['tue', 2],
  ['tues', 2],
  ['wednesday', 3],
  ['wed', 3],
  ['thursday', 4],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['friday', 5],
  ['fri', 5],
  ['saturday', 6],
  ['sat', 6],
]);

/** A full weekday name, capitalised (abbreviations are only accepted before a date). */
export const WEEKDAY_SOURCE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
export const WEEKDAY_ABBR_SOURCE = '(?:Sun|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat)\\.?';

/** Seasons -> TIMEX3 season codes. `fall` and `autumn` are one season. */
export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'],
  ['summer', 'SU'],
  ['autumn', 'FA'],
  ['fall', 'FA'],
  ['winter', 'WI'],
]);
export const SEASON_SOURCE = '(?:spring|summer|autumn|fall|winter)';

/** Cardinal number words up to twelve, and `a`/`an` = 1, for `two weeks ago`, `a year earlier`. */
export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['several', 3],
  ['few', 3],
]);
export const SMALL_NUMBER_SOURCE =
  '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})';

/** Ordinals for quarters and centuries: `third quarter`, `3rd quarter`. */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['1st', 1],
  ['second', 2],
  ['2nd', 2],
  ['third', 3],
  ['3rd', 3],
  ['fourth', 4],
  ['4th', 4],
]);
export const QUARTER_ORDINAL_SOURCE = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';

/** Words for the units of relative expressions (`two weeks ago`, `last month`). */
export type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade';
export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['day', 'day'],
  ['days', 'day'],
  ['week', 'week'],
  ['weeks', 'week'],
  ['month', 'month'],
  ['months', 'month'],
  ['quarter', 'quarter'],
  ['quarters', 'quarter'],
  ['year', 'year'],
  ['years', 'year'],
  ['decade', 'decade'],
  ['decades', 'decade'],
]);

/** Number words that spell years: `nineteen ninety-six`, `two thousand`. */
export const UNITS_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
]);
export const TEENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);
export const TENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

/**
 * Nouns that make a preceding four-digit number a count, not a year: `2000 soldiers`,
 * `1500 troops`. General quantity nouns only.
 */
export const COUNT_NOUNS = new Set(
  (
    'people persons men women children troops soldiers officers police policemen workers employees staff ' +
    'jobs members delegates votes voters seats residents refugees families households civilians casualties ' +
    'deaths dead victims cases patients students pupils units vehicles cars trucks tanks aircraft planes ' +
    'helicopters ships boats weapons rifles guns rounds shells missiles bombs mines tons tonnes barrels ' +
    'gallons litres liters kilometres kilometers km miles metres meters feet acres hectares dollars euros ' +
    'pounds manats rubles shares copies pages words books items points hours minutes seconds days weeks ' +
    'months years calories participants signatures protesters demonstrators prisoners hostages inhabitants ' +
    'companies firms banks schools hospitals villages houses homes buildings beds ballots'
  ).split(' '),
);

/**
 * Words that make a sentence speak of the future (a bare `Friday` then lies after the document's date).
 * `next to` is a place, not a time; `effective Feb. 1` sets a date from which something will hold.
 */
export const FUTURE_CUE_SOURCE =
  "will|won't|shall|'ll|is to|are to|going to|plans? to|planned|scheduled|expected|expects|" +
  'intends?|due to|upcoming|forthcoming|next(?!\\s+to\\b)|coming|would|might|to be held|is set to|are set to|' +
  'set to resume|likely|as soon as|planning|preparing|effective';

/**
 * Words that make a sentence speak of the past: auxiliaries, regular past forms (`-ed`) and
 * the common irregular verbs of news reporting (`said`, `met`, `told`).
 */
export const PAST_CUE_SOURCE =
  'was|were|had|did|ago|last|earlier|previously|yesterday|since|said|told|met|went|came|took|made|gave|held|began|' +
  'left|saw|got|won|lost|rose|fell|sent|brought|thought|found|kept|spent|struck|fled|paid|sold|bought|built|' +
  'became|ran|wrote|spoke|chose|broke|drove|flew|grew|knew|threw|stood|heard|felt|meant|led|quit|' +
  '(?!(?:hundred|indeed|need|speed|seed|feed|breed|proceed|succeed|exceed)\\b)[a-z]{2,}ed';
