// Which event word a date belongs to. The first rule that applies decides:
//   1. a date that modifies a noun belongs to it (`the Aug. 7 bombings`, `last month's
//      discovery`, `its 1990 invasion`); a date that modifies another noun dates nothing we
//      compare (`Kopp's 1987 Chevrolet`);
//   2. a date next to a verb belongs to it (`ruled Wednesday`, `Clinton Thursday condemned`);
//   3. a date right after an event noun belongs to it (`the bombings on Aug. 7`, `a televised
//      address Friday`);
//   4. otherwise the nearest event word before it in its clause, unless that noun is the object
//      of an event verb with no date of its own (`condemned the bombing ... on Thursday` dates
//      the condemning); then the nearest event verb after it (`On Friday, the bombs exploded`).
// A verb in the infinitive after another event verb is that verb's complement, not an event
// of its own: `invited to join NATO in July 1997` dates the invitation.
import { classifyLowerTitleWord, WordClass } from '../nameLexicon';
import { eventWordsOf, phrasalEvent, type EventWord } from './eventWords';
import { clauseBefore, isNounContext, type Token } from './tokens';
import { AUXILIARIES, DETERMINERS, MODALS, PLAN_WORDS, PREPOSITIONS, PRONOUNS } from './words';

export interface Trigger {
  index: number;
  word: EventWord;
  /** How many tokens the trigger spans (2 for `took office`). */
  length: number;
}

/** How far (in tokens) an event word may be from the date it is dated by. */
const NOUN_DISTANCE = 12;
const VERB_DISTANCE = 22;
const MAX_DISTANCE_AFTER = 10;
/** How many words may stand between a date and the noun it modifies (`last year's deadly U.S. Embassy blasts`). */
const MAX_MODIFIERS = 4;

/** The event word of each date (`places`: the dates' first and last tokens), or null. */
export function attach(
  tokens: readonly Token[],
  places: readonly { first: number; last: number }[],
): Trigger[][] {
  // verbs with a date next to them: a second date in their clause goes to a noun instead
  const datedVerbs = new Set<number>();
  for (const { first, last } of places) {
    if (modifiesNoun(tokens, first, last)) continue;
    const verb = adjacentVerb(tokens, first, last);
    if (verb) datedVerbs.add(verb.index);
  }
  return places.map(({ first, last }) => {
    const trigger = attachOne(tokens, first, last, datedVerbs);
    const completed = trigger && complementOf(tokens, trigger);
    const main = completed && announced(tokens, completed);
    const out = main ? [main] : [];
    // `sank ... in late November during a crossing`, `in July 1997 at the Madrid summit`: the
    // occasion named right after the date is dated by it too
    const occasion = occasionAfter(tokens, last);
    if (occasion && occasion.word.cls !== main?.word.cls) out.push(occasion);
    return out;
  });
}

/** An event noun in the phrase right after a date: `during a crossing`, `at the Madrid summit`. */
function occasionAfter(tokens: readonly Token[], last: number): Trigger | null {
  // `in March 1992, with admission of Azerbaijan to its body`
  const at = tokens[last + 1]?.text === ',' ? last + 2 : last + 1;
  const p = tokens[at];
  if (!p || !/^(?:during|at|in|amid|with)$/.test(p.lower)) return null;
  for (let i = at + 1; i < tokens.length && i - at <= 4; i++) {
    const t = tokens[i];
    if (t.punct || PREPOSITIONS.has(t.lower)) return null;
    const noun = eventWordsOf(t.lower)?.find((w) => w.pos === 'n');
    if (noun && !t.capital) return { index: i, word: noun, length: 1 };
  }
  return null;
}

