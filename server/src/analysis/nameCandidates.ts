// Candidate names: the runs of capitalised words (with initials and particles) that may end
// in a person's name, each with what its shape says (an office or honorific before it, a
// regnal name, a speaker label, a place or month read as a given name). Whether a candidate
// is a person is decided afterwards (nameEvidence.ts).
import {
  WordClass,
  classifyWord,
  isGivenNameAt,
  MULTI_WORD_PLACES,
  NAME_SUFFIXES,
  REGNAL_OFFICES,
  SURNAME_OFFICES,
} from './nameLexicon';
import { Shape, type Tokens } from './titles';
import {
  isNameWord,
  isParticle,
  isPatronymic,
  isLeadingParticle,
  abbreviationStop,
  startsRun,
} from './peopleTokens';

// A sentence-initial participle or adverb in front of a name (`Asked Bill Clinton ...`).
export const VERBISH = /(?:ing|ed|ly)$/;
export interface Candidate {
  /** Token range of the name words. */
  first: number;
  last: number;
  /** The last token of the span: `last`, or a suffix after it (`Jr.`). */
  end: number;
  /** A lone name word, waiting for the document to confirm it (a surname or given name of someone named in full). */
  pending: boolean;
  byline: boolean;
  /** An office or honorific right before the name (`President Aliyev`, `Mr. Pak`). */
  prefixed: boolean;
  /** `King Hussein`, `Pope Francis`: a royal or religious office and one name, which is no surname. */
  regnal: boolean;
  /** `de Hoop Scheffer`: a lower-case particle opens it, so it is all surname. */
  particleFirst: boolean;
  /** `JOHN SMITH:` opening a line of a transcript. */
  speaker: boolean;
  /** `the younger Bush`: someone else than the Bush named in full. */
  qualified: 'younger' | 'elder' | null;
  /**
   * Opened by a place or month that is also a given name (`Jordan Ivanov`), or closed by a
   * place or office read as a surname (`Peter Holland`, `Prakash Shah`): a given name from the
   * lexicon does not vouch for it, other evidence must.
   */
  weakGiven: boolean;
  /** Accepted: evidence says it is a person's name. */
  evidence: boolean;
  /** A lone given name standing for someone named in full (`Elian` after `Elian Gonzalez`). */
  givenOnly: boolean;
  /** The name of a thing (`the carrier John F. Kennedy`): never a person, whatever else is said. */
  thing: boolean;
}

export function findCandidates(text: string, tokens: Tokens): Candidate[] {
  const out: Candidate[] = [];
  const n = tokens.length;
  const { shape: shapes, sentence, sameLine, adjacent } = tokens;
  let i = 0;
  let free = 0; // the first token no run has taken
  while (i < n) {
    const shape = shapes[i];
    if (shape !== Shape.Cap && shape !== Shape.Upper && shape !== Shape.Initial) {
      i++;
      continue;
    }
    if (shape === Shape.Upper) {
      const speaker = speakerLabel(text, tokens, i);
      if (speaker) {
        out.push(speaker);
        i = free = speaker.end + 1;
        continue;
      }
    }
    // `de Hoop Scheffer`, `van der Berg`: particles before the run's first word open it
    i = particlesBefore(tokens, i, free);
    // A run: capitalised words, acronyms, initials and inner particles on one line of one
    // sentence, or across a line break that wraps a long line.
    let end = i + 1;
    while (end < n) {
      if ((sentence[end] !== sentence[i] || !sameLine[end]) && !wrapsName(text, tokens, end)) break;
      if (abbreviationStop(text, tokens, end)) {
        end++; // `Mr. Pak`, `Gen. Smith`
        continue;
      }
      const tightInitials = shapes[end] === Shape.Initial && shapes[end - 1] === Shape.Initial; // `J.C.`
      if (adjacent[end] && !tightInitials) break;
      if (startsRun(tokens, end)) {
        end++;
        continue;
      }
      if (isParticle(tokens, end) && end + 1 < n && isNameWord(tokens, end + 1) && sameLine[end + 1]) {
        end++;
        continue;
      }
      if (
        isParticle(tokens, end) &&
        end + 2 < n &&
        isParticle(tokens, end + 1) &&
        isNameWord(tokens, end + 2) &&
        sameLine[end + 2]
      ) {
        end += 2; // `van der Berg`
        continue;
      }
      break;
    }
    const candidate = nameInRun(text, tokens, i, end);
    if (candidate) out.push(candidate);
    i = free = end;
  }
  return out;
}

