// Session state: open buffers over the files on disk, settings, the workspace scan, file
// watching and debounced revalidation. The only part of the server that touches the disk.
// This class wires the parts (one file each in this folder) and reacts to what the editor
// and the disk report; the features read the index and positions through it.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyCorrections, correctedOptions } from '../analysis/annotations/corrections';
import {
  CONFIG_FILE_NAME,
  DEFAULT_ANNOTATION_STORE,
  MAX_CONFIG_LENGTH,
  type TagDefinition,
} from '../analysis/corpusConfig';
import { CorpusIndex } from '../analysis/corpusIndex';
import {
  analyseDocument,
  notAnalysed,
  type AnalysisBudget,
  type AnalysisOptions,
  type DocumentAnalysis,
  type SectionCache,
} from '../analysis/documentAnalysis';
import type { Finding } from '../analysis/types';
import { AnalysisPool } from '../node/analysisPool';
import { failureAnalysis, type Analysed } from '../node/analysisPool';
import { isScannable, readText } from '../node/corpusFiles';
import type { Positions } from '../node/lineIndex';
import { readSettings, DEFAULT_SETTINGS, type Settings } from '../settings';
import { ReaderAnnotations, type AnnotationChange, type StoreLocation } from './annotations';
import { CorpusConfigs } from './corpusConfigs';
import { isCorpusFile } from './corpusMembership';
import { IndexReadiness } from './indexReadiness';
import { OpenBuffers } from './openBuffers';
import { PositionCache } from './positionCache';
import { Revalidation, type IndexChange } from './revalidation';
import { WarmUp } from './warmUp';
import { scanWorkspace } from './workspaceScan';
import { WorkspacePaths } from './workspacePaths';

export class Session {
  readonly index = new CorpusIndex();
  settings: Settings = DEFAULT_SETTINGS;
  /** A workspace scan is under way. */
  scanning = false;
  /** Whether the index holds the whole corpus yet (see indexReadiness.ts). */
  readonly readiness = new IndexReadiness();
  /** Called after each round of diagnostics with the files the index changed for since. */
  onIndexSettled: (changed: ReadonlySet<string>) => void = () => undefined;
  /** Files whose contribution to the index changed since the last round of diagnostics. */
  private changedSinceRound = new Set<string>();
  /** Folders declared a corpus while a scan ran: indexed once it ends. */
  private readonly foldersToScan = new Set<string>();
  /** When the editor last sent a request or notification (Date.now()). */
  lastActivity = 0;

  private readonly paths = new WorkspacePaths();
  private readonly configs = new CorpusConfigs();
  private readonly positions = new PositionCache();
  private readonly buffers: OpenBuffers = new OpenBuffers({
    keyOf: (uri) => this.keyOf(uri),
    uriOf: (key) => this.uriOf(key),
    analysedVersion: (key) => this.index.get(key)?.version,
    analyse: (key, document) => this.analyseBuffer(key, document),
    edited: (key, edit) => this.annotations.edited(key, edit),
    error: (message) => this.connection.console.error(message),
  });
  /** The readers' notes, tags and corrections (session/annotations.ts). */
  readonly annotations: ReaderAnnotations = new ReaderAnnotations({
    storeOf: (source) => this.storeOf(source),
    storeLocations: () => this.storeLocations(),
    currentText: (source) => this.index.get(source)?.analysis.text,
    author: () => this.settings.annotationAuthor || safeUserName(),
    error: (message) => this.connection.console.error(message),
  });
  /** Told when annotations change (the client shows them again). */
  onAnnotationsChanged: (change: AnnotationChange) => void = () => undefined;
  private readonly revalidation: Revalidation;
  private readonly warmUp: WarmUp;
  /** Reads and analyses files for the scan on every core (dist/analysisWorker.js). */
  readonly pool = new AnalysisPool(path.join(__dirname, 'analysisWorker.js'));

  constructor(readonly connection: Connection) {
    const console = {
      info: (message: string) => connection.console.info(message),
      error: (message: string) => connection.console.error(message),
    };
    this.warmUp = new WarmUp({
      index: this.index,
      isScanning: () => this.scanning,
      lastActivity: () => this.lastActivity,
      ...console,
    });
    this.revalidation = new Revalidation({
      index: this.index,
      isScanning: () => this.scanning,
      isOpen: (key) => this.isOpen(key),
      isTypedIn: (key) => this.buffers.isTypedIn(key),
      published: () => {
        const changed = this.changedSinceRound;
        this.changedSinceRound = new Set();
        this.warmUp.start();
        this.onIndexSettled(changed);
      },
      error: console.error,
    });
    this.annotations.onChange = (change) => this.annotationsChanged(change);
  }

