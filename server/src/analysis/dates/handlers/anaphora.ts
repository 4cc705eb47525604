// Families for dates that take their value from what the text said before or makes
// definite: `that year`, `the following month`, `September of the same year`, `for the
// quarter`, `over the summer`, `by year-end`; and TimeML's references (`now`), on request.
import { at, before, beginning, type Family, type Scan } from '../candidate';
import { MONTH_SOURCE, SEASONS, UNITS, type Unit } from '../lexicon';
import { capAll } from '../patterns';
import { monthOf } from '../words';

/** A preposition that makes `the quarter`, `the year`, `the summer` a time: `for the quarter`. */
const PERIOD_PREPOSITION = /\b(?:in|for|during|over|of|into|since|by|until|from|ahead\s+of)\s+$/i;
/**
 * What after `the year`, `the quarter` makes it a span of time or something else: `the year
 * ended June 30`, `the year of the flood`; but an amount after `of` is what the period saw
 * (`a high for the year of $42`).
 */
const NOT_A_DEFINITE_PERIOD =
  /^(?:\s+(?:ended|ending|to\s+(?:date|the\s+end|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)|before|after|earlier|ago|since|that|when|in\s+which|of\b(?!\s+(?:[$£€¥]|(?:US|C|A)\$))|and\s+a\s+half|\d|two\s+thousand|nineteen)|-)/i;
// `by year-end`, `since year end`, `at year's end`.

// `September of the same year`.
const MONTH_OF_BACK = new RegExp(
  `\\b(${MONTH_SOURCE})\\s+of\\s+(?:the\\s+)?(same|that|following|next|previous|preceding)\\s+year\\b`,
  'g',
);
export const monthOfBack: Family = {
  pattern: MONTH_OF_BACK,
  trigger: at('#month'),
  handle: (m, s) => {
    const which = m[2].toLowerCase();
    const c = s.matched(m, 'back');
    c.unit = 'year';
    c.offset = which === 'following' || which === 'next' ? 1 : which === 'same' || which === 'that' ? 0 : -1;
    c.month = monthOf(m[1]);
    s.push(c);
  },
};

// `that year`, `the same year`, `in same year`, `the following year`, `the previous day`.
const BACK_REFERENCE = new RegExp(
  `\\b(${capAll(['same', 'that', 'following', 'next', 'previous', 'preceding', 'prior'])})\\s+(year|month|week|day|quarter|morning|afternoon|evening|night)\\b`,
  'g',
);
export const backReference: Family = {
  pattern: BACK_REFERENCE,
  trigger: beginning(
    'SsTtFfNnPp',
    before(1, 'year', 'month', 'week', 'day', 'quarter', 'morning', 'afternoon', 'evening', 'night'),
  ),
  handle: (m, s) => {
    const which = m[1].toLowerCase();
    const hasThe = /\bthe\s+$/i.test(s.before(m.index, 8));
    // `next year` without `the` is relative to the document date (UNIT_RELATIVE);
    // `the next year` counts from the year the story has reached.
    if (which !== 'same' && which !== 'that' && !hasThe) return;
    // `the previous quarter` is counted from the document date (QUARTER_RELATIVE); `that
    // quarter`, `the same quarter` is the one the text named.
    if (m[2] === 'quarter' && which !== 'same' && which !== 'that') return;
    const c = s.matched(m, 'back');
    // `the next morning`, `that night`: a part of the day the story has reached.
    c.unit = UNITS.get(m[2].toLowerCase()) ?? 'day';
    c.offset = which === 'same' || which === 'that' ? 0 : which === 'following' || which === 'next' ? 1 : -1;
    s.push(c);
  },
};

// `for the quarter`, `in the latest period`, `for the full year`, `over the summer`, `the past year`:
// a period the text makes definite. The handler decides from the words around it.
const DEFINITE_PERIOD =
  /\b[Tt]he\s+(?:(latest|most\s+recent|past|last|full|fiscal|latest\s+fiscal|calendar|whole|entire|early|late)\s+)?(quarter|period|year|summer|winter|spring|fall|autumn|decade|month|week)\b(?!-\w)/g;
