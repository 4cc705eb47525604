// Whether a sentence speaks of the past or the future around a date: what decides the year
// of `in January`, the day of a bare `Friday`, and whether a date after the document's own
// is a reported event (a finding) or a plan.
import { FUTURE_CUE_SOURCE, PAST_CUE_SOURCE } from './lexicon';
import { wordAligned } from './words';
import { sentenceAt } from '../sentences';
import type { Span } from '../types';

// One regex for both kinds of cue, so a scan can take the cue nearest the mention.
// A participle after `be` (`will be held`, `is to be signed`) is not a past-tense cue.
const TENSE_CUE = new RegExp(`\\b(?:(${FUTURE_CUE_SOURCE})|(?<!\\bbe\\s)(${PAST_CUE_SOURCE}))\\b`, 'gi');

export type Tense = 'past' | 'future' | 'none';

/** How far before and after a mention the tense cues are read (within its sentence). */
const NEAR = 70;
const AFTER = 120;
export const WIDE_BEFORE = 200;

/**
 * Whether the clause around a mention speaks of the past or the future. The cue nearest
 * before the mention decides (`said on Friday that it would` is past, `will meet on Friday`
 * future); then the first cue after it; then the nearest further back in its sentence.
 * `planned`, `scheduled`, `expected` count as future although they end in -ed.
 */
export function tense(text: string, sentences: Span[], c: Span): Tense {
  const si = sentenceAt(sentences, c.start);
  let sStart = si >= 0 ? sentences[si].start : Math.max(0, c.start - WIDE_BEFORE);
  let sEnd = si >= 0 ? sentences[si].end : Math.min(text.length, c.end + AFTER);
  // A semicolon joins two clauses, each with its own tense: read only the mention's.
  // (Both searches stay inside the windows read below, so the whole stays linear.)
  const from = Math.max(sStart, c.start - WIDE_BEFORE);
  const before = text.slice(from, c.start).lastIndexOf(';');
  if (before >= 0) sStart = from + before + 1;
  const after = text.slice(c.end, Math.min(sEnd, c.end + AFTER)).indexOf(';');
  if (after >= 0) sEnd = c.end + after;
  // Windows start at a word boundary: a cut word (`amed` of `named`) is no cue.
  const nearStart = wordAligned(text, Math.max(sStart, c.start - NEAR));
  const near = lastCue(text.slice(nearStart, c.start));
  if (near !== 'none') return near;
  const following = firstCue(text.slice(c.end, Math.min(sEnd, c.end + AFTER)));
  if (following !== 'none') return following;
  return lastCue(text.slice(wordAligned(text, Math.max(sStart, c.start - WIDE_BEFORE)), nearStart));
}

// ---------------------------------------------------------------- told as past

/**
 * A date that the sentence makes a deadline, a term, a goal or a forecast rather than the
 * time of something that happened: the word right before it (`due March 1, 2011`, `by 1992`,
 * `until 1994`, `into 1990`, `for 1990`, `expires on Dec. 31, 1990`).
 */
const PROSPECTIVE_RIGHT_BEFORE =
  /\b(?:by|until|till|due|into|through|throughout|beyond|before|for|effective|starting|as\s+of|expires?(?:\s+(?:on|in))?|matures?(?:\s+(?:on|in))?)\s+(?:(?:the|a|an)\s+)?(?:(?:good|large|great|first|second|whole)\s+)?(?:part\s+of\s+)?(?:the\s+)?$/i;
/**
 * Words anywhere in the sentence before the date that make what follows prospective: modals,
 * verbs and nouns of intention, expectation, obligation and forecasting, and the terms of a
 * security (`puttable`, `callable`, `redeem`). `-ed` forms count too: `hoped to`, `expected`.
 */
const PROSPECTIVE_IN_SENTENCE =
  /\b(?:will|won't|would|wouldn't|could|couldn't|should|might|must|shall|can|'ll|going\s+to|is\s+to|are\s+to|was\s+to|were\s+to|set\s+to|hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|intention|want(?:s|ed)?|goal|targets?|targeted|forecast\w*|predict\w*|project(?:s|ed|ing|ion|ions)|estimat\w*|anticipat\w*|forese\w*|expect\w*|requir\w*|schedul\w*|future|outlook|budget\w*|puttable|callable|redeem\w*|redemption|convertible|matur\w*|expir\w*|due|seeks?|sought|promis\w*|pledg\w*|vow\w*|commit\w*|prepar\w*|propos\w*|upcoming|next|provisional\w*|tentative\w*)\b/i;
/** `may` as a modal; `May` is more often the month. */
const MAY_MODAL = /\bmay\b/;
/** A forecast the date qualifies, written after it: `his 1990 earnings projection`. */
const PROSPECTIVE_AFTER =
  /^[^.;!?]{0,40}?\b(?:projections?|forecasts?|estimates?|targets?|goals?|budgets?|outlook|plans?|and\s+beyond|or\s+later|provisional(?:ly)?|tentative(?:ly)?|scheduled|planned|expected|proposed|pending|unconfirmed|to\s+be\s+(?:confirmed|decided|announced|set)|(?:not|yet)\s+(?:yet\s+)?(?:final|fixed|confirmed|set))\b/i;
/** Present tense before the date: `The issue, which is puttable ... in 1999`. */
const PRESENT_CUE = /\b(?:is|are|am|does|do|remains?|continues?|says)\b/gi;

