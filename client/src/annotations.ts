// The readers' annotations in VS Code: notes as comment threads in the gutter (the Comments
// API, as pull-request reviews use), tags as coloured highlights, and the Annotations view in
// the Explorer. Everything comes from the server (`corpusAnnotator/annotations`) and every
// change goes back to it as a command: the client keeps no annotation of its own.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const ANNOTATIONS_REQUEST = 'corpusAnnotator/annotations';
export const ANNOTATIONS_CHANGED = 'corpusAnnotator/annotationsChanged';
export const PEOPLE_REQUEST = 'corpusAnnotator/people';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

interface Item {
  id: string;
  uri: string;
  range: LspRange | null;
  orphan: boolean;
  kind: 'note' | 'tag' | 'correction';
  label: string;
  text?: string;
  tag?: string;
  exact: string;
  creator: string;
  created: string;
  modified: string;
  resolved: boolean;
  replies: { id: string; text: string; creator: string; created: string }[];
}

interface Tag {
  name: string;
  color: string;
  description?: string;
}

class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  body: string | vscode.MarkdownString;
  author: vscode.CommentAuthorInformation;
  timestamp: Date;
  contextValue: string;
  /** The text before an edit began, to restore on cancel. */
  saved: string;

  constructor(
    readonly id: string,
    text: string,
    creator: string,
    created: string,
    readonly thread: vscode.CommentThread,
    reply: boolean,
  ) {
    this.body = text;
    this.saved = text;
    this.author = { name: creator || 'reader' };
    this.timestamp = new Date(created);
    this.contextValue = reply ? 'reply' : 'note';
  }
}

