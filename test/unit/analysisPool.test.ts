// The analysis pool's budget and its workers' replacement (issue 18): a file that never comes
// back costs its budget and is reported; a worker that dies is replaced; every other file of
// the corpus is analysed, whichever worker or batch it was in.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { AnalysisPool, type Analysed } from '../../server/src/node/analysisPool';

const FAKE = path.join(__dirname, '../support/fakeAnalysisWorker.js');

async function run(files: string[], budgetMs: number): Promise<Map<string, Analysed>> {
  const pool = new AnalysisPool(FAKE, 2, budgetMs);
  const out = new Map<string, Analysed>();
  try {
    await pool.analyse(files, 1e9, {}, (r) => {
      assert.ok(!out.has(r.file), `${r.file} reported twice`);
      out.set(r.file, r);
    });
  } finally {
    pool.dispose();
  }
  return out;
}

test(
  'a file that never comes back is reported over budget; the rest of the corpus is analysed',
  { timeout: 60_000 },
  async () => {
    const files = Array.from({ length: 40 }, (_, i) => (i === 3 || i === 25 ? `hang-${i}` : `file-${i}`));
    const out = await run(files, 200);
    assert.equal(out.size, files.length, 'every file is reported once');
    for (const f of files) {
      const r = out.get(f)!;
      if (f.startsWith('hang')) {
        assert.equal(r.ok, false);
        assert.ok(!r.ok && r.overBudget && /longer than 0\.2 s/.test(r.reason), f);
      } else assert.equal(r.ok, true, f);
    }
  },
);

test(
  'a worker that dies is replaced; its file is reported, the others are analysed',
  { timeout: 60_000 },
  async () => {
    const files = Array.from({ length: 30 }, (_, i) => (i === 10 ? 'crash-10' : `file-${i}`));
    const out = await run(files, 10_000);
    assert.equal(out.size, files.length);
    const crashed = out.get('crash-10')!;
    assert.ok(!crashed.ok && /stopped|failed/.test(crashed.reason));
    for (const f of files) if (f !== 'crash-10') assert.equal(out.get(f)!.ok, true, f);
  },
);
