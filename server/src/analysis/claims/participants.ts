// Who and what a sentence speaks of: people (from the people recogniser), acronyms and their
// long forms, places (countries, their adjectives, capitals, `City, Country`), and other
// capitalised names (organisations, named events and documents: `the Madrid summit`,
// `the Riga Declaration`). Each gets a key that is the same in every document: the corpus index
// maps people and long forms to their entities on top of it.
import { foldName } from '../people';
import { isUpperCode, isWordCode } from '../characters';
import type { AcronymMention, NameMention, Span } from '../types';
import { isCommonWord } from './commonWords';
import { cityIn, placeOf } from './places';

export type ParticipantKind = 'person' | 'acronym' | 'place' | 'name';

export interface Participant extends Span {
  /** `person:hasanov`, `acronym:parp`, `place:KE`, `place:KE/nairobi`, `name:riga declaration`. */
  key: string;
  kind: ParticipantKind;
  /** As written, for messages. */
  label: string;
  /** For a city, its country's key (`place:KE`): part of the whole the country names. */
  within?: string;
}

// Capitalised words that are not names of anything: function words and sentence adverbs that
// open a sentence, titles before a name, weekdays and months (dates are recognised apart).
const NOT_NAMES = new Set(
  (
    'the a an in on at by of for from to with and or but as during since after before when while this that ' +
    'these those it its his her their our we he she they there here thanks furthermore however moreover also ' +
    'earlier later then president minister secretary general deputy chairman head director ambassador special ' +
    'representative envoy commander chief colonel foreign defence defense prime bilateral brief within unlike ' +
    'hence along rise national international military mr mrs ms dr sir finally meanwhile still yet instead ' +
    'indeed similarly besides thus let surely building if although though once despite because according ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'yesterday today tomorrow last next new old i you what who which where why how no not all some many ' +
    'commissioner governor senator judge justice attorney mayor spokesman spokeswoman officer king queen ' +
    'prince chancellor premier pope sheikh lieutenant captain major admiral sergeant inspector agent'
  ).split(' '),
);

// Lower-case particles inside a place or organisation name: `Dar es Salaam`, `Bosnia and
// Herzegovina`, `Banque de France`.
const PHRASE =
  /\p{Lu}[\p{L}'’`.-]*(?:(?:\s+(?:of|and|for|the|de|du|des|da|es|el|al|la|le|van|von|der)\s+|\s+)\p{Lu}[\p{L}'’`.-]*)*/gu;

export interface ParticipantInput {
  text: string;
  names: readonly NameMention[];
  acronyms: readonly AcronymMention[];
}

export interface NameReading {
  /** Spans that are something else already (dates). */
  taken: readonly Span[];
  /** Whether the text writes a word in lower case too (a capital that only opens the sentence is then no name). */
  ordinaryWord: (lower: string) => boolean;
  /** Whether the text capitalises a word inside a sentence (a name). */
  capitalisedInside: (word: string) => boolean;
}

/**
 * The participants of `sentence`, sorted by start: its people and acronyms, and, given `names`,
 * its places and other capitalised names. `n0`, `a0`: the first name and acronym at or after
 * the sentence's start.
 */
export function participantsIn(
  input: ParticipantInput,
  sentence: Span,
  n0: number,
  a0: number,
  names: NameReading | null,
): Participant[] {
  const out: Participant[] = [];
  const { text } = input;
  for (let i = n0; i < input.names.length && input.names[i].start < sentence.end; i++) {
    const name = input.names[i];
    out.push({
      key: personKeyAt(input.names, i),
      kind: 'person',
      label: name.text,
      start: name.start,
      end: name.end,
    });
  }
  for (let i = a0; i < input.acronyms.length && input.acronyms[i].start < sentence.end; i++) {
    const a = input.acronyms[i];
    const place = placeOf(a.text);
    out.push(
      place
        ? { key: place.key, kind: 'place', label: a.text, start: a.start, end: a.end }
        : { key: 'acronym:' + a.key, kind: 'acronym', label: a.text, start: a.start, end: a.end },
    );
  }
  if (!names) return out;
  return withNames(text, sentence, out, names, phrasesBySpaces(text, sentence));
}

/** A capitalised word, or a run of them (`Dar es Salaam`), as [start, end] in the text. */
export type Phrase = [number, number];

/**
 * The participants `known` (people, acronyms) with the places and other names of `phrases`
 * (runs of capitalised words) added, sorted by start.
 */
export function withNames(
  text: string,
  sentence: Span,
  known: readonly Participant[],
  names: NameReading,
  phrases: readonly Phrase[],
): Participant[] {
  const out = [...known];
  const { taken, ordinaryWord, capitalisedInside } = names;
  const busy = [...taken, ...known].sort((x, y) => x.start - y.start);
  const opening = firstWordStart(text, sentence);
  for (const [from, to] of phrases) {
    const raw = text.slice(from, to);
    for (const [start, phrase] of namesInPhrase(raw, from)) {
      const end = start + phrase.length;
      if (NOT_NAMES.has(phrase.toLowerCase())) continue;
      // `Immigration and Naturalization Service Commissioner [Doris Meissner]`, `[U.S.]
      // Immigration and Naturalization Service`: the parts beside a name or date the
      // recognisers found are names of their own
      if (firstOverlap(busy, start, end) >= 0) {
        for (const [at, part] of outside(busy, phrase, start)) {
          if (!part.includes(' ') && (NOT_NAMES.has(part.toLowerCase()) || ordinaryWord(part.toLowerCase())))
            continue;
          out.push(nameOrPlace(part, at));
        }
        continue;
      }
      if (placeOf(phrase)) {
        out.push(nameOrPlace(phrase, start));
        continue;
      }
      if (!phrase.includes(' ')) {
        // a capital that only opens the sentence (`Suspected car bombs ...`, `Nearly 200 ...`)
        // is a name only where the text capitalises the word inside a sentence too; a common
        // noun capitalised in a name (`the U.S. Embassy`) that the text writes in lower case
        // is no name
        // unless it is no common English word (`Novak stepped down`, `Lagarde became president`)
        if (start === opening && !capitalisedInside(phrase) && !openingName(phrase)) continue;
        if (ordinaryWord(phrase.toLowerCase()) && !capitalisedInside(phrase)) continue;
      }
      out.push({ key: 'name:' + nameKey(phrase), kind: 'name', label: phrase, start, end });
    }
  }
  out.sort((x, y) => x.start - y.start);
  placeCitiesInCountries(text, out);
  return out;
}

