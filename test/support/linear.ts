// Linear growth, checked without a timing in the assertion's terms: the time per call on a
// text eight times longer, against the shorter one. Linear code gives about 8, quadratic code
// 64; the bound leaves room for a machine shared with other work.
import assert from 'node:assert/strict';

/** Milliseconds per call of `f`, repeated until at least `minMs` have passed (best of 3). */
export function msPerCall(f: () => unknown, minMs = 30): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    do {
      f();
      calls++;
      elapsed = performance.now() - t0;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/**
 * Asserts that `run(unit repeated to about 8n)` costs at most ~24 times `run(… n)`. Measured up
 * to three times: another process can take the core for a moment, quadratic code never passes.
 */
export function assertLinear(label: string, unit: string, run: (text: string) => unknown, n = 4000): void {
  const short = unit.repeat(Math.ceil(n / unit.length));
  const long = unit.repeat(Math.ceil((8 * n) / unit.length));
  let message = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const a = msPerCall(() => run(short));
    const b = msPerCall(() => run(long));
    if (b < 24 * a + 2) return;
    message = `${label}: ${a.toFixed(2)} ms for ${short.length} chars, ${b.toFixed(2)} ms for 8×`;
  }
  assert.fail(message);
}
