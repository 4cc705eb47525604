// Conflicting dates: sources that date the same fact differently. Claims (../claims) are put in
// buckets by kind of event; within a bucket they are gathered into facts (facts.ts, by
// matching.ts), and a fact whose sources disagree is a conflict: its outliers warned, the
// mentions that agree with most sources given a hint that points at them.
import { conflictsOfFact, factsOf, type Conflict, type PreparedClaims } from './facts';
import type { Canon, ClaimRef } from './matching';

export { bucketOf, type Canon, type ClaimRef, type Prepared } from './matching';
export { compatible, intervalOf, type Interval } from './intervals';
export { displayValue, describeFact, relativeNote } from './messages';
export type { Conflict, FactConflict, PreparedClaims, ValueGroup } from './facts';

/**
 * What a bucket's last working-out leaves for the next: the conflicts of each fact, by the
 * claims it was made of. An edit that leaves a fact's claims as they were keeps its conflicts.
 */
export type ConflictMemo = Map<string, Conflict[]>;

/** The conflicts among the claims of one bucket (refs in a stable order: by file, then offset). */
export function conflictsInBucket(
  refs: readonly ClaimRef[],
  canon: Canon,
  dismissed: ReadonlySet<string> = new Set(),
  prepared?: PreparedClaims,
  memo?: ConflictMemo,
): Conflict[] {
  if (refs.length < 2) {
    memo?.clear();
    return [];
  }
  const out: Conflict[] = [];
  const kept: ConflictMemo = new Map();
  for (const members of factsOf(refs, canon, prepared)) {
    if (members.length < 2) continue;
    const key = memo ? members.map((m) => m.serial).join(',') : '';
    let conflicts = memo?.get(key);
    if (!conflicts) conflicts = conflictsOfFact(members, dismissed);
    if (memo) kept.set(key, conflicts);
    out.push(...conflicts);
  }
  if (memo) {
    memo.clear();
    for (const [k, v] of kept) memo.set(k, v);
  }
  return out;
}
