// The VS Code side: starts the language server and adds what LSP cannot carry (which open
// files are corpus files, commands, key bindings). It holds no analysis.
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import * as vscode from 'vscode';
import { ANNOTATIONS_CHANGED, AnnotationsUI } from './annotations';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const LANGUAGE = 'corpus';
const CONFIG_FILE = 'corpus-annotator.json';
const ADJACENT_MENTION = 'corpusAnnotator/adjacentMention';
/** The server's commands whose arguments the reader completes first (see AnnotationsUI.complete). */
const ASKING_COMMANDS = new Set([
  'corpusAnnotator.addNote',
  'corpusAnnotator.tag',
  'corpusAnnotator.correct',
]);
/** The server's word that an answer given during its scan is partial (features/partialAnswers.ts). */
const PARTIAL_ANSWER = 'corpusAnnotator/partialAnswer';
const INDEX_COMPLETE = 'corpusAnnotator/indexComplete';

let client: LanguageClient | undefined;
let annotations: AnnotationsUI | undefined;
/** Folders that hold a corpus-annotator.json. */
const corpusFolders = new Set<string>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Corpus Annotator', { log: true });
  context.subscriptions.push(output);

  await findCorpusFolders();
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
  watcher.onDidCreate((uri) => {
    corpusFolders.add(path.dirname(uri.fsPath));
    assignLanguageToOpenDocuments();
  });
  watcher.onDidDelete((uri) => {
    corpusFolders.delete(path.dirname(uri.fsPath));
    // the folder is no longer a corpus: its open files are plain text again (and the server,
    // told they closed, forgets them)
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.languageId === LANGUAGE && doc.uri.scheme === 'file' && !isCorpusFile(doc.uri))
        void vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    }
  });
  context.subscriptions.push(watcher);

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void assignLanguage(doc)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corpusAnnotator.corpusGlobs')) assignLanguageToOpenDocuments();
    }),
    vscode.commands.registerCommand('corpusAnnotator.declareCorpus', declareCorpus),
    vscode.commands.registerCommand('corpusAnnotator.nextMention', () => jumpToMention(1)),
    vscode.commands.registerCommand('corpusAnnotator.previousMention', () => jumpToMention(-1)),
    vscode.commands.registerCommand('corpusAnnotator.showReferences', showReferences),
    vscode.commands.registerCommand('corpusAnnotator.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('corpusAnnotator.showOutput', () => output.show()),
  );
  assignLanguageToOpenDocuments();
  annotations = new AnnotationsUI(context, () => client);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE },
      { scheme: 'untitled', language: LANGUAGE },
      // the server reads a corpus-annotator.json as it is typed, checks it, and offers the
      // quick fix that restores a dismissed conflict there
      { scheme: 'file', pattern: `**/${CONFIG_FILE}` },
    ],
    synchronize: { configurationSection: 'corpusAnnotator' },
    outputChannel: output,
    markdown: { isTrusted: false, supportHtml: false },
    initializationOptions: { partialAnswerNotifications: true },
    middleware: {
      provideReferences: (document, position, options, token, next) => {
        lastReferences = { uri: document.uri, position };
        return next(document, position, options, token);
      },
      // a note's text, a tag, a person or a date: asked here, then sent on to the server
      executeCommand: async (command, args, next) => {
        if (!ASKING_COMMANDS.has(command) || !annotations) return next(command, args);
        const completed = await annotations.complete(command, (args[0] ?? {}) as Record<string, unknown>);
        return completed ? next(command, [completed]) : undefined;
      },
    },
  };
  client = new LanguageClient('corpusAnnotator', 'Corpus Annotator', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification(PARTIAL_ANSWER, (p: { request: string; message: string }) => partialAnswer(p)),
    client.onNotification(INDEX_COMPLETE, (p: { files: number; partial: string[] }) => void indexComplete(p)),
  );
  await client.start();
  context.subscriptions.push(client.onNotification(ANNOTATIONS_CHANGED, () => void annotations?.refresh()));
  void annotations.refresh();
}

// ------------------------------------------------------------------ answers during the first scan

/** Where the last Find All References asked, to ask again once the scan has ended. */
let lastReferences: { uri: vscode.Uri; position: vscode.Position } | undefined;
let partialStatus: vscode.Disposable | undefined;

/** An answer given while the server indexes is partial: the status bar says so until it ends. */
function partialAnswer(p: { request: string; message: string }): void {
  partialStatus?.dispose();
  partialStatus = vscode.window.setStatusBarMessage(`$(sync~spin) Corpus Annotator: ${p.message}`);
}