  /** Open buffers; every change is also recorded until it is analysed. */
  get documents(): OpenBuffers['documents'] {
    return this.buffers.documents;
  }

  /** Called with the files whose diagnostics must be published again; resolves once written. */
  get onDiagnostics(): (keys: Set<string>) => Promise<void> {
    return this.revalidation.onDiagnostics;
  }

  set onDiagnostics(publish: (keys: Set<string>) => Promise<void>) {
    this.revalidation.onDiagnostics = publish;
  }

  // ------------------------------------------------------------------ keys and paths

  /** Index keys are file-system paths for `file:` documents and the URI otherwise (untitled). */
  keyOf(uri: string): string {
    return this.paths.keyOf(uri);
  }

  uriOf(key: string): string {
    return this.paths.uriOf(key);
  }

  /** A short path for messages: relative to its workspace folder. */
  displayPath(key: string): string {
    return this.paths.displayPath(key);
  }

  get roots(): readonly string[] {
    return this.paths.roots;
  }

  setRoots(folders: WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    this.paths.setRoots(folders, rootUri);
  }

  textOf(key: string): string {
    return (
      this.index.get(key)?.analysis.text ??
      this.annotations.storeText(key) ??
      (path.basename(key) === CONFIG_FILE_NAME ? this.configs.textIn(key) : undefined) ??
      ''
    );
  }

  /** Whether `key` is open in the editor. */
  isOpen(key: string): boolean {
    return !!this.buffers.get(key);
  }

  /** Whether an open buffer was typed in since its analysis (its offsets map through the edits). */
  isTypedIn(key: string): boolean {
    return this.buffers.isTypedIn(key);
  }

  /**
   * Offsets of the file's analysis to positions and back, for any file, open or not
   * (UTF-16, as LSP). A buffer typed in since its analysis maps them through the edits.
   */
  lineIndex(key: string): Positions {
    const pending = this.buffers.editsOf(key);
    if (pending) return pending.lineIndex();
    // an open buffer keeps its line starts up to date as it is edited: no need to rescan it
    const open = this.buffers.get(key);
    if (open && open.version === this.index.get(key)?.version) return open;
    return this.positions.of(key, this.textOf(key));
  }

  // ------------------------------------------------------------------ which files are a corpus

  /** The documented rule (see corpusMembership.ts). */
  isCorpusFile(key: string): boolean {
    return isCorpusFile(key, this.configs, this.paths, this.settings.corpusGlobs);
  }

  /** Whether an open document is ours: the corpus language, or a corpus file on disk. */
  isServed(document: TextDocument): boolean {
    return document.languageId === 'corpus' || this.isCorpusFile(this.keyOf(document.uri));
  }

  // ------------------------------------------------------------------ settings and config files

  async loadSettings(): Promise<void> {
    const raw: unknown = await this.connection.workspace.getConfiguration('corpusAnnotator').then(
      (v) => v,
      () => undefined,
    );
    const { settings, problems } = readSettings(raw);
    this.settings = settings;
    this.pool.budgetMs = settings.analysisTimeBudget * 1000;
    // a buffer given up under the old budget may fit the new one
    this.buffers.forgiveAll();
    for (const p of problems) this.connection.window.showWarningMessage(`Corpus Annotator: ${p}`);
    this.index.setOptions(this.analysisOptions);
  }

  /** How files are analysed, from the settings: the same for the scan, buffers and reloads. */
  get analysisOptions(): AnalysisOptions {
    return { maxLength: this.maxBytes, dates: { numericOrder: this.settings.numericDateOrder } };
  }

  get maxBytes(): number {
    return this.settings.maxFileSize * 1024;
  }

  /**
   * Reads (or forgets) a corpus-annotator.json; a broken one gets diagnostics, not a crash.
   * A folder that gains one is a corpus from now on: its files are indexed at once (the
   * command Declare Folder as Corpus writes one); a folder that loses it stops being one.
   */
  async loadConfig(file: string, text?: string): Promise<void> {
    const dir = path.dirname(file);
    const wasDeclared = this.configs.hasFolder(dir);
    // read no more than a config may hold (UTF-8: at most three bytes per UTF-16 unit)
    const content = text ?? (await readText(file, MAX_CONFIG_LENGTH * 3));
    if (typeof content !== 'string' && !content.ok) {
      if (content.tooLarge) this.configs.setOversized(file, content.reason.split(',')[0]);
      else this.configs.deleteFolder(dir);
    } else {
      this.configs.set(file, typeof content === 'string' ? content : content.text);
    }
    const result = this.index.setConfig(this.configs.merged());
    result.affected.add(file);
    this.changedSinceRound.add(file);
    // its tags may have changed: the client draws them again
    if (!this.scanning)
      this.onAnnotationsChanged({ sources: new Set(), corrections: new Set(), stores: new Set() });
    this.warmUp.request(); // the config dropped the index's people and long forms
    this.schedule(result.affected);
    const declared = this.configs.hasFolder(dir);
    if (declared && !wasDeclared) this.declared(dir);
    else if (!declared && wasDeclared) this.undeclared(dir);
  }

