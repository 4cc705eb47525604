// A sentence read as tokens for claims: words and clause punctuation, each knowing whether it
// is part of a date mention or of a participant, and which clause it is in.
import { isUpperCode, isWordCode } from '../characters';
import { eventWordsOf, phrasalEvent } from './eventWords';
import { AUXILIARIES, COORDINATORS, MODALS, SUBORDINATORS } from './words';
import type { Span } from '../types';
import type { Trigger } from './attach';

export interface Token extends Span {
  /** As written, without a possessive `'s`. */
  text: string;
  lower: string;
  possessive: boolean;
  /** Clause punctuation: `, ; : ( ) " — –`. */
  punct: boolean;
  capital: boolean;
  /** Index of the date mention it is part of (in the document's dates), or -1. */
  date: number;
  /** Index of the participant it is part of (in the sentence's list), or -1. */
  entity: number;
  clause: number;
  /** What `triggerAt` found here, once asked (undefined: not yet asked). */
  trigger: Trigger | null | undefined;
}

const TOKEN =
  /[\p{L}\p{N}]+(?:[-.'’`][\p{L}\p{N}]+|:\d\d)*(?:['’`]s(?![\p{L}\p{N}]))?|[,;:()"“”«»—–]|--|\s[-_]\s/gu;
const CLAUSE_PUNCT = new Set([';', ':', '(', ')', '"', '“', '”', '«', '»', '—', '–', '--', '-', '_']);

// TOKEN, sticky: where a token starts with a character outside the BMP, the pattern reads it
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

/**
 * The tokens of `text[start, end)`, as TOKEN finds them: scanned by character codes (most of
 * the cost of claims is here, and a Unicode pattern per token is several times slower), with
 * TOKEN itself read where a surrogate pair starts or continues a word.
 */
export function tokenize(text: string, span: Span): Token[] {
  const out: Token[] = [];
  let i = span.start;
  while (i < span.end) {
    const c = text.charCodeAt(i);
    let start = i;
    let end: number;
    if (isWordCode(c)) end = wordTokenEnd(text, i);
    else if (c >= 0xd800 && c <= 0xdfff) end = -1;
    else if (c === 45 /* - */ && text.charCodeAt(i + 1) === 45) end = i + 2;
    else if (isClausePunctCode(c)) end = i + 1;
    else if (isWhiteCode(c) && isDashCode(text.charCodeAt(i + 1)) && isWhiteCode(text.charCodeAt(i + 2)))
      end = i + 3;
    else {
      i++;
      continue;
    }
    if (end < 0) {
      TOKEN_AT.lastIndex = i;
      const m = TOKEN_AT.exec(text);
      if (!m) {
        i++;
        continue;
      }
      end = i + m[0].length;
    }
    if (end > span.end) break;
    const whole = end;
    if (isWhiteCode(c)) {
      // ` - ` and ` _ `: a dash written with spaces (wire copy)
      start += 1;
      end -= 1;
    }
    // a possessive `'s` is no part of the word
    const possessive =
      end - start > 2 &&
      (text.charCodeAt(end - 1) === 115 /* s */ || text.charCodeAt(end - 1) === 83) &&
      isApostrophe(text.charCodeAt(end - 2));
    if (possessive) end -= 2;
    const word = text.slice(start, end);
    const first = text.charCodeAt(start);
    out.push({
      start,
      end,
      text: word,
      lower: word.toLowerCase(),
      possessive,
      punct: !isWordCode(first) && !(first >= 0xd800 && first <= 0xdbff),
      capital: isUpperCode(first),
      date: -1,
      entity: -1,
      clause: 0,
      trigger: undefined,
    });
    i = whole;
  }
  return out;
}

/**
 * Where the word token that starts at `i` ends: letters and digits, joined by `-.'’\``
 * (`U.S.-led`, `Iraq's`) or `:dd` (`10:30`); -1 where a surrogate pair is part of it.
 */
function wordTokenEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    let c = text.charCodeAt(j);
    while (isWordCode(c)) c = text.charCodeAt(++j);
    if (c >= 0xd800 && c <= 0xdbff) return -1;
    const next = text.charCodeAt(j + 1);
    if (
      (c === 45 || c === 46 || isApostrophe(c)) &&
      (isWordCode(next) || (next >= 0xd800 && next <= 0xdbff))
    ) {
      if (!isWordCode(next)) return -1;
      j++;
    } else if (c === 58 /* : */ && isDigitCode(next) && isDigitCode(text.charCodeAt(j + 2))) {
      j += 3;
      // `10:30`: the pattern takes no letter right after the minutes, only another joiner
      for (;;) {
        const d = text.charCodeAt(j);
        const e = text.charCodeAt(j + 1);
        if (d === 58 && isDigitCode(e) && isDigitCode(text.charCodeAt(j + 2))) j += 3;
        else if ((d === 45 || d === 46 || isApostrophe(d)) && isWordCode(e)) break;
        else if ((d === 45 || d === 46 || isApostrophe(d)) && e >= 0xd800 && e <= 0xdbff) return -1;
        else return j;
      }
      j++;
    } else return j;
  }
}

/** What `\s` matches. */
function isWhiteCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isDashCode(c: number): boolean {
  return c === 45 || c === 95;
}

/** `, ; : ( ) " “ ” « » — –`: one token each. */
function isClausePunctCode(c: number): boolean {
  return (
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 40 ||
    c === 41 ||
    c === 34 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x2014 ||
    c === 0x2013
  );
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 96;
}

/** Marks each token with the span (of `spans`, sorted by start) it lies in, through `set`. */
export function markSpans(
  tokens: Token[],
  spans: readonly Span[],
  set: (t: Token, index: number) => void,
): void {
  let k = 0;
  for (const t of tokens) {
    while (k < spans.length && spans[k].end <= t.start) k++;
    if (k < spans.length && spans[k].start < t.end) set(t, k);
  }
}

/**
 * Numbers the clauses: a new one starts at clause punctuation, at a word that opens a
 * subordinate clause (`when`, `which`, `who`, `that`), and at `and`/`but` before a verb
 * (`joined NATO in 2004 and signed the IPAP in 2018`). Words inside a date or a participant
 * never open a clause (`that year`, `Bosnia and Herzegovina`).
 */
export function markClauses(tokens: Token[]): void {
  let clause = 0;
  let next = 1;
  // a parenthesis is a clause of its own, and the clause around it goes on after it; so does a
  // relative or adverbial clause that a comma closes (`Slepian, who was ..., was shot`)
  const outer: { clause: number; until: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const inside = t.date >= 0 || t.entity >= 0;
    if (!inside && i > 0) {
      // (never outer[-1]: an index out of bounds sends V8 down a slow path, at every token)
      const open = outer.length > 0 ? outer[outer.length - 1] : undefined;
      if (t.text === '(') {
        outer.push({ clause, until: ')' });
        clause = next++;
      } else if (open && t.text === open.until) {
        t.clause = clause;
        clause = outer.pop()!.clause;
        continue;
      } else if (t.punct && CLAUSE_PUNCT.has(t.text)) clause = next++;
      else if (
        SUBORDINATORS.has(t.lower) ||
        (CONJUNCTIONS.has(t.lower) && SUBJECTS.has(tokens[i + 1]?.lower ?? ''))
      ) {
        // a clause set off by a comma before it ends at the next comma; so does a relative
        // clause (`Slepian, a doctor who was ..., was shot`)
        if (tokens[i - 1]?.text === ',' || RELATIVES.has(t.lower)) outer.push({ clause, until: ',' });
        clause = next++;
      } else if ((t.lower === 'but' || t.lower === 'yet') && opensClause(tokens[i + 1])) clause = next++;
      else if (COORDINATORS.has(t.lower) && startsVerbPhrase(tokens, i + 1)) clause = next++;
    }
    t.clause = clause;
  }
}

