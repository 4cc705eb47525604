// Whether the index holds the whole corpus yet. From `initialize` until the first scan ends
// (and during any later scan) an answer that counts across the corpus (references, workspace
// symbols, a hover's counts, CodeLens) would be silently partial: such a request waits for the
// scan when it will end soon, and is answered as partial, saying so, when it will not.

/**
 * How long a request may wait for a scan to end. The samples' scan takes a second or two
 * while the server starts its workers; a user asking that early gets the whole answer. The
 * environment variable is for tests (0: never wait).
 */
const DEFAULT_WAIT_MS = 2500;

export function scanWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env.CORPUS_ANNOTATOR_SCAN_WAIT_MS);
  return Number.isFinite(raw) && raw >= 0 ? raw : DEFAULT_WAIT_MS;
}

/** Files read before the rate of the scan is trusted to say when it ends. */
const MIN_FILES_FOR_ESTIMATE = 16;

interface Waiter {
  deadline: number;
  resolve(complete: boolean): void;
}

export class IndexReadiness {
  /** A scan is expected (the server was initialised) but has not started yet. */
  private expected = false;
  private running = 0;
  private done = 0;
  private total: number | undefined;
  /** When the scan started reading files (after finding them). */
  private readingSince = 0;
  private readonly waiters = new Set<Waiter>();
  private readonly completed: (() => void)[] = [];

  constructor(private readonly waitMs = scanWaitMs()) {}

  /** The editor connected: until the first scan ends, the index is partial. */
  expect(): void {
    this.expected = true;
  }

  /** A scan starts: first it finds the files, then `reading` says how many. */
  begin(): void {
    this.expected = false;
    this.running++;
    this.done = 0;
    this.total = undefined;
  }

  /** The scan found `total` files to read. */
  reading(total: number): void {
    this.total = total;
    this.done = 0;
    this.readingSince = Date.now();
    this.check();
  }

  /** One more file read. */
  progress(done: number): void {
    this.done = done;
    if (this.waiters.size) this.check();
  }

  end(): void {
    this.running = Math.max(0, this.running - 1);
    if (!this.complete) return;
    for (const w of [...this.waiters]) this.settle(w, true);
    for (const listener of this.completed) listener();
  }

  /** Calls `listener` each time a scan ends and the index is complete again. */
  onComplete(listener: () => void): void {
    this.completed.push(listener);
  }

  /** Whether the index holds every corpus file (no scan pending or under way). */
  get complete(): boolean {
    return !this.expected && this.running === 0;
  }

  /** How far the scan is, for messages: `1537 of 4000 files` (or `finding files`). */
  describe(): string {
    if (this.total === undefined) return 'finding the corpus files';
    return `${this.done} of ${this.total} files`;
  }

  /**
   * Resolves true once the index is complete, or false as soon as it is clear that it will
   * not be within the wait (at once when the wait is 0): the caller then answers from what
   * the index holds and says it is partial.
   */
  whenComplete(): Promise<boolean> {
    if (this.complete) return Promise.resolve(true);
    if (this.waitMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = { deadline: Date.now() + this.waitMs, resolve };
      this.waiters.add(waiter);
      const timer = setTimeout(() => this.settle(waiter, this.complete), this.waitMs);
      waiter.resolve = (complete) => {
        clearTimeout(timer);
        resolve(complete);
      };
      this.check();
    });
  }

  /** Gives up early on waiters the scan cannot finish for, judging by its rate so far. */
  private check(): void {
    if (this.total === undefined || this.done < MIN_FILES_FOR_ESTIMATE) return;
    const now = Date.now();
    const rate = this.done / Math.max(1, now - this.readingSince); // files per ms
    const eta = now + (this.total - this.done) / rate;
    for (const w of [...this.waiters]) if (eta > w.deadline) this.settle(w, false);
  }

  private settle(waiter: Waiter, complete: boolean): void {
    if (!this.waiters.delete(waiter)) return;
    waiter.resolve(complete);
  }
}