/**
 * Whether the sentence tells of something that happened at the date (for `after-document-date`):
 * the tense nearest before it is past (not present, not future), and nothing in the sentence
 * makes the date a deadline, a term, a goal or a forecast. Deliberately strict: a missed
 * warning costs less than a false alarm on every bond's maturity date.
 */
export function toldAsPast(text: string, sentences: Span[], c: Span): boolean {
  const si = sentenceAt(sentences, c.start);
  const sStart = wordAligned(text, Math.max(si >= 0 ? sentences[si].start : 0, c.start - WIDE_BEFORE));
  const sEnd = Math.min(si >= 0 ? sentences[si].end : text.length, c.end + AFTER);
  const prior = text.slice(sStart, c.start);
  if (PROSPECTIVE_RIGHT_BEFORE.test(prior) || PROSPECTIVE_IN_SENTENCE.test(prior) || MAY_MODAL.test(prior))
    return false;
  const following = text.slice(c.end, sEnd);
  if (PROSPECTIVE_AFTER.test(following) || firstCue(following) === 'future') return false;
  // The nearest verb before the date decides; a present-tense one wins over an older past one.
  let lastPast = -1;
  TENSE_CUE.lastIndex = 0;
  for (let m = TENSE_CUE.exec(prior); m; m = TENSE_CUE.exec(prior)) {
    if (cueOf(m, prior) === 'past') lastPast = m.index;
  }
  if (lastPast < 0) return false;
  PRESENT_CUE.lastIndex = lastPast;
  return !PRESENT_CUE.test(prior);
}

/**
 * An `-ed` word that is not a verb: a capitalised one is a name (`United`, `Ahmed`), one after
 * a determiner or inside a hyphenated compound is an adjective (`the reduced dividend`,
 * `a still unspecified date`, `lower-than-anticipated`).
 */
const ADJECTIVE_BEFORE = /(?:\b(?:the|a|an|its|his|her|their|our|this|that|these|those|still|newly)\s+|-)$/i;

/** A form of `be` or `have` before `planned`, `scheduled`, `expected` (an adverb between). */
const AUXILIARY_BEFORE =
  /\b(?:is|are|am|was|were|be|been|being|has|have|had|'s|'re)\s+(?:\w+ly\s+|now\s+|still\s+|also\s+|not\s+)?$/i;
/** What follows `planned` as a verb with its object: `planned a rally`, `scheduled talks for`. */
const OBJECT_AFTER = /^\s+(?:a|an|the|to|its|his|her|their|for|on|talks|meetings?)\b/i;

/**
 * `before`: the cue is read before the mention (its object may hold the date). `is scheduled
 * for Friday`, `has scheduled a news conference Thursday`, `planned a rally on Saturday` look
 * ahead; `the hastily planned trip ... on Friday`, `a service planned at the university for
 * Saturday was cancelled`, `On Friday the government planned to pay` do not.
 */
function cueOf(m: RegExpExecArray, window: string, before = true): Tense {
  if (m[1]) {
    const word = m[1];
    if (!word.endsWith('ed')) return 'future';
    if (AUXILIARY_BEFORE.test(window.slice(Math.max(0, m.index - 20), m.index))) return 'future';
    if (before && OBJECT_AFTER.test(window.slice(m.index + word.length, m.index + word.length + 12)))
      return 'future';
    return 'none';
  }
  const word = m[2];
  if (word.endsWith('ed') || word.endsWith('ED')) {
    const first = word.charCodeAt(0);
    if (first >= 65 && first <= 90) return 'none';
    if (ADJECTIVE_BEFORE.test(window.slice(Math.max(0, m.index - 12), m.index))) return 'none';
  }
  return 'past';
}

function lastCue(window: string): Tense {
  let found: Tense = 'none';
  TENSE_CUE.lastIndex = 0;
  for (let m = TENSE_CUE.exec(window); m; m = TENSE_CUE.exec(window)) {
    const t = cueOf(m, window);
    if (t !== 'none') found = t;
  }
  return found;
}

function firstCue(window: string): Tense {
  TENSE_CUE.lastIndex = 0;
  for (let m = TENSE_CUE.exec(window); m; m = TENSE_CUE.exec(window)) {
    const t = cueOf(m, window, false);
    if (t !== 'none') return t;
  }
  return 'none';
}

/**
 * A present tense that news uses for what is on a schedule (`He meets Albright Monday`,
 * `They meet separately Monday`, `her first stop is Lagos on Tuesday`), written in the
 * clause before a weekday. Plural subjects take the base form.
 */
const SCHEDULE_PRESENT =
  /\b(?:is|are|meets?|begins?|opens?|starts?|leaves?|arrives?|travels?|visits?|heads?|resumes?|convenes?|returns?|flies|fly|stop|stops)\b(?![^,;:]*\b(?:said|says|was|were|had)\b)[^.;:!?]*$/i;

/** Whether the clause before a weekday puts it on a schedule (see SCHEDULE_PRESENT). */
export function onSchedule(text: string, sentences: Span[], c: Span): boolean {
  const si = sentenceAt(sentences, c.start);
  const sStart = si >= 0 ? sentences[si].start : Math.max(0, c.start - NEAR);
  return SCHEDULE_PRESENT.test(text.slice(wordAligned(text, Math.max(sStart, c.start - NEAR)), c.start));
}
