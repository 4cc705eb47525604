// Diagnostics: the engine's findings and the corpus's date conflicts, with the severities
// the settings ask for. A conflict points at every mention it disagrees with.
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { quote } from '../analysis/analysisJson';
import { displayValue, relativeNote, type ClaimRef } from '../analysis/conflicts';
import type { Finding, Severity } from '../analysis/types';
import type { Session } from '../session';
import { SEVERITY_SETTING, type SeveritySetting } from '../settings';
import { orphanDiagnostics, storeDiagnostics } from './annotations';
import { toLocation, toRange } from './conversion';

/** Most problems a file shows; a corpus of repeated text must not flood the Problems panel. */
const MAX_PER_FILE = 1000;

export const SOURCE = 'corpus-annotator';

/** Agreeing sources get a hint in the editor only when they are this few. */
export const MAX_HINTED_SOURCES = 12;

/**
 * The related information of a conflict, by its list of others: the mentions of a fact share
 * lists, and a keystroke elsewhere leaves them alone, so each is quoted once. It is made again
 * when a file it points into has another version (an edit there may have moved the claims in
 * place, in the same list).
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
      // many sources that agree get no hint each in the editor: the outlier's warning lists
      // them, and a hint in every one of a thousand files is noise (and a thousand files to
      // republish whenever the outlier's file moves)
      if (c.role === 'agrees' && (c.fact.consensus?.docs ?? 0) > MAX_HINTED_SOURCES) continue;
      // a conflict's others are few by construction: a few sources of each other value, or
      // the outliers an agreeing mention points at
      // the analyses quoted, by identity: a file reloaded from disk keeps version 0, and a
      // buffer typed in since its analysis maps its offsets through the edits (not cached)
      const typed = c.others.some((o) => session.isTypedIn(o.doc));
      const versions = c.others.map((o) => analysisId(session.index.get(o.doc)?.analysis)).join(',');
      let related = typed ? undefined : relatedOf.get(c.others);
      if (related?.versions !== versions) {
        related = {
          versions,
          related: c.others.map((o) => ({
            location: toLocation(session, o.doc, o.claim.span),
            message: `${displayValue(o.claim.value)}${relativeNote(o.claim)}: “${quote(session.index, o.doc, o.claim.sentence, 90, o.claim.span)}”`,
          })),
        };
        relatedOf.set(c.others, related);
      }
      // the sources that agree with most others get a hint that points at the outlier
      const severity = c.role === 'agrees' ? 'hint' : conflictSeverity;
      out.push({
        range: toRange(session, key, c.at.claim.span),
        severity: LSP_SEVERITY[severity],
        code: 'date-conflict',
        source: SOURCE,
        message: c.message,
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
