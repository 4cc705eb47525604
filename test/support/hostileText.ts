// Hostile text for property tests and the robustness bench: what a careless export, a
// social-media paste or an editor mid-keystroke puts into a corpus file. Atoms are single
// characters (or lone halves of them) and short fragments that steer the recognisers into
// their branches (a month, a title, an acronym with an open parenthesis).
import fc from 'fast-check';

/** Characters outside the BMP: letters (bold, double-struck, Deseret), digits, an emoji. */
export const ASTRAL = ['𝐀', '𝔸', '𐐀', '𐐨', '𝐚', '𝟏', '𝟗', '😀', '𝒜'];

/** Combining marks, RTL text and bidi controls, zero-width characters. */
export const MARKS = [
  '\u0301',
  '\u0308',
  '\u200d',
  'e\u0301',
  '\u05d0',
  '\u0627',
  '\u202e',
  '\u2066',
  '\u2069',
];
export const ZERO_WIDTH = ['\u200b', '\u200c', '\ufeff', '\u2060', '\u00ad'];

/** Lone halves of surrogate pairs: not text, but a buffer can hold them mid-edit. */
export const LONE_SURROGATES = ['\ud835', '\udc00', '\ud800', '\udfff'];

export const BRACKETS = ['(', ')', '[', ']', '{', '}', '<', '>', '«', '»', '（', '）', '【', '】'];
export const QUOTES = ['"', "'", '‘', '’', '“', '”', '`', '„'];
export const PUNCTUATION = ['.', ',', ';', ':', '!', '?', '/', '\\', '-', '–', '—', '&', '%', '…', '·'];
export const DIGITS = ['0', '1', '2', '9', '19', '2019', '31', '1999', '٣'];
export const CAPITALS = ['A', 'N', 'T', 'O', 'Z', 'É', 'Ω', 'Ж'];
export const LOWER = ['a', 'e', 'o', 'al', 'de', 'van', 'ß', 'é'];

/** Every kind of line break, and other white space. */
export const BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\u000b', '\f'];
export const SPACES = [' ', ' ', ' ', '\t', '\u00a0', '\u3000', '  '];

/** Fragments that lead the recognisers into their grammar. */
export const FRAGMENTS = [
  'NATO',
  'NATO (',
  'NATO ()',
  '(NATO)',
  'North Atlantic Treaty Organization',
  'Partnership for Peace (PfP)',
  'U.S.',
  'AT&T',
  'January',
  'Jan.',
  'March 5',
  'on Monday',
  'February 30, 2019',
  '04/05/2022',
  '2019-03-05',
  'last year',
  'two weeks ago',
  'in the second quarter of',
  'President',
  'Mr.',
  'Dr.',
  'Prime Minister',
  'Smith',
  'al-Bashir',
  'said',
  'joined',
  'signed',
  'founded in',
  'BAKU,',
  'Azerbaijan',
  'the',
  'of',
  'and',
];

/** All atoms, each drawn alike. */
export const HOSTILE_ATOMS: readonly string[] = [
  ...ASTRAL,
  ...MARKS,
  ...ZERO_WIDTH,
  ...LONE_SURROGATES,
  ...BRACKETS,
  ...QUOTES,
  ...PUNCTUATION,
  ...DIGITS,
  ...CAPITALS,
  ...LOWER,
  ...BREAKS,
  ...SPACES,
  ...FRAGMENTS,
];

/** A hostile text of up to `maxAtoms` atoms. */
export function hostileText(maxAtoms = 80): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...HOSTILE_ATOMS), { maxLength: maxAtoms }).map((a) => a.join(''));
}

/** A hostile text with runs: an atom repeated, as pathological input repeats one thing. */
export function hostileRuns(maxAtoms = 30, maxRun = 60): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        fc.constantFrom(...HOSTILE_ATOMS),
        fc
          .tuple(fc.constantFrom(...HOSTILE_ATOMS), fc.integer({ min: 2, max: maxRun }))
          .map(([a, n]) => a.repeat(n)),
      ),
      { maxLength: maxAtoms },
    )
    .map((a) => a.join(''));
}

/** Whether `offset` falls between the two halves of a surrogate pair of `text`. */
export function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Runs, budgets and seed for property tests: small in `npm test`, large with FUZZ_RUNS=N. */
export function fuzzRuns(ciRuns: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : ciRuns;
}

/** The seed: fixed in `npm test` (FUZZ_SEED overrides it, e.g. to replay a long run's failure). */
export function fuzzSeed(): number {
  const n = Number(process.env.FUZZ_SEED);
  return Number.isFinite(n) ? n : 18;
}
