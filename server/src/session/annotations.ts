// The readers' annotations of the workspace: one store file per source, read at the scan and
// when it changes on disk, kept placed on the source's text as it changes, and written back
// atomically. A store that cannot be read whole is shown with its problems and never written.
// Nothing here drops an annotation: what cannot be placed is an orphan until a reader
// re-attaches or deletes it.
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { TextEdit } from '../analysis/annotations/anchoring';
import type { PlacedCorrection } from '../analysis/annotations/corrections';
import { quoteAt, type Annotation, type AnnotationBody } from '../analysis/annotations/model';
import {
  correctionsOf,
  editAnnotations,
  placeAnnotations,
  refreshQuotes,
  replaceOrphans,
} from '../analysis/annotations/placement';
import { parseStore, serialiseStore } from '../analysis/annotations/w3c';
import type { Finding, Span } from '../analysis/types';
import {
  listStores,
  readStore,
  sourceOfStore,
  storeFileOf,
  storeSourceName,
  writeStoreAtomically,
} from '../node/annotationFiles';

export interface StoreLocation {
  /** The corpus root: the folder of its corpus-annotator.json, or the workspace folder. */
  root: string;
  /** The store folder, relative to the root (`.annotations`). */
  dir: string;
}

export interface AnnotationHost {
  /** Where the annotations of `source` are kept. */
  storeOf(source: string): StoreLocation;
  /** Every store folder of the workspace. */
  storeLocations(): StoreLocation[];
  /** The source's text as the index has it, undefined when it is not a corpus file (any more). */
  currentText(source: string): string | undefined;
  /** Who is annotating (the setting, else the account's name). */
  author(): string;
  error(message: string): void;
}

interface SourceState {
  source: string;
  storeFile: string;
  root: string;
  annotations: Annotation[];
  orphans: Set<string>;
  /** The text the annotations' offsets are true for; undefined: not placed yet. */
  text?: string;
  /** The store's problems: while there are any, it is never written. */
  problems: Finding[];
  /** The store's text as last read or written (our own writes come back as changes). */
  storeText: string;
  /** Positions moved since the store was written (typing): written when the source is saved. */
  dirty: boolean;
  /** Moved through edits typed since the last analysis: true for the buffer's text, not `text`. */
  mapped?: boolean;
}

export type AnnotationChange = { sources: Set<string>; corrections: Set<string>; stores: Set<string> };

export class ReaderAnnotations {
  private readonly bySource = new Map<string, SourceState>();
  private readonly byStore = new Map<string, SourceState>();
  /** The stores being read during the scan (see `prefetch`). */
  private prefetched: ReturnType<ReaderAnnotations['readAll']> | undefined;
  /** While the stores are read at the scan: the changes, reported together at the end. */
  private batch: AnnotationChange | undefined;
  /** Writes one after another per store file. */
  private readonly writing = new Map<string, Promise<void>>();
  /** Called after annotations change: sources to show again, and those whose corrections changed. */
  onChange: (change: AnnotationChange) => void = () => undefined;

  constructor(private readonly host: AnnotationHost) {}

  // ------------------------------------------------------------------ reading

  /** Reads every store of the workspace (after the scan: the sources' texts are known). */
  async loadAll(): Promise<{ annotations: number; stores: number }> {
    const seen = new Set<string>();
    const batch: AnnotationChange = { sources: new Set(), corrections: new Set(), stores: new Set() };
    const read = await (this.prefetched ?? this.readAll());
    this.prefetched = undefined;
    this.batch = batch;
    try {
      for (const { file, location, text } of read) {
        seen.add(file);
        await this.loadStore(file, location, text);
      }
      // a store deleted while we were not looking
      for (const file of [...this.byStore.keys()]) if (!seen.has(file)) this.storeDeleted(file);
    } finally {
      this.batch = undefined;
    }
    // one change for the lot: the client asks once, each file with corrections is analysed once
    if (batch.sources.size || batch.stores.size) this.onChange(batch);
    let annotations = 0;
    for (const state of this.bySource.values()) annotations += state.annotations.length;
    return { annotations, stores: this.byStore.size };
  }

  /**
   * Starts reading every store while the scan analyses the corpus on the workers (the main
   * thread waits on them): reading ten thousand small files then costs the scan nothing.
   */
  prefetch(): void {
    this.prefetched = this.readAll();
    this.prefetched.catch(() => undefined);
  }

