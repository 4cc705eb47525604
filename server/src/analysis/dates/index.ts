// The date recogniser: finds every expression that names a calendar point or period
// (see the guidelines' table) and gives it a TIMEX3-style value.
//
// Three linear stages:
//   1. candidates  each pattern family (grammar.ts, handlers/) is one precompiled regex,
//                  tried only where a trigger word says it can start (scanner.ts); its
//                  handler checks the context (a few characters either side) and records
//                  what the expression states (year, month, day, weekday, offset...).
//   2. selection   candidates sorted by start; the longest wins an overlap, then the family
//                  listed first (ranges before their parts).
//   3. anchoring   one pass in text order fills in what each mention does not state, from
//                  the document date, from the last year the text established (`that year`)
//                  or from the nearest explicit year when there is no document date
//                  (anchoring.ts, values.ts, tense.ts); and reports invalid dates, weekday
//                  mismatches and past events dated after the document (findings.ts).
// Nothing looks back further than a fixed window, so the whole is linear in the text.
import { anchor } from './anchoring';
import type { DateOptions } from './options';
import { findCandidates } from './scanner';
import type { DateMention, DocumentDate, Finding, Span } from '../types';

export type { DateOptions } from './options';
// The document date lives in its own module; callers that think of it as part of the date
// recogniser import it from here.
export { readDocumentDate } from './documentDate';

export function recogniseDates(
  text: string,
  sentences: Span[],
  documentDate: DocumentDate,
  options: DateOptions = {},
): { mentions: DateMention[]; findings: Finding[] } {
  const chosen = findCandidates(text, documentDate, options.timeml === true);
  return anchor(text, sentences, documentDate, options, chosen);
}
