// Families for dates counted from the document's date: `yesterday`, `last year`, `two weeks
// ago`, `this weekend`, `last fall`, `this quarter`, `June last year`, weekdays and holidays.
import { SAME_DAY, at, before, beginning, relativeCandidate, type Family, type Scan } from '../candidate';
import {
  ORDINALS,
  QUARTER_ORDINAL_SOURCE,
  SEASONS,
  SEASON_SOURCE,
  SMALL_NUMBERS,
  SMALL_NUMBER_SOURCE,
  UNITS,
  WEEKDAYS,
  WEEKDAY_SOURCE,
  MONTH_SOURCE,
} from '../lexicon';
import {
  HOLIDAY_SOURCE,
  HOLIDAY_TRIGGERS_AT,
  HOLIDAY_TRIGGERS_ONE_BACK,
  HOLIDAY_TRIGGERS_THREE_BACK,
  holidayIndex,
} from '../holidays';
import { RECURRENCE_BEFORE, RELATIVE_BEFORE, capAll, deadlineSide, directionOf } from '../patterns';
import { monthOf } from '../words';
import type { DateMod } from '../../types';

const SEASON_WORDS = ['spring', 'summer', 'autumn', 'fall', 'winter'];
const UNIT_WORDS = ['week', 'month', 'year', 'quarter', 'weekend'];

/** Before `last year`: a comparison with the same period a year before. */
const LAST_YEAR_COMPARED =
  /(?:\b(?:corresponding|comparable|same)\s+(?:period|quarter)\s+|\bcompared\s+with\b[^.;]*\s)$/i;

// `last fall`, `this summer`, `next spring`, `this past spring`.
const SEASON_RELATIVE = new RegExp(`\\b(last|this(?:\\s+past)?|next|coming)\\s+(${SEASON_SOURCE})\\b`, 'gi');
export const seasonRelative: Family = {
  pattern: SEASON_RELATIVE,
  trigger: beginning('LlTtNnCc', before(2, ...SEASON_WORDS)),
  handle: (m, s) => {
    const word = m[1].toLowerCase();
    const c = s.matched(m, 'season');
    c.season = SEASONS.get(m[2].toLowerCase())!;
    c.offset = word.startsWith('this') ? 0 : word === 'last' ? -1 : 1;
    s.push(c);
  },
};

// `this quarter`, `last quarter`, and (TimeML only) `the quarter`, `the latest quarter`.
const QUARTER_RELATIVE =
  /\b(this|last|next|the\s+(?:latest|current|previous)|the)\s+(?:fiscal\s+)?quarter\b/gi;
