// The context of a claim's event word: the participants and content words that tell this event
// from another of its kind. For a noun, its noun phrase (and where it happened, said anywhere in
// its clause); for a verb, its clause near the verb and the date; the speaker of a saying is no
// participant of what is said.
import type { Trigger } from './attach';
import { eventWordsOf } from './eventWords';
import type { Token } from './tokens';
import {
  AUXILIARIES,
  DETERMINERS,
  GENERIC_WORDS,
  MODALS,
  PLAN_WORDS,
  PREPOSITIONS,
  PRONOUNS,
  stem,
} from './words';

/** Participants and words this far (in tokens) from the event word and its date are its context. */
const CONTEXT_BEFORE = 6;
const CONTEXT_AFTER = 12;

/**
 * The event's context: for a noun, its noun phrase (`the January 1998 bombing of a
 * Birmingham, Ala., abortion clinic`); for a verb, its clause near the verb and the date. Long
 * sentences speak of several things; what stands near the event word is what it is about.
 */
export interface Context {
  entities: Set<number>;
  content: string[];
}

export function contextOf(
  tokens: readonly Token[],
  trigger: Trigger,
  first: number,
  last: number,
  isPlace: (entity: number) => boolean,
): { context: Context; bare: boolean } {
  const i = trigger.index;
  if (trigger.word.pos === 'n') {
    const [from, to] = nounPhrase(tokens, i);
    const context = collect(tokens, trigger, from, to, false);
    // where it happened, said anywhere in its clause (`the bombings ... killed 247 people in Kenya`)
    for (const t of tokens)
      if (t.clause === tokens[i].clause && t.entity >= 0 && isPlace(t.entity)) context.entities.add(t.entity);
    // a bare noun phrase (`the bombings on Aug. 7 killed 259`) refers back to what the text
    // said before (see `inheritFromEarlier`), else it is read in its clause
    if (context.entities.size > 0 || context.content.length > 0) return { context, bare: false };
    const [a, b] = around(tokens, i, first, last);
    return { context: collect(tokens, trigger, a, b, true), bare: true };
  }
  const [from, to] = around(tokens, i, first, last);
  const context = collect(tokens, trigger, from, to, true);
  // `Iraq's Saddam, with whom the king met Monday`: the name a relative clause follows takes part
  const antecedent = relativeAntecedent(tokens, i);
  if (antecedent >= 0) context.entities.add(antecedent);
  // `most recently last October, when Dr. Barnett Slepian was gunned down`: the clause that
  // says what happened then is part of it
  for (let k = last + 1; k < tokens.length && k <= last + 2; k++) {
    if (tokens[k].lower !== 'when') continue;
    const clause = tokens[k].clause;
    for (let j = k; j < tokens.length && tokens[j].clause === clause; j++)
      if (tokens[j].entity >= 0) context.entities.add(tokens[j].entity);
  }
  return { context, bare: false };
}

function collect(
  tokens: readonly Token[],
  trigger: Trigger,
  from: number,
  to: number,
  sameClause: boolean,
): Context {
  const i = trigger.index;
  const clause = tokens[i].clause;
  const entities = new Set<number>();
  const content = new Set<string>();
  for (let k = from; k <= to; k++) {
    const x = tokens[k];
    // before the event word, its own clause; after it, also the clauses that describe what it
    // governs (`killed in an explosion that took place near the embassy in Dar es Salaam`) and,
    // for a saying, what was said (`announced Wednesday that the boy's father is ready to travel`)
    const said = k > i && (trigger.word.cls === 'say' || trigger.word.cls === 'announce');
    if (sameClause && x.clause !== clause && (k < i || (x.entity < 0 && !said))) continue;
    if (x.entity >= 0) {
      entities.add(x.entity);
      continue;
    }
    if (k === i || !isContentWord(x, k === 0)) continue;
    if (eventWordsOf(x.lower)?.some((w) => w.cls === trigger.word.cls)) continue;
    content.add(stem(x.lower));
  }
  return { entities, content: [...content] };
}

export function isContentWord(x: Token, first = false): boolean {
  if (x.punct || x.date >= 0 || (x.capital && !first) || x.entity >= 0) return false;
  const l = x.lower;
  if (l.length < 3) return false;
  // asked of every word near every claim: a text's words repeat, so each is judged once
  let yes = contentWords.get(l);
  if (yes === undefined) {
    yes = !/\d/.test(l) && !GENERIC_WORDS.has(l) && !PLAN_WORDS.has(l) && !isFunctionWord(l);
    if (contentWords.size >= MAX_REMEMBERED_WORDS) contentWords.clear();
    contentWords.set(l, yes);
  }
  return yes;
}
const contentWords = new Map<string, boolean>();
/** A bound on what `contentWords` keeps: the vocabulary of a large corpus, not of every string ever seen. */
const MAX_REMEMBERED_WORDS = 100_000;

