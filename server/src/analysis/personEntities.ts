// Who is who across the corpus. The corpus index groups every name mention by its surname
// key and asks this module to split each group into real people:
//   1. The full forms (`Zakir Hasanov`, `Hikmat Hajiyev`, `C. Mackenzie`) are clustered by
//      given name: equal after folding diacritics, a close spelling (`Hikmet`/`Hikmat`), or
//      an initial that fits exactly one of them (`C.` -> `Colin`).
//   2. A mention whose document writes the full form (`fullRef`) belongs to that form's person.
//   3. A bare surname elsewhere goes to the one person the group has, or, when it has several
//      (`Ilham Aliyev`, `Heydar Aliyev`), to the one whose titles and years fit the mention
//      (`President Aliyev` in 1997 -> the one shown as president around 1997). When nothing
//      decides, the assignment lists the other candidates in `ambiguous`.
// Everything is computed from the mentions sorted by (doc, start), and ids come from the
// canonical names, so the result does not depend on input order or on other groups.
import type { NameMention } from './types';
import { foldName, surnameGroupKeyOf, surnameKeyOf } from './nameKeys';
import { officeWords } from './titles';

export interface PersonMentionInput {
  doc: string; // document key (path)
  mention: NameMention; // as recognisePeople returned it
  full: NameMention | null; // the mention's in-document full form (via fullRef), or null
  year: number | null; // the year of the sentence (nearest date) or of the document, supplied by the caller
}
export interface PersonTitle {
  text: string;
  year: number | null;
  doc: string;
  start: number;
}
export interface PersonEntity {
  id: string; // stable: 'person:' + slug of the canonical name ('person:zakir-hasanov', diacritics folded)
  name: string; // canonical display name
  kind: 'official' | 'person';
  variants: string[]; // spellings seen, e.g. ['Zakir Hasanov', 'Hasanov']
  titles: PersonTitle[];
}
export interface PersonAssignment {
  entity: string;
  ambiguous?: string[] /* other candidate ids when unsure */;
}

/**
 * Key that groups every mention that could possibly be one person: the surname's consonant
 * skeleton (see `surnameGroupKeyOf`), so that spellings of one name (`Goencz`, `Gencz`) meet.
 */
export function surnameKey(mention: NameMention): string {
  return surnameGroupKeyOf(mention.surname);
}

/** Two spellings of one surname: equal, or a letter or two apart (`gencz`/`goencz`, `aliev`/`aliyev`). */
function closeSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4 || a.charAt(0) !== b.charAt(0)) return false;
  return editDistance(a, b) <= (shorter >= 7 ? 2 : 1);
}

const spellsLike = (c: Cluster, key: string) =>
  c.surnames.has(key) || [...c.surnames].some((s) => closeSpelling(s, key));

/** `person:` and the canonical name folded to ASCII, lower case, words joined by `-`. */
export function personId(name: string): string {
  const slug = foldName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return 'person:' + (slug || 'unknown');
}

interface Cluster {
  /** Full forms (as written) in this cluster, with how often each is written. */
  forms: Map<string, number>;
  /** Folded first given name of the forms that spell it out (not initials). */
  givens: Set<string>;
  members: number[]; // indexes into the sorted inputs
  id: string;
  /** `the younger Bush`: not a candidate for a bare surname. */
  qualified: boolean;
  /** The surname keys its full forms are spelt with (`goencz`, `gencz`). */
  surnames: Set<string>;
}

