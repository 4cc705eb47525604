// Families for periods and years stated in the text: months, year ranges, seasons, quarters,
// halves, decades, centuries, years in words, and bare months and years read from context.
import { at, before, beginning, withMod, dateCandidate, type Family } from '../candidate';
import {
  COUNT_NOUNS,
  MONTH_SOURCE,
  ORDINALS,
  QUARTER_ORDINAL_SOURCE,
  SEASONS,
  SEASON_SOURCE,
  TENS_WORDS,
  TEENS_WORDS,
  UNITS_WORDS,
} from '../lexicon';
import { MONTH_NAMES } from '../calendar';
import { RECURRENCE_BEFORE, RELATIVE_BEFORE, YEAR, deadlineSide, directionOf } from '../patterns';
import { dayTokenEnd, monthOf } from '../words';

const SEASON_WORDS = ['spring', 'summer', 'autumn', 'fall', 'winter'];

const YEAR_CONTEXT_BEFORE =
  /(?:\b(?:in|since|by|until|till|to|from|through|thru|of|during|before|after|between|and|or|early|mid|late|around|circa|year|years|fiscal|as\s+of|for|at|on|than|the|this|that|its|his|her|their|our|end|beginning|start|middle|summer|winter|spring|autumn|fall|pre|post|mid-?)|'s|’s|[(\[])[\s-]*$/i;
/** A capitalised word before a number makes a name (`Resolution 1997`); `A 1996 law` does not. */
const CAPITALISED_WORD_BEFORE =
  /\b(?!(?:A|An|The|In|On|At|By|Of|For|From|Since|Until|Its|His|Her|Their|Our|This|That|These|Those|Last|Next|Every)\s)[A-Z][\w’'.-]*\s+$/;
const WORDS_AFTER = /^\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?/;
// Words after which a number is a count, a measure or a label, never a year.
const MEASURE_BEFORE =
  /(?:\b(?:no|nos|number|numbers|page|pages|pp|p|room|flight|route|tel|phone|fax|code|model|version|item|article|section|paragraph|chapter|box|suite|unit|some|nearly|almost|approximately|roughly|exactly|total|totalling|totaling)\.?\s+|[#№§]\s*)$/i;
// `May` is a verb too: as a bare month it needs a preposition that only dates take.
const MAY_BEFORE =
  /\b(?:in|of|since|until|till|by|during|from|to|through|before|after|early|mid|late|last|next|this|end|beginning|start|middle)[\s-]*$/i;
const TEMPORAL_BEFORE_MONTH =
  /\b(?:in|of|since|until|till|by|during|from|to|through|before|after|early|mid|late|last|next|this|between|and|or|the|on|around|for|end|beginning|start|middle|a|an|its|his|her|their|our|that|until|into)[\s-]*$/i;

/** A determiner or an opening quote before `March` the noun (not `in March`)... */
const MARCH_NOUN_BEFORE = /(?:\b(?:the|a|an|annual|its|their|his|her|our|this\s+year['’]s)\s+|[“"`'(]\s*)$/i;
/** ... and the name it heads after it: `March for Life`, `March on Washington`, `March of the Mothers`. */
const MARCH_NOUN_AFTER = /^\s+(?:for|against|on|to|of\s+the)\s+[A-Z]/;

/** `next year's` before `first quarter`. */
const YEARS_QUARTER_BEFORE = /\b(this|last|next)\s+year['’]s\s+$/i;

// `July-August 1997`.
const MONTH_RANGE = new RegExp(`\\b(${MONTH_SOURCE})\\s*[-–/]\\s*(${MONTH_SOURCE})(?:,?\\s+${YEAR})?`, 'g');
export const monthRange: Family = {
  pattern: MONTH_RANGE,
  trigger: at('#month'),
  handle: (m, s) => {
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
};

// `2002-2003`, `1998-99`.
const YEAR_RANGE = /(?<![\w$€£#.,/-])(1\d{3}|20\d{2})\s*[-–/]\s*(\d{4}|\d{2})(?![\w%-]|[.,/]\d)/g;
export const yearRange: Family = {
  pattern: YEAR_RANGE,
  trigger: at('#d4'),
  handle: (m, s) => {
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
};

// `March 1992`, `March of 1992`, `June, 1995`.
const MONTH_YEAR = new RegExp(`\\b(${MONTH_SOURCE})(?:\\s+of|,)?\\s+${YEAR}`, 'g');
export const monthYear: Family = {
  pattern: MONTH_YEAR,
  trigger: at('#month'),
  handle: (m, s) => {
    const c = s.matched(m, 'month');
    c.year = +m[2];
    c.month = monthOf(m[1]);
    s.push(withMod(s, c));
  },
};

// `the spring of 1998`, `spring 1998`.
const SEASON_YEAR = new RegExp(`\\b(${SEASON_SOURCE})(?:\\s+of)?,?\\s+${YEAR}`, 'gi');
export const seasonYear: Family = {
  pattern: SEASON_YEAR,
  trigger: at(...SEASON_WORDS),
  handle: (m, s) => {
    const c = s.matched(m, 'season');
    c.year = +m[2];
    c.season = SEASONS.get(m[1].toLowerCase())!;
    s.push(withMod(s, c));
  },
};

// `the third quarter`, `third-quarter`, `1998 first quarter`, `fourth quarter of 1997`, `fiscal second-quarter`.
const QUARTER = new RegExp(
  `\\b(?:(1\\d{3}|20\\d{2})\\s+)?(?:(fiscal)[-\\s]+)?(${QUARTER_ORDINAL_SOURCE})[-\\s]quarter\\b` +
    `(?:\\s+of\\s+(?:fiscal\\s+)?${YEAR})?`,
  'gi',
);
export const quarter: Family = {
  pattern: QUARTER,
  trigger: before(3, 'quarter'),
  handle: (m, s) => {
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
};

// `the first half of 1998`.
// `the first half of 1998`, `the last half of 1989`, `the first two quarters of 1990`.
const HALF = new RegExp(
  `\\b(first|second|last|latter)\\s+(?:half|two\\s+quarters)\\s+of\\s+(?:the\\s+)?(?:fiscal\\s+)?${YEAR}`,
  'gi',
);
export const half: Family = {
  pattern: HALF,
  trigger: beginning('FfSsLl', before(2, 'half', 'quarters')),
  handle: (m, s) => {
    const c = s.matched(m, 'half');
    c.year = +m[2];
    c.half = m[1].toLowerCase() === 'first' ? 1 : 2;
    s.push(c);
  },
};

// `the 1990s`, `the '90s`.
const DECADE = /(?<![\w'$€£])(?:(1\d|20)(\d)0|'(\d)0)(?:s|'s)\b/g;
export const decade: Family = {
  pattern: DECADE,
  trigger: at('#d4', "'"),
  handle: (m, s) => {
    const c = s.matched(m, 'decade');
    c.year = m[1] ? +(m[1] + m[2] + '0') : 1900 + +m[3] * 10;
    s.push(withMod(s, c));
  },
};

// `the 20th century`.
const CENTURY = /\b(\d{1,2})(?:st|nd|rd|th)\s+[Cc]entury\b/g;
export const century: Family = {
  pattern: CENTURY,
  trigger: beginning('0123456789', before(1, 'century')),
  handle: (m, s) => {
    const n = +m[1];
    if (n < 1 || n > 21) return;
    const c = s.matched(m, 'century');
    c.year = (n - 1) * 100;
    s.push(withMod(s, c));
  },
};

// `the nineties`.
const DECADE_WORDS =
  /\bthe\s+((?:early|mid|late)[-\s]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi;
export const decadeWords: Family = {
  pattern: DECADE_WORDS,
  trigger: beginning(
    'Tt',
    before(2, 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'),
  ),
  handle: (m, s) => {
    const tens = [...TENS_WORDS.values()][
      ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(
        m[2].toLowerCase(),
      )
    ];
    const lead = m[1]?.toLowerCase() ?? '';
    const c = s.candidate(m.index + 4, m.index + m[0].length, 'decade');
    c.year = 1900 + tens;
    c.mod = lead.startsWith('early') ? 'START' : lead.startsWith('mid') ? 'MID' : lead ? 'END' : undefined;
    s.push(c);
  },
};

// `the year two thousand` (spoken news).
const YEAR_TWO_THOUSAND = /\b[Tt]he\s+year\s+(two\s+thousand)\b/g;
export const yearTwoThousand: Family = {
  pattern: YEAR_TWO_THOUSAND,
  trigger: beginning('Tt', before(2, 'year')),
  handle: (m, s) => {
    const c = s.candidate(m.index + m[0].length - m[1].length, m.index + m[0].length, 'year');
    c.year = 2000;
    s.push(c);
  },
};

// `in January`: the context check lives in the handler.
const BARE_MONTH = new RegExp(`\\b(${MONTH_SOURCE})`, 'g');
export const bareMonth: Family = {
  pattern: BARE_MONTH,
  trigger: at('#month'),
  handle: (m, s) => {
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
    if (RECURRENCE_BEFORE.test(prior)) return; // `each July`: a recurrence, not a calendar month
    if (word === 'March' && MARCH_NOUN_BEFORE.test(prior) && MARCH_NOUN_AFTER.test(s.after(m.index + 5, 20)))
      return; // `the annual March for Life`, `the “March of the Mothers”`: a march
    if (/^[-–]\w/.test(s.after(m.index + word.length, 2))) return; // `May-Day`, ranges handled elsewhere
    const rel = RELATIVE_BEFORE.exec(prior);
    if (rel) {
      const which = rel[1].toLowerCase();
      const direction = directionOf(which);
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
    c.side = deadlineSide(s.before(m.index, 80));
    s.push(withMod(s, c));
  },
};

// `nineteen ninety-six`.
const YEAR_WORDS = new RegExp(
  `\\b(nineteen|twenty)[-\\s]+(?:(${[...TEENS_WORDS.keys()].join('|')})|(${[...TENS_WORDS.keys()].join('|')})` +
    `(?:[-\\s](${[...UNITS_WORDS.keys()].join('|')}))?)\\b`,
  'gi',
);
export const yearWords: Family = {
  pattern: YEAR_WORDS,
  trigger: beginning('NnTt', before(1, 'nineteen', 'twenty')),
  handle: (m, s) => {
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
};

// A bare four-digit year; whether it is a time reference is decided from its context.
const BARE_YEAR = /(?<![\w$€£#.,/:@]|\d[-–])(1\d{3}|20\d{2})(?![\w%]|[-–]\d|[.,/:]\d)/g;
export const bareYear: Family = {
  pattern: BARE_YEAR,
  trigger: at('#d4'),
  handle: (m, s) => {
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
};
