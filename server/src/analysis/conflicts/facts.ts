// From the claims of one bucket to the facts the corpus dates, and the facts sources date
// differently. Linear in the claims, however many sources tell one fact:
//   1. claims that say the same thing in the same words (a paragraph reprinted) are one group,
//      compared once;
//   2. each group joins the first fact it matches (compared with a few of the fact's groups,
//      found through the participants and words they share), or starts a new one;
//   3. within a fact, the dates are put in groups by value; the value most sources agree with
//      is the consensus, and the sources that agree with none of it are the outliers. A source
//      that gives two dates for one fact is telling of two occasions, not contradicting itself,
//      so it agrees when one of its dates does.
// The outliers get the conflict; the agreeing mentions get a hint that points at them.
import { compatible, type Interval } from './intervals';
import { agree, canBeOne, prepare, sameFact, type Canon, type ClaimRef, type Prepared } from './matching';
import { describeFact, displayValue, relativeNote } from './messages';

export interface ValueGroup {
  /** The value as the text gives it (`1998-10-23`, `1998-FA`), with its mod. */
  value: string;
  interval: Interval | null;
  refs: ClaimRef[];
  docs: number;
}

/** One fact that sources date differently. */
export interface FactConflict {
  /** Identifies the disagreement, not the places, so that a dismissal survives edits. */
  id: string;
  /** What is dated, in plain words: `the bombings of U.S. embassies in Kenya and Tanzania`. */
  label: string;
  /** Values by how many sources give them, most first. */
  groups: ValueGroup[];
  /** The value most sources agree with, when one does. */
  consensus: ValueGroup | null;
}

/** A conflict as one mention sees it. */
export interface Conflict {
  at: ClaimRef;
  fact: FactConflict;
  /** `outlier`: this date disagrees with the consensus; `agrees`: it points at the outliers. */
  role: 'outlier' | 'agrees' | 'disputed';
  /** The places to show beside it: a few of each other value, or the outliers it agrees against. */
  others: ClaimRef[];
  label: string;
  message: string;
  id: string;
}

/** A few sources of each other value are listed; the message counts them all. */
export const SOURCES_PER_VALUE = 3;
/** At most this many values are listed under one conflict. */
export const MAX_VALUES = 6;
/** An agreeing mention points at no more than this many outliers. */
export const MAX_OUTLIERS = 10;
/** Facts a key may name before it is too common to find candidates by (keeps a big bucket linear). */
const MAX_FACTS_PER_KEY = 48;
/** A fact's groups compared with a new group, at most: keeps a big fact linear. */
const COMPARED_PER_FACT = 24;

export type PreparedClaims = WeakMap<object, Prepared>;

