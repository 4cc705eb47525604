// People and officials in one document: names, the titles written next to them, and which
// full name a bare surname shortens.
//
// A name is found by its shape, not looked up: a run of capitalised words on one line is cut
// into the lexicon words it starts with (titles, places, organisation words: see
// nameLexicon.ts) and the name that ends it. What makes it a name:
//   - two or more name words (`Zakir Hasanov`, `Jaap de Hoop Scheffer`), or an initial and
//     a surname (`C. Mackenzie`);
//   - one name word right after an office or honorific (`President Aliyev`, `Mr. Pak`);
//   - one name word that is the surname of a name found elsewhere in the document (`Hasanov`).
// A lone capitalised word is otherwise not a name: that keeps out places (`Baku`), sentence
// starts (`Furthermore`) and single-word organisations (`Azernews`) without listing them.
// A run that goes on past the name into organisation words (`Hasanov Foundation`) is an
// organisation.
import type { NameMention, Span } from './types';
import {
  ABBREVIATED_INITIALS,
  WordClass,
  classifyLowerTitleWord,
  classifyLowerTitleWordAt,
  classifyWord,
  classifyWordAt,
  isGivenNameAt,
  KIN_NOUNS,
  MULTI_WORD_PLACES,
  PERSON_ROLES,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  Particle,
  particleKindAt,
  REGNAL_OFFICES,
  SAYING_VERBS,
  SURNAME_OFFICES,
  THING_NOUNS,
  type WordSet,
  wordSet,
} from './nameLexicon';
import {
  isPluralTitle,
  officeAhead,
  Shape,
  titleAfter,
  titleBefore,
  titlesAfter,
  titlesForList,
  type Token,
} from './titles';
import { Char, TokenKind, TokenScanner } from './wordScanner';
import { WORD_HASH_SEED, wordHash, wordHashStep } from './wordTable';

