// Claims: what a sentence says happened, and when. `Azerbaijan joined PARP in 1997` is the
// claim {event: join, object: PARP, participants: Azerbaijan, PARP; date: 1997}. Two
// sources disagree when they make the same claim with incompatible dates (conflicts.ts).
//
// The grammar is shallow on purpose: a date is tied to the nearest event word in its
// clause, the participants are the entities of that clause (and of a `when` clause that
// explains it), and the object is the head of the first run of entities after the event
// word. That is enough to tell `joined the PfP` from `participation in the PfP Planning and
// Review Process (PARP)`, and the meeting with Hasanov from the meeting with Aliyev.
import { foldName } from './people';
import type { AcronymMention, DateMention, DateMod, NameMention, Span } from './types';

export type EventClass =
  | 'join'
  | 'start'
  | 'end'
  | 'sign'
  | 'succeed'
  | 'adopt'
  | 'appoint'
  | 'invade'
  | 'sell'
  | 'visit'
  | 'meet'
  | 'attend';

/** Events that happen once for given participants; the others (visits, meetings) recur. */
const ONCE: ReadonlySet<EventClass> = new Set([
  'join',
  'start',
  'end',
  'sign',
  'succeed',
  'adopt',
  'invade',
  'sell',
]);

export interface Participant {
  /** `acronym:parp`, `person:hasanov` (folded surname), `name:azerbaijan` (a capitalised phrase). */
  key: string;
  /** As written, for messages. */
  label: string;
  start: number;
}

export interface Claim {
  /** Index of the dating mention in the document's `dates`. */
  date: number;
  span: Span;
  value: string;
  mod?: DateMod;
  /** The other end of a range this date belongs to (`between 1985 and 1987`): one interval. */
  rangeWith?: string;
  event: EventClass;
  /** What started or ended when no entity names it: relations, cooperation, operation, ... */
  thing: string;
  object: Participant | null;
  subject: Participant | null;
  participants: Participant[];
  sentence: Span;
  /** `for the second time`, `once again`: the text itself says this is another occurrence. */
  repeated: boolean;
}

export function isOnceOnly(event: EventClass): boolean {
  return ONCE.has(event);
}

/** Longer than this, a 'sentence' is a run of text without punctuation; we do not read it. */
const MAX_SENTENCE = 2000;

/** An event word farther than this many words from the date is not what the date dates. */
const MAX_TRIGGER_DISTANCE = 12;

// Event words, lower-case. Multi-word triggers are matched on their first word.
const TRIGGERS: ReadonlyMap<string, EventClass> = new Map([
  ...words('join joined joins joining admission admitted accession acceded membership', 'join'),
  ...words(
    'start started starts starting began begin begins begun beginning launch launched launching ' +
      'establish established establishment founded foundation formation formed created creation inception ' +
      'dates date',
    'start',
  ),
  ...words('end ended ends ending concluded conclusion completed completion terminated', 'end'),
  ...words('sign signed signs signing signature', 'sign'),
  ...words('succeeded replaced transformed renamed', 'succeed'),
  ...words('adopted adoption ratified ratification approved enacted passed', 'adopt'),
  ...words('appointed appointment elected election named', 'appoint'),
  ...words('invaded invasion annexed annexation', 'invade'),
  ...words('sold sale selling acquired acquisition bought purchase', 'sell'),
  ...words('visit visited visits visiting arrived arrival arrives trip', 'visit'),
  ...words('met meet meets meeting talks received', 'meet'),
  ...words('participated participate participates participating participation attended', 'attend'),
]);

function words(list: string, event: EventClass): [string, EventClass][] {
  return list.split(' ').map((w) => [w, event]);
}

// Head nouns that say *what* started or ended when no entity does.
const THINGS: ReadonlyMap<string, string> = new Map([
  ...things('relations relationship relation ties history contacts', 'relations'),
  ...things('cooperation partnership collaboration', 'cooperation'),
  ...things('operation operations mission deployment', 'operation'),
  ...things('war conflict hostilities fighting occupation', 'war'),
  ...things('work', 'work'),
  ...things('realization realisation implementation', 'implementation'),
  ...things('negotiations', 'negotiations'),
]);

function things(list: string, thing: string): [string, string][] {
  return list.split(' ').map((w) => [w, thing]);
}

const PASSIVE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);

const PERIODS = new Set(['quarter', 'year', 'month', 'week', 'period', 'half', 'season', 'term', 'fiscal']);

// Words that end a clause: a date belongs to the event of its own clause.
const CLAUSE_WORDS = new Set(['when', 'which', 'who', 'where', 'while', 'whereas', 'whose']);
const CLAUSE_PUNCT = /^[;:–—]$/;

