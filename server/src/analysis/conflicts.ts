// Conflicting dates: two sources that date the same thing differently.
//
// Claims (claims.ts) are bucketed by event and thing; within a bucket two claims are about
// the same thing when their objects agree and their participants overlap enough, and they
// conflict when their dates, read as intervals at their own precision, do not overlap
// (`1992` contains `March 1992`; `1997` and `1998` are disjoint). Recurring events (visits,
// meetings) are compared only across documents, only when the same person takes part and
// only for dates close enough to be one occasion: an author dating two visits is not
// contradicting anyone.
import { isOnceOnly, type Claim, type Participant } from './claims';
import type { DateMod } from './types';

export interface ClaimRef {
  doc: string;
  claim: Claim;
}

export interface Conflict {
  at: ClaimRef;
  /** The other mentions that date the same thing incompatibly. */
  others: ClaimRef[];
  /** `Azerbaijan joining PARP` */
  label: string;
  message: string;
  /** Identifies the disagreement (not the place) so that a dismissal survives edits. */
  id: string;
}

/** Maps a participant key to its corpus-wide identity (`name:north atlantic ...` -> `acronym:nacc`). */
export type Canon = (key: string) => string;
export type LabelOf = (participant: Participant) => string;

export function bucketOf(claim: Claim): string {
  return claim.event + '|' + claim.thing;
}

/** At most this many other mentions are listed on one conflict (the message counts them all). */
export const MAX_OTHERS = 50;

/**
 * What a bucket's last working-out leaves for the next, per set of groups that share
 * participants (see `conflictsInBucket`): the conflicts of each group, by which claims the
 * set held. Kept by the caller with the prepared claims.
 */
export type ConflictMemo = Map<string, Conflict[][]>;

/**
 * Conflicts among the claims of one bucket. Claims with one signature (same event, thing,
 * participants and date) behave alike, so groups are compared, not claims: a background
 * paragraph repeated in thousands of files costs one comparison, not millions.
 *
 * Two groups can only be about one thing when they share a participant, so the groups fall
 * into sets that never meet, and an edit changes only the sets its claims are in. With a
 * `memo`, a set made of the same claims as last time keeps its conflicts: a year typed in
 * one file of the 'join' bucket does not work out again the other 700 files' joinings.
 */
