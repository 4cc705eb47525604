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
import { agree, prepare, sameFact, type Canon, type ClaimRef, type Prepared } from './matching';
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
    for (const k of blockKeys(head)) for (const f of byKey.get(k) ?? []) if (f !== skip) candidates.add(f);
    for (const f of [...candidates].sort((x, y) => x - y)) {
      const fact = facts[f];
      const n = Math.min(fact.length, COMPARED_PER_FACT);
      for (let i = 0; i < n; i++) if (sameFact(head, fact[i][0])) return f;
    }
    return -1;
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
    index(group, f);
  }
  for (let f = 0; f < facts.length; f++) {
    if (facts[f].length !== 1) continue;
    const to = place(facts[f][0], f);
    if (to < 0 || facts[to].length === 0) continue;
    facts[to].push(facts[f][0]);
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
  // values, and how many sources side with and against each
  const byValue = new Map<string, { group: ValueGroup; docs: Set<string>; agree: number; disagree: number }>();
  for (const m of members) {
    const key = valueKey(m);
    let v = byValue.get(key);
    if (!v)
      byValue.set(
        key,
        (v = { group: { value: key, interval: m.interval, refs: [], docs: 0 }, docs: new Set(), agree: 0, disagree: 0 }),
      );
    v.group.refs.push(m.ref);
    v.docs.add(m.ref.doc);
  }
  const values = [...byValue.values()];
  const lists = [...docs.values()];
  for (const v of values) {
    v.group.docs = v.docs.size;
    const rivals = values.filter((r) => !compatible(r.group.interval, v.group.interval)).map((r) => r.group.interval);
    if (rivals.length === 0) continue;
    for (const list of lists) {
      if (list.some((m) => compatible(m.interval, v.group.interval) && rivals.some((r) => !compatible(m.interval, r))))
        v.agree++;
      else if (list.every((m) => !compatible(m.interval, v.group.interval))) v.disagree++;
    }
  }
  const flagged = new Map<Prepared, 'outlier' | 'disputed'>();
  for (const m of members) {
    const { agree, disagree } = byValue.get(valueKey(m))!;
    if (disagree === 0 || disagree < agree) continue;
    flagged.set(m, disagree > agree ? 'outlier' : 'disputed');
  }
  if (flagged.size === 0) return [];
  const groups = [...byValue.values()].map((v) => v.group).sort((x, y) => y.docs - x.docs || x.value.localeCompare(y.value));
  const consensus = groups.find((g) => g.refs.some((r) => !flaggedRef(flagged, r))) ?? null;
  const head = bestDescribed(members);
  const outliers = [...flagged.keys()];
  const fact: FactConflict = {
    id: factId(head, consensus, outliers),
    label: describeFact(head.ref.claim),
    groups,
    consensus,
  };
  if (dismissed.has(fact.id)) return [];
  const out: Conflict[] = [];
  for (const [o, role] of flagged) {
    const others = representatives(groups, o);
    if (others.length === 0) continue;
    out.push({ at: o.ref, fact, role, others, label: fact.label, message: outlierMessage(fact, o, groups), id: fact.id });
  }
  for (const m of members) {
    if (flagged.has(m)) continue;
    const against = outliers.filter((o) => o.ref.doc !== m.ref.doc && !agree(m, o));
    if (against.length === 0) continue;
    out.push({
      at: m.ref,
      fact,
      role: 'agrees',
      others: against.slice(0, MAX_OUTLIERS).map((o) => o.ref),
      label: fact.label,
      message: agreesMessage(fact, m, against),
      id: fact.id,
    });
  }
  return out;
}

function flaggedRef(flagged: ReadonlyMap<Prepared, unknown>, ref: ClaimRef): boolean {
  for (const p of flagged.keys()) if (p.ref === ref) return true;
  return false;
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
    const s = (c.subject ? 2 : 0) + (c.object ? 2 : 0) + Math.min(3, c.participants.length) - (c.inherited ? 3 : 0);
    if (s > score) {
      score = s;
      best = m;
    }
  }
  return best;
}

/** A few sources of each other value, from other documents, values in the groups' order. */
function representatives(groups: readonly ValueGroup[], at: Prepared): ClaimRef[] {
  const out: ClaimRef[] = [];
  let values = 0;
  for (const g of groups) {
    if (g.value === valueKey(at)) continue;
    if (compatible(g.interval, at.interval)) continue;
    const picked = g.refs.filter((r) => r.doc !== at.ref.doc).slice(0, SOURCES_PER_VALUE);
    if (picked.length === 0) continue;
    out.push(...picked);
    if (++values === MAX_VALUES) break;
  }
  return out;
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
  const list = [...byValue].map(([v, d]) => `${displayValue(v)} in ${d.size} other document${d.size === 1 ? '' : 's'}`);
  const docs = new Set(against.map((o) => o.ref.doc)).size;
  return `${capitalise(fact.label)}: ${displayValue(valueKey(at))} here, as most sources say; ${list.join('; ')} ${docs === 1 ? 'disagrees' : 'disagree'}`;
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