/** Resolves one surname group (all mentions across the corpus with the same surnameKey) into entities. */
export function resolvePersonGroup(mentions: PersonMentionInput[]): {
  entities: PersonEntity[];
  assignments: PersonAssignment[];
} {
  const order = mentions.map((_, i) => i).sort((a, b) => compareInputs(mentions[a], mentions[b]));
  const inputs = order.map((i) => mentions[i]);
  const formOf = inputs.map(
    (m) =>
      (m.full ??
        (m.mention.given.length || m.mention.regnal || m.mention.qualified
          ? m.mention
          : null)) as NameMention | null,
  );

  // 1. Clusters of full forms that spell the given name out.
  const clusters: Cluster[] = [];
  const clusterOf: (Cluster | null)[] = inputs.map(() => null);
  inputs.forEach((_, i) => {
    const form = formOf[i];
    if (!form || !spellsGiven(form)) return;
    const given = foldName(firstGiven(form));
    const surname = surnameKeyOf(form.surname);
    let target = clusters.find(
      (c) => spellsLike(c, surname) && [...c.givens].some((g) => sameGivenName(g, given)),
    );
    if (!target) {
      target = newCluster(!!form.qualified);
      clusters.push(target);
    }
    target.givens.add(given);
    target.surnames.add(surname);
    clusterOf[i] = target;
  });
  mergeChains(clusters, clusterOf);
  // Initials join the one cluster they fit; otherwise they stand for a person of their own.
  const initialClusters = new Map<string, Cluster>();
  inputs.forEach((_, i) => {
    const form = formOf[i];
    if (!form || spellsGiven(form)) return;
    const initial = foldName(firstGiven(form)).charAt(0);
    const surname = surnameKeyOf(form.surname);
    const fits = clusters.filter(
      (c) => spellsLike(c, surname) && [...c.givens].some((g) => g.charAt(0) === initial),
    );
    if (fits.length === 1) clusterOf[i] = fits[0];
    else if (fits.length === 0) {
      const key = foldName(form.text);
      let own = initialClusters.get(key);
      if (!own) {
        own = newCluster(false);
        own.surnames.add(surname);
        initialClusters.set(key, own);
      }
      clusterOf[i] = own;
    }
  });
  const all = [...clusters, ...initialClusters.values()];
  inputs.forEach((_, i) => {
    const c = clusterOf[i];
    if (!c) return;
    c.members.push(i);
    const text = formText(formOf[i]!);
    c.forms.set(text, (c.forms.get(text) ?? 0) + 1);
  });
  const live = all.filter((c) => c.members.length > 0);
  for (const c of live) c.id = personId(canonicalForm(c.forms));

  // 2-3. Bare surnames (and initials that fit several people), among the people named in
  // full; `the younger Bush` is never what a bare `Bush` means. With nobody to choose from,
  // the bare surnames are one person, named by the surname.
  const ambiguity: (string[] | undefined)[] = inputs.map(() => undefined);
  const eligible = live.filter((c) => !c.qualified);
  const profiles = new Map(eligible.map((c) => [c, profile(c, inputs)]));
  const only = new Map<string, Cluster>();
  inputs.forEach((m, i) => {
    if (clusterOf[i]) return;
    // the people whose surname is spelt so: the same spelling first, else a close one
    const key = surnameKeyOf(m.mention.surname);
    let fit = eligible.filter((c) => c.surnames.has(key));
    if (!fit.length) fit = eligible.filter((c) => spellsLike(c, key));
    if (fit.length === 0) {
      let own = only.get(key);
      if (!own) only.set(key, (own = newCluster(false)));
      own.surnames.add(key);
      own.members.push(i);
      own.forms.set(m.mention.text, (own.forms.get(m.mention.text) ?? 0) + 1);
      clusterOf[i] = own;
      return;
    }
    const { pick, others } = choose(
      m,
      fit,
      fit.map((c) => profiles.get(c)!),
    );
    clusterOf[i] = pick;
    pick.members.push(i);
    if (others.length) ambiguity[i] = others.map((c) => c.id).sort();
  });
  for (const cluster of only.values()) {
    cluster.id = personId(canonicalForm(cluster.forms));
    live.push(cluster);
  }

  const entities = live
    .map((c) => toEntity(c, inputs))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const assignments: PersonAssignment[] = new Array(mentions.length);
  order.forEach((original, i) => {
    const a: PersonAssignment = { entity: clusterOf[i]!.id };
    if (ambiguity[i]) a.ambiguous = ambiguity[i];
    assignments[original] = a;
  });
  return { entities, assignments };
}