/** The scan ended after partial answers: say so, and offer to find the references again. */
async function indexComplete(p: { files: number; partial: string[] }): Promise<void> {
  partialStatus?.dispose();
  partialStatus = undefined;
  const again = p.partial.includes('references') ? lastReferences : undefined;
  const message = `Corpus Annotator has indexed ${p.files} files: answers are complete now.`;
  if (!again) {
    vscode.window.setStatusBarMessage(`$(check) ${message}`, 5000);
    return;
  }
  const choice = await vscode.window.showInformationMessage(message, 'Find All References Again');
  if (choice !== 'Find All References Again' || !client) return;
  const locations = await vscode.commands.executeCommand<vscode.Location[]>(
    'vscode.executeReferenceProvider',
    again.uri,
    again.position,
  );
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    again.uri,
    again.position,
    locations ?? [],
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

// ------------------------------------------------------------------ which files are corpus files

async function findCorpusFolders(): Promise<void> {
  const found = await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/node_modules/**', 1000);
  for (const uri of found) corpusFolders.add(path.dirname(uri.fsPath));
}

/** The README's rule, the same as the server's: under a corpus-annotator.json, or matching a glob. */
function isCorpusFile(uri: vscode.Uri): boolean {
  if (uri.scheme !== 'file' || !uri.fsPath.toLowerCase().endsWith('.txt')) return false;
  for (let dir = path.dirname(uri.fsPath); ; dir = path.dirname(dir)) {
    if (corpusFolders.has(dir)) return true;
    if (path.dirname(dir) === dir) break;
  }
  const globs = vscode.workspace.getConfiguration('corpusAnnotator').get<unknown>('corpusGlobs');
  if (!Array.isArray(globs)) return false;
  const relative = vscode.workspace.asRelativePath(uri, false).split(path.sep).join('/');
  return globs.some((g) => typeof g === 'string' && minimatch(relative, g, { nocase: true }));
}

async function assignLanguage(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId === 'plaintext' && isCorpusFile(doc.uri)) {
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
  }
}

function assignLanguageToOpenDocuments(): void {
  for (const doc of vscode.workspace.textDocuments) void assignLanguage(doc);
}

// ------------------------------------------------------------------ commands

/** Declares a folder a corpus: writes its corpus-annotator.json (the glossary lives there too). */
async function declareCorpus(target?: vscode.Uri): Promise<void> {
  let folder = target;
  if (!folder) {
    const active = vscode.window.activeTextEditor?.document.uri;
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      defaultUri: active
        ? vscode.Uri.file(path.dirname(active.fsPath))
        : vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: 'Declare as corpus',
    });
    folder = picked?.[0];
  }
  if (!folder) return;
  const file = vscode.Uri.joinPath(folder, CONFIG_FILE);
  try {
    await vscode.workspace.fs.stat(file);
    void vscode.window.showInformationMessage(
      `${vscode.workspace.asRelativePath(folder)} is already a corpus.`,
    );
  } catch {
    const content = { glossary: {}, dismissedConflicts: [] };
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(content, null, 2) + '\n', 'utf8'));
    // the server indexes the folder as soon as it hears of the file; the file watcher tells it
    // too, but only after its own delay (and a watcher just started may miss it): say it now
    await client
      ?.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: file.toString(), type: FileChangeType.Created }],
      })
      .catch(() => undefined);
    void vscode.window.showInformationMessage(
      `Declared ${vscode.workspace.asRelativePath(folder)} a corpus: its .txt files are analysed. Add acronyms to the glossary in ${CONFIG_FILE}.`,
    );
  }
  corpusFolders.add(folder.fsPath);
  assignLanguageToOpenDocuments();
}

async function jumpToMention(direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const location = await client.sendRequest<{
    uri: string;
    range: { start: vscode.Position; end: vscode.Position };
  } | null>(ADJACENT_MENTION, {
    textDocument: { uri: editor.document.uri.toString() },
    position: editor.selection.active,
    direction,
  });
  if (!location) {
    vscode.window.setStatusBarMessage(
      'Corpus Annotator: no mention of a known entity under the cursor',
      3000,
    );
    return;
  }
  const range = client.protocol2CodeConverter.asRange(location.range);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
  const shown = await vscode.window.showTextDocument(doc);
  shown.selection = new vscode.Selection(range.start, range.end);
  shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** CodeLens arguments arrive as LSP values; the built-in command wants VS Code ones. */
async function showReferences(
  uri: string,
  position: { line: number; character: number },
  locations: {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[],
): Promise<void> {
  if (!client) return;
  const c = client.protocol2CodeConverter;
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    vscode.Uri.parse(uri),
    c.asPosition(position),
    locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), c.asRange(l.range))),
  );
}
