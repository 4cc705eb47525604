// Reading aids: semantic tokens (dates, officials, people, acronyms coloured in any theme),
// inlay hints (the value a partial date was read as) and CodeLens (reference counts on
// defining mentions). Each can be switched off in the settings.
import type { CodeLens, InlayHint, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import { InlayHintKind } from 'vscode-languageserver/node';
import { definitionOf, referencesOf } from '../analysis/query';
import type { Span } from '../analysis/types';
import type { Session } from '../session';
import { toLocation, toRange } from './conversion';

// Custom types with standard super-types (package.json `semanticTokenTypes`), so every
// theme colours them; other editors see `date`, `official`, ... and may style them.
export const LEGEND: SemanticTokensLegend = {
  tokenTypes: ['date', 'official', 'person', 'acronym'],
  tokenModifiers: ['definition', 'longForm', 'conflict'],
};

export function semanticTokens(session: Session, uri: string): SemanticTokens {
  const key = session.keyOf(uri);
  if (!session.settings.semanticHighlighting || !session.index.get(key)) return { data: [] };
  const lines = session.lineIndex(key);
  const conflicted = new Set(session.index.conflicts(key).map((c) => c.at.claim.span.start));
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const m of session.index.mentions(key)) {
    const type = LEGEND.tokenTypes.indexOf(m.kind);
    let modifiers = 0;
    if (m.longForm || (m.name && m.name.given.length > 0 && m.name.titles.length > 0)) modifiers |= 1;
    if (m.longForm) modifiers |= 2;
    if (conflicted.has(m.start)) modifiers |= 4;
    // a token may not span lines: split a mention that wraps (`North Atlantic\nCouncil`)
    let start = m.start;
    while (start < m.end) {
      const p = lines.positionAt(start);
      const lineEnd = lines.offsetAt({ line: p.line + 1, character: 0 });
      const end = Math.min(m.end, lineEnd > start ? lineEnd : m.end);
      const length =
        end -
        start -
        (session
          .textOf(key)
          .slice(start, end)
          .match(/[\r\n]+$/)?.[0].length ?? 0);
      if (length > 0) {
        data.push(
          p.line - prevLine,
          p.line === prevLine ? p.character - prevChar : p.character,
          length,
          type,
          modifiers,
        );
        prevLine = p.line;
        prevChar = p.character;
      }
      if (end <= start) break;
      start = end;
    }
  }
  return { data };
}

export function inlayHints(
  session: Session,
  uri: string,
  range: { start: { line: number }; end: { line: number } },
): InlayHint[] {
  const key = session.keyOf(uri);
  const doc = session.index.get(key);
  if (!session.settings.inlayHints || !doc) return [];
  const out: InlayHint[] = [];
  for (const d of doc.analysis.dates) {
    if (d.anchor === 'explicit' || d.header) continue;
    const position = session.lineIndex(key).positionAt(d.end);
    if (position.line < range.start.line || position.line > range.end.line) continue;
    out.push({
      position,
      label: `→ ${d.value}${d.mod ? ` (${d.mod.toLowerCase()})` : ''}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip:
        d.anchor === 'document-date'
          ? `Read from the document date ${d.anchorValue ?? ''}`.trim()
          : d.anchor === 'earlier-mention'
            ? 'Read from an earlier mention in the text'
            : 'Nothing in the text says which year',
    });
  }
  return out;
}

/** A lens: where it stands, whose counts it shows, and the title the editor shows. */
interface LensEntry {
  span: Span;
  entity: string;
  title: string;
}

/**
 * The lenses of a file: one on each acronym definition (`PARP: 18 references in 8
 * documents`), and with `corpusAnnotator.codeLens.people` one on the mention that introduces
 * each person the corpus introduces in this file (`Zakir Hasanov: 12 mentions in 5
 * documents`). The counts are the hover's (`CorpusIndex.usage`). While the first scan runs
 * they say they are partial; the editor is asked to fetch them again when it ends.
 */
function lensEntries(session: Session, key: string): LensEntry[] {
  const doc = session.index.get(key);
  if (!session.settings.codeLens || !doc) return [];
  const partial = session.readiness.complete ? '' : ' so far (still indexing)';
  const counted = (id: string, name: string, noun: string) => {
    const { mentions, docs } = session.index.usage(id);
    return `${name}: ${plural(mentions, noun)} in ${plural(docs.length, 'document')}${partial}`;
  };
  const out: LensEntry[] = [];
  for (const d of doc.analysis.definitions) {
    const entity = 'acronym:' + d.key;
    out.push({ span: d.longSpan, entity, title: counted(entity, d.short, 'reference') });
  }
  if (!session.settings.codeLensPeople) return out;
  const seen = new Set<string>();
  for (const m of session.index.mentions(key)) {
    if (!m.entity?.startsWith('person:') || seen.has(m.entity)) continue;
    seen.add(m.entity);
    const def = definitionOf(session.index, m.entity);
    if (!def || def.path !== key) continue;
    const name = session.index.person(m.entity)?.name ?? m.text;
    out.push({ span: def.span, entity: m.entity, title: counted(m.entity, name, 'mention') });
  }
  return out;
}

/** What the lenses of a file say: what a refresh compares (see viewRefresh.ts). */
export function codeLensTitles(session: Session, key: string): string[] {
  return lensEntries(session, key).map((e) => e.title);
}

/** The lenses, each opening the references it counts in a peek. */
export function codeLenses(session: Session, uri: string): CodeLens[] {
  const key = session.keyOf(uri);
  return lensEntries(session, key).map(({ span, entity, title }) => {
    const range = toRange(session, key, span);
    const refs = referencesOf(session.index, entity);
    return {
      range,
      command: {
        title,
        command: 'corpusAnnotator.showReferences',
        arguments: [session.uriOf(key), range.start, refs.map((r) => toLocation(session, r.path, r.mention))],
      },
    };
  });
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