function compareInputs(a: PersonMentionInput, b: PersonMentionInput): number {
  if (a.doc !== b.doc) return a.doc < b.doc ? -1 : 1;
  return a.mention.start - b.mention.start || a.mention.end - b.mention.end;
}

const spellsGiven = (m: NameMention) => !!m.regnal || !!m.qualified || m.given.some((g) => !g.endsWith('.'));

/**
 * The given name a full form is clustered by. A regnal name (`King Hussein`) and a qualified
 * surname (`the younger Bush`) stand for people of their own: keys no given name can equal.
 */
function firstGiven(m: NameMention): string {
  if (m.regnal) return '\u0001regnal ' + m.surname;
  if (m.qualified) return '\u0001' + m.qualified;
  return m.given.find((g) => !g.endsWith('.')) ?? m.given[0] ?? '';
}

/** How a full form is shown and named: `Bush (the younger)` for a qualified surname. */
const formText = (m: NameMention) => (m.qualified ? `${m.text} (the ${m.qualified})` : m.text);

/** `Hikmet`/`Hikmat`, `Mohammed`/`Muhammad`: one name spelt two ways; `Ilham`/`Heydar`: two names. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.charAt(0) !== b.charAt(0)) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  return editDistance(a, b) <= (shorter >= 7 ? 2 : 1);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function newCluster(qualified: boolean): Cluster {
  return { forms: new Map(), givens: new Set(), members: [], id: '', qualified, surnames: new Set() };
}

/** Joins clusters that a later spelling bridged (`Hikmet` ~ `Hikmat` ~ `Hikmät`), so order cannot matter. */
function mergeChains(clusters: Cluster[], clusterOf: (Cluster | null)[]): void {
  for (let a = 0; a < clusters.length; a++) {
    for (let b = a + 1; b < clusters.length; b++) {
      const ca = clusters[a];
      const cb = clusters[b];
      if (![...ca.givens].some((g) => [...cb.givens].some((h) => sameGivenName(g, h)))) continue;
      if (![...cb.surnames].some((k) => spellsLike(ca, k))) continue;
      for (const g of cb.givens) ca.givens.add(g);
      for (const k of cb.surnames) ca.surnames.add(k);
      for (let i = 0; i < clusterOf.length; i++) if (clusterOf[i] === cb) clusterOf[i] = ca;
      clusters.splice(b, 1);
      b = a; // start over for a: it grew
    }
  }
}

/** The most written form; ties go to the longer, then the one with diacritics, then the first in code order. */
function canonicalForm(forms: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [text, count] of forms) {
    const better =
      count > bestCount ||
      (count === bestCount &&
        (text.length > best.length ||
          (text.length === best.length &&
            (hasDiacritics(text) !== hasDiacritics(best) ? hasDiacritics(text) : text < best))));
    if (better) {
      best = text;
      bestCount = count;
    }
  }
  return best;
}

const hasDiacritics = (s: string) => /[^\u0000-\u007f]/.test(s);

/**
 * The span of years someone is seen in: only its ends matter (see `yearDistance`), so a
 * name mentioned 5,000 times is not a list of 5,000 years read again for each mention.
 * Empty when `lo > hi`.
 */
interface YearRange {
  lo: number;
  hi: number;
}

const noYears = (): YearRange => ({ lo: Infinity, hi: -Infinity });

function widen(range: YearRange, lo: number, hi: number): void {
  if (lo < range.lo) range.lo = lo;
  if (hi > range.hi) range.hi = hi;
}

interface Profile {
  /** Office word -> the years the person was written with it. */
  offices: Map<string, YearRange>;
  years: YearRange;
  docs: Set<string>;
}

function profile(c: Cluster, inputs: readonly PersonMentionInput[]): Profile {
  const p: Profile = { offices: new Map(), years: noYears(), docs: new Set() };
  for (const i of c.members) {
    const m = inputs[i];
    p.docs.add(m.doc);
    if (m.year !== null) widen(p.years, m.year, m.year);
    for (const t of m.mention.titles) {
      for (const w of officeWords(t.text)) {
        let range = p.offices.get(w);
        if (!range) p.offices.set(w, (range = noYears()));
        if (m.year !== null) widen(range, m.year, m.year);
      }
    }
  }
  return p;
}

