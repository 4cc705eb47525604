// An open buffer's text, line starts and version, as TextDocuments keeps it. It behaves as
// vscode-languageserver-textdocument's TextDocument (whose line logic it follows), but an
// edit does not make the runtime copy the whole text: that library checks for a CRLF pair
// across the edit by reading the freshly joined string, and reads the character before each
// position it converts, and either makes V8 flatten the joined string on every keystroke
// (about 2 ms for a 1 MB buffer, in front of the request that came with the keystroke).
// Here the CRLF check reads the old text and the inserted text, and a position reads the
// text only when it falls on a line break. The text is flattened once, by its analysis.
import type {
  Position,
  Range,
  TextDocument,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-textdocument';

const CR = 13;
const LF = 10;

export class BufferDocument implements TextDocument {
  private lineStarts: number[] | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    private content: string,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): BufferDocument {
    return new BufferDocument(uri, languageId, version, content);
  }

  getText(range?: Range): string {
    if (!range) return this.content;
    return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  get lineCount(): number {
    return this.starts().length;
  }

  /** Applies the changes in order (what TextDocuments' update hook is given). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) this.applyRange(change.range, change.text);
      else {
        this.content = change.text;
        this.lineStarts = undefined;
      }
    }
    this.version = version;
  }

  private applyRange(range: Range, text: string): void {
    const { start, end } = wellFormed(range);
    const startOffset = this.offsetAt(start);
    const endOffset = this.offsetAt(end);
    const old = this.content;
    // the characters on each side of the edit, read from the old text and the inserted one
    const before = startOffset > 0 ? old.charCodeAt(startOffset - 1) : -1;
    const first = text.length ? text.charCodeAt(0) : endOffset < old.length ? old.charCodeAt(endOffset) : -1;
    const last = text.length ? text.charCodeAt(text.length - 1) : before;
    const after = endOffset < old.length ? old.charCodeAt(endOffset) : -1;
    this.content = old.substring(0, startOffset) + text + old.substring(endOffset);
    if (this.lineStarts === undefined) return;
    if ((before === CR && first === LF) || (last === CR && after === LF)) {
      // a CRLF pair across the edit: the line starts are counted again when next asked
      this.lineStarts = undefined;
      return;
    }
    const starts = this.lineStarts;
    const added = lineStartsOf(text, startOffset);
    const startLine = Math.max(start.line, 0);
    const endLine = Math.max(end.line, 0);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) starts[i + startLine + 1] = added[i];
    } else if (added.length < 10_000) {
      starts.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      this.lineStarts = [...starts.slice(0, startLine + 1), ...added, ...starts.slice(endLine + 1)];
    }
    const delta = text.length - (endOffset - startOffset);
    if (delta !== 0) {
      const moved = this.lineStarts;
      for (let i = startLine + 1 + added.length; i < moved.length; i++) moved[i] += delta;
    }
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.content.length), 0);
    const starts = this.starts();
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeLineBreak(offset, line);
    return { line, character: offset - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.starts();
    if (position.line >= starts.length) return this.content.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.content.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), position.line);
  }

  /** A line's range, without its line break. */
  getLineRange(line: number): Range {
    const starts = this.starts();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return {
        start: { line: last, character: 0 },
        end: { line: last, character: this.content.length - starts[last] },
      };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const next = line + 1 < starts.length ? starts[line + 1] : this.content.length;
    const end = this.beforeLineBreak(next, line);
    return { start: { line, character: 0 }, end: { line, character: end - starts[line] } };
  }

  /** The line break that ends a line (`''` for the last line). */
  getEOLCharacters(line: number): string {
    const starts = this.starts();
    if (line < 0 || line >= starts.length) return '';
    const next = line + 1 < starts.length ? starts[line + 1] : this.content.length;
    return this.content.substring(this.beforeLineBreak(next, line), next);
  }

  /** `offset` moved back off the line break that ends its line, if it is on it. */
  private beforeLineBreak(offset: number, line: number): number {
    const starts = this.starts();
    // every CR and LF ends a line, so a break is only ever a line's last one or two
    // characters, and the last line has none: short of those, nothing needs reading
    if (line + 1 >= starts.length || offset < starts[line + 1] - 1) return offset;
    const lineStart = starts[line];
    while (offset > lineStart && isLineBreak(this.content.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private starts(): number[] {
    return (this.lineStarts ??= [0, ...lineStartsOf(this.content, 0)]);
  }
}

/** The offsets where lines start after a line break in `text` (moved by `base`). */
function lineStartsOf(text: string, base: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) {
      if (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      out.push(base + i + 1);
    }
  }
  return out;
}

function isLineBreak(c: number): boolean {
  return c === CR || c === LF;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character))
    return { start: end, end: start };
  return range;
}