  private async readAll(): Promise<
    { file: string; location: StoreLocation; text: Awaited<ReturnType<typeof readStore>> }[]
  > {
    const out: { file: string; location: StoreLocation; text: Awaited<ReturnType<typeof readStore>> }[] = [];
    for (const location of this.host.storeLocations()) {
      const files = await listStores(path.join(location.root, location.dir));
      // a few at a time: ten thousand small stores are mostly waiting on the disk
      for (let i = 0; i < files.length; i += 32) {
        const group = files.slice(i, i + 32);
        const texts = await Promise.all(group.map((f) => readStore(f)));
        group.forEach((file, k) => out.push({ file, location, text: texts[k] }));
      }
    }
    return out;
  }

  /** Whether `file` is a store file of the workspace, and of which location. */
  storeLocationOf(file: string): StoreLocation | undefined {
    for (const location of this.host.storeLocations())
      if (sourceOfStore(location.root, location.dir, file)) return location;
    return undefined;
  }

  /** Reads (again) one store file; a change that is our own write is ignored. */
  async loadStore(
    file: string,
    location = this.storeLocationOf(file),
    text?: Awaited<ReturnType<typeof readStore>>,
  ): Promise<void> {
    if (!location) return;
    const source = sourceOfStore(location.root, location.dir, file)!;
    const read = text ?? (await readStore(file));
    if ('missing' in read) return this.storeDeleted(file);
    const existing = this.byStore.get(file);
    if ('text' in read && existing && existing.storeText === read.text) return;
    const parsed =
      'text' in read
        ? parseStore(read.text)
        : {
            annotations: existing?.annotations ?? [],
            findings: [
              {
                start: 0,
                end: 0,
                code: 'annotation-store-invalid',
                severity: 'error' as const,
                message: `The annotation store ${read.error}.`,
              },
            ],
          };
    const state: SourceState = {
      source,
      storeFile: file,
      root: location.root,
      annotations: parsed.annotations,
      orphans: new Set(),
      problems: parsed.findings,
      storeText: 'text' in read ? read.text : (existing?.storeText ?? ''),
      dirty: false,
    };
    this.bySource.set(source, state);
    this.byStore.set(file, state);
    const hadCorrections = !!existing && existing.annotations.some((a) => a.body.kind === 'correction');
    this.place(state, this.host.currentText(source));
    const corrections = hadCorrections || state.annotations.some((a) => a.body.kind === 'correction');
    this.changed(state, corrections);
    if (state.problems.length === 0 && state.dirty) await this.persist(state);
  }

  private storeDeleted(file: string): void {
    const state = this.byStore.get(file);
    if (!state) return;
    this.byStore.delete(file);
    this.bySource.delete(state.source);
    this.changed(
      state,
      state.annotations.some((a) => a.body.kind === 'correction'),
    );
  }

  /** Places a state's annotations on `text` (undefined: the source is gone: all orphans). */
  private place(state: SourceState, text: string | undefined): void {
    if (text === undefined) {
      state.orphans = new Set(state.annotations.map((a) => a.id));
      state.text = undefined;
      return;
    }
    if (state.text === text) return;
    const placed = placeAnnotations(state.annotations, text, state.text);
    if (placed.annotations.some((a, i) => a !== state.annotations[i])) state.dirty = true;
    state.annotations = placed.annotations;
    state.orphans = placed.orphans;
    state.text = text;
  }

  // ------------------------------------------------------------------ the source's text

  /**
   * The corrections of `source` placed on `text`, before it is analysed: annotations follow
   * a change the server did not see by quote; one it saw is already mapped (`edited`).
   */
  correctionsFor(source: string, text: string): PlacedCorrection[] {
    const state = this.bySource.get(source);
    if (!state) return [];
    if (state.mapped) {
      // typed in: the offsets were moved through every edit and are true for this text
      state.mapped = false;
      state.text = text;
      state.annotations = refreshQuotes(state.annotations, state.orphans, text);
      this.reattachOrphans(state, text);
    } else if (state.text !== text) {
      const orphans = state.orphans.size;
      this.place(state, text);
      if (state.orphans.size !== orphans || state.dirty) this.changed(state, false);
      // the file changed on disk: its store follows, so that the next pull diffs cleanly
      if (state.dirty && state.problems.length === 0) void this.persist(state);
    }
    return correctionsOf(state.annotations, state.orphans);
  }

  /** After typing: an orphan whose quote is back (an undo) is placed again. */
  private reattachOrphans(state: SourceState, text: string): void {
    const placed = replaceOrphans(state.annotations, state.orphans, text);
    if (placed === state.annotations) return;
    state.annotations = [...placed];
    state.dirty = true;
    this.changed(state, false);
  }