/** A word that opens a sentence and is a name all the same: written as one, and no common word. */
function openingName(word: string): boolean {
  // `Novak`, not `NOVAK` (a heading) nor `Al` (too short to tell)
  if (word.length < 3 || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  return !isCommonWord(word.toLowerCase());
}

/** Runs of capitalised words in a sentence, found by the PHRASE pattern (for callers without tokens). */
function phrasesBySpaces(text: string, sentence: Span): Phrase[] {
  const out: Phrase[] = [];
  PHRASE.lastIndex = sentence.start;
  for (let m = PHRASE.exec(text); m && m.index < sentence.end; m = PHRASE.exec(text))
    out.push([m.index, Math.min(sentence.end, m.index + m[0].length)]);
  return out;
}

/**
 * The names in a capitalised phrase, with their offsets: leading and trailing function words
 * and titles dropped (`The Hungarian` → `Hungarian`), and a list split at `and` unless the whole
 * is one known place (`Kenya and Tanzania` → two; `Bosnia and Herzegovina` → one).
 */
function namesInPhrase(raw: string, at: number): [number, string][] {
  // most phrases are one word (`Kenya`, `Clinton`): nothing to split or trim
  if (!/\s/.test(raw)) {
    const word = raw.replace(/['’`]s$/u, '').replace(/[.-]+$/, '');
    return word ? [[at, word]] : [];
  }
  const cleaned = raw.replace(/['’`]s$/u, '').replace(/[.-]+$/, '');
  // a list of places splits at `and`; `Immigration and Naturalization Service` does not
  const parts = cleaned.split(/\s+and\s+/);
  // a place is kept whole (`New Jersey`, not `Jersey`, though `new` opens no name)
  if (placeOf(cleaned)) return [[at, cleaned]];
  if (parts.length < 2 || !parts.some((x) => placeOf(x))) return trimmed(cleaned, at, raw);
  const out: [number, string][] = [];
  let offset = 0;
  for (const part of cleaned.split(/(\s+and\s+)/)) {
    if (/^\s+and\s+$/.test(part)) {
      offset += part.length;
      continue;
    }
    const words = part.split(/\s+/);
    let start = at + offset;
    while (words.length > 1 && NOT_NAMES.has(words[0].toLowerCase())) {
      start += words[0].length;
      words.shift();
      while (/\s/.test(raw[start - at] ?? '')) start++;
    }
    while (words.length > 1 && NOT_NAMES.has(words[words.length - 1].toLowerCase())) words.pop();
    const phrase = words.join(' ');
    if (phrase && raw.slice(start - at, start - at + phrase.length) === phrase) out.push([start, phrase]);
    offset += part.length;
  }
  return out;
}

/** A name without the function words and titles around it (`The Hungarian` → `Hungarian`). */
function trimmed(phrase: string, at: number, raw: string): [number, string][] {
  const words = phrase.split(/\s+/);
  let start = at;
  while (words.length > 1 && NOT_NAMES.has(words[0].toLowerCase())) {
    start += words[0].length;
    words.shift();
    while (/\s/.test(raw[start - at] ?? '')) start++;
  }
  while (words.length > 1 && NOT_NAMES.has(words[words.length - 1].toLowerCase())) words.pop();
  const out = words.join(' ');
  return out && raw.slice(start - at, start - at + out.length) === out ? [[start, out]] : [];
}

/** `Dar es Salaam, Tanzania`: a name followed by a country is a city in that country. */
function placeCitiesInCountries(text: string, list: Participant[]): void {
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i];
    const b = list[i + 1];
    // a capital of one country named with another's region is a city of the other (`Hamilton, Ontario`)
    const otherCapital =
      a.kind === 'place' && a.within && b.kind === 'place' && a.within !== countryOfKey(b.key);
    if ((a.kind !== 'name' && !otherCapital) || b.kind !== 'place') continue;
    if (!/^,\s*$/.test(text.slice(a.end, b.start))) continue;
    // `Dar es Salaam, Tanzania,` or `... Tanzania.`; not `East Africa, U.S. forces`
    if (!/^(?:\s*[,.;:)]|\s*$|\s+(?:and|or)\b)/.test(text.slice(b.end, b.end + 6))) continue;
    const city = cityIn(a.label, { key: b.key, country: b.key, name: b.label });
    list[i] = { ...a, key: city.key, kind: 'place', within: countryOfKey(b.key) };
  }
}

/** The parts of `phrase` (at `start`) outside `spans`, each trimmed of function words and titles. */
function outside(spans: readonly Span[], phrase: string, start: number): [number, string][] {
  const out: [number, string][] = [];
  let from = start;
  const end = start + phrase.length;
  const take = (to: number) => {
    const piece = phrase.slice(from - start, to - start);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim().replace(/[.,-]+$/, '');
    if (text && /\p{Lu}/u.test(text[0])) out.push(...trimmed(text, from + lead, text));
  };
  for (const s of spans) {
    if (s.end <= from) continue;
    if (s.start >= end) break;
    if (s.start > from) take(s.start);
    from = Math.max(from, s.end);
  }
  if (from < end) take(end);
  return out;
}

/** Where the first of `spans` (sorted) that overlaps [start, end) begins, or -1. */
function firstOverlap(spans: readonly Span[], start: number, end: number): number {
  for (const s of spans) {
    if (s.start >= end) break;
    if (s.end > start) return Math.max(start, s.start);
  }
  return -1;
}

function nameOrPlace(phrase: string, start: number): Participant {
  const end = start + phrase.length;
  const place = placeOf(phrase);
  if (place)
    return {
      key: place.key,
      kind: 'place',
      label: phrase,
      start,
      end,
      ...(place.key !== place.country ? { within: place.country } : {}),
    };
  return { key: 'name:' + nameKey(phrase), kind: 'name', label: phrase, start, end };
}

/** Where the sentence's first word starts, past a ` date 2022-04-29` header before it. */
function firstWordStart(text: string, sentence: Span): number {
  let i = sentence.start;
  HEADER.lastIndex = i;
  if (HEADER.test(text)) i = HEADER.lastIndex;
  while (i < sentence.end && !isWordCode(text.charCodeAt(i))) i++;
  return i;
}
const HEADER = /\s*date \d{4}-\d\d-\d\d\s*/y;

/**
 * `person:gonzalez|lazaro`: a person by surname and, where this text gives them (here or in
 * the fuller mention a bare surname stands for), given names; `person:gonzalez` when it does not.
 */
export function personKey(name: NameMention, names: readonly NameMention[]): string {
  const full = name.given.length > 0 ? name : (names[name.fullRef] ?? name);
  let given = '';
  for (const g of full.given) if (!isInitial(g)) given += (given ? ' ' : '') + foldName(g);
  return 'person:' + foldName(name.surname) + (given ? '|' + given : '');
}

/** `J`, `J.`: an initial, which one text writes and another does not. */
function isInitial(g: string): boolean {
  return (g.length === 1 || (g.length === 2 && g.charCodeAt(1) === 46)) && isUpperCode(g.charCodeAt(0));
}

/**
 * `personKey` of `names[i]`, remembered for the list: claims ask it of the same mentions from
 * every sentence that names them, and of all of them for the text's topic.
 */
export function personKeyAt(names: readonly NameMention[], i: number): string {
  let keys = personKeys.get(names);
  if (!keys) personKeys.set(names, (keys = new Array<string | undefined>(names.length)));
  return (keys[i] ??= personKey(names[i], names));
}
const personKeys = new WeakMap<readonly NameMention[], (string | undefined)[]>();

/** Whether two participant keys name one participant: equal, or one person named more fully than the other. */
export function sameParticipant(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a.startsWith('person:') || !b.startsWith('person:')) return false;
  const [sa, ga] = a.split('|');
  const [sb, gb] = b.split('|');
  return sa === sb && (!ga || !gb);
}

/** `the Riga Declaration's` and `Riga Declaration`: one key. */
export function nameKey(phrase: string): string {
  return foldName(phrase).replace(/^the /, '').replace(/\s+/g, ' ');
}

/** `place:CA/ontario` → `place:CA`. */
function countryOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}
