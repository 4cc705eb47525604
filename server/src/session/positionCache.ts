// Line starts of files that are not open, remembered per file until its text changes: every
// location of every answer turns an offset into a position.
import { LineIndex } from '../node/lineIndex';

export class PositionCache {
  private readonly byKey = new Map<string, { text: string; index: LineIndex }>();

  /** The line index of `key` whose text is `text`. */
  of(key: string, text: string): LineIndex {
    const cached = this.byKey.get(key);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.byKey.set(key, { text, index });
    return index;
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }
}
