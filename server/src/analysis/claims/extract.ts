// Claims: what a text says happened, and when. `Azerbaijan joined PARP in 1997` is the claim
// {event: join, subject: Azerbaijan, object: PARP, date: 1997}; so are `Azerbaijan's 1997
// accession to PARP` and `its participation in PARP since 1997`. Two sources disagree when
// they make the same claim with dates that cannot both be right (../conflicts).
//
// The reading is shallow on purpose, and linear in the text: only sentences with a date are
// read, a word at a time. Here, the reading of a text and the making of its claims; beside it:
//   - tokens.ts: a sentence as tokens, its dates and participants marked, its clauses numbered;
//   - attach.ts: which event word a date belongs to;
//   - mood.ts: whether the text reports the event or plans it (`will join`, `is expected to`, a
//     date after the document's own), and the date's role (`since`, the start of a range);
//   - context.ts: the participants and words near the event word that tell it from another;
//   - roles.ts: who did it and to what (the subject before the verb, the object after it);
//   - participants.ts, places.ts: who and what a sentence names, with keys the corpus shares.
import { isWordCode } from '../characters';
import type { AcronymMention, DateMention, DateMod, DocumentDate, NameMention, Span } from '../types';
import { attach, HOLD_OFFICE, triggerAt, type Trigger } from './attach';
import { contextOf, speakersIn } from './context';
import type { EventClass } from './eventWords';
import { negated, planned, roleOf, startsAfter, superseded, toldInThePast, type DateRole } from './mood';
import { participantsIn, personKeyAt, withNames, type Participant } from './participants';
import { placeOf } from './places';
import { lastPersonNamed, phraseAt, rolesOf } from './roles';
import { capitalisedRuns, markClauses, markSpans, tokenize, type Token } from './tokens';

export type { DateRole };

export interface Claim {
  /** Index of the dating mention in the document's `dates`. */
  date: number;
  span: Span;
  /** The date as written (`Friday`, `last month`). */
  text: string;
  value: string;
  mod?: DateMod;
  /** The other end of a range this date belongs to (`between 1985 and 1987`): one interval. */
  rangeWith?: string;
  role: DateRole;
  /** The date was worked out from the document's own date (`Friday`, `last month`): that date. */
  readAgainst?: string;
  /** The document's own date, when it has one (plans are compared only between close dates). */
  written?: string;
  /** Said before the event (`will join on March 12`): compared only with other plans. */
  plan: boolean;
  event: EventClass;
  /** The event word's lemma: `bombing`, `join`, `take office`. */
  lemma: string;
  /** Whether the event word is a verb or a noun here. */
  pos: 'v' | 'n';
  trigger: Span;
  /** The event word as written (`joined`, `bombings`, `took office`). */
  triggerText: string;
  subject: Participant | null;
  object: Participant | null;
  /** The preposition the object comes after (`arrived in`, `traveled to`), for messages. */
  objectVia?: string;
  /** The phrase it opens, as written (`the NATO-led operation`), for messages. */
  objectText?: string;
  /** The verb is in the passive (`Kopp was charged`): its object was named first. */
  passive?: boolean;
  /** The verb takes no object (`the summit closed on Tuesday`): what began or ended is its subject. */
  intransitive?: boolean;
  participants: Participant[];
  /** Content words near the event (crude singulars), for telling one fact from another. */
  content: string[];
  sentence: Span;
  /** `for the second time`, `once again`: the text itself says this is another occurrence. */
  repeated: boolean;
  /** The participants were taken from an earlier sentence about the same event (`the bombings`). */
  inherited?: boolean;
  /**
   * Whom and what the whole text is about: people and acronyms it names more than once. Two
   * sources about the same story share them; a little evidence that two claims are one fact.
   * One array for all the claims of a text.
   */
  topic: string[];
}

export interface ClaimInput {
  text: string;
  sentences: readonly Span[];
  dates: readonly DateMention[];
  names: readonly NameMention[];
  acronyms: readonly AcronymMention[];
  documentDate?: DocumentDate;
}

/** Event words (by offset) whose noun phrase says nothing of its own: they refer back. */
const needsAntecedent = new Set<number>();

