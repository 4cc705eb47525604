// The char-code word scanners read a letter outside the BMP (two code units) as one letter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUpperAt, isWordBefore, wordCharLength, wordEnd } from '../../server/src/analysis/characters';

const ROWS: [string, string, number, number][] = [
  // label, text, start, expected end of the word
  ['ASCII', 'NATO said', 0, 4],
  ['bold capitals are one word', '𝐀𝐁𝐂 said', 0, 6],
  ['a bold letter inside an ASCII word', 'ab𝐜de x', 0, 6],
  ['Deseret', '𐐀𐐨 x', 0, 4],
  ['mathematical digits', '𝟏𝟗 x', 0, 4],
  ['an emoji is not a letter', 'ab😀cd', 0, 2],
  ['a lone high surrogate ends the word', 'ab\ud835cd', 0, 2],
  ['a lone low surrogate ends the word', 'ab\udc00cd', 0, 2],
  ['a high surrogate at the very end', 'ab\ud835', 0, 2],
];

for (const [label, text, start, end] of ROWS) {
  test(`wordEnd: ${label}`, () => assert.equal(wordEnd(text, start), end));
}

test('the character before an offset, and capitals, read whole pairs', () => {
  assert.equal(isWordBefore('x𝐀', 3), true);
  assert.equal(isWordBefore('x😀', 3), false);
  assert.equal(isWordBefore('\udc00', 1), false);
  assert.equal(isWordBefore('', 0), false);
  assert.equal(isUpperAt('𝐀', 0), true);
  assert.equal(isUpperAt('𝐚', 0), false);
  assert.equal(isUpperAt('\ud835', 0), false);
  assert.equal(wordCharLength('𝐀', 0), 2);
  assert.equal(wordCharLength('𝐀', 1), 0);
});
