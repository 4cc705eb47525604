// After a scan's diagnostics are out: fills the index's caches a few milliseconds per turn of
// the event loop, in idle time only, so that the first hover on a common name or acronym does
// not resolve half the corpus first.
import type { CorpusIndex } from '../analysis/corpusIndex';

/** Longest turn of the event loop the warm-up takes. */
const WARM_SLICE_MS = 4;

/** The warm-up waits until the editor has sent nothing for this long (the user is reading). */
const WARM_IDLE_MS = 250;

export interface WarmUpHost {
  readonly index: CorpusIndex;
  /** A scan is under way: it warms up after itself. */
  isScanning(): boolean;
  /** When the editor last sent a request or notification (Date.now()). */
  lastActivity(): number;
  info(message: string): void;
  error(message: string): void;
}

export class WarmUp {
  /** Set by a scan or a config change: the caches are to be filled once diagnostics are out. */
  private pending = false;
  /** A warm-up loop is under way. */
  private running = false;

  constructor(private readonly host: WarmUpHost) {}

  /** The index's caches were dropped: warm up after the next round of diagnostics. */
  request(): void {
    this.pending = true;
  }

  /** Diagnostics are out: warms up if asked to. */
  start(): void {
    if (!this.pending) return;
    this.pending = false;
    const index = this.host.index;
    // one loop at a time: one under way starts the index's warm-up again and goes on with it
    index.restartWarmUp();
    if (this.running) return;
    this.running = true;
    const started = Date.now();
    const step = () => {
      if (this.host.isScanning()) {
        this.running = false; // a new scan warms up after itself
        return;
      }
      // while the user types or asks, the warm-up stands aside: it only takes idle time
      const quiet = Date.now() - this.host.lastActivity();
      if (quiet < WARM_IDLE_MS) {
        setTimeout(step, WARM_IDLE_MS - quiet);
        return;
      }
      try {
        if (index.warmUp(WARM_SLICE_MS)) return void setImmediate(step);
        this.host.info(`Corpus Annotator: warmed up in ${Date.now() - started} ms`);
      } catch (error) {
        this.host.error(`Corpus Annotator: warming up failed: ${String(error)}`);
      }
      this.running = false;
    };
    setImmediate(step);
  }
}