/** The facts of a bucket's claims (refs in a stable order: by file, then offset). */
export function factsOf(refs: readonly ClaimRef[], canon: Canon, prepared?: PreparedClaims): Prepared[][] {
  // 1. claims alike
  const groups = new Map<string, Prepared[]>();
  for (const ref of refs) {
    let p = prepared?.get(ref.claim);
    if (!p || p.ref.doc !== ref.doc) {
      p = prepare(ref, canon);
      prepared?.set(ref.claim, p);
    }
    const g = groups.get(p.what);
    if (g) g.push(p);
    else groups.set(p.what, [p]);
  }
  // 2. groups into facts; then the groups left alone try again, now that every fact is known
  // (a group met early may match a fact only through a group met later)
  const facts: Prepared[][][] = [];
  const byKey = new Map<string, number[]>();
  const place = (group: Prepared[], skip: number): number => {
    const head = group[0];
    const candidates = new Set<number>();
    // a key that many facts share (a country, a common word) tells little: its facts are
    // candidates only where nothing rarer is shared, and then only the latest few
    const common: number[][] = [];
    for (const k of blockKeys(head)) {
      const list = byKey.get(k);
      if (!list) continue;
      if (list.length > MAX_FACTS_PER_KEY) common.push(list);
      else for (const f of list) if (f !== skip) candidates.add(f);
    }
    if (candidates.size === 0)
      for (const list of common)
        for (let i = list.length - 1; i >= list.length - MAX_FACTS_PER_KEY; i--)
          if (list[i] !== skip) candidates.add(list[i]);
    for (const f of [...candidates].sort((x, y) => x - y)) {
      const fact = facts[f];
      // evidence from one of its groups; no clash with any of them (`joined PARP` does not
      // join the fact of `joined PfP` through a sentence that names both)
      const n = Math.min(fact.length, COMPARED_PER_FACT);
      let evidence = false;
      for (let i = 0; i < n && !evidence; i++) evidence = sameFact(head, fact[i][0]);
      if (evidence && roles[f].every((r) => canBeOne(head, r))) return f;
    }
    return -1;
  };
  // per fact, one group for each subject and object it holds (what a newcomer must not clash with)
  const roles: Prepared[][] = [];
  const addRoles = (f: number, p: Prepared) => {
    const list = (roles[f] ??= []);
    if (!list.some((r) => r.subject === p.subject && r.object === p.object)) list.push(p);
  };
  const index = (group: Prepared[], f: number) => {
    for (const k of blockKeys(group[0])) {
      const list = byKey.get(k);
      if (!list) byKey.set(k, [f]);
      else if (list[list.length - 1] !== f) list.push(f);
    }
  };
  for (const group of groups.values()) {
    let f = place(group, -1);
    if (f < 0) {
      f = facts.length;
      facts.push([]);
    }
    facts[f].push(group);
    addRoles(f, group[0]);
    index(group, f);
  }
  for (let f = 0; f < facts.length; f++) {
    if (facts[f].length !== 1) continue;
    const to = place(facts[f][0], f);
    if (to < 0 || facts[to].length === 0) continue;
    facts[to].push(facts[f][0]);
    addRoles(to, facts[f][0][0]);
    index(facts[f][0], to);
    facts[f] = [];
  }
  return facts.filter((f) => f.length > 0).map((f) => f.flat());
}

/** What a group can match on: its participants and content words (a fact shares one with it). */
function blockKeys(p: Prepared): string[] {
  const keys = [...p.specific, ...p.places.map((x) => x.split('/')[0]), ...p.content.map((w) => 'w:' + w)];
  if (p.subject) keys.push(p.subject);
  // nothing to tell it apart: it matches no other group (only its like, in step 1)
  return keys;
}

/**
 * The conflicts of one fact, one per mention involved. A date is an outlier when more sources
 * disagree with it than side with it (its own source sides with it): a source disagrees when
 * none of its dates for the fact can stand with it, and sides with it when one of its dates
 * can and also rules out one of its rivals. A date that rules out nothing (`1998`, beside
 * `January 1998` and `February 1998`) takes no side. A tie is a dispute: both sides are
 * warned. The dates that most sources side with get a hint that points at the outliers they
 * contradict.
 */
