// Asks the editor to fetch CodeLens, semantic tokens and inlay hints again when the index
// changes what they show in an open file without that file being edited: the first scan
// ending (`PARP: 2 references in 1 document` becomes 18 in 8), another file saved or typed
// in, a glossary edited. The editor re-asks on its own after an edit in the file itself; a
// change elsewhere it cannot know about, and a lens stays stale until the cursor moves.
//
// What each view showed when it was served is remembered per open file (a stamp: the lens
// titles, the tokens' mentions and conflicts, the hints' analysis), and compared after each
// round of diagnostics with what it would show now; only a difference sends a refresh.
import type { Connection } from 'vscode-languageserver/node';
import type { ResolvedMention } from '../analysis/corpusIndex';
import type { Session } from '../session';
import { codeLensTitles } from './readingAids';

export type View = 'codeLens' | 'semanticTokens' | 'inlayHint';

const REFRESH_METHOD: Record<View, string> = {
  codeLens: 'workspace/codeLens/refresh',
  semanticTokens: 'workspace/semanticTokens/refresh',
  inlayHint: 'workspace/inlayHint/refresh',
};

/** What the client said it can refresh (`workspace.codeLens.refreshSupport`, ...). */
export type RefreshSupport = Record<View, boolean>;

export function refreshSupport(workspace: Record<string, unknown> | undefined): RefreshSupport {
  const supports = (name: string) =>
    !!(workspace?.[name] as { refreshSupport?: boolean } | undefined)?.refreshSupport;
  return {
    codeLens: supports('codeLens'),
    semanticTokens: supports('semanticTokens'),
    inlayHint: supports('inlayHint'),
  };
}

export class ViewRefresh {
  private readonly stamps: Record<View, Map<string, string>> = {
    codeLens: new Map(),
    semanticTokens: new Map(),
    inlayHint: new Map(),
  };
  /** Per open file, its last mentions array and their signature: signed again only when new. */
  private readonly signed = new Map<string, { mentions: readonly ResolvedMention[]; signature: string }>();
  /** Per open file, an id for each analysis seen (the hints' stamp). */
  private readonly analyses = new WeakMap<object, number>();
  private nextAnalysis = 0;

  constructor(
    private readonly session: Session,
    private readonly connection: Connection,
    private support: RefreshSupport,
  ) {}

  setSupport(support: RefreshSupport): void {
    this.support = support;
  }

  /** A view of `key` was answered: remember what it showed (`stamp`, when known already). */
  served(view: View, key: string, stamp?: string): void {
    if (!this.support[view]) return;
    this.stamps[view].set(key, stamp ?? this.stamp(view, key));
  }

  /** The stamp of CodeLens answered with these titles. */
  static lensStamp(titles: readonly (string | undefined)[]): string {
    return titles.join('\n');
  }

  /** Every view of every file is to be fetched again (settings changed). */
  refreshAll(): void {
    for (const view of Object.keys(REFRESH_METHOD) as View[]) this.refresh(view);
  }

  /**
   * After a round of diagnostics: `changed` holds the files whose contribution to the index
   * changed since the last round (`*` for a scan). A view of an open file that shows
   * something else now is fetched again.
   */
  settled(changed: ReadonlySet<string>): void {
    if (changed.size === 0) return;
    for (const view of Object.keys(REFRESH_METHOD) as View[]) {
      const served = this.stamps[view];
      let stale = false;
      for (const [key, stamp] of served) {
        if (!this.session.isOpen(key)) {
          served.delete(key);
          this.signed.delete(key);
          continue;
        }
        // typed in itself and nothing else: the editor asks again on its own
        if (changed.size === 1 && changed.has(key)) continue;
        const now = this.stamp(view, key);
        if (now === stamp) continue;
        served.set(key, now);
        stale = true;
      }
      if (stale) this.refresh(view);
    }
  }

  private refresh(view: View): void {
    if (!this.support[view]) return;
    this.connection.sendRequest(REFRESH_METHOD[view]).catch(() => undefined);
  }

  private stamp(view: View, key: string): string {
    const session = this.session;
    const doc = session.index.get(key);
    if (!doc) return '';
    switch (view) {
      case 'codeLens':
        return ViewRefresh.lensStamp(codeLensTitles(session, key));
      case 'inlayHint': {
        let id = this.analyses.get(doc.analysis);
        if (id === undefined) this.analyses.set(doc.analysis, (id = this.nextAnalysis++));
        return String(id);
      }
      case 'semanticTokens': {
        const conflicts = session.index
          .conflicts(key)
          .map((c) => c.at.claim.span.start)
          .join(',');
        return `${this.mentionSignature(key)}|${conflicts}`;
      }
    }
  }

  /** What the tokens are made of: each mention's place, kind and modifiers. */
  private mentionSignature(key: string): string {
    const mentions = this.session.index.mentions(key);
    const known = this.signed.get(key);
    if (known?.mentions === mentions) return known.signature;
    // a hash, not the list: an open file of 1 MB has tens of thousands of mentions
    let hash = 0x811c9dc5;
    const mix = (n: number) => (hash = Math.imul(hash ^ n, 0x01000193));
    for (const m of mentions) {
      const definition = m.longForm || (m.name && m.name.given.length > 0 && m.name.titles.length > 0);
      mix(m.start);
      mix(m.end);
      mix(m.kind.charCodeAt(0) * 4 + (m.longForm ? 2 : 0) + (definition ? 1 : 0));
    }
    const signature = `${mentions.length}:${hash >>> 0}`;
    this.signed.set(key, { mentions, signature });
    return signature;
  }
}