/** `but there was`, `but he said`, `but the court ruled`: a subject after `but` opens a clause. */
function opensClause(t: Token | undefined): boolean {
  return (
    !!t && !t.punct && (t.lower === 'there' || SUBJECTS.has(t.lower) || t.lower === 'the' || t.entity >= 0)
  );
}

/** Words that open a clause when a subject follows (`before he was shot`), a phrase otherwise (`before the vote`). */
const CONJUNCTIONS = new Set(['before', 'after', 'until', 'since', 'as', 'once']);
const SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const RELATIVES = new Set(['who', 'which', 'whom', 'whose']);

/** Whether a verb phrase starts at `i` (an auxiliary, a modal, an adverb then a verb, or an event verb). */
function startsVerbPhrase(tokens: readonly Token[], i: number): boolean {
  for (let k = i; k < Math.min(tokens.length, i + 3); k++) {
    const t = tokens[k];
    if (t.punct || t.date >= 0 || t.entity >= 0) return false;
    if (k === i && (t.lower === 'there' || SUBJECTS.has(t.lower))) continue; // `and there was`, `and he signed`
    if (AUXILIARIES.has(t.lower) || MODALS.has(t.lower)) return true;
    if (eventWordsOf(t.lower)?.some((w) => w.pos === 'v') && !isNounContext(tokens, k)) return true;
    if (k + 1 < tokens.length && phrasalEvent(t.lower, tokens[k + 1].lower)) return true;
    if (!t.lower.endsWith('ly')) return false; // an adverb may come first: `and formally joined`
  }
  return false;
}

const NOUN_BEFORE =
  /^(?:the|a|an|its|his|her|their|our|this|that|these|those|last|first|such|several|many|some|all|both|few|two|three|other|various|deadly|new|recent|with|of|for|in|on|against|about)$/;

/** A form that is both noun and verb reads as a noun after a determiner or an adjective-like word. */
export function isNounContext(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return false;
  return NOUN_BEFORE.test(prev.lower) || prev.possessive;
}

/**
 * The tokens of token `i`'s clause before it, nearest first, skipping clauses nested inside it
 * (`Slepian, who was ..., was shot`: back from `shot` to `Slepian`).
 */
export function* clauseBefore(tokens: readonly Token[], i: number, limit = Infinity): Generator<number> {
  const clause = tokens[i].clause;
  let first = i;
  for (let k = i - 1; k >= 0; k--) if (tokens[k].clause === clause) first = k;
  for (let k = i - 1, n = 0; k >= first && n < limit; k--) {
    if (tokens[k].clause !== clause) continue;
    n++;
    yield k;
  }
}

// Lower-case words inside a name: `Dar es Salaam`, `Bosnia and Herzegovina`, `Banque de France`.
const PARTICLES = new Set([
  'of',
  'and',
  'for',
  'the',
  'de',
  'du',
  'des',
  'da',
  'es',
  'el',
  'al',
  'la',
  'le',
  'van',
  'von',
  'der',
]);

/**
 * Runs of capitalised words among the tokens, as [start, end] in the text: words next to each
 * other (only spaces between), lower-case particles inside a run, a possessive ending it.
 */
export function capitalisedRuns(text: string, tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.capital || t.punct) continue;
    let last = i;
    for (let j = i + 1; j < tokens.length; j++) {
      const u = tokens[j];
      if (
        !onlySpaces(text, tokens[j - 1].end + (tokens[j - 1].possessive ? 2 : 0), u.start) ||
        tokens[j - 1].possessive
      )
        break;
      if (u.capital && !u.punct) last = j;
      else if (!(PARTICLES.has(u.lower) && tokens[j + 1]?.capital)) break;
    }
    // a word's trailing full stop belongs to it (`Ala.`, `Mo.`)
    let end = tokens[last].end;
    if (text.charCodeAt(end) === 46 && /^\p{Lu}[\p{L}.]{0,4}$/u.test(tokens[last].text)) end++;
    out.push([t.start, end]);
    i = last;
  }
  return out;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return to === from;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) return false;
  }
  return true;
}