export function conflictsOfFact(members: readonly Prepared[], dismissed: ReadonlySet<string>): Conflict[] {
  if (members.length < 2) return [];
  const docs = new Map<string, Prepared[]>();
  for (const m of members) {
    const list = docs.get(m.ref.doc);
    if (list) list.push(m);
    else docs.set(m.ref.doc, [m]);
  }
  if (docs.size < 2) return [];
  // values, and the sources giving each
  const byValue = new Map<string, Value>();
  for (const m of members) {
    const key = valueKey(m);
    let v = byValue.get(key);
    if (!v)
      byValue.set(
        key,
        (v = {
          group: { value: key, interval: m.interval, refs: [], docs: 0 },
          docs: new Set(),
          agree: 0,
          disagree: 0,
        }),
      );
    v.group.refs.push(m.ref);
    v.docs.add(m.ref.doc);
  }
  const values = [...byValue.values()];
  for (const v of values) v.group.docs = v.docs.size;
  countSides(values, docs);
  const flagged = new Map<Prepared, 'outlier' | 'disputed'>();
  for (const m of members) {
    const { agree, disagree } = byValue.get(valueKey(m))!;
    if (disagree === 0 || disagree < agree) continue;
    flagged.set(m, disagree > agree ? 'outlier' : 'disputed');
  }
  if (flagged.size === 0) return [];
  const groups = values.map((v) => v.group).sort((x, y) => y.docs - x.docs || x.value.localeCompare(y.value));
  const flaggedRefs = new Set([...flagged.keys()].map((p) => p.ref));
  const consensus = groups.find((g) => g.refs.some((r) => !flaggedRefs.has(r))) ?? null;
  const head = bestDescribed(members);
  const outliers = [...flagged.keys()];
  const fact: FactConflict = {
    id: factId(head, consensus, outliers),
    label: describeFact(head.ref.claim),
    groups,
    consensus,
  };
  if (dismissed.has(fact.id) || (dismissed.size > 0 && dismissed.has(legacyId(head, values)))) return [];
  const out: Conflict[] = [];
  // mentions of one value share their lists of others and their message (a value given by a
  // thousand sources costs one list, not a thousand)
  const perValue = new Map<string, { others: ClaimRef[]; message: string; docsOf: Set<string> }>();
  for (const [o, role] of flagged) {
    const key = valueKey(o);
    let shared = perValue.get(key);
    if (!shared) {
      const others = representatives(groups, o, null);
      perValue.set(
        key,
        (shared = {
          others,
          message: outlierMessage(fact, o, groups),
          docsOf: new Set(others.map((r) => r.doc)),
        }),
      );
    }
    // another source, not this document disagreeing with itself
    const others = shared.docsOf.has(o.ref.doc) ? representatives(groups, o, o.ref.doc) : shared.others;
    if (others.length === 0) continue;
    out.push({ at: o.ref, fact, role, others, label: fact.label, message: shared.message, id: fact.id });
  }
  // the agreeing mentions point at the outliers they contradict: worked out once per value
  const flaggedByValue = new Map<string, Prepared[]>();
  for (const o of outliers) {
    const key = valueKey(o);
    const list = flaggedByValue.get(key);
    if (list) list.push(o);
    else flaggedByValue.set(key, [o]);
  }
  const against = new Map<string, { refs: Prepared[]; message: string } | null>();
  for (const m of members) {
    if (flagged.has(m)) continue;
    const key = valueKey(m);
    let those = against.get(key);
    if (those === undefined) {
      const refs: Prepared[] = [];
      for (const list of flaggedByValue.values()) if (!agree(m, list[0])) refs.push(...list);
      those = refs.length ? { refs, message: agreesMessage(fact, m, refs) } : null;
      against.set(key, those);
    }
    if (!those) continue;
    const others: ClaimRef[] = [];
    for (const o of those.refs) {
      if (o.ref.doc === m.ref.doc) continue;
      others.push(o.ref);
      if (others.length === MAX_OUTLIERS) break;
    }
    if (others.length === 0) continue;
    out.push({
      at: m.ref,
      fact,
      role: 'agrees',
      others,
      label: fact.label,
      message: those.message,
      id: fact.id,
    });
  }
  return out;
}

interface Value {
  group: ValueGroup;
  docs: Set<string>;
  /** Sources that side with this value; sources that disagree with it (see `conflictsOfFact`). */
  agree: number;
  disagree: number;
}

/**
 * Counts, for each value, the sources that side with it and those that disagree. Sources that
 * give the same values count as one kind, and a value's rivals are summed up by two bounds
 * (a date that meets every rival is one that meets the nearest ends of both sides), so a fact
 * told by thousands of sources costs values × kinds of source, not sources squared.
 */
