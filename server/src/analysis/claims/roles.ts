// Who did it and to what: the subject and the object of a claim's event (`Azerbaijan joined
// [PARP]`, `Iraq's invasion of [Kuwait]`, `Kopp was charged`), and the phrase that names the
// object as written, for messages.
import type { NameMention } from '../types';
import type { Trigger } from './attach';
import { isContentWord, isFunctionWord, isVerbish } from './context';
import { eventWordsOf, flagsOf } from './eventWords';
import { personKeyAt, type Participant } from './participants';
import { clauseBefore, type Token } from './tokens';
import { AUXILIARIES, DETERMINERS, NEGATION, PLAN_WORDS, PREPOSITIONS } from './words';

/** Kinds of event whose object is where someone goes. */
const MOTION = new Set(['travel', 'visit', 'arrive', 'depart']);

/**
 * Who did it and to what. For a verb: the nearest participant before it in its clause (the
 * subject; for a relative clause, the name it follows: `Juanita Castro, who arrived`; in the
 * passive, the one after `by`) and the first after it (the object). For a noun: its possessor
 * (`Iraq's invasion`) or `by X`, and `of X` (`the bombing of the embassy`).
 */
export function rolesOf(
  tokens: readonly Token[],
  trigger: Trigger,
  participants: readonly Participant[],
  speakers: ReadonlySet<number>,
  earlierPerson: (offset: number) => Participant | null,
): { subject: Participant | null; object: Participant | null; via?: number; passive?: boolean } {
  const i = trigger.index;
  const clause = tokens[i].clause;
  const entityAt = (k: number) => {
    const e = tokens[k]?.entity ?? -1;
    return e >= 0 && !speakers.has(e) ? participants[e] : null;
  };
  const t = tokens[i];
  const passive =
    trigger.word.pos === 'v' &&
    AUXILIARIES.has(tokens[i - 1]?.lower ?? '') &&
    /(?:ed|en|wn|un|ght)$|^(?:shot|found|met|sold|bought|held|made|won|slain|struck|hit|led|left|freed|born)$/.test(
      t.lower,
    );
  let before: Participant | null = null;
  let k = i - 1;
  for (const j of clauseBefore(tokens, i)) {
    k = j - 1;
    // `immigration authorities ruled`: the subject is no name
    if (j === i - 1 && isContentWord(tokens[j]) && !AUXILIARIES.has(tokens[j].lower)) break;
    // `Azerbaijan together with some Central European countries, joined`: a name after a
    // preposition is no subject
    if (tokens[j].entity >= 0 && afterPreposition(tokens, j)) continue;
    const e = entityAt(j);
    if (e) {
      before = e;
      break;
    }
    // `before he was shot`: he is the last person the text named; but not past someone this
    // sentence names and we did not read as a person (`Elian's relatives say he was found`)
    if (tokens[j].lower === 'he' || tokens[j].lower === 'she') {
      before =
        lastPersonBefore(tokens, participants, j) ??
        (namesSomeoneElse(tokens, participants, j) ? null : earlierPerson(tokens[j].start));
      break;
    }
  }
  // a relative clause's subject is the name before `who`/`which`
  if (!before && k >= 0 && /^(?:who|which|that)$/.test(tokens[k + 1]?.lower ?? '')) {
    let j = k;
    if (tokens[j]?.text === ',') j--;
    before = entityAt(j);
  }
  let after: Participant | null = null;
  let agent: Participant | null = null;
  for (let j = i + trigger.length; j < tokens.length && tokens[j].clause === clause && j - i <= 10; j++) {
    const e = entityAt(j);
    if (!e) continue;
    if (tokens[j - 1]?.lower === 'by') agent ??= e;
  }
  // the object: the name the verb takes (`joined [the PfP Planning and Review Process]`), not one
  // further on (`joined peace operations in [Afghanistan]`); `became a member of [X]`
  after = complementOf(tokens, i + trigger.length, entityAt);
  // where a journey goes: `traveled to Havana`, `arrived in the United States`
  let via: number | undefined;
  if (!after && MOTION.has(trigger.word.cls)) {
    const p = tokens[i + trigger.length];
    if (p && /^(?:to|in|at|into|for)$/.test(p.lower)) {
      after = complementOf(tokens, i + trigger.length + 1, entityAt);
      if (after) via = i + trigger.length;
    }
  }
  if (trigger.word.lemma === 'become member') {
    for (let j = i + 1; j < tokens.length && j - i <= 6; j++)
      if (tokens[j].lower === 'of') {
        after = complementOf(tokens, j + 1, entityAt);
        break;
      }
  }
  if (trigger.word.pos === 'n') {
    const prev = tokens[i - 1];
    // `Iraq's invasion`; where who acts matters, `the INS decision`
    let possessor = prev?.possessive || flagsOf(trigger.word.cls).who ? entityAt(i - 1) : null;
    // `Iraq ... after its 1991 invasion`: its is the last name before it
    let p = i - 1;
    while (p >= 0 && tokens[p].date >= 0) p--;
    if (!possessor && /^(?:its|his|her)$/.test(tokens[p]?.lower ?? '')) {
      for (let k = p - 1; k >= 0; k--) {
        const e = entityAt(k);
        if (e) {
          possessor = e;
          break;
        }
      }
    }
    const next = tokens[i + 1]?.lower ?? '';
    // a document is named before its noun (`the PfP agreement`); an act after it (`the bombing
    // of the embassy`, `participation in PARP`)
    const named = trigger.word.cls === 'agree' ? entityAt(i - 1) : null;
    // `admission of Azerbaijan to the council`, `Hungary's entry into NATO`: who joins, and what
    if (trigger.word.cls === 'join') {
      let joiner = possessor;
      let joined: Participant | null = null;
      let at: number | undefined;
      for (let j = i + 1; j < tokens.length && j - i <= 12 && tokens[j].clause === tokens[i].clause; j++) {
        if (tokens[j].lower === 'of' && !joiner) joiner = complementOf(tokens, j + 1, entityAt);
        if (/^(?:to|into|in)$/.test(tokens[j].lower) && !joined) {
          joined = complementOf(tokens, j + 1, entityAt);
          if (joined) at = j;
        }
      }
      return { subject: joiner, object: joined, ...(at !== undefined ? { via: at } : {}) };
    }
    const object =
      named ??
      (/^(?:of|to|into|against|on|at|in)$/.test(next) ? complementOf(tokens, i + 2, entityAt) : null);
    return { subject: possessor ?? agent, object, ...(object && !named ? { via: i + 1 } : {}) };
  }
  if (passive) return { subject: agent, object: before, passive: true };
  return { subject: before, object: after, ...(via ? { via } : {}) };
}