/** Distance from a year to the nearest of some years (0 inside their range). */
function yearDistance(year: number, years: YearRange): number {
  if (years.lo > years.hi) return Infinity;
  return year < years.lo ? years.lo - year : year > years.hi ? year - years.hi : 0;
}

/** The person a bare surname means, and the others it could be when the evidence does not settle it. */
function choose(
  m: PersonMentionInput,
  clusters: readonly Cluster[],
  profiles: readonly Profile[],
): { pick: Cluster; others: Cluster[] } {
  let idx = clusters.map((_, k) => k);
  if (idx.length === 1) return { pick: clusters[0], others: [] };
  // An initial narrows to the people it fits.
  const given = m.mention.given.length ? foldName(m.mention.given[0]).charAt(0) : '';
  if (given) {
    const fit = idx.filter((k) => [...clusters[k].givens].some((g) => g.charAt(0) === given));
    if (fit.length) idx = fit;
  }
  // The office written next to it narrows to the people who held that office.
  const offices = m.mention.titles.flatMap((t) => officeWords(t.text));
  let yearsOf = (k: number) => profiles[k].years;
  if (offices.length) {
    const held = idx.filter((k) => offices.some((w) => profiles[k].offices.has(w)));
    if (held.length) {
      idx = held;
      yearsOf = (k) => {
        const range = noYears();
        for (const w of offices) {
          const held = profiles[k].offices.get(w);
          if (held) widen(range, held.lo, held.hi);
        }
        return range;
      };
    }
  }
  // The year of the sentence picks the one shown in that role (or named) nearest to it: sure
  // when the year falls in their span, or is much nearer to it than to anyone else's.
  let sure = idx.length === 1;
  if (!sure && m.year !== null) {
    const dist = idx.map((k) => yearDistance(m.year!, yearsOf(k)));
    const best = Math.min(...dist);
    const at = idx.filter((_, n) => dist[n] === best);
    if (best !== Infinity && at.length === 1) {
      sure = best === 0 || dist.every((d) => d === best || d - best >= 3);
      idx = [at[0], ...idx.filter((k) => k !== at[0])];
    }
  }
  if (!sure) {
    // Only one of them is named in the same document: the nearby full mention decides.
    const here = idx.filter((k) => profiles[k].docs.has(m.doc));
    if (here.length === 1) {
      idx = [here[0], ...idx.filter((k) => k !== here[0])];
      sure = true;
    }
  }
  if (!sure && m.year === null) {
    // Nothing to go on: the most mentioned, and say it is a guess.
    const count = (k: number) => clusters[k].members.length;
    idx = [...idx].sort((a, b) => count(b) - count(a) || (clusters[a].id < clusters[b].id ? -1 : 1));
  }
  const pick = clusters[idx[0]];
  return { pick, others: sure ? [] : idx.slice(1).map((k) => clusters[k]) };
}

function toEntity(c: Cluster, inputs: readonly PersonMentionInput[]): PersonEntity {
  const titles: PersonTitle[] = [];
  const variants = new Map<string, number>();
  let official = false;
  for (const i of c.members) {
    const m = inputs[i];
    variants.set(m.mention.text, (variants.get(m.mention.text) ?? 0) + 1);
    if (m.mention.holdsOffice) official = true;
    for (const t of m.mention.titles) {
      official = true;
      titles.push({ text: t.text, year: m.year, doc: m.doc, start: t.start });
    }
  }
  const name = canonicalForm(c.forms);
  const ordered = [...variants.entries()]
    .sort((a, b) =>
      a[0] === name ? -1 : b[0] === name ? 1 : b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    )
    .map(([v]) => v);
  return { id: c.id, name, kind: official ? 'official' : 'person', variants: ordered, titles };
}
