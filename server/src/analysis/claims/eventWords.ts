// Event words: which written forms name an event, of which class (`bombed`, `bombings`,
// `blasts` are attacks; `accession` and `joined` are joinings). The table is generated from our
// seeds, WordNet's derivations and the lemmatiser's inflections (scripts/build-event-words.mjs);
// here it is read once into maps.
import { EVENT_CLASS_FLAGS, EVENT_FORMS } from './eventWords.generated';

export type EventClass = (typeof EVENT_CLASS_FLAGS)[number]['name'];

export interface EventWord {
  cls: EventClass;
  /** `bomb`, `bombing`, `take office`. */
  lemma: string;
  pos: 'v' | 'n';
}

export interface EventClassFlags {
  /** Happens once for the same participants: two dates for it are a contradiction. */
  once: boolean;
  /** A saying: compared only when the same speaker says the same thing. */
  speech: boolean;
  /** The subject must agree when both sides name one. */
  who: boolean;
}

const single = new Map<string, EventWord[]>();
/** Phrasal verbs by their first word: `took` → `office` → take office. */
const phrasal = new Map<string, Map<string, EventWord>>();
const CLASS_NAMES = new Set<string>(EVENT_CLASS_FLAGS.map((c) => c.name));
for (const row of EVENT_FORMS.split('\n')) {
  const parts = row.split(' ');
  const pos = parts.pop() as 'v' | 'n';
  const at = parts.findIndex((p, i) => i > 0 && CLASS_NAMES.has(p));
  const form = parts.slice(0, at).join(' ');
  const word: EventWord = { cls: parts[at] as EventClass, lemma: parts.slice(at + 1).join(' '), pos };
  const [head, particle] = form.split(' ');
  if (particle) {
    let m = phrasal.get(head);
    if (!m) phrasal.set(head, (m = new Map()));
    m.set(particle, word);
  } else {
    const list = single.get(form);
    if (list) list.push(word);
    else single.set(form, [word]);
  }
}

const FLAGS = new Map<EventClass, EventClassFlags>(
  EVENT_CLASS_FLAGS.map((c) => [c.name, { once: c.once, speech: c.speech, who: c.who }]),
);

/** The event words a lower-case form can be (`bombing` is both a verb form and a noun). */
export function eventWordsOf(lower: string): readonly EventWord[] | undefined {
  return single.get(lower);
}

/** A phrasal event verb from two words (`took` `office`, `went` `off`). */
export function phrasalEvent(head: string, next: string): EventWord | undefined {
  return phrasal.get(head)?.get(next);
}

export function flagsOf(cls: EventClass): EventClassFlags {
  return FLAGS.get(cls)!;
}
