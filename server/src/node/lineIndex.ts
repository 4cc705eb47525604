// Offsets to line/character positions and back. LSP positions are UTF-16 code units, the
// same units as JavaScript string offsets, so only line starts are needed. This is the one
// place offsets become positions (the server's conversion module wraps it).
export interface LinePosition {
  line: number;
  character: number;
}

/** Offsets to positions and back: a LineIndex, or a buffer with edits not yet analysed. */
export interface Positions {
  positionAt(offset: number): LinePosition;
  offsetAt(position: LinePosition): number;
}

export class LineIndex implements Positions {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): LinePosition {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(position: LinePosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }
}