/**
 * A line break inside a name (`Defence Minister Zakir` / `Hasanov`): wire copy wraps long lines
 * wherever the width runs out. Joined only when one line break (no blank line) parts a name
 * or office word from a name word and the line before is long, as wrapped lines are (a short
 * line is a heading).
 */
export function wrapsName(text: string, tokens: Tokens, k: number): boolean {
  if (
    tokens.sameLine[k] ||
    !isNameWord(tokens, k) ||
    k === 0 ||
    !oneLineBreak(text, tokens.end[k - 1], tokens.start[k])
  )
    return false;
  const prev = k - 1;
  if (!(
    isNameWord(tokens, prev) ||
    tokens.shape[prev] === Shape.Initial ||
    (tokens.shape[prev] === Shape.Cap && tokens.cls[prev] === WordClass.Office)
  ))
    return false;
  const lineStart = text.lastIndexOf('\n', tokens.start[prev]) + 1;
  if (tokens.end[prev] - lineStart < 40) return false;
  // the next line goes on as prose, not as a label (`Hasanov:`)
  return !(k + 1 < tokens.length && text.charCodeAt(tokens.start[k + 1]) === 58);
}

/** Exactly one line break (a CRLF is one) in `text` between `from` and `to`: no blank line. */
export function oneLineBreak(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
  }
  return breaks === 1;
}

/**
 * `said de Hoop Scheffer`, `and van der Berg`: up to two lower-case particles right before the
 * capitalised word at `i` (and after token `free`, where no run is) open the run; asked once
 * per run, not of every lower-case word.
 */
export function particlesBefore(tokens: Tokens, i: number, free: number): number {
  if (tokens.shape[i] !== Shape.Cap || tokens.cls[i] !== WordClass.Name) return i;
  let p = i;
  while (
    p - 1 >= free &&
    p > i - 2 &&
    tokens.sameLine[p] &&
    tokens.sentence[p - 1] === tokens.sentence[i] &&
    isLeadingParticle(tokens, p - 1)
  )
    p--;
  return p;
}

/**
 * `JOHN SMITH:` or `PRESIDENT CLINTON:` opening a line: a transcript's speaker label. The
 * words in capitals are read as their capitalised forms; the last must be a name word.
 */
export function speakerLabel(text: string, tokens: Tokens, i: number): Candidate | null {
  if (tokens.shape[i] !== Shape.Upper || (i > 0 && tokens.sameLine[i])) return null;
  let k = i + 1;
  while (k < tokens.length && k < i + 5 && tokens.shape[k] === Shape.Upper && tokens.sameLine[k]) k++;
  if (k === i || k >= tokens.length || text.charCodeAt(tokens.start[k]) !== 58 /* : */) return null;
  // the capitalised form's class: `SMITH` is a name word, `PRESIDENT` an office, `NEWS` no name
  const classes = [];
  for (let j = i; j < k; j++) {
    const w = text.slice(tokens.start[j], tokens.end[j]);
    if (!/^\p{Lu}{2,}$/u.test(w)) return null;
    classes.push(classifyWord(w.charAt(0) + w.slice(1).toLowerCase()));
  }
  let first = k - 1;
  while (first - 1 >= i && classes[first - 1 - i] === WordClass.Name) first--;
  if (classes[k - 1 - i] !== WordClass.Name) return null;
  const titled =
    first > i &&
    (classes[first - 1 - i] === WordClass.Office || classes[first - 1 - i] === WordClass.Honorific);
  if (first > i && !titled) return null;
  if (
    first === k - 1 &&
    !titled &&
    !isGivenNameAt(text, tokens.start[first], tokens.end[first], tokens.hash[first])
  ) {
    // one word alone (`ANNOUNCER:`, `SMITH:`): a name only as the surname of someone named in full
    const lone = blank(first, first);
    lone.pending = true;
    lone.speaker = true;
    return lone;
  }
  const c = blank(first, k - 1);
  c.prefixed = titled;
  c.speaker = true;
  c.evidence = true;
  return c;
}