// Capitalised words that are not participants: function words and titles at the start of
// a sentence or before a name.
const NOT_PARTICIPANTS = new Set(
  (
    'the a an in on at by of for from to with and or but as during since after before when while ' +
    'this that these those it its his her their our we he she they there here thanks furthermore however ' +
    'moreover also earlier later then president minister secretary general deputy chairman head director ' +
    'ambassador special representative envoy commander chief colonel foreign defence defense prime ' +
    'bilateral brief within unlike hence along rise national international military mr mrs ms dr sir ' +
    'finally meanwhile still yet instead indeed similarly besides thus later'
  ).split(' '),
);

// Plans, expectations and conditions say what may happen, not when something happened.
// Case-sensitive on purpose: `May` is a month and `Planning` starts a programme name.
const MODAL =
  /\b(?:will|would|shall|could|might|may|should|expects?|expected|expecting|plans?|planned|planning|intends?|scheduled|due to|hopes?|aims?|proposed|set to)\b/;

const REPEATED =
  /\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b|\bonce (?:again|more)\b|\bagain\b|\banother\b/i;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’`]*|[;:–—]/gu;

export interface ClaimInput {
  text: string;
  sentences: readonly Span[];
  dates: readonly DateMention[];
  names: readonly NameMention[];
  acronyms: readonly AcronymMention[];
}

/** Every dated event of the text. Linear in the text: one pass per sentence that has dates. */
export function extractClaims(input: ClaimInput): Claim[] {
  const { text, sentences, dates } = input;
  const claims: Claim[] = [];
  let d = 0;
  let n = 0;
  let a = 0;
  // the words the text writes in lower case, built once and only if needed
  let words: Set<string> | undefined;
  const lowerWords = () => (words ??= new Set(text.match(/\b[a-z]+\b/g) ?? []));
  for (const sentence of sentences) {
    while (d < dates.length && dates[d].start < sentence.start) d++;
    const first = d;
    while (d < dates.length && dates[d].start < sentence.end) d++;
    while (n < input.names.length && input.names[n].start < sentence.start) n++;
    while (a < input.acronyms.length && input.acronyms[a].start < sentence.start) a++;
    if (d === first) continue;
    const sentenceDates: number[] = [];
    for (let i = first; i < d; i++) if (isComparable(dates[i])) sentenceDates.push(i);
    if (sentenceDates.length === 0) continue;
    // a runaway 'sentence' (a file without punctuation) dates nothing we can read
    if (sentence.end - sentence.start > MAX_SENTENCE) continue;
    const entities = entitiesIn(input, sentence, n, a, lowerWords);
    claims.push(...claimsOfSentence(text, sentence, sentenceDates, dates, entities));
  }
  return claims;
}

/**
 * Header dates and underspecified dates date no event. Nor do deictic ones (`Thursday`,
 * `yesterday`, `last year`): their value is the document's date moved, and the same wire
 * sentence reprinted a week later would seem to contradict itself.
 */
function isComparable(date: DateMention): boolean {
  if (date.header || !/^\d/.test(date.value)) return false;
  if (date.anchor === 'document-date' && !/\d/.test(date.text)) return false;
  return true;
}

function entitiesIn(
  input: ClaimInput,
  sentence: Span,
  n0: number,
  a0: number,
  lowerWords: () => ReadonlySet<string>,
): Participant[] {
  const out: Participant[] = [];
  for (let i = n0; i < input.names.length && input.names[i].start < sentence.end; i++) {
    const name = input.names[i];
    out.push({ key: 'person:' + foldName(name.surname), label: name.text, start: name.start });
  }
  for (let i = a0; i < input.acronyms.length && input.acronyms[i].start < sentence.end; i++) {
    const acronym = input.acronyms[i];
    out.push({
      key: 'acronym:' + acronym.key,
      label: acronym.text,
      start: acronym.start,
    });
  }
  // only the mentions inside this sentence: the arrays are sorted, so walk from the sentence's
  // first name and acronym (found by the caller) and binary-search the dates
  const taken: Span[] = [];
  for (let i = n0; i < input.names.length && input.names[i].start < sentence.end; i++)
    taken.push(input.names[i]);
  for (let i = a0; i < input.acronyms.length && input.acronyms[i].start < sentence.end; i++)
    taken.push(input.acronyms[i]);
  for (
    let i = firstEndingAfter(input.dates, sentence.start);
    i < input.dates.length && input.dates[i].start < sentence.end;
    i++
  ) {
    taken.push(input.dates[i]);
  }
  out.push(...capitalisedPhrases(input.text, sentence, taken, lowerWords));
  return out.sort((x, y) => x.start - y.start);
}

function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Capitalised words and phrases (places, organisations) not already names, acronyms or dates. */
function capitalisedPhrases(
  text: string,
  sentence: Span,
  taken: readonly Span[],
  lowerWords: () => ReadonlySet<string>,
): Participant[] {
  const out: Participant[] = [];
  const re = /\p{Lu}[\p{L}'’`]*(?:(?:\s+(?:of|and|for|the)\s+|\s+)\p{Lu}[\p{L}'’`]*)*/gu;
  re.lastIndex = sentence.start;
  const body = text.slice(0, sentence.end);
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    let phrase = m[0].replace(/['’`]s$/u, '');
    const lower = phrase.toLowerCase();
    if (NOT_PARTICIPANTS.has(lower)) continue;
    // drop leading function/title words: `The Azerbaijani` -> `Azerbaijani`
    const parts = phrase.split(/\s+/);
    while (parts.length > 1 && NOT_PARTICIPANTS.has(parts[0].toLowerCase())) parts.shift();
    phrase = parts.join(' ');
    if (NOT_PARTICIPANTS.has(phrase.toLowerCase())) continue;
    // a capitalised first word that the text also writes in lower case is an ordinary word
    if (start === sentence.start && !phrase.includes(' ') && lowerWords().has(phrase.toLowerCase())) continue;
    out.push({ key: 'name:' + placeKey(phrase), label: phrase, start });
  }
  return out;
}

/** `Azerbaijani` and `Azerbaijan`, `the Republic of Azerbaijan`: one participant. */
export function placeKey(phrase: string): string {
  let key = foldName(phrase)
    .replace(/^republic of /, '')
    .replace(/\s+/g, ' ');
  if (!key.includes(' ') && key.length >= 6 && /ni$/.test(key)) key = key.slice(0, -1);
  return key;
}

function claimsOfSentence(
  text: string,
  sentence: Span,
  dateIndexes: readonly number[],
  dates: readonly DateMention[],
  entities: readonly Participant[],
): Claim[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  const body = text.slice(sentence.start, sentence.end);
  for (let m = re.exec(body); m; m = re.exec(body)) {
    tokens.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: sentence.start + m.index,
      end: sentence.start + m.index + m[0].length,
    });
  }
  // clause boundaries as token indexes
  const clauseOf: number[] = [];
  let clause = 0;
  for (const t of tokens) {
    if (CLAUSE_WORDS.has(t.lower) || CLAUSE_PUNCT.test(t.text)) clause++;
    clauseOf.push(clause);
  }
  const clauseSpan = (c: number): Span => {
    let s = -1;
    let e = -1;
    tokens.forEach((t, i) => {
      if (clauseOf[i] !== c) return;
      if (s < 0) s = t.start;
      e = t.end;
    });
    return { start: s, end: e };
  };
  const isWhen = (c: number) => {
    const i = clauseOf.indexOf(c);
    return i >= 0 && tokens[i].lower === 'when';
  };
  const repeated = REPEATED.test(body);
  if (MODAL.test(body)) return [];
  const claims: Claim[] = [];
  for (const di of dateIndexes) {
    const date = dates[di];
    const ti = tokens.findIndex((t) => t.end > date.start);
    if (ti < 0) continue;
    const c = clauseOf[ti];
    const inClause = (pos: number) => {
      const k = tokens.findIndex((t) => t.end > pos);
      return k >= 0 && clauseOf[k] === c;
    };
    // participants: this clause, plus the `when` clause right after it (or, for a date in a
    // `when` clause, the main clause before it: `cooperation began when X joined Y in 1994`)
    const span = clauseSpan(c);
    const related: Span[] = [span];
    if (isWhen(c + 1)) related.push(clauseSpan(c + 1));
    if (isWhen(c) && c > 0) related.push(clauseSpan(c - 1));
    const participants = entities.filter((e) => related.some((r) => e.start >= r.start && e.start < r.end));
    // `from 2002 to ...`: the first year of a range dates a beginning, whatever event word
    // follows it (`to the end of the operation in 2014` dates the end, not 2002)
    const opensRange = ti > 0 && tokens[ti - 1].lower === 'from';
    const events = triggersOf(tokens, clauseOf, c, ti).filter(
      (i) => (!opensRange || i < ti) && Math.abs(i - ti) <= MAX_TRIGGER_DISTANCE,
    );
    if (isWhen(c) && c > 0) {
      const main = triggersOf(tokens, clauseOf, c - 1, tokens.length);
      if (main.length) events.push(main[0]);
    }
    for (const [k, trigger] of events.slice(0, 2).entries()) {
      const event = classify(tokens, trigger, date, text);
      if (!event) continue;
      const clauseEntities = entities.filter((e) => inClause(e.start) || k > 0);
      // `PARP was joined by Azerbaijan`: in the passive the object comes first, the agent after `by`
      const passive = PASSIVE.has(tokens[trigger - 1]?.lower ?? '');
      const before = [...clauseEntities].reverse().find((e) => e.start < tokens[trigger].start) ?? null;
      const object = passive ? before : objectAfter(tokens, trigger, clauseEntities);
      const subject = passive
        ? tokens[trigger + 1]?.lower === 'by'
          ? objectAfter(tokens, trigger + 1, clauseEntities)
          : null
        : before;
      const claim: Claim = {
        date: di,
        span: { start: date.start, end: date.end },
        value: date.value,
        event,
        thing: thingNear(tokens, clauseOf, trigger),
        object,
        subject,
        participants: dedupe(participants),
        sentence,
        repeated,
      };
      if (date.mod) claim.mod = date.mod;
      const other = rangePartner(text, dates, di);
      if (other) claim.rangeWith = other.value;
      if (claim.participants.length === 0) continue;
      claims.push(claim);
    }
  }
  return claims;
}

