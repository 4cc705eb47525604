// Acronyms and initialisms in one document: `NATO`, `PfP`, `PARP`, `MPs`, `COP29`, `U.S.`, and the
// long forms defined next to them (`Planning and Review Process (PARP)`).
//
// A short form is recognised by its shape alone (capitals, a few inner lower-case letters, digits),
// then thrown out where the capitals are typography rather than an initialism: a heading or a line
// in capitals, a run of shouted words (`THE MINISTRY SAID`), a wire-service dateline (`HAVANA (AP)
// --`), ordinary words (`IT`, `NO`) that the text does not itself define, Roman numerals. Long forms
// used elsewhere in the corpus are the corpus index's business (`longForms.ts`).
import { isUpperAt, isUpperCode, isWordBefore, isWordCode, wordEnd } from './characters';
import { findDefinitions, shortFormKey } from './acronymDefinitions';
import type { AcronymDefinition, AcronymMention, Span } from './types';

/** 'PfP' -> 'pfp', 'MPs' -> 'mp', 'NATO' -> 'nato': the entity key of a short form. */
export function acronymKey(short: string): string {
  return shortFormKey(short);
}

// Tokens are runs of letters and digits, `&` joining capitals (`AT&T`). Hyphens and apostrophes
// split tokens, so `NATO-led` gives `NATO` and `NATO's` / `NATO’s` / ``NATO`s`` give `NATO`.
const CAPITAL = /\p{Lu}/gu;
// Dotted initialisms: `U.S.`, `U.N.`, `D.C.`, and `U.S` written without its last full stop
// (single capitals joined by full stops, not followed by more letters: `J.Smith` is a name).
const DOTTED = /(?:\p{Lu}\.)+\p{Lu}(?:\.|(?![\p{L}\p{N}]))/uy;
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
// A wire dateline, read after the first word of a line (see `datelineAt`): `HAVANA (AP) --`,
// `NAIROBI, Kenya (AP) _`, `THE HAGUE, Netherlands (AP)_`, `BAKU, April 29, 2022 -`, `MIAMI _`,
// `LIMA, Peru, Jan. 5 (AP) --`, `BRUSSELS, Jan. 5 (Xinhua) --`, `LONDON, 5 March (Reuters) -`.
// The rest of the place in capitals (`UNITED NATIONS`, `ST. LOUIS`):
const DATELINE_PLACE = /\.?(?:[ \t]+\p{Lu}[\p{Lu}.'’]+)*/uy;
// `, Peru` `, N.Y.` `, Kenya`: a region or country after the place.
const DATELINE_REGION = /,[ \t]*(?:\p{Lu}[\p{L}.'’]*[ \t]*){1,3}/uy;
// `, Jan. 5`, `, April 29, 2022`, `, 5 March`: a month name and a day (month names are general words).
const MONTH_NAME = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\p{Ll}*\\.?';
const DATELINE_DATE = new RegExp(
  `,[ \\t]*(?:${MONTH_NAME}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}[ \\t]+${MONTH_NAME})(?![\\p{L}\\d])(?:,?[ \\t]*\\d{4})?[ \\t]*`,
  'uy',
);
// `(AP)`, `(Reuters)`, `(AP Photo)`: the agency.
const DATELINE_AGENCY = /[ \t]*\((?:\p{L}+[ \t]?){1,2}\)[ \t]*/uy;
const DATELINE_DASH = /[ \t]*(?:-{1,2}|[_–—:])/uy;
// After the place alone, only an unmistakable dash: `NATO - Azerbaijan relations` is a title.
const DATELINE_BARE_DASH = /[ \t]+(?:--|_|—)/uy;
// The corpus header, ` date 2022-04-29`, then the text on the same line: a line start for headings
// and datelines (`date 2024-01-05 ROME, Jan. 5 (AP) --`).
const HEADER = /\uFEFF?[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*/y;
// Names in capitals that open a line: a byline (`By TOM HAYS`, alone or before a comma) and a
// transcript's speaker label (`TOM HAYS:`), two words or more. Not `By NATO standards`.
const BYLINE =
  /[ \t]*(?:By|BY)[ \t]+\p{Lu}[\p{Lu}.'’-]*(?:[ \t]+\p{Lu}[\p{Lu}.'’-]*){1,4}(?=[ \t]*(?:,|\r?\n|$))/uy;
const SPEAKER = /[ \t]*\p{Lu}[\p{Lu}.'’-]*(?:[ \t]+\p{Lu}[\p{Lu}.'’-]*){1,3}[ \t]*:(?!\d)/uy;
// A line of one or two words in capitals and nothing else (`ROME`, `TEL AVIV:`): a dateline or a
// heading, not an acronym, unless the text uses the word plainly too.
const SHORT_HEADING = /^[ \t]*\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,})?[ \t]*[:.,—–-]?[ \t\r]*$/u;

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
// Dotted initialisms of places, which stand before capitalised words (`U.S. Treasury`, `N.Y. Gov.`):
// countries and unions, and US states written with two capitals. Other dotted capitals before a
// name are a person's initials (`J.C. Penney`) unless they follow a place and a comma
// (`in Buffalo, N.Y. Slepian was`).
const DOTTED_PLACES = new Set([
  'us', 'usa', 'uk', 'un', 'eu', 'uae', 'ussr', 'dc', 'ny', 'nj', 'nh', 'nc', 'nd', 'nm', 'sc', 'sd', 'ri', 'la',
]); // prettier-ignore

/** Whether a token has the shape of a short form: `NATO`, `PfP`, `MPs`, `COP29`, `G7`, `AT&T`. */
export function isShortForm(token: string): boolean {
  if (token.length > 2 && DOTTED_WHOLE.test(token)) return true;
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
const DOTTED_WHOLE = /^(?:\p{Lu}\.)+\p{Lu}\.?$/u;

interface Candidate extends Span {
  key: string;
  /** In a heading, a shouted run or a dateline: kept only if the text uses it plainly too. */
  shouted: boolean;
  /** An ordinary word: kept only if the text defines it. */
  common: boolean;
  /** Letters only, then a space or hyphen and a number (`COP 28`): see `joinNumbers`. */
  number: boolean;
}

/** Short-form mentions, plus the long forms of the definitions made in this text, sorted by start. */
export function recogniseAcronyms(
  text: string,
  sentences: Span[],
): { mentions: AcronymMention[]; definitions: AcronymDefinition[] } {
  const candidates = findCandidates(text);
  const definitions = findDefinitions(text, sentences, isShortForm, candidates);
  joinNumbers(text, candidates, definitions);

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
  let labelEnd = -1; // the end of a byline or speaker label opening the line
  let nextLower = -1; // the next lower-case letter at or after lineStart (n if none)
  const enterLine = (pos: number) => {
    lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    if (lineStart === 0) {
      HEADER.lastIndex = 0;
      if (HEADER.test(text) && HEADER.lastIndex <= pos) lineStart = HEADER.lastIndex;
    }
    lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = n;
    if (nextLower < lineStart) {
      LOWER_G.lastIndex = lineStart;
      const m = LOWER_G.exec(text);
      nextLower = m ? m.index : n;
    }
    lineHeading = nextLower >= lineEnd && isShoutedLine(text, lineStart, lineEnd);
    labelEnd = nameLabelEnd(text, lineStart);
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

  // a dateline's place (`BUFFALO`, `UNITED NATIONS`) is not an acronym; after it, up to `datelineTail`,
  // a dotted state or an agency in brackets is (`BUFFALO, N.Y. (AP) --`), a word in capitals is not
  let datelineEnd = -1;
  let datelineTail = -1;
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
      // a person's initials end in a full stop; `B.A.T Industries` is a company's
      if (
        NAME_AFTER.test(text) &&
        token.endsWith('.') &&
        !DOTTED_PLACES.has(shortFormKey(token)) &&
        !afterPlaceAndComma(text, start)
      )
        continue;
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
    // a line that opens with a word in capitals may open with a wire dateline, whatever that
    // word's shape (`WASHINGTON (AP) --`)
    const inDateline = start >= datelineEnd && start < datelineTail;
    const opensLine = !inDateline && allCaps && firstOnLine(text, start, lineStart);
    if (opensLine) {
      const d = datelineAt(text, end);
      if (d) {
        datelineEnd = d.placeEnd;
        datelineTail = d.end;
      }
    }
    if (!isShortForm(token)) continue;
    const key = shortFormKey(token);
    if ((key === 'am' || key === 'pm') && followsDigit(text, start)) continue; // `10 AM`

    let shouted = lineHeading || start < datelineEnd || start < labelEnd;
    if (inDateline) {
      // inside a dateline, after its place: `N.Y.` and `(AP)` are acronyms, `KENYA` is not
      shouted = !(token.includes('.') || text.charCodeAt(start - 1) === 40 /* ( */);
    } else if (
      opensLine &&
      token.length >= SHOUTED_WORD_LENGTH &&
      !token.includes('.') &&
      !DIGIT.test(token)
    ) {
      // a long word in capitals opening a line is a lead-in (`MALAYSIA's aggressive move`,
      // `CAMBREX Corp. declared`) unless the text also uses it plainly; `I.B.M.` and `COP26`
      // are no words
      shouted = true;
    }
    const number = !allCaps || DIGIT.test(token) ? false : numberFollows(text, end);
    out.push({ start, end, key, shouted, common: COMMON_WORDS.has(token) || key === 'ok', number });
  }
  closeRun();
  return out;
}

/**
 * A line with no lower-case letter and a long or ordinary word is a heading (`KENYA:`,
 * `AZERBAIJAN - NATO`), and so is a line of one or two words in capitals alone (`ROME`, a
 * dateline on its own line); a line of short capitals (`NATO - EU`) may still be acronyms.
 */
function isShoutedLine(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end);
  if (end - start <= 40 && SHORT_HEADING.test(line)) return true;
  // within the line only: searching the text from `start` would, on a text with no word of two
  // letters, run to its end from every line (quadratic in the number of lines)
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

/**
 * The wire dateline that follows a line's first word in capitals (ending at `pos`), or null:
 * `placeEnd` ends the place, `end` the whole dateline. A dateline is the place, then regions
 * (`, Peru`), a date (`, Jan. 5`) and the agency (`(AP)`), then a dash; without a dash, a date
 * or an agency at the end of the line is enough (`BRUSSELS, Jan. 5 NATO ministers met`).
 */
function datelineAt(text: string, pos: number): { placeEnd: number; end: number } | null {
  DATELINE_PLACE.lastIndex = pos;
  DATELINE_PLACE.test(text);
  const placeEnd = DATELINE_PLACE.lastIndex;
  let at = placeEnd;
  let dated = false;
  let regions = 0;
  for (let k = 0; k < 3 && text.charCodeAt(at) === 44 /* , */; k++) {
    DATELINE_DATE.lastIndex = at;
    if (!dated && DATELINE_DATE.test(text)) {
      at = DATELINE_DATE.lastIndex;
      dated = true;
      continue;
    }
    DATELINE_REGION.lastIndex = at;
    if (dated || !DATELINE_REGION.test(text)) break;
    at = DATELINE_REGION.lastIndex;
    regions++;
  }
  DATELINE_AGENCY.lastIndex = at;
  const agency = DATELINE_AGENCY.test(text);
  if (agency) at = DATELINE_AGENCY.lastIndex;
  const dash = dated || agency || regions > 0 ? DATELINE_DASH : DATELINE_BARE_DASH;
  dash.lastIndex = at;
  if (dash.test(text)) return { placeEnd, end: dash.lastIndex };
  if (dated || (agency && (at >= text.length || text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13)))
    return { placeEnd, end: at };
  return null;
}

/** The end of a byline or a speaker label in capitals at `lineStart` (`By TOM HAYS`), or -1. */
function nameLabelEnd(text: string, lineStart: number): number {
  const c = text.charCodeAt(lineStart);
  if (!(c === 66 /* B */ || c === 32 || c === 9 || isUpperCode(c))) return -1;
  BYLINE.lastIndex = lineStart;
  if (BYLINE.test(text)) return BYLINE.lastIndex;
  SPEAKER.lastIndex = lineStart;
  return SPEAKER.test(text) ? SPEAKER.lastIndex : -1;
}

/** `Buffalo, N.Y.`: a capitalised word (a place), a comma and a space before `start`. */
function afterPlaceAndComma(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i <= 0 || i === start - 1 || text.charCodeAt(i) !== 44 /* , */) return false;
  let wordStart = i;
  while (wordStart > 0 && isWordCode(text.charCodeAt(wordStart - 1))) wordStart--;
  return wordStart < i && isUpperCode(text.charCodeAt(wordStart));
}

/** A space or hyphen and a number of one or two digits, then no more word (`COP 28`, `COP-28`). */
function numberFollows(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 32 && c !== 45) return false;
  const d = text.charCodeAt(end + 1);
  return d >= 48 && d <= 57;
}

// A short form and a number after it (`COP 28`, `COP-28`) are one short form (`COP28`) where the
// text writes that fused form too or defines the spaced one (`Conference of the Parties (COP 28)`):
// elsewhere the number is a count or a figure (`the EU 27`, `NATO 2 billion`).
const JOINED_NUMBER = /[ -](\d{1,2})(?![\p{L}\p{N}]|[.,]\d|%)/uy;

/** Extends each candidate followed by a number the text also fuses with it (`COP 28` -> `cop28`). */
function joinNumbers(text: string, candidates: Candidate[], definitions: readonly AcronymDefinition[]): void {
  let known: Set<string> | null = null;
  for (const c of candidates) {
    if (!c.number) continue;
    JOINED_NUMBER.lastIndex = c.end;
    const m = JOINED_NUMBER.exec(text);
    if (!m) continue;
    known ??= new Set([...candidates.map((x) => x.key), ...definitions.map((d) => d.key)]);
    const key = c.key + m[1];
    if (!known.has(key)) continue;
    c.end += m[0].length;
    c.key = key;
  }
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