/** Longer than this, a 'sentence' is a run of text without punctuation; we do not read it. */
const MAX_SENTENCE = 2000;
/** How many sentences back a bare `the bombings` looks for what it refers to. */
const ANTECEDENT_SENTENCES = 12;

/** `for the second time`, `once again`, `another`: read only for sentences that make a claim. */
function repeatedIn(text: string, sentence: Span): boolean {
  let yes = repeatedCache.get(sentence.start);
  if (yes === undefined) {
    repeatedCache.set(sentence.start, (yes = REPEATED.test(text.slice(sentence.start, sentence.end))));
  }
  return yes;
}
const repeatedCache = new Map<number, boolean>();

/** `shares closed yesterday at $5.25`: the sentence speaks of prices (asked once per sentence). */
function aboutMarkets(text: string, sentence: Span): boolean {
  let yes = marketCache.get(sentence.start);
  if (yes === undefined)
    marketCache.set(sentence.start, (yes = MARKET.test(text.slice(sentence.start, sentence.end))));
  return yes;
}
const marketCache = new Map<number, boolean>();

const REPEATED =
  /\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b|\bonce (?:again|more)\b|\bagain\b|\banother\b/i;
// (a direction word close after it: `ended 3 points lower`, `closed Friday unchanged`; not
// `the meeting that ended on Thursday in Amsterdam left rates unchanged`)
const MARKET =
  /\b(?:closed|opened|ended|finished|closing|opening)\b(?:[^.;]{0,40}?\bat \$|[^.;]{0,24}?\b(?:up|down|off|unchanged|higher|lower)\b)|\b(?:composite|stock[- ]exchange|over-the-counter) trading\b/i;
const PERIODS = new Set(['quarter', 'year', 'month', 'week', 'period', 'half', 'season', 'term', 'fiscal']);

interface SentenceReading {
  sentence: Span;
  tokens: Token[];
  /** Its people and acronyms, then (once a claim needs them, see `withParticipants`) every participant. */
  participants: Participant[];
  /** Whether `participants` holds the capitalised names and places too. */
  complete: boolean;
  ordinaryWord: (lower: string) => boolean;
  capitalisedInside: (word: string) => boolean;
}

/** Every dated event of the text. */
export function extractClaims(input: ClaimInput): Claim[] {
  const { text, sentences, dates } = input;
  needsAntecedent.clear();
  repeatedCache.clear();
  marketCache.clear();
  const claims: Claim[] = [];
  let d = 0;
  // whether the text writes a word in lower case too (a capital then only opens a sentence), and
  // whether it capitalises it inside a sentence (a name): asked of a few words per text, so
  // looked up where they are asked, and remembered
  const ordinary = new Map<string, boolean>();
  const ordinaryWord = (lower: string) => {
    let yes = ordinary.get(lower);
    if (yes === undefined) ordinary.set(lower, (yes = occursAsWord(text, lower, (at) => at >= 0)));
    return yes;
  };
  const inside = new Map<string, boolean>();
  const capitalisedInside = (word: string) => {
    let yes = inside.get(word);
    if (yes === undefined)
      inside.set(word, (yes = occursAsWord(text, word, (at) => afterLowerCase(text, at))));
    return yes;
  };
  const written = /^\d{4}-\d\d-\d\d$/.test(input.documentDate?.value ?? '')
    ? input.documentDate!.value!
    : undefined;
  let topicList: string[] | undefined;
  const topic = () => (topicList ??= topicOf(input));
  const readings = new Map<number, SentenceReading>();
  const read = (si: number): SentenceReading => {
    let r = readings.get(si);
    if (!r) {
      r = readSentence(input, sentences[si], ordinaryWord, capitalisedInside);
      readings.set(si, r);
    }
    return r;
  };
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si];
    while (d < dates.length && dates[d].start < sentence.start) d++;
    const first = d;
    while (d < dates.length && dates[d].start < sentence.end) d++;
    if (d === first || sentence.end - sentence.start > MAX_SENTENCE) continue;
    const eligible: number[] = [];
    for (let i = first; i < d; i++) if (isDating(dates[i])) eligible.push(i);
    if (eligible.length === 0) continue;
    for (const claim of claimsOfSentence(input, read(si), eligible, written, topic)) {
      if (isWeak(claim) || needsAntecedent.has(claim.trigger.start))
        inheritFromEarlier(input, claim, si, read);
      claims.push(claim);
    }
  }
  return claims;
}

