// Whether two claims state the same fact, in whatever words. They must share the event's class,
// whether it is reported or planned, and the date's role; then the evidence must add up:
//   - the same specific participant (a person, an organisation or programme, a named event or
//     document) weighs most; a country or a city weighs less, and one shared country is never
//     enough (two different events happen in every country);
//   - content words of the clause (`embassy`, `rifle`, `inner tube`) add to it;
//   - a part and its whole compare (`Nairobi` and `Kenya`); two parts do not (two cities);
//   - for a saying, only the same speaker saying much the same thing is one fact;
//   - where the subject matters (who joined, signed, ruled, condemned), two subjects that
//     differ are two facts, whatever else is shared.
import { sameParticipant, type Claim } from '../claims';
import { GENERIC_WORDS, stem } from '../claims/words';
import { flagsOf, type EventClass } from '../claims/eventWords';
import { classifyLowerTitleWord, WordClass } from '../nameLexicon';
import { compatible, gapInDays, intervalOf, spanning, type Interval } from './intervals';

export interface ClaimRef {
  doc: string;
  claim: Claim;
}

/** Maps a participant key to its corpus-wide identity (`name:north atlantic ...` → `acronym:nato`). */
export type Canon = (key: string) => string;

/** A claim read for comparison (kept by the caller while identities hold). */
export interface Prepared {
  ref: ClaimRef;
  /** Tells prepared claims apart in memo keys. */
  serial: number;
  cls: EventClass;
  subject: string | null;
  object: string | null;
  /** People, organisations, programmes, named things: canonical keys, sorted. */
  specific: string[];
  /** Places as written (`place:KE`, `place:KE/nairobi`), sorted. */
  places: string[];
  content: string[];
  /** What the source as a whole is about (canonical keys, sorted). */
  topic: string[];
  interval: Interval | null;
  /** What the claim says, without its date: claims alike (one paragraph reprinted) share it. */
  what: string;
}

let serials = 0;

export function prepare(ref: ClaimRef, canon: Canon): Prepared {
  const c = ref.claim;
  const specific = new Set<string>();
  const places = new Set<string>();
  const content = new Set(c.content);
  for (const p of c.participants) {
    if (p.kind === 'place') places.add(p.key);
    else specific.add(canon(p.key));
    // the words of a name (`Immigration and Naturalization Service`) say what it is about,
    // as `immigration authorities` does
    if (p.kind === 'name' && p.label.includes(' ')) for (const w of nameWords(p.label)) content.add(w);
  }
  const subject = c.subject ? canon(c.subject.key) : null;
  const object = c.object ? canon(c.object.key) : null;
  // who did it and to whom take part too, wherever in the sentence they were named
  for (const role of [c.subject, c.object])
    if (role)
      (role.kind === 'place' ? places : specific).add(role.kind === 'place' ? role.key : canon(role.key));
  const p = {
    ref,
    cls: c.event,
    subject,
    object,
    specific: [...specific].sort(),
    places: [...places].sort(),
    content: [...content].sort(),
    topic: topicOf(c.topic, canon),
    // a range's start or end is compared as itself (`between 1985 and 1987` began in 1985); a
    // date that is one of a list of the kind is the whole span (`in 1994 and 1997`)
    interval:
      c.rangeWith && c.role !== 'start' && c.role !== 'end'
        ? spanning(intervalOf(c.value), intervalOf(c.rangeWith))
        : intervalOf(c.value),
  };
  // a kind of event that recurs, told in the same words a season apart, is two occasions
  const when =
    flagsOf(c.event).once || !p.interval || p.interval.kind !== 'days'
      ? ''
      : String(Math.floor(p.interval.lo / RECURRING_GAP_DAYS));
  // a claim with nothing of its own to tell it apart is alike only with the same story's
  // (the same sentence reprinted), never with a bare sentence of another story
  const bare = p.specific.length + p.places.length === 0 && p.content.length < 2;
  const what = [
    bucketOf(c),
    when,
    bare ? p.topic.join('+') || `${ref.doc}@${c.span.start}` : '',
    c.lemma,
    subject ?? '',
    object ?? '',
    p.specific.join('+'),
    p.places.join('+'),
    p.content.join('+'),
    c.repeated ? 'r' : '',
  ].join('|');
  return { ...p, what, serial: ++serials };
}

/** Claims are compared only within a bucket: the same class, report or plan, and role of the date. */
export function bucketOf(claim: Claim): string {
  const role = claim.role === 'since' ? 'point' : claim.role;
  return `${claim.event}|${claim.plan ? 'plan' : 'report'}|${role}`;
}