function lastPersonBefore(
  tokens: readonly Token[],
  participants: readonly Participant[],
  k: number,
): Participant | null {
  for (let j = k - 1; j >= 0; j--) {
    const e = tokens[j].entity;
    if (e >= 0 && participants[e].kind === 'person') return participants[e];
  }
  return null;
}

/**
 * The name a verb or a noun's preposition takes, within a few words: `the bombing of [a
 * Birmingham] clinic`, `joined [the PfP Planning and Review Process]`. Of a run of names the
 * last is the head (`the PfP Planning and Review Process (PARP)`: the process, not PfP).
 */
function complementOf(
  tokens: readonly Token[],
  from: number,
  entityAt: (k: number) => Participant | null,
): Participant | null {
  for (let k = from; k < tokens.length && k - from <= 4; k++) {
    const e = entityAt(k);
    if (e) {
      let head = e;
      let j = k + 1;
      for (; j < tokens.length; j++) {
        const next = entityAt(j);
        if (next) head = next;
        else if (!tokens[j].capital && tokens[j].text !== '(' && tokens[j].text !== ')') break;
      }
      // `at American embassies`, `of a Birmingham abortion clinic`: a place before a common noun
      // says where; what the event was done to is the embassy, not the country (an
      // organisation's noun is its own: `the end of the IHF operation`)
      return head.kind === 'place' && tokens[j] && isCommonNoun(tokens[j]) ? null : head;
    }
    const t = tokens[k];
    // `to its body, the North Atlantic Cooperation Council`: a name in apposition
    if (t.text === ',' && k > from) {
      const next = tokens[k + 1] && DETERMINERS.has(tokens[k + 1].lower) ? k + 2 : k + 1;
      return entityAt(next) ? complementOf(tokens, next, entityAt) : null;
    }
    if (
      t.punct ||
      t.lower === 'and' ||
      t.lower === 'or' ||
      AUXILIARIES.has(t.lower) ||
      PREPOSITIONS.has(t.lower)
    )
      return null;
  }
  return null;
}