function attachOne(
  tokens: readonly Token[],
  first: number,
  last: number,
  datedVerbs: ReadonlySet<number>,
): Trigger | null {
  // 1. a modifier of a noun: the event noun it modifies, or nothing
  if (modifiesNoun(tokens, first, last)) return modifiedNoun(tokens, last);
  // 2. next to a verb; but a date between an event noun and a verb after it belongs to the
  // noun, the verb's subject (`the bombings on Aug. 7 killed 259 people`)
  const adjacent = adjacentVerb(tokens, first, last);
  const before = nounRightBefore(tokens, first);
  if (adjacent && before && adjacent.index > last && PREPOSITIONS.has(tokens[first - 1]?.lower ?? ''))
    return before;
  if (adjacent) return adjacent;
  // 3. right after an event noun; before `as the deadline`
  if (before) return before;
  const as = tokens[last + 1]?.lower === 'as' ? tokens[last + 3] : undefined;
  if (as && DETERMINERS.has(tokens[last + 2].lower)) {
    const noun = eventWordsOf(as.lower)?.find((w) => w.pos === 'n');
    if (noun) return { index: last + 3, word: noun, length: 1 };
  }
  // `must be returned to his father by Jan. 14`
  if (/^(?:by|until|till)$/.test(tokens[first - 1]?.lower ?? '') && !fronted(tokens, first))
    return deadline(tokens, first);
  // a date right before `when` is the time of what the `when` clause tells (`working with the
  // underground in 1968 when Russian troops swept through Prague`)
  const when = whenClause(tokens, last);
  if (when) return when;
  // 4. the nearest event word before it in its clause; then a verb after it. A date that opens
  // its clause (`but in March a judge ruled`, `On Friday, the bombs exploded`) looks after it first
  const clause = tokens[first].clause;
  if (fronted(tokens, first)) {
    const after = verbAfter(tokens, last, clause);
    if (after) return after;
  }
  for (const i of clauseBefore(tokens, first, VERB_DISTANCE)) {
    // `... but there was no word on Tuesday`, `... was positively identified Thursday`: a verb
    // of its own stands between the date and anything further back
    // (unless that clause is one of time: `when the bank was privatised in 1987`)
    if (AUXILIARIES.has(tokens[i].lower) && !governsEventVerb(tokens, i)) {
      // (but `has been chief executive since 2017`: the office taken then)
      if (triggerAt(tokens, i)?.word === HOLD_OFFICE) return triggerAt(tokens, i);
      return mainOfTemporalClause(tokens, first);
    }
    const trigger = triggerAt(tokens, i);
    if (!trigger) continue;
    if (trigger.word.pos === 'n') {
      if (first - i > NOUN_DISTANCE) continue;
      const verb = governingVerb(tokens, i, clause);
      if (verb && !datedVerbs.has(verb.index)) return verb;
    }
    return trigger;
  }
  const after = verbAfter(tokens, last, clause);
  if (after) return after;
  return (
    whenClause(tokens, last) ??
    (fronted(tokens, first) ? null : deadline(tokens, first)) ??
    mainOfTemporalClause(tokens, first)
  );
}

/**
 * `was shot ... shortly after he and his wife returned home on the night of Friday, Oct. 23`,
 * `joined the core shareholders when the bank was privatised in 1987`: a date in a clause of
 * time (after, before, as, while, when) that tells no event of its own dates the event of the
 * clause it hangs on.
 */
function mainOfTemporalClause(tokens: readonly Token[], first: number): Trigger | null {
  const clause = tokens[first].clause;
  let k = first;
  while (k > 0 && tokens[k - 1].clause === clause) k--;
  if (!/^(?:after|before|as|while|once|until|when)$/.test(tokens[k]?.lower ?? '')) return null;
  for (let i = k - 1; i >= 0 && k - i <= 14; i--) {
    const verb = verbAt(tokens, i);
    if (verb) return verb;
    if (tokens[i].punct && tokens[i].text !== ',') return null;
  }
  return null;
}

