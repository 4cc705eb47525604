// The edits made to an open buffer since it was last analysed. Typing does not wait for the
// analysis: a request that arrives in between is answered from the last analysis, and this
// map moves its offsets to where the text now has them (and the request's back).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LinePosition } from './lineIndex';

/** One replacement: `[start, end)` of the text before it became `length` code units. */
export interface Edit {
  start: number;
  end: number;
  length: number;
}

/** How near an edit (in UTF-16 code units) a request must wait for the fresh analysis. */
export const NEAR_EDIT = 256;

export class PendingEdits {
  private readonly edits: Edit[] = [];

  /** `document` is the buffer as it is now; it moves on as the user types. */
  constructor(public document: TextDocument) {}

  add(edit: Edit): void {
    this.edits.push(edit);
  }

  /** An offset of the analysed text, in the buffer as it is now. */
  toCurrent(offset: number): number {
    let o = offset;
    for (const e of this.edits) {
      if (o >= e.end) o += e.length - (e.end - e.start);
      else if (o > e.start) o = e.start + Math.min(o - e.start, e.length);
    }
    return o;
  }

  /** An offset of the buffer as it is now, in the analysed text (inside typed text: its start). */
  toAnalysed(offset: number): number {
    let o = offset;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const e = this.edits[i];
      if (o >= e.start + e.length) o -= e.length - (e.end - e.start);
      else if (o > e.start) o = e.start;
    }
    return o;
  }

  /** Whether an offset of the buffer as it is now lies within `NEAR_EDIT` of what was typed. */
  nearEdit(offset: number): boolean {
    // each edit's place, carried forward through the edits after it
    for (let i = 0; i < this.edits.length; i++) {
      let start = this.edits[i].start;
      let end = start + this.edits[i].length;
      for (let j = i + 1; j < this.edits.length; j++) {
        const e = this.edits[j];
        const delta = e.length - (e.end - e.start);
        if (start >= e.end) start += delta;
        if (end >= e.end) end += delta;
      }
      if (offset >= start - NEAR_EDIT && offset <= end + NEAR_EDIT) return true;
    }
    return false;
  }

  /** Positions of the analysed text's offsets, through the buffer (what conversion.ts needs). */
  lineIndex(): { positionAt(offset: number): LinePosition; offsetAt(position: LinePosition): number } {
    return {
      positionAt: (offset) => this.document.positionAt(this.toCurrent(offset)),
      offsetAt: (position) => this.toAnalysed(this.document.offsetAt(position)),
    };
  }
}