/** A lower-case word that can head a noun phrase: not a function word, a verb, an adverb or a date. */
function isCommonNoun(t: Token): boolean {
  if (t.punct || t.capital || t.date >= 0 || t.entity >= 0 || t.lower.endsWith('ly')) return false;
  const l = t.lower;
  if (isFunctionWord(l) || l === 'nor' || NEGATION.has(l) || isVerbish(t)) return false;
  // a past form right after a name is its verb (`Kenya deplored`), not a noun it modifies
  return !/(?:ed)$/.test(l) && !PLAN_WORDS.has(l);
}

/** The noun phrase that starts at token `from`, as written: `the NATO-led operation`, `the North Atlantic Council`. */
export function phraseAt(text: string, tokens: readonly Token[], from: number): string | undefined {
  const k = from;
  let end = -1;
  for (let j = k; j < tokens.length && j - k < 8; j++) {
    const t = tokens[j];
    if (t.date >= 0) break; // `the United States April 2`: the date is no part of the name
    // `Planning and Review Process`: a word of a name goes on
    const inName = t.capital && tokens[j - 1]?.capital && j > k;
    const joins = (t.lower === 'and' || t.lower === 'of') && tokens[j - 1]?.capital && tokens[j + 1]?.capital;
    if (
      !inName &&
      !joins &&
      (t.punct ||
        t.date >= 0 ||
        PREPOSITIONS.has(t.lower) ||
        AUXILIARIES.has(t.lower) ||
        t.lower === 'and' ||
        t.lower === 'that')
    )
      break;
    if (!t.capital && t.entity < 0 && eventWordsOf(t.lower)?.some((w) => w.pos === 'v')) break;
    end = j;
  }
  return end >= k ? text.slice(tokens[k].start, tokens[end].end).replace(/\s+/g, ' ') : undefined;
}

/** Whether the name at token `j` stands after a preposition (`with some Central European countries`). */
function afterPreposition(tokens: readonly Token[], j: number): boolean {
  const e = tokens[j].entity;
  let k = j;
  while (k > 0 && tokens[k - 1].entity === e) k--;
  for (let p = k - 1; p >= 0 && k - p <= 3; p--) {
    if (PREPOSITIONS.has(tokens[p].lower)) return true;
    if (tokens[p].punct || tokens[p].entity >= 0 || AUXILIARIES.has(tokens[p].lower)) return false;
  }
  return false;
}

/** The person the text named last before `offset` (for a `he` that opens a sentence). */
/** A capitalised possessive before token `j` not read as a person or a place: someone the pronoun may mean. */
function namesSomeoneElse(
  tokens: readonly Token[],
  participants: readonly Participant[],
  j: number,
): boolean {
  for (let k = 0; k < j; k++) {
    const t = tokens[k];
    if (t.possessive && t.capital && (t.entity < 0 || participants[t.entity].kind === 'name')) return true;
  }
  return false;
}

export function lastPersonNamed(names: readonly NameMention[], offset: number): Participant | null {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  const n = names[lo - 1];
  return n
    ? { key: personKeyAt(names, lo - 1), kind: 'person', label: n.text, start: n.start, end: n.end }
    : null;
}