const SPECIFIC_WEIGHT = 3;
const PLACE_WEIGHT = 1.5;
const CONTENT_WEIGHT = 1;
/** Each person or acronym two sources are both about, up to two, where the claims share something of their own. */
const TOPIC_WEIGHT = 1.5;
const MAX_TOPIC = 2;
const LEMMA_WEIGHT = 1;
/** What two claims that each name a different place or thing lose. */
const UNSHARED_NAMES = 2;
/** Evidence a fact that happens once needs; a kind of event that recurs needs more. */
const ONCE_EVIDENCE = 3;
const RECURRING_EVIDENCE = 4;
/** A saying is one fact when the same speaker says this much of the same (Jaccard of words). */
const SPEECH_OVERLAP = 0.5;
/** Two sayings this alike are one sentence printed twice. */
const REPRINT_OVERLAP = 0.8;
/**
 * Two dates of a kind of event that recurs (a meeting, a visit, a rally, a saying) this far
 * apart are two occasions, not one dated twice.
 */
const RECURRING_GAP_DAYS = 31;
/** Plans for one occasion, made this far apart, are a plan that changed, not sources that disagree. */
const PLAN_GAP_DAYS = 31;
const DEADLINE_DAYS = 7;
/** Kinds of event told of many things in one story (beginnings, ends, deadlines, births): the thing must be shared. */
const NEEDS_ITS_OWN = new Set(['start', 'end', 'expire', 'born']);
/** Gatherings and what begins or ends in one place: two places, two of them. */
const HELD_IN_ONE_PLACE = new Set<EventClass>(['meet', 'start', 'end']);
/** Taking up an office and leaving it: which office, and of what, tells one from another. */
const OFFICE_CLASSES = new Set<EventClass>(['appoint', 'nominate', 'inaugurate', 'resign']);
/** Events that happen to a person once: the person attacked or killed makes it one fact. */
const ONCE_TO_A_PERSON = new Set(['attack', 'die', 'born']);

/**
 * Whether two claims can be one fact at all, whatever else they share: who did it (where the
 * kind of event says it matters) and what it was done to agree where both name them alike (two
 * people, two organisations). A person and a country (`King Hussein`, `the Jordanian
 * monarch`) are not told apart here. A fact's claims must all be able to be one with each other.
 */
export function canBeOne(a: Prepared, b: Prepared): boolean {
  // (a name and a longer one that holds it are one: `the Republic of Ostravia`, `Ostravia`)
  const differ = (x: string | null, y: string | null) =>
    !!x &&
    !!y &&
    kindGroup(x) === kindGroup(y) &&
    !sameParticipant(x, y) &&
    !partOf(x, y) &&
    !partOf(y, x) &&
    !nameWithin(x, y);
  if (flagsOf(a.cls).who && differ(a.subject, b.subject)) return false;
  return !differ(a.object, b.object);
}