/** The other end of a range (`between 1985 and 1987`, `1985-1987`, `from May to July 1997`). */
function rangePartner(text: string, dates: readonly DateMention[], i: number): DateMention | undefined {
  const joined = (a: DateMention, b: DateMention) =>
    /^\s*(?:and|to|until|through|-|–|—)\s*$/.test(text.slice(a.end, b.start));
  if (i + 1 < dates.length && joined(dates[i], dates[i + 1])) return dates[i + 1];
  if (i > 0 && joined(dates[i - 1], dates[i])) return dates[i - 1];
  return undefined;
}

/** Event words of clause `c`, nearest to token `ti` first (preferring those before it). */
function triggersOf(tokens: readonly Token[], clauseOf: readonly number[], c: number, ti: number): number[] {
  const found: number[] = [];
  tokens.forEach((t, i) => {
    if (clauseOf[i] === c && TRIGGERS.has(t.lower)) found.push(i);
  });
  return found.sort((x, y) => distance(x, ti) - distance(y, ti));
}

function distance(i: number, ti: number): number {
  // an event word after the date is a little farther than one before it
  return i <= ti ? ti - i : (i - ti) * 1.5;
}

function classify(tokens: readonly Token[], i: number, date: DateMention, text: string): EventClass | null {
  const word = tokens[i].lower;
  let event = TRIGGERS.get(word) ?? null;
  // `participation in X since 1997` is membership; `participated in X in 1997` is attendance
  if (event === 'attend' && /\bsince\s*$/i.test(text.slice(Math.max(0, date.start - 12), date.start))) {
    event = 'join';
  }
  // `received by` is a meeting, `received status` is not an event we compare
  if (word === 'received' && tokens[i + 1]?.lower !== 'by') event = null;
  // `the quarter ended June 30`, `the year beginning ...`: a period, not an event
  if ((event === 'end' || event === 'start') && PERIODS.has(tokens[i - 1]?.lower ?? '')) event = null;
  // `dates back to March 1992` is a beginning; `dates` alone is not an event
  if ((word === 'dates' || word === 'date') && tokens[i + 1]?.lower !== 'back') event = null;
  // `the end of 2014` is a date, not an event word
  if (
    (word === 'end' || word === 'beginning') &&
    tokens[i + 1]?.lower === 'of' &&
    tokens[i + 2]?.start === date.start
  ) {
    event = null;
  }
  return event;
}

