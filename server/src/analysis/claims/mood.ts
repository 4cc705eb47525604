// How a claim is told: denied (`did not join`), planned (`will join`, `is expected to`), given up
// (`had been set to`), told in the past; and the role its date plays (a point, `since`, the start
// or end of a range, `until`).
import type { Trigger } from './attach';
import type { EventClass } from './eventWords';
import type { Token } from './tokens';
import { AUXILIARIES, DETERMINERS, NEGATION, PLAN_WORDS, POSSIBILITY } from './words';

export type DateRole = 'point' | 'since' | 'start' | 'end' | 'until';

export function negated(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (NEGATION.has(tokens[k].lower)) return true;
    if (tokens[k].punct) return false;
  }
  return false;
}

/** `since 1997` dates a beginning that still holds; `from 2002 to 2014`, `until 9 a.m. Tuesday`. */
export function roleOf(tokens: readonly Token[], first: number, last: number, cls: EventClass): DateRole {
  const prev = tokens[first - 1]?.lower;
  if (prev === 'since') return 'since';
  if (prev === 'until' || prev === 'till' || prev === 'by' || prev === 'before')
    return cls === 'expire' ? 'point' : 'until';
  if (prev === 'from' && /^(?:to|until|till|through)$/.test(tokens[last + 1]?.lower ?? '')) return 'start';
  // `between 1985 and 1987`: a period, from its first date to its second
  if (prev === 'between' && tokens[last + 1]?.lower === 'and' && tokens[last + 2]?.date >= 0) return 'start';
  if (prev === 'and' && tokens[first - 2]?.date >= 0) {
    let k = first - 2;
    while (k > 0 && tokens[k - 1].date === tokens[first - 2].date) k--;
    if (tokens[k - 1]?.lower === 'between') return 'end';
  }
  if (
    /^(?:to|until|till|through)$/.test(prev ?? '') &&
    tokens.slice(Math.max(0, first - 8), first).some((t) => t.lower === 'from')
  )
    return 'end';
  return 'point';
}

/**
 * A plan: a modal or a word of expectation governs the event (`will join`, `is expected to
 * join`, `plans to visit`); for a noun, a word of its own phrase says so (`the planned summit`,
 * `the summit set for April`, `the election due this September`). A modal that governs another
 * verb (`would appeal the decision`) leaves a noun as it is: the decision was made.
 */
export function planned(tokens: readonly Token[], trigger: Trigger): boolean {
  const i = trigger.index;
  const clause = tokens[i].clause;
  if (trigger.word.pos === 'n') {
    for (let k = i - 1; k >= 0 && i - k <= 3 && tokens[k].clause === clause; k--) {
      const l = tokens[k].lower;
      if (PLAN_WORDS.has(l)) return true;
      if (DETERMINERS.has(l) || tokens[k].punct) break;
    }
    for (let k = i + 1; k < tokens.length && k - i <= 2; k++)
      if (PLAN_WORDS.has(tokens[k].lower)) return true;
    return false;
  }
  for (let k = i - 1; k >= 0 && i - k <= 6 && tokens[k].clause === clause; k--) {
    const l = tokens[k].lower;
    if (PLAN_WORDS.has(l) || POSSIBILITY.has(l)) return true;
    // `is to visit`: be + to + verb
    if (l === 'to' && AUXILIARIES.has(tokens[k - 1]?.lower ?? '')) return true;
    if (tokens[k].punct || tokens[k].entity >= 0) break;
  }
  return false;
}

/** A plan told as given up: `had been set to`, `was originally scheduled`, `previously planned`. */
export function superseded(tokens: readonly Token[], trigger: Trigger): boolean {
  const i = trigger.index;
  const clause = tokens[i].clause;
  for (let k = i - 1; k >= 0 && i - k <= 6 && tokens[k].clause === clause; k--) {
    const l = tokens[k].lower;
    if (l === 'originally' || l === 'previously' || l === 'initially') return true;
    if (PLAN_WORDS.has(l) && tokens[k - 1]?.lower === 'been' && tokens[k - 2]?.lower === 'had') return true;
    if (tokens[k].punct) break;
  }
  return false;
}

/** The event word, or its clause, is in the past tense: `ended`, `was held`, `supported ... the end of`. */
export function toldInThePast(tokens: readonly Token[], trigger: Trigger): boolean {
  const t = tokens[trigger.index];
  const past = (x: Token) =>
    /^(?:was|were|had|did)$/.test(x.lower) || (x.lower.length > 4 && x.lower.endsWith('ed') && !x.capital);
  if (trigger.word.pos === 'v')
    return past(t) || (t.lower !== trigger.word.lemma && !/(?:ing|s)$/.test(t.lower));
  return tokens.some((x) => x.clause === t.clause && x !== t && past(x));
}

/** Whether `value` (a TIMEX value) starts after the day `day` (YYYY-MM-DD). */
export function startsAfter(value: string, day: string): boolean {
  const m = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(value);
  if (!m || /^\d{4}-(?:W|Q|H|SP|SU|FA|WI)/.test(value)) return false;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` > day;
}
