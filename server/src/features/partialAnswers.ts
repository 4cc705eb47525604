// Answers given while a scan runs. A request that counts across the corpus waits for the scan
// when it ends soon (IndexReadiness); when it does not, the answer is what the index holds so
// far, and the user is told: a hover and a CodeLens say it in their own text; references,
// definitions and workspace symbols, which have no room for a note, are reported beside the
// answer, and once the scan ends the user is told the answers are complete again (and the
// views that can be refreshed are: see viewRefresh.ts).
//
// Our VS Code client asks for `corpusAnnotator/partialAnswer` and `corpusAnnotator/indexComplete`
// notifications (initializationOptions.partialAnswerNotifications) and shows them in the status
// bar, with a button to ask again; any other editor gets one `window/showMessage` per scan.
import { MessageType, type Connection } from 'vscode-languageserver/node';
import type { Session } from '../session';

export const PARTIAL_ANSWER = 'corpusAnnotator/partialAnswer';
export const INDEX_COMPLETE = 'corpusAnnotator/indexComplete';

export interface PartialAnswerParams {
  /** What was answered: `references`, `definition`, `workspace symbols`, ... */
  request: string;
  /** For the user: `Still indexing the corpus (1537 of 4000 files): these references are partial.` */
  message: string;
}

export class PartialAnswers {
  /** Partial answers given since the index was last complete. */
  private given = new Set<string>();
  private toldThisScan = false;

  constructor(
    private readonly session: Session,
    private readonly connection: Connection,
    private notifications = false,
  ) {
    session.readiness.onComplete(() => this.complete());
  }

  /** Whether the client shows our notifications (else: window/showMessage). */
  useNotifications(on: boolean): void {
    this.notifications = on;
  }

  /** Waits for the scan when it ends soon; whether the index is complete for the answer. */
  ready(): Promise<boolean> {
    return this.session.readiness.whenComplete();
  }

  /** Waits like `ready`; when the answer will be partial, tells the user so. */
  async readyOrTell(request: string, noun = request): Promise<boolean> {
    if (await this.ready()) return true;
    this.given.add(request);
    const message = `Still indexing the corpus (${this.session.readiness.describe()}): these ${noun} are partial.`;
    if (this.notifications) {
      void this.connection.sendNotification(PARTIAL_ANSWER, {
        request,
        message,
      } satisfies PartialAnswerParams);
    } else if (!this.toldThisScan) {
      this.toldThisScan = true;
      void this.connection.sendNotification('window/showMessage', {
        type: MessageType.Info,
        message: `Corpus Annotator: ${message} Ask again once it ends.`,
      });
    }
    return false;
  }

  /** A note for a hover given while the scan runs. */
  hoverNote(): string | undefined {
    if (this.session.readiness.complete) return undefined;
    return `_Still indexing the corpus (${this.session.readiness.describe()}): counts so far._`;
  }

  private complete(): void {
    const given = [...this.given];
    this.given = new Set();
    this.toldThisScan = false;
    if (given.length === 0) return;
    const files = this.session.index.size;
    if (this.notifications) {
      void this.connection.sendNotification(INDEX_COMPLETE, { files, partial: given });
    } else {
      void this.connection.sendNotification('window/showMessage', {
        type: MessageType.Info,
        message: `Corpus Annotator: indexed ${files} files; ask again for complete ${given.join(', ')}.`,
      });
    }
  }
}