export function conflictsInBucket(
  refs: readonly ClaimRef[],
  canon: Canon,
  labelOf: LabelOf,
  dismissed: ReadonlySet<string> = new Set(),
  prepared?: PreparedClaims,
  memo?: ConflictMemo,
): Conflict[] {
  if (refs.length < 2) {
    memo?.clear();
    return [];
  }
  const groups = new Map<string, Prepared[]>();
  for (const ref of refs) {
    let p = prepared?.get(ref.claim);
    if (!p || p.ref.doc !== ref.doc) {
      p = prepare(ref, canon);
      prepared?.set(ref.claim, p);
    }
    const group = groups.get(p.signature);
    if (group) group.push(p);
    else groups.set(p.signature, [p]);
  }
  const list = [...groups.values()];
  // two claims about one thing share a participant: compare only groups that do
  const byParticipant = new Map<string, number[]>();
  list.forEach((group, gi) => {
    for (const key of group[0].participants) {
      const at = byParticipant.get(key);
      if (at) at.push(gi);
      else byParticipant.set(key, [gi]);
    }
  });
  // the sets of groups linked by shared participants (union-find), each in group order
  const parent = list.map((_, gi) => gi);
  const root = (gi: number): number => {
    while (parent[gi] !== gi) gi = parent[gi] = parent[parent[gi]];
    return gi;
  };
  for (const at of byParticipant.values())
    for (let k = 1; k < at.length; k++) {
      const a = root(at[0]);
      const b = root(at[k]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  const sets = new Map<number, number[]>();
  for (let gi = 0; gi < list.length; gi++) {
    const r = root(gi);
    const set = sets.get(r);
    if (set) set.push(gi);
    else sets.set(r, [gi]);
  }
  const byGroup: Conflict[][] = new Array<Conflict[]>(list.length);
  const kept: ConflictMemo = new Map();
  for (const set of sets.values()) {
    // which claims the set is made of: the same prepared claims mean the same conflicts
    const key = memo ? set.map((gi) => list[gi].map((p) => p.serial).join(',')).join(';') : '';
    let outs = memo?.get(key);
    if (!outs) {
      outs = set.map((gi) => groupConflicts(list, gi, byParticipant, labelOf, dismissed));
    }
    if (memo) kept.set(key, outs);
    set.forEach((gi, k) => (byGroup[gi] = outs[k]));
  }
  if (memo) {
    // only what this working-out used: sets that are gone are forgotten
    memo.clear();
    for (const [key, outs] of kept) memo.set(key, outs);
  }
  return byGroup.flat();
}

/** The conflicts of the claims of group `gi` of `list` with the groups that share a participant with it. */
function groupConflicts(
  list: readonly Prepared[][],
  gi: number,
  byParticipant: ReadonlyMap<string, number[]>,
  labelOf: LabelOf,
  dismissed: ReadonlySet<string>,
): Conflict[] {
  const out: Conflict[] = [];
  const group = list[gi];
  const head = group[0];
  const agreeing: Prepared[][] = [group];
  const disagreeing: Prepared[][] = [];
  const candidates = new Set<number>();
  for (const key of head.participants) for (const gj of byParticipant.get(key) ?? []) candidates.add(gj);
  for (const gj of [...candidates].sort((x, y) => x - y)) {
    if (gi === gj) continue;
    const other = list[gj][0];
    if (!sameThing(head, other)) continue;
    if (compatible(head.interval, other.interval)) agreeing.push(list[gj]);
    else if (!dismissed.has(conflictId(head, other.ref))) disagreeing.push(list[gj]);
  }
  if (disagreeing.length === 0) return out;
  const label = describe(head.ref.claim, labelOf);
  const allOthers = disagreeing.flat();
  const text = message(label, head, agreeing.flat(), allOthers);
  // once per group, not per claim: a paragraph repeated in a thousand files against
  // another repeated in a thousand is a million comparisons the other way round
  const places = dedupeLocations(allOthers);
  // the list most claims of the group show, shared: one array, not one per claim
  const shared = places.slice(0, MAX_OTHERS).map((o) => o.ref);
  const sharedDocs = new Set(places.slice(0, MAX_OTHERS + 1).map((o) => o.ref.doc));
  for (const a of group) {
    // another source, not this document disagreeing with itself
    let others = shared;
    if (sharedDocs.has(a.ref.doc)) {
      others = [];
      for (const o of places) {
        if (o.ref.doc === a.ref.doc) continue;
        others.push(o.ref);
        if (others.length === MAX_OTHERS) break;
      }
    }
    if (others.length === 0) continue;
    out.push({ at: a.ref, others, label, message: text, id: conflictId(a, others[0]) });
  }
  return out;
}

function signature(p: Omit<Prepared, 'signature' | 'serial'>): string {
  const c = p.ref.claim;
  return [
    c.event,
    c.thing,
    p.object ?? '',
    p.subject ?? '',
    [...p.participants].sort().join('+'),
    c.value,
    c.mod ?? '',
    c.rangeWith ?? '',
    c.repeated ? 'r' : '',
  ].join('|');
}

/** One related location per place: a date that dates two claims is listed once. */
function dedupeLocations(list: readonly Prepared[]): Prepared[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.ref.doc}:${p.ref.claim.span.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** For these events, who joins, signs, visits, invades or is appointed must be the same. */
const WHO_MATTERS = new Set(['join', 'sign', 'visit', 'invade', 'appoint']);

/**
 * Claims read for comparison, kept by the caller while the participants' identities hold
 * (the corpus index drops them when long forms change): an edit in one file re-reads that
 * file's claims, not the thousand others of the bucket.
 */
export type PreparedClaims = WeakMap<Claim, Prepared>;

interface Prepared {
  ref: ClaimRef;
  /** Tells prepared claims apart in a memo's key (see `conflictsInBucket`). */
  serial: number;
  /** What claims alike share: event, thing, participants, date (see `signature`). */
  signature: string;
  object: string | null;
  subject: string | null;
  participants: Set<string>;
  persons: Set<string>;
  interval: Interval | null;
}

function prepare(ref: ClaimRef, canon: Canon): Prepared {
  const participants = new Set(ref.claim.participants.map((p) => canon(p.key)));
  const p = {
    ref,
    object: ref.claim.object ? canon(ref.claim.object.key) : null,
    subject: ref.claim.subject ? canon(ref.claim.subject.key) : null,
    participants,
    persons: new Set([...participants].filter((k) => k.startsWith('person:'))),
    interval: rangeInterval(ref.claim),
  };
  return { ...p, signature: signature(p), serial: ++serials };
}

let serials = 0;

function sameThing(a: Prepared, b: Prepared): boolean {
  const ca = a.ref.claim;
  const cb = b.ref.claim;
  // Sources disagreeing is what we report. Within one document, two dates for one kind of
  // event are far more often two occurrences (two quarters, two visits) than a slip: the
  // caller drops pairs from one document.
  // who joined, signed or visited must be the same
  if (WHO_MATTERS.has(ca.event) && a.subject && b.subject && a.subject !== b.subject) return false;
  if (a.object && b.object && a.object !== b.object) return false;
  if (a.object && !b.object && !b.participants.has(a.object)) return false;
  if (b.object && !a.object && !a.participants.has(b.object)) return false;
  let shared = 0;
  for (const p of a.participants) if (b.participants.has(p)) shared++;
  if (shared < Math.min(2, a.participants.size, b.participants.size)) return false;
  if (!isOnceOnly(ca.event)) {
    if (ca.repeated || cb.repeated) return false;
    if (![...a.persons].some((p) => b.persons.has(p))) return false;
    if (a.interval && b.interval && gapInDays(a.interval, b.interval) > 62) return false;
  }
  return true;
}

function conflictId(a: Prepared, b: ClaimRef): string {
  const values = [valueText(a.ref.claim), valueText(b.claim)].sort();
  const what = a.object ?? [...a.participants].sort().join('+');
  return `${bucketOf(a.ref.claim)}|${what}|${values.join('|')}`;
}

function valueText(claim: Claim): string {
  return claim.value + (claim.mod ? '/' + claim.mod : '');
}

function message(
  label: string,
  a: Prepared,
  agreeing: readonly Prepared[],
  others: readonly Prepared[],
): string {
  const here = display(a.ref.claim);
  const byValue = new Map<string, Set<string>>();
  for (const o of others) {
    const v = display(o.ref.claim);
    if (!byValue.has(v)) byValue.set(v, new Set());
    byValue.get(v)!.add(o.ref.doc);
  }
  const elsewhere = [...byValue]
    .sort((x, y) => y[1].size - x[1].size)
    .map(([v, docs]) => {
      const n = [...docs].filter((d) => d !== a.ref.doc).length;
      const inThis = docs.has(a.ref.doc) ? ' (also in this document)' : '';
      return n > 0
        ? `${v} in ${n} other document${n === 1 ? '' : 's'}${inThis}`
        : `${v} elsewhere in this document`;
    });
  const agreeDocs = new Set(agreeing.map((p) => p.ref.doc)).size;
  const otherDocs = new Set(others.map((p) => p.ref.doc)).size;
  let text = `${label}: ${here} here, ${elsewhere.join('; ')}`;
  if (otherDocs > agreeDocs) text += ` (most sources say ${[...byValue.keys()][0]})`;
  else if (agreeDocs > otherDocs && agreeDocs > 1) text += ` (most sources agree with ${here})`;
  return text;
}

function display(claim: Claim): string {
  const prefix =
    claim.mod === 'START' ? 'early ' : claim.mod === 'MID' ? 'mid-' : claim.mod === 'END' ? 'late ' : '';
  return prefix + claim.value;
}

/** A short phrase for what is dated: `Azerbaijan joining PARP`, `start of Azerbaijan–NATO relations`. */
export function describe(claim: Claim, labelOf: LabelOf): string {
  const subject = claim.subject ? labelOf(claim.subject) : '';
  const object = claim.object ? labelOf(claim.object) : '';
  const names = [...new Set(claim.participants.slice(0, 3).map(labelOf))];
  switch (claim.event) {
    case 'join':
      return [subject, 'joining', object].filter(Boolean).join(' ');
    case 'start':
    case 'end': {
      const what = claim.thing ? `${names.slice(0, 2).join('–')} ${claim.thing}` : object || names.join('–');
      return `${claim.event === 'start' ? 'start' : 'end'} of ${what}`;
    }
    case 'sign':
      return [subject, 'signing', object].filter(Boolean).join(' ');
    case 'succeed':
      return `succession of ${names.join('–')}`;
    case 'adopt':
      return `adoption of ${object || names.join('–')}`;
    case 'appoint':
      return `${object || subject || names[0]}'s appointment`;
    case 'invade':
      return `${subject || names[0]}'s invasion of ${object || names[1] || ''}`.trim();
    case 'sell':
      return `sale of ${object || names.join('–')}`;
    case 'visit':
      return `${subject || names[0]}'s visit to ${object || names[1] || ''}`.trim();
    case 'meet':
      return `meeting of ${names.join(', ')}`;
    case 'attend':
      return `${subject || names[0]} at ${object || names[1] || ''}`.trim();
  }
}

// ---------------------------------------------------------------- dates as intervals

/** A claim's interval: its date's, or the whole range it is one end of. */
function rangeInterval(claim: Claim): Interval | null {
  const own = intervalOf(claim.value, claim.mod);
  if (!claim.rangeWith) return own;
  const other = intervalOf(claim.rangeWith);
  if (own?.kind !== 'days' || other?.kind !== 'days') return own;
  return { kind: 'days', lo: Math.min(own.lo, other.lo), hi: Math.max(own.hi, other.hi) };
}

/** Inclusive range of days since 1970-01-01, or a month-day pattern for XXXX-MM-DD. */
export type Interval =
  { kind: 'days'; lo: number; hi: number } | { kind: 'month-day'; month: number; day?: number };

const DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY);
const lastDay = (y: number, m: number) => dayOf(y, m + 1, 1) - 1;
const SEASON_START = { SP: 3, SU: 6, FA: 9, WI: 12 } as const;

export function intervalOf(value: string, mod?: DateMod): Interval | null {
  let m = /^XXXX-(\d\d)(?:-(\d\d))?$/.exec(value);
  if (m) return { kind: 'month-day', month: Number(m[1]), ...(m[2] ? { day: Number(m[2]) } : {}) };
  m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (m) {
    const d = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return { kind: 'days', lo: d, hi: d };
  }
  m = /^(\d{4})-(\d\d)$/.exec(value);
  if (m) return withMod(dayOf(+m[1], +m[2], 1), lastDay(+m[1], +m[2]), mod);
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    // meteorological seasons; winter runs December to February of the next year
    const y = +m[1];
    const first = SEASON_START[m[2] as keyof typeof SEASON_START];
    const end = first === 12 ? lastDay(y + 1, 2) : lastDay(y, first + 2);
    return withMod(dayOf(y, first, 1), end, mod);
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const q = +m[2];
    return withMod(dayOf(+m[1], q * 3 - 2, 1), lastDay(+m[1], q * 3), mod);
  }
  m = /^(\d{4})-W(\d\d)$/.exec(value);
  if (m) {
    // ISO week: the week with the year's first Thursday is week 1
    const jan4 = dayOf(+m[1], 1, 4);
    const weekday = (jan4 + 3) % 7; // 0 = Monday
    const monday = jan4 - weekday + (Number(m[2]) - 1) * 7;
    return { kind: 'days', lo: monday, hi: monday + 6 };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return withMod(dayOf(+m[1], 1, 1), lastDay(+m[1], 12), mod);
  m = /^(\d{3})$/.exec(value);
  if (m) return withMod(dayOf(+m[1] * 10, 1, 1), lastDay(+m[1] * 10 + 9, 12), mod);
  m = /^(\d{2})$/.exec(value);
  if (m) return withMod(dayOf(+m[1] * 100, 1, 1), lastDay(+m[1] * 100 + 99, 12), mod);
  return null;
}

/** `late 2020` is the last part of 2020: the last 40 % (a little generous, as readers are). */
function withMod(lo: number, hi: number, mod?: DateMod): Interval {
  const len = hi - lo + 1;
  if (mod === 'START') return { kind: 'days', lo, hi: lo + Math.ceil(len * 0.4) };
  if (mod === 'END') return { kind: 'days', lo: hi - Math.ceil(len * 0.4), hi };
  if (mod === 'MID')
    return { kind: 'days', lo: lo + Math.floor(len * 0.25), hi: hi - Math.floor(len * 0.25) };
  return { kind: 'days', lo, hi };
}

export function compatible(a: Interval | null, b: Interval | null): boolean {
  if (!a || !b) return true;
  if (a.kind === 'days' && b.kind === 'days') return a.lo <= b.hi && b.lo <= a.hi;
  const md = a.kind === 'month-day' ? a : (b as { kind: 'month-day'; month: number; day?: number });
  const other = a.kind === 'month-day' ? b : a;
  if (other.kind === 'month-day') {
    return (
      md.month === other.month && (md.day === undefined || other.day === undefined || md.day === other.day)
    );
  }
  // an underspecified XXXX-04-28 conflicts only on what it specifies
  if (other.hi - other.lo > 31) return true;
  const d = new Date(other.lo * DAY);
  const e = new Date(other.hi * DAY);
  for (let t = d; t <= e; t = new Date(t.getTime() + DAY)) {
    if (t.getUTCMonth() + 1 === md.month && (md.day === undefined || t.getUTCDate() === md.day)) return true;
  }
  return false;
}

function gapInDays(a: Interval, b: Interval): number {
  if (a.kind !== 'days' || b.kind !== 'days') return 0;
  return Math.max(0, a.lo - b.hi, b.lo - a.hi);
}
