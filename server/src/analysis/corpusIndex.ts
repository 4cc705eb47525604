// The corpus index: the union of every file's summary (documentAnalysis.ts), plus what only
// the whole corpus can tell: long forms defined in other files, who a surname is, which
// sources disagree. An update replaces one file's contribution and says which files'
// diagnostics may have changed; resolution is lazy and cached per surname group, per
// conflict bucket and per long-form table generation, so an edit costs what it touches.
import {
  bucketOf,
  conflictsInBucket,
  type ClaimRef,
  type Conflict,
  type ConflictMemo,
  type PreparedClaims,
} from './conflicts';
import type { Claim } from './claims';
import { applyIdentityCorrections, isSuppressed } from './annotations/corrections';
import { emptyConfig, type CorpusConfig, type GlossaryEntry } from './corpusConfig';
import {
  analyseDocument,
  emptyAnalysis,
  type AnalysisOptions,
  type AnalysisPart,
  type DocumentAnalysis,
} from './documentAnalysis';
import { buildLongFormTable, findLongForms, normaliseLongForm, type LongFormTable } from './longForms';
import { classifyWord, WordClass } from './nameLexicon';
import { groupKeyPattern, surnameGroupKeyOf } from './nameKeys';
import { resolvePersonGroup, surnameKey, type PersonEntity, type PersonMentionInput } from './personEntities';
import type {
  AcronymDefinition,
  AcronymMention,
  DateMention,
  DateMod,
  Finding,
  NameMention,
  Span,
} from './types';

export type MentionKind = 'date' | 'official' | 'person' | 'acronym';

/** A mention with its corpus-wide identity. */
export interface ResolvedMention extends Span {
  kind: MentionKind;
  text: string;
  /** `person:zakir-hasanov`, `acronym:parp`; dates have none. */
  entity?: string;
  value?: string;
  mod?: DateMod;
  longForm?: boolean;
  /** Other people a bare surname could be, when the engine cannot decide. */
  ambiguous?: string[];
  date?: DateMention;
  name?: NameMention;
}

export interface AcronymEntity {
  id: string;
  kind: 'acronym';
  name: string;
  variants: string[];
  expansion?: string;
  expansionSource?: 'text' | 'glossary';
  /** Every distinct expansion the corpus defines (more than one is reported). */
  expansions: string[];
  definedAt?: { path: string; start: number; end: number };
  definitions: { path: string; definition: AcronymDefinition }[];
  glossary?: GlossaryEntry;
}

export type Entity = AcronymEntity | PersonEntity;

export interface IndexedDocument {
  path: string;
  version: number;
  analysis: DocumentAnalysis;
}

export interface UpdateResult {
  /** Files whose diagnostics may have changed (including the one updated); see `settle`. */
  affected: Set<string>;
  /** Conflict buckets the update touched, resolved by `settle`. */
  buckets: Set<string>;
  /** Per touched bucket, what each file's conflicts in it were before the update. */
  before?: Map<string, Map<string, string>>;
}