// Lower case after a lower-case letter (`PfP`, `iPhone`) is an acronym or brand, except in
// `McDonald`, `MacArthur`, `DeLay`, `LaGuardia`.
const CAMEL_NAME = /^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz)\p{Lu}\p{Ll}+$/u;
const NAME_PART = /^(?:\p{Lu}[\p{Ll}\p{M}'’]*|(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az))$/u;
// A sentence-initial participle or adverb in front of a name (`Asked Bill Clinton ...`).
const VERBISH = /(?:ing|ed|ly)$/;
// Short words that copy loses the space after (`byJohn Smith`, `andMaria Garcia`): a capital
// right after one of these starts a word of its own.
const FUSED_PREFIX = /^(?:by|and|of|to|for|with|from|said|says|told|in|on|at|the|per)(?=[A-Z][a-z]+$)/;
// `anti-Castro`, `pro-Elian`: the name after the prefix is a mention of the person
const NAME_PREFIX = /^(?:anti|pro)-(?=[A-Z][a-z]+$)/;

/**
 * Splits the text into word and punctuation tokens, each knowing its sentence. A word is
 * letters, marks and digits, joined by hyphens, or by an apostrophe before a capital
 * (`O'Brien`, `NATO'S`; `Stoltenberg's` stays two tokens so the possessive is outside); an
 * initial is a capital and its full stop; anything else is one character of punctuation
 * (see wordScanner.ts). A name fused to a short word before it (`byJohn`) is its own word.
 */
export function tokenize(text: string, sentences: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  // the bounds of sentences[sentence], read once per sentence instead of once per token
  let sentenceStart = sentences.length ? sentences[0].start : Infinity;
  let sentenceEnd = sentences.length ? sentences[0].end : Infinity;
  let prevEnd = -1;
  const scan = new TokenScanner(text);
  // lower-case words that may hide a name (`byJohn`, `anti-Castro`), split after the loop,
  // which must stay small to stay fast
  let fused: number[] | null = null;
  while (scan.next()) {
    const start = scan.start;
    const end = scan.end;
    while (sentenceEnd <= start) {
      sentence++;
      sentenceStart = sentence < sentences.length ? sentences[sentence].start : Infinity;
      sentenceEnd = sentence < sentences.length ? sentences[sentence].end : Infinity;
    }
    const token: Token = {
      start,
      end,
      shape: Shape.Punct,
      cls: WordClass.Name,
      sentence: sentenceStart <= start ? sentence : -1 - sentence,
      sameLine: prevEnd < 0 || !scan.lineBreakBefore,
      adjacent: start === prevEnd,
    };
    prevEnd = end;
    if (scan.kind === TokenKind.Initial) {
      // `U.S.`, `U.N.`: initials written tight together are an abbreviation, not a name's initials
      const prev = tokens.length ? tokens[tokens.length - 1] : null;
      if (
        prev &&
        token.adjacent &&
        prev.shape === Shape.Initial &&
        ABBREVIATED_INITIALS.has(text.charAt(prev.start) + text.charAt(start))
      ) {
        prev.shape = Shape.Upper;
        token.shape = Shape.Upper;
      } else token.shape = Shape.Initial;
    } else if (scan.kind === TokenKind.Word) {
      // only the first letter's case decides: `iPhone` is lower case, `McDonald` capitalised
      const first = scan.first;
      if (first & Char.Upper) classifyCapitalised(text, scan, token);
      else if (first & Char.Number) token.shape = Shape.Number;
      else if (first & Char.Lower) {
        // `byJohn`, `anti-Castro` (kept out of this loop, which must stay small to stay fast)
        if (scan.camel || scan.hyphenated) (fused ??= []).push(tokens.length);
        token.shape = Shape.Lower;
        // ASCII lower case, most words: looked up in place, no case folding (lexicon keys are lower case)
        const cls =
          text.charCodeAt(start) < 128
            ? classifyLowerTitleWordAt(text, start, end, scan.hash)
            : classifyLowerTitleWord(text.slice(start, end).toLowerCase());
        token.cls = cls ?? WordClass.Name;
      }
      // a word that starts with a caseless letter or a mark stays Punct, as it always has
    }
    tokens.push(token);
  }
  return fused ? splitFused(text, tokens, fused) : tokens;
}

/**
 * `byJohn` as `by` and `John`, `anti-Castro` as `anti-` and `Castro`: the tokens with the
 * lower-case words at `at` split where a name starts (the same array when none is).
 */
function splitFused(text: string, tokens: Token[], at: readonly number[]): Token[] {
  let out: Token[] | null = null;
  let copied = 0;
  for (const k of at) {
    const token = tokens[k];
    const start = token.start;
    const word = text.slice(start, token.end);
    const m = FUSED_PREFIX.exec(word) ?? NAME_PREFIX.exec(word);
    if (!m) continue;
    out ??= [];
    for (; copied < k; copied++) out.push(tokens[copied]);
    copied = k + 1;
    const cut = start + m[0].length;
    // written out as tokenize writes them: tokens of one shape keep the code that reads them fast
    const prefix: Token = {
      start,
      end: cut,
      shape: Shape.Lower,
      cls: classifyLowerTitleWord(m[0]) ?? WordClass.Name,
      sentence: token.sentence,
      sameLine: token.sameLine,
      adjacent: token.adjacent,
    };
    const name: Token = {
      start: cut,
      end: token.end,
      shape: Shape.Punct,
      cls: WordClass.Name,
      sentence: token.sentence,
      sameLine: true,
      adjacent: true,
    };
    const facts: WordFacts = {
      start: cut,
      end: token.end,
      chars: Char.Word | Char.Upper | Char.Lower,
      camel: false,
      hyphenated: false,
      hash: wordHash(text, cut, token.end),
    };
    classifyCapitalised(text, facts, name);
    out.push(prefix, name);
  }
  if (!out) return tokens;
  for (; copied < tokens.length; copied++) out.push(tokens[copied]);
  return out;
}

/** What the scanner tells of a word (a TokenScanner after `next`, or the part of a fused word). */
interface WordFacts {
  start: number;
  end: number;
  chars: number;
  camel: boolean;
  hyphenated: boolean;
  hash: number;
}

function classifyCapitalised(text: string, scan: WordFacts, token: Token): void {
  const { start, end } = scan;
  if ((scan.chars & Char.Lower) === 0) {
    // `A`, `I` are words; `NATO`, `US` are acronyms
    token.cls = classifyWordAt(text, start, end, scan.hash, scan.hyphenated);
    token.shape = end - start === 1 && token.cls !== WordClass.Name ? Shape.Cap : Shape.Upper;
  } else if (scan.camel && !CAMEL_NAME.test(text.slice(start, end).split(/['’-]/).pop() ?? '')) {
    token.shape = Shape.Upper;
  } else {
    token.shape = Shape.Cap;
    token.cls = classifyWordAt(text, start, end, scan.hash, scan.hyphenated);
    // `NATO-led`, `Pre-war`: capitalised, but not shaped like a name
    if (
      token.cls === WordClass.Name &&
      scan.hyphenated &&
      !text
        .slice(start, end)
        .split('-')
        .every((p) => NAME_PART.test(p))
    ) {
      token.cls = WordClass.Modifier;
    }
  }
}

/** A name word: capitalised and in no lexicon. */
const isNameWord = (t: Token) => t.shape === Shape.Cap && t.cls === WordClass.Name;

function isParticle(text: string, t: Token): boolean {
  return t.shape === Shape.Lower && (particleKindAt(text, t.start, t.end) & Particle.Inner) !== 0;
}

const isPatronymic = (text: string, t: Token) =>
  t.shape === Shape.Lower && (particleKindAt(text, t.start, t.end) & Particle.Patronymic) !== 0;

const isLeadingParticle = (text: string, t: Token) =>
  t.shape === Shape.Lower && (particleKindAt(text, t.start, t.end) & Particle.Leading) !== 0;

/** Folds diacritics and case: `Geoană` and `Geoana` are one spelling. */
export function foldName(s: string): string {
  // most names are plain ASCII: nothing to decompose
  return ASCII.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The key a surname is known by: its last word, folded, without a fused particle, so that
 * `de Hoop Scheffer` and `Scheffer`, `al-Assad` and `Assad`, `Geoană` and `Geoana` meet.
 */
export function surnameKeyOf(surname: string): string {
  // asked for every name mention at every update: remembered (a corpus has few surnames)
  let key = surnameKeys.get(surname);
  if (key !== undefined) return key;
  const lastSpace = surname.lastIndexOf(' ');
  const word = foldName(lastSpace >= 0 ? surname.slice(lastSpace + 1) : surname);
  const fused = /^(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az)-(?=.)/.exec(word);
  key = fused ? word.slice(fused[0].length) : word;
  if (surnameKeys.size >= 100_000) surnameKeys.clear();
  surnameKeys.set(surname, key);
  return key;
}

const surnameKeys = new Map<string, string>();

/**
 * `wordHash(surnameKeyOf(word))` for the word at [start, end), made without the string when
 * the word is ASCII (most are): the evidence pass compares words of a document by these
 * numbers. Two words that differ and hash alike (one pair in four billion) would vouch for
 * each other, which the pass can bear.
 */
export function keyHashAt(text: string, start: number, end: number): number {
  let from = start;
  // `al-Assad`: the key is `assad` (see surnameKeyOf)
  if (text.charCodeAt(start + 2) === 45 || text.charCodeAt(start + 3) === 45) {
    const fused = /^(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az)-(?=.)/i.exec(
      text.slice(start, Math.min(end, start + 6)),
    );
    if (fused && start + fused[0].length < end) from = start + fused[0].length;
  }
  let h = WORD_HASH_SEED;
  for (let i = from; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) {
      const key = surnameKeyOf(text.slice(start, end));
      return wordHash(key, 0, key.length);
    }
    if (c >= 65 && c <= 90) c += 32;
    h = wordHashStep(h, c);
  }
  return h;
}

/**
 * The key that groups the surnames one person may be spelt with across a corpus: the surname
 * key's first letter and its consonants, doubles written once (`Goencz` and `Gencz` are
 * `gncz`, `Aliyev` and `Aliev` `alv`). Many surnames share a group; who is who inside it is
 * decided by given names and a spelling distance (personEntities.ts), never by the group alone.
 */
export function surnameGroupKeyOf(surname: string): string {
  let key = groupKeys.get(surname);
  if (key !== undefined) return key;
  const exact = surnameKeyOf(surname);
  key = exact.charAt(0);
  for (let i = 1; i < exact.length; i++) {
    const ch = exact.charAt(i);
    if ('aeiouyh'.includes(ch) || ch === key.charAt(key.length - 1)) continue;
    key += ch;
  }
  if (groupKeys.size >= 100_000) groupKeys.clear();
  groupKeys.set(surname, key);
  return key;
}

const groupKeys = new Map<string, string>();

/** A loose pattern of the spellings a group key stands for (`gncz`: g, n, c, z with vowels between), to find them in a text. */
export function groupKeyPattern(key: string): string {
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...key].map((c) => esc(c) + '+').join('[aeiouyh]*');
}

interface Candidate {
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

/**
 * Finds the names of people in one document, with the titles written next to them, and
 * links each bare surname to the full name it shortens. Sorted by start.
 */
export function recognisePeople(text: string, sentences: Span[]): NameMention[] {
  if (text.length === 0) return [];
  const tokens = tokenize(text, sentences);
  const accepted = acceptCandidates(text, tokens, findCandidates(text, tokens));
  const mentions = accepted.map((c) => toMention(text, tokens, c));
  surnamesAfterHonorifics(text, tokens, accepted, mentions);
  attachTitles(text, tokens, accepted, mentions);
  markOfficesHeld(text, tokens, accepted, mentions);
  linkSurnames(mentions, accepted);
  return mentions;
}

function findCandidates(text: string, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  const n = tokens.length;
  let i = 0;
  let free = 0; // the first token no run has taken
  while (i < n) {
    const shape = tokens[i].shape;
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
    i = particlesBefore(text, tokens, i, free);
    // A run: capitalised words, acronyms, initials and inner particles on one line of one
    // sentence, or across a line break that wraps a long line.
    let end = i + 1;
    while (end < n) {
      const t = tokens[end];
      if ((t.sentence !== tokens[i].sentence || !t.sameLine) && !wrapsName(text, tokens, end)) break;
      if (abbreviationStop(text, tokens, end)) {
        end++; // `Mr. Pak`, `Gen. Smith`
        continue;
      }
      const tightInitials = t.shape === Shape.Initial && tokens[end - 1].shape === Shape.Initial; // `J.C.`
      if (t.adjacent && !tightInitials) break;
      if (startsRun(t)) {
        end++;
        continue;
      }
      if (isParticle(text, t) && end + 1 < n && isNameWord(tokens[end + 1]) && tokens[end + 1].sameLine) {
        end++;
        continue;
      }
      if (
        isParticle(text, t) &&
        end + 2 < n &&
        isParticle(text, tokens[end + 1]) &&
        isNameWord(tokens[end + 2]) &&
        tokens[end + 2].sameLine
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
function wrapsName(text: string, tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t.sameLine || !isNameWord(t) || k === 0 || !oneLineBreak(text, tokens[k - 1].end, t.start))
    return false;
  const prev = tokens[k - 1];
  if (!(
    isNameWord(prev) ||
    prev.shape === Shape.Initial ||
    (prev.shape === Shape.Cap && prev.cls === WordClass.Office)
  ))
    return false;
  const lineStart = text.lastIndexOf('\n', prev.start) + 1;
  if (prev.end - lineStart < 40) return false;
  // the next line goes on as prose, not as a label (`Hasanov:`)
  return !(k + 1 < tokens.length && text.charCodeAt(tokens[k + 1].start) === 58);
}

/** Exactly one line break (a CRLF is one) in `text` between `from` and `to`: no blank line. */
function oneLineBreak(text: string, from: number, to: number): boolean {
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
function particlesBefore(text: string, tokens: readonly Token[], i: number, free: number): number {
  if (tokens[i].shape !== Shape.Cap || tokens[i].cls !== WordClass.Name) return i;
  let p = i;
  while (
    p - 1 >= free &&
    p > i - 2 &&
    tokens[p].sameLine &&
    tokens[p - 1].sentence === tokens[i].sentence &&
    isLeadingParticle(text, tokens[p - 1])
  )
    p--;
  return p;
}

/**
 * `JOHN SMITH:` or `PRESIDENT CLINTON:` opening a line: a transcript's speaker label. The
 * words in capitals are read as their capitalised forms; the last must be a name word.
 */
function speakerLabel(text: string, tokens: readonly Token[], i: number): Candidate | null {
  const t = tokens[i];
  if (t.shape !== Shape.Upper || (i > 0 && t.sameLine)) return null;
  let k = i + 1;
  while (k < tokens.length && k < i + 5 && tokens[k].shape === Shape.Upper && tokens[k].sameLine) k++;
  if (k === i || k >= tokens.length || text.charCodeAt(tokens[k].start) !== 58 /* : */) return null;
  // the capitalised form's class: `SMITH` is a name word, `PRESIDENT` an office, `NEWS` no name
  const classes = [];
  for (let j = i; j < k; j++) {
    const w = text.slice(tokens[j].start, tokens[j].end);
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
  if (first === k - 1 && !titled && !isGivenNameAt(text, tokens[first].start, tokens[first].end)) {
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

function blank(first: number, last: number): Candidate {
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

/** The full stop of `Mr.`, `Dr.`, `Gen.`: tight after a short honorific or office word. */
export function abbreviationStop(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (i < 1 || t.shape !== Shape.Punct || !t.adjacent || text.charCodeAt(t.start) !== 46) return false;
  const w = tokens[i - 1];
  return (
    w.shape === Shape.Cap &&
    w.end - w.start <= 4 &&
    (w.cls === WordClass.Honorific || w.cls === WordClass.Office)
  );
}

const startsRun = (t: Token) => t.shape === Shape.Cap || t.shape === Shape.Upper || t.shape === Shape.Initial;

// Words before a month or place that make it one (`in May`, `from Jordan`), not a given name.
const NOT_BEFORE_GIVEN = new Set(
  'in on since until till by from to of at near into last next early late mid this that the'.split(' '),
);

/** The name that ends the run [r0, r1), if the run holds one. */
function nameInRun(text: string, tokens: readonly Token[], r0: number, r1: number): Candidate | null {
  // Dates may follow a name in the run (`told Smith Monday`), and suffixes (`Jr.`); nothing else may.
  let last = r1 - 1;
  while (
    last >= r0 &&
    ((tokens[last].shape === Shape.Cap && tokens[last].cls === WordClass.Calendar) ||
      NAME_SUFFIXES.has(text.slice(tokens[last].start, tokens[last].end)))
  )
    last--;
  if (last < r0) return null;
  // `Prakash Shah`, `Martin Luther King`: an office that is also a surname, after a name word
  const officeSurname =
    tokens[last].shape === Shape.Cap &&
    tokens[last].cls === WordClass.Office &&
    SURNAME_OFFICES.has(text.slice(tokens[last].start, tokens[last].end)) &&
    last - 1 >= r0 &&
    isNameWord(tokens[last - 1]);
  // `Peter Holland`, `Michael Jordan`: a place after a given name is a surname
  const placeSurname =
    tokens[last].shape === Shape.Cap &&
    tokens[last].cls === WordClass.Place &&
    last - 1 >= r0 &&
    isNameWord(tokens[last - 1]) &&
    isGivenNameAt(text, tokens[last - 1].start, tokens[last - 1].end);
  if (!isNameWord(tokens[last]) && !officeSurname && !placeSurname) return null;
  const weakSurname = !isNameWord(tokens[last]);
  let end = last;
  while (end + 1 < r1 && NAME_SUFFIXES.has(text.slice(tokens[end + 1].start, tokens[end + 1].end))) end++;
  if (
    end > last &&
    end + 1 < tokens.length &&
    tokens[end + 1].adjacent &&
    text.charCodeAt(tokens[end + 1].start) === 46
  ) {
    const suffix = text.slice(tokens[end].start, tokens[end].end);
    if (suffix === 'Jr' || suffix === 'Sr' || suffix === 'Jnr' || suffix === 'Snr') end++; // `Jr.`
  }
  let first = last;
  let words = 1;
  let initials = 0;
  let weakGiven = false;
  while (first - 1 >= r0) {
    const t = tokens[first - 1];
    if (isNameWord(t)) words++;
    else if (t.shape === Shape.Initial) initials++;
    else if (isParticle(text, t)) {
      /* inside the name */
    } else if (
      t.shape === Shape.Cap &&
      (t.cls === WordClass.Place || t.cls === WordClass.Calendar) &&
      first === last &&
      isNameWord(tokens[first]) &&
      isGivenNameAt(text, t.start, t.end) &&
      !(
        first - 2 >= 0 &&
        NOT_BEFORE_GIVEN.has(text.slice(tokens[first - 2].start, tokens[first - 2].end).toLowerCase())
      )
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
  const beforeFirst = first > 0 ? tokens[first - 1] : null;
  const keepParticles =
    isParticle(text, tokens[first]) &&
    !isPatronymic(text, tokens[first]) &&
    (first === r0 ||
      (beforeFirst !== null &&
        (beforeFirst.cls === WordClass.Honorific ||
          beforeFirst.cls === WordClass.Office ||
          beforeFirst.cls === WordClass.Function ||
          abbreviationStop(text, tokens, first - 1))));
  const particleFirst = keepParticles && isLeadingParticle(text, tokens[first]);
  if (!particleFirst) while (isParticle(text, tokens[first])) first++;
  if (first > last) return null;
  if (words > 4) return null; // a headline in title case, or an organisation
  const sentenceStart = first === 0 || tokens[first - 1].sentence !== tokens[first].sentence;
  if (sentenceStart && words >= 3 && VERBISH.test(text.slice(tokens[first].start, tokens[first].end))) {
    first++;
    words--;
  }
  const before = first > 0 ? tokens[first - 1] : null;
  if (first === r0 && before && before.shape === Shape.Lower && before.sentence === tokens[first].sentence) {
    // `the Hoover Dam`, `a Wall Street firm`: a name after an article names a thing
    const w = text.slice(before.start, before.end);
    if (w === 'the' || w === 'a' || w === 'an') return null;
  }
  if (words >= 2 && MULTI_WORD_PLACES.has(text.slice(tokens[first].start, tokens[last].end).toLowerCase()))
    return null;
  // `San Francisco Fed`: a name cannot start inside a place's name
  if (
    first > r0 &&
    tokens[first - 1].shape === Shape.Cap &&
    MULTI_WORD_PLACES.has(text.slice(tokens[first - 1].start, tokens[first].end).toLowerCase())
  )
    return null;
  const byline =
    before !== null &&
    first === r0 + 1 &&
    text.slice(before.start, before.end) === 'By' &&
    (r0 === 0 || tokens[r0 - 1].sentence !== before.sentence);
  const prefix =
    first > r0 ? tokens[abbreviationStop(text, tokens, first - 1) ? first - 2 : first - 1] : null;
  const prefixed = prefix !== null && (prefix.cls === WordClass.Office || prefix.cls === WordClass.Honorific);
  const c = blank(first, last);
  c.end = end;
  c.byline = byline;
  c.prefixed = prefixed;
  c.weakGiven = weakGiven || weakSurname;
  c.particleFirst = particleFirst;
  if (particleFirst || words >= 2 || initials > 0) return c;
  // One name word: a name after an office or honorific, else only if the document confirms it.
  c.pending = !prefixed;
  c.regnal =
    prefix !== null &&
    prefixed &&
    prefix.shape === Shape.Cap &&
    REGNAL_OFFICES.has(text.slice(prefix.start, prefix.end).toLowerCase());
  const q = first >= 2 ? tokens[first - 1] : null;
  const qualifier =
    q && q.shape === Shape.Lower && (q.end - q.start === 5 || q.end - q.start === 7)
      ? text.slice(q.start, q.end)
      : '';
  if (
    (qualifier === 'younger' || qualifier === 'elder') &&
    text.slice(tokens[first - 2].start, tokens[first - 2].end).toLowerCase() === 'the'
  )
    c.qualified = qualifier;
  return c;
}

// ---------------------------------------------------------------- evidence of a person

/**
 * Which candidates are people. A run of capitalised words is a person's name only with
 * evidence: an office or honorific next to it, a given name (from a general lexicon) or an
 * initial, a particle, a verb of saying, an age (`, 58,`), `, who`, a possessive with a
 * relative (`Petrov's wife`), the surname written alone elsewhere, the same name with evidence
 * elsewhere, or a list with names that have some. Without any, title-case phrases are form
 * labels and headings (`Publication Date`), exercises (`Sea Breeze`), firms (`Lockheed Martin`),
 * organisations (`Sinn Fein`). Right after a noun that names things (`the carrier John F.
 * Kennedy`, `exercise Sea Breeze`) or inside an organisation's name (`Network for Organ
 * Sharing`) a name is never a person's.
 */
function acceptCandidates(text: string, tokens: readonly Token[], cands: Candidate[]): Candidate[] {
  // each candidate's last word as a surname key, and its first word (of a longer name) folded
  // the same way: read once, compared many times below
  const n = cands.length;
  // as hashes of the keys (see `keyHashAt`): compared in sets of numbers, no string made
  const lastKey = new Int32Array(n);
  const firstKey = new Int32Array(n); // 0: a one-word candidate
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    lastKey[k] = keyHashAt(text, tokens[c.last].start, tokens[c.last].end);
    firstKey[k] = c.last > c.first ? keyHashAt(text, tokens[c.first].start, tokens[c.first].end) || 1 : 0;
  }
  // lone words: single name words anywhere, titled or not; `loneRole`: those said to say
  // something or have relatives (`Saddam said`), a person's given name or surname; only a
  // word that opens a longer name here can matter as a given name said alone
  const lone = new Set<number>();
  const loneRole = new Set<number>();
  const openers = new Set<number>();
  for (let k = 0; k < n; k++) if (firstKey[k]) openers.add(firstKey[k]);
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    if (c.first !== c.last || c.regnal || c.particleFirst) continue;
    const key = lastKey[k];
    lone.add(key);
    if (openers.has(key) && !loneRole.has(key) && (c.prefixed || aroundSaysPerson(text, tokens, c)))
      loneRole.add(key);
  }
  const byText = new Map<number, Candidate[]>();
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    if (c.pending) continue;
    if (namesThing(text, tokens, c)) {
      c.thing = true;
      continue;
    }
    c.evidence ||=
      c.byline ||
      c.prefixed ||
      c.particleFirst ||
      c.regnal ||
      strongEvidence(text, tokens, c, lone, loneRole, lastKey[k], firstKey[k]);
    if (c.first === c.last) continue;
    const key = (Math.imul(firstKey[k], 31) ^ lastKey[k]) + (c.last - c.first);
    const list = byText.get(key);
    if (list) list.push(c);
    else byText.set(key, [c]);
  }
  // the same name with evidence elsewhere in the document, or the surname of a relative (`Lazaro
  // Gonzalez` vouches for `Elian Gonzalez`)
  const familyNames = new Set<number>();
  for (let k = 0; k < n; k++) if (cands[k].evidence && firstKey[k]) familyNames.add(lastKey[k]);
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    if (!c.evidence && !c.thing && !c.pending && firstKey[k] && familyNames.has(lastKey[k]))
      c.evidence = true;
  }
  for (const list of byText.values())
    if (list.length > 1 && list.some((c) => c.evidence))
      for (const c of list) if (!c.thing) c.evidence = true;
  // a title next to it: asked only of the names nothing cheaper vouched for
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    if (c.evidence || c.pending || c.thing || !titledCandidate(text, tokens, cands, k)) continue;
    c.evidence = true;
    const same = firstKey[k]
      ? byText.get((Math.imul(firstKey[k], 31) ^ lastKey[k]) + (c.last - c.first))
      : undefined;
    if (same) for (const other of same) if (!other.thing) other.evidence = true;
  }
  // names listed with people (`Aleksander Kwasniewski and Vaclav Havel`)
  for (let pass = 0; pass < 2; pass++)
    for (let k = 0; k < n; k++) {
      const c = cands[k];
      if (c.evidence || c.pending || c.thing) continue;
      const prev = neighbour(cands, k, -1);
      const next = neighbour(cands, k, 1);
      if (
        (prev?.evidence && listed(text, tokens, prev.end + 1, c.first)) ||
        (next?.evidence && listed(text, tokens, c.end + 1, next.first))
      )
        c.evidence = true;
    }
  // lone words: the surname or given name of someone named here, or listed between people
  const surnames = new Set<number>();
  const givens = new Set<number>();
  const middles = new Set<number>();
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    if (!c.evidence) continue;
    surnames.add(lastKey[k]);
    if (firstKey[k] && isNameWord(tokens[c.first]) && !c.particleFirst) givens.add(firstKey[k]);
    // `Moussa Faki Mahamat`: a middle name, said alone only where it is a person's (`Faki said`)
    for (let j = c.first + 1; j < c.last; j++)
      if (isNameWord(tokens[j])) middles.add(keyHashAt(text, tokens[j].start, tokens[j].end));
  }
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    if (!c.pending || c.thing) continue;
    const key = lastKey[k];
    if (surnames.has(key)) c.evidence = true;
    else if (
      !c.speaker &&
      (givens.has(key) || (middles.has(key) && (c.prefixed || aroundSaysPerson(text, tokens, c, false))))
    ) {
      c.evidence = true;
      c.givenOnly = true;
    } else if (
      !c.speaker &&
      singleTitleAfter(text, tokens, c.end + 1, k + 1 < n ? cands[k + 1].first : tokens.length)
    )
      c.evidence = true; // `Clark, the district attorney,`
    else {
      const prev = neighbour(cands, k, -1);
      const next = neighbour(cands, k, 1);
      // `Madeleine Albright, Berger and defense secretary William Cohen`
      if (
        prev?.evidence &&
        next?.evidence &&
        listed(text, tokens, prev.end + 1, c.first) &&
        listed(text, tokens, c.end + 1, next.first, true)
      )
        c.evidence = true;
    }
  }
  return cands.filter((c) => c.evidence);
}

const wordOf = (text: string, t: Token) => text.slice(t.start, t.end);

/**
 * `Clark, the district attorney,`: one word and an apposition that names one office, set off
 * by a determiner (`Ultimately, U.S. officials approved` is a sentence adverb and a subject).
 */
function singleTitleAfter(text: string, tokens: readonly Token[], after: number, ceil: number): boolean {
  if (!isChar(text, tokens, after, 44)) return false;
  if (
    !wordIs(text, tokens, after + 1, 'the') &&
    !wordIs(text, tokens, after + 1, 'a') &&
    !wordIs(text, tokens, after + 1, 'an')
  )
    return false;
  const title = titleAfter(text, tokens, after, ceil);
  return title !== null && !isPluralTitle(title.text);
}

/** The nearest candidate before (`step` -1) or after (1) candidate `k` that is no lone word (`of Ruritania` is none). */
function neighbour(cands: readonly Candidate[], k: number, step: number): Candidate | null {
  for (let j = k + step; j >= 0 && j < cands.length; j += step) if (!cands[j].pending) return cands[j];
  return null;
}

/** Whether token `k` is the lower-case word `word` (no string made). */
function wordIs(text: string, tokens: readonly Token[], k: number, word: string): boolean {
  if (k < 0 || k >= tokens.length) return false;
  const t = tokens[k];
  return t.shape === Shape.Lower && t.end - t.start === word.length && text.startsWith(word, t.start);
}

/** Whether token `k` is a lower-case word of `set` (no string made). */
function wordIn(text: string, tokens: readonly Token[], k: number, set: WordSet): boolean {
  if (k < 0 || k >= tokens.length) return false;
  const t = tokens[k];
  return t.shape === Shape.Lower && set.hasAt(text, t.start, t.end);
}

function lowerAt(text: string, tokens: readonly Token[], k: number): string {
  if (k < 0 || k >= tokens.length) return '';
  const t = tokens[k];
  return t.shape === Shape.Lower ? text.slice(t.start, t.end) : '';
}

const isChar = (text: string, tokens: readonly Token[], k: number, code: number) =>
  k >= 0 && k < tokens.length && tokens[k].shape === Shape.Punct && text.charCodeAt(tokens[k].start) === code;

const FIRM_CONTEXT = new Set([
  'shares',
  'stock',
  'stake',
  'stakes',
  'subsidiary',
  'unit',
  'bonds',
  'shareholders',
]);

/** Right after a noun that names things, or inside an organisation's name. */
function namesThing(text: string, tokens: readonly Token[], c: Candidate): boolean {
  if (c.prefixed || c.byline || c.speaker) return false;
  const b = c.first - 1;
  if (b < 0 || tokens[b].sentence !== tokens[c.first].sentence) return false;
  const t = tokens[b];
  if ((t.shape === Shape.Lower || t.shape === Shape.Upper) && THING_NOUNS.hasAt(text, t.start, t.end))
    return true;
  // `United Network for Organ Sharing`, `Institute of Karl Marx Studies`
  const w = lowerAt(text, tokens, b);
  // `shares of Morgan Stanley`, `a stake in Lockheed Martin`: a firm
  if ((w === 'of' || w === 'in') && b >= 1 && FIRM_CONTEXT.has(wordOf(text, tokens[b - 1]).toLowerCase()))
    return true;
  if ((w === 'for' || w === 'of' || w === 'on') && b >= 1) {
    const o = tokens[b - 1];
    if (o.shape === Shape.Cap && o.cls === WordClass.Organisation) return true;
  }
  return false;
}

/** Evidence from the words around one candidate. */
function strongEvidence(
  text: string,
  tokens: readonly Token[],
  c: Candidate,
  lone: ReadonlySet<number>,
  loneRole: ReadonlySet<number>,
  lastKey: number,
  firstKey: number,
): boolean {
  // a given name from the lexicon, an initial, a particle or patronymic inside
  for (let j = c.first; j < c.last; j++) {
    const t = tokens[j];
    if (t.shape === Shape.Initial || isParticle(text, t)) return true;
    if (j > c.first && t.shape === Shape.Cap && NAME_PARTICLES.has(wordOf(text, t).toLowerCase()))
      return true; // `Osama Bin Laden`
    if (c.weakGiven) continue;
    if (isNameWord(t) && isGivenNameAt(text, t.start, t.end)) return true;
  }
  // `al-Megrahi`
  const lastStart = tokens[c.last].start;
  if (text.charCodeAt(lastStart + 2) === 45 || text.charCodeAt(lastStart + 3) === 45)
    if (/^(?:al|el|bin|ibn|abu)-/i.test(text.slice(lastStart, lastStart + 4))) return true;
  // the surname written alone elsewhere, or the given name alone where it is a person's
  if (c.last > c.first && (lone.has(lastKey) || loneRole.has(firstKey))) return true;
  // `Iraq's Saddam Hussein`: a country's someone
  if (
    c.first >= 3 &&
    lowerAt(text, tokens, c.first - 1) === 's' &&
    tokens[c.first - 1].adjacent &&
    tokens[c.first - 3].shape === Shape.Cap &&
    tokens[c.first - 3].cls === WordClass.Place
  )
    return true;
  return aroundSaysPerson(text, tokens, c, !c.weakGiven);
}

/** A title next to candidate `k` (the dearest evidence, asked last). */
function titledCandidate(
  text: string,
  tokens: readonly Token[],
  cands: readonly Candidate[],
  k: number,
): boolean {
  const c = cands[k];
  const floor = k > 0 ? cands[k - 1].end + 1 : 0;
  const ceil = k + 1 < cands.length ? cands[k + 1].first : tokens.length;
  return !!(titleBefore(text, tokens, c.first, floor, c.end) || titleAfter(text, tokens, c.end + 1, ceil));
}

/** A verb of saying, an age, `, who`, or a possessive with a relative next to the name. */
function aroundSaysPerson(text: string, tokens: readonly Token[], c: Candidate, pronouns = true): boolean {
  const a = c.end + 1;
  if (wordIn(text, tokens, a, SAYING_VERBS) || wordIs(text, tokens, a, 'who')) return true;
  if (isChar(text, tokens, a, 44 /* , */)) {
    if (wordIs(text, tokens, a + 1, 'who') || wordIs(text, tokens, a + 1, 'whose')) return true;
    if (isAge(text, tokens, a + 1) && isChar(text, tokens, a + 2, 44)) return true;
    // `Ivan Petrov, the head of ..., said`
    for (let j = a + 1; j < tokens.length && j < a + 25 && tokens[j].sentence === tokens[a].sentence; j++) {
      if (isChar(text, tokens, j, 44)) {
        if (wordIn(text, tokens, j + 1, SAYING_VERBS)) return true;
        break;
      }
    }
  }
  // `Ivan Petrov spent a fortune on the house, he thought`: a personal pronoun soon after
  for (
    let j = a;
    pronouns && j < tokens.length && j < a + 10 && tokens[j].sentence === tokens[c.end].sentence;
    j++
  ) {
    const t = tokens[j];
    if (t.shape === Shape.Cap && t.cls === WordClass.Name) break; // someone else may be meant
    if (t.shape === Shape.Lower && t.end - t.start <= 3 && PRONOUN.test(text.slice(t.start, t.end)))
      return true;
  }
  // `Petrov's wife`
  if (
    a + 2 < tokens.length &&
    tokens[a].shape === Shape.Punct &&
    tokens[a].adjacent &&
    wordIs(text, tokens, a + 1, 's') &&
    wordIn(text, tokens, a + 2, KIN_NOUNS)
  )
    return true;
  const b = c.first - 1;
  if (wordIn(text, tokens, b, SAYING_VERBS) || wordIs(text, tokens, b, 'named')) return true;
  if (wordIn(text, tokens, b, PERSON_ROLES)) return true; // `economist Jan Hatzius`
  // `I'm Sachi Koto`, `according to Ivan Petrov`
  if (wordIs(text, tokens, b, 'm') && b >= 2 && tokens[b].adjacent && wordOf(text, tokens[b - 2]) === 'I')
    return true;
  return wordIs(text, tokens, b, 'to') && wordIs(text, tokens, b - 1, 'according');
}

const PRONOUN = /^(?:he|she|his|him|her)$/;

function isAge(text: string, tokens: readonly Token[], k: number): boolean {
  if (k >= tokens.length || tokens[k].shape !== Shape.Number) return false;
  const w = wordOf(text, tokens[k]);
  return /^\d{1,3}$/.test(w) && Number(w) >= 1 && Number(w) < 120;
}

/**
 * Whether the tokens [from, to) only join two names of a list: commas, `and`, `or`, a
 * country after `of` (`Leonid Kuchma of Ukraine and`), an honorific; with `titles`, also the
 * office words of the next name (`and defense secretary William Cohen`).
 */
function listed(text: string, tokens: readonly Token[], from: number, to: number, titles = false): boolean {
  if (to - from > 8 || to <= from) return false;
  let joined = false;
  for (let j = from; j < to; j++) {
    const t = tokens[j];
    if (t.sentence !== tokens[from].sentence) return false;
    if (t.shape === Shape.Punct) {
      const ch = text.charCodeAt(t.start);
      if (ch === 44 || ch === 59) joined = true;
      else if (ch !== 46 || !abbreviationStop(text, tokens, j)) return false;
      continue;
    }
    const w = t.shape === Shape.Lower ? wordOf(text, t) : '';
    if (w === 'and' || w === 'or') {
      joined = true;
      continue;
    }
    if (w === 'of' || w === 'from') continue;
    if (t.shape === Shape.Cap && (t.cls === WordClass.Place || t.cls === WordClass.Honorific)) continue;
    // `of Ruritania`: a place the lexicon does not know, after `of`
    if (
      t.shape === Shape.Cap &&
      j > from &&
      (lowerAt(text, tokens, j - 1) === 'of' || tokens[j - 1].shape === Shape.Cap)
    )
      continue;
    if (
      titles &&
      (t.cls === WordClass.Office || t.cls === WordClass.Modifier || t.cls === WordClass.Organisation) &&
      (t.shape === Shape.Cap || t.shape === Shape.Lower || t.shape === Shape.Upper)
    )
      continue;
    return false;
  }
  return joined;
}

function toMention(text: string, tokens: readonly Token[], c: Candidate): NameMention {
  // The surname is the last name word with the particles before it (`de Hoop Scheffer`);
  // what comes before it are the given names and initials (a patronymic among them:
  // `Mammad Ali oglu Huseynov`).
  let s = c.last;
  // `Bin Laden`, `De Gaulle`: a capitalised particle opening the name opens the surname
  const opening = text.slice(tokens[c.first].start, tokens[c.first].end).toLowerCase();
  if (
    c.particleFirst ||
    (c.last > c.first && tokens[c.first].shape === Shape.Cap && NAME_PARTICLES.has(opening))
  )
    s = c.first;
  else
    for (let k = c.first + 1; k < c.last; k++) {
      if (isParticle(text, tokens[k]) && !isPatronymic(text, tokens[k])) {
        s = k;
        break;
      }
    }
  const given: string[] = [];
  for (let k = c.first; k < s; k++) given.push(text.slice(tokens[k].start, tokens[k].end));
  const start = tokens[c.first].start;
  const end = tokens[c.end].end;
  const m: NameMention = {
    start,
    end,
    text: text.slice(start, end),
    given,
    surname: text.slice(tokens[s].start, tokens[c.last].end),
    titles: [],
    byline: c.byline,
    fullRef: -1,
    // every mention has every field, set or not: one shape for the engine to optimise for
    regnal: c.regnal ? true : undefined,
    qualified: c.qualified ?? undefined,
    givenOnly: c.givenOnly ? true : undefined,
    holdsOffice: undefined,
    speaker: c.speaker ? true : undefined,
  };
  return m;
}

/**
 * `Mr. Garcia Lopez` where the document names `Maria Garcia Lopez`: after an honorific, two
 * words that end a fuller name here and do not open with a given name are one surname.
 */
function surnamesAfterHonorifics(
  text: string,
  tokens: readonly Token[],
  cands: readonly Candidate[],
  mentions: NameMention[],
): void {
  // the word-final tails of the names with two given names or more (`garcia lopez` of
  // `maria garcia lopez`), made only when an honorific stands before a two-word name
  let tails: Set<string> | null = null;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    const m = mentions[k];
    if (!c.prefixed || m.given.length === 0 || tokens[c.first].shape !== Shape.Cap) continue;
    if (isGivenNameAt(text, tokens[c.first].start, tokens[c.first].end)) continue;
    if (m.given.some((g) => g.endsWith('.'))) continue;
    if (!tails) {
      tails = new Set();
      for (const o of mentions) {
        if (o.given.length < 2) continue;
        const folded = foldName(o.text);
        for (let i = folded.indexOf(' '); i >= 0; i = folded.indexOf(' ', i + 1))
          tails.add(folded.slice(i + 1));
      }
    }
    if (!tails.has(foldName(m.text))) continue;
    m.surname = m.text;
    m.given = [];
  }
}

function attachTitles(
  text: string,
  tokens: readonly Token[],
  cands: readonly Candidate[],
  mentions: NameMention[],
) {
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.byline) continue;
    const sentence = tokens[c.first].sentence;
    const floor = k > 0 && tokens[cands[k - 1].last].sentence === sentence ? cands[k - 1].end + 1 : 0;
    const ceil = k + 1 < cands.length ? cands[k + 1].first : tokens.length;
    const before = titleBefore(text, tokens, c.first, floor, c.end);
    if (before) mentions[k].titles.push(before);
    const after = titlesAfter(text, tokens, c.end + 1, ceil);
    if (after.length) mentions[k].titles.push(...after);
  }
  // A plural office before a list of names is each one's (`Presidents Anna Berg of Ruritania and Boris Holm`).
  titlesForList(text, tokens, cands, mentions);
}

// Verbs that state an office as a predicate: `resigned as chairman`, `was named president`.
const ROLE_VERBS = wordSet(
  `resigned resigns retired retires stepped steps served serves serving succeeded succeeds replaced replaces
   remained remains continues continued stays stayed took`.split(/\s+/),
);
const NAMING_VERBS = wordSet(
  'named appointed elected became becomes become promoted made installed sworn'.split(' '),
);
const PREDICATE_GLUE = wordSet(
  'who was is has had have been will would be also later then now recently down over in as'.split(' '),
);

/**
 * An office stated as a predicate makes its holder an official, though it is no title
 * (`Michael Reupke resigned as general manager`, `who stepped down as chairman`, `was named
 * president`, `succeeded Mr. Taylor as chairman`).
 */
function markOfficesHeld(
  text: string,
  tokens: readonly Token[],
  cands: readonly Candidate[],
  mentions: NameMention[],
): void {
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.byline || mentions[k].titles.length) continue;
    let role = false;
    for (let j = c.end + 1; j < tokens.length && j <= c.end + 12; j++) {
      const t = tokens[j];
      if (t.sentence !== tokens[c.end].sentence) break;
      if (t.shape === Shape.Punct) {
        if (isChar(text, tokens, j, 44) || abbreviationStop(text, tokens, j)) continue;
        break;
      }
      if (t.shape === Shape.Cap || t.shape === Shape.Initial) {
        if (t.cls === WordClass.Name || t.cls === WordClass.Honorific) continue; // `succeeded Mr. Taylor as`
        break;
      }
      if (t.shape !== Shape.Lower) break;
      if (wordIn(text, tokens, j, ROLE_VERBS)) role = true;
      else if (wordIn(text, tokens, j, NAMING_VERBS)) {
        if (officeAhead(text, tokens, j + 1, Math.min(tokens.length, j + 8))) mentions[k].holdsOffice = true;
        role = true;
        if (mentions[k].holdsOffice) break;
      } else if (role && wordIs(text, tokens, j, 'as')) {
        if (officeAhead(text, tokens, j + 1, Math.min(tokens.length, j + 8))) mentions[k].holdsOffice = true;
        break;
      } else if (!wordIn(text, tokens, j, PREDICATE_GLUE)) break;
    }
  }
}

/**
 * Points each surname (or initial and surname) at the full name it shortens, the nearest
 * before it, else after; and each lone given name at the full name it opens. `the younger
 * Bush` stays apart: someone else than the Bush named in full.
 */
function linkSurnames(mentions: NameMention[], cands: readonly Candidate[]): void {
  const fulls = new Map<string, number[]>();
  const byGiven = new Map<string, number[]>();
  const someGivenOnly = mentions.some((m) => m.givenOnly);
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (!hasGivenName(m) && !m.regnal) continue;
    const key = surnameKeyOf(m.surname);
    const list = fulls.get(key);
    if (list) list.push(k);
    else fulls.set(key, [k]);
    // who a lone given name may be: only asked when the document has one
    if (m.regnal || cands[k].particleFirst || !someGivenOnly) continue;
    for (const given of m.given) {
      if (given.endsWith('.')) continue;
      const g = foldName(given);
      const glist = byGiven.get(g);
      if (glist) glist.push(k);
      else byGiven.set(g, [k]);
    }
  }
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (hasGivenName(m) || m.regnal || m.qualified) continue;
    const list = m.givenOnly ? byGiven.get(foldName(m.text)) : fulls.get(surnameKeyOf(m.surname));
    if (!list) continue;
    const initial = m.given.length ? foldName(m.given[0]).charAt(0) : '';
    let best = -1;
    for (const f of list) {
      if (initial && foldName(mentions[f].given[0] ?? '').charAt(0) !== initial) continue;
      if (f < k) best = f;
      else {
        if (best < 0) best = f;
        break;
      }
    }
    m.fullRef = best;
    // a lone given name joins the surname group of the person it stands for
    if (m.givenOnly && best >= 0) m.surname = mentions[best].surname;
  }
}

/** A mention with at least one given name written out (not just initials). */
function hasGivenName(m: NameMention): boolean {
  return m.given.some((g) => !g.endsWith('.'));
}