  /**
   * An edit typed into the open buffer of `source`: annotations move with it exactly. Null:
   * the client sent the whole text; the next analysis places them from the text before it.
   */
  edited(source: string, edit: TextEdit | null): void {
    const state = this.bySource.get(source);
    if (!state || (state.text === undefined && !state.mapped)) return;
    if (!edit) {
      // what was mapped so far is kept as it is; `text` stays what the offsets were true for
      if (state.mapped) state.text = undefined;
      state.mapped = false;
      return;
    }
    const orphans = state.orphans.size;
    const moved = editAnnotations(state.annotations, state.orphans, edit);
    if (moved.some((a, i) => a !== state.annotations[i])) state.dirty = true;
    state.annotations = moved;
    state.mapped = true;
    // the buffer is analysed after this edit anyway, and then reads the corrections left:
    // analysing it now would read the text before the edit (it is applied after this call)
    if (state.orphans.size !== orphans) this.changed(state, false);
  }

  /** The source was saved: the store is written with the positions the file now has. */
  async saved(source: string): Promise<void> {
    const state = this.bySource.get(source);
    if (state?.dirty) await this.persist(state);
  }

  /** A source renamed (or moved): its annotations go with it, to the store of its new place. */
  async renamed(from: string, to: string): Promise<void> {
    const state = this.bySource.get(from);
    if (!state) return;
    const location = this.host.storeOf(to);
    const storeFile = storeFileOf(location.root, location.dir, to);
    const source = storeSourceName(location.root, to);
    const moved: SourceState = {
      ...state,
      source: to,
      storeFile,
      root: location.root,
      annotations: state.annotations.map((a) => ({ ...a, source })),
      storeText: '',
      dirty: true,
    };
    if (state.problems.length) {
      this.host.error(
        `Corpus Annotator: the annotation store ${state.storeFile} cannot be read, so it stays where it is.`,
      );
      return;
    }
    this.bySource.delete(from);
    this.byStore.delete(state.storeFile);
    this.bySource.set(to, moved);
    this.byStore.set(storeFile, moved);
    // the new store first, then the old one removed: never a moment with neither
    await this.persist(moved);
    await this.write(state.storeFile, '');
    this.changed(state, true);
    this.changed(moved, true);
  }

  /** The source is gone (deleted, or no longer a corpus file): its annotations are orphans. */
  sourceGone(source: string): void {
    const state = this.bySource.get(source);
    if (!state) return;
    this.place(state, undefined);
    this.changed(state, true);
  }

  // ------------------------------------------------------------------ what there is

  /** A source's annotations and which are orphans. */
  of(source: string): { annotations: readonly Annotation[]; orphans: ReadonlySet<string> } {
    const state = this.bySource.get(source);
    return state
      ? { annotations: state.annotations, orphans: state.orphans }
      : { annotations: [], orphans: new Set() };
  }

  /** Every source with annotations, sorted. */
  sources(): string[] {
    return [...this.bySource.keys()].sort();
  }

  /** The annotations placed over `offset` (a cursor right after one counts). */
  at(source: string, offset: number): Annotation[] {
    const state = this.bySource.get(source);
    if (!state) return [];
    return state.annotations.filter((a) => !state.orphans.has(a.id) && a.start <= offset && offset <= a.end);
  }

  find(id: string): { source: string; annotation: Annotation; orphan: boolean } | undefined {
    for (const state of this.bySource.values()) {
      const annotation = state.annotations.find((a) => a.id === id || a.replies?.some((r) => r.id === id));
      if (annotation) return { source: state.source, annotation, orphan: state.orphans.has(annotation.id) };
    }
    return undefined;
  }

  /** Who is annotating now. */
  author(): string {
    return this.host.author();
  }

  /** The source a store file of the workspace speaks of. */
  sourceOfStore(file: string): string | undefined {
    return this.byStore.get(file)?.source;
  }

  storeFileOf(source: string): string {
    const state = this.bySource.get(source);
    if (state) return state.storeFile;
    const location = this.host.storeOf(source);
    return storeFileOf(location.root, location.dir, source);
  }

  /** A store file's text, for positions in its diagnostics. */
  storeText(file: string): string | undefined {
    return this.byStore.get(file)?.storeText;
  }

