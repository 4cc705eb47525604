// Stages 1 and 2 of the recogniser: find the candidates, then choose among overlapping ones.
//
// Every family's match starts with a digit, a month, a weekday, an apostrophe (`'90s`) or
// one of a few words. One case-insensitive scan finds those; each family is then tried only
// where it can start, as a sticky regex. So the text is scanned once, not once per family.
import { Scan, type Candidate, type Family } from './candidate';
import { FAMILIES, FAMILIES_TIMEML } from './grammar';
import { MONTHS, WEEKDAYS } from './lexicon';
import { wordStartBefore } from './words';
import type { DocumentDate } from '../types';

/** The sticky twin of each family's pattern (in `FAMILIES_TIMEML` order, which extends `FAMILIES`). */
const STICKY_FAMILIES = FAMILIES_TIMEML.map(
  ({ pattern }) => new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y'),
);

/**
 * The words as one alternation with shared prefixes factored out (`j(?:an(?:uary)?|u(?:ly|ne))`):
 * the same set of words, but the regex engine tries each letter once at a word start instead
 * of every word in turn (a flat list of a hundred words measured a fifth of the recogniser).
 */
export function trieSource(words: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: Node): string => {
    const branches = [...node.next].map(([ch, child]) => ch.replace(/[^a-z0-9]/gi, '\\$&') + source(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    if (!node.end) return body;
    return branches.length === 1 && branches[0].length === 1 ? `${body}?` : `(?:${body})?`;
  };
  return source(root);
}

/** The words a family can be found from, with the month and weekday names. */
function triggerWords(families: readonly Family[]): string[] {
  return [
    ...new Set([
      ...MONTHS.keys(),
      ...[...WEEKDAYS.keys()].filter((w) => w.endsWith('day')),
      ...families.flatMap((f) => f.trigger.words).filter((w) => /^[a-z]+$/.test(w)),
    ]),
  ];
}

/**
 * The start of a run of four digits, or of one or two followed by what a day or month takes
 * (see digitKey, which decides: this only spares it the runs that can be nothing), an
 * apostrophe before a decade (`'90s`), or a whole trigger word. The TimeML references'
 * words (`now`, `recent`) are only looked for when asked for.
 * (A hand-written character scan measured slower than one regex.)
 */
function triggerPattern(families: readonly Family[]): RegExp {
  return new RegExp(
    `(?<!\\d)(?:\\d\\d?(?=[\\s./\\-stnr\\u0080-\\uffff])|\\d{4}(?!\\d))|'(?=\\d0s)|\\b${trieSource(triggerWords(families))}\\b`,
    'gi',
  );
}

const TRIGGER = triggerPattern(FAMILIES);
const TRIGGER_TIMEML = triggerPattern(FAMILIES_TIMEML);

/**
 * Digit runs by length: days and months have one or two digits, years four; others start
 * nothing. A day or month is told by what follows it, since every family that starts with
 * one needs a particular character there (see Trigger): most small numbers in news (`5%`,
 * `3,`, `10 people`) are then tried against one family or none instead of four.
 */
function digitKey(text: string, i: number): string {
  let j = i + 1;
  while (j < text.length && j - i < 5 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  const n = j - i;
  if (n === 4) return '#d4';
  if (n > 2 || j >= text.length) return '#d';
  const next = text.charCodeAt(j);
  if (next === 45) return '#d12-';
  if (next === 47) return '#d12/';
  if (next === 46) return '#d12.';
  // a space, an ordinal suffix (`4th`), or any other character outside ASCII (a Unicode
  // space, an en dash): what a day before its month takes
  if (next === 32 || (next >= 9 && next <= 13) || next > 127) return '#d12 ';
  if (next === 115 || next === 110 || next === 114 || next === 116) return '#d12 '; // s n r t
  return '#d';
}

function triggerKey(word: string): string {
  const lower = word.toLowerCase();
  if (MONTHS.has(lower)) return '#month';
  if (WEEKDAYS.has(lower)) return '#weekday';
  return lower;
}

type Dispatch = Map<string, { index: number; back: number }[]>;

/** For each trigger key, the families (indexes in `families`) that can start at or before it. */
function dispatchTable(families: readonly Family[]): Dispatch {
  const table: Dispatch = new Map();
  families.forEach(({ trigger }, index) => {
    for (const key of trigger.words) {
      const list = table.get(key) ?? [];
      list.push({ index, back: trigger.back });
      table.set(key, list);
    }
  });
  return table;
}

/** For each family, which ASCII characters its match can begin with (Trigger.first), or null. */
const FIRST_CHARS = FAMILIES_TIMEML.map(({ trigger }) => {
  if (trigger.first === undefined) return null;
  const table = new Uint8Array(128);
  for (const ch of trigger.first) table[ch.charCodeAt(0)] = 1;
  return table;
});

const DISPATCH = dispatchTable(FAMILIES);
const DISPATCH_TIMEML = dispatchTable(FAMILIES_TIMEML);

/** The candidates of a text, without overlaps, in text order. */
export function findCandidates(text: string, documentDate: DocumentDate, timeml: boolean): Candidate[] {
  const families = timeml ? FAMILIES_TIMEML : FAMILIES;
  const s = new Scan(text, documentDate, timeml);

  // 1. candidates: one scan finds the words a date expression can start with; at each, only
  // the families that can start there are tried, anchored (sticky) at that position.
  const dispatch = timeml ? DISPATCH_TIMEML : DISPATCH;
  const trigger = timeml ? TRIGGER_TIMEML : TRIGGER;
  trigger.lastIndex = 0;
  for (let t = trigger.exec(text); t; t = trigger.exec(text)) {
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
        const first = FIRST_CHARS[index];
        if (first !== null) {
          const c = text.charCodeAt(from);
          if (c < 128 && first[c] === 0) continue;
        }
        re.lastIndex = from;
        const m = re.exec(text);
        if (!m) continue;
        s.rank = index;
        families[index].handle(m, s);
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
  return chosen;
}