/** `in 1968, when the Soviets invaded`, `last fall when he was gunned down`: the event the `when` clause tells. */
function whenClause(tokens: readonly Token[], last: number): Trigger | null {
  for (let i = last + 1; i < tokens.length && i <= last + 2; i++) {
    if (tokens[i].lower !== 'when') continue;
    // a name counts as one word: `when Azerbaijan together with some Central and Eastern
    // European countries, joined`
    const clause = tokens[i].clause;
    for (let k = i + 1, n = 0; k < tokens.length && tokens[k].clause === clause && n <= 14; k++) {
      if (tokens[k].entity < 0 || tokens[k].entity !== tokens[k - 1].entity) n++;
      const trigger = triggerAt(tokens, k);
      if (trigger) return trigger;
    }
  }
  return null;
}

/**
 * The first event verb after the date in its clause; a name counts as one word (`In February,
 * Immigration and Naturalization Service Commissioner Doris Meissner ruled`).
 */
function verbAfter(tokens: readonly Token[], last: number, clause: number): Trigger | null {
  for (let i = last + 1, n = 0; i < tokens.length && n <= MAX_DISTANCE_AFTER; i++) {
    // a clause nested in this one is skipped, and the clause goes on after it (`On May 5, the
    // World Health Organization (WHO) declared`); a clause of its own ends it
    if (tokens[i].clause !== clause) {
      let k = i + 1;
      while (k < tokens.length && tokens[k].clause !== clause) k++;
      if (k >= tokens.length) break;
      i = k;
    }
    if (tokens[i].entity < 0 || tokens[i].entity !== tokens[i - 1].entity) n++;
    const trigger = triggerAt(tokens, i);
    // not `to purchase` (a purpose) nor `judges deciding` (what someone is doing)
    if (!trigger || trigger.word.pos !== 'v' || tokens[i - 1]?.lower === 'to') continue;
    if (tokens[i].lower.endsWith('ing') && !AUXILIARIES.has(tokens[i - 1]?.lower ?? '')) continue;
    return trigger;
  }
  return null;
}

/** The date opens its clause, after a preposition: `In March, ...`, `but in March a judge ruled`, `and on Friday`. */
function fronted(tokens: readonly Token[], first: number): boolean {
  let k = first - 1;
  if (k >= 0 && PREPOSITIONS.has(tokens[k].lower)) k--;
  if (k < 0) return true;
  const t = tokens[k];
  return (
    t.text === ',' ||
    t.lower === 'but' ||
    t.lower === 'and' ||
    t.lower === 'yet' ||
    (t.punct && t.text !== ')')
  );
}

const DEADLINE: EventWord = { cls: 'expire', lemma: 'deadline', pos: 'n' };
const BECOME_MEMBER: EventWord = { cls: 'join', lemma: 'become member', pos: 'v' };
const BECOME_OFFICE: EventWord = { cls: 'inaugurate', lemma: 'take office', pos: 'v' };
/**
 * `has been chief executive since 2017`, `has served as governor since 2018`: in office since
 * then, so it was taken then (see makeClaim).
 */
export const HOLD_OFFICE: EventWord = { cls: 'inaugurate', lemma: 'hold office', pos: 'v' };

/** `must be returned by Jan. 14`, `extended until Nov. 6`: a date after `by` or `until` that dates no event is a deadline. */
function deadline(tokens: readonly Token[], first: number): Trigger | null {
  const by = tokens[first - 1];
  return by && /^(?:by|until|till)$/.test(by.lower) ? { index: first - 1, word: DEADLINE, length: 1 } : null;
}

/** Whether the auxiliary at `i` goes with an event verb (`was killed`, `had been set`), not a predicate of its own. */
function governsEventVerb(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
    const t = tokens[k];
    if (AUXILIARIES.has(t.lower) || t.lower === 'not' || isAdverb(t)) continue;
    return !!verbAt(tokens, k);
  }
  return false;
}

/**
 * `invited to join`: the verb an infinitive completes, when it is an event verb itself. An
 * infinitive after a word of plan (`expected to join`, `is to visit`) is a plan; after any other
 * verb (`offered to travel`, `decided to sell`) it tells of no event.
 */