export class CorpusIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  private options: AnalysisOptions;
  private config: CorpusConfig = emptyConfig();

  // acronyms
  private readonly acronymDocs = new Map<string, Set<string>>();
  private longFormGeneration = 0;
  private longForms: { table: LongFormTable; byNormal: Map<string, string>; generation: number } | null =
    null;
  private readonly longFormCache = new Map<
    string,
    { generation: number; version: number; analysis: DocumentAnalysis; mentions: AcronymMention[] }
  >();
  /** acronym key -> files where a long form of it was found (for the current generation). */
  private readonly longFormDocs = new Map<string, Set<string>>();
  private longFormDocsGeneration = -1;
  /** Resolved mentions per file, valid while its version, the long forms and its surname groups are. */
  private readonly mentionCache = new Map<
    string,
    {
      version: number;
      generation: number;
      surnames: number;
      groups: [string, number][];
      mentions: ResolvedMention[];
    }
  >();
  private readonly groupVersions = new Map<string, number>();
  /**
   * Surnames of officials the corpus names in full (`Defence Minister Zakir Hasanov`), with
   * how many full mentions carry them: a lone `Hasanov` in another file is a mention too.
   */
  private readonly fullSurnames = new Map<string, number>();
  private surnameGeneration = 0;
  private readonly knownSurnameCache = new Map<
    string,
    { version: number; analysis: DocumentAnalysis; generation: number; names: NameMention[] }
  >();
  private readonly knownSurnameDocs = new Map<string, Set<string>>();
  private knownSurnamesGeneration = -1;
  /** Surnames that joined or left the known set since the last pass over the files. */
  private readonly changedSurnames = new Set<string>();
  private readonly acronymCache = new Map<string, AcronymEntity | undefined>();

  // what an entity's hover counts
  /**
   * Revisions of what an entity's counts (mentions, files, first and last dates, companions)
   * and reference lists are made of; `revisionFor` adds up the ones an entity depends on.
   * A keystroke that changes none of them keeps every count, so a hover while typing does
   * not count again; and typing `NATO` leaves every person's counts alone.
   *
   * `statsRevision`: what every entity depends on (a file added or removed, a document date,
   * the config, the corpus's definitions).
   */
  private statsRevision = 0;
  /** A surname group resolved again, or a surname that became known or unknown: people. */
  private peopleRevision = 0;
  /** Per acronym key: a file's mentions or long forms of it changed. */
  private readonly acronymRevisions = new Map<string, number>();
  /** Bumped when a file gains or loses a date value (see `revisionOf`). */
  private dateRevision = 0;
  private readonly statsCache = new Map<
    string,
    {
      revision: number;
      usage?: EntityUsage;
      dated?: DatedSpan;
      companions?: { limit: number; list: [string, number][] };
    }
  >();
  /** Files replaced since their long forms were last looked for (see `checkLongForms`). */
  private readonly longFormsUnchecked = new Set<string>();
  /**
   * Files replaced since their lone surnames were looked for: a lone `Aliyev` typed into one
   * joins the `aliyev` group, so a group or a person's counts check these files first.
   */
  private readonly knownSurnamesUnchecked = new Set<string>();
  /** Per file or section analysis: the long forms found in it and its lone-surname candidates. */
  private readonly longFormParts = new WeakMap<
    DocumentAnalysis,
    { generation: number; mentions: AcronymMention[] }
  >();
  private readonly surnameCandidates = new WeakMap<
    DocumentAnalysis,
    { surnames: number; longForms: number; names: NameMention[] }
  >();

  // people
  private readonly entityGroup = new Map<string, string>();
  private readonly surnameDocs = new Map<string, Set<string>>();
  private readonly personGroups = new Map<string, PersonGroup>();

  // dates: value -> files that mention it, for "other documents that mention this date"
  private readonly dateDocs = new Map<string, Set<string>>();

  // conflicts
  private readonly bucketDocs = new Map<string, Set<string>>();
  private readonly bucketConflicts = new Map<string, Conflict[]>();
  /** A bucket's files sorted, while none comes or goes: what working out its conflicts reads. */
  private readonly sortedBucketDocs = new Map<string, string[]>();
  /**
   * Claims read for comparison, and each bucket's conflicts by sets of claims (see
   * `conflictsInBucket`), while the long forms (which decide identities) and the config hold.
   */
  private prepared: { generation: number; claims: PreparedClaims; memos: Map<string, ConflictMemo> } = {
    generation: -1,
    claims: new WeakMap(),
    memos: new Map(),
  };

  constructor(options: AnalysisOptions = {}) {
    this.options = options;
  }

  get size(): number {
    return this.docs.size;
  }

  paths(): string[] {
    return [...this.docs.keys()].sort();
  }

  get(path: string): IndexedDocument | undefined {
    return this.docs.get(path);
  }

  setOptions(options: AnalysisOptions): void {
    this.options = options;
  }

  /** Analyses `text` as the new content of `path` and replaces its contribution. */
  update(path: string, text: string, version = 0): UpdateResult {
    return this.replace(path, { path, version, analysis: analyseDocument(text, this.options) });
  }

  /** Replaces a file's contribution with an analysis made elsewhere (a worker, a cache). */
  replace(path: string, doc: IndexedDocument | null): UpdateResult {
    const old = this.docs.get(path);
    const result: UpdateResult = { affected: new Set([path]), buckets: new Set() };
    const before = old ? contributionOf(old.analysis) : NO_CONTRIBUTION;
    const after = doc ? contributionOf(doc.analysis) : NO_CONTRIBUTION;
    // typing in a file that defines acronyms changes nothing for the others unless the
    // definitions themselves change
    const definitionsSame = !!old && !!doc && before.definitionText === after.definitionText;
    // who a name is depends on the names of its surname group: only groups whose mentions in
    // this file changed are resolved again
    for (const key of union(before.groups.keys(), after.groups.keys())) {
      if (before.groups.get(key) !== after.groups.get(key)) this.forgetGroup(key);
    }
    // a bucket whose claims from this file are the same (but for offsets) keeps its
    // conflicts: only the references to this file's claims move to their new places
    const unchanged = new Set<string>();
    if (old && doc && definitionsSame) {
      for (const [bucket, claims] of after.buckets) {
        const was = before.buckets.get(bucket);
        if (!was || before.bucketSignatures.get(bucket) !== after.bucketSignatures.get(bucket)) continue;
        unchanged.add(bucket);
        this.moveClaims(bucket, path, was, claims);
      }
    }
    if (!old || !doc || old.analysis.documentDate.value !== doc.analysis.documentDate.value)
      this.statsRevision++;
    if (doc) {
      this.docs.set(path, doc);
      this.longFormsUnchecked.add(path);
      this.knownSurnamesUnchecked.add(path);
    } else {
      this.longFormsUnchecked.delete(path);
      this.knownSurnamesUnchecked.delete(path);
      this.docs.delete(path);
      this.longFormCache.delete(path);
      for (const [key, docs] of this.longFormDocs)
        if (docs.delete(path) && docs.size === 0) this.longFormDocs.delete(key);
    }
    this.contribute(path, before, after, result, definitionsSame, unchanged);
    this.mentionCache.delete(path);
    if (!doc) {
      for (const n of this.knownSurnameCache.get(path)?.names ?? []) {
        removeFrom(this.knownSurnameDocs, surnameKey(n), path);
        this.forgetGroup(surnameKey(n));
      }
      this.knownSurnameCache.delete(path);
    }
    return result;
  }

  /**
   * Completes `result.affected` with the files that gain a conflict from the update. Kept
   * apart from `update` so that a bulk scan adds thousands of files and settles once.
   */
  settle(result: UpdateResult): Set<string> {
    for (const bucket of result.buckets) {
      // republish only the files whose conflicts in this bucket really changed
      const before = result.before?.get(bucket);
      const after = conflictSignatures(this.conflictsOf(bucket));
      if (!before) {
        for (const doc of after.keys()) result.affected.add(doc);
        continue;
      }
      for (const doc of new Set([...before.keys(), ...after.keys()])) {
        if (before.get(doc) !== after.get(doc)) result.affected.add(doc);
      }
    }
    result.buckets.clear();
    result.before?.clear();
    return result.affected;
  }

  remove(path: string): UpdateResult {
    return this.replace(path, null);
  }

  rename(from: string, to: string): UpdateResult {
    const doc = this.docs.get(from);
    if (!doc) return { affected: new Set(), buckets: new Set() };
    const result = this.replace(from, null);
    const added = this.replace(to, { ...doc, path: to });
    added.affected.forEach((p) => result.affected.add(p));
    added.buckets.forEach((b) => result.buckets.add(b));
    return result;
  }

  /** The glossary and dismissed conflicts; every file may change. */
  setConfig(config: CorpusConfig): UpdateResult {
    this.config = config;
    this.longFormGeneration++;
    this.statsRevision++;
    this.restartWarmUp(); // what it had worked out is dropped with the caches
    this.personGroups.clear();
    this.bucketConflicts.clear();
    this.entityGroup.clear();
    this.mentionCache.clear();
    this.acronymCache.clear();
    return { affected: new Set(this.docs.keys()), buckets: new Set() };
  }

  /**
   * Moves the corpus-wide maps from a file's old contribution to its new one. Only what
   * differs is touched: a keystroke that leaves a file's acronyms, dates and names as they
   * were invalidates no entity, and a surname known from this file alone stays known.
   */
  private contribute(
    path: string,
    before: Contribution,
    after: Contribution,
    result: UpdateResult,
    definitionsSame: boolean,
    unchanged: ReadonlySet<string>,
  ): void {
    for (const key of union(before.acronyms.keys(), after.acronyms.keys())) {
      if (before.acronyms.get(key) === after.acronyms.get(key)) {
        // the same variants and definitions, perhaps at new offsets: point the entity at them
        if (this.acronymCache.get(key)?.definitions.some((d) => d.path === path))
          this.moveDefinitions(key, path, after.definitions.get(key) ?? []);
        continue;
      }
      if (!after.acronyms.has(key)) removeFrom(this.acronymDocs, key, path);
      else if (!before.acronyms.has(key)) addTo(this.acronymDocs, key, path);
      this.acronymCache.delete(key);
      this.acronymChanged(key);
    }
    if (moveMembership(this.dateDocs, path, before.dates, after.dates)) this.dateRevision++;
    moveMembership(this.surnameDocs, path, before.surnames, after.surnames);
    if (!definitionsSame && (before.definitionText || after.definitionText)) this.definitionsChanged(result);
    for (const key of union(before.fullSurnames.keys(), after.fullSurnames.keys())) {
      const delta = (after.fullSurnames.get(key) ?? 0) - (before.fullSurnames.get(key) ?? 0);
      if (delta) this.countFullSurname(key, delta);
    }
    for (const bucket of union(before.buckets.keys(), after.buckets.keys())) {
      if (unchanged.has(bucket)) continue;
      // remember what each file's conflicts were; `settle` compares and republishes what changed
      const cached = this.bucketConflicts.get(bucket);
      if (!result.before) result.before = new Map();
      // never computed: nothing of it was published, so there is nothing to compare with
      if (!result.before.has(bucket) && cached) result.before.set(bucket, conflictSignatures(cached));
      this.bucketConflicts.delete(bucket);
      result.buckets.add(bucket);
    }
    moveMembership(this.bucketDocs, path, before.buckets, after.buckets);
    for (const b of before.buckets.keys()) if (!after.buckets.has(b)) this.sortedBucketDocs.delete(b);
    for (const b of after.buckets.keys()) if (!before.buckets.has(b)) this.sortedBucketDocs.delete(b);
  }

  private countFullSurname(key: string, delta: number): void {
    const before = this.fullSurnames.get(key) ?? 0;
    const after = before + delta;
    if (after <= 0) this.fullSurnames.delete(key);
    else this.fullSurnames.set(key, after);
    // the set of known surnames changed: files that contain it are looked at again
    if ((before === 0) !== after <= 0) {
      this.surnameGeneration++;
      this.peopleRevision++;
      this.changedSurnames.add(key);
    }
  }

  /** Lone capitalised words in a file that are the surname of someone the corpus names in full. */
  knownSurnameMentions(path: string): NameMention[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    const cached = this.knownSurnameCache.get(path);
    // the same analysis, not only the same version: a file read again from disk is version 0
    // again, and a reader's correction gives a buffer a new analysis of the same version
    if (cached && cached.analysis === doc.analysis && cached.generation === this.surnameGeneration)
      return cached.names;
    this.knownSurnamesUnchecked.delete(path);
    const found = this.findKnownSurnames(doc.analysis);
    // a lone surname a reader marked "not an entity" stays unfound
    const suppressed = doc.analysis.suppressed;
    const names = suppressed ? found.filter((n) => !isSuppressed(suppressed, n)) : found;
    // what the file's lone surnames were decides the groups they join: forget those that change
    const previous = cached?.names ?? [];
    // assignments are by order within the file, so offsets do not matter, only the names
    const sig = (list: readonly NameMention[]) => list.map((n) => n.text).join(',');
    if (!cached || sig(previous) !== sig(names)) {
      for (const n of previous) removeFrom(this.knownSurnameDocs, surnameKey(n), path);
      for (const k of new Set([...previous, ...names].map((n) => surnameKey(n)))) this.forgetGroup(k);
      for (const n of names) addTo(this.knownSurnameDocs, surnameKey(n), path);
    }
    this.knownSurnameCache.set(path, {
      version: doc.version,
      analysis: doc.analysis,
      generation: this.surnameGeneration,
      names,
    });
    return names;
  }

  /**
   * Lone surnames section by section: a section's candidates are cached on it for the
   * current known set and long forms, so typing in a large file looks again at one section.
   * Whether the text writes a word in lower case is asked of every section (cached on each).
   */
  private findKnownSurnames(a: DocumentAnalysis): NameMention[] {
    // a file not analysed (over the size limit, over the time budget) is not read here either
    if (this.fullSurnames.size === 0 || a.skipped) return [];
    const state = this.longFormState();
    const parts = partsOf(a);
    const out: NameMention[] = [];
    // a surname comes back many times in a file: whether the file writes it in lower case is
    // asked of every section once per word, not once per mention
    const lowerInFile = new Map<string, boolean>();
    for (const { offset, analysis: part } of parts) {
      for (const name of this.partSurnameCandidates(part, state)) {
        // a word the text also writes in lower case is an ordinary word (`March for Life`)
        const lower = name.text.toLowerCase();
        let written = lowerInFile.get(lower);
        if (written === undefined) {
          written = parts.some((p) => writtenLower(p.analysis, lower));
          lowerInFile.set(lower, written);
        }
        if (written) continue;
        out.push(offset ? { ...name, start: name.start + offset, end: name.end + offset } : name);
      }
    }
    return out;
  }

  /** A section's (or a whole file's) lone surnames but for the lower-case test, cached on it. */
  private partSurnameCandidates(
    part: DocumentAnalysis,
    state: { table: LongFormTable; generation: number },
  ): NameMention[] {
    let cached = this.surnameCandidates.get(part);
    if (cached?.surnames !== this.surnameGeneration || cached.longForms !== state.generation) {
      const acronyms = this.partAcronyms(part, state);
      cached = {
        surnames: this.surnameGeneration,
        longForms: state.generation,
        names: knownSurnameCandidates(part, this.fullSurnames, acronyms),
      };
      this.surnameCandidates.set(part, cached);
    }
    return cached.names;
  }

  /** Looks for lone surnames in every file once per change of the known set. */
  private ensureKnownSurnames(): void {
    if (this.knownSurnamesGeneration === this.surnameGeneration) return;
    // only files that contain a surname that came or went can change: the others keep
    // their lone surnames (typing a new official's name must not re-read 10,000 files)
    const changed = [...this.changedSurnames];
    const first = this.knownSurnamesGeneration < 0;
    const mentionsChanged =
      changed.length > 0 && changed.length < 200
        ? new RegExp(changed.map(groupKeyPattern).join('|'), 'i')
        : undefined;
    this.knownSurnamesGeneration = this.surnameGeneration;
    this.changedSurnames.clear();
    for (const [path, doc] of this.docs) {
      const cached = this.knownSurnameCache.get(path);
      const untouched = !first && mentionsChanged && cached && cached.analysis === doc.analysis;
      if (untouched && (doc.analysis.skipped || !mentionsChanged.test(doc.analysis.text))) {
        cached.generation = this.surnameGeneration;
        continue;
      }
      this.knownSurnameMentions(path);
    }
  }

  /** Points a cached bucket's conflicts at this file's new claims (same content, new offsets). */
  private moveClaims(bucket: string, path: string, was: readonly Claim[], now: readonly Claim[]): void {
    const conflicts = this.bucketConflicts.get(bucket);
    if (!conflicts) return;
    // the same claims, moved in place with their section (typing in a large file): the
    // conflicts already point at them, and no list of others needs making again (the
    // diagnostics check the files' versions before reusing what they quoted)
    if (was.length === now.length && was.every((c, i) => c === now[i])) return;
    const ordinal = new Map(was.map((c, i) => [c, i]));
    const move = (ref: ClaimRef): ClaimRef =>
      ref.doc === path && ordinal.has(ref.claim) ? { doc: path, claim: now[ordinal.get(ref.claim)!] } : ref;
    for (const c of conflicts) {
      const at = move(c.at);
      if (at !== c.at) conflictSigs.delete(c);
      c.at = at;
      // a list with none of this file's claims stays the same array (the diagnostics built
      // from it are cached on it)
      if (c.others.some((o) => o.doc === path)) {
        c.others = c.others.map(move);
        conflictSigs.delete(c);
      }
    }
  }

  /** A cached acronym entity takes this file's definitions at their new places (same texts, same order). */
  private moveDefinitions(key: string, path: string, now: readonly AcronymDefinition[]): void {
    const entity = this.acronymCache.get(key)!;
    let i = 0;
    entity.definitions = entity.definitions.map((d) =>
      d.path === path ? { path, definition: now[i++] ?? d.definition } : d,
    );
    const first = entity.definitions[0];
    if (entity.definedAt && first) entity.definedAt = definedAt(first.path, first.definition);
  }

  /** Long forms decide which participants are one entity: every bucket is re-resolved. */
  private definitionsChanged(result: UpdateResult): void {
    this.longFormGeneration++;
    this.statsRevision++;
    for (const conflicts of this.bucketConflicts.values())
      for (const c of conflicts) result.affected.add(c.at.doc);
    this.bucketConflicts.clear();
    for (const bucket of this.bucketDocs.keys()) result.buckets.add(bucket);
  }

  private forgetGroup(key: string): void {
    this.groupVersions.set(key, (this.groupVersions.get(key) ?? 0) + 1);
    this.peopleRevision++;
    const group = this.personGroups.get(key);
    if (!group) return;
    for (const e of group.entities) this.entityGroup.delete(e.id);
    this.personGroups.delete(key);
  }

  // ------------------------------------------------------------------ acronyms

  private longFormState(): { table: LongFormTable; byNormal: Map<string, string>; generation: number } {
    if (this.longForms && this.longForms.generation === this.longFormGeneration) return this.longForms;
    const entries: { key: string; long: string }[] = [];
    const byNormal = new Map<string, string>();
    for (const path of this.paths()) {
      for (const d of this.docs.get(path)!.analysis.definitions) {
        entries.push({ key: d.key, long: d.long });
        byNormal.set(normaliseLongForm(d.long), d.key);
      }
    }
    for (const entry of this.config.glossary.values()) {
      if (!entry.expansion) continue;
      entries.push({ key: entry.key, long: entry.expansion });
      byNormal.set(normaliseLongForm(entry.expansion), entry.key);
    }
    this.longForms = { table: buildLongFormTable(entries), byNormal, generation: this.longFormGeneration };
    return this.longForms;
  }

  /** A file's acronym mentions: its own, plus long forms the rest of the corpus defines. */
  acronymMentions(path: string): AcronymMention[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    // a file not analysed (over the size limit, over the time budget) is not searched for long forms
    if (doc.analysis.skipped) return doc.analysis.acronyms;
    const state = this.longFormState();
    const cached = this.longFormCache.get(path);
    if (cached && cached.generation === state.generation && cached.analysis === doc.analysis)
      return cached.mentions;
    const own = doc.analysis.acronyms;
    const extra: AcronymMention[] = [];
    for (const { offset, analysis: part } of partsOf(doc.analysis)) {
      for (const m of this.partLongForms(part, state)) {
        const moved = offset ? { ...m, start: m.start + offset, end: m.end + offset } : m;
        if (!isSuppressed(doc.analysis.suppressed, moved)) extra.push(moved);
      }
    }
    const mentions = extra.length ? [...own, ...extra].sort((x, y) => x.start - y.start) : own;
    const previous = cached?.generation === state.generation ? cached.mentions : [];
    for (const m of previous) if (m.longForm) removeFrom(this.longFormDocs, m.key, path);
    for (const m of mentions) if (m.longForm) addTo(this.longFormDocs, m.key, path);
    if (longFormKeys(previous) !== longFormKeys(mentions))
      for (const m of [...previous, ...mentions]) if (m.longForm) this.acronymChanged(m.key);
    this.longFormsUnchecked.delete(path);
    this.longFormCache.set(path, {
      generation: state.generation,
      version: doc.version,
      analysis: doc.analysis,
      mentions,
    });
    return mentions;
  }

  /** Long forms in one file or section (offsets its own), cached on it per generation. */
  private partLongForms(part: DocumentAnalysis, state: { table: LongFormTable; generation: number }) {
    const cached = this.longFormParts.get(part);
    if (cached?.generation === state.generation) return cached.mentions;
    const taken: Span[] = [...part.acronyms, ...part.names, ...part.dates].sort((x, y) => x.start - y.start);
    const mentions = findLongForms(part.text, state.table, taken);
    this.longFormParts.set(part, { generation: state.generation, mentions });
    return mentions;
  }

  /** A section's acronyms with the long forms found in it, sorted (offsets its own). */
  private partAcronyms(part: DocumentAnalysis, state: { table: LongFormTable; generation: number }) {
    const extra = this.partLongForms(part, state);
    return extra.length ? [...part.acronyms, ...extra].sort((x, y) => x.start - y.start) : part.acronyms;
  }

  /** Finds long forms in every file once per generation, so `docsOf` knows where they are. */
  private ensureLongFormDocs(): void {
    const generation = this.longFormState().generation;
    if (this.longFormDocsGeneration === generation) return;
    this.longFormDocs.clear();
    for (const path of this.docs.keys()) {
      const cached = this.longFormCache.get(path);
      if (cached && cached.generation !== generation) this.longFormCache.delete(path);
      // a file already looked at in this generation is counted from its list as it is
      else if (cached && cached.analysis === this.docs.get(path)!.analysis) {
        for (const m of cached.mentions) if (m.longForm) addTo(this.longFormDocs, m.key, path);
        continue;
      }
      this.acronymMentions(path);
    }
    this.longFormDocsGeneration = generation;
  }

  acronym(key: string): AcronymEntity | undefined {
    // cached per key: a file that mentions the key, or the glossary, changing drops it
    if (this.acronymCache.has(key)) return this.acronymCache.get(key);
    const entity = this.buildAcronym(key);
    this.acronymCache.set(key, entity);
    return entity;
  }

  private buildAcronym(key: string): AcronymEntity | undefined {
    const definitions: { path: string; definition: AcronymDefinition }[] = [];
    const variants = new Map<string, number>();
    for (const path of [...(this.acronymDocs.get(key) ?? [])].sort()) {
      const a = this.docs.get(path)!.analysis;
      for (const d of a.definitions) if (d.key === key) definitions.push({ path, definition: d });
      for (const [text, n] of contributionOf(a).variants.get(key) ?? [])
        variants.set(text, (variants.get(text) ?? 0) + n);
    }
    const glossary = this.config.glossary.get(key);
    if (definitions.length === 0 && variants.size === 0 && !glossary) return undefined;
    const expansions: string[] = [];
    const seen = new Set<string>();
    for (const { definition } of definitions) {
      const n = normaliseLongForm(definition.long);
      if (!seen.has(n)) {
        seen.add(n);
        expansions.push(definition.long);
      }
    }
    const first = definitions[0];
    const name = first ? first.definition.short : singular(mostFrequent(variants) ?? glossary?.short ?? key);
    const entity: AcronymEntity = {
      id: 'acronym:' + key,
      kind: 'acronym',
      name: singular(name),
      variants: [...variants.keys()],
      expansions,
      definitions,
    };
    if (glossary?.expansion) {
      entity.expansion = glossary.expansion;
      entity.expansionSource = 'glossary';
    } else if (expansions.length) {
      entity.expansion = expansions[0];
      entity.expansionSource = 'text';
    }
    if (glossary) entity.glossary = glossary;
    if (first) entity.definedAt = definedAt(first.path, first.definition);
    return entity;
  }

  acronymKeys(): string[] {
    const keys = new Set(this.acronymDocs.keys());
    for (const k of this.config.glossary.keys()) keys.add(k);
    return [...keys].sort();
  }

  // ------------------------------------------------------------------ people

  private personGroup(key: string) {
    this.checkKnownSurnames();
    let group = this.personGroups.get(key);
    if (group) return group;
    const inputs: PersonMentionInput[] = [];
    this.ensureKnownSurnames();
    const paths = new Set([...(this.surnameDocs.get(key) ?? []), ...(this.knownSurnameDocs.get(key) ?? [])]);
    for (const path of [...paths].sort()) {
      const a = this.docs.get(path)!.analysis;
      for (const i of namesByKey(a.names).get(key) ?? []) {
        const mention = a.names[i];
        const full = mention.fullRef >= 0 ? a.names[mention.fullRef] : null;
        inputs.push({ doc: path, mention, full, year: a.nameYears[i] ?? null });
      }
      const year = a.documentDate.value ? Number(a.documentDate.value.slice(0, 4)) : null;
      const known = this.knownSurnameMentions(path);
      for (const i of namesByKey(known).get(key) ?? [])
        inputs.push({ doc: path, mention: known[i], full: null, year });
    }
    // a reader's "same person as" / "a different person from" overrides the engine's choice
    const { entities, assignments } = applyIdentityCorrections(inputs, resolvePersonGroup(inputs));
    // assignments per file, in the order of the file's names of this group: they stay valid
    // while the file's mentions of the group do not change (see groupSignatures)
    const byDoc = new Map<string, { entity: string; ambiguous?: string[] }[]>();
    inputs.forEach((input, i) => {
      let list = byDoc.get(input.doc);
      if (!list) byDoc.set(input.doc, (list = []));
      list.push(assignments[i]);
    });
    // which files mention each person: a hover or a search for one Gonzalez reads those,
    // not the files of every Gonzalez
    const docsByEntity = new Map<string, string[]>();
    for (const [doc, list] of byDoc) {
      for (const entity of new Set(list.map((a) => a.entity))) {
        const docs = docsByEntity.get(entity);
        if (docs) docs.push(doc);
        else docsByEntity.set(entity, [doc]);
      }
    }
    for (const docs of docsByEntity.values()) docs.sort();
    // what a hover and go-to-definition ask of a person, worked out once with the group:
    // counting or searching their mentions file by file made a hover on someone in 1,000
    // files take 70 ms
    const mentionCounts = new Map<string, number>();
    for (const a of assignments) mentionCounts.set(a.entity, (mentionCounts.get(a.entity) ?? 0) + 1);
    const definitions = new Map<string, { path: string; ordinal: number; titled: boolean }>();
    const ordinals = new Map<string, number>();
    inputs.forEach((input, i) => {
      const ordinal = ordinals.get(input.doc) ?? 0;
      ordinals.set(input.doc, ordinal + 1);
      if (input.mention.given.length === 0) return;
      const entity = assignments[i].entity;
      const titled = input.mention.titles.length > 0;
      const best = definitions.get(entity);
      // inputs come by path, then in the file's order: the first full mention with a title
      if (!best || (titled && !best.titled)) definitions.set(entity, { path: input.doc, ordinal, titled });
    });
    group = {
      entities,
      byId: new Map(entities.map((e) => [e.id, e])),
      byDoc,
      docsByEntity,
      mentionCounts,
      definitions,
    };
    this.personGroups.set(key, group);
    for (const e of entities) this.entityGroup.set(e.id, key);
    return group;
  }

  /** Who the `ordinal`-th name of its surname group in file `path` is. */
  private personAt(
    path: string,
    key: string,
    ordinal: number,
  ): { entity: PersonEntity; ambiguous?: PersonEntity[] } | undefined {
    const group = this.personGroup(key);
    const assignment = group.byDoc.get(path)?.[ordinal];
    if (!assignment) return undefined;
    const entity = group.byId.get(assignment.entity);
    if (!entity) return undefined;
    const ambiguous = assignment.ambiguous
      ?.map((id) => group.byId.get(id))
      .filter((e): e is PersonEntity => !!e);
    return ambiguous?.length ? { entity, ambiguous } : { entity };
  }

  person(id: string): PersonEntity | undefined {
    const key = this.groupOf(id);
    return key === undefined ? undefined : this.personGroup(key).byId.get(id);
  }

  /**
   * How often an entity is mentioned and in which files (sorted), without resolving the
   * mentions themselves: what a hover counts.
   */
  usage(id: string): EntityUsage {
    const stats = this.statsOf(id);
    return (stats.usage ??= this.countUsage(id));
  }

  /**
   * The earliest and the latest document date among an entity's files (the first file by
   * path among equals, and the last): when a hover says it first and last appears. Kept with
   * the counts (a document date that changes moves every entity's revision).
   */
  datedSpan(id: string): DatedSpan {
    const stats = this.statsOf(id);
    if (!stats.dated) {
      let first: DatedSpan['first'];
      let last: DatedSpan['last'];
      for (const path of this.usage(id).docs) {
        const date = this.docs.get(path)?.analysis.documentDate.value;
        if (!date) continue;
        if (!first || date < first.date) first = { path, date };
        if (!last || date >= last.date) last = { path, date };
      }
      stats.dated = { first, last };
    }
    return stats.dated;
  }

  /**
   * The people most often mentioned in the same files as `id`, with how many files they
   * share, most first (then by id): `limit` of them. `peopleOf`: see `countCompanions`.
   */
  companions(id: string, limit: number, peopleOf?: Map<string, string[]>): [string, number][] {
    const stats = this.statsOf(id);
    if (!stats.companions || stats.companions.limit < limit) {
      const counts = this.countCompanions(id, this.usage(id).docs, peopleOf);
      stats.companions = { limit, list: rankCompanions(counts, limit) };
    }
    return stats.companions.list.slice(0, limit);
  }

  /**
   * For each person but `id`, how many of `docs` mention them. `peopleOf`: each file's
   * people, kept across calls by a caller that counts for many people.
   */
  private countCompanions(id: string, docs: readonly string[], peopleOf?: Map<string, string[]>) {
    const counts = new Map<string, number>();
    for (const path of docs) {
      let people = peopleOf?.get(path);
      if (!people) {
        people = [...this.peopleIn(path)];
        peopleOf?.set(path, people);
      }
      for (const other of people) if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * A number that stays the same while the files mentioning an entity (`acronym:…`,
   * `person:…`) or a date value (`date:…`) stay the same, and while every mention in a file
   * whose analysis did not change stays whose it was: what a cache of references checks.
   */
  revisionOf(key: string): number {
    return key.startsWith('date:') ? this.dateRevision : this.revisionFor(key);
  }

  /**
   * The revision an entity's counts depend on, after looking again at the files replaced
   * since (their long forms for an acronym, their lone surnames for a person). A sum of
   * counters that only grow: it moves whenever one of them does.
   */
  private revisionFor(id: string): number {
    if (id.startsWith('acronym:')) {
      this.checkLongForms();
      return this.statsRevision + (this.acronymRevisions.get(id.slice('acronym:'.length)) ?? 0);
    }
    return this.peopleStatsRevision();
  }

  /** The revision every person's counts depend on (see `revisionFor`). */
  private peopleStatsRevision(): number {
    this.checkKnownSurnames();
    return this.statsRevision + this.peopleRevision;
  }

  /** Looks for lone surnames again in the files replaced since: one may join a group. */
  private checkKnownSurnames(): void {
    if (this.knownSurnamesUnchecked.size === 0) return;
    for (const path of [...this.knownSurnamesUnchecked]) this.knownSurnameMentions(path);
    this.knownSurnamesUnchecked.clear();
  }

  private acronymChanged(key: string): void {
    this.acronymRevisions.set(key, (this.acronymRevisions.get(key) ?? 0) + 1);
  }

  /** An entity's cached counts, emptied when its revision (`revisionFor`) has moved since. */
  private statsOf(id: string) {
    const revision = this.revisionFor(id);
    let stats = this.statsCache.get(id);
    if (stats?.revision !== revision) {
      if (this.statsCache.size >= 10_000) this.statsCache.clear();
      this.statsCache.set(id, (stats = { revision }));
    }
    return stats;
  }

  /** Looks for long forms again in the files replaced since: a new one changes the counts. */
  private checkLongForms(): void {
    for (const path of [...this.longFormsUnchecked]) this.acronymMentions(path);
    this.longFormsUnchecked.clear();
  }

  private countUsage(id: string): EntityUsage {
    if (!id.startsWith('acronym:')) {
      const key = this.groupOf(id);
      if (key === undefined) return { mentions: 0, docs: [] };
      const group = this.personGroup(key);
      return { mentions: group.mentionCounts.get(id) ?? 0, docs: group.docsByEntity.get(id) ?? [] };
    }
    const acronym = id.slice('acronym:'.length);
    let mentions = 0;
    const docs: string[] = [];
    for (const path of this.docsOf(id)) {
      const n = acronymCounts(this.acronymMentions(path)).get(acronym) ?? 0;
      if (n === 0) continue;
      mentions += n;
      docs.push(path);
    }
    return { mentions, docs };
  }

  /**
   * Where a person is introduced: the corpus's first full mention with a title, else its
   * first full mention (files by path, then in the file's order); undefined for someone only
   * ever named by surname.
   */
  personDefinition(id: string): { path: string; mention: NameMention } | undefined {
    const key = this.groupOf(id);
    if (key === undefined) return undefined;
    const at = this.personGroup(key).definitions.get(id);
    if (!at) return undefined;
    // the ordinal-th mention of the group in the file, as the group's inputs count them
    let ordinal = 0;
    for (const name of this.groupNamesIn(at.path, key)) {
      if (ordinal++ === at.ordinal) return { path: at.path, mention: name };
    }
    return undefined;
  }

  /** A file's names of one surname group, in the order the group's inputs take them. */
  private *groupNamesIn(path: string, key: string): Generator<NameMention> {
    const doc = this.docs.get(path);
    if (!doc) return;
    const names = doc.analysis.names;
    for (const i of namesByKey(names).get(key) ?? []) yield names[i];
    const known = this.knownSurnameMentions(path);
    for (const i of namesByKey(known).get(key) ?? []) yield known[i];
  }

  private groupOf(id: string): string | undefined {
    if (!this.entityGroup.has(id)) for (const key of this.surnameDocs.keys()) this.personGroup(key);
    return this.entityGroup.get(id);
  }

  /**
   * Works out ahead, `budgetMs` at a time, what the first hovers and searches after a scan
   * would otherwise pay for: the long forms in every file, the counts of acronyms in many
   * files, the lone surnames in every file, every surname group, and who is mentioned with
   * the people in many files. Returns whether
   * there is more to do. Nothing here changes an answer: each step only fills a cache that
   * the same request would have filled. Each stage goes a file or a group at a time, so no
   * step takes much longer than the budget (a keystroke waits for the step under way).
   * `manyFiles`: in how many files an acronym must be for its counts to be worked out, and
   * a person for their companions.
   */
  warmUp(budgetMs: number, manyFiles = WARM_MANY_FILES): boolean {
    const deadline = Date.now() + budgetMs;
    const w = (this.warming ??= { stage: -1, queue: [], next: 0, manyFiles });
    for (;;) {
      if (w.next >= w.queue.length) {
        // this stage is over: its closing step, then the next stage's work
        this.warmStages[w.stage]?.end?.();
        const stage = this.warmStages[++w.stage];
        if (!stage) {
          this.warming = undefined;
          return false;
        }
        w.queue = stage.items();
        w.next = 0;
      } else this.warmStages[w.stage].each(w.queue[w.next++]);
      if (Date.now() >= deadline) return true;
    }
  }

  /** Makes the next `warmUp` start from its first stage (the files or the caches changed). */
  restartWarmUp(): void {
    this.warming = undefined;
    this.companionPass = undefined;
  }

  private warming: { stage: number; queue: string[]; next: number; manyFiles: number } | undefined;

  /** What `warmUp` goes through, in order: each stage's items, one at a time. */
  private readonly warmStages: { items(): string[]; each(item: string): void; end?(): void }[] = [
    {
      // long forms defined anywhere, looked for in every file (a large file's sections
      // first, one step each)
      items: () => this.warmItems(),
      each: (item) => {
        const part = this.warmPart(item);
        if (part) this.partLongForms(part, this.longFormState());
        else this.acronymMentions(item);
      },
      end: () => {
        this.ensureLongFormDocs();
        this.checkLongForms();
      },
    },
    {
      // how often the acronyms of many files are written: a hover on `U.S.` counts it in
      // 5,000 files
      items: () =>
        this.acronymKeys()
          .map((key) => 'acronym:' + key)
          .filter((id) => this.docsOf(id).length >= this.warming!.manyFiles),
      each: (id) => this.datedSpan(id),
    },
    {
      // lone surnames of people named in full elsewhere
      items: () => this.warmItems(),
      each: (item) => {
        const part = this.warmPart(item);
        if (!part) this.knownSurnameMentions(item);
        else if (this.fullSurnames.size) {
          this.partSurnameCandidates(part, this.longFormState());
          lowerWordsOf(part);
        }
      },
      end: () => this.ensureKnownSurnames(),
    },
    {
      items: () => [...this.surnameDocs.keys()],
      each: (key) => {
        if (this.surnameDocs.has(key)) this.personGroup(key);
      },
    },
    {
      // the companions of people in many files, which make their first hover slow; each
      // file's people are listed once for all of them (asking a file again for each person
      // in it was most of the cost)
      items: () => {
        const ids: string[] = [];
        for (const key of this.surnameDocs.keys())
          for (const [id, docs] of this.personGroup(key).docsByEntity)
            if (docs.length >= this.warming!.manyFiles && !this.statsOf(id).companions) ids.push(id);
        this.companionPass = { peopleOf: new Map(), revision: this.peopleStatsRevision() };
        return ids;
      },
      each: (id) => {
        const pass = this.companionPass!;
        // each file's people are kept only while nothing changes who is who
        if (pass.revision !== this.peopleStatsRevision()) return;
        this.companions(id, HOVER_COMPANIONS, pass.peopleOf);
        this.datedSpan(id);
      },
      end: () => (this.companionPass = undefined),
    },
  ];

  /** Every file, a large file's sections before it (`path`, NUL, section number). */
  private warmItems(): string[] {
    const items: string[] = [];
    for (const [path, doc] of this.docs) {
      doc.analysis.parts?.forEach((_, i) => items.push(`${path}\u0000${i}`));
      items.push(path);
    }
    return items;
  }

  /** The section a warm-up item names, if it names one that is still there. */
  private warmPart(item: string): DocumentAnalysis | undefined {
    const cut = item.indexOf('\u0000');
    if (cut < 0) return undefined;
    return this.docs.get(item.slice(0, cut))?.analysis.parts?.[Number(item.slice(cut + 1))]?.analysis;
  }

  private companionPass: { peopleOf: Map<string, string[]>; revision: number } | undefined;

  /** Every person entity (resolving every surname group once). */
  people(): PersonEntity[] {
    const out: PersonEntity[] = [];
    for (const key of [...this.surnameDocs.keys()].sort()) out.push(...this.personGroup(key).entities);
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  entity(id: string): Entity | undefined {
    if (id.startsWith('acronym:')) return this.acronym(id.slice('acronym:'.length));
    return this.person(id);
  }

  /** Files that mention an entity (candidates; the mentions themselves come from `mentions`). */
  docsOf(id: string): readonly string[] {
    if (id.startsWith('acronym:')) {
      const key = id.slice('acronym:'.length);
      // long forms can appear in files that never write the short form
      this.ensureLongFormDocs();
      // sorted once while nothing moves an acronym's files (5,000 of them for U.S.)
      const revision = this.revisionFor(id);
      const cached = this.sortedDocs.get(id);
      if (cached?.revision === revision) return cached.docs;
      const docs = [
        ...new Set([...(this.acronymDocs.get(key) ?? []), ...(this.longFormDocs.get(key) ?? [])]),
      ].sort();
      this.keepSorted(id, revision, docs);
      return docs;
    }
    const key = this.groupOf(id);
    if (key === undefined) return [];
    return this.personGroup(key).docsByEntity.get(id) ?? [];
  }

  docsWithDate(value: string): readonly string[] {
    const key = 'date:' + value;
    const cached = this.sortedDocs.get(key);
    if (cached?.revision === this.dateRevision) return cached.docs;
    const docs = [...(this.dateDocs.get(value) ?? [])].sort();
    this.keepSorted(key, this.dateRevision, docs);
    return docs;
  }

  /** Sorted file lists of acronyms and date values, valid while their revision holds. */
  private readonly sortedDocs = new Map<string, { revision: number; docs: readonly string[] }>();

  private keepSorted(key: string, revision: number, docs: readonly string[]): void {
    if (this.sortedDocs.size >= 10_000) this.sortedDocs.clear();
    this.sortedDocs.set(key, { revision, docs });
  }

  // ------------------------------------------------------------------ mentions

  /** A file's mentions, resolved against the corpus, sorted by start. */
  mentions(path: string): ResolvedMention[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    const cached = this.resolvedMentions(doc);
    if (cached) return cached;
    const generation = this.longFormState().generation;
    const mentions = this.resolveMentions(doc);
    const groups = [...this.surnameKeysIn(doc)].map((k): [string, number] => [
      k,
      this.groupVersions.get(k) ?? 0,
    ]);
    this.mentionCache.set(path, {
      version: doc.version,
      generation,
      surnames: this.surnameGeneration,
      groups,
      mentions,
    });
    return mentions;
  }

  /** A file's resolved mentions if they are still valid, else undefined. */
  private resolvedMentions(doc: IndexedDocument): ResolvedMention[] | undefined {
    const cached = this.mentionCache.get(doc.path);
    if (
      cached &&
      cached.version === doc.version &&
      cached.generation === this.longFormState().generation &&
      cached.surnames === this.surnameGeneration &&
      cached.groups.every(([k, v]) => (this.groupVersions.get(k) ?? 0) === v)
    ) {
      return cached.mentions;
    }
    return undefined;
  }

  /**
   * The mention that contains `offset` (or ends right at it, as a cursor after a word does),
   * as `mentions` would give it. Unless the file's mentions are resolved already, only the
   * mentions around the offset are: a hover right after a keystroke in a 1 MB file must not
   * resolve its 8,000 mentions first.
   */
  mentionAt(path: string, offset: number): ResolvedMention | undefined {
    const doc = this.docs.get(path);
    if (!doc) return undefined;
    const resolved = this.resolvedMentions(doc);
    if (resolved) return mentionIn(resolved, offset);
    const a = doc.analysis;
    const near: ResolvedMention[] = [];
    for (const i of indexesAround(a.dates, offset)) near.push(dateMention(a.dates[i]));
    const known = this.knownSurnameMentions(path);
    const nameAt = indexesAround(a.names, offset);
    const knownAt = indexesAround(known, offset);
    // a name's ordinal in its surname group: the file's names first, then its lone surnames
    for (const i of nameAt) {
      const name = a.names[i];
      const key = surnameKey(name);
      const ordinal = namesByKey(a.names).get(key)!.indexOf(i);
      near.push(this.nameMention(name, this.personAt(path, key, ordinal)));
    }
    for (const k of knownAt) {
      const name = known[k];
      const key = surnameKey(name);
      const before = namesByKey(a.names).get(key)?.length ?? 0;
      const resolved = this.personAt(path, key, before + namesByKey(known).get(key)!.indexOf(k));
      if (resolved) near.push(this.nameMention(name, resolved));
    }
    const acronyms = this.acronymMentions(path);
    for (const i of indexesAround(acronyms, offset)) near.push(acronymMention(acronyms[i]));
    return mentionIn(
      near.sort((x, y) => x.start - y.start || x.end - y.end),
      offset,
    );
  }

  /** Finds ahead what `mentionAt` reads in a file: its lone surnames and its long forms. */
  prepareLookups(path: string): void {
    this.knownSurnameMentions(path);
    this.acronymMentions(path);
  }

  /** A name as a resolved mention (as `resolveMentions` makes it). */
  private nameMention(
    name: NameMention,
    resolved: { entity: PersonEntity; ambiguous?: PersonEntity[] } | undefined,
  ): ResolvedMention {
    const m: ResolvedMention = {
      kind: resolved?.entity.kind ?? (name.titles.length ? 'official' : 'person'),
      start: name.start,
      end: name.end,
      text: name.text,
      name,
    };
    if (resolved) m.entity = resolved.entity.id;
    if (resolved?.ambiguous) m.ambiguous = resolved.ambiguous.map((e) => e.id);
    return m;
  }

  /**
   * A file's mentions of one entity, as `mentions` gives them, without resolving the file's
   * other mentions: a search for someone in 500 files must not resolve everything in them.
   */
  entityMentions(path: string, id: string): ResolvedMention[] {
    if (!id.startsWith('acronym:')) return this.personMentions(path, id);
    // an acronym needs no person resolution: the file's acronyms and long forms
    const key = id.slice('acronym:'.length);
    return this.acronymMentions(path)
      .filter((m) => m.key === key)
      .map(acronymMention);
  }

  /** A file's mentions of one person (see `entityMentions`). */
  personMentions(path: string, id: string): ResolvedMention[] {
    const key = this.groupOf(id);
    if (key === undefined) return [];
    const out: ResolvedMention[] = [];
    let ordinal = 0;
    // the same ordinals as resolveMentions: the file's names of the group, then its lone surnames
    for (const name of this.groupNamesIn(path, key)) {
      const resolved = this.personAt(path, key, ordinal++);
      if (resolved?.entity.id === id) out.push(this.nameMention(name, resolved));
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** The people a file mentions (entity ids): its surname groups' assignments in the file. */
  peopleIn(path: string): Set<string> {
    const doc = this.docs.get(path);
    const out = new Set<string>();
    if (!doc) return out;
    for (const key of this.surnameKeysIn(doc)) {
      for (const assignment of this.personGroup(key).byDoc.get(path) ?? []) out.add(assignment.entity);
    }
    return out;
  }

  /** The surname groups a file takes part in: its names' and its lone surnames'. */
  private surnameKeysIn(doc: IndexedDocument): Set<string> {
    const known = this.knownSurnameMentions(doc.path);
    const cached = surnameKeysCache.get(doc.analysis);
    if (cached?.known === known) return cached.keys;
    const keys = new Set<string>(namesByKey(doc.analysis.names).keys());
    for (const key of namesByKey(known).keys()) keys.add(key);
    surnameKeysCache.set(doc.analysis, { known, keys });
    return keys;
  }

  private resolveMentions(doc: IndexedDocument): ResolvedMention[] {
    const path = doc.path;
    const out: ResolvedMention[] = [];
    for (const date of doc.analysis.dates) out.push(dateMention(date));
    const ordinals = new Map<string, number>();
    for (const name of doc.analysis.names) {
      const key = surnameKey(name);
      const ordinal = ordinals.get(key) ?? 0;
      ordinals.set(key, ordinal + 1);
      out.push(this.nameMention(name, this.personAt(path, key, ordinal)));
    }
    // lone surnames of people the corpus knows, after the file's own names (as in the group's inputs)
    for (const name of this.knownSurnameMentions(path)) {
      const key = surnameKey(name);
      const ordinal = ordinals.get(key) ?? 0;
      ordinals.set(key, ordinal + 1);
      const resolved = this.personAt(path, key, ordinal);
      if (resolved) out.push(this.nameMention(name, resolved));
    }
    for (const acronym of this.acronymMentions(path)) out.push(acronymMention(acronym));
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  // ------------------------------------------------------------------ conflicts and diagnostics

  /** Maps a claim participant to its corpus-wide identity. */
  private canon = (key: string): string => {
    if (key.startsWith('name:')) {
      const acronym = this.longFormState().byNormal.get(normaliseLongForm(key.slice(5)));
      if (acronym) return 'acronym:' + acronym;
      // a long form the corpus never defines, whose initials are an acronym it uses
      // (`Immigration and Naturalization Service`, `INS`; `African Union`, `AU`: two letters are
      // enough, since the corpus must use the acronym and the claims must agree on all else)
      const initials = initialsOf(key.slice(5));
      if (initials.length >= 2 && this.acronymDocs.has(initials)) return 'acronym:' + initials;
    }
    return key;
  };

  private conflictsOf(bucket: string): Conflict[] {
    let conflicts = this.bucketConflicts.get(bucket);
    if (conflicts) return conflicts;
    const refs: ClaimRef[] = [];
    let paths = this.sortedBucketDocs.get(bucket);
    if (!paths) this.sortedBucketDocs.set(bucket, (paths = [...(this.bucketDocs.get(bucket) ?? [])].sort()));
    for (const path of paths) {
      // the file's claims of this bucket, as its contribution lists them (in the file's
      // order): not every claim of every file of the bucket, its key made again for each
      for (const claim of contributionOf(this.docs.get(path)!.analysis).buckets.get(bucket) ?? [])
        refs.push({ doc: path, claim });
    }
    if (this.prepared.generation !== this.longFormGeneration)
      this.prepared = { generation: this.longFormGeneration, claims: new WeakMap(), memos: new Map() };
    let memo = this.prepared.memos.get(bucket);
    if (!memo) this.prepared.memos.set(bucket, (memo = new Map()));
    conflicts = conflictsInBucket(refs, this.canon, this.config.dismissed, this.prepared.claims, memo);
    this.bucketConflicts.set(bucket, conflicts);
    return conflicts;
  }

  /** The conflicts that involve a date mention of this file, in the order of the file. */
  conflicts(path: string): Conflict[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    const out: Conflict[] = [];
    for (const bucket of contributionOf(doc.analysis).buckets.keys()) {
      // a bucket's conflicts by file, made once per working-out: a thousand files of one
      // bucket each asking for theirs must not each read the bucket's whole list
      const conflicts = this.conflictsOf(bucket);
      let byDoc = conflictsByDoc.get(conflicts);
      if (!byDoc) {
        byDoc = new Map();
        for (const c of conflicts) {
          const list = byDoc.get(c.at.doc);
          if (list) list.push(c);
          else byDoc.set(c.at.doc, [c]);
        }
        conflictsByDoc.set(conflicts, byDoc);
      }
      out.push(...(byDoc.get(path) ?? []));
    }
    // one conflict per date: a date that dates two claims (`sank in late November during a
    // crossing`) is shown once, with the conflict that says most against it
    const rank = { outlier: 0, disputed: 1, agrees: 2 };
    out.sort((a, b) => a.at.claim.span.start - b.at.claim.span.start || rank[a.role] - rank[b.role]);
    return out.filter((c, i) => i === 0 || out[i - 1].at.claim.span.start !== c.at.claim.span.start);
  }

  /** Every file's conflicts, file by file, as `conflicts` gives them. */
  allConflicts(): Conflict[] {
    const out: Conflict[] = [];
    const files = new Set<string>();
    for (const bucket of this.bucketDocs.keys())
      for (const c of this.conflictsOf(bucket)) files.add(c.at.doc);
    for (const path of [...files].sort()) out.push(...this.conflicts(path));
    return out;
  }

  /** Findings from this file alone plus those the corpus adds (definition mismatches). */
  findings(path: string): Finding[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    const out = [...doc.analysis.findings];
    for (const d of doc.analysis.definitions) {
      const entity = this.acronym(d.key);
      if (!entity || entity.expansions.length < 2) continue;
      const others = entity.expansions.filter((e) => normaliseLongForm(e) !== normaliseLongForm(d.long));
      out.push({
        start: d.longSpan.start,
        end: d.shortSpan.end > d.longSpan.end ? d.shortSpan.end : d.longSpan.end,
        code: 'acronym-redefined',
        severity: 'hint',
        message: `${d.short} is defined as "${d.long}" here and as ${others.map((o) => `"${o}"`).join(', ')} elsewhere in the corpus.`,
      });
    }
    return out;
  }
}

const othersSignatures = new WeakMap<readonly ClaimRef[], string>();
const conflictsByDoc = new WeakMap<readonly Conflict[], Map<string, Conflict[]>>();

/** The pieces a file was analysed in: its sections, or the file itself. */
function partsOf(a: DocumentAnalysis): readonly AnalysisPart[] {
  return a.parts ?? [{ offset: 0, analysis: a }];
}

export function dateMention(date: DateMention): ResolvedMention {
  const m: ResolvedMention = {
    kind: 'date',
    start: date.start,
    end: date.end,
    text: date.text,
    value: date.value,
    date,
  };
  if (date.mod) m.mod = date.mod;
  return m;
}

function acronymMention(acronym: AcronymMention): ResolvedMention {
  const m: ResolvedMention = {
    kind: 'acronym',
    start: acronym.start,
    end: acronym.end,
    text: acronym.text,
    entity: 'acronym:' + acronym.key,
  };
  if (acronym.longForm) m.longForm = true;
  return m;
}

function definedAt(path: string, d: AcronymDefinition): { path: string; start: number; end: number } {
  return {
    path,
    start: Math.min(d.longSpan.start, d.shortSpan.start),
    end: Math.max(d.longSpan.end, d.shortSpan.end),
  };
}

/** What one file adds to the corpus-wide maps: derived once per analysis, compared on update. */
interface Contribution {
  /** Acronym key -> what the entity reads of this file (variants with counts, definitions). */
  acronyms: Map<string, string>;
  /** Acronym key -> its variants as written here, with counts (`NATO` 12, `Nato` 1). */
  variants: Map<string, Map<string, number>>;
  /** Acronym key -> the definitions made here, in order. */
  definitions: Map<string, AcronymDefinition[]>;
  dates: Set<string>;
  surnames: Set<string>;
  /** Surnames with a title somewhere here, and how many mentions give a first name with each. */
  titled: Set<string>;
  fullNames: Map<string, number>;
  /** Surnames of officials named in full here, with how many full mentions carry them. */
  fullSurnames: Map<string, number>;
  /** Per surname group, what resolution reads of this file's mentions (not their offsets). */
  groups: Map<string, string>;
  buckets: Map<string, Claim[]>;
  /** Per bucket, what conflict detection reads of this file's claims: all but offsets. */
  bucketSignatures: Map<string, string>;
  /** The definitions made here, as text ('' for none). */
  definitionText: string;
}

const NO_CONTRIBUTION: Contribution = emptyContribution(emptyAnalysis(''));

const contributions = new WeakMap<DocumentAnalysis, Contribution>();

function contributionOf(a: DocumentAnalysis): Contribution {
  let c = contributions.get(a);
  if (!c) contributions.set(a, (c = a.parts ? composedContribution(a, a.parts) : ownContribution(a)));
  return c;
}

/** Acronyms, dates and names read from one analysis; claims and definitions too (see below). */
function ownContribution(a: DocumentAnalysis): Contribution {
  const c = emptyContribution(a);
  for (const m of a.acronyms) {
    if (!c.acronyms.has(m.key)) c.acronyms.set(m.key, '');
    if (m.longForm) continue;
    let counts = c.variants.get(m.key);
    if (!counts) c.variants.set(m.key, (counts = new Map()));
    counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  }
  for (const [key, counts] of c.variants) c.acronyms.set(key, [...counts].join(','));
  for (const d of a.dates) c.dates.add(d.value);
  const keys = a.names.map((n) => surnameKey(n));
  a.names.forEach((n, i) => {
    const key = keys[i];
    c.surnames.add(key);
    if (n.titles.length > 0) c.titled.add(key);
    if (n.given.length > 0) c.fullNames.set(key, (c.fullNames.get(key) ?? 0) + 1);
    const full = n.fullRef >= 0 ? (a.names[n.fullRef]?.text ?? '') : '';
    const sig = [
      n.text,
      n.given.join(' '),
      n.titles.map((t) => t.text).join(';'),
      n.byline,
      a.nameYears[i],
      full,
      // what else resolution reads: who a regnal name or `the younger X` is, an office held
      `${n.regnal ?? ''}${n.qualified ?? ''}${n.holdsOffice ?? ''}${n.givenOnly ?? ''}`,
      n.identity ? `${n.identity.same ?? ''}/${n.identity.different ?? ''}/${n.identity.ref}` : '',
    ].join('\u0001');
    c.groups.set(key, (c.groups.has(key) ? c.groups.get(key) + '\u0002' : '') + sig);
  });
  return finish(c, a);
}

/**
 * A large file's contribution from its sections' (cached on each section, so a keystroke
 * reads one section's mentions, not the file's); the few definitions and claims are read
 * from the file itself, at their file offsets.
 */
function composedContribution(a: DocumentAnalysis, parts: readonly AnalysisPart[]): Contribution {
  // sections are composed into blocks, and the blocks into the file: a keystroke changes one
  // section, so one block is composed again from its parts and the file from its blocks
  // (the whole of a 1 MB file's seventy sections each time took 4 ms a keystroke)
  const c = emptyContribution(a);
  for (const block of blocksOf(parts)) add(c, blockContribution(block), true);
  return finish(c, a);
}

/** Adds `p`'s keys to `c`. A block's signatures are already joined: appended as they are. */
function add(c: Contribution, p: Contribution, joined: boolean): void {
  for (const [key, sig] of p.acronyms)
    c.acronyms.set(key, (c.acronyms.get(key) ?? '') + (joined ? '' : '/') + sig);
  for (const [key, counts] of p.variants) {
    let into = c.variants.get(key);
    if (!into) c.variants.set(key, (into = new Map()));
    for (const [text, n] of counts) into.set(text, (into.get(text) ?? 0) + n);
  }
  for (const v of p.dates) c.dates.add(v);
  for (const k of p.surnames) c.surnames.add(k);
  for (const k of p.titled) c.titled.add(k);
  for (const [k, n] of p.fullNames) c.fullNames.set(k, (c.fullNames.get(k) ?? 0) + n);
  for (const [k, sig] of p.groups) c.groups.set(k, (c.groups.has(k) ? c.groups.get(k) + '\u0002' : '') + sig);
}

/**
 * A file's sections in blocks of about eight. A block ends after a section whose text
 * hashes so (the cut is chosen by content, like the sections' own): an edit that adds or
 * drops a section changes its block only.
 */
function blocksOf(parts: readonly AnalysisPart[]): DocumentAnalysis[][] {
  const blocks: DocumentAnalysis[][] = [];
  let block: DocumentAnalysis[] = [];
  for (const { analysis } of parts) {
    block.push(analysis);
    if (sectionHash(analysis) % 8 === 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length) blocks.push(block);
  return blocks;
}

const sectionHashes = new WeakMap<DocumentAnalysis, number>();

function sectionHash(a: DocumentAnalysis): number {
  let h = sectionHashes.get(a);
  if (h === undefined) {
    h = 2166136261;
    for (let i = 0; i < Math.min(a.text.length, 64); i++) h = Math.imul(h ^ a.text.charCodeAt(i), 16777619);
    h = (h ^ a.text.length) >>> 0;
    sectionHashes.set(a, h);
  }
  return h;
}

/** A block's contribution, kept on its first section while the block has the same sections. */
const blockContributions = new WeakMap<DocumentAnalysis, { block: DocumentAnalysis[]; c: Contribution }>();

function blockContribution(block: DocumentAnalysis[]): Contribution {
  const cached = blockContributions.get(block[0]);
  if (cached && cached.block.length === block.length && cached.block.every((x, i) => x === block[i]))
    return cached.c;
  const c = emptyContribution(emptyAnalysis(''));
  for (const part of block) add(c, contributionOf(part), false);
  blockContributions.set(block[0], { block, c });
  return c;
}

function emptyContribution(a: DocumentAnalysis): Contribution {
  return {
    acronyms: new Map(),
    variants: new Map(),
    definitions: new Map(),
    dates: new Set(),
    surnames: new Set(),
    titled: new Set(),
    fullNames: new Map(),
    fullSurnames: new Map(),
    groups: new Map(),
    buckets: new Map(),
    bucketSignatures: new Map(),
    definitionText: a.definitions.map((d) => d.key + '=' + normaliseLongForm(d.long)).join('|'),
  };
}

/** What is read from the file itself: definitions, claims, and the officials it names in full. */
function finish(c: Contribution, a: DocumentAnalysis): Contribution {
  for (const d of a.definitions) {
    // where it is does not count: an edit above a definition moves it (see `contribute`)
    c.acronyms.set(d.key, (c.acronyms.get(d.key) ?? '') + ';' + d.long);
    const list = c.definitions.get(d.key);
    if (list) list.push(d);
    else c.definitions.set(d.key, [d]);
  }
  // Surnames of the officials a file names in full: a full name whose surname carries a
  // title somewhere in the file. Only these make lone surnames elsewhere mentions: a company
  // mistaken for a person (`Goldman Sachs`) has no minister or president to vouch for it.
  for (const [key, n] of c.fullNames) if (c.titled.has(key)) c.fullSurnames.set(key, n);
  for (const claim of a.claims) {
    const b = bucketOf(claim);
    const list = c.buckets.get(b);
    if (list) list.push(claim);
    else c.buckets.set(b, [claim]);
  }
  for (const [b, claims] of c.buckets) c.bucketSignatures.set(b, claimsSignature(claims));
  return c;
}

function union<T>(a: Iterable<T>, b: Iterable<T>): Set<T> {
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
}

/**
 * Moves `path` from the entries of `before`'s keys to those of `after`'s, touching only the
 * difference; whether any membership changed.
 */
function moveMembership(
  map: Map<string, Set<string>>,
  path: string,
  before: { has(key: string): boolean; keys(): Iterable<string> },
  after: { has(key: string): boolean; keys(): Iterable<string> },
): boolean {
  let moved = false;
  for (const key of before.keys())
    if (!after.has(key)) {
      removeFrom(map, key, path);
      moved = true;
    }
  for (const key of after.keys())
    if (!before.has(key)) {
      addTo(map, key, path);
      moved = true;
    }
  return moved;
}

/** Per file, the conflicts it shows from a bucket, as text: to see which changed. */
function conflictSignatures(conflicts: readonly Conflict[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of conflicts) {
    let sig = conflictSigs.get(c);
    if (sig === undefined) {
      // the claims of a group mostly share one list of others: its text is made once
      let others = othersSignatures.get(c.others);
      if (others === undefined) {
        others = c.others.map((o) => o.doc + ':' + o.claim.span.start).join(',');
        othersSignatures.set(c.others, others);
      }
      sig = `${c.at.claim.span.start}|${c.message}|${others}`;
      conflictSigs.set(c, sig);
    }
    const had = out.get(c.at.doc);
    out.set(c.at.doc, had === undefined ? sig : had + '\n' + sig);
  }
  return out;
}

/**
 * Each conflict's signature, kept with it: the conflicts of a set of claims an edit left
 * alone are the same objects from one working-out to the next (see `conflictsInBucket`).
 * `moveClaims`, which moves a conflict's places, drops it.
 */
const conflictSigs = new WeakMap<Conflict, string>();

/** What conflict detection reads of a file's claims in one bucket: everything but offsets. */
function claimsSignature(claims: readonly Claim[]): string {
  return claims
    .map((c) =>
      [
        c.value,
        c.mod ?? '',
        c.rangeWith ?? '',
        c.role,
        c.plan,
        c.readAgainst ?? '',
        c.event,
        c.lemma,
        c.pos,
        c.triggerText,
        c.text,
        c.object?.key ?? '',
        c.subject?.key ?? '',
        c.participants.map((p) => p.key + '=' + p.label).join(','),
        c.content.join(','),
        c.repeated,
        c.inherited ?? '',
        c.objectVia ?? '',
        c.objectText ?? '',
        c.passive ?? '',
        c.written ?? '',
        c.topic.join(','),
      ].join('\u0001'),
    )
    .join('\u0002');
}

/**
 * `Hasanov` alone, where the corpus knows `Zakir Hasanov`: a capitalised word that is a
 * known surname, is no place, office, organisation or calendar word, and stands apart from
 * other capitalised words (`Hasanov Street` is a street). What the file already recognised
 * (names, acronyms, dates) is left alone.
 */

const PLACE_PREPOSITION = /\b(?:in|from|of|near|at|into|outside|across|around)\s+$/i;

/**
 * The mention of a sorted list that contains `offset`, or ends right at it (a cursor after a
 * word); a mention that starts there wins over one that ends there.
 */
export function mentionIn(mentions: readonly ResolvedMention[], offset: number): ResolvedMention | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  let found: ResolvedMention | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else {
      found = m;
      if (offset < m.end) return m;
      lo = mid + 1; // at the end of this one; a following mention starting here wins
    }
  }
  return found;
}

/** Longest a mention can reach back from `offset` and still contain it, for `indexesAround`. */
const LONGEST_MENTION = 400;

/** Indexes of the spans of a list sorted by start that contain `offset` or touch it. */
function indexesAround(spans: readonly Span[], offset: number): number[] {
  // the last span that starts at or before the offset, then back while one could reach it
  let lo = 0;
  let hi = spans.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const out: number[] = [];
  for (let i = last; i >= 0 && spans[i].start >= offset - LONGEST_MENTION; i--)
    if (spans[i].end >= offset) out.push(i);
  return out.reverse();
}

/**
 * The `limit` people with the highest counts (then by id), as sorting all and keeping the
 * first would give: but kept as they come, since someone in 1,000 files has thousands of
 * companions, and sorting them all (`localeCompare` on every tie) took milliseconds each.
 */
function rankCompanions(counts: ReadonlyMap<string, number>, limit: number): [string, number][] {
  const before = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
  const top: [string, number][] = [];
  if (limit <= 0) return top;
  for (const entry of counts) {
    // an equal one stays after those that came first, as in a stable sort
    if (top.length === limit && before(entry, top[limit - 1]) >= 0) continue;
    let i = top.length;
    top.push(entry);
    for (; i > 0 && before(top[i], top[i - 1]) < 0; i--) [top[i], top[i - 1]] = [top[i - 1], top[i]];
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Acronyms in this many files or more have their counts, and people their companions, found by the warm-up. */
const WARM_MANY_FILES = 20;

/** How many companions a hover shows (and the warm-up finds). */
export const HOVER_COMPANIONS = 3;

/** The first and last dated file of an entity (see `datedSpan`). */
export interface DatedSpan {
  first?: { path: string; date: string };
  last?: { path: string; date: string };
}

/** How often an entity is mentioned, and in which files (sorted by path). */
export interface EntityUsage {
  mentions: number;
  docs: string[];
}

/** The keys of a file's long-form mentions, in order: whether its long forms changed. */
function longFormKeys(mentions: readonly AcronymMention[]): string {
  let keys = '';
  for (const m of mentions) if (m.longForm) keys += m.key + '\u0001';
  return keys;
}

/** A surname group, resolved: who its people are and which of its mentions is whom. */
interface PersonGroup {
  entities: PersonEntity[];
  byId: Map<string, PersonEntity>;
  /** Per file, the assignment of each of its mentions of the group, in the inputs' order. */
  byDoc: Map<string, { entity: string; ambiguous?: string[] }[]>;
  /** Per entity of the group, the files that mention it, sorted. */
  docsByEntity: Map<string, string[]>;
  /** Per entity, its mentions across the corpus. */
  mentionCounts: Map<string, number>;
  /** Per entity, its defining mention: a file and the ordinal of the group's mention in it. */
  definitions: Map<string, { path: string; ordinal: number; titled: boolean }>;
}

/**
 * A list of names by surname group: the indexes of each group's names, in order. Cached on
 * the list (a file's names, or its lone surnames while they hold): a group's resolution
 * reads only its own names of each file, not every name of every file it is in once per
 * group (which made resolving the groups of 10,000 articles take a second).
 */
function namesByKey(names: readonly NameMention[]): Map<string, number[]> {
  let byKey = namesByKeyCache.get(names);
  if (!byKey) {
    byKey = new Map();
    for (let i = 0; i < names.length; i++) {
      const key = surnameKey(names[i]);
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
    namesByKeyCache.set(names, byKey);
  }
  return byKey;
}

const namesByKeyCache = new WeakMap<readonly NameMention[], Map<string, number[]>>();

/** Per analysis, its surname groups, valid while its lone surnames are the same list. */
const surnameKeysCache = new WeakMap<DocumentAnalysis, { known: NameMention[]; keys: Set<string> }>();

/** Mentions per acronym key in one file's acronym mentions (kept with the list). */
const acronymCountsCache = new WeakMap<readonly AcronymMention[], Map<string, number>>();

function acronymCounts(mentions: readonly AcronymMention[]): Map<string, number> {
  let counts = acronymCountsCache.get(mentions);
  if (!counts) {
    counts = new Map();
    for (const m of mentions) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    acronymCountsCache.set(mentions, counts);
  }
  return counts;
}

/**
 * Whether `text` writes the word in lower case. A text's lower-case words are collected in
 * one pass, once per text: testing each candidate with its own regular expression re-read a
 * 64 KB section some hundreds of times on every keystroke in a large file.
 */
const lowerWords = new WeakMap<
  DocumentAnalysis,
  { words: Set<string> | undefined; others: Map<string, boolean> }
>();

/** A word as `writtenLower` looks it up: a whole run of letters that starts in lower case. */
const LOWER_WORD = /(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu;
const PLAIN_LOWER_WORD = /^\p{Ll}[\p{L}\p{M}]*$/u;

/** What a text writes in lower case: its word set if it is long, and the answers so far. */
function lowerWordsOf(a: DocumentAnalysis) {
  let cached = lowerWords.get(a);
  if (!cached) {
    let words: Set<string> | undefined;
    if (a.text.length >= WORD_SET_FROM) {
      words = new Set<string>();
      for (const m of a.text.matchAll(LOWER_WORD)) words.add(m[0]);
    }
    lowerWords.set(a, (cached = { words, others: new Map<string, boolean>() }));
  }
  return cached;
}

/** Texts from this size on get the word set; a short text asks a few words of a few KB. */
const WORD_SET_FROM = 16 * 1024;

function writtenLower(a: DocumentAnalysis, lower: string): boolean {
  const cached = lowerWordsOf(a);
  // a whole run of letters is in the set; a hyphenated word is looked for as it is written
  if (cached.words && PLAIN_LOWER_WORD.test(lower)) return cached.words.has(lower);
  let seen = cached.others.get(lower);
  if (seen === undefined) {
    const escaped = lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    seen = new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?![\\p{L}\\p{M}])`, 'u').test(a.text);
    cached.others.set(lower, seen);
  }
  return seen;
}

/**
 * The lone surnames of one text but for the lower-case test, which the caller makes over
 * the whole file (see `CorpusIndex.findKnownSurnames`).
 */
function knownSurnameCandidates(
  a: DocumentAnalysis,
  known: ReadonlyMap<string, number>,
  acronyms: readonly Span[],
): NameMention[] {
  const taken = [...a.names, ...acronyms, ...a.dates].sort((x, y) => x.start - y.start);
  const out: NameMention[] = [];
  const word =
    /(?<![\p{L}\p{M}\p{N}'’`.-])\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?(?![\p{L}\p{M}\p{N}])/gu;
  let t = 0;
  for (let m = word.exec(a.text); m; m = word.exec(a.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length < 3) continue;
    // most capitalised words are plain ASCII: lower-casing is their key, no Unicode folding needed
    const key = surnameGroupKeyOf(m[0]);
    if (!known.has(key)) continue;
    if (classifyWord(m[0]) !== WordClass.Name) continue;
    while (t < taken.length && taken[t].end <= start) t++;
    if (t < taken.length && taken[t].start < end) continue;
    const window = Math.max(0, start - 40);
    const before = /(\p{Lu}[\p{L}\p{M}'’.-]*)[ \t]+$/u.exec(a.text.slice(window, start));
    if (/^[ \t]+\p{Lu}/u.test(a.text.slice(end, end + 3))) continue;
    if (before && classifyWord(before[1]) !== WordClass.Function) {
      // `Mircea Geoana agreed`: a name word before a known surname, with nothing capitalised
      // before it, is the given name of a person the corpus names with a title elsewhere
      const from = window + before.index;
      const given = before[1];
      if (classifyWord(given) !== WordClass.Name || !/^\p{Lu}[\p{Ll}\p{M}]+$/u.test(given)) continue;
      if (/\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+$/u.test(a.text.slice(Math.max(0, from - 40), from))) continue;
      if (t > 0 && taken[t - 1].end > from) continue;
      const text = a.text.slice(from, end);
      out.push({
        start: from,
        end,
        text,
        given: [given],
        surname: m[0],
        titles: [],
        byline: false,
        fullRef: -1,
      });
      continue;
    }
    // `hometown of Cardenas`, `in Jordan`: after these a capitalised word is most often a place
    if (PLACE_PREPOSITION.test(a.text.slice(Math.max(0, start - 12), start))) continue;
    out.push({ start, end, text: m[0], given: [], surname: m[0], titles: [], byline: false, fullRef: -1 });
  }
  return out;
}

function addTo(map: Map<string, Set<string>>, key: string, path: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(path);
}

function removeFrom(map: Map<string, Set<string>>, key: string, path: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(path);
  if (set.size === 0) map.delete(key);
}

function mostFrequent(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (c > n) {
      best = k;
      n = c;
    }
  }
  return best;
}

/** `MPs` -> `MP`: the entity is named by the singular. */
/** `immigration and naturalization service` → `ins`: the first letters of its content words. */
function initialsOf(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .filter((w) => w && !/^(?:of|and|for|the|de|du|des|da|la|le|to|in|on|at)$/.test(w))
    .map((w) => w[0])
    .join('');
}

function singular(short: string): string {
  return /[A-Z]{2,}s$/.test(short) ? short.slice(0, -1) : short;
}