export class AnnotationsUI implements vscode.TreeDataProvider<Node> {
  private readonly controller = vscode.comments.createCommentController(
    'corpusAnnotator.notes',
    'Corpus Annotator notes',
  );
  private readonly threads = new Map<string, vscode.CommentThread>();
  private readonly decorations = new Map<string, vscode.TextEditorDecorationType>();
  private tags: Tag[] = [];
  /** Everything, for the view; per document for threads and highlights. */
  private all: Item[] = [];
  private group: 'tag' | 'file' | 'author' = 'tag';
  /** The note just written in a new thread: its thread is shown open. */
  private justAdded: string | undefined;
  private readonly treeChanged = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) =>
        document.languageId === 'corpus'
          ? [new vscode.Range(0, 0, Math.max(0, document.lineCount - 1), 0)]
          : [],
    };
    this.controller.options = {
      prompt: 'Add a note…',
      placeHolder: 'A note on this passage (kept in the corpus)',
    };
    const view = vscode.window.createTreeView('corpusAnnotator.annotations', {
      treeDataProvider: this,
      showCollapseAll: true,
    });
    context.subscriptions.push(
      this.controller,
      view,
      vscode.window.onDidChangeVisibleTextEditors(() => this.paint()),
      vscode.commands.registerCommand('corpusAnnotator.createNote', (reply: vscode.CommentReply) =>
        this.createNote(reply),
      ),
      vscode.commands.registerCommand('corpusAnnotator.replyNote', (reply: vscode.CommentReply) =>
        this.reply(reply),
      ),
      vscode.commands.registerCommand('corpusAnnotator.editNote', (c: NoteComment) =>
        this.setMode(c, vscode.CommentMode.Editing),
      ),
      vscode.commands.registerCommand('corpusAnnotator.cancelEditNote', (c: NoteComment) => {
        c.body = c.saved;
        this.setMode(c, vscode.CommentMode.Preview);
      }),
      vscode.commands.registerCommand('corpusAnnotator.saveNote', (c: NoteComment) => this.saveNote(c)),
      vscode.commands.registerCommand('corpusAnnotator.deleteNote', (c: NoteComment) =>
        this.run('corpusAnnotator.deleteAnnotation', { id: c.id }),
      ),
      vscode.commands.registerCommand('corpusAnnotator.deleteThread', (t: vscode.CommentThread) => {
        const id = this.idOf(t);
        if (id) void this.run('corpusAnnotator.deleteAnnotation', { id });
        else t.dispose();
      }),
      vscode.commands.registerCommand('corpusAnnotator.resolveThread', (t: vscode.CommentThread) =>
        this.resolve(t, true),
      ),
      vscode.commands.registerCommand('corpusAnnotator.reopenThread', (t: vscode.CommentThread) =>
        this.resolve(t, false),
      ),
      vscode.commands.registerCommand('corpusAnnotator.groupAnnotationsByTag', () => this.regroup('tag')),
      vscode.commands.registerCommand('corpusAnnotator.groupAnnotationsByFile', () => this.regroup('file')),
      vscode.commands.registerCommand('corpusAnnotator.groupAnnotationsByAuthor', () =>
        this.regroup('author'),
      ),
      vscode.commands.registerCommand('corpusAnnotator.deleteAnnotationFromView', (n: Node) => {
        if (n?.item) void this.run('corpusAnnotator.deleteAnnotation', { id: n.item.id });
      }),
      vscode.commands.registerCommand('corpusAnnotator.addNoteToSelection', () => this.addNoteAtSelection()),
      vscode.commands.registerCommand('corpusAnnotator.tagSelection', () => this.tagSelection()),
      vscode.commands.registerCommand('corpusAnnotator.refreshAnnotations', () => this.refresh()),
    );
    void vscode.commands.executeCommand('setContext', 'corpusAnnotator.groupAnnotationsBy', this.group);
    // the Annotations view shows in the Explorer of a workspace that holds a corpus
    void vscode.commands.executeCommand('setContext', 'corpusAnnotator.active', true);
  }

  // ------------------------------------------------------------------ from the server

  /** Reads every annotation again (after a change, at start). */
  async refresh(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const result = await client
      .sendRequest<{ tags: Tag[]; items: Item[] }>(ANNOTATIONS_REQUEST, {})
      .catch(() => undefined);
    if (!result) return;
    this.tags = result.tags;
    this.all = result.items;
    this.syncThreads();
    this.paint();
    this.treeChanged.fire(undefined);
  }

  private syncThreads(): void {
    const notes = this.all.filter((i) => i.kind === 'note' && i.range);
    const live = new Set(notes.map((n) => n.id));
    for (const [id, thread] of this.threads) {
      if (!live.has(id)) {
        thread.dispose();
        this.threads.delete(id);
      }
    }
    for (const note of notes) {
      const range = this.asRange(note.range!);
      let thread = this.threads.get(note.id);
      if (!thread) {
        thread = this.controller.createCommentThread(vscode.Uri.parse(note.uri), range, []);
        thread.collapsibleState =
          note.id === this.justAdded
            ? vscode.CommentThreadCollapsibleState.Expanded
            : vscode.CommentThreadCollapsibleState.Collapsed;
        this.threads.set(note.id, thread);
      }
      thread.range = range;
      thread.label = note.orphan
        ? `Orphaned note (was on “${note.exact}”)`
        : `Note on “${short(note.exact, 40)}”`;
      thread.contextValue = note.resolved ? 'resolved' : 'unresolved';
      thread.state = note.resolved
        ? vscode.CommentThreadState.Resolved
        : vscode.CommentThreadState.Unresolved;
      const t = thread;
      const editing = new Map(
        (t.comments as NoteComment[])
          .filter((c) => c.mode === vscode.CommentMode.Editing)
          .map((c) => [c.id, c]),
      );
      t.comments = [
        editing.get(note.id) ??
          new NoteComment(note.id, note.text ?? '', note.creator, note.created, t, false),
        ...note.replies.map(
          (r) => editing.get(r.id) ?? new NoteComment(r.id, r.text, r.creator, r.created, t, true),
        ),
      ];
    }
  }

  /** Tags as highlights in their colours, on every visible corpus editor. */
  private paint(): void {
    for (const tag of this.tags) {
      if (this.decorations.has(tag.name)) continue;
      const type = vscode.window.createTextEditorDecorationType({
        backgroundColor: withAlpha(tag.color, '40'),
        borderColor: tag.color,
        borderStyle: 'solid',
        borderWidth: '0 0 2px 0',
        overviewRulerColor: tag.color,
        overviewRulerLane: vscode.OverviewRulerLane.Center,
      });
      this.decorations.set(tag.name, type);
      this.context.subscriptions.push(type);
    }
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri.toString();
      for (const [name, type] of this.decorations) {
        const ranges = this.all
          .filter((i) => i.kind === 'tag' && i.tag === name && !i.orphan && i.range && i.uri === uri)
          .map((i) => ({ range: this.asRange(i.range!), hoverMessage: `Tagged “${name}” by ${i.creator}` }));
        editor.setDecorations(type, ranges);
      }
    }
  }

  // ------------------------------------------------------------------ notes

  private async createNote(reply: vscode.CommentReply): Promise<void> {
    const thread = reply.thread;
    const range = thread.range ?? new vscode.Range(0, 0, 0, 0);
    const document = await vscode.workspace.openTextDocument(thread.uri);
    // a click in the gutter gives a line: the note is on the line's text
    const target = range.isEmpty ? document.lineAt(range.start.line).range : range;
    thread.dispose();
    // the new note's thread opens where the reader wrote it
    const id = await this.run('corpusAnnotator.addNote', {
      uri: thread.uri.toString(),
      range: this.toLsp(target),
      text: reply.text,
    });
    if (typeof id === 'string') {
      this.justAdded = id;
      await this.refresh();
    }
  }

  private async reply(reply: vscode.CommentReply): Promise<void> {
    const id = this.idOf(reply.thread);
    if (!id) return this.createNote(reply);
    await this.run('corpusAnnotator.reply', { id, text: reply.text });
  }

  private async saveNote(c: NoteComment): Promise<void> {
    const text = typeof c.body === 'string' ? c.body : c.body.value;
    c.saved = text;
    this.setMode(c, vscode.CommentMode.Preview);
    await this.run('corpusAnnotator.editAnnotation', { id: c.id, text });
  }

  private async resolve(thread: vscode.CommentThread, resolved: boolean): Promise<void> {
    const id = this.idOf(thread);
    if (id) await this.run('corpusAnnotator.resolveNote', { id, resolved });
  }

  private setMode(c: NoteComment, mode: vscode.CommentMode): void {
    c.mode = mode;
    // the thread redraws when its comments are set again
    c.thread.comments = c.thread.comments.map((x) => x);
  }

  private idOf(thread: vscode.CommentThread): string | undefined {
    for (const [id, t] of this.threads) if (t === thread) return id;
    return undefined;
  }

  /** "Add note" from a code action or the palette: an open, empty thread on the selection. */
  openNewThread(uri: vscode.Uri, range: vscode.Range): void {
    const thread = this.controller.createCommentThread(uri, range, []);
    thread.canReply = true;
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
  }

  private addNoteAtSelection(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Corpus Annotator: select the passage to note first.');
      return;
    }
    this.openNewThread(editor.document.uri, editor.selection);
  }

  private async tagSelection(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Corpus Annotator: select the passage to tag first.');
      return;
    }
    const tag = await this.pickTag();
    if (tag)
      await this.run('corpusAnnotator.tag', {
        uri: editor.document.uri.toString(),
        range: this.toLsp(editor.selection),
        tag,
      });
  }

  /** The corpus's tags to choose from; a message when it declares none. */
  async pickTag(): Promise<string | undefined> {
    if (this.tags.length === 0) await this.refresh();
    if (this.tags.length === 0) {
      void vscode.window.showInformationMessage(
        'Corpus Annotator: declare the tags of this corpus in corpus-annotator.json ("tags": { "claim": "#e5a50a" }).',
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      this.tags.map((t) => ({ label: t.name, description: t.color, detail: t.description })),
      { title: 'Tag as…' },
    );
    return picked?.label;
  }

  /** Runs a server command (straight to the server: not back through the middleware). */
  private async run(command: string, args: unknown): Promise<unknown> {
    const client = this.client();
    if (!client) return undefined;
    return client
      .sendRequest('workspace/executeCommand', { command, arguments: [args] })
      .catch((e: unknown) => {
        void vscode.window.showErrorMessage(`Corpus Annotator: ${String(e)}`);
        return undefined;
      });
  }

  /**
   * What a code action's command leaves to the reader, asked the VS Code way: a note is
   * written in a comment thread opened on the passage, a tag or a person picked from a list,
   * a date typed. Returns the arguments to send, or undefined when the reader gave up (or the
   * note thread is open).
   */
  async complete(
    command: string,
    args: Record<string, unknown>,
  ): Promise<Record<string, unknown> | undefined> {
    const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : undefined;
    const range = args.range as LspRange | undefined;
    if (command === 'corpusAnnotator.addNote' && args.text === undefined) {
      if (uri && range) this.openNewThread(uri, this.asRange(range));
      return undefined;
    }
    if (command === 'corpusAnnotator.tag' && !args.tag) {
      const tag = await this.pickTag();
      return tag ? { ...args, tag } : undefined;
    }
    const correction = args.correction as { type?: string; entity?: string; value?: string } | undefined;
    if (command === 'corpusAnnotator.correct' && correction?.type === 'same-person' && !correction.entity) {
      const people = await this.client()
        ?.sendRequest<{ id: string; name: string; detail: string }[]>(PEOPLE_REQUEST, {
          textDocument: { uri: args.uri },
          position: range?.start,
        })
        .catch(() => []);
      const picked = await vscode.window.showQuickPick(
        (people ?? []).map((p) => ({ label: p.name, description: p.detail, id: p.id })),
        { title: 'Same person as…', matchOnDescription: true },
      );
      return picked ? { ...args, correction: { ...correction, entity: picked.id } } : undefined;
    }
    if (
      command === 'corpusAnnotator.correct' &&
      (correction?.type === 'date-value' || correction?.type === 'document-date') &&
      !correction.value
    ) {
      const value = await vscode.window.showInputBox({
        title: correction.type === 'date-value' ? "This date's value is…" : "This document's date is…",
        placeHolder: '2011, 2011-05 or 2011-05-04',
        validateInput: (v) =>
          /^\d{4}(-\d\d(-\d\d)?)?$/.test(v.trim())
            ? undefined
            : 'A year, a month or a day: 2011, 2011-05, 2011-05-04',
      });
      return value ? { ...args, correction: { ...correction, value: value.trim() } } : undefined;
    }
    return args;
  }

  // ------------------------------------------------------------------ the Annotations view

  private regroup(group: 'tag' | 'file' | 'author'): void {
    this.group = group;
    void vscode.commands.executeCommand('setContext', 'corpusAnnotator.groupAnnotationsBy', group);
    this.treeChanged.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (!node.item) {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.children!.length}`;
      if (node.orphans) item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
    const i = node.item;
    const item = new vscode.TreeItem(short(i.kind === 'tag' ? `#${i.tag}` : i.label || '(empty note)', 80));
    item.description = `“${short(i.exact, 40)}” · ${path.basename(vscode.Uri.parse(i.uri).fsPath)} · ${i.creator}`;
    item.tooltip = new vscode.MarkdownString(
      `**${i.kind}** by ${i.creator}, ${i.modified.slice(0, 10)}\n\n> ${i.exact}\n\n${i.orphan ? '_Orphan: its passage is no longer in the text._' : ''}`,
    );
    item.iconPath = new vscode.ThemeIcon(
      i.orphan ? 'warning' : i.kind === 'note' ? 'comment' : i.kind === 'tag' ? 'tag' : 'edit',
    );
    item.contextValue = 'annotation';
    if (i.range)
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [vscode.Uri.parse(i.uri), { selection: this.asRange(i.range) }],
      };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.children ?? [];
    const orphans = this.all.filter((i) => i.orphan);
    const placed = this.all.filter((i) => !i.orphan);
    const groups = new Map<string, Item[]>();
    for (const i of placed) {
      const key =
        this.group === 'tag'
          ? i.kind === 'tag'
            ? `#${i.tag}`
            : i.kind === 'note'
              ? 'Notes'
              : 'Corrections'
          : this.group === 'file'
            ? vscode.workspace.asRelativePath(vscode.Uri.parse(i.uri))
            : i.creator || 'reader';
      const list = groups.get(key) ?? [];
      list.push(i);
      groups.set(key, list);
    }
    const out: Node[] = [];
    if (orphans.length)
      out.push({ label: 'Orphans', orphans: true, children: orphans.map((item) => ({ label: '', item })) });
    for (const key of [...groups.keys()].sort())
      out.push({ label: key, children: groups.get(key)!.map((item) => ({ label: '', item })) });
    return out;
  }

  // ------------------------------------------------------------------ positions

  private asRange(r: LspRange): vscode.Range {
    return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  }

  private toLsp(r: vscode.Range): LspRange {
    return {
      start: { line: r.start.line, character: r.start.character },
      end: { line: r.end.line, character: r.end.character },
    };
  }
}

interface Node {
  label: string;
  item?: Item;
  orphans?: boolean;
  children?: Node[];
}

function short(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** `#rgb` or `#rrggbb` with an alpha, for a highlight that lets the text show through. */
function withAlpha(color: string, alpha: string): string {
  if (/^#[0-9a-f]{3}$/i.test(color)) return '#' + [...color.slice(1)].map((c) => c + c).join('') + alpha;
  if (/^#[0-9a-f]{6}$/i.test(color)) return color + alpha;
  return color;
}
