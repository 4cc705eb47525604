// The people recogniser's tokenizer against the regular-expression tokenizer it replaced,
// kept here as the oracle: every field of every token must be the same, on random text in
// the characters that make word boundaries hard (astral letters, combining marks, Unicode
// spaces and line breaks, apostrophes, hyphens, initials) and on the sample corpus.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ABBREVIATED_INITIALS,
  WordClass,
  classifyLowerTitleWord,
  classifyWord,
  particleKindAt,
} from '../../server/src/analysis/nameLexicon';
import { tokenize } from '../../server/src/analysis/people';
import { splitSentences } from '../../server/src/analysis/sentences';
import { Shape, tokenAt, type Token } from '../../server/src/analysis/titles';
import type { Span } from '../../server/src/analysis/types';
import { TokenKind, TokenScanner } from '../../server/src/analysis/wordScanner';
import { wordHash } from '../../server/src/analysis/wordTable';
import { seededRandom } from '../bench/corpusBuilder';

// ---- The oracle: tokenize and classifyCapitalised as they were, with the regex loop. ----

const TOKEN = /(\p{Lu}\.)(?=[\s\p{Lu}])|[\p{L}\p{M}\p{N}]+(?:(?:-|['’](?=\p{Lu}))[\p{L}\p{M}\p{N}]+)*|\S/gu;
const HAS_LOWER = /\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_DIGIT = /^\p{N}/u;
const CAMEL = /\p{Ll}\p{Lu}/u;
const CAMEL_NAME = /^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz)\p{Lu}\p{Ll}+$/u;
const NAME_PART = /^(?:\p{Lu}[\p{Ll}\p{M}'’]*|(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az))$/u;
const FUSED = /^(by|and|of|to|for|with|from|said|says|told|in|on|at|the|per|anti-|pro-)[A-Z][a-z]+$/;

function oracleTokenize(text: string, sentences: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let prevEnd = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    const word = m[0];
    const end = start + word.length;
    while (sentence < sentences.length && sentences[sentence].end <= start) sentence++;
    const gap = prevEnd >= 0 ? text.slice(prevEnd, start) : '';
    const sameLine = !/[\n\r\u2028\u2029]/.test(gap);
    const token: Token = {
      start,
      end,
      shape: Shape.Punct,
      cls: WordClass.Name,
      sentence: sentence < sentences.length && sentences[sentence].start <= start ? sentence : -1 - sentence,
      sameLine,
      adjacent: start === prevEnd,
    };
    prevEnd = end;
    const c0 = word.charCodeAt(0);
    if (m[1] !== undefined) {
      const prev = tokens.length ? tokens[tokens.length - 1] : null;
      if (
        prev &&
        token.adjacent &&
        prev.shape === Shape.Initial &&
        ABBREVIATED_INITIALS.has(text.charAt(prev.start) + text.charAt(start))
      ) {
        prev.shape = Shape.Upper;
        token.shape = Shape.Upper;
      } else token.shape = Shape.Initial;
    } else if (c0 >= 97 && c0 <= 122 && FUSED.test(word)) {
      // `byJohn`: a short word and a name that lost the space between them
      const cut = start + FUSED.exec(word)![1].length;
      tokens.push({
        ...token,
        end: cut,
        shape: Shape.Lower,
        cls: classifyLowerTitleWord(word.slice(0, cut - start)) ?? WordClass.Name,
      });
      const name: Token = { ...token, start: cut, adjacent: true, sameLine: true };
      oracleClassifyCapitalised(text.slice(cut, end), name);
      tokens.push(name);
      continue;
    } else if (c0 >= 97 && c0 <= 122) {
      token.shape = Shape.Lower;
      token.cls = classifyLowerTitleWord(word) ?? WordClass.Name;
    } else if ((c0 >= 65 && c0 <= 90) || (c0 > 127 && STARTS_UPPER.test(word))) {
      oracleClassifyCapitalised(word, token);
    } else if ((c0 >= 48 && c0 <= 57) || (c0 > 127 && STARTS_DIGIT.test(word))) {
      token.shape = Shape.Number;
    } else if (c0 > 127 && STARTS_LOWER.test(word)) {
      token.shape = Shape.Lower;
      token.cls = classifyLowerTitleWord(word.toLowerCase()) ?? WordClass.Name;
    }
    tokens.push(token);
  }
  return tokens;
}

function oracleClassifyCapitalised(word: string, token: Token): void {
  if (!HAS_LOWER.test(word)) {
    token.cls = classifyWord(word);
    token.shape = word.length === 1 && token.cls !== WordClass.Name ? Shape.Cap : Shape.Upper;
  } else if (CAMEL.test(word) && !CAMEL_NAME.test(word.split(/['’-]/).pop() ?? '')) {
    token.shape = Shape.Upper;
  } else {
    token.shape = Shape.Cap;
    token.cls = classifyWord(word);
    if (
      token.cls === WordClass.Name &&
      word.includes('-') &&
      !word.split('-').every((p) => NAME_PART.test(p))
    ) {
      token.cls = WordClass.Modifier;
    }
  }
}

// ---- Comparison ----

function assertSameTokens(
  text: string,
  what: string,
  sentences: readonly Span[] = splitSentences(text),
): void {
  // the hash the scanner works out as it reads a word is the one the lexicon tables file it under
  const scan = new TokenScanner(text);
  while (scan.next())
    if (scan.kind === TokenKind.Word)
      assert.equal(
        scan.hash,
        wordHash(text, scan.start, scan.end),
        `${what}: hash of ${text.slice(scan.start, scan.end)}`,
      );
  const expected = oracleTokenize(text, sentences);
  const table = tokenize(text, sentences);
  const actual = Array.from({ length: table.length }, (_, k) => tokenAt(table, k));
  for (let k = 0; k < Math.max(expected.length, actual.length); k++) {
    // the first difference, with the token's text, says more than a diff of thousands of tokens
    const e = expected[k];
    const a = actual[k];
    if (e && a && JSON.stringify(e) === JSON.stringify(a)) continue;
    const shown = (t: Token | undefined) => t && { ...t, text: text.slice(t.start, t.end) };
    assert.deepEqual(shown(a), shown(e), `${what}: token ${k} of ${JSON.stringify(text.slice(0, 200))}`);
  }
  // the particle bits worked out while tokenizing are those the lexicon gives the word as
  // written, for lower-case words only
  for (let k = 0; k < expected.length; k++) {
    const e = expected[k];
    const want = e.shape === Shape.Lower ? particleKindAt(text, e.start, e.end) : 0;
    assert.equal(table.particle[k], want, `${what}: particle bits of ${text.slice(e.start, e.end)}`);
    // and each token's hash is the one the lexicon tables file its text under
    assert.equal(
      table.hash[k],
      wordHash(text, e.start, e.end),
      `${what}: hash of ${text.slice(e.start, e.end)}`,
    );
  }
}

// Single characters (some of them two UTF-16 units) that decide where tokens start and end.
const PIECES = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'AAAEEIIOOUJCMNPSTUaeioustnr', // more of the letters initials and lexicon words start with
  ..." \t\r\n..--''’’,;:!?\"()&/`@",
  ...'éŞăÉŞşÀàÖöñÑßĳǅǈ', // accented letters in both cases, title-case digraphs (Lt)
  '\u0301', // combining acute accent (a mark: a word character that is neither case)
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u3000',
  '\u2009',
  '\u202f',
  '\ufeff',
  '\u0085', // next line: not white space to JavaScript
  '\u200b', // zero-width space: not white space either
  ...'ДмитрийМЕДВЕДЕВ', // Cyrillic
  ...'北京人', // CJK (letters, neither case)
  ...'٣٤²½Ⅻ', // digits and numbers of other scripts
  '𝐀', // U+1D400 mathematical bold capital A: an astral upper-case letter
  '𝑎', // U+1D44E: an astral lower-case letter
  '𝟙', // U+1D7D9: an astral digit
  '😀', // an astral symbol
  '\ud83d', // a lone high surrogate
  '\ude00', // a lone low surrogate
];

// Whole words, so that the lexicon lookups are exercised too.
const WORDS = [
  'the',
  'of',
  'minister',
  'Minister',
  'President',
  'envoy',
  'senior-most',
  'Secretary-General',
  'Vice-President',
  'NATO',
  'NATO-led',
  'Pre-war',
  'al-Assad',
  'Jean-Claude',
  'McDonald',
  'iPhone',
  'PfP',
  "O'Brien",
  'Mr',
  'Dr',
  'A',
  'I',
  'U.S.',
  'J.C.',
  'attaché',
  'Attaché',
  'Émile',
  'état',
  'Şahin',
  'Azerbaijanis',
  'Monday',
  'Baku',
  'Hasanov',
  'de',
  'van',
  'der',
  'oglu',
  'al-Hakim',
  'bin',
  'By',
];

test('tokens are the same as the regex tokenizer on random text', () => {
  // seeded (the bench corpus's generator), so a failure can be run again
  const next = seededRandom(20240611);
  for (let n = 0; n < 5000; n++) {
    let text = '';
    const length = 1 + Math.floor(next() * 60);
    for (let k = 0; k < length; k++) {
      const r = next();
      text +=
        r < 0.15 ? WORDS[Math.floor(next() * WORDS.length)] : PIECES[Math.floor(next() * PIECES.length)];
    }
    assertSameTokens(text, `random text ${n}`);
    // sentences that leave gaps, so that some tokens fall outside every sentence
    const spans: Span[] = [];
    for (let at = Math.floor(next() * 5); at < text.length;) {
      const end = Math.min(text.length, at + 1 + Math.floor(next() * 20));
      spans.push({ start: at, end });
      at = end + Math.floor(next() * 6);
    }
    assertSameTokens(text, `random text ${n} in random sentences`, spans);
  }
});

test('tokens are the same as the regex tokenizer on the edges of the text', () => {
  for (const text of [
    '',
    ' ',
    '\n',
    'A.',
    'A. ',
    'A.B',
    'A.b',
    'a-',
    'a-b',
    "a'",
    "a'B",
    '𝐀.',
    '𝐀.𝐀',
    '\ud83d',
    'x\ud83d',
  ])
    assertSameTokens(text, 'edge case');
});

test('tokens are the same as the regex tokenizer on the samples', () => {
  const root = path.resolve(__dirname, '../../../samples');
  let files = 0;
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.txt')) {
        assertSameTokens(fs.readFileSync(file, 'utf8'), file);
        files++;
      }
    }
  };
  walk(root);
  assert.ok(files > 0, 'no sample files found');
});