function objectAfter(
  tokens: readonly Token[],
  trigger: number,
  entities: readonly Participant[],
): Participant | null {
  const from = tokens[trigger].end;
  const after = entities.filter((e) => e.start >= from);
  if (after.length === 0) return null;
  // the head of the first run of adjacent entities: `the PfP Planning and Review Process (PARP)` -> PARP
  let head = after[0];
  for (let i = 1; i < after.length; i++) {
    const gap = tokens.filter(
      (t) => t.start > head.start && t.start < after[i].start && !isEntityToken(t, entities),
    );
    if (gap.length > 0) break;
    head = after[i];
  }
  return head;
}

function isEntityToken(t: Token, entities: readonly Participant[]): boolean {
  return entities.some((e) => t.start >= e.start && t.start < e.start + e.label.length);
}

function thingNear(tokens: readonly Token[], clauseOf: readonly number[], trigger: number): string {
  const c = clauseOf[trigger];
  for (let i = trigger - 1; i >= 0 && clauseOf[i] === c && trigger - i <= 6; i--) {
    const thing = THINGS.get(tokens[i].lower);
    if (thing) return thing;
  }
  for (let i = trigger + 1; i < tokens.length && clauseOf[i] === c && i - trigger <= 5; i++) {
    const thing = THINGS.get(tokens[i].lower);
    if (thing) return thing;
  }
  return '';
}

function dedupe(participants: readonly Participant[]): Participant[] {
  const seen = new Set<string>();
  return participants.filter((p) => (seen.has(p.key) ? false : (seen.add(p.key), true)));
}
