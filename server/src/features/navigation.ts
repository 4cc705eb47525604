// Go to definition, find references, document highlights and next/previous mention.
import type { DocumentHighlight, Location, Position } from 'vscode-languageserver/node';
import { DocumentHighlightKind } from 'vscode-languageserver/node';
import { adjacentMention, definitionOf, mentionAt } from '../analysis/query';
import type { Session } from '../session';
import { toLocation, toOffset, toRange } from './conversion';
import { referenceLocations } from './referenceLocations';

export function definition(session: Session, uri: string, position: Position): Location[] {
  const key = session.keyOf(uri);
  const mention = mentionAt(session.index, key, toOffset(session, key, position));
  if (!mention?.entity) return [];
  const target = definitionOf(session.index, mention.entity, { path: key, mention });
  return target ? [toLocation(session, target.path, target.span)] : [];
}

export function references(
  session: Session,
  uri: string,
  position: Position,
  includeDeclaration = true,
): Location[] {
  const key = session.keyOf(uri);
  const mention = mentionAt(session.index, key, toOffset(session, key, position));
  if (!mention) return [];
  const found = mention.entity
    ? referenceLocations(session, { entity: mention.entity })
    : mention.kind === 'date'
      ? referenceLocations(session, { value: mention.value!, mod: mention.mod })
      : [];
  if (!includeDeclaration && mention.entity) {
    const def = definitionOf(session.index, mention.entity);
    if (def) {
      const at = toLocation(session, def.path, def.span);
      return found.filter(
        (l) =>
          !(
            l.uri === at.uri &&
            l.range.start.line === at.range.start.line &&
            l.range.start.character === at.range.start.character
          ),
      );
    }
  }
  return found;
}

export function highlights(session: Session, uri: string, position: Position): DocumentHighlight[] {
  const key = session.keyOf(uri);
  const mention = mentionAt(session.index, key, toOffset(session, key, position));
  if (!mention) return [];
  const same = session.index
    .mentions(key)
    .filter((m) =>
      mention.entity ? m.entity === mention.entity : m.kind === 'date' && m.value === mention.value,
    );
  return same.map((m) => ({
    range: toRange(session, key, m),
    kind:
      m.longForm || (m.name && m.name.given.length > 0)
        ? DocumentHighlightKind.Write
        : DocumentHighlightKind.Read,
  }));
}

/** `corpusAnnotator/adjacentMention`: the next (1) or previous (-1) mention of the same entity. */
export function adjacent(
  session: Session,
  uri: string,
  position: Position,
  direction: 1 | -1,
): Location | null {
  const key = session.keyOf(uri);
  const next = adjacentMention(session.index, key, toOffset(session, key, position), direction);
  return next ? toLocation(session, next.path, next.mention) : null;
}
