// WordTable.get(text, start, end) must answer as Map.get(text.slice(start, end)) does, and
// the lexicon's in-place lookups as the string ones they stand for.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  classifyLowerTitleWord,
  classifyLowerTitleWordAt,
  classifyWord,
  classifyWordAt,
} from '../../server/src/analysis/nameLexicon';
import { WordTable, wordHash } from '../../server/src/analysis/wordTable';

test('a word table finds its words inside a text, and nothing else', () => {
  const words = ['head', 'envoy', 'senior-most', 'attaché', 'a', 'ab', 'abc', 'X', '𝐀', 'people’s'];
  const map = new Map(words.map((w, k) => [w, k]));
  // many entries, so that probes run into each other
  for (let k = 0; k < 2000; k++) map.set('w' + k.toString(36), 100 + k);
  const table = new WordTable(map);
  for (const [word, value] of map) {
    const text = `(${word})`;
    assert.equal(table.get(text, 1, 1 + word.length, wordHash(text, 1, 1 + word.length)), value, word);
  }
  const text = 'heads head- ahead hea envoys attache abcd A x 𝐁 w0w wzzz people’';
  for (let start = 0; start <= text.length; start++)
    for (let end = start; end <= text.length; end++)
      assert.equal(
        table.get(text, start, end, wordHash(text, start, end)),
        map.get(text.slice(start, end)),
        text.slice(start, end),
      );
});

test('the lexicon answers the same in place as for a string', () => {
  const text = fs.readFileSync(
    path.resolve(__dirname, '../../../samples/corpus/000_4e54959011ade41e.txt'),
    'utf8',
  );
  const lower = text.toLowerCase();
  let words = 0;
  for (const s of [text, lower, 'senior-most attaché co-operation Secretary-General NATO-led Pre-war']) {
    for (const m of s.matchAll(/[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu)) {
      const start = m.index;
      const end = start + m[0].length;
      assert.equal(
        classifyWordAt(s, start, end, wordHash(s, start, end), m[0].includes('-')),
        classifyWord(m[0]),
        m[0],
      );
      assert.equal(
        classifyLowerTitleWordAt(s, start, end, wordHash(s, start, end)),
        classifyLowerTitleWord(m[0]),
        m[0],
      );
      words++;
    }
  }
  assert.ok(words > 100);
});
