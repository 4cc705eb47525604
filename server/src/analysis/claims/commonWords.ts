// Common English words (commonWords.generated.ts, from wink-lexicon): what a capital that only
// opens a sentence may be. A capitalised word the text never writes in lower case, that opens a
// sentence and is no common word (`Novak stepped down`, `Lagarde became president`), is a name.
import { COMMON_WORDS } from './commonWords.generated';

let words: Set<string> | undefined;

/** Whether `lower` is a common English word, or a plural or inflection of one the table lacks. */
export function isCommonWord(lower: string): boolean {
  words ??= new Set(COMMON_WORDS.split(' '));
  if (words.has(lower)) return true;
  // `officials`, `authorities`, `witnesses`, `rescuers`: the table holds most inflections, not all
  if (lower.endsWith('ies') && words.has(lower.slice(0, -3) + 'y')) return true;
  if (lower.endsWith('es') && words.has(lower.slice(0, -2))) return true;
  if (lower.endsWith('s') && words.has(lower.slice(0, -1))) return true;
  if (lower.endsWith('ers') && words.has(lower.slice(0, -3))) return true; // `rescuers`
  if (lower.endsWith('ed') && (words.has(lower.slice(0, -2)) || words.has(lower.slice(0, -1)))) return true;
  if (lower.endsWith('ing') && (words.has(lower.slice(0, -3)) || words.has(lower.slice(0, -3) + 'e')))
    return true;
  return false;
}