/** The participant right before the relative pronoun (`X, with whom`, `X, who`) that opens the clause of token `i`. */
function relativeAntecedent(tokens: readonly Token[], i: number): number {
  const clause = tokens[i].clause;
  let k = i;
  while (k > 0 && tokens[k - 1].clause === clause) k--;
  if (!/^(?:who|whom|which|whose)$/.test(tokens[k]?.lower ?? '')) return -1;
  let j = k - 1;
  if (j >= 0 && PREPOSITIONS.has(tokens[j].lower)) j--;
  if (j >= 0 && tokens[j].text === ',') j--;
  // the name may stand a few words back in the phrase: `the COP28 climate conference, which closed`
  for (let m = j; m >= 0 && j - m < 4; m--) {
    if (tokens[m].entity >= 0) return tokens[m].entity;
    if (tokens[m].punct || tokens[m].date >= 0 || DETERMINERS.has(tokens[m].lower)) break;
  }
  return -1;
}

function around(tokens: readonly Token[], i: number, first: number, last: number): [number, number] {
  return [
    Math.max(0, Math.min(i, first) - CONTEXT_BEFORE),
    Math.min(tokens.length - 1, Math.max(i, last) + CONTEXT_AFTER),
  ];
}

/**
 * The noun phrase of the noun at `i`: back over its modifiers to its determiner (`the 1998
 * abortion clinic bombing`), forward over the phrases that complete it (`of a Birmingham, Ala.,
 * abortion clinic`, `at U.S. embassies in Kenya and Tanzania`), up to a verb or a new clause.
 */
function nounPhrase(tokens: readonly Token[], i: number): [number, number] {
  let from = i;
  while (from > 0 && i - from < 6) {
    const p = tokens[from - 1];
    if (p.punct || PREPOSITIONS.has(p.lower) || AUXILIARIES.has(p.lower) || MODALS.has(p.lower)) break;
    from--;
    if (DETERMINERS.has(p.lower) || p.possessive) break;
  }
  let to = i;
  for (let k = i + 1; k < tokens.length && k - i <= 14; k++) {
    const t = tokens[k];
    if (t.clause !== tokens[i].clause && !(t.text === ',' && tokens[k + 1]?.entity >= 0)) break;
    if (t.text === ',') {
      // `Birmingham, Ala., abortion clinic`: a comma between parts of a name goes on; so does a
      // name in apposition (`to its body, the North Atlantic Cooperation Council`)
      if (tokens[k - 1]?.entity >= 0 && (tokens[k + 1]?.entity >= 0 || tokens[k + 1]?.capital)) continue;
      if (DETERMINERS.has(tokens[k + 1]?.lower ?? '') && tokens[k + 2]?.entity >= 0) continue;
      if (tokens[k - 1]?.entity >= 0 && tokens[k + 1] && !tokens[k + 1].capital && !isVerbish(tokens[k + 1]))
        continue;
      break;
    }
    if (t.punct || AUXILIARIES.has(t.lower) || MODALS.has(t.lower) || PRONOUNS.has(t.lower) || isVerbish(t))
      break;
    if (t.lower === 'and' && !(tokens[k + 1]?.entity >= 0)) break;
    to = k;
  }
  return [from, to];
}

/** A word that is most likely a finite verb here (an event verb, or a past form after a noun). */
export function isVerbish(t: Token): boolean {
  return (
    !!eventWordsOf(t.lower)?.some((w) => w.pos === 'v') && !eventWordsOf(t.lower)?.some((w) => w.pos === 'n')
  );
}

/** `..., Castro said`, `said Castro`, `according to X`: the participant who speaks, not one who takes part. */
export function speakersIn(tokens: readonly Token[], trigger: Trigger): Set<number> {
  const out = new Set<number>();
  if (trigger.word.cls === 'say' || trigger.word.cls === 'announce') return out;
  for (let k = 0; k < tokens.length; k++) {
    const e = tokens[k].entity;
    if (e < 0 || tokens[k + 1]?.entity === e) continue;
    const next = tokens[k + 1];
    const prev = tokens[firstOf(tokens, k) - 1];
    const says = (t: Token | undefined) =>
      !!t && eventWordsOf(t.lower)?.some((w) => w.cls === 'say' && w.pos === 'v');
    if (says(next) || (says(prev) && !tokens[firstOf(tokens, k) - 2]?.entity)) out.add(e);
    if (prev?.lower === 'to' && tokens[firstOf(tokens, k) - 2]?.lower === 'according') out.add(e);
  }
  return out;
}

function firstOf(tokens: readonly Token[], k: number): number {
  let j = k;
  while (j > 0 && tokens[j - 1].entity === tokens[k].entity && tokens[k].entity >= 0) j--;
  return j;
}

export function isFunctionWord(l: string): boolean {
  return (
    DETERMINERS.has(l) ||
    PREPOSITIONS.has(l) ||
    AUXILIARIES.has(l) ||
    MODALS.has(l) ||
    PRONOUNS.has(l) ||
    /^(?:and|or|but|not|also|than|then|there|here|when|where|while|who|which|what|whom|whose|as|so|if|because|although)$/.test(
      l,
    )
  );
}