function countSides(values: Value[], docs: ReadonlyMap<string, Prepared[]>): void {
  // sources alike: the same values for the fact
  const kinds = new Map<string, { mentions: Prepared[]; count: number }>();
  for (const list of docs.values()) {
    const key = [...new Set(list.map(valueKey))].sort().join('\u0001');
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { mentions: list, count: 1 });
  }
  const sources = [...kinds.values()];
  const bounds = rivalBounds(values.map((v) => v.group.interval));
  values.forEach((v, i) => {
    const b = bounds[i];
    if (!b) return;
    // a date sides with v when it meets v and misses one of v's rivals: it meets them all only
    // when it reaches from the nearest rival's end on one side to the other's
    const sides = b.exact
      ? (m: Prepared) => compatible(m.interval, v.group.interval) && !meetsAll(m.interval, b)
      : (m: Prepared) =>
          compatible(m.interval, v.group.interval) && b.rivals.some((r) => !compatible(m.interval, r));
    for (const kind of sources) {
      if (kind.mentions.some(sides)) v.agree += kind.count;
      else if (kind.mentions.every((m) => !compatible(m.interval, v.group.interval)))
        v.disagree += kind.count;
    }
  });
}

interface Bounds {
  /** Every value is an interval of days: `minHi`/`maxLo` say it all. */
  exact: boolean;
  /** The smallest end and the largest start among the rivals. */
  minHi: number;
  maxLo: number;
  /** The rivals themselves, when some value is not an interval of days (`XXXX-04-28`). */
  rivals: (Interval | null)[];
}

/** Per value, its rivals (the values disjoint from it) summed up; null for a value without rivals. */
function rivalBounds(intervals: readonly (Interval | null)[]): (Bounds | null)[] {
  const days = intervals.every((x) => x?.kind === 'days');
  if (!days) {
    return intervals.map((v) => {
      const rivals = intervals.filter((r) => !compatible(r, v));
      return rivals.length ? { exact: false, minHi: 0, maxLo: 0, rivals } : null;
    });
  }
  const all = intervals as readonly { lo: number; hi: number }[];
  // sorted by end: those that end before v starts are a prefix; sorted by start: those that
  // start after v ends are a suffix
  const byHi = [...all].sort((a, b) => a.hi - b.hi);
  const byLo = [...all].sort((a, b) => a.lo - b.lo);
  const prefixMaxLo: number[] = [];
  byHi.forEach((x, i) => prefixMaxLo.push(Math.max(i ? prefixMaxLo[i - 1] : -Infinity, x.lo)));
  const suffixMinHi: number[] = new Array<number>(byLo.length);
  for (let i = byLo.length - 1; i >= 0; i--)
    suffixMinHi[i] = Math.min(i + 1 < byLo.length ? suffixMinHi[i + 1] : Infinity, byLo[i].hi);
  const minHi = byHi.length ? byHi[0].hi : Infinity;
  const maxLo = byLo.length ? byLo[byLo.length - 1].lo : -Infinity;
  return all.map((v) => {
    const left = countBelow(byHi, (x) => x.hi < v.lo); // rivals that end before v starts
    const right = byLo.length - countBelow(byLo, (x) => x.lo <= v.hi); // rivals that start after v ends
    if (left === 0 && right === 0) return null;
    const lo = Math.max(left ? prefixMaxLo[left - 1] : -Infinity, right ? maxLo : -Infinity);
    const hi = Math.min(left ? minHi : Infinity, right ? suffixMinHi[byLo.length - right] : Infinity);
    return { exact: true, minHi: hi, maxLo: lo, rivals: [] };
  });
}

