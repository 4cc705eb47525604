// Document symbols (the Outline: entities by kind, dated events in order) and workspace
// symbols (Ctrl+T: `PARP`, `Hasanov`).
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver/node';
import { SymbolKind } from 'vscode-languageserver/node';
import { describe } from '../analysis/conflicts';
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
  const labelOf = (p: { label: string }) => p.label;
  const events = doc.analysis.claims
    .map((c) => ({ c, label: describe(c, labelOf) }))
    .sort((a, b) => a.c.value.localeCompare(b.c.value) || a.c.span.start - b.c.span.start);
  const timeline = events.map(({ c, label }) => ({
    name: `${c.value}: ${label}`,
    kind: SymbolKind.Event,
    range: toRange(session, key, c.sentence),
    selectionRange: toRange(session, key, c.span),
  }));
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
