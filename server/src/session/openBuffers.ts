// The buffers open in the editor, and typing in them. A buffer takes precedence over the file
// on disk. Every change is recorded (PendingEdits) until the buffer is analysed again, so that
// a request arriving in between is answered from the last analysis with its offsets mapped.
import { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { SectionCache } from '../analysis/documentAnalysis';
import { BufferDocument } from '../node/bufferDocument';
import { PendingEdits } from '../node/pendingEdits';

/** How long typing must pause before the buffer is analysed again (see `queueAnalysis`). */
const TYPING_PAUSE_MS = 5;

export interface BufferHost {
  keyOf(uri: string): string;
  uriOf(key: string): string;
  /** The version of `key` the index holds, if any. */
  analysedVersion(key: string): number | undefined;
  /** Analyses the open buffer `document` of `key` now and hands it to the index. */
  analyse(key: string, document: TextDocument): void;
  /**
   * Every change typed, in order: `start..end` (offsets before it) replaced by `length` units;
   * null when the client sent the whole text (where the change is, is not known).
   */
  edited(key: string, edit: { start: number; end: number; length: number } | null): void;
  /** Reports an analysis that threw. */
  error(message: string): void;
}

export class OpenBuffers {
  readonly documents = new TextDocuments({
    create: BufferDocument.create,
    update: (document, changes, version) => this.applyChanges(document, changes, version),
  });
  /** Per open file typed in since its last analysis: the edits, to map the analysis's offsets. */
  private readonly pendingEdits = new Map<string, PendingEdits>();
  /** Per open file: its sections' analyses, so typing in a large file re-analyses one section. */
  private readonly sectionCaches = new Map<string, SectionCache>();
  private analysisTimer: NodeJS.Timeout | undefined;
  /** Buffers whose analysis ran past the time budget: not analysed again until reopened. */
  private readonly givenUp = new Set<string>();

  constructor(private readonly host: BufferHost) {}

  /** The open buffer of `key`, if any. */
  get(key: string): TextDocument | undefined {
    return this.documents.get(this.host.uriOf(key));
  }

  /** Whether an open buffer was typed in since its analysis (its offsets map through the edits). */
  isTypedIn(key: string): boolean {
    return this.pendingEdits.has(key);
  }

  /** The edits typed into `key` since its analysis, if any. */
  editsOf(key: string): PendingEdits | undefined {
    return this.pendingEdits.get(key);
  }

  /** Forgets the edits of `key` (it is analysed now, or no longer ours). */
  dropEdits(key: string): void {
    this.pendingEdits.delete(key);
  }

  /** A buffer closed: its edits and section analyses are gone, and it may be tried again. */
  closed(key: string): void {
    this.sectionCaches.delete(key);
    this.pendingEdits.delete(key);
    this.givenUp.delete(key);
  }

  /** The analysis of `key` ran past its time budget: its edits are not analysed any more. */
  giveUp(key: string): void {
    this.givenUp.add(key);
  }

  isGivenUp(key: string): boolean {
    return this.givenUp.has(key);
  }

  /** The budget changed: every buffer is tried again at its next analysis. */
  forgiveAll(): void {
    this.givenUp.clear();
  }

  sectionCache(key: string): SectionCache {
    let cache = this.sectionCaches.get(key);
    if (!cache) this.sectionCaches.set(key, (cache = new SectionCache()));
    return cache;
  }

  /** A buffer typed in: analysed once the messages already received are handled. */
  typed(key: string, document: TextDocument): void {
    // a request that came with the keystroke is answered from the last analysis, mapped
    // through the edits, instead of waiting behind the re-analysis (see `prepare`)
    if (this.pendingEdits.has(key)) this.queueAnalysis();
    else this.analyseNow(key, document);
  }

  /** Re-analyses an open buffer now. */
  analyseNow(key: string, document: TextDocument | undefined = this.get(key)): void {
    this.pendingEdits.delete(key);
    if (!document) return;
    this.host.analyse(key, document);
  }

  /**
   * Runs the pending analyses after a short pause in typing (TYPING_PAUSE_MS): what an editor
   * sends along with a keystroke (a hover, a highlight, the next keystroke of a burst) arrives
   * within a few milliseconds and is handled first, instead of waiting behind the analysis.
   */
  private queueAnalysis(): void {
    if (this.analysisTimer) clearTimeout(this.analysisTimer);
    this.analysisTimer = setTimeout(() => {
      // then after what is queued, and what that queues: the answer to a request handled
      // while the timer ran out is written an immediate or two later (vscode-jsonrpc writes
      // through a queue that takes a turn), and must not wait behind the analysis
      this.analysisTimer = undefined;
      setImmediate(() => setImmediate(() => this.analysePending()));
    }, TYPING_PAUSE_MS);
  }

  /** Analyses every buffer typed in since its last analysis. */
  analysePending(): void {
    for (const key of [...this.pendingEdits.keys()]) {
      try {
        this.analyseNow(key);
      } catch (error) {
        this.host.error(`Corpus Annotator: analysing ${key} failed: ${String(error)}`);
      }
    }
  }

  /**
   * Before a request: a buffer with edits not yet analysed is analysed first when the
   * request is about the whole file (`position` absent) or about a place near what was
   * typed; elsewhere the last analysis answers, with its offsets mapped through the edits.
   */
  prepare(uri: string, position?: { line: number; character: number }): void {
    const key = this.host.keyOf(uri);
    const pending = this.pendingEdits.get(key);
    if (!pending) return;
    if (!position || pending.nearEdit(pending.document.offsetAt(position))) this.analyseNow(key);
  }

  /** Records each change's offsets before applying it (TextDocuments' update hook). */
  private applyChanges(
    document: BufferDocument,
    changes: TextDocumentContentChangeEvent[],
    version: number,
  ): BufferDocument {
    const key = this.host.keyOf(document.uri);
    let pending = this.pendingEdits.get(key);
    // the first edit since the analysis: the buffer as it was is what the index holds
    if (!pending && this.host.analysedVersion(key) === document.version)
      this.pendingEdits.set(key, (pending = new PendingEdits(document)));
    for (const change of changes) {
      const edit =
        'range' in change
          ? {
              start: document.offsetAt(change.range.start),
              end: document.offsetAt(change.range.end),
              length: change.text.length,
            }
          : { start: 0, end: document.getText().length, length: change.text.length };
      pending?.add(edit);
      this.host.edited(key, 'range' in change ? edit : null);
      document.update([change], version);
    }
    return document;
  }
}