export function blank(first: number, last: number): Candidate {
  return {
    first,
    last,
    end: last,
    pending: false,
    byline: false,
    prefixed: false,
    regnal: false,
    particleFirst: false,
    speaker: false,
    qualified: null,
    weakGiven: false,
    evidence: false,
    givenOnly: false,
    thing: false,
  };
}

// Words before a month or place that make it one (`in May`, `from Jordan`), not a given name.
export const NOT_BEFORE_GIVEN = new Set(
  'in on since until till by from to of at near into last next early late mid this that the'.split(' '),
);

/** Token `k` is a name suffix (`Jr`, `III`); asked of every run's last word, so no string is made for most. */
function isSuffix(text: string, tokens: Tokens, k: number): boolean {
  const length = tokens.end[k] - tokens.start[k];
  return (
    length >= SUFFIX_MIN &&
    length <= SUFFIX_MAX &&
    NAME_SUFFIXES.has(text.slice(tokens.start[k], tokens.end[k]))
  );
}

const SUFFIX_MIN = Math.min(...[...NAME_SUFFIXES].map((s) => s.length));
const SUFFIX_MAX = Math.max(...[...NAME_SUFFIXES].map((s) => s.length));

/** The name that ends the run [r0, r1), if the run holds one. */
export function nameInRun(text: string, tokens: Tokens, r0: number, r1: number): Candidate | null {
  const { shape, cls } = tokens;
  const wordAt = (k: number) => text.slice(tokens.start[k], tokens.end[k]);
  // Dates may follow a name in the run (`told Smith Monday`), and suffixes (`Jr.`); nothing else may.
  let last = r1 - 1;
  while (
    last >= r0 &&
    ((shape[last] === Shape.Cap && cls[last] === WordClass.Calendar) || isSuffix(text, tokens, last))
  )
    last--;
  if (last < r0) return null;
  // `Prakash Shah`, `Martin Luther King`: an office that is also a surname, after a name word
  const officeSurname =
    shape[last] === Shape.Cap &&
    cls[last] === WordClass.Office &&
    SURNAME_OFFICES.has(wordAt(last)) &&
    last - 1 >= r0 &&
    isNameWord(tokens, last - 1);
  // `Peter Holland`, `Michael Jordan`: a place after a given name is a surname
  const placeSurname =
    shape[last] === Shape.Cap &&
    cls[last] === WordClass.Place &&
    last - 1 >= r0 &&
    isNameWord(tokens, last - 1) &&
    isGivenNameAt(text, tokens.start[last - 1], tokens.end[last - 1], tokens.hash[last - 1]);
  if (!isNameWord(tokens, last) && !officeSurname && !placeSurname) return null;
  const weakSurname = !isNameWord(tokens, last);
  let end = last;
  while (end + 1 < r1 && isSuffix(text, tokens, end + 1)) end++;
  if (
    end > last &&
    end + 1 < tokens.length &&
    tokens.adjacent[end + 1] &&
    text.charCodeAt(tokens.start[end + 1]) === 46
  ) {
    const suffix = wordAt(end);
    if (suffix === 'Jr' || suffix === 'Sr' || suffix === 'Jnr' || suffix === 'Snr') end++; // `Jr.`
  }
  let first = last;
  let words = 1;
  let initials = 0;
  let weakGiven = false;
  while (first - 1 >= r0) {
    const t = first - 1;
    if (isNameWord(tokens, t)) words++;
    else if (shape[t] === Shape.Initial) initials++;
    else if (isParticle(tokens, t)) {
      /* inside the name */
    } else if (
      shape[t] === Shape.Cap &&
      (cls[t] === WordClass.Place || cls[t] === WordClass.Calendar) &&
      first === last &&
      isNameWord(tokens, first) &&
      isGivenNameAt(text, tokens.start[t], tokens.end[t], tokens.hash[t]) &&
      !(first - 2 >= 0 && NOT_BEFORE_GIVEN.has(wordAt(first - 2).toLowerCase()))
    ) {
      // `Defence Minister Jordan Ivanov`, `Jan Kavan`: a place or month that is also a given name
      weakGiven = true;
      words++;
      first--;
      break;
    } else break;
    first--;
  }
  // Particles open the name only where nothing capitalised stands before them (`Mr. de Hoop Scheffer`, `said van der Berg`).
  const beforeFirst = first - 1;
  const keepParticles =
    isParticle(tokens, first) &&
    !isPatronymic(tokens, first) &&
    (first === r0 ||
      (beforeFirst >= 0 &&
        (cls[beforeFirst] === WordClass.Honorific ||
          cls[beforeFirst] === WordClass.Office ||
          cls[beforeFirst] === WordClass.Function ||
          abbreviationStop(text, tokens, first - 1))));
  const particleFirst = keepParticles && isLeadingParticle(tokens, first);
  if (!particleFirst) while (isParticle(tokens, first)) first++;
  if (first > last) return null;
  if (words > 4) return null; // a headline in title case, or an organisation
  const sentenceStart = first === 0 || tokens.sentence[first - 1] !== tokens.sentence[first];
  if (sentenceStart && words >= 3 && VERBISH.test(wordAt(first))) {
    first++;
    words--;
  }
  const before = first - 1; // -1: none
  if (
    first === r0 &&
    before >= 0 &&
    shape[before] === Shape.Lower &&
    tokens.sentence[before] === tokens.sentence[first]
  ) {
    // `the Hoover Dam`, `a Wall Street firm`: a name after an article names a thing
    const w = wordAt(before);
    if (w === 'the' || w === 'a' || w === 'an') return null;
  }
  if (words >= 2 && MULTI_WORD_PLACES.has(text.slice(tokens.start[first], tokens.end[last]).toLowerCase()))
    return null;
  // `San Francisco Fed`: a name cannot start inside a place's name
  if (
    first > r0 &&
    shape[first - 1] === Shape.Cap &&
    MULTI_WORD_PLACES.has(text.slice(tokens.start[first - 1], tokens.end[first]).toLowerCase())
  )
    return null;
  const byline =
    before >= 0 &&
    first === r0 + 1 &&
    wordAt(before) === 'By' &&
    (r0 === 0 || tokens.sentence[r0 - 1] !== tokens.sentence[before]);
  const prefix = first > r0 ? (abbreviationStop(text, tokens, first - 1) ? first - 2 : first - 1) : -1;
  const prefixed = prefix >= 0 && (cls[prefix] === WordClass.Office || cls[prefix] === WordClass.Honorific);
  const c = blank(first, last);
  c.end = end;
  c.byline = byline;
  c.prefixed = prefixed;
  c.weakGiven = weakGiven || weakSurname;
  c.particleFirst = particleFirst;
  if (particleFirst || words >= 2 || initials > 0) return c;
  // One name word: a name after an office or honorific, else only if the document confirms it.
  c.pending = !prefixed;
  c.regnal = prefixed && shape[prefix] === Shape.Cap && REGNAL_OFFICES.has(wordAt(prefix).toLowerCase());
  const q = first >= 2 ? first - 1 : -1;
  const qLength = q >= 0 ? tokens.end[q] - tokens.start[q] : 0;
  const qualifier = q >= 0 && shape[q] === Shape.Lower && (qLength === 5 || qLength === 7) ? wordAt(q) : '';
  if ((qualifier === 'younger' || qualifier === 'elder') && wordAt(first - 2).toLowerCase() === 'the')
    c.qualified = qualifier;
  return c;
}
