// People and officials in one document: names, the titles written next to them, and which
// full name a bare surname shortens. The steps, one module each:
//   1. tokens (peopleTokens.ts): words, initials and punctuation, each knowing its sentence;
//   2. candidates (nameCandidates.ts): runs of capitalised words that may end in a name,
//      found by shape, not looked up: the lexicon words a run starts with (offices, places,
//      organisation words: nameLexicon.ts) are cut off and the name words that end it kept;
//   3. evidence (nameEvidence.ts): a candidate is a person's name only with evidence of a
//      person (an office or honorific, a given name, a verb of saying, the surname alone
//      elsewhere, ...): that keeps out places, sentence starts, form labels, firms and
//      organisations without listing them;
//   4. here: the mentions, the titles next to them (titles.ts), offices stated as predicates,
//      and which full name each surname or given name alone stands for.
import type { NameMention, Span } from './types';
import { WordClass, isGivenNameAt, NAME_PARTICLES, wordSet } from './nameLexicon';
import { officeAhead, Shape, titleBefore, titlesAfter, titlesForList, type Tokens } from './titles';
import { foldName, surnameKeyOf } from './nameKeys';
import {
  withTokens,
  isParticle,
  isPatronymic,
  abbreviationStop,
  wordIs,
  wordIn,
  isChar,
} from './peopleTokens';
import { type Candidate, findCandidates } from './nameCandidates';
import { acceptCandidates } from './nameEvidence';

// Asked of the recogniser by others (the claims, the tokenizer's test).
export { tokenize } from './peopleTokens';
export { foldName } from './nameKeys';

/**
 * Finds the names of people in one document, with the titles written next to them, and
 * links each bare surname to the full name it shortens. Sorted by start.
 */
export function recognisePeople(text: string, sentences: Span[]): NameMention[] {
  if (text.length === 0) return [];
  return withTokens(text, sentences, (tokens) => {
    const accepted = acceptCandidates(text, tokens, findCandidates(text, tokens));
    // a loop, not `map`: optimised code makes a `map` result holey, and the steps below,
    // optimised for the packed arrays made before, would be thrown away for it
    const mentions: NameMention[] = [];
    for (const c of accepted) mentions.push(toMention(text, tokens, c));
    surnamesAfterHonorifics(text, tokens, accepted, mentions);
    attachTitles(text, tokens, accepted, mentions);
    markOfficesHeld(text, tokens, accepted, mentions);
    linkSurnames(mentions, accepted);
    return mentions;
  });
}

function toMention(text: string, tokens: Tokens, c: Candidate): NameMention {
  // The surname is the last name word with the particles before it (`de Hoop Scheffer`);
  // what comes before it are the given names and initials (a patronymic among them:
  // `Mammad Ali oglu Huseynov`).
  let s = c.last;
  // `Bin Laden`, `De Gaulle`: a capitalised particle opening the name opens the surname
  const opening = text.slice(tokens.start[c.first], tokens.end[c.first]).toLowerCase();
  if (
    c.particleFirst ||
    (c.last > c.first && tokens.shape[c.first] === Shape.Cap && NAME_PARTICLES.has(opening))
  )
    s = c.first;
  else
    for (let k = c.first + 1; k < c.last; k++) {
      if (isParticle(tokens, k) && !isPatronymic(tokens, k)) {
        s = k;
        break;
      }
    }
  const given: string[] = [];
  for (let k = c.first; k < s; k++) given.push(text.slice(tokens.start[k], tokens.end[k]));
  const start = tokens.start[c.first];
  const end = tokens.end[c.end];
  const m: NameMention = {
    start,
    end,
    text: text.slice(start, end),
    given,
    surname: text.slice(tokens.start[s], tokens.end[c.last]),
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
  tokens: Tokens,
  cands: readonly Candidate[],
  mentions: NameMention[],
): void {
  // the word-final tails of the names with two given names or more (`garcia lopez` of
  // `maria garcia lopez`), made only when an honorific stands before a two-word name
  let tails: Set<string> | null = null;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    const m = mentions[k];
    if (!c.prefixed || m.given.length === 0 || tokens.shape[c.first] !== Shape.Cap) continue;
    if (isGivenNameAt(text, tokens.start[c.first], tokens.end[c.first], tokens.hash[c.first])) continue;
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

function attachTitles(text: string, tokens: Tokens, cands: readonly Candidate[], mentions: NameMention[]) {
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.byline) continue;
    const sentence = tokens.sentence[c.first];
    const floor = k > 0 && tokens.sentence[cands[k - 1].last] === sentence ? cands[k - 1].end + 1 : 0;
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
  tokens: Tokens,
  cands: readonly Candidate[],
  mentions: NameMention[],
): void {
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.byline || mentions[k].titles.length) continue;
    let role = false;
    for (let j = c.end + 1; j < tokens.length && j <= c.end + 12; j++) {
      if (tokens.sentence[j] !== tokens.sentence[c.end]) break;
      const shape = tokens.shape[j];
      if (shape === Shape.Punct) {
        if (isChar(text, tokens, j, 44) || abbreviationStop(text, tokens, j)) continue;
        break;
      }
      if (shape === Shape.Cap || shape === Shape.Initial) {
        const cls = tokens.cls[j];
        if (cls === WordClass.Name || cls === WordClass.Honorific) continue; // `succeeded Mr. Taylor as`
        break;
      }
      if (shape !== Shape.Lower) break;
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
