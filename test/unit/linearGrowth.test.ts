// Pathological runs stay linear (issue 18, item 5): a run of line breaks, of `?`, `!` or `.`,
// a capital on every line, an unclosed parenthesis after every acronym. Each row is one shape
// that was quadratic; the check compares the time per call on a text eight times longer.
import { test } from 'node:test';
import { recogniseAcronyms } from '../../server/src/analysis/acronyms';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';
import { splitSentences } from '../../server/src/analysis/sentences';
import { assertLinear } from '../support/linear';

const sentences = (t: string) => splitSentences(t);
const acronyms = (t: string) => recogniseAcronyms(t, splitSentences(t));
const whole = (t: string) => analyseDocument(t);

const ROWS: [string, string, (text: string) => unknown, number?][] = [
  ['line breaks', '\n', sentences],
  ['CRLF line breaks', '\r\n', sentences],
  ['spaces and line breaks', ' \t\n', sentences],
  ['blank lines between spaces', '\n   ', sentences],
  ['question marks', '?', sentences],
  ['exclamation marks', '!', sentences],
  ['full stops', '.', sentences],
  ['full stops and closers', '.")', sentences],
  ['a run of dotted letters', 'a.', sentences],
  ['dots then a capital', '.... A', sentences],
  ['one run of full stops before a capital', '.', (t) => splitSentences(t + ' A')],
  ['a capital on every line', 'A\n', acronyms],
  ['a Greek capital on every line', 'Ω\n', acronyms],
  ['an astral capital on every line', '𝐀\n', acronyms],
  // the search for the closing parenthesis ran at memchr speed: quadratic shows on longer texts
  ['an unclosed parenthesis after an acronym', 'NATO (', acronyms, 100_000],
  ['an empty parenthesis after an acronym', 'NATO () ', acronyms],
  ['line breaks, whole analysis', '\n', whole],
  ['question marks, whole analysis', '?', whole],
];

for (const [label, unit, run, n] of ROWS) {
  test(`linear: ${label}`, { timeout: 120_000 }, () => assertLinear(label, unit, run, n));
}
