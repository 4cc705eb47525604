// Quick fixes: "not the same event" dismisses a date conflict (recorded in corpus-annotator.json, so it survives
// restarts and is shared with the team) and restore it again from that file.
import { findNodeAtLocation, modify, parseTree, type Node } from 'jsonc-parser';
import type {
  CodeAction,
  CodeActionParams,
  Location,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../analysis/corpusConfig';
import { LineIndex } from '../node/lineIndex';
import type { Session } from '../session';
import { toLocation } from './conversion';

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

export function codeActions(session: Session, params: CodeActionParams): CodeAction[] {
  const key = session.keyOf(params.textDocument.uri);
  if (key.endsWith(CONFIG_FILE_NAME)) return restoreActions(session, key, params);
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const data = d.data as { conflictId?: string; label?: string } | undefined;
    if (d.code !== 'date-conflict' || !data?.conflictId) continue;
    // the related information lists a few sources of each date; this lists them all
    const all = allSources(session, key, data.conflictId);
    if (all.length > 0)
      out.push({
        title: `Show all ${all.length} mentions of this fact`,
        kind: CodeActionKind.Empty,
        diagnostics: [d],
        command: {
          title: 'Show all mentions',
          command: 'corpusAnnotator.showReferences',
          arguments: [params.textDocument.uri, d.range.start, all],
        },
      });
    const file = session.configFileFor(key);
    out.push({
      title: `Dismiss this date conflict: not the same event (recorded in ${CONFIG_FILE_NAME})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: dismissEdit(session, file, data.conflictId, data.label ?? ''),
    });
  }
  return out;
}

/** Every mention of the fact a conflict in this file is about, in the order of its dates. */
function allSources(session: Session, key: string, id: string): Location[] {
  const conflict = session.index.conflicts(key).find((c) => c.id === id);
  if (!conflict) return [];
  return conflict.fact.groups.flatMap((g) => g.refs.map((r) => toLocation(session, r.doc, r.claim.span)));
}

function dismissEdit(session: Session, file: string, id: string, label: string): WorkspaceEdit {
  const uri = session.uriOf(file);
  const existing = session.textOf(file);
  const entry = { id, note: `dismissed: ${label}` };
  if (!existing) {
    const text = JSON.stringify({ glossary: {}, dismissedConflicts: [entry] }, null, 2) + '\n';
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri, version: null },
          edits: [
            { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text },
          ],
        },
      ],
    };
  }
  const edits = modify(existing, ['dismissedConflicts', -1], entry, { ...FORMAT, isArrayInsertion: true });
  return { changes: { [uri]: toTextEdits(existing, edits) } };
}

function restoreActions(session: Session, key: string, params: CodeActionParams): CodeAction[] {
  const text = session.textOf(key);
  const root = parseTree(text);
  const list = root && findNodeAtLocation(root, ['dismissedConflicts']);
  if (!list || list.type !== 'array') return [];
  const lines = new LineIndex(text);
  const from = lines.offsetAt(params.range.start);
  const to = lines.offsetAt(params.range.end);
  const out: CodeAction[] = [];
  (list.children ?? []).forEach((item: Node, i: number) => {
    if (item.offset > to || item.offset + item.length < from) return;
    const edits = modify(text, ['dismissedConflicts', i], undefined, FORMAT);
    out.push({
      title: 'Restore this dismissed date conflict',
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [session.uriOf(key)]: toTextEdits(text, edits) } },
    });
  });
  return out;
}

function toTextEdits(text: string, edits: { offset: number; length: number; content: string }[]): TextEdit[] {
  const lines = new LineIndex(text);
  return edits.map((e) => ({
    range: { start: lines.positionAt(e.offset), end: lines.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
}