export function sameFact(a: Prepared, b: Prepared): boolean {
  if (a.what === b.what) return true;
  if (a.cls !== b.cls) return false;
  const flags = flagsOf(a.cls);
  const ca = a.ref.claim;
  const cb = b.ref.claim;
  if (ca.repeated || cb.repeated) return false;
  // who did it must agree; a person and a country (`King Hussein`, `the Jordanian monarch`) are
  // not told apart here, two people or two organisations are
  if (!canBeOne(a, b)) return false;
  // a birth is one person's: two births in one city, of people not both named, are two
  if (a.cls === 'born' && !samePersonInvolved(a, b)) return false;
  // an office is one office: one person taking up or leaving two (`managing director of the
  // IMF`, `president of the ECB`; `chairman`, `chief executive`) is two facts
  if (OFFICE_CLASSES.has(a.cls) && !sameOffice(a, b)) return false;
  if (ca.plan && ca.written && cb.written && daysBetween(ca.written, cb.written) > PLAN_GAP_DAYS)
    return false;
  // the person killed names the killing: one side's victim, named on the other side too
  const victim = (x: Prepared, y: Prepared) =>
    !!x.object && x.object.startsWith('person:') && shares(y.specific, x.object);
  const onceToAPerson = ONCE_TO_A_PERSON.has(a.cls) && (victim(a, b) || victim(b, a));
  // a beginning or an end of one named thing happens once (`the end of the ISAF operation`)
  // (told without an object, `COP28 closed on Tuesday`, what ended is the subject)
  const onceForIt = (a.cls === 'start' || a.cls === 'end') && !!thingOf(a) && thingOf(a) === thingOf(b);
  const once = flags.once || onceToAPerson || onceForIt;
  if (!once && gapInDays(a.interval, b.interval) > RECURRING_GAP_DAYS) return false;
  // deadlines a week apart are two deadlines (or one moved: a plan that changed)
  if (a.cls === 'expire' && gapInDays(a.interval, b.interval) > DEADLINE_DAYS) return false;
  if (flags.speech) {
    const words = jaccard([...a.content, ...a.specific], [...b.content, ...b.specific]);
    // the same sentence reprinted, speaker named or not; else the same speaker saying the same
    if (words >= REPRINT_OVERLAP) return !a.subject || !b.subject || sameParticipant(a.subject, b.subject);
    if (!a.subject || !b.subject || !sameParticipant(a.subject, b.subject)) return false;
    return words >= SPEECH_OVERLAP;
  }
  // rallies and protests happen every week in the same places with the same words: only a
  // retelling in much the same words is the same one
  if (a.cls === 'rally')
    return jaccard([...a.content, ...a.specific], [...b.content, ...b.specific]) >= SPEECH_OVERLAP;
  const specific = countSharedParticipants(a.specific, b.specific);
  const place = placeEvidence(a.places, b.places, HELD_IN_ONE_PLACE.has(a.cls));
  if (place < 0) return false;
  const content = countShared(a.content, b.content);
  // the same word for it (`found` and `found`, not `found` and `rescued`) is a little more
  const lemma = ca.lemma === cb.lemma ? LEMMA_WEIGHT : 0;
  const local = SPECIFIC_WEIGHT * specific + PLACE_WEIGHT * place + CONTENT_WEIGHT * content;
  // two sources about the same story (the same people, the same organisations) lend each
  // other's claims some weight, but only where the claims share something of their own, and, for
  // what happens once, someone or something named (one story tells of many joinings by one
  // country, years apart; of a recurring kind, the dates are close)
  const sharedTopic =
    local > 0 && (!once || specific > 0) ? Math.min(MAX_TOPIC, countSharedParticipants(a.topic, b.topic)) : 0;
  // each side names where or what (`Birmingham`, `Vancouver`) and they name nothing in common:
  // two events, however alike the words
  const apart = specific === 0 && place <= 0 && names(a) > 0 && names(b) > 0 ? UNSHARED_NAMES : 0;
  const score = local + lemma + TOPIC_WEIGHT * sharedTopic - apart;
  if (score < (once ? ONCE_EVIDENCE : RECURRING_EVIDENCE)) return false;
  // one shared country, and nothing else, is never enough; in one story (two people or
  // organisations both sources are about) it may be
  // (not for a beginning or an end, which need to share what began or ended)
  // a deadline in the same story within days of another is that deadline
  const nearDeadline = a.cls === 'expire' && gapInDays(a.interval, b.interval) <= DEADLINE_DAYS;
  // (only for a kind of event that recurs, whose dates must then be close: a country joins many
  // things in one story, years apart)
  const story = !once && place > 0 && sharedTopic >= MAX_TOPIC && (!NEEDS_ITS_OWN.has(a.cls) || nearDeadline);
  return specific > 0 || content > 0 || place >= 2 || story;
}

/**
 * Shared places, one country at most once: a city or country both name counts one; a city and
 * the country it is in count half (part and whole: a bombing in Nairobi is part of bombings in
 * Kenya); cities of one country that differ, with nothing else shared, are two parts of it (-1:
 * not the same fact).
 */
function placeEvidence(a: readonly string[], b: readonly string[], heldInOnePlace: boolean): number {
  const byCountry = new Map<string, number>();
  let partsOfOne = false;
  for (const x of a) {
    for (const y of b) {
      const country = countryOf(x);
      if (country !== countryOf(y)) continue;
      let weight = 0;
      if (x === y) weight = 1;
      else if (x.includes('/') && y.includes('/')) {
        // two places inside one country: the same region (`N.Y.` in both) is still a part
        if (!x.startsWith(y + '/') && !y.startsWith(x + '/')) partsOfOne = true;
        else weight = 0.5;
      } else weight = 0.5;
      byCountry.set(country, Math.max(byCountry.get(country) ?? 0, weight));
    }
  }
  let shared = 0;
  for (const w of byCountry.values()) shared += w;
  // two parts of one country; or, for a gathering, places on both sides in no country in
  // common (`the summit in Brussels`, `the Lisbon summit`): it is held in one place (elsewhere a
  // place may be incidental: `the shooting ... the suspect may have fled to Mexico`)
  return shared === 0 && (partsOfOne || (heldInOnePlace && a.length > 0 && b.length > 0)) ? -1 : shared;
}

/** A place inside another (`place:KE/nairobi` in `place:KE`): a bombing in Nairobi is one in Kenya. */
function partOf(x: string, y: string): boolean {
  return x.startsWith('place:') && x.startsWith(y + '/');
}

