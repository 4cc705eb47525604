// Go to definition, find references, document highlights and next/previous mention.
import type { DocumentHighlight, Location, Position } from 'vscode-languageserver/node';
import { DocumentHighlightKind } from 'vscode-languageserver/node';
import { adjacentMention, definitionOf, mentionAt, referencesOf, sameDateMentions } from '../analysis/query';
import type { Session } from '../session';
import { toLocation, toOffset, toRange } from './conversion';

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
    ? referencesOf(session.index, mention.entity)
    : mention.kind === 'date'
      ? sameDateMentions(session.index, mention.value!, mention.mod)
      : [];
  let located = found;
  if (!includeDeclaration && mention.entity) {
    const def = definitionOf(session.index, mention.entity);
    if (def) located = found.filter((r) => !(r.path === def.path && r.mention.start === def.span.start));
  }
  return located.map((r) => toLocation(session, r.path, r.mention));
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
