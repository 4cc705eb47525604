// The tables generated at build time from libraries (event words from WordNet and the
// lemmatiser, places from countries-list) are committed; a change to a generator or to a
// library's version must be followed by `npm run generate`, or this fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '../../..');

for (const script of ['build-event-words.mjs', 'build-places.mjs', 'build-common-words.mjs']) {
  test(`${script}: the committed table is what the generator writes`, () => {
    // exits 1, and says which table is stale, when it is not
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', script), '--check'], {
      encoding: 'utf8',
    });
    assert.match(out, /up to date/);
  });
}