function complementOf(tokens: readonly Token[], trigger: Trigger): Trigger | null {
  if (trigger.word.pos !== 'v' || tokens[trigger.index - 1]?.lower !== 'to') return trigger;
  const before = tokens[trigger.index - 2];
  // `invited [the three central and eastern European countries] to join`
  for (let k = trigger.index - 2; k >= 0 && trigger.index - k <= 9; k--) {
    if (tokens[k].punct || tokens[k].clause !== tokens[trigger.index].clause) break;
    const verb = verbAt(tokens, k);
    if (verb) return verb;
  }
  if (!before || PLAN_WORDS.has(before.lower) || AUXILIARIES.has(before.lower)) return trigger;
  // `offered to travel`, `decided to sell`: what someone wants or decides is no event; `the first
  // countries to accede`, `the last country to ratify`: what someone did
  return CONTROL_VERB.test(before.lower) ? null : trigger;
}

/** Verbs that take an infinitive of what someone wants, tries or is asked to do. */
const CONTROL_VERB =
  /^(?:want|plan|hope|try|tri|decid|agre|offer|refus|seek|sought|vot|promis|threaten|intend|aim|expect|need|ask|urg|order|allow|help|prepar|propos|attempt|fail|choos|chose|wish|mean|vow|pledg)(?:e|es|ed|s|ing|d)?$/;

/**
 * `the decision, announced Wednesday`, `the INS decision was announced Wednesday`: a decision
 * announced is the decision; the date is its date.
 */
function announced(tokens: readonly Token[], trigger: Trigger): Trigger {
  if (trigger.word.cls !== 'announce' || trigger.word.pos !== 'v') return trigger;
  for (let k = trigger.index - 1; k >= 0 && trigger.index - k <= 3; k--) {
    const t = tokens[k];
    if (t.text === ',' || AUXILIARIES.has(t.lower)) continue;
    const noun = eventWordsOf(t.lower)?.find((w) => w.pos === 'n');
    return noun && noun.cls !== 'announce' && noun.cls !== 'say' && !t.capital
      ? { index: k, word: noun, length: 1 }
      : trigger;
  }
  return trigger;
}

/**
 * The date stands before a noun as its modifier: after a determiner or a possessive (`the Aug. 7
 * bombings`, `Iraq's 1990 invasion`), or itself possessive (`last month's discovery`), and
 * followed by a word of the noun phrase.
 */
function modifiesNoun(tokens: readonly Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  if (!next) return false;
  if (tokens[last].possessive) return !next.punct;
  const prev = tokens[first - 1];
  const opens = !!prev && (DETERMINERS.has(prev.lower) || prev.possessive);
  if (!opens) return false;
  // `the Dec. 21, 1988, bombing`: a comma may close the date
  const after = next.text === ',' ? tokens[last + 2] : next;
  return !!after && isNounPhraseWord(after);
}

/** The event noun a date modifies, within a few words (`last year's deadly U.S. Embassy blasts`). */
function modifiedNoun(tokens: readonly Token[], last: number): Trigger | null {
  let i = last + 1;
  if (tokens[i]?.text === ',') i++;
  for (let k = 0; i < tokens.length && k <= MAX_MODIFIERS; i++, k++) {
    const t = tokens[i];
    if (!isNounPhraseWord(t)) return null;
    const noun = eventWordsOf(t.lower)?.find((w) => w.pos === 'n');
    if (noun && !t.capital) return { index: i, word: noun, length: 1 };
    if (t.possessive) return null;
  }
  return null;
}

function isNounPhraseWord(t: Token): boolean {
  if (t.punct || t.date >= 0) return false;
  const l = t.lower;
  return (
    !PREPOSITIONS.has(l) &&
    !AUXILIARIES.has(l) &&
    !MODALS.has(l) &&
    !DETERMINERS.has(l) &&
    !PRONOUNS.has(l) &&
    l !== 'and' &&
    l !== 'or'
  );
}

