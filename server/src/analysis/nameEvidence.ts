// Which candidate names are people's. A run of capitalised words is a person's name only
// with evidence of a person (see `acceptCandidates`); without it, title-case phrases are form
// labels, exercises, firms, ships and organisations.
import {
  WordClass,
  isGivenNameAt,
  KIN_NOUNS,
  PERSON_ROLES,
  NAME_PARTICLES,
  SAYING_VERBS,
  THING_NOUNS,
} from './nameLexicon';
import { isPluralTitle, Shape, titleAfter, titleBefore, type Tokens } from './titles';
import { keyHashAt } from './nameKeys';
import {
  isNameWord,
  isParticle,
  abbreviationStop,
  wordOf,
  wordIs,
  wordIn,
  lowerAt,
  isChar,
} from './peopleTokens';
import type { Candidate } from './nameCandidates';

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
export function acceptCandidates(text: string, tokens: Tokens, cands: Candidate[]): Candidate[] {
  // each candidate's last word as a surname key, and its first word (of a longer name) folded
  // the same way: read once, compared many times below
  const n = cands.length;
  // as hashes of the keys (see `keyHashAt`): compared in sets of numbers, no string made
  // (arrays, not typed arrays: a typed array costs a memory allocation outside the heap, dear
  // for the few dozen candidates of an article)
  const lastKey: number[] = [];
  const firstKey: number[] = []; // 0: a one-word candidate
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    lastKey.push(keyHashAt(text, tokens.start[c.last], tokens.end[c.last]));
    firstKey.push(c.last > c.first ? keyHashAt(text, tokens.start[c.first], tokens.end[c.first]) || 1 : 0);
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
    if (firstKey[k] && isNameWord(tokens, c.first) && !c.particleFirst) givens.add(firstKey[k]);
    // `Moussa Faki Mahamat`: a middle name, said alone only where it is a person's (`Faki said`)
    for (let j = c.first + 1; j < c.last; j++)
      if (isNameWord(tokens, j)) middles.add(keyHashAt(text, tokens.start[j], tokens.end[j]));
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

/**
 * `Clark, the district attorney,`: one word and an apposition that names one office, set off
 * by a determiner (`Ultimately, U.S. officials approved` is a sentence adverb and a subject).
 */
export function singleTitleAfter(text: string, tokens: Tokens, after: number, ceil: number): boolean {
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
export function neighbour(cands: readonly Candidate[], k: number, step: number): Candidate | null {
  for (let j = k + step; j >= 0 && j < cands.length; j += step) if (!cands[j].pending) return cands[j];
  return null;
}

export const FIRM_CONTEXT = new Set([
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
export function namesThing(text: string, tokens: Tokens, c: Candidate): boolean {
  if (c.prefixed || c.byline || c.speaker) return false;
  const b = c.first - 1;
  if (b < 0 || tokens.sentence[b] !== tokens.sentence[c.first]) return false;
  if (
    (tokens.shape[b] === Shape.Lower || tokens.shape[b] === Shape.Upper) &&
    THING_NOUNS.hashedAt(text, tokens.start[b], tokens.end[b], tokens.hash[b])
  )
    return true;
  // `United Network for Organ Sharing`, `Institute of Karl Marx Studies`
  const w = lowerAt(text, tokens, b);
  // `shares of Morgan Stanley`, `a stake in Lockheed Martin`: a firm
  if ((w === 'of' || w === 'in') && b >= 1 && FIRM_CONTEXT.has(wordOf(text, tokens, b - 1).toLowerCase()))
    return true;
  if ((w === 'for' || w === 'of' || w === 'on') && b >= 1) {
    if (tokens.shape[b - 1] === Shape.Cap && tokens.cls[b - 1] === WordClass.Organisation) return true;
  }
  return false;
}

/** Evidence from the words around one candidate. */
export function strongEvidence(
  text: string,
  tokens: Tokens,
  c: Candidate,
  lone: ReadonlySet<number>,
  loneRole: ReadonlySet<number>,
  lastKey: number,
  firstKey: number,
): boolean {
  // a given name from the lexicon, an initial, a particle or patronymic inside
  for (let j = c.first; j < c.last; j++) {
    if (tokens.shape[j] === Shape.Initial || isParticle(tokens, j)) return true;
    if (
      j > c.first &&
      tokens.shape[j] === Shape.Cap &&
      NAME_PARTICLES.has(wordOf(text, tokens, j).toLowerCase())
    )
      return true; // `Osama Bin Laden`
    if (c.weakGiven) continue;
    if (isNameWord(tokens, j) && isGivenNameAt(text, tokens.start[j], tokens.end[j], tokens.hash[j]))
      return true;
  }
  // `al-Megrahi`
  const lastStart = tokens.start[c.last];
  if (text.charCodeAt(lastStart + 2) === 45 || text.charCodeAt(lastStart + 3) === 45)
    if (/^(?:al|el|bin|ibn|abu)-/i.test(text.slice(lastStart, lastStart + 4))) return true;
  // the surname written alone elsewhere, or the given name alone where it is a person's
  if (c.last > c.first && (lone.has(lastKey) || loneRole.has(firstKey))) return true;
  // `Iraq's Saddam Hussein`: a country's someone
  if (
    c.first >= 3 &&
    lowerAt(text, tokens, c.first - 1) === 's' &&
    tokens.adjacent[c.first - 1] &&
    tokens.shape[c.first - 3] === Shape.Cap &&
    tokens.cls[c.first - 3] === WordClass.Place
  )
    return true;
  return aroundSaysPerson(text, tokens, c, !c.weakGiven);
}

/** A title next to candidate `k` (the dearest evidence, asked last). */
export function titledCandidate(
  text: string,
  tokens: Tokens,
  cands: readonly Candidate[],
  k: number,
): boolean {
  const c = cands[k];
  const floor = k > 0 ? cands[k - 1].end + 1 : 0;
  const ceil = k + 1 < cands.length ? cands[k + 1].first : tokens.length;
  return !!(titleBefore(text, tokens, c.first, floor, c.end) || titleAfter(text, tokens, c.end + 1, ceil));
}

/** A verb of saying, an age, `, who`, or a possessive with a relative next to the name. */
export function aroundSaysPerson(text: string, tokens: Tokens, c: Candidate, pronouns = true): boolean {
  const a = c.end + 1;
  if (wordIn(text, tokens, a, SAYING_VERBS) || wordIs(text, tokens, a, 'who')) return true;
  if (isChar(text, tokens, a, 44 /* , */)) {
    if (wordIs(text, tokens, a + 1, 'who') || wordIs(text, tokens, a + 1, 'whose')) return true;
    if (isAge(text, tokens, a + 1) && isChar(text, tokens, a + 2, 44)) return true;
    // `Ivan Petrov, the head of ..., said`
    for (let j = a + 1; j < tokens.length && j < a + 25 && tokens.sentence[j] === tokens.sentence[a]; j++) {
      if (isChar(text, tokens, j, 44)) {
        if (wordIn(text, tokens, j + 1, SAYING_VERBS)) return true;
        break;
      }
    }
  }
  // `Ivan Petrov spent a fortune on the house, he thought`: a personal pronoun soon after
  for (
    let j = a;
    pronouns && j < tokens.length && j < a + 10 && tokens.sentence[j] === tokens.sentence[c.end];
    j++
  ) {
    const shape = tokens.shape[j];
    if (shape === Shape.Cap && tokens.cls[j] === WordClass.Name) break; // someone else may be meant
    if (
      shape === Shape.Lower &&
      tokens.end[j] - tokens.start[j] <= 3 &&
      PRONOUN.test(text.slice(tokens.start[j], tokens.end[j]))
    )
      return true;
  }
  // `Petrov's wife`
  if (
    a + 2 < tokens.length &&
    tokens.shape[a] === Shape.Punct &&
    tokens.adjacent[a] &&
    wordIs(text, tokens, a + 1, 's') &&
    wordIn(text, tokens, a + 2, KIN_NOUNS)
  )
    return true;
  const b = c.first - 1;
  if (wordIn(text, tokens, b, SAYING_VERBS) || wordIs(text, tokens, b, 'named')) return true;
  if (wordIn(text, tokens, b, PERSON_ROLES)) return true; // `economist Jan Hatzius`
  // `I'm Sachi Koto`, `according to Ivan Petrov`
  if (wordIs(text, tokens, b, 'm') && b >= 2 && tokens.adjacent[b] && wordOf(text, tokens, b - 2) === 'I')
    return true;
  return wordIs(text, tokens, b, 'to') && wordIs(text, tokens, b - 1, 'according');
}

export const PRONOUN = /^(?:he|she|his|him|her)$/;

export function isAge(text: string, tokens: Tokens, k: number): boolean {
  if (k >= tokens.length || tokens.shape[k] !== Shape.Number) return false;
  const w = wordOf(text, tokens, k);
  return /^\d{1,3}$/.test(w) && Number(w) >= 1 && Number(w) < 120;
}

/**
 * Whether the tokens [from, to) only join two names of a list: commas, `and`, `or`, a
 * country after `of` (`Leonid Kuchma of Ukraine and`), an honorific; with `titles`, also the
 * office words of the next name (`and defense secretary William Cohen`).
 */
export function listed(text: string, tokens: Tokens, from: number, to: number, titles = false): boolean {
  if (to - from > 8 || to <= from) return false;
  let joined = false;
  const { shape, cls } = tokens;
  for (let j = from; j < to; j++) {
    if (tokens.sentence[j] !== tokens.sentence[from]) return false;
    if (shape[j] === Shape.Punct) {
      const ch = text.charCodeAt(tokens.start[j]);
      if (ch === 44 || ch === 59) joined = true;
      else if (ch !== 46 || !abbreviationStop(text, tokens, j)) return false;
      continue;
    }
    const w = shape[j] === Shape.Lower ? wordOf(text, tokens, j) : '';
    if (w === 'and' || w === 'or') {
      joined = true;
      continue;
    }
    if (w === 'of' || w === 'from') continue;
    if (shape[j] === Shape.Cap && (cls[j] === WordClass.Place || cls[j] === WordClass.Honorific)) continue;
    // `of Ruritania`: a place the lexicon does not know, after `of`
    if (
      shape[j] === Shape.Cap &&
      j > from &&
      (lowerAt(text, tokens, j - 1) === 'of' || shape[j - 1] === Shape.Cap)
    )
      continue;
    if (
      titles &&
      (cls[j] === WordClass.Office || cls[j] === WordClass.Modifier || cls[j] === WordClass.Organisation) &&
      (shape[j] === Shape.Cap || shape[j] === Shape.Lower || shape[j] === Shape.Upper)
    )
      continue;
    return false;
  }
  return joined;
}
