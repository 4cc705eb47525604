// The claims tokenizer scans by character codes for speed; TOKEN, the pattern it stands for,
// says what a token is. They must agree on any text: news, and strings built from the
// characters where they could part (joiners, apostrophes, dashes, surrogate pairs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../server/src/analysis/claims/tokens';

const TOKEN =
  /[\p{L}\p{N}]+(?:[-.'’`][\p{L}\p{N}]+|:\d\d)*(?:['’`]s(?![\p{L}\p{N}]))?|[,;:()"“”«»—–]|--|\s[-_]\s/gu;

/** What the pattern finds in text[start, end): [start, end, possessive] of each token. */
function byPattern(text: string, start: number, end: number): string {
  const out: string[] = [];
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(text); m && m.index < end; m = TOKEN.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    if (e > end) break;
    if (/\s/.test(text[s])) {
      s++;
      e--;
    }
    const possessive = e - s > 2 && /[sS]/.test(text[e - 1]) && /['’`]/.test(text[e - 2]);
    if (possessive) e -= 2;
    out.push(`${s}-${e}${possessive ? "'s" : ''}`);
  }
  return out.join(' ');
}

function byScanner(text: string, start: number, end: number): string {
  return tokenize(text, { start, end })
    .map((t) => `${t.start}-${t.end}${t.possessive ? "'s" : ''}`)
    .join(' ');
}

test('the scanner finds the tokens the pattern finds: shapes of news text', () => {
  const rows = [
    "Iraq's 1990 invasion of Kuwait, the U.S.-led force, and NATO's 10:30 a.m. talks.",
    'He said -- as ever _ that the Aug. 7 bombings (in Nairobi) were “planned” — «again».',
    'Azerbaijan joined PARP in 1997; it’s a partner since then: 2004–2006.',
    'Smith`s rock-n-roll 12:3 and 12:345 x:yz',
    '𝐀𝐁𝐂 joined 😀NATO in 𝟏𝟗𝟗𝟕; x𝐀y-𝐁 ’s 😀’s',
    '',
  ];
  for (const text of rows)
    assert.equal(byScanner(text, 0, text.length), byPattern(text, 0, text.length), text);
});

test('the scanner finds the tokens the pattern finds: random strings of the characters where they could part', () => {
  const alphabet = [
    'a',
    'B',
    '1',
    '-',
    '.',
    "'",
    '’',
    '`',
    ':',
    's',
    'S',
    ' ',
    '\n',
    '_',
    '(',
    '"',
    '—',
    ',',
    'é',
    '𝐀',
    '😀',
    '\u2003',
    '0',
  ];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let k = 0; k < 20000; k++) {
    let text = '';
    for (let i = 1 + random(14); i > 0; i--) text += alphabet[random(alphabet.length)];
    // a span never starts or ends inside a surrogate pair (sentences are cut between characters)
    const low = (i: number) => /[\udc00-\udfff]/.test(text[i] ?? '');
    const start = random(Math.max(1, text.length >> 2));
    const end = text.length - random(Math.max(1, text.length >> 2));
    if (low(start) || low(end) || end < start) continue;
    assert.equal(
      byScanner(text, start, end),
      byPattern(text, start, end),
      JSON.stringify([text, start, end]),
    );
  }
});