function countryOf(place: string): string {
  const slash = place.indexOf('/');
  return slash < 0 ? place : place.slice(0, slash);
}

function countShared(a: readonly string[], b: readonly string[]): number {
  // both sorted
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** How many names of places or things (not people or acronyms) a claim has. */
function names(p: Prepared): number {
  let n = p.places.filter((x) => x.includes('/')).length;
  for (const k of p.specific) if (k.startsWith('name:')) n++;
  return n;
}

function kindOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** People, places, and organisations (acronyms and other names): what a subject or an object can be told apart within. */
function kindGroup(key: string): string {
  const kind = kindOf(key);
  return kind === 'acronym' || kind === 'name' ? 'org' : kind;
}

/**
 * Participants two lists share, a person named in full meeting the same person by surname
 * alone, and a name meeting a longer one that holds it (`Pan Am`, `Pan Am Flight 103`).
 */
function countSharedParticipants(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const x of a)
    if (b.some((y) => sameParticipant(x, y) || nameWithin(x, y) || surnameAlone(x, y) || surnameAlone(y, x)))
      n++;
  return n;
}

/**
 * A person and a lone capitalised word that is their surname (`person:novak|jan`, `name:novak`):
 * one person. A surname that opens a sentence, in a text that names nobody in full, is read as a
 * name, not a person (`Novak stepped down on Monday`).
 */
function surnameAlone(person: string, name: string): boolean {
  if (!person.startsWith('person:') || !name.startsWith('name:') || name.includes(' ')) return false;
  const bar = person.indexOf('|');
  return (bar < 0 ? person.slice(7) : person.slice(7, bar)) === name.slice(5);
}

function nameWithin(x: string, y: string): boolean {
  if (!x.startsWith('name:') || !y.startsWith('name:')) return false;
  const [short, long] = x.length < y.length ? [x.slice(5), y.slice(5)] : [y.slice(5), x.slice(5)];
  return short.length >= 4 && (long.startsWith(short + ' ') || long.endsWith(' ' + short));
}

/** What began or ended: the object, or the subject of a verb that takes none (`the summit closed`). */
function thingOf(p: Prepared): string | null {
  if (p.object) return p.object;
  // (a place or a person does not begin or end: `the pact between the EU and Japan took effect`)
  return p.ref.claim.intransitive && p.subject && kindGroup(p.subject) === 'org' ? p.subject : null;
}

/**
 * Whether two claims about an office can be about one office: where both name an organisation,
 * they share one; where both name an office (`chairman`, `governor`), they share one.
 */
function sameOffice(a: Prepared, b: Prepared): boolean {
  const orgs = (p: Prepared) => p.specific.filter((k) => kindGroup(k) === 'org');
  const [oa, ob] = [orgs(a), orgs(b)];
  if (oa.length > 0 && ob.length > 0 && countSharedParticipants(oa, ob) === 0) return false;
  const offices = (p: Prepared) => p.content.filter((w) => classifyLowerTitleWord(w) === WordClass.Office);
  const [fa, fb] = [offices(a), offices(b)];
  return fa.length === 0 || fb.length === 0 || fa.some((w) => fb.includes(w));
}

/**
 * Whether two claims name one person as who did it or to whom it happened: the same person, or
 * a person and a lone name that is their surname (see `surnameAlone`).
 */
function samePersonInvolved(a: Prepared, b: Prepared): boolean {
  for (const x of [a.subject, a.object])
    for (const y of [b.subject, b.object]) {
      if (!x || !y) continue;
      if (x === y ? kindOf(x) !== 'place' : sameParticipant(x, y) || surnameAlone(x, y) || surnameAlone(y, x))
        return true;
    }
  return false;
}

export function shares(list: readonly string[], key: string): boolean {
  return list.some((k) => sameParticipant(k, key));
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  const union = sa.size + sb.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** Whether two prepared claims' dates can both be right. */
export function agree(a: Prepared, b: Prepared): boolean {
  return compatible(a.interval, b.interval);
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** A source's topic in canonical keys, made once per source (its claims share the array). */
const topics = new WeakMap<readonly string[], string[]>();
function topicOf(topic: readonly string[], canon: Canon): string[] {
  let out = topics.get(topic);
  if (!out) topics.set(topic, (out = [...new Set(topic.map(canon))].sort()));
  return out;
}

/** The lower-cased content words of a name of several words, as claims' content words are made. */
function nameWords(label: string): string[] {
  return label
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w) && !/^(?:of|and|for|the|with)$/.test(w))
    .map(stem);
}