export const quarterRelative: Family = {
  pattern: QUARTER_RELATIVE,
  trigger: beginning('TtLlNn', before(3, 'quarter')),
  handle: (m, s) => {
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
};

// `yesterday`, `today`, `tomorrow`, `tonight`.
// ... and `the day before yesterday`, `the day after tomorrow`: one mention, two days away.
const DAY_WORD = /\b(?:(?:the\s+)?day\s+(before|after)\s+)?(yesterday|today|tomorrow|tonight)\b/gi;
export const dayWord: Family = {
  pattern: DAY_WORD,
  trigger: beginning('TtDdYy', before(3, 'yesterday', 'today', 'tomorrow', 'tonight')),
  handle: (m, s) => {
    const word = m[2].toLowerCase();
    let offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
    if (m[1]) {
      if ((m[1].toLowerCase() === 'before') !== offset < 0) return; // `the day after yesterday`
      offset *= 2;
    }
    const end = m.index + m[0].length;
    if (!m[1] && notADay(m[2], m.index, end, s)) return;
    // The span leaves a leading `the` out, as in `same year`.
    const start = m[1] ? m.index + m[0].search(/day/i) : m.index;
    s.push(relativeCandidate(s, start, end, 'day', offset));
  },
};

/**
 * Nouns for what belongs to an age rather than to a day: `today's world`, `tomorrow's
 * leaders`, `the generation of tomorrow`. General words, not a list of any text's phrases.
 */
const ERA_NOUNS =
  'world|society|societies|youth|young|generations?|children|kids|youngsters|leaders|people|citizens|' +
  'workforce|workers|jobs|economy|economies|technology|technologies|computers|machines|standards|' +
  'terms|dollars|times|age|era|culture|cities|city|schools|students|consumers|' +
  'military|armies|army|wars?|weapons|threats|challenges|problems|needs|realities|reality';
/** `today's world`, `tomorrow's cleaner cars`: one word may come between. */
const ERA_AFTER = new RegExp(`^['’]s\\s+(?:[a-z][\\w-]*\\s+)?(?:${ERA_NOUNS})\\b`);
/** `the people of tomorrow`, `the world of today` (not `the end of today`). */
const ERA_OF_BEFORE = new RegExp(`\\b(?:${ERA_NOUNS})\\s+of\\s+$`);
/** `USA Today`, `VOA Today`: a capitalised `Today` after an acronym is a name (a paper, a programme). */
const NAME_BEFORE = /\b[A-Z]{2,6}\s+$/;

/**
 * `today` and `tomorrow` that name an age, not a day (`today's world`, `the leaders of
 * tomorrow`), and `Today` in a name (`USA Today`).
 */
function notADay(word: string, start: number, end: number, s: Scan): boolean {
  const lower = word.toLowerCase();
  if (lower === 'yesterday' || lower === 'tonight') return false;
  if (ERA_AFTER.test(s.after(end, 40))) return true;
  const prior = s.before(start, 30);
  if (ERA_OF_BEFORE.test(prior)) return true;
  return word.charCodeAt(0) === 84 /* T */ && NAME_BEFORE.test(prior);
}

// `last year`, `this month`, `next week`, `earlier this year`, `early next year`, `this weekend`.
const UNIT_RELATIVE = new RegExp(
  `\\b(?:(${capAll(['earlier', 'later', 'early', 'late'])})\\s+)?(?<!\\b[Tt]he\\s)` +
    `(${capAll(['last', 'this', 'next', 'coming'])})\\s+(?:fiscal\\s+)?(week|month|year|quarter|weekend)\\b`,
  'g',
);
export const unitRelative: Family = {
  pattern: UNIT_RELATIVE,
  trigger: beginning('EeLlTtNnCc', before(2, ...UNIT_WORDS)),
  handle: (m, s) => {
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
};

// `two weeks ago`, `a year earlier`, `10 days ago`.
const AGO = new RegExp(
  `\\b(${SMALL_NUMBER_SOURCE}|several|a\\s+few)\\s+(day|week|month|year|decade)s?(?:\\s+or\\s+so)?\\s+(ago|earlier|from\\s+now)\\b`,
  'gi',
);
export const ago: Family = {
  pattern: AGO,
  trigger: before(4, 'ago', 'earlier', 'now'),
  handle: (m, s) => {
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
    // `started about a month earlier`: a rough distance from another event, a duration.
    if (m[3].toLowerCase() === 'earlier' && HEDGE_BEFORE.test(s.before(m.index, 20))) return;
    const unit = UNITS.get(m[2].toLowerCase())!;
    const sign = m[3].toLowerCase() === 'from now' ? 1 : -1;
    const c = relativeCandidate(s, m.index, m.index + m[0].length, unit, sign * n);
    c.comparative = unit === 'year' && n === 1;
    s.push(c);
  },
};

/** Words that make a distance approximate: `about a month earlier`. */
const HEDGE_BEFORE =
  /\b(?:about|around|some|nearly|almost|roughly|approximately|more\s+than|less\s+than|over|under|at\s+least|up\s+to)\s+$/i;

// `earlier in the day`, `later in the day`: the day of the report, or the day its sentence
// has named (`her first stop Tuesday morning, then Nairobi later in the day`).
const IN_THE_DAY = /\b([Ee]arlier|[Ll]ater)\s+in\s+the\s+day\b/g;
export const inTheDay: Family = {
  pattern: IN_THE_DAY,
  trigger: beginning('EeLl', before(3, 'day')),
  handle: (m, s) => {
    const c = relativeCandidate(s, m.index, m.index + m[0].length, 'day', 0);
    c.literal = SAME_DAY;
    s.push(c);
  },
};

// `this century`, `last century`: counted from the document's year.
const CENTURY_RELATIVE = /\b([Tt]his|[Ll]ast|[Nn]ext)\s+century\b/g;
export const centuryRelative: Family = {
  pattern: CENTURY_RELATIVE,
  trigger: beginning('TtLlNn', before(1, 'century')),
  handle: (m, s) => {
    const which = m[1].toLowerCase();
    const c = s.matched(m, 'century');
    c.offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    s.push(c);
  },
};

// `the year-ago quarter`, `year-earlier`, `the year-ago third quarter`.
const YEAR_AGO = new RegExp(
  `\\b([Yy]ear-(?:ago|earlier))(?:\\s+(${QUARTER_ORDINAL_SOURCE})\\s+quarter|\\s+(?:quarter|period|level|results?))?\\b`,
  'g',
);
export const yearAgo: Family = {
  pattern: YEAR_AGO,
  trigger: at('year'),
  handle: (m, s) => {
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
};

// `June last year`, `January this year`.
const MONTH_RELATIVE_YEAR = new RegExp(`\\b(${MONTH_SOURCE})\\s+(last|this|next)\\s+year\\b`, 'g');
export const monthRelativeYear: Family = {
  pattern: MONTH_RELATIVE_YEAR,
  trigger: at('#month'),
  handle: (m, s) => {
    const which = m[2];
    const c = s.matched(m, 'month');
    c.month = monthOf(m[1]);
    c.offset = which === 'last' ? -1 : which === 'this' ? 0 : 1;
    s.push(c);
  },
};

// `the end of the year`, `the beginning of this month`.
const PART_OF_CURRENT = /\b(end|beginning|start|middle)\s+of\s+(?:(?:the|this)\s+)?(year|month|week)\b/gi;
export const partOfCurrent: Family = {
  pattern: PART_OF_CURRENT,
  trigger: at('end', 'beginning', 'start', 'middle'),
  handle: (m, s) => {
    const word = m[1].toLowerCase();
    const c = relativeCandidate(s, m.index, m.index + m[0].length, UNITS.get(m[2].toLowerCase())!, 0);
    c.mod = word === 'end' ? 'END' : word === 'middle' ? 'MID' : 'START';
    s.push(c);
  },
};

// `the current year`, `the current fiscal year`.
const CURRENT_YEAR = /\bthe\s+(current(?:\s+fiscal)?\s+year)\b/gi;
export const currentYear: Family = {
  pattern: CURRENT_YEAR,
  trigger: beginning('Tt', before(1, 'current')),
  handle: (m, s) => {
    const start = m.index + m[0].length - m[1].length;
    s.push(relativeCandidate(s, start, m.index + m[0].length, 'year', 0));
  },
};

// `the weekend`.
const THE_WEEKEND =
  /\b(?:[Oo]ver|[Dd]uring|[Aa]t|[Oo]n|[Oo]f|[Bb]efore|[Aa]fter|[Tt]hrough)\s+the\s+(weekend)\b/g;
export const theWeekend: Family = {
  pattern: THE_WEEKEND,
  trigger: beginning('OoDdAaBbTt', before(2, 'weekend')),
  handle: (m, s) => {
    // `ahead of the weekend`, `before the weekend`: the coming one.
    const coming = /^[Bb]efore/.test(m[0]) || (/^of/.test(m[0]) && /\bahead\s+$/i.test(s.before(m.index, 8)));
    const c = relativeCandidate(s, m.index + m[0].lastIndexOf('the'), m.index + m[0].length, 'week', 0);
    c.literal = 'WE';
    c.direction = coming ? 1 : 0;
    s.push(c);
  },
};

// Holidays (holidays.ts), with a year or counted from the document date: `Easter 1998`,
// `last Thanksgiving`, `Labor Day`.
const HOLIDAY = new RegExp(`\\b(${HOLIDAY_SOURCE})(?!\\w)(?:,?\\s+(1\\d{3}|20\\d{2})(?!\\d))?`, 'g');
export const holiday: Family = {
  pattern: HOLIDAY,
  trigger: { words: HOLIDAY_TRIGGERS_AT, back: 0 },
  handle: (m, s) => holidayCandidate(m, s),
};
/** The same holidays, found from a later word of their name (see HOLIDAY_TRIGGERS_AT). */
export const holidayFromSecondWord: Family = {
  pattern: HOLIDAY,
  trigger: { words: HOLIDAY_TRIGGERS_ONE_BACK, back: 1 },
  handle: (m, s) => holidayCandidate(m, s),
};
export const holidayFromDay: Family = {
  pattern: HOLIDAY,
  trigger: { words: HOLIDAY_TRIGGERS_THREE_BACK, back: 3 },
  handle: (m, s) => holidayCandidate(m, s),
};

function holidayCandidate(m: RegExpExecArray, s: Scan): void {
  const index = holidayIndex(m[1]);
  if (index < 0) return;
  const year = m[2] ? +m[2] : undefined;
  const rel = RELATIVE_BEFORE.exec(s.before(m.index));
  if (rel && !year) {
    const which = rel[1].toLowerCase();
    const c = s.led(rel, m, 'holiday');
    c.holiday = index;
    c.direction = directionOf(which);
    s.push(c);
    return;
  }
  const c = s.matched(m, 'holiday');
  c.holiday = index;
  c.year = year;
  s.push(c);
}

// `on Monday`, `last Friday`, `Thursday morning`.
const WEEKDAY = new RegExp(`\\b(${WEEKDAY_SOURCE})\\b`, 'g');
export const weekday: Family = {
  pattern: WEEKDAY,
  trigger: at('#weekday'),
  handle: (m, s) => {
    const weekday = WEEKDAYS.get(m[1].toLowerCase())!;
    const prior = s.before(m.index);
    if (RECURRENCE_BEFORE.test(prior)) return; // `each Thursday`: a recurrence, not a day
    const rel = RELATIVE_BEFORE.exec(prior);
    let start = m.index;
    let direction: -1 | 0 | 1 = 0;
    let storyOffset: number | undefined;
    if (rel) {
      const word = rel[1].toLowerCase();
      if (directionOf(word) === -1) direction = -1;
      // `the previous Friday`: the one before the day the story has reached (anchoring).
      if (word === 'previous' || word === 'preceding') storyOffset = -1;
      else if (word === 'next' || word === 'coming') direction = 1;
      start -= rel[0].length;
    } else if (
      /^\s*[A-Z]/.test(s.after(m.index + m[0].length, 3)) &&
      !/\b(?:on|by|until|since|from|last|his|her|their|its|our|my|,)\s*$/i.test(prior)
    ) {
      // `Friday Prayers`, `The Sunday Times`: a capitalised word after a weekday makes it
      // part of a name; `his Sunday Mass` is still a day.
      return;
    }
    const c = s.candidate(start, m.index + m[0].length, 'weekday');
    c.weekday = weekday;
    c.direction = direction;
    c.offset = storyOffset;
    if (direction === 0) {
      // `Wednesday's ruling` names what has happened; `until Tuesday`, `postponed to
      // Tuesday` a day still to come.
      if (/^['’]s\b/.test(s.after(m.index + m[0].length, 3))) c.side = 'past';
      else {
        c.side = deadlineSide(s.before(m.index, 80));
      }
    }
    s.push(c);
  },
};
