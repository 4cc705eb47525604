// The one place engine offsets become LSP positions and back. Both are UTF-16 code units,
// so a position is a line start plus an offset: no re-encoding, and characters outside the
// Basic Multilingual Plane (two code units) count as two, as LSP's default says.
import type { Location, Position, Range } from 'vscode-languageserver/node';
import type { Span } from '../analysis/types';
import type { Session } from '../session';

export function toRange(session: Session, key: string, span: Span): Range {
  const lines = session.lineIndex(key);
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toLocation(session: Session, key: string, span: Span): Location {
  return { uri: session.uriOf(key), range: toRange(session, key, span) };
}

/** Many spans of one file: its URI and line starts are looked up once. */
export function toLocations(session: Session, key: string, spans: readonly Span[]): Location[] {
  const uri = session.uriOf(key);
  const lines = session.lineIndex(key);
  return spans.map((s) => ({
    uri,
    range: { start: lines.positionAt(s.start), end: lines.positionAt(s.end) },
  }));
}

export function toOffset(session: Session, key: string, position: Position): number {
  return session.lineIndex(key).offsetAt(position);
}

/** A file name and 1-based line for prose: `000_4e54959011ade41e.txt:13`. */
export function shortLocation(session: Session, key: string, offset: number): string {
  const line = session.lineIndex(key).positionAt(offset).line + 1;
  return `${session.displayPath(key).split(/[\\/]/).pop()}:${line}`;
}

/**
 * A Markdown link to a place in a file: VS Code opens `#L13,5` with the cursor at line 13,
 * column 5 (both 1-based), on the mention itself rather than at the start of its line.
 */
export function markdownLink(session: Session, key: string, offset: number): string {
  const at = session.lineIndex(key).positionAt(offset);
  return `[${shortLocation(session, key, offset)}](${session.uriOf(key)}#L${at.line + 1},${at.character + 1})`;
}
