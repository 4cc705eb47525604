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
  classifyWordAt,
  FUSED_PARTICLE,
  MULTI_WORD_PLACES,
  NAME_PARTICLES,
  NAME_SUFFIXES,
} from './nameLexicon';
import { Shape, titleAfter, titleBefore, type Token } from './titles';
import { Char, TokenKind, TokenScanner } from './wordScanner';

// Lower case after a lower-case letter (`PfP`, `iPhone`) is an acronym or brand, except in
// `McDonald`, `MacArthur`, `DeLay`, `LaGuardia`.
const CAMEL_NAME = /^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz)\p{Lu}\p{Ll}+$/u;
const NAME_PART = /^(?:\p{Lu}[\p{Ll}\p{M}'’]*|(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az))$/u;
// A sentence-initial participle or adverb in front of a name (`Asked Bill Clinton ...`).
const VERBISH = /(?:ing|ed|ly)$/;

/**
 * Splits the text into word and punctuation tokens, each knowing its sentence. A word is
 * letters, marks and digits, joined by hyphens, or by an apostrophe before a capital
 * (`O'Brien`, `NATO'S`; `Stoltenberg's` stays two tokens so the possessive is outside); an
 * initial is a capital and its full stop; anything else is one character of punctuation
 * (see wordScanner.ts).
 */
export function tokenize(text: string, sentences: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  // the bounds of sentences[sentence], read once per sentence instead of once per token
  let sentenceStart = sentences.length ? sentences[0].start : Infinity;
  let sentenceEnd = sentences.length ? sentences[0].end : Infinity;
  let prevEnd = -1;
  const scan = new TokenScanner(text);
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
  return tokens;
}

function classifyCapitalised(text: string, scan: TokenScanner, token: Token): void {
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
  if (t.shape !== Shape.Lower) return false;
  const w = text.slice(t.start, t.end);
  return NAME_PARTICLES.has(w) || FUSED_PARTICLE.test(w);
}

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

interface Candidate {
  /** Token range of the name. */
  first: number;
  last: number;
  /** Accepted on its own (full name or titled surname), or waiting for a full name to confirm it. */
  pending: boolean;
  byline: boolean;
}

/**
 * Finds the names of people in one document, with the titles written next to them, and
 * links each bare surname to the full name it shortens. Sorted by start.
 */
export function recognisePeople(text: string, sentences: Span[]): NameMention[] {
  if (text.length === 0) return [];
  const tokens = tokenize(text, sentences);
  const candidates = findCandidates(text, tokens);
  // Pass 2: a lone name word counts when the document names someone with that surname.
  const surnames = new Set<string>();
  for (const c of candidates)
    if (!c.pending) surnames.add(surnameKeyOf(text.slice(tokens[c.last].start, tokens[c.last].end)));
  const accepted = candidates.filter(
    (c) => !c.pending || surnames.has(surnameKeyOf(text.slice(tokens[c.first].start, tokens[c.last].end))),
  );
  const mentions = accepted.map((c) => toMention(text, tokens, c));
  attachTitles(text, tokens, accepted, mentions);
  linkSurnames(mentions);
  return mentions;
}

function findCandidates(text: string, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    if (!startsRun(tokens[i])) {
      i++;
      continue;
    }
    // A run: capitalised words, acronyms, initials and inner particles on one line of one sentence.
    let end = i + 1;
    while (end < n) {
      const t = tokens[end];
      if (t.sentence !== tokens[i].sentence || !t.sameLine) break;
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
      break;
    }
    const candidate = nameInRun(text, tokens, i, end);
    if (candidate) out.push(candidate);
    i = end;
  }
  return out;
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

/** The name that ends the run [r0, r1), if the run holds one. */
function nameInRun(text: string, tokens: readonly Token[], r0: number, r1: number): Candidate | null {
  // Dates may follow a name in the run (`told Smith Monday`); nothing else may.
  let last = r1 - 1;
  while (
    last >= r0 &&
    ((tokens[last].shape === Shape.Cap && tokens[last].cls === WordClass.Calendar) ||
      NAME_SUFFIXES.has(text.slice(tokens[last].start, tokens[last].end)))
  )
    last--;
  if (last < r0 || !isNameWord(tokens[last])) return null;
  let first = last;
  let words = 1;
  let initials = 0;
  while (first - 1 >= r0) {
    const t = tokens[first - 1];
    if (isNameWord(t)) words++;
    else if (t.shape === Shape.Initial) initials++;
    else if (!isParticle(text, t)) break;
    first--;
  }
  while (isParticle(text, tokens[first])) first++;
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
  const byline =
    before !== null &&
    first === r0 + 1 &&
    text.slice(before.start, before.end) === 'By' &&
    (r0 === 0 || tokens[r0 - 1].sentence !== before.sentence);
  if (words >= 2 || initials > 0) return { first, last, pending: false, byline };
  const prefix =
    first > r0 ? tokens[abbreviationStop(text, tokens, first - 1) ? first - 2 : first - 1] : null;
  const titled = prefix !== null && (prefix.cls === WordClass.Office || prefix.cls === WordClass.Honorific);
  return { first, last, pending: !titled, byline };
}

function toMention(text: string, tokens: readonly Token[], c: Candidate): NameMention {
  // The surname is the last name word with the particles before it (`de Hoop Scheffer`);
  // what comes before it are the given names and initials.
  let s = c.last;
  // `Bin Laden`, `De Gaulle`: a capitalised particle opening the name opens the surname
  const opening = text.slice(tokens[c.first].start, tokens[c.first].end).toLowerCase();
  if (c.last > c.first && tokens[c.first].shape === Shape.Cap && NAME_PARTICLES.has(opening)) s = c.first;
  else
    for (let k = c.first + 1; k < c.last; k++) {
      if (isParticle(text, tokens[k])) {
        s = k;
        break;
      }
    }
  const given: string[] = [];
  for (let k = c.first; k < s; k++) given.push(text.slice(tokens[k].start, tokens[k].end));
  const start = tokens[c.first].start;
  const end = tokens[c.last].end;
  return {
    start,
    end,
    text: text.slice(start, end),
    given,
    surname: text.slice(tokens[s].start, end),
    titles: [],
    byline: c.byline,
    fullRef: -1,
  };
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
    const floor = k > 0 && tokens[cands[k - 1].last].sentence === sentence ? cands[k - 1].last + 1 : 0;
    const ceil = k + 1 < cands.length ? cands[k + 1].first : tokens.length;
    const before = titleBefore(text, tokens, c.first, floor);
    if (before) mentions[k].titles.push(before);
    const after = titleAfter(text, tokens, c.last + 1, ceil);
    if (after) mentions[k].titles.push(after);
  }
}

/** Points each surname (or initial and surname) at the full name it shortens: the nearest before it, else after. */
function linkSurnames(mentions: NameMention[]): void {
  const fulls = new Map<string, number[]>();
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (!hasGivenName(m)) continue;
    const key = surnameKeyOf(m.surname);
    const list = fulls.get(key);
    if (list) list.push(k);
    else fulls.set(key, [k]);
  }
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (hasGivenName(m)) continue;
    const list = fulls.get(surnameKeyOf(m.surname));
    if (!list) continue;
    const initial = m.given.length ? foldName(m.given[0]).charAt(0) : '';
    let best = -1;
    for (const f of list) {
      if (initial && foldName(mentions[f].given[0]).charAt(0) !== initial) continue;
      if (f < k) best = f;
      else {
        if (best < 0) best = f;
        break;
      }
    }
    m.fullRef = best;
  }
}

/** A mention with at least one given name written out (not just initials). */
function hasGivenName(m: NameMention): boolean {
  return m.given.some((g) => !g.endsWith('.'));
}
