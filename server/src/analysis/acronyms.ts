// Acronyms and initialisms in one document: `NATO`, `PfP`, `PARP`, `MPs`, `COP29`, `U.S.`, and the
// long forms defined next to them (`Planning and Review Process (PARP)`).
//
// A short form is recognised by its shape alone (capitals, a few inner lower-case letters, digits),
// then thrown out where the capitals are typography rather than an initialism: a heading or a line
// in capitals, a run of shouted words (`THE MINISTRY SAID`), a wire-service dateline (`HAVANA (AP)
// --`), ordinary words (`IT`, `NO`) that the text does not itself define, Roman numerals. Long forms
// used elsewhere in the corpus are the corpus index's business (`longForms.ts`).
import { isUpperAt, isUpperCode, isWordBefore, wordEnd } from './characters';
import { findDefinitions, shortFormKey } from './acronymDefinitions';
import type { AcronymDefinition, AcronymMention, Span } from './types';

/** 'PfP' -> 'pfp', 'MPs' -> 'mp', 'NATO' -> 'nato': the entity key of a short form. */
export function acronymKey(short: string): string {
  return shortFormKey(short);
}

// Tokens are runs of letters and digits, `&` joining capitals (`AT&T`). Hyphens and apostrophes
// split tokens, so `NATO-led` gives `NATO` and `NATO's` / `NATO’s` / ``NATO`s`` give `NATO`.
const CAPITAL = /\p{Lu}/gu;
// Dotted initialisms: `U.S.`, `U.N.`, `D.C.` (single letters and a full stop, twice or more).
const DOTTED = /(?:\p{Lu}\.){2,}/uy;
const NAME_AFTER = /[ \t]+\p{Lu}\p{Ll}/uy;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
const LOWER_G = /\p{Ll}/gu;
const LINE_WORD = /[\p{L}\p{N}]{2,}/gu;
// Mixed case: lower-case letters only singly, each before a capital, and a capital last (`PfP`,
// `BiH`, `MoD`), so that `McCaw`, `BellSouth` and `LaMothe` are names, not initialisms.
const MIXED = /^\p{Lu}(?:[\p{Lu}\p{N}&]|\p{Ll}(?=\p{Lu}))*\p{Lu}$/u;
// Roman numerals written with I, V, X, L (`II`, `XIV`, `World War II`). C, D and M are left out:
// `MCI`, `CD` and `DC` are initialisms far more often than numbers in news.
const ROMAN = /^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
// A wire dateline after the first word of a line: `HAVANA (AP) --`, `NAIROBI, Kenya (AP) _`,
// `THE HAGUE, Netherlands (AP)_`, `BAKU, April 29, 2022 -`, `MIAMI _`. Group 1: further capitalised
// words. A bare single hyphen is not enough: `NATO - Azerbaijan relations` is a title.
const DATELINE =
  /((?:[ \t]+\p{Lu}[\p{Lu}.'’]+)*)(?:,[ \t]*(?:\p{Lu}[\p{L}.]*[ \t]*){1,3}(?:\d{1,2}(?:,[ \t]*\d{4})?[ \t]*)?(?:\((?:\p{L}+[ \t]?){1,2}\)[ \t]*)?|[ \t]*\((?:\p{L}+[ \t]?){1,2}\)[ \t]*|[ \t]+(?=--|_))(?:-{1,2}|[_–—:])/uy;

// All-capital words longer than this are words in capitals (`CORPORATES`, `BLOCKBUSTER`), not
// initialisms: real acronyms this long are rare (UNPROFOR is 8).
const MAX_LETTERS = 8;
// In a run of capitalised words, one this long (or a common word) marks the run as shouting.
const SHOUTED_WORD_LENGTH = 5;

// Ordinary English words that appear in capitals for emphasis or in headings. An acronym that
// happens to be one of them (`IT`, `DEEP`) counts only where the text defines it.
const COMMON_WORDS = new Set([
  'THE', 'AN', 'AND', 'OR', 'BUT', 'NOT', 'NO', 'YES', 'OK', 'OF', 'IN', 'ON', 'AT', 'TO', 'FOR', 'BY',
  'WITH', 'FROM', 'AS', 'IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'IT', 'ITS', 'THIS', 'THAT', 'THESE',
  'THOSE', 'ALL', 'ANY', 'NEW', 'NOW', 'ONLY', 'VERY', 'MUST', 'WILL', 'SHALL', 'CAN', 'MAY', 'HAS', 'HAVE',
  'HAD', 'DO', 'DOES', 'DID', 'WE', 'HE', 'SHE', 'THEY', 'YOU', 'ME', 'MY', 'OUR', 'HIS', 'HER', 'THEIR',
  'SO', 'IF', 'UP', 'OUT', 'NEVER', 'EVER', 'MORE', 'MOST', 'JUST', 'STILL', 'ALSO', 'WHY', 'HOW', 'WHAT',
  'WHEN', 'WHERE', 'SAID', 'SAYS', 'END', 'TOP', 'BIG', 'GOOD', 'BAD', 'BEST', 'LAST', 'FIRST', 'FREE',
  'HELP', 'STOP', 'NEWS', 'NOTE', 'READ', 'AM', 'GO', 'OH', 'OFF', 'OVER', 'REAL', 'TRUE',
]); // prettier-ignore
// Dotted initialisms that stand before capitalised words (`U.S. Treasury`); other dotted capitals
// before a name are a person's initials (`J.C. Penney`).
const DOTTED_COUNTRIES = new Set(['us', 'uk', 'un', 'eu']);

/** Whether a token has the shape of a short form: `NATO`, `PfP`, `MPs`, `COP29`, `G7`, `AT&T`. */
export function isShortForm(token: string): boolean {
  if (token.length > 3 && DOTTED_WHOLE.test(token)) return true;
  // cheap refusal of ordinary capitalised words: a short form ends in a capital or a digit,
  // or in the `s` of a plural after a capital
  const lastCode = token.charCodeAt(token.length - 1);
  if (lastCode >= 97 && lastCode <= 122 && (lastCode !== 115 || !UPPER.test(token[token.length - 2] ?? ''))) {
    return false;
  }
  let base = token;
  if (base.length >= 3 && base.endsWith('s') && UPPER.test(base[base.length - 2])) base = base.slice(0, -1);
  if (base.length < 2 || base.length > MAX_LETTERS + 2 || !UPPER.test(base[0])) return false;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  for (const ch of base) {
    if (UPPER.test(ch)) upper++;
    else if (LOWER.test(ch)) lower++;
    else if (DIGIT.test(ch)) digits++;
    else if (ch !== '&') return false;
  }
  if (lower > 0) return upper >= 2 && lower < upper && MIXED.test(base);
  if (upper > MAX_LETTERS) return false;
  // `G7`, `G20`, `COP29`; but one letter before three digits is a code or a mangled amount (`C415`)
  if (digits > 0) return upper >= 2 || digits <= 2;
  return upper >= 2 && !ROMAN.test(base);
}
const DOTTED_WHOLE = /^(?:\p{Lu}\.){2,}$/u;

interface Candidate extends Span {
  key: string;
  /** In a heading, a shouted run or a dateline: kept only if the text uses it plainly too. */
  shouted: boolean;
  /** An ordinary word: kept only if the text defines it. */
  common: boolean;
}

/** Short-form mentions, plus the long forms of the definitions made in this text, sorted by start. */
export function recogniseAcronyms(
  text: string,
  sentences: Span[],
): { mentions: AcronymMention[]; definitions: AcronymDefinition[] } {
  const definitions = findDefinitions(text, sentences, isShortForm);
  const candidates = findCandidates(text);

  const defined = new Set(definitions.map((d) => d.key));
  const plain = new Set(defined);
  for (const c of candidates) if (!c.shouted && !c.common) plain.add(c.key);

  const mentions: AcronymMention[] = [];
  for (const c of candidates) {
    if (c.shouted && !plain.has(c.key)) continue;
    if (c.common && !defined.has(c.key)) continue;
    mentions.push({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      key: c.key,
      longForm: false,
    });
  }
  const extra: AcronymMention[] = [];
  let i = 0;
  for (const d of definitions) {
    extra.push({ start: d.longSpan.start, end: d.longSpan.end, text: d.long, key: d.key, longForm: true });
    // the short form of a definition is a mention even where its shape test was overruled
    while (i < mentions.length && mentions[i].start < d.shortSpan.start) i++;
    if (i >= mentions.length || mentions[i].start !== d.shortSpan.start) {
      extra.push({ ...d.shortSpan, text: d.short, key: d.key, longForm: false });
    }
  }
  if (extra.length) {
    mentions.push(...extra);
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return { mentions, definitions };
}

/** Every token shaped like a short form, with what its typography says about it. */
function findCandidates(text: string): Candidate[] {
  const n = text.length;
  const out: Candidate[] = [];

  // the current line (computed once per line that holds a capitalised token)
  let lineStart = 0;
  let lineEnd = -1;
  let lineHeading = false;
  let nextLower = -1; // the next lower-case letter at or after lineStart (n if none)
  const enterLine = (pos: number) => {
    lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = n;
    if (nextLower < lineStart) {
      LOWER_G.lastIndex = lineStart;
      const m = LOWER_G.exec(text);
      nextLower = m ? m.index : n;
    }
    lineHeading = nextLower >= lineEnd && isShoutedLine(text, lineStart, lineEnd);
  };

  // the current run of all-capital words separated by spaces or hyphens: shouting when it holds
  // a long or ordinary word (`THE MINISTRY SAID`, `DAR ES SALAAM`) or three words or more
  let runFrom = 0; // index in `out` of the run's first candidate
  let runLength = 0;
  let runShouted = false;
  let runEnd = -1;
  const closeRun = () => {
    if ((runLength >= 2 && runShouted) || runLength >= 3)
      for (let k = runFrom; k < out.length; k++) out[k].shouted = true;
    runLength = 0;
    runShouted = false;
  };

  let datelineEnd = -1;
  // one pass over the words by character codes; only capitalised words that are not ordinary
  // (`Azerbaijan`, `McCaw`) are cut out as strings
  // the native regex engine jumps from capital to capital; the rest is done on character codes
  CAPITAL.lastIndex = 0;
  for (let m = CAPITAL.exec(text); m; m = CAPITAL.exec(text)) {
    const start = m.index;
    // past the whole capital: an astral one (`𝐀`) is two code units, and a `lastIndex` left
    // between them would match the same letter again, forever
    let end = wordEnd(text, start + m[0].length);
    // `AT&T`: capitals joined by ampersands
    while (end + 1 < n && text.charCodeAt(end) === 38 && isUpperAt(text, end + 1))
      end = wordEnd(text, end + 1);
    CAPITAL.lastIndex = end;
    if (start > 0 && (isWordBefore(text, start) || afterNamePrefixOrEntity(text, start))) continue;
    if (end - start >= 2 && isOrdinaryCapitalised(text, start, end)) {
      closeRun();
      continue;
    }
    if (start >= lineEnd) enterLine(start);

    let token = text.slice(start, end);
    // one letter, counted in code points (`𐐀` is two code units): an initial, not a token
    if (token.length === 1 || (token.length === 2 && token.codePointAt(0)! > 0xffff)) {
      DOTTED.lastIndex = start;
      const d = DOTTED.exec(text);
      if (!d) {
        // an initial inside a shouted name does not break the run: `BRUCE R. BENT`
        if (runLength > 0 && onlySpacesOrHyphens(text, runEnd, start))
          runEnd = text[end] === '.' ? end + 1 : end;
        continue;
      }
      end = start + d[0].length;
      CAPITAL.lastIndex = end;
      token = d[0];
      NAME_AFTER.lastIndex = end;
      if (NAME_AFTER.test(text) && !DOTTED_COUNTRIES.has(shortFormKey(token))) continue;
    }

    const allCaps = !LOWER.test(token);
    if (allCaps && token.length >= 2 && !DIGIT.test(token)) {
      if (runLength > 0 && !onlySpacesOrHyphens(text, runEnd, start)) closeRun();
      if (runLength === 0) runFrom = out.length;
      runLength++;
      runEnd = end;
      if (token.length >= SHOUTED_WORD_LENGTH || COMMON_WORDS.has(token)) runShouted = true;
    } else {
      closeRun();
    }
    if (!isShortForm(token)) continue;
    const key = shortFormKey(token);
    if ((key === 'am' || key === 'pm') && followsDigit(text, start)) continue; // `10 AM`

    let shouted = lineHeading || start < datelineEnd;
    if (!shouted && allCaps && firstOnLine(text, start, lineStart)) {
      // a long word in capitals opening a line is a lead-in (`MALAYSIA's aggressive move`,
      // `CAMBREX Corp. declared`) unless the text also uses it plainly
      if (token.length >= SHOUTED_WORD_LENGTH) shouted = true;
      DATELINE.lastIndex = end;
      const d = DATELINE.exec(text);
      if (d) {
        shouted = true;
        datelineEnd = end + d[1].length;
      }
    }
    out.push({ start, end, key, shouted, common: COMMON_WORDS.has(token) || key === 'ok' });
  }
  closeRun();
  return out;
}

/**
 * A line with no lower-case letter and a long or ordinary word is a heading (`KENYA:`,
 * `AZERBAIJAN - NATO`); a line of short capitals only (`NATO - EU`) may still be acronyms.
 */
function isShoutedLine(text: string, start: number, end: number): boolean {
  // within the line only: searching the text from `start` would, on a text with no word of two
  // letters, run to its end from every line (quadratic in the number of lines)
  const line = text.slice(start, end);
  LINE_WORD.lastIndex = 0;
  for (let m = LINE_WORD.exec(line); m; m = LINE_WORD.exec(line)) {
    if (m[0].length >= SHOUTED_WORD_LENGTH || COMMON_WORDS.has(m[0])) return true;
  }
  return false;
}

/** `&UR;` (an entity), `O'SMACH` (a name): the capital does not start a token. */
function afterNamePrefixOrEntity(text: string, start: number): boolean {
  const prev = text.charCodeAt(start - 1);
  if (prev === 38 /* & */) return true;
  return (prev === 39 || prev === 0x2019) && start > 1 && isWordBefore(text, start - 1);
}

/** A capital, then lower case to the end (`Azerbaijan`, `McCaw`), but not a plural (`MPs`). */
function isOrdinaryCapitalised(text: string, start: number, end: number): boolean {
  const second = text.charCodeAt(start + 1);
  const last = text.charCodeAt(end - 1);
  if (!(second >= 97 && second <= 122) || !(last >= 97 && last <= 122)) return false;
  return last !== 115 /* s */ || !isUpperCode(text.charCodeAt(end - 2));
}

function onlySpacesOrHyphens(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 45 /* - */ && c !== 0xa0) return false;
  }
  return true;
}

function firstOnLine(text: string, start: number, lineStart: number): boolean {
  for (let i = start - 1; i >= lineStart; i--) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

function followsDigit(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  const c = i >= 0 ? text.charCodeAt(i) : 0;
  return c >= 48 && c <= 57;
}
