// Diagnostics: the engine's findings and the corpus's date conflicts, with the severities
// the settings ask for. A conflict points at every mention it disagrees with.
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { quote } from '../analysis/analysisJson';
import type { ClaimRef } from '../analysis/conflicts';
import type { Finding, Severity } from '../analysis/types';
import type { Session } from '../session';
import { SEVERITY_SETTING, type SeveritySetting } from '../settings';
import { orphanDiagnostics, storeDiagnostics } from './annotations';
import { toLocation, toRange } from './conversion';

/** Most problems a file shows; a corpus of repeated text must not flood the Problems panel. */
const MAX_PER_FILE = 1000;
/**
 * Other mentions listed under one conflict; the message counts them all and the date's hover
 * lists more. Each is a row in the Problems panel and a quoted sentence in every publish:
 * twenty made a 1 MB file's diagnostics 400 KB, sent again on each keystroke.
 */
const MAX_RELATED = 5;

export const SOURCE = 'corpus-annotator';

/**
 * The related information of a conflict, by its list of others: the claims of a group share
 * one list, and a keystroke elsewhere leaves it alone, so each is quoted once. It is made
 * again when a file it points into has another version (an edit there may have moved the
 * claims in place, in the same list).
 */
const relatedOf = new WeakMap<
  readonly ClaimRef[],
  { versions: string; related: DiagnosticRelatedInformation[] }
>();

/** A number per analysis object: a file's new analysis gets a new one. */
const analysisIds = new WeakMap<object, number>();
let nextAnalysisId = 1;
function analysisId(analysis: object | undefined): number {
  if (!analysis) return 0;
  let id = analysisIds.get(analysis);
  if (id === undefined) analysisIds.set(analysis, (id = nextAnalysisId++));
  return id;
}

export function diagnosticsFor(session: Session, key: string): Diagnostic[] {
  const config = session.configFindings(key);
  if (config) return config.map((f) => toDiagnostic(session, key, f, f.severity));
  const store = storeDiagnostics(session, key);
  if (store) return store;
  if (!session.index.get(key)) return [];
  const out: Diagnostic[] = [];
  for (const f of session.index.findings(key)) {
    const severity = severityOf(session, f.code, f.severity);
    if (severity) out.push(toDiagnostic(session, key, f, severity));
  }
  const conflictSeverity = severityOf(session, 'date-conflict', 'warning');
  if (conflictSeverity) {
    for (const c of session.index.conflicts(key)) {
      const shown = representatives(c.others, MAX_RELATED);
      // the analyses quoted, by identity: a file reloaded from disk keeps version 0, and a
      // buffer typed in since its analysis maps its offsets through the edits (not cached)
      const typed = shown.some((o) => session.isTypedIn(o.doc));
      const versions = shown.map((o) => analysisId(session.index.get(o.doc)?.analysis)).join(',');
      let related = typed ? undefined : relatedOf.get(c.others);
      if (related?.versions !== versions) {
        related = {
          versions,
          related: shown.map((o) => ({
            location: toLocation(session, o.doc, o.claim.span),
            message: `${o.claim.value}: “${quote(session.index, o.doc, o.claim.sentence, 90, o.claim.span)}”`,
          })),
        };
        relatedOf.set(c.others, related);
      }
      const more = c.others.length > MAX_RELATED ? ` (${c.others.length - MAX_RELATED} more not listed)` : '';
      out.push({
        range: toRange(session, key, c.at.claim.span),
        severity: LSP_SEVERITY[conflictSeverity],
        code: 'date-conflict',
        source: SOURCE,
        message: c.message + more,
        relatedInformation: related.related,
        data: { conflictId: c.id, label: c.label },
      });
    }
  }
  out.push(...orphanDiagnostics(session, key));
  return out
    .sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    )
    .slice(0, MAX_PER_FILE);
}

/**
 * At most `max` of `others`, in their order, taking each competing value in turn: a value
 * that only two sources give is still shown when thirty give another.
 */
export function representatives(others: readonly ClaimRef[], max: number): ClaimRef[] {
  if (others.length <= max) return [...others];
  const byValue = new Map<string, ClaimRef[]>();
  for (const o of others) {
    const list = byValue.get(o.claim.value);
    if (list) list.push(o);
    else byValue.set(o.claim.value, [o]);
  }
  const lists = [...byValue.values()];
  const chosen = new Set<ClaimRef>();
  for (let i = 0; chosen.size < max; i++)
    for (const list of lists) if (i < list.length && chosen.size < max) chosen.add(list[i]);
  return others.filter((o) => chosen.has(o));
}

function severityOf(session: Session, code: string, fallback: Severity): Severity | undefined {
  const setting = SEVERITY_SETTING[code];
  const chosen: SeveritySetting = setting ? session.settings.severity[setting] : fallback;
  return chosen === 'off' ? undefined : chosen;
}

function toDiagnostic(session: Session, key: string, f: Finding, severity: Severity): Diagnostic {
  const d: Diagnostic = {
    range: toRange(session, key, f),
    severity: LSP_SEVERITY[severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  return d;
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