/** An event verb right before or after the date, an adverb or `on` between (`formally joined`). */
function adjacentVerb(tokens: readonly Token[], first: number, last: number): Trigger | null {
  // after the verb: `ruled Wednesday`, `said on Tuesday`
  for (let i = first - 1, k = 0; i >= 0 && k < 2; i--, k++) {
    const t = tokens[i];
    if (t.lower === 'on' || isAdverb(t)) continue;
    const trigger = verbAt(tokens, i);
    if (trigger) return trigger;
    break;
  }
  // before it: `Clinton Thursday condemned`, `Friday formally joined`
  for (let i = last + 1, k = 0; i < tokens.length && k < 2; i++, k++) {
    const t = tokens[i];
    if (isAdverb(t)) continue;
    const trigger = verbAt(tokens, i);
    if (trigger) return trigger;
    break;
  }
  return null;
}

function isAdverb(t: Token): boolean {
  return !t.punct && !t.capital && t.lower.length > 4 && t.lower.endsWith('ly');
}

/** An event noun right before the date, or before `on`/`in`/`of` and the date. */
function nounRightBefore(tokens: readonly Token[], first: number): Trigger | null {
  let i = first - 1;
  if (i >= 0 && /^(?:on|in|of|at|during)$/.test(tokens[i].lower)) i--;
  if (i < 0) return null;
  const t = tokens[i];
  if (t.punct || t.capital) return null;
  // `shot to death last Oct. 23`: the verb is the event
  if (tokens[i - 1]?.lower === 'to' && i >= 2) {
    const verb = verbAt(tokens, i - 2);
    if (verb) return verb;
  }
  const noun = eventWordsOf(t.lower)?.find((w) => w.pos === 'n');
  if (!noun) return null;
  // `charged with murder Thursday`: the date goes with the verb the noun completes
  for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
    const p = tokens[k];
    if (DETERMINERS.has(p.lower) || p.lower === 'with') continue;
    const verb = verbAt(tokens, k);
    if (
      verb &&
      verb.word.cls !== noun.cls &&
      (tokens[i - 1].lower === 'with' || DETERMINERS.has(tokens[i - 1].lower))
    )
      return verb;
    break;
  }
  return { index: i, word: noun, length: 1 };
}

const BECOME = new Set(['became', 'become', 'becomes', 'becoming']);
/** `entered into force`, `came into effect`, `went into operation`: a beginning (not a joining). */
const INTO_FORCE_VERBS = new Set([
  'enter',
  'entered',
  'enters',
  'entering',
  'come',
  'came',
  'comes',
  'coming',
  'go',
  'went',
  'goes',
  'going',
  'gone',
]);
const INTO_FORCE = new Set(['force', 'effect', 'operation']);
const TAKE_EFFECT: EventWord = { cls: 'start', lemma: 'take effect', pos: 'v' };

/** An event word at `i`, as a verb where it reads as one, else as a noun. */
export function triggerAt(tokens: readonly Token[], i: number): Trigger | null {
  // asked of one token by several rules, and again from later sentences (`inheritFromEarlier`)
  const t = tokens[i];
  let trigger = t.trigger;
  if (trigger === undefined) t.trigger = trigger = findTrigger(tokens, i);
  return trigger;
}