/** How many of `sorted` (in order) satisfy `test`, which holds for a prefix. */
function countBelow<T>(sorted: readonly T[], test: (x: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(sorted[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether an interval meets every rival summed up by `b`. */
function meetsAll(i: Interval | null, b: Bounds): boolean {
  if (i?.kind !== 'days') return true;
  return i.lo <= b.minHi && i.hi >= b.maxLo;
}

function valueKey(p: Prepared): string {
  const c = p.ref.claim;
  return c.value + (c.rangeWith ? '/' + c.rangeWith : '');
}

/** The member whose claim reads best as a label: a subject and an object, else the most participants. */
function bestDescribed(members: readonly Prepared[]): Prepared {
  let best = members[0];
  let score = -1;
  for (const m of members) {
    const c = m.ref.claim;
    // a verb with who and what reads best (`Azerbaijan joined the Council`)
    const s =
      (c.subject ? 2 : 0) +
      (c.object ? 2 : 0) +
      (c.pos === 'v' ? 1 : 0) +
      Math.min(3, c.participants.length) -
      (c.inherited ? 3 : 0);
    if (s > score) {
      score = s;
      best = m;
    }
  }
  return best;
}

/** A few sources of each other value (not from `exclude`), values in the groups' order. */
function representatives(groups: readonly ValueGroup[], at: Prepared, exclude: string | null): ClaimRef[] {
  const out: ClaimRef[] = [];
  let values = 0;
  for (const g of groups) {
    if (g.value === valueKey(at)) continue;
    if (compatible(g.interval, at.interval)) continue;
    const picked: ClaimRef[] = [];
    for (const r of g.refs) {
      if (r.doc === exclude) continue;
      picked.push(r);
      if (picked.length === SOURCES_PER_VALUE) break;
    }
    if (picked.length === 0) continue;
    out.push(...picked);
    if (++values === MAX_VALUES) break;
  }
  return out;
}

/**
 * The id an earlier version gave a conflict between two values (`join||acronym:parp|1997|1998`:
 * class, plan, what, the two values): a reader's dismissals written then still hold.
 */
function legacyId(head: Prepared, values: readonly Value[]): string {
  const c = head.ref.claim;
  const written = [
    ...new Set(
      values.flatMap((v) => v.group.refs.map((r) => r.claim.value + (r.claim.mod ? '/' + r.claim.mod : ''))),
    ),
  ];
  const what = head.object ?? [...head.ref.claim.participants.map((p) => p.key)].sort().join('+');
  return [c.event, c.plan ? 'plan' : '', what, ...written.sort()].join('|');
}

function factId(head: Prepared, consensus: ValueGroup | null, outliers: readonly Prepared[]): string {
  const what = head.object ?? head.subject ?? head.specific[0] ?? head.places[0] ?? head.ref.claim.lemma;
  const values = [...new Set(outliers.map(valueKey))].sort();
  return [head.cls, what, consensus?.value ?? '', ...values].join('|');
}

function outlierMessage(fact: FactConflict, at: Prepared, groups: readonly ValueGroup[]): string {
  const elsewhere: string[] = [];
  for (const g of groups) {
    if (compatible(g.interval, at.interval)) continue;
    const n = new Set(g.refs.map((r) => r.doc).filter((d) => d !== at.ref.doc)).size;
    if (n === 0) continue;
    elsewhere.push(`${displayValue(g.value)} in ${n} other document${n === 1 ? '' : 's'}`);
    if (elsewhere.length === MAX_VALUES) break;
  }
  const note = relativeNote(at.ref.claim);
  return `${capitalise(fact.label)}: ${displayValue(valueKey(at))}${note} here; ${elsewhere.join('; ')}`;
}

function agreesMessage(fact: FactConflict, at: Prepared, against: readonly Prepared[]): string {
  const byValue = new Map<string, Set<string>>();
  for (const o of against) {
    const v = valueKey(o);
    if (!byValue.has(v)) byValue.set(v, new Set());
    byValue.get(v)!.add(o.ref.doc);
  }
  const list = [...byValue].map(
    ([v, d]) => `${displayValue(v)} in ${d.size} other document${d.size === 1 ? '' : 's'}`,
  );
  const docs = new Set(against.map((o) => o.ref.doc)).size;
  return `${capitalise(fact.label)}: ${displayValue(valueKey(at))} here, as most sources say; ${list.join('; ')} ${docs === 1 ? 'disagrees' : 'disagree'}`;
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
