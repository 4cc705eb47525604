// Claims: what a text says happened, and when. `Azerbaijan joined PARP in 1997` is the claim
// {event: join, subject: Azerbaijan, object: PARP, date: 1997}; so are `Azerbaijan's 1997
// accession to PARP` and `its participation in PARP since 1997`. Two sources disagree when
// they make the same claim with dates that cannot both be right (../conflicts).
//
// The reading is shallow on purpose, and linear in the text: only sentences with a date are
// read, a word at a time (attach.ts says which event word a date belongs to). The claim also
// says whether the text reports the event or plans it (`will join`, `is expected to`, a date
// after the document's own), and who and what take part: the participants near the event word
// (in its noun phrase, for a noun), the subject before the verb, the object after it.
import { isWordCode } from '../characters';
import type { AcronymMention, DateMention, DateMod, DocumentDate, NameMention, Span } from '../types';
import { attach, triggerAt, type Trigger } from './attach';
import { flagsOf, type EventClass } from './eventWords';
import { participantsIn, personKeyAt, withNames, type Participant } from './participants';
import { placeOf } from './places';
import { capitalisedRuns, clauseBefore, markClauses, markSpans, tokenize, type Token } from './tokens';
import {
  AUXILIARIES,
  DETERMINERS,
  GENERIC_WORDS,
  MODALS,
  PLAN_WORDS,
  POSSIBILITY,
  PREPOSITIONS,
  PRONOUNS,
  stem,
} from './words';
import { eventWordsOf } from './eventWords';

export type DateRole = 'point' | 'since' | 'start' | 'end' | 'until';

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

/** The sentence's participants that are places (by index), for `contextOf`. */
const placeEntities = new Set<number>();

/** Event words (by offset) whose noun phrase says nothing of its own: they refer back. */
const needsAntecedent = new Set<number>();

/** Longer than this, a 'sentence' is a run of text without punctuation; we do not read it. */
const MAX_SENTENCE = 2000;
/** How many sentences back a bare `the bombings` looks for what it refers to. */
const ANTECEDENT_SENTENCES = 12;
/** Participants and words this far (in tokens) from the event word and its date are its context. */
const CONTEXT_BEFORE = 6;
const CONTEXT_AFTER = 12;

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
const NEGATION = new Set(['not', "n't", 'never', 'no']);
const MARKET =
  /\b(?:closed|opened|ended|finished|closing|opening)\b[^.;]{0,40}?(?:\bat \$|\b(?:up|down|off|unchanged|higher|lower)\b)|\b(?:composite|stock[- ]exchange|over-the-counter) trading\b/i;
