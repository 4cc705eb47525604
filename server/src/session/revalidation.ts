// Debounced revalidation: which files' diagnostics must be published again, coalesced over a
// burst of edits, and published the open files first, the rest a slice per turn of the event
// loop so that requests and typing go between.
import type { CorpusIndex } from '../analysis/corpusIndex';

/** Files whose diagnostics are worked out and sent in one turn of the event loop. */
const PUBLISH_SLICE = 200;

/** What a change to the index reports: the files it affects and the conflict buckets it touched. */
export interface IndexChange {
  affected: Set<string>;
  buckets: Set<string>;
}

export interface RevalidationHost {
  readonly index: CorpusIndex;
  /** A scan is under way: it publishes everything when it ends. */
  isScanning(): boolean;
  isOpen(key: string): boolean;
  isTypedIn(key: string): boolean;
  /** Every file's diagnostics of a round are out. */
  published(): void;
  error(message: string): void;
}

export class Revalidation {
  /** Publishes; resolves once every message is written. */
  onDiagnostics: (keys: Set<string>) => Promise<void> = () => Promise.resolve();

  private readonly pending = new Set<string>();
  private pendingResults: IndexChange[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The scan's progress, kept until its diagnostics are published. */
  private roundProgress: { done(): void } | undefined;
  /** Files whose last published diagnostics were not empty. */
  private readonly withDiagnostics = new Set<string>();

  constructor(private readonly host: RevalidationHost) {}

  /** Publishes diagnostics for `keys` after `delay` ms, coalescing bursts of edits. */
  schedule(keys: Iterable<string>, delay: number, result?: IndexChange): void {
    for (const k of keys) this.pending.add(k);
    if (result) this.pendingResults.push(result);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** The scan's progress ends when the first diagnostics of every file are out. */
  endWithRound(progress: { done(): void }): void {
    this.roundProgress = progress;
  }

  /**
   * Whether `count` diagnostics for `key` are worth sending. An empty list only clears what
   * was sent before, so a closed file that never had any gets none: after a scan of 10,000
   * files, 7,000 messages fewer for the editor to read.
   */
  needsPublish(key: string, count: number): boolean {
    if (count > 0) {
      this.withDiagnostics.add(key);
      return true;
    }
    return this.withDiagnostics.delete(key) || this.host.isOpen(key);
  }

  /** The file is gone (or renamed): what was published for it is cleared by the caller. */
  forgetPublished(key: string): void {
    this.withDiagnostics.delete(key);
    this.pointsAt(key, []);
  }

  /**
   * Per file, the other files its last published diagnostics point into (related information),
   * and the reverse. A change to a file republishes every file that points into it: a line
   * break typed at the top of one file moves the quoted lines that another file's conflict
   * shows, though the conflict itself, and so the index's list of affected files, is unchanged.
   */
  private readonly pointsInto = new Map<string, Set<string>>();
  private readonly pointedFrom = new Map<string, Set<string>>();

  /** Records where the diagnostics just published for `key` point (see `pointsInto`). */
  pointsAt(key: string, targets: Iterable<string>): void {
    const next = new Set(targets);
    next.delete(key);
    const before = this.pointsInto.get(key);
    for (const t of before ?? []) if (!next.has(t)) this.pointedFrom.get(t)?.delete(key);
    for (const t of next) {
      let from = this.pointedFrom.get(t);
      if (!from) this.pointedFrom.set(t, (from = new Set()));
      from.add(key);
    }
    if (next.size) this.pointsInto.set(key, next);
    else this.pointsInto.delete(key);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.host.isScanning()) return; // the scan publishes everything when it ends
    const index = this.host.index;
    for (const result of this.pendingResults.splice(0)) {
      for (const k of index.settle(result)) this.pending.add(k);
    }
    // the files whose diagnostics quote a changed file are published again with it
    for (const k of [...this.pending])
      for (const from of this.pointedFrom.get(k) ?? []) this.pending.add(from);
    const keys = [...this.pending];
    this.pending.clear();
    // the open files first, and out before the rest is worked out: a year typed in one file
    // can change the conflicts of a thousand others, and the file being typed in must not
    // wait for them, nor must requests (the rest goes a slice at a time)
    const open: string[] = [];
    const rest: string[] = [];
    for (const k of keys) (this.host.isOpen(k) ? open : rest).push(k);
    void this.publish(open);
    const publishRest = () => {
      void this.publish(rest.splice(0, PUBLISH_SLICE));
      if (rest.length) setImmediate(publishRest);
      else this.roundDone();
    };
    if (rest.length) setImmediate(publishRest);
    else this.roundDone();
    // what a hover in an open buffer reads (its lone surnames and long forms, a few ms in a
    // 1 MB file) is found now, between keystrokes; a request that comes first finds them itself
    if (open.length)
      setImmediate(() => {
        try {
          for (const key of open) if (!this.host.isTypedIn(key)) index.prepareLookups(key);
        } catch (error) {
          this.host.error(`Corpus Annotator: preparing lookups failed: ${String(error)}`);
        }
      });
  }

  /** Every file's diagnostics of a flush are out: a scan's progress ends, the warm-up may start. */
  private roundDone(): void {
    this.roundProgress?.done();
    this.roundProgress = undefined;
    this.host.published();
  }

  /** Publishes the diagnostics of `keys`; resolves once they are written, never rejects. */
  private publish(keys: string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve();
    const failed = (error: unknown) =>
      this.host.error(`Corpus Annotator: publishing diagnostics failed: ${String(error)}`);
    try {
      return this.onDiagnostics(new Set(keys)).catch(failed);
    } catch (error) {
      failed(error);
      return Promise.resolve();
    }
  }
}