function findTrigger(tokens: readonly Token[], i: number): Trigger | null {
  const t = tokens[i];
  if (t.punct || t.date >= 0 || t.entity >= 0) return null;
  if (
    INTO_FORCE_VERBS.has(t.lower) &&
    tokens[i + 1]?.lower === 'into' &&
    INTO_FORCE.has(tokens[i + 2]?.lower ?? '')
  )
    return { index: i, word: TAKE_EFFECT, length: 3 };
  const phrasal = i + 1 < tokens.length ? phrasalEvent(t.lower, tokens[i + 1].lower) : undefined;
  if (phrasal) return { index: i, word: phrasal, length: 2 };
  // `became full-fledged members of NATO`: a joining; `became the first woman prime minister`,
  // `became chief executive of Acme`: taking office
  if (BECOME.has(t.lower)) {
    for (let k = i + 1; k < tokens.length && k - i <= 4 && !tokens[k].punct; k++) {
      const lower = tokens[k].lower;
      if (/^members?(?:hip)?$/.test(lower)) return { index: i, word: BECOME_MEMBER, length: 1 };
      if (classifyLowerTitleWord(lower) === WordClass.Office)
        return { index: i, word: BECOME_OFFICE, length: 1 };
    }
  }
  if (
    (t.lower === 'been' || t.lower === 'served') &&
    /^(?:has|have|had|'s)$/.test(tokens[i - 1]?.lower ?? '')
  ) {
    for (let k = i + 1; k < tokens.length && k - i <= 4 && !tokens[k].punct; k++)
      if (classifyLowerTitleWord(tokens[k].lower) === WordClass.Office)
        return { index: i, word: HOLD_OFFICE, length: 1 };
  }
  const words = eventWordsOf(t.lower);
  if (!words) return null;
  if (t.capital && i > 0) return null; // a capitalised word inside a sentence is a name (`Summit Road`)
  const noun = words.find((w) => w.pos === 'n');
  const verb = words.find((w) => w.pos === 'v');
  // `shot to death`, `beaten to death`: the verb is the event
  if (noun?.lemma === 'death' && tokens[i - 1]?.lower === 'to' && i >= 2) {
    const before = eventWordsOf(tokens[i - 2].lower)?.find((w) => w.pos === 'v');
    if (before) return { index: i - 2, word: before, length: 1 };
  }
  if (noun && (!verb || readsAsNoun(tokens, i))) return { index: i, word: noun, length: 1 };
  if (verb && !isParticipleModifier(tokens, i)) return { index: i, word: verb, length: 1 };
  return null;
}

/**
 * A form that is both noun and verb (`bombing`, `attack`, `ruling`) reads as a noun after a
 * determiner, an adjective or another noun; an `-ing` form reads as a verb only after a form of
 * `be`, a subject pronoun, or where it opens a phrase (`, killing dozens`, `after killing`).
 */
function readsAsNoun(tokens: readonly Token[], i: number): boolean {
  if (isNounContext(tokens, i)) return true;
  const t = tokens[i];
  if (!t.lower.endsWith('ing')) return false;
  const prev = tokens[i - 1];
  if (!prev || prev.punct) return false;
  const p = prev.lower;
  if (AUXILIARIES.has(p) || PRONOUNS.has(p) || MODALS.has(p) || isAdverb(prev)) return false;
  if (/^(?:by|after|before|while|when|since|without|for|and|or|of|in|on|from|to)$/.test(p)) return false;
  return true;
}

/** `accused doctor killer`, `the wounded man`: a participle before a noun is an adjective, not an event. */
function isParticipleModifier(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!/(?:ed|en)$/.test(t.lower)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || next.punct || next.capital) return false;
  // not `that`: `shootings that injured doctors` is a relative clause
  const opens =
    (DETERMINERS.has(prev.lower) && prev.lower !== 'that') ||
    prev.lower === 'and' ||
    prev.lower === 'or' ||
    prev.possessive;
  const l = next.lower;
  return (
    opens &&
    !PREPOSITIONS.has(l) &&
    !DETERMINERS.has(l) &&
    !isAdverb(next) &&
    l !== 'to' &&
    !AUXILIARIES.has(l)
  );
}

function verbAt(tokens: readonly Token[], i: number): Trigger | null {
  const trigger = triggerAt(tokens, i);
  return trigger && trigger.word.pos === 'v' ? trigger : null;
}

/** The event verb whose object holds the noun at `i`: `condemned [the bombing of ...]`. */
function governingVerb(tokens: readonly Token[], i: number, clause: number): Trigger | null {
  for (let k = i - 1; k >= 0 && i - k <= 6 && tokens[k].clause === clause; k--) {
    const t = tokens[k];
    if (t.punct || PREPOSITIONS.has(t.lower)) return null;
    const trigger = verbAt(tokens, k);
    if (trigger) return trigger;
  }
  return null;
}