/** Whether `word` occurs in `text` as a whole word at a place `where` accepts. */
function occursAsWord(text: string, word: string, where: (at: number) => boolean): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at > 0 && isWordCode(text.charCodeAt(at - 1))) continue;
    if (at + word.length < text.length && isWordCode(text.charCodeAt(at + word.length))) continue;
    if (where(at)) return true;
  }
  return false;
}

/** A lower-case letter, a comma or a semicolon, then one space, before `at`. */
function afterLowerCase(text: string, at: number): boolean {
  if (at < 2 || text.charCodeAt(at - 1) !== 32) return false;
  const c = text.charCodeAt(at - 2);
  return (c >= 97 && c <= 122) || c === 44 || c === 59;
}

/** A date that can date an event: not the document's header, and with a year we know. */
function isDating(date: DateMention): boolean {
  return !date.header && /^\d/.test(date.value);
}

function firstAtOrAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A sentence's tokens, with its dates, people and acronyms marked and its clauses numbered: what
 * tells which event word a date belongs to. The capitalised names and places are read only for
 * a sentence that makes a claim (`withParticipants`): most dated sentences make none.
 */
function readSentence(
  input: ClaimInput,
  sentence: Span,
  ordinaryWord: (lower: string) => boolean,
  capitalisedInside: (word: string) => boolean,
): SentenceReading {
  const tokens = tokenize(input.text, sentence);
  const dateBase = firstAtOrAfter(input.dates, sentence.start);
  const datesHere: Span[] = [];
  for (let i = dateBase; i < input.dates.length && input.dates[i].start < sentence.end; i++)
    datesHere.push(input.dates[i]);
  const participants = peopleAndAcronyms(input, sentence);
  markSpans(tokens, datesHere, (t, k) => (t.date = dateBase + k));
  markSpans(tokens, participants, (t, k) => {
    if (t.date < 0) t.entity = k;
  });
  markClauses(tokens);
  return { sentence, tokens, participants, complete: false, ordinaryWord, capitalisedInside };
}

function peopleAndAcronyms(input: ClaimInput, sentence: Span): Participant[] {
  return participantsIn(
    input,
    sentence,
    firstAtOrAfter(input.names, sentence.start),
    firstAtOrAfter(input.acronyms, sentence.start),
    null,
  );
}

/** The reading with every participant: people, acronyms, places and other capitalised names. */
function withParticipants(input: ClaimInput, r: SentenceReading): SentenceReading {
  if (r.complete) return r;
  const { sentence, tokens } = r;
  const datesHere: Span[] = [];
  for (
    let i = firstAtOrAfter(input.dates, sentence.start);
    i < input.dates.length && input.dates[i].start < sentence.end;
    i++
  )
    datesHere.push(input.dates[i]);
  r.participants = withNames(
    input.text,
    sentence,
    r.participants,
    { taken: datesHere, ordinaryWord: r.ordinaryWord, capitalisedInside: r.capitalisedInside },
    capitalisedRuns(input.text, tokens),
  );
  for (const t of tokens) {
    t.entity = -1;
    t.trigger = undefined; // a word inside a name is no event word (`triggerAt`)
  }
  markSpans(tokens, r.participants, (t, k) => {
    if (t.date < 0) t.entity = k;
  });
  r.complete = true;
  return r;
}

function claimsOfSentence(
  input: ClaimInput,
  reading: SentenceReading,
  dateIndexes: readonly number[],
  written: string | undefined,
  topic: () => string[],
): Claim[] {
  const { tokens } = reading;
  const places: { di: number; first: number; last: number }[] = [];
  for (const di of dateIndexes) {
    const first = tokens.findIndex((t) => t.date === di);
    if (first < 0) continue;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].date === di) last++;
    places.push({ di, first, last });
  }
  const triggers = attach(tokens, places);
  const out: Claim[] = [];
  if (triggers.every((t) => t.length === 0)) return out;
  withParticipants(input, reading);
  places.forEach(({ di, first, last }, k) => {
    for (const trigger of triggers[k]) {
      const claim = makeClaim(input, reading, di, first, last, trigger, written, topic);
      if (claim) out.push(claim);
    }
  });
  return out;
}