  /** A store file's problems, and the orphans whose source is gone (at their lines). */
  storeFindings(file: string): Finding[] | undefined {
    const state = this.byStore.get(file);
    if (!state) return undefined;
    const out = [...state.problems];
    if (state.text === undefined && !state.mapped) {
      for (const a of state.annotations) {
        const at = state.storeText.indexOf(JSON.stringify(a.id));
        const lineStart = at < 0 ? 0 : state.storeText.lastIndexOf('\n', at) + 1;
        const lineEnd = at < 0 ? 0 : state.storeText.indexOf('\n', at);
        out.push({
          start: lineStart,
          end: lineEnd < 0 ? state.storeText.length : lineEnd,
          code: 'annotation-orphan',
          severity: 'warning',
          message: `${path.basename(state.source)} is gone: this annotation (“${a.exact.slice(0, 60)}”) is kept as an orphan until you delete it.`,
        });
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ changing them

  /** Adds an annotation on `span` of the source's current text. */
  async add(source: string, span: Span, body: AnnotationBody): Promise<Annotation | string> {
    const text = this.host.currentText(source);
    if (text === undefined) return `${path.basename(source)} is not a corpus file.`;
    const state = this.stateFor(source, text);
    if (typeof state === 'string') return state;
    const now = new Date().toISOString();
    const start = Math.max(0, Math.min(span.start, text.length));
    const end = Math.max(start, Math.min(span.end, text.length));
    const annotation: Annotation = {
      id: `urn:uuid:${randomUUID()}`,
      source: storeSourceName(state.root, source),
      ...quoteAt(text, start, end),
      start,
      end,
      body,
      creator: this.host.author(),
      created: now,
      modified: now,
    };
    state.annotations = [...state.annotations, annotation];
    const written = await this.commit(state, body.kind === 'correction');
    return written ?? annotation;
  }

  /** Changes an annotation (or a reply) by id; a string says why it could not. */
  async update(id: string, change: (a: Annotation) => Annotation | undefined): Promise<string | undefined> {
    const found = this.find(id);
    if (!found) return 'That annotation is no longer there.';
    const state = this.bySource.get(found.source)!;
    if (state.problems.length) return this.brokenMessage(state);
    const next = change(found.annotation);
    state.annotations = next
      ? state.annotations.map((a) => (a.id === found.annotation.id ? next : a))
      : state.annotations.filter((a) => a.id !== found.annotation.id);
    if (!next) state.orphans.delete(found.annotation.id);
    return this.commit(state, found.annotation.body.kind === 'correction');
  }

  /** Places an orphan (or any annotation) at `span` of its source's current text. */
  async reattach(id: string, span: Span): Promise<string | undefined> {
    const found = this.find(id);
    if (!found) return 'That annotation is no longer there.';
    const text = this.host.currentText(found.source);
    if (text === undefined)
      return `${path.basename(found.source)} is gone: the annotation can only be deleted.`;
    const state = this.bySource.get(found.source)!;
    state.orphans.delete(found.annotation.id);
    return this.update(id, (a) => ({
      ...a,
      start: span.start,
      end: span.end,
      ...quoteAt(text, span.start, span.end),
      modified: new Date().toISOString(),
    }));
  }

  /** The state of a source, made when it has no store yet; a message when it cannot be written. */
  private stateFor(source: string, text: string): SourceState | string {
    let state = this.bySource.get(source);
    if (!state) {
      const location = this.host.storeOf(source);
      const storeFile = storeFileOf(location.root, location.dir, source);
      state = {
        source,
        storeFile,
        root: location.root,
        annotations: [],
        orphans: new Set(),
        text,
        problems: [],
        storeText: '',
        dirty: false,
      };
      this.bySource.set(source, state);
      this.byStore.set(storeFile, state);
    }
    if (state.problems.length) return this.brokenMessage(state);
    return state;
  }

  private brokenMessage(state: SourceState): string {
    return `The annotation store ${state.storeFile} has problems (see them in it): nothing was written. Fix or remove the lines it reports first.`;
  }

  /** Writes a state's store and reports the change; a message if the write failed. */
  private async commit(state: SourceState, corrections: boolean): Promise<string | undefined> {
    this.changed(state, corrections);
    try {
      await this.persist(state);
      return undefined;
    } catch (error) {
      return `The annotation store ${state.storeFile} could not be written: ${(error as Error).message}`;
    }
  }

  /** Writes a store from its state (never one with problems), in order with other writes. */
  private async persist(state: SourceState): Promise<void> {
    if (state.problems.length) return;
    const text = serialiseStore(state.annotations);
    state.dirty = false;
    if (text === state.storeText) return;
    state.storeText = text;
    await this.write(state.storeFile, text);
    if (text === '') {
      // the last annotation deleted: the store file is gone, and so is the state
      if (this.bySource.get(state.source) === state && state.annotations.length === 0) {
        this.bySource.delete(state.source);
        this.byStore.delete(state.storeFile);
      }
    }
  }

  private write(file: string, text: string): Promise<void> {
    const previous = this.writing.get(file) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => writeStoreAtomically(file, text));
    this.writing.set(file, next);
    return next;
  }

  private changed(state: SourceState, corrections: boolean): void {
    if (this.batch) {
      this.batch.sources.add(state.source);
      if (corrections) this.batch.corrections.add(state.source);
      this.batch.stores.add(state.storeFile);
      return;
    }
    this.onChange({
      sources: new Set([state.source]),
      corrections: corrections ? new Set([state.source]) : new Set(),
      stores: new Set([state.storeFile]),
    });
  }
}