  /** A folder became a corpus: index its files (a scan under way finds them itself). */
  private declared(dir: string): void {
    if (this.scanning) {
      this.foldersToScan.add(dir);
      return;
    }
    void this.scan([dir]).catch((e) =>
      this.connection.console.error(`Corpus Annotator: indexing ${dir} failed: ${String(e)}`),
    );
  }

  /** A folder is no longer a corpus: its files that no other rule makes corpus files go. */
  private undeclared(dir: string): void {
    this.foldersToScan.delete(dir);
    const inside = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const key of this.index.paths()) {
      if (key.startsWith(inside) && !this.isCorpusFile(key)) this.forget(key);
    }
  }

  configFindings(key: string): Finding[] | undefined {
    return this.configs.findings(key);
  }

  configFileFor(key: string): string {
    return this.configs.fileFor(key, this.paths.roots);
  }

  /** The tags the corpus declares (every corpus-annotator.json of the workspace, merged). */
  tags(): Map<string, TagDefinition> {
    return this.configs.merged().tags;
  }

  // ------------------------------------------------------------------ the readers' annotations

  /** Where `source`'s annotations are kept: under its corpus-annotator.json's folder, or the workspace's. */
  private storeOf(source: string): StoreLocation {
    const nearest = this.configs.nearest(source);
    if (nearest)
      return { root: nearest.dir, dir: nearest.config.annotationStore ?? DEFAULT_ANNOTATION_STORE };
    const root =
      this.paths.roots.find((r) => !path.relative(r, source).startsWith('..')) ?? path.dirname(source);
    return { root, dir: DEFAULT_ANNOTATION_STORE };
  }

  private storeLocations(): StoreLocation[] {
    const out = new Map<string, StoreLocation>();
    for (const { dir, config } of this.configs.folders()) {
      const location = { root: dir, dir: config.annotationStore ?? DEFAULT_ANNOTATION_STORE };
      out.set(path.join(location.root, location.dir), location);
    }
    for (const root of this.paths.roots)
      out.set(path.join(root, DEFAULT_ANNOTATION_STORE), { root, dir: DEFAULT_ANNOTATION_STORE });
    return [...out.values()];
  }

  /**
   * Analyses `text` as the content of `key` with the readers' corrections of it: a layer over
   * the engine (annotations/corrections.ts), so everything downstream follows them.
   */
  analyse(key: string, text: string, cache?: SectionCache, budget?: AnalysisBudget) {
    const corrections = this.annotations.correctionsFor(key, text);
    const analysis = analyseDocument(
      text,
      correctedOptions(this.analysisOptions, corrections),
      cache,
      budget,
    );
    return applyCorrections(analysis, corrections);
  }

  /**
   * An analysis made without the readers' corrections (on a worker) with them applied; the
   * file is read again here only when a reader gave its document's date.
   */
  private withCorrections(key: string, analysis: DocumentAnalysis): DocumentAnalysis {
    const corrections = this.annotations.correctionsFor(key, analysis.text);
    if (corrections.length === 0) return analysis;
    const options = correctedOptions(this.analysisOptions, corrections);
    const base = options === this.analysisOptions ? analysis : analyseDocument(analysis.text, options);
    return applyCorrections(base, corrections);
  }

  /** Annotations changed: files whose corrections changed are analysed again, at once. */
  private annotationsChanged(change: AnnotationChange): void {
    for (const key of change.corrections) {
      const open = this.buffers.get(key);
      if (open) this.buffers.analyseNow(key, open);
      else {
        const doc = this.index.get(key);
        if (!doc) continue;
        this.changedSinceRound.add(key);
        const result = this.index.replace(key, {
          path: key,
          version: doc.version,
          analysis: this.analyse(key, doc.analysis.text),
        });
        this.schedule(result.affected, 0, result);
      }
      this.warmUp.request();
    }
    this.schedule([...change.sources, ...change.stores], 0);
    this.onAnnotationsChanged(change);
  }

  /** Whether `key` is an annotation store file of the workspace. */
  isStoreFile(key: string): boolean {
    return key.endsWith('.jsonl') && !!this.annotations.storeLocationOf(key);
  }

  // ------------------------------------------------------------------ the workspace scan

  /** The scan has read the config files: the annotation stores are read meanwhile. */
  configsLoaded(): void {
    this.annotations.prefetch();
  }

  /**
   * Finds every corpus file under the workspace folders (or `roots`) and indexes it, in
   * batches. Until it ends, answers that count across the corpus wait or say they are partial.
   */
  async scan(roots: readonly string[] = this.roots): Promise<void> {
    this.scanning = true;
    this.readiness.begin();
    try {
      const progress = await scanWorkspace(this, roots);
      // the sources' texts are known now: the stores are read and placed on them, and the
      // files with corrections analysed again with them (few)
      const started = Date.now();
      const read = await this.annotations.loadAll();
      // the client asks again (tags and annotations are known now)
      this.onAnnotationsChanged({ sources: new Set(), corrections: new Set(), stores: new Set() });
      if (read.stores)
        this.connection.console.info(
          `Corpus Annotator: read ${read.annotations} annotations from ${read.stores} stores in ${Date.now() - started} ms`,
        );
      this.warmUp.request();
      // the progress ends when the first diagnostics of every file are out
      if (progress) this.revalidation.endWithRound(progress);
    } finally {
      this.scanning = false;
      this.readiness.end();
    }
    this.changedSinceRound.add('*');
    this.schedule(new Set(this.index.paths()), 0);
    // folders declared while it ran and that it did not cover
    const more = [...this.foldersToScan].filter(
      (d) => !roots.some((r) => !path.relative(r, d).startsWith('..')),
    );
    this.foldersToScan.clear();
    if (more.length) await this.scan(more);
  }

  // ------------------------------------------------------------------ buffers and disk

  /** An open buffer opened or changed: it takes precedence over the file on disk. */
  bufferChanged(document: TextDocument, typed = false): void {
    const key = this.keyOf(document.uri);
    if (path.basename(key) === CONFIG_FILE_NAME) {
      this.buffers.dropEdits(key);
      void this.loadConfig(key, document.getText());
      return;
    }
    if (!this.isServed(document)) {
      this.buffers.dropEdits(key);
      return;
    }
    if (this.index.get(key)?.version === document.version) return; // opened: analysed already
    if (typed) this.buffers.typed(key, document);
    else this.buffers.analyseNow(key, document);
  }

  /**
   * Re-analyses an open buffer and replaces its contribution to the index. Buffers are analysed
   * here, on the thread that answers requests (a keystroke re-analyses one section), so each
   * analysis has the per-file time budget; a buffer that runs past it is given up until it is
   * closed and reopened or the budget changes, rather than costing the budget at every keystroke.
   */
  private analyseBuffer(key: string, document: TextDocument): void {
    this.changedSinceRound.add(key);
    const text = document.getText();
    const seconds = this.settings.analysisTimeBudget;
    const message = `Not analysed: the analysis took longer than ${seconds} s (setting corpusAnnotator.analysisTimeBudget). Edits to this file are analysed again once it is closed and reopened; the rest of the corpus is analysed.`;
    let analysis: DocumentAnalysis;
    if (this.buffers.isGivenUp(key))
      analysis = notAnalysed(text, 'analysis-timeout', 'analysis over its time budget', message);
    else {
      const deadline = performance.now() + seconds * 1000;
      analysis = this.analyse(key, text, this.buffers.sectionCache(key), {
        over: () => performance.now() > deadline,
        message,
      });
      if (analysis.findings.some((f) => f.code === 'analysis-timeout')) {
        this.buffers.giveUp(key);
        this.connection.console.warn(`Corpus Annotator: ${key}: ${message}`);
      }
    }
    const result = this.index.replace(key, { path: key, version: document.version, analysis });
    this.schedule(result.affected, this.settings.diagnosticsDelay, result);
  }

  /** Analyses every buffer typed in since its last analysis. */
  analysePending(): void {
    this.buffers.analysePending();
  }

  /** Before a request: see OpenBuffers.prepare. */
  prepare(uri: string, position?: { line: number; character: number }): void {
    this.buffers.prepare(uri, position);
  }

  /** A buffer closed: what is on disk counts again (the unsaved edits are gone). */
  async bufferClosed(uri: string): Promise<void> {
    const key = this.keyOf(uri);
    this.buffers.closed(key);
    // a corpus-annotator.json closed unsaved: what is on disk counts again
    if (path.basename(key) === CONFIG_FILE_NAME) return this.reloadFromDisk(key);
    if (!this.index.get(key)) return;
    await this.reloadFromDisk(key);
  }

  /**
   * Reads a file that is not open from disk again (a watched-files event, a closed buffer).
   * Only a file the scan would find is read (see isScannable); the analysis goes through the
   * pool, within the time budget. A load that a later one, or an opened buffer, overtook while
   * it read is dropped: `didClose` then `didOpen` of the same file (a change of language mode)
   * must not let the disk text overwrite the buffer.
   */
  async reloadFromDisk(key: string): Promise<void> {
    // a store is read from disk even when open in an editor: what is saved is what counts
    if (this.isStoreFile(key)) return this.annotations.loadStore(key);
    if (this.isOpen(key)) return;
    if (path.basename(key) === CONFIG_FILE_NAME) return this.loadConfig(key);
    const load = (this.diskLoads.get(key) ?? 0) + 1;
    this.diskLoads.set(key, load);
    const stale = () => this.isOpen(key) || this.diskLoads.get(key) !== load;
    if (!this.isCorpusFile(key) || !(await isScannable(this.roots, key))) {
      if (!stale() && this.index.get(key)) this.forget(key);
      return;
    }
    let result: Analysed | undefined;
    await this.pool.analyse([key], this.maxBytes, this.analysisOptions, (r) => (result = r));
    if (stale() || !result) return;
    const analysis = result.ok ? result.analysis : failureAnalysis(result, this.pool.budgetMs);
    if (analysis) {
      this.changedSinceRound.add(key);
      const change = this.index.replace(key, {
        path: key,
        version: 0,
        analysis: this.withCorrections(key, analysis),
      });
      this.schedule(change.affected, this.settings.diagnosticsDelay, change);
    } else {
      this.forget(key);
    }
  }

  /** Per file, the last disk load started (see reloadFromDisk). */
  private readonly diskLoads = new Map<string, number>();

  forget(key: string): void {
    // deleted on disk but open in the editor: the buffer is the user's work, keep serving it
    if (this.isOpen(key)) return;
    if (this.isStoreFile(key)) {
      void this.annotations.loadStore(key);
      return;
    }
    if (path.basename(key) === CONFIG_FILE_NAME) {
      const dir = path.dirname(key);
      if (!this.configs.hasFolder(dir)) return;
      this.configs.deleteFolder(dir);
      this.changedSinceRound.add(key);
      this.schedule(this.index.setConfig(this.configs.merged()).affected);
      this.revalidation.forgetPublished(key);
      this.connection.sendDiagnostics({ uri: this.uriOf(key), diagnostics: [] });
      this.undeclared(dir);
      return;
    }
    this.changedSinceRound.add(key);
    const result = this.index.remove(key);
    // its annotations stay, as orphans, until a reader deletes them
    this.annotations.sourceGone(key);
    this.positions.delete(key);
    this.schedule(result.affected, 0, result);
    // clear what we published for the file that is gone
    this.revalidation.forgetPublished(key);
    this.connection.sendDiagnostics({ uri: this.uriOf(key), diagnostics: [] });
  }

  rename(from: string, to: string): void {
    if (!this.index.get(from)) {
      void this.reloadFromDisk(to);
      return;
    }
    this.changedSinceRound.add(from).add(to);
    const result = this.index.rename(from, to);
    void this.annotations.renamed(from, to);
    this.positions.delete(from);
    this.revalidation.forgetPublished(from);
    this.connection.sendDiagnostics({ uri: this.uriOf(from), diagnostics: [] });
    this.schedule(result.affected, 0, result);
  }

  // ------------------------------------------------------------------ revalidation

  /** Publishes diagnostics for `keys` after `delay` ms, coalescing bursts of edits. */
  schedule(keys: Iterable<string>, delay = this.settings.diagnosticsDelay, result?: IndexChange): void {
    this.revalidation.schedule(keys, delay, result);
  }

  /** Records the files that `key`'s published diagnostics point into (see Revalidation.pointsAt). */
  pointsAt(key: string, targets: Iterable<string>): void {
    this.revalidation.pointsAt(key, targets);
  }

  /** Whether `count` diagnostics for `key` are worth sending (see Revalidation.needsPublish). */
  needsPublish(key: string, count: number): boolean {
    return this.revalidation.needsPublish(key, count);
  }
}

/** The account's name, for annotations when no author is set; never an exception. */
function safeUserName(): string {
  try {
    return os.userInfo().username || 'reader';
  } catch {
    return 'reader';
  }
}