function makeClaim(
  input: ClaimInput,
  reading: SentenceReading,
  di: number,
  first: number,
  last: number,
  trigger: Trigger,
  written: string | undefined,
  topic: () => string[],
): Claim | null {
  const { tokens, participants, sentence } = reading;
  const date = input.dates[di];
  const cls = trigger.word.cls;
  const i = trigger.index;
  const t = tokens[i];
  // `the quarter ended June 30`: a period, not an event
  if ((cls === 'end' || cls === 'start') && PERIODS.has(tokens[i - 1]?.lower ?? '')) return null;
  // `the end of 2014`, `the beginning of 1998`: a date, not an event
  if ((cls === 'end' || cls === 'start') && tokens[i + 1]?.lower === 'of' && tokens[i + 2]?.date === di)
    return null;
  if (negated(tokens, i)) return null;
  // `shares closed yesterday at $5.25`, `the close of composite trading`: a price, not an event
  if ((cls === 'end' || cls === 'start') && aboutMarkets(input.text, sentence)) return null;
  // `had been set to expire Nov. 6`, `was originally scheduled for May`: a schedule given up says
  // nothing of when the event happens
  if (superseded(tokens, trigger)) return null;
  const role = roleOf(tokens, first, last, cls);
  // `has been chief executive since 2017` says when the office was taken; `had been chief
  // executive in 2005` says only that it was held then
  if (trigger.word === HOLD_OFFICE && role !== 'since') return null;
  // a date after the document's own is a plan, unless the text tells it in the past (`ended in
  // 2019` in a 2018 text is a report, and a wrong one: `after-document-date` says so)
  const plan =
    cls !== 'expire' &&
    role !== 'until' &&
    (planned(tokens, trigger) ||
      (!!written && startsAfter(date.value, written) && !toldInThePast(tokens, trigger)));
  const { context, bare } = contextOf(tokens, trigger, first, last, (k) => participants[k]?.kind === 'place');
  // a deadline's own phrase rarely says what it is for (`set Thursday as the deadline`,
  // `returned to his father by Jan. 14`): whom its sentence names does
  if (cls === 'expire') for (const t of tokens) if (t.entity >= 0) context.entities.add(t.entity);
  const speakers = speakersIn(tokens, trigger);
  const inContext = participants.filter((_, k) => context.entities.has(k) && !speakers.has(k));
  if (bare) needsAntecedent.add(t.start);
  const roles = rolesOf(tokens, trigger, participants, speakers, (offset) =>
    lastPersonNamed(input.names, offset),
  );
  // `Holm has been chief executive`: `has been` reads as a passive, but Holm is who holds it
  if (trigger.word === HOLD_OFFICE && roles.passive)
    Object.assign(roles, { subject: roles.object, object: null, passive: false, via: undefined });
  const { subject, object, via, passive } = roles;
  const triggerEnd = tokens[i + trigger.length - 1].end;
  const claim: Claim = {
    date: di,
    span: { start: date.start, end: date.end },
    text: date.text,
    value: date.value,
    role,
    plan,
    event: cls,
    lemma: trigger.word.lemma,
    pos: trigger.word.pos,
    trigger: { start: t.start, end: triggerEnd },
    triggerText: input.text.slice(t.start, triggerEnd),
    subject,
    object,
    participants: dedupe(inContext),
    content: context.content,
    sentence,
    repeated: repeatedIn(input.text, sentence),
    topic: topic(),
  };
  if (date.mod) claim.mod = date.mod;
  if (passive) claim.passive = true;
  if (trigger.word.pos === 'v' && !passive && !object && takesNoObject(tokens, i + trigger.length))
    claim.intransitive = true;
  if (via !== undefined) {
    claim.objectVia = tokens[via].lower;
    // the phrase as written, where it names the object (not `its body` before `, the Council`)
    const phrase = phraseAt(input.text, tokens, via + 1);
    if (phrase && object && phrase.includes(object.label.replace(/['’`]s$/u, ''))) claim.objectText = phrase;
  }
  if (written) claim.written = written;
  if (date.anchor === 'document-date' && date.anchorValue && !/\d{4}/.test(date.text))
    claim.readAgainst = date.anchorValue;
  // a gathering from one date to another (`the summit ran from 30 November to 12 December`)
  // opened on the first and closed on the second: told so, each date meets `closed on 13
  // December` (as a kind that recurs: `the G20 summit` names one of many)
  if (cls === 'meet' && (role === 'start' || role === 'end')) {
    claim.event = role;
    claim.role = 'point';
    return claim;
  }
  const other = rangePartner(input.text, input.dates, di);
  if (other) claim.rangeWith = other.value;
  return claim;
}

/** After a verb: a preposition, a date, clause punctuation or the sentence's end, past an adverb. */
function takesNoObject(tokens: readonly Token[], k: number): boolean {
  if (tokens[k]?.lower.endsWith('ly')) k++;
  const t = tokens[k];
  return (
    !t ||
    t.punct ||
    t.date >= 0 ||
    /^(?:on|in|at|after|before|with|without|early|late|yesterday|today)$/.test(t.lower)
  );
}

/** The other end of a range (`between 1985 and 1987`, `1985-1987`, `from May to July 1997`). */
function rangePartner(text: string, dates: readonly DateMention[], i: number): DateMention | undefined {
  const joined = (a: DateMention, b: DateMention) =>
    /^\s*(?:and|to|until|through|-|–|—)\s*$/.test(text.slice(a.end, b.start));
  if (i + 1 < dates.length && joined(dates[i], dates[i + 1])) return dates[i + 1];
  if (i > 0 && joined(dates[i - 1], dates[i])) return dates[i - 1];
  return undefined;
}

function dedupe(participants: readonly Participant[]): Participant[] {
  const seen = new Set<string>();
  return participants.filter((p) => (seen.has(p.key) ? false : (seen.add(p.key), true)));
}

/** Nothing near the claim tells this event from another of its kind (`the bombings on Aug. 7 killed 259`). */
function isWeak(claim: Claim): boolean {
  return (
    !claim.participants.some((p) => p.kind !== 'place') &&
    claim.participants.length < 2 &&
    claim.content.length < 2
  );
}

/**
 * `The bombings on Aug. 7 killed 259 people`: a bare event noun refers back to the last
 * sentence that spoke of an event of its class with participants; the claim takes them.
 */
function inheritFromEarlier(
  input: ClaimInput,
  claim: Claim,
  si: number,
  read: (si: number) => SentenceReading,
): void {
  // the same word first (`the bombings` → the last sentence about bombings), then the same class
  for (const sameWord of [true, false]) {
    for (let k = si - 1; k >= 0 && si - k <= ANTECEDENT_SENTENCES; k--) {
      const r = read(k);
      for (let i = 0; i < r.tokens.length; i++) {
        const trigger = triggerAt(r.tokens, i);
        if (!trigger || trigger.word.cls !== claim.event || (sameWord && trigger.word.lemma !== claim.lemma))
          continue;
        withParticipants(input, r);
        const { context } = contextOf(r.tokens, trigger, i, i, (k) => r.participants[k]?.kind === 'place');
        const those = r.participants.filter((_, e) => context.entities.has(e));
        if (those.length === 0) continue;
        claim.participants = dedupe([...claim.participants, ...those]);
        claim.content = [...new Set([...claim.content, ...context.content])];
        claim.inherited = true;
        return;
      }
    }
  }
}
/** People and acronyms the text names more than once: what it is about. */
function topicOf(input: ClaimInput): string[] {
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (let i = 0; i < input.names.length; i++) count(personKeyAt(input.names, i));
  for (const a of input.acronyms) if (!placeOf(a.text)) count('acronym:' + a.key);
  return [...counts]
    .filter(([, n]) => n >= 2)
    .map(([k]) => k)
    .sort();
}