export const definitePeriod: Family = {
  pattern: DEFINITE_PERIOD,
  trigger: beginning(
    'Tt',
    before(
      3,
      'quarter',
      'period',
      'year',
      'summer',
      'winter',
      'spring',
      'fall',
      'autumn',
      'decade',
      'month',
      'week',
    ),
  ),
  handle: (m, s) => {
    const word = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    const unitWord = m[2].toLowerCase();
    const end = m.index + m[0].length;
    if (unitWord === 'quarter' && !word && quarterEnded(m, s, end)) return;
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
    } else if (unitWord === 'week' && !word && (preposition || /^['’]s\b/.test(s.after(end, 3)))) {
      // `For the week, the index dropped 3.8%`, `the week's most active session`: in a
      // report, the week of its date.
      unit = 'week';
    } else if (past) {
      // `the past decade`, `the last month`; `in the last week` is the seven days before the
      // document date (`direction` -1 says so: see anchoring).
      unit = UNITS.get(unitWord)!;
      offset = -1;
      if (unit === 'week') direction = -1;
    } else return;
    const c = s.candidate(start, end, 'definite');
    c.unit = unit;
    c.offset = offset;
    c.direction = direction;
    s.push(c);
  },
};

// `by year-end`, `since year end`, `at year's end`.
const YEAR_END =
  /\b(?:[Bb]y|[Aa]t|[Aa]round|[Ss]ince|[Bb]efore|[Uu]ntil|[Tt]ill|[Tt]hrough|[Aa]fter|[Nn]ear|[Tt]owards?)\s+(year[-\s]end|year[’']s\s+end)\b/g;
export const yearEnd: Family = {
  pattern: YEAR_END,
  trigger: beginning('BbAaSsUuTtNn', before(1, 'year')),
  handle: (m, s) => {
    // `since year-end` looks back to the end of last year.
    const since = /^[Ss]ince/.test(m[0]);
    const c = s.candidate(m.index + m[0].length - m[1].length, m.index + m[0].length, 'definite');
    c.unit = 'year';
    c.offset = since ? -1 : 0;
    c.mod = 'END';
    s.push(c);
  },
};

// TimeML-only references (option `timeml`).
const TIMEML_REF =
  /\b(right\s+now|now|currently|current|nowadays|these\s+days|recently|recent|the\s+past|previously|formerly|the\s+(?:near\s+)?future|future|soon)\b/gi;
export const timemlRef: Family = {
  pattern: TIMEML_REF,
  trigger: before(
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
  handle: (m, s) => {
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
};

/** `ended Sept. 30`, `ending July 31, 1989` after `the quarter`. */
const QUARTER_ENDED = new RegExp(
  `^\\s+(?:ended|ending)\\s+(${MONTH_SOURCE})\\s+(\\d{1,2})\\b(?:,?\\s+(1\\d{3}|20\\d{2})\\b)?`,
);

/**
 * `the quarter ended Sept. 30`: a quarter named by its last day, which is the calendar
 * quarter holding most of the three months that end then (a fiscal quarter ended July 31
 * is mostly the second). Pushes the candidate and says so.
 */
function quarterEnded(m: RegExpExecArray, s: Scan, end: number): boolean {
  const ended = QUARTER_ENDED.exec(s.after(end, 40));
  if (!ended) return false;
  const day = +ended[2];
  if (day < 1 || day > 31) return false;
  // the month in the middle of the three, counted from January of the end's year
  const middle = monthOf(ended[1]) - (day >= 15 ? 1 : 2);
  const c = s.candidate(m.index + m[0].indexOf(m[2], 3), end, 'quarter');
  c.quarter = Math.floor(((((middle - 1) % 12) + 12) % 12) / 3) + 1;
  if (ended[3]) c.year = +ended[3] + (middle < 1 ? -1 : 0);
  s.push(c);
  return true;
}