/** Kinds of event whose object is where someone goes. */
const MOTION = new Set(['travel', 'visit', 'arrive', 'depart']);
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
  // a date after the document's own is a plan, unless the text tells it in the past (`ended in
  // 2019` in a 2018 text is a report, and a wrong one: `after-document-date` says so)
  const plan =
    cls !== 'expire' &&
    role !== 'until' &&
    (planned(tokens, trigger) ||
      (!!written && startsAfter(date.value, written) && !toldInThePast(tokens, trigger)));
  placeEntities.clear();
  participants.forEach((p, k) => p.kind === 'place' && placeEntities.add(k));
  const { context, bare } = contextOf(tokens, trigger, first, last);
  // a deadline's own phrase rarely says what it is for (`set Thursday as the deadline`,
  // `returned to his father by Jan. 14`): whom its sentence names does
  if (cls === 'expire') for (const t of tokens) if (t.entity >= 0) context.entities.add(t.entity);
  const speakers = speakersIn(tokens, trigger);
  const inContext = participants.filter((_, k) => context.entities.has(k) && !speakers.has(k));
  if (bare) needsAntecedent.add(t.start);
  const { subject, object, via, passive } = rolesOf(tokens, trigger, participants, speakers, (offset) =>
    lastPersonNamed(input.names, offset),
  );
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
  if (via !== undefined) {
    claim.objectVia = tokens[via].lower;
    // the phrase as written, where it names the object (not `its body` before `, the Council`)
    const phrase = phraseAt(input.text, tokens, via + 1);
    if (phrase && object && phrase.includes(object.label.replace(/['’`]s$/u, ''))) claim.objectText = phrase;
  }
  if (written) claim.written = written;
  if (date.anchor === 'document-date' && date.anchorValue && !/\d{4}/.test(date.text))
    claim.readAgainst = date.anchorValue;
  const other = rangePartner(input.text, input.dates, di);
  if (other) claim.rangeWith = other.value;
  return claim;
}

/**
 * The event's context: for a noun, its noun phrase (`the January 1998 bombing of a
 * Birmingham, Ala., abortion clinic`); for a verb, its clause near the verb and the date. Long
 * sentences speak of several things; what stands near the event word is what it is about.
 */
interface Context {
  entities: Set<number>;
  content: string[];
}

function contextOf(
  tokens: readonly Token[],
  trigger: Trigger,
  first: number,
  last: number,
): { context: Context; bare: boolean } {
  const i = trigger.index;
  if (trigger.word.pos === 'n') {
    const [from, to] = nounPhrase(tokens, i);
    const context = collect(tokens, trigger, from, to, false);
    // where it happened, said anywhere in its clause (`the bombings ... killed 247 people in Kenya`)
    for (const t of tokens)
      if (t.clause === tokens[i].clause && t.entity >= 0 && placeEntities.has(t.entity))
        context.entities.add(t.entity);
    // a bare noun phrase (`the bombings on Aug. 7 killed 259`) refers back to what the text
    // said before (see `inheritFromEarlier`), else it is read in its clause
    if (context.entities.size > 0 || context.content.length > 0) return { context, bare: false };
    const [a, b] = around(tokens, i, first, last);
    return { context: collect(tokens, trigger, a, b, true), bare: true };
  }
  const [from, to] = around(tokens, i, first, last);
  const context = collect(tokens, trigger, from, to, true);
  // `Iraq's Saddam, with whom the king met Monday`: the name a relative clause follows takes part
  const antecedent = relativeAntecedent(tokens, i);
  if (antecedent >= 0) context.entities.add(antecedent);
  // `most recently last October, when Dr. Barnett Slepian was gunned down`: the clause that
  // says what happened then is part of it
  for (let k = last + 1; k < tokens.length && k <= last + 2; k++) {
    if (tokens[k].lower !== 'when') continue;
    const clause = tokens[k].clause;
    for (let j = k; j < tokens.length && tokens[j].clause === clause; j++)
      if (tokens[j].entity >= 0) context.entities.add(tokens[j].entity);
  }
  return { context, bare: false };
}

function collect(
  tokens: readonly Token[],
  trigger: Trigger,
  from: number,
  to: number,
  sameClause: boolean,
): Context {
  const i = trigger.index;
  const clause = tokens[i].clause;
  const entities = new Set<number>();
  const content = new Set<string>();
  for (let k = from; k <= to; k++) {
    const x = tokens[k];
    // before the event word, its own clause; after it, also the clauses that describe what it
    // governs (`killed in an explosion that took place near the embassy in Dar es Salaam`) and,
    // for a saying, what was said (`announced Wednesday that the boy's father is ready to travel`)
    const said = k > i && (trigger.word.cls === 'say' || trigger.word.cls === 'announce');
    if (sameClause && x.clause !== clause && (k < i || (x.entity < 0 && !said))) continue;
    if (x.entity >= 0) {
      entities.add(x.entity);
      continue;
    }
    if (k === i || !isContentWord(x, k === 0)) continue;
    if (eventWordsOf(x.lower)?.some((w) => w.cls === trigger.word.cls)) continue;
    content.add(stem(x.lower));
  }
  return { entities, content: [...content] };
}

function isContentWord(x: Token, first = false): boolean {
  if (x.punct || x.date >= 0 || (x.capital && !first) || x.entity >= 0) return false;
  const l = x.lower;
  if (l.length < 3) return false;
  // asked of every word near every claim: a text's words repeat, so each is judged once
  let yes = contentWords.get(l);
  if (yes === undefined) {
    yes = !/\d/.test(l) && !GENERIC_WORDS.has(l) && !PLAN_WORDS.has(l) && !isFunctionWord(l);
    if (contentWords.size >= MAX_REMEMBERED_WORDS) contentWords.clear();
    contentWords.set(l, yes);
  }
  return yes;
}
const contentWords = new Map<string, boolean>();
/** A bound on what `contentWords` keeps: the vocabulary of a large corpus, not of every string ever seen. */
const MAX_REMEMBERED_WORDS = 100_000;

/** The participant right before the relative pronoun (`X, with whom`, `X, who`) that opens the clause of token `i`. */
function relativeAntecedent(tokens: readonly Token[], i: number): number {
  const clause = tokens[i].clause;
  let k = i;
  while (k > 0 && tokens[k - 1].clause === clause) k--;
  if (!/^(?:who|whom|which|whose)$/.test(tokens[k]?.lower ?? '')) return -1;
  let j = k - 1;
  if (j >= 0 && PREPOSITIONS.has(tokens[j].lower)) j--;
  if (j >= 0 && tokens[j].text === ',') j--;
  return j >= 0 ? tokens[j].entity : -1;
}

function around(tokens: readonly Token[], i: number, first: number, last: number): [number, number] {
  return [
    Math.max(0, Math.min(i, first) - CONTEXT_BEFORE),
    Math.min(tokens.length - 1, Math.max(i, last) + CONTEXT_AFTER),
  ];
}

/**
 * The noun phrase of the noun at `i`: back over its modifiers to its determiner (`the 1998
 * abortion clinic bombing`), forward over the phrases that complete it (`of a Birmingham, Ala.,
 * abortion clinic`, `at U.S. embassies in Kenya and Tanzania`), up to a verb or a new clause.
 */
function nounPhrase(tokens: readonly Token[], i: number): [number, number] {
  let from = i;
  while (from > 0 && i - from < 6) {
    const p = tokens[from - 1];
    if (p.punct || PREPOSITIONS.has(p.lower) || AUXILIARIES.has(p.lower) || MODALS.has(p.lower)) break;
    from--;
    if (DETERMINERS.has(p.lower) || p.possessive) break;
  }
  let to = i;
  for (let k = i + 1; k < tokens.length && k - i <= 14; k++) {
    const t = tokens[k];
    if (t.clause !== tokens[i].clause && !(t.text === ',' && tokens[k + 1]?.entity >= 0)) break;
    if (t.text === ',') {
      // `Birmingham, Ala., abortion clinic`: a comma between parts of a name goes on; so does a
      // name in apposition (`to its body, the North Atlantic Cooperation Council`)
      if (tokens[k - 1]?.entity >= 0 && (tokens[k + 1]?.entity >= 0 || tokens[k + 1]?.capital)) continue;
      if (DETERMINERS.has(tokens[k + 1]?.lower ?? '') && tokens[k + 2]?.entity >= 0) continue;
      if (tokens[k - 1]?.entity >= 0 && tokens[k + 1] && !tokens[k + 1].capital && !isVerbish(tokens[k + 1]))
        continue;
      break;
    }
    if (t.punct || AUXILIARIES.has(t.lower) || MODALS.has(t.lower) || PRONOUNS.has(t.lower) || isVerbish(t))
      break;
    if (t.lower === 'and' && !(tokens[k + 1]?.entity >= 0)) break;
    to = k;
  }
  return [from, to];
}

/** A word that is most likely a finite verb here (an event verb, or a past form after a noun). */
function isVerbish(t: Token): boolean {
  return (
    !!eventWordsOf(t.lower)?.some((w) => w.pos === 'v') && !eventWordsOf(t.lower)?.some((w) => w.pos === 'n')
  );
}

/** `..., Castro said`, `said Castro`, `according to X`: the participant who speaks, not one who takes part. */
function speakersIn(tokens: readonly Token[], trigger: Trigger): Set<number> {
  const out = new Set<number>();
  if (trigger.word.cls === 'say' || trigger.word.cls === 'announce') return out;
  for (let k = 0; k < tokens.length; k++) {
    const e = tokens[k].entity;
    if (e < 0 || tokens[k + 1]?.entity === e) continue;
    const next = tokens[k + 1];
    const prev = tokens[firstOf(tokens, k) - 1];
    const says = (t: Token | undefined) =>
      !!t && eventWordsOf(t.lower)?.some((w) => w.cls === 'say' && w.pos === 'v');
    if (says(next) || (says(prev) && !tokens[firstOf(tokens, k) - 2]?.entity)) out.add(e);
    if (prev?.lower === 'to' && tokens[firstOf(tokens, k) - 2]?.lower === 'according') out.add(e);
  }
  return out;
}

function firstOf(tokens: readonly Token[], k: number): number {
  let j = k;
  while (j > 0 && tokens[j - 1].entity === tokens[k].entity && tokens[k].entity >= 0) j--;
  return j;
}

function isFunctionWord(l: string): boolean {
  return (
    DETERMINERS.has(l) ||
    PREPOSITIONS.has(l) ||
    AUXILIARIES.has(l) ||
    MODALS.has(l) ||
    PRONOUNS.has(l) ||
    /^(?:and|or|but|not|also|than|then|there|here|when|where|while|who|which|what|whom|whose|as|so|if|because|although)$/.test(
      l,
    )
  );
}

function negated(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (NEGATION.has(tokens[k].lower)) return true;
    if (tokens[k].punct) return false;
  }
  return false;
}

/** `since 1997` dates a beginning that still holds; `from 2002 to 2014`, `until 9 a.m. Tuesday`. */
function roleOf(tokens: readonly Token[], first: number, last: number, cls: EventClass): DateRole {
  const prev = tokens[first - 1]?.lower;
  if (prev === 'since') return 'since';
  if (prev === 'until' || prev === 'till' || prev === 'by' || prev === 'before')
    return cls === 'expire' ? 'point' : 'until';
  if (prev === 'from' && /^(?:to|until|till|through)$/.test(tokens[last + 1]?.lower ?? '')) return 'start';
  // `between 1985 and 1987`: a period, from its first date to its second
  if (prev === 'between' && tokens[last + 1]?.lower === 'and' && tokens[last + 2]?.date >= 0) return 'start';
  if (prev === 'and' && tokens[first - 2]?.date >= 0) {
    let k = first - 2;
    while (k > 0 && tokens[k - 1].date === tokens[first - 2].date) k--;
    if (tokens[k - 1]?.lower === 'between') return 'end';
  }
  if (
    /^(?:to|until|till|through)$/.test(prev ?? '') &&
    tokens.slice(Math.max(0, first - 8), first).some((t) => t.lower === 'from')
  )
    return 'end';
  return 'point';
}

/**
 * A plan: a modal or a word of expectation governs the event (`will join`, `is expected to
 * join`, `plans to visit`); for a noun, a word of its own phrase says so (`the planned summit`,
 * `the summit set for April`, `the election due this September`). A modal that governs another
 * verb (`would appeal the decision`) leaves a noun as it is: the decision was made.
 */
function planned(tokens: readonly Token[], trigger: Trigger): boolean {
  const i = trigger.index;
  const clause = tokens[i].clause;
  if (trigger.word.pos === 'n') {
    for (let k = i - 1; k >= 0 && i - k <= 3 && tokens[k].clause === clause; k--) {
      const l = tokens[k].lower;
      if (PLAN_WORDS.has(l)) return true;
      if (DETERMINERS.has(l) || tokens[k].punct) break;
    }
    for (let k = i + 1; k < tokens.length && k - i <= 2; k++)
      if (PLAN_WORDS.has(tokens[k].lower)) return true;
    return false;
  }
  for (let k = i - 1; k >= 0 && i - k <= 6 && tokens[k].clause === clause; k--) {
    const l = tokens[k].lower;
    if (PLAN_WORDS.has(l) || POSSIBILITY.has(l)) return true;
    // `is to visit`: be + to + verb
    if (l === 'to' && AUXILIARIES.has(tokens[k - 1]?.lower ?? '')) return true;
    if (tokens[k].punct || tokens[k].entity >= 0) break;
  }
  return false;
}

/** A plan told as given up: `had been set to`, `was originally scheduled`, `previously planned`. */
function superseded(tokens: readonly Token[], trigger: Trigger): boolean {
  const i = trigger.index;
  const clause = tokens[i].clause;
  for (let k = i - 1; k >= 0 && i - k <= 6 && tokens[k].clause === clause; k--) {
    const l = tokens[k].lower;
    if (l === 'originally' || l === 'previously' || l === 'initially') return true;
    if (PLAN_WORDS.has(l) && tokens[k - 1]?.lower === 'been' && tokens[k - 2]?.lower === 'had') return true;
    if (tokens[k].punct) break;
  }
  return false;
}

/** The event word, or its clause, is in the past tense: `ended`, `was held`, `supported ... the end of`. */
function toldInThePast(tokens: readonly Token[], trigger: Trigger): boolean {
  const t = tokens[trigger.index];
  const past = (x: Token) =>
    /^(?:was|were|had|did)$/.test(x.lower) || (x.lower.length > 4 && x.lower.endsWith('ed') && !x.capital);
  if (trigger.word.pos === 'v')
    return past(t) || (t.lower !== trigger.word.lemma && !/(?:ing|s)$/.test(t.lower));
  return tokens.some((x) => x.clause === t.clause && x !== t && past(x));
}

/** Whether `value` (a TIMEX value) starts after the day `day` (YYYY-MM-DD). */
function startsAfter(value: string, day: string): boolean {
  const m = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(value);
  if (!m || /^\d{4}-(?:W|Q|H|SP|SU|FA|WI)/.test(value)) return false;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` > day;
}

/**
 * Who did it and to what. For a verb: the nearest participant before it in its clause (the
 * subject; for a relative clause, the name it follows: `Juanita Castro, who arrived`; in the
 * passive, the one after `by`) and the first after it (the object). For a noun: its possessor
 * (`Iraq's invasion`) or `by X`, and `of X` (`the bombing of the embassy`).
 */
function rolesOf(
  tokens: readonly Token[],
  trigger: Trigger,
  participants: readonly Participant[],
  speakers: ReadonlySet<number>,
  earlierPerson: (offset: number) => Participant | null,
): { subject: Participant | null; object: Participant | null; via?: number; passive?: boolean } {
  const i = trigger.index;
  const clause = tokens[i].clause;
  const entityAt = (k: number) => {
    const e = tokens[k]?.entity ?? -1;
    return e >= 0 && !speakers.has(e) ? participants[e] : null;
  };
  const t = tokens[i];
  const passive =
    trigger.word.pos === 'v' &&
    AUXILIARIES.has(tokens[i - 1]?.lower ?? '') &&
    /(?:ed|en|wn|un|ght)$|^(?:shot|found|met|sold|bought|held|made|won|slain|struck|hit|led|left|freed|born)$/.test(
      t.lower,
    );
  let before: Participant | null = null;
  let k = i - 1;
  for (const j of clauseBefore(tokens, i)) {
    k = j - 1;
    // `immigration authorities ruled`: the subject is no name
    if (j === i - 1 && isContentWord(tokens[j]) && !AUXILIARIES.has(tokens[j].lower)) break;
    // `Azerbaijan together with some Central European countries, joined`: a name after a
    // preposition is no subject
    if (tokens[j].entity >= 0 && afterPreposition(tokens, j)) continue;
    const e = entityAt(j);
    if (e) {
      before = e;
      break;
    }
    // `before he was shot`: he is the last person the text named
    if (tokens[j].lower === 'he' || tokens[j].lower === 'she') {
      before = lastPersonBefore(tokens, participants, j) ?? earlierPerson(tokens[j].start);
      break;
    }
  }
  // a relative clause's subject is the name before `who`/`which`
  if (!before && k >= 0 && /^(?:who|which|that)$/.test(tokens[k + 1]?.lower ?? '')) {
    let j = k;
    if (tokens[j]?.text === ',') j--;
    before = entityAt(j);
  }
  let after: Participant | null = null;
  let agent: Participant | null = null;
  for (let j = i + trigger.length; j < tokens.length && tokens[j].clause === clause && j - i <= 10; j++) {
    const e = entityAt(j);
    if (!e) continue;
    if (tokens[j - 1]?.lower === 'by') agent ??= e;
  }
  // the object: the name the verb takes (`joined [the PfP Planning and Review Process]`), not one
  // further on (`joined peace operations in [Afghanistan]`); `became a member of [X]`
  after = complementOf(tokens, i + trigger.length, entityAt);
  // where a journey goes: `traveled to Havana`, `arrived in the United States`
  let via: number | undefined;
  if (!after && MOTION.has(trigger.word.cls)) {
    const p = tokens[i + trigger.length];
    if (p && /^(?:to|in|at|into|for)$/.test(p.lower)) {
      after = complementOf(tokens, i + trigger.length + 1, entityAt);
      if (after) via = i + trigger.length;
    }
  }
  if (trigger.word.lemma === 'become member') {
    for (let j = i + 1; j < tokens.length && j - i <= 6; j++)
      if (tokens[j].lower === 'of') {
        after = complementOf(tokens, j + 1, entityAt);
        break;
      }
  }
  if (trigger.word.pos === 'n') {
    const prev = tokens[i - 1];
    // `Iraq's invasion`; where who acts matters, `the INS decision`
    let possessor = prev?.possessive || flagsOf(trigger.word.cls).who ? entityAt(i - 1) : null;
    // `Iraq ... after its 1991 invasion`: its is the last name before it
    let p = i - 1;
    while (p >= 0 && tokens[p].date >= 0) p--;
    if (!possessor && /^(?:its|his|her)$/.test(tokens[p]?.lower ?? '')) {
      for (let k = p - 1; k >= 0; k--) {
        const e = entityAt(k);
        if (e) {
          possessor = e;
          break;
        }
      }
    }
    const next = tokens[i + 1]?.lower ?? '';
    // a document is named before its noun (`the PfP agreement`); an act after it (`the bombing
    // of the embassy`, `participation in PARP`)
    const named = trigger.word.cls === 'agree' ? entityAt(i - 1) : null;
    // `admission of Azerbaijan to the council`, `Hungary's entry into NATO`: who joins, and what
    if (trigger.word.cls === 'join') {
      let joiner = possessor;
      let joined: Participant | null = null;
      let at: number | undefined;
      for (let j = i + 1; j < tokens.length && j - i <= 12 && tokens[j].clause === tokens[i].clause; j++) {
        if (tokens[j].lower === 'of' && !joiner) joiner = complementOf(tokens, j + 1, entityAt);
        if (/^(?:to|into|in)$/.test(tokens[j].lower) && !joined) {
          joined = complementOf(tokens, j + 1, entityAt);
          if (joined) at = j;
        }
      }
      return { subject: joiner, object: joined, ...(at !== undefined ? { via: at } : {}) };
    }
    const object =
      named ??
      (/^(?:of|to|into|against|on|at|in)$/.test(next) ? complementOf(tokens, i + 2, entityAt) : null);
    return { subject: possessor ?? agent, object, ...(object && !named ? { via: i + 1 } : {}) };
  }
  if (passive) return { subject: agent, object: before, passive: true };
  return { subject: before, object: after, ...(via ? { via } : {}) };
}

function lastPersonBefore(
  tokens: readonly Token[],
  participants: readonly Participant[],
  k: number,
): Participant | null {
  for (let j = k - 1; j >= 0; j--) {
    const e = tokens[j].entity;
    if (e >= 0 && participants[e].kind === 'person') return participants[e];
  }
  return null;
}

/**
 * The name a verb or a noun's preposition takes, within a few words: `the bombing of [a
 * Birmingham] clinic`, `joined [the PfP Planning and Review Process]`. Of a run of names the
 * last is the head (`the PfP Planning and Review Process (PARP)`: the process, not PfP).
 */
function complementOf(
  tokens: readonly Token[],
  from: number,
  entityAt: (k: number) => Participant | null,
): Participant | null {
  for (let k = from; k < tokens.length && k - from <= 4; k++) {
    const e = entityAt(k);
    if (e) {
      let head = e;
      let j = k + 1;
      for (; j < tokens.length; j++) {
        const next = entityAt(j);
        if (next) head = next;
        else if (!tokens[j].capital && tokens[j].text !== '(' && tokens[j].text !== ')') break;
      }
      // `at American embassies`, `of a Birmingham abortion clinic`: a place before a common noun
      // says where; what the event was done to is the embassy, not the country (an
      // organisation's noun is its own: `the end of the IHF operation`)
      return head.kind === 'place' && tokens[j] && isCommonNoun(tokens[j]) ? null : head;
    }
    const t = tokens[k];
    // `to its body, the North Atlantic Cooperation Council`: a name in apposition
    if (t.text === ',' && k > from) {
      const next = tokens[k + 1] && DETERMINERS.has(tokens[k + 1].lower) ? k + 2 : k + 1;
      return entityAt(next) ? complementOf(tokens, next, entityAt) : null;
    }
    if (
      t.punct ||
      t.lower === 'and' ||
      t.lower === 'or' ||
      AUXILIARIES.has(t.lower) ||
      PREPOSITIONS.has(t.lower)
    )
      return null;
  }
  return null;
}

/** A lower-case word that can head a noun phrase: not a function word, a verb, an adverb or a date. */
function isCommonNoun(t: Token): boolean {
  if (t.punct || t.capital || t.date >= 0 || t.entity >= 0 || t.lower.endsWith('ly')) return false;
  const l = t.lower;
  if (isFunctionWord(l) || l === 'nor' || NEGATION.has(l) || isVerbish(t)) return false;
  // a past form right after a name is its verb (`Kenya deplored`), not a noun it modifies
  return !/(?:ed)$/.test(l) && !PLAN_WORDS.has(l);
}

/** The noun phrase that starts at token `from`, as written: `the NATO-led operation`, `the North Atlantic Council`. */
function phraseAt(text: string, tokens: readonly Token[], from: number): string | undefined {
  const k = from;
  let end = -1;
  for (let j = k; j < tokens.length && j - k < 8; j++) {
    const t = tokens[j];
    if (t.date >= 0) break; // `the United States April 2`: the date is no part of the name
    // `Planning and Review Process`: a word of a name goes on
    const inName = t.capital && tokens[j - 1]?.capital && j > k;
    const joins = (t.lower === 'and' || t.lower === 'of') && tokens[j - 1]?.capital && tokens[j + 1]?.capital;
    if (
      !inName &&
      !joins &&
      (t.punct ||
        t.date >= 0 ||
        PREPOSITIONS.has(t.lower) ||
        AUXILIARIES.has(t.lower) ||
        t.lower === 'and' ||
        t.lower === 'that')
    )
      break;
    if (!t.capital && t.entity < 0 && eventWordsOf(t.lower)?.some((w) => w.pos === 'v')) break;
    end = j;
  }
  return end >= k ? text.slice(tokens[k].start, tokens[end].end).replace(/\s+/g, ' ') : undefined;
}

/** Whether the name at token `j` stands after a preposition (`with some Central European countries`). */
function afterPreposition(tokens: readonly Token[], j: number): boolean {
  const e = tokens[j].entity;
  let k = j;
  while (k > 0 && tokens[k - 1].entity === e) k--;
  for (let p = k - 1; p >= 0 && k - p <= 3; p--) {
    if (PREPOSITIONS.has(tokens[p].lower)) return true;
    if (tokens[p].punct || tokens[p].entity >= 0 || AUXILIARIES.has(tokens[p].lower)) return false;
  }
  return false;
}

/** The person the sentence named last before token `k` (for `he`, `she`). */
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
        const { context } = contextOf(r.tokens, trigger, i, i);
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

/** The person the text named last before `offset` (for a `he` that opens a sentence). */
function lastPersonNamed(names: readonly NameMention[], offset: number): Participant | null {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  const n = names[lo - 1];
  return n
    ? { key: personKeyAt(names, lo - 1), kind: 'person', label: n.text, start: n.start, end: n.end }
    : null;
}
