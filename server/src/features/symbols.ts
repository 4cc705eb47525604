// Document symbols (the Outline: entities by kind, dated events in order) and workspace
// symbols (Ctrl+T: `PARP`, `Hasanov`).
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver/node';
import { SymbolKind } from 'vscode-languageserver/node';
import { describeFact } from '../analysis/conflicts';
import type { ResolvedMention } from '../analysis/corpusIndex';
import { definitionOf } from '../analysis/query';
import type { Session } from '../session';
import { annotationSymbols } from './annotations';
import { toLocation, toRange } from './conversion';

export function documentSymbols(session: Session, uri: string): DocumentSymbol[] {
  const key = session.keyOf(uri);
  const doc = session.index.get(key);
  if (!doc) return [];
  const mentions = session.index.mentions(key);
  const groups: DocumentSymbol[] = [];
  const byEntity = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    if (!m.entity) continue;
    if (!byEntity.has(m.entity)) byEntity.set(m.entity, []);
    byEntity.get(m.entity)!.push(m);
  }
  const entityGroup = (
    name: string,
    kind: SymbolKind,
    test: (id: string) => boolean,
    label: (id: string) => string,
  ) => {
    const children: DocumentSymbol[] = [];
    for (const [id, ms] of byEntity) {
      if (!test(id)) continue;
      const first = ms[0];
      const last = ms[ms.length - 1];
      children.push({
        name: label(id),
        detail: `${ms.length} mention${ms.length === 1 ? '' : 's'}`,
        kind,
        range: toRange(session, key, { start: first.start, end: last.end }),
        selectionRange: toRange(session, key, first),
      });
    }
    if (children.length) groups.push(container(name, children));
  };
  entityGroup(
    'Officials',
    SymbolKind.Class,
    (id) => id.startsWith('person:') && session.index.person(id)?.kind === 'official',
    (id) => session.index.person(id)?.name ?? id,
  );
  entityGroup(
    'People',
    SymbolKind.Variable,
    (id) => id.startsWith('person:') && session.index.person(id)?.kind === 'person',
    (id) => session.index.person(id)?.name ?? id,
  );
  entityGroup(
    'Acronyms',
    SymbolKind.Constant,
    (id) => id.startsWith('acronym:'),
    (id) => {
      const a = session.index.acronym(id.slice(8));
      return a ? `${a.name}${a.expansion ? ` (${a.expansion})` : ''}` : id;
    },
  );
  // dated events, in the order of their dates
  const timeline = timelineEvents(session, key);
  if (timeline.length) groups.push(container('Timeline', timeline));
  const dates = doc.analysis.dates.map((d) => ({
    name: `${d.value}${d.mod ? '/' + d.mod : ''}`,
    detail: d.text,
    kind: SymbolKind.Number,
    range: toRange(session, key, d),
    selectionRange: toRange(session, key, d),
  }));
  if (dates.length) groups.push(container('Dates', dates));
  return groups;
}

/**
 * The file's dated events in the order of their dates, as VS Code's Outline will show them.
 * The Outline sorts a node's children by the start of their `range` whatever order the server
 * gives (by name only on ties, and on user request): events in document order were listed
 * 2022, 2022, 1992, 1997. So every event shares one range, the span of all of them (it must
 * contain each one's `selectionRange`, the date, which is where a click goes), and its name
 * starts with the date: under any of the Outline's sort orders they follow the calendar.
 * The name is compared as VS Code does (a numeric collator), and a space after the value
 * keeps `1997` before `1997-05` there; the server's own order is the same, for other editors.
 */
function timelineEvents(session: Session, key: string): DocumentSymbol[] {
  const doc = session.index.get(key);
  // what happened, not what was said about it
  const claims = (doc?.analysis.claims ?? []).filter((c) => c.event !== 'say' && c.event !== 'announce');
  if (claims.length === 0) return [];
  const span = {
    start: Math.min(...claims.map((c) => Math.min(c.sentence.start, c.span.start))),
    end: Math.max(...claims.map((c) => Math.max(c.sentence.end, c.span.end))),
  };
  const range = toRange(session, key, span);
  return claims
    .map((c) => ({
      name: `${c.value} — ${describeFact(c)}${c.plan ? ' (planned)' : ''}`,
      kind: SymbolKind.Event,
      range,
      selectionRange: toRange(session, key, c.span),
      start: c.span.start,
    }))
    .sort((a, b) => OUTLINE_ORDER.compare(a.name, b.name) || a.start - b.start)
    .map(({ start: _start, ...symbol }) => symbol);
}

/** How VS Code's Outline compares names (`Intl.Collator` with numeric ordering). */
const OUTLINE_ORDER = new Intl.Collator(undefined, { numeric: true });

function container(name: string, children: DocumentSymbol[]): DocumentSymbol {
  const start = children.reduce(
    (m, c) => (before(c.range.start, m.start) ? c.range : m),
    children[0].range,
  ).start;
  const end = children.reduce((m, c) => (before(m.end, c.range.end) ? c.range : m), children[0].range).end;
  return {
    name,
    kind: SymbolKind.Namespace,
    range: { start, end },
    selectionRange: { start, end: start },
    children,
  };
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function workspaceSymbols(session: Session, query: string): SymbolInformation[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const out: SymbolInformation[] = [];
  const matches = (...names: (string | undefined)[]) =>
    names.some((n) => n !== undefined && n.toLowerCase().replace(/\s+/g, '').includes(q));
  for (const key of session.index.acronymKeys()) {
    const a = session.index.acronym(key);
    if (!a || !matches(a.name, a.expansion, ...a.variants)) continue;
    const def = definitionOf(session.index, a.id);
    if (!def) continue;
    out.push({
      name: a.name,
      kind: SymbolKind.Constant,
      containerName: a.expansion ?? 'acronym',
      location: toLocation(session, def.path, def.span),
    });
  }
  for (const p of session.index.people()) {
    if (!matches(p.name, ...p.variants)) continue;
    const def = definitionOf(session.index, p.id);
    if (!def) continue;
    const title = p.titles[0]?.text;
    out.push({
      name: p.name,
      kind: p.kind === 'official' ? SymbolKind.Class : SymbolKind.Variable,
      containerName: title ?? p.kind,
      location: toLocation(session, def.path, def.span),
    });
  }
  // the readers' notes and tags: Ctrl+T finds a note by its text
  out.push(...annotationSymbols(session, query));
  return out.slice(0, 500);
}
