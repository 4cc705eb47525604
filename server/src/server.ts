// Wires LSP requests to the features. Owns nothing else: state is in session/, answers
// come from features/*. Every handler is guarded: an internal error is logged and answered
// with an empty result, and the server lives on.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  MarkupContent,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import {
  ANNOTATIONS_CHANGED,
  ANNOTATIONS_REQUEST,
  annotationActions,
  annotationItems,
  COMMANDS,
  executeAnnotationCommand,
  PEOPLE_REQUEST,
  peopleFor,
} from './features/annotations';
import { codeActions } from './features/codeActions';
import { diagnosticsFor } from './features/diagnostics';
import { hover } from './features/hover';
import { PartialAnswers } from './features/partialAnswers';
import { adjacent, definition, highlights, references } from './features/navigation';
import { codeLenses, inlayHints, LEGEND, semanticTokens } from './features/readingAids';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { refreshSupport, ViewRefresh } from './features/viewRefresh';
import { Session } from './session';

export const ADJACENT_MENTION = 'corpusAnnotator/adjacentMention';

/** The settings that decide which files are analysed and how: a change means a new scan. */
function scanRelevant(settings: Session['settings']): string {
  return JSON.stringify([settings.corpusGlobs, settings.maxFileSize, settings.numericDateOrder]);
}

export function startServer(connection: Connection): void {
  const session = new Session(connection);
  let dynamicWatchers = false;
  let configurationPull = false;
  // the views the index can change under an open file, fetched again when it does
  const views = new ViewRefresh(session, connection, refreshSupport(undefined));
  session.onIndexSettled = (changed) => views.settled(changed);
  const partial = new PartialAnswers(session, connection);

  /**
   * Where the protocol is: LSP answers a request before `initialize` with ServerNotInitialized
   * and one after `shutdown` with InvalidRequest, and drops notifications then.
   */
  let state: 'new' | 'running' | 'shut down' = 'new';
  const refuse = (name: string): ResponseError<void> =>
    state === 'new'
      ? new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized yet`)
      : new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shut down`);

  /** Runs a handler; on an internal error logs it and answers `empty`. */
  const guard =
    <P, R>(name: string, empty: R, handler: (params: P) => R | Promise<R>, request = true) =>
    async (params: P): Promise<R> => {
      if (state !== 'running') {
        if (request) throw refuse(name);
        return empty;
      }
      session.lastActivity = Date.now();
      try {
        return await handler(params);
      } catch (error) {
        connection.console.error(
          `Corpus Annotator: ${name} failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
        return empty;
      }
    };

  connection.onShutdown(() => {
    state = 'shut down';
  });

  /** A guarded notification: dropped outside the running state, never answered. */
  const notification = <P>(name: string, handler: (params: P) => unknown) =>
    guard<P, undefined>(name, undefined, async (p) => void (await handler(p)), false);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    if (state === 'shut down') throw refuse('initialize');
    state = 'running';
    session.setRoots(params.workspaceFolders, params.rootUri);
    // until the first scan ends, answers that count across the corpus wait or say so
    session.readiness.expect();
    views.setSupport(refreshSupport(params.capabilities.workspace as Record<string, unknown> | undefined));
    const options = params.initializationOptions as { partialAnswerNotifications?: boolean } | undefined;
    partial.useNotifications(options?.partialAnswerNotifications === true);
    dynamicWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    configurationPull = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: 'Corpus Annotator' },
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', ''] },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        inlayHintProvider: true,
        semanticTokensProvider: { legend: LEGEND, full: true },
        workspace: {
          workspaceFolders: { supported: true },
          fileOperations: {
            didRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*.{txt,json}' } }] },
            didDelete: { filters: [{ scheme: 'file', pattern: { glob: '**/*.{txt,json}' } }] },
          },
        },
      },
      serverInfo: { name: 'corpus-annotator', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    notification('initialized', async () => {
      try {
        if (dynamicWatchers) {
          await connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [
              { globPattern: '**/*.txt' },
              { globPattern: '**/corpus-annotator.json' },
              // the readers' annotation stores (a git pull brings a colleague's notes)
              { globPattern: '**/*.jsonl' },
            ],
          });
        }
        if (configurationPull) {
          await connection.client.register(DidChangeConfigurationNotification.type, {
            section: 'corpusAnnotator',
          });
          await session.loadSettings();
        }
        connection.console.info('Corpus Annotator server ready');
      } finally {
        // the scan runs in the background: requests are answered while it goes on (and
        // it runs even when a registration failed: requests wait for it)
        void session
          .scan()
          .catch((e) => connection.console.error(`Corpus Annotator: scan failed: ${String(e)}`));
      }
    }),
  );

  connection.onDidChangeConfiguration(
    notification('configuration', async () => {
      const before = scanRelevant(session.settings);
      if (configurationPull) await session.loadSettings();
      // which files are corpus files, or how they are read, changed: scan again; otherwise
      // (severities, reading aids) publishing again is enough
      if (scanRelevant(session.settings) !== before) await session.scan();
      else session.schedule(session.index.paths(), 0);
      views.refreshAll();
    }),
  );

  // ---------------------------------------------------------------- documents
  session.documents.onDidOpen(notification('open', (e) => session.bufferChanged(e.document)));
  session.documents.onDidChangeContent(
    notification('change', (e) => session.bufferChanged(e.document, true)),
  );
  session.documents.onDidClose(notification('close', (e) => session.bufferClosed(e.document.uri)));
  session.documents.onDidSave(
    notification('save', (e) => session.annotations.saved(session.keyOf(e.document.uri))),
  );
  session.onAnnotationsChanged = (change) => {
    void connection
      .sendNotification(ANNOTATIONS_CHANGED, { uris: [...change.sources].map((k) => session.uriOf(k)) })
      .catch(() => undefined);
    // a correction changes what the editor draws without an edit, and the editor re-asks only
    // after one: colours, counts and hints are fetched again (the file is analysed already)
    if (change.corrections.size) views.refreshAll();
  };

  // each entry of a batch on its own: a malformed one (`uri: null`) is logged and skipped,
  // and the rest of the batch is still read
  const eachEntry = async <T>(name: string, entries: unknown, handle: (entry: T) => unknown) => {
    for (const entry of (Array.isArray(entries) ? entries : []) as T[]) {
      try {
        await handle(entry);
      } catch (error) {
        connection.console.error(`Corpus Annotator: ${name}: skipped an entry: ${String(error)}`);
      }
    }
  };
  const uriOf = (value: unknown): string => {
    if (typeof value !== 'string') throw new Error(`not a URI: ${JSON.stringify(value)}`);
    return value;
  };
  connection.onDidChangeWatchedFiles(
    notification('watched files', (params) =>
      eachEntry('watched files', params?.changes, async (change: { uri: unknown; type: unknown }) => {
        const key = session.keyOf(uriOf(change.uri));
        if (change.type === FileChangeType.Deleted) session.forget(key);
        else await session.reloadFromDisk(key);
      }),
    ),
  );
  connection.workspace.onDidRenameFiles(
    notification('rename', (params) =>
      eachEntry('rename', params?.files, (f: { oldUri: unknown; newUri: unknown }) =>
        session.rename(session.keyOf(uriOf(f.oldUri)), session.keyOf(uriOf(f.newUri))),
      ),
    ),
  );
  connection.workspace.onDidDeleteFiles(
    notification('delete', (params) =>
      eachEntry('delete', params?.files, (f: { uri: unknown }) =>
        session.forget(session.keyOf(uriOf(f.uri))),
      ),
    ),
  );

  session.onDiagnostics = (keys) => {
    const sent: Promise<void>[] = [];
    for (const key of keys) {
      try {
        const diagnostics = diagnosticsFor(session, key);
        const targets = new Set<string>();
        for (const d of diagnostics)
          for (const r of d.relatedInformation ?? []) targets.add(session.keyOf(r.location.uri));
        session.pointsAt(key, targets);
        if (!session.needsPublish(key, diagnostics.length)) continue;
        sent.push(connection.sendDiagnostics({ uri: session.uriOf(key), diagnostics }));
      } catch (error) {
        connection.console.error(`Corpus Annotator: diagnostics for ${key} failed: ${String(error)}`);
      }
    }
    return Promise.all(sent).then(() => undefined);
  };

  // ---------------------------------------------------------------- requests
  // A request about a place answers from the last analysis unless that place was just typed
  // in; a request about a whole file waits for its analysis (Session.prepare).
  type At = { textDocument: { uri: string }; position: { line: number; character: number } };
  const at = (p: At) => session.prepare(p.textDocument.uri, p.position);
  const whole = (p: { textDocument: { uri: string } }) => session.prepare(p.textDocument.uri);
  // A request that counts across the corpus, asked while a scan runs, waits for it when it
  // ends soon and says it is partial when not (features/partialAnswers.ts).
  connection.onHover(
    guard('hover', null, async (p) => {
      await partial.ready();
      at(p);
      const answer = hover(session, p.textDocument.uri, p.position);
      const note = partial.hoverNote();
      if (answer && note && MarkupContent.is(answer.contents))
        answer.contents = { ...answer.contents, value: `${answer.contents.value}\n\n---\n\n${note}` };
      return answer;
    }),
  );
  connection.onDefinition(
    guard('definition', [], async (p) => {
      await partial.readyOrTell('definition', 'definitions');
      at(p);
      return definition(session, p.textDocument.uri, p.position);
    }),
  );
  connection.onReferences(
    guard('references', [], async (p) => {
      await partial.readyOrTell('references');
      at(p);
      return references(session, p.textDocument.uri, p.position, p.context.includeDeclaration);
    }),
  );
  connection.onDocumentHighlight(
    guard('highlight', [], (p) => (at(p), highlights(session, p.textDocument.uri, p.position))),
  );
  connection.onDocumentSymbol(
    guard('document symbols', [], (p) => (whole(p), documentSymbols(session, p.textDocument.uri))),
  );
  connection.onWorkspaceSymbol(
    guard('workspace symbols', [], async (p) => {
      await partial.readyOrTell('workspace symbols', 'symbols');
      session.analysePending();
      return workspaceSymbols(session, p.query);
    }),
  );
  connection.onCodeLens(
    guard('code lens', [], async (p) => {
      // a partial lens says so in its title, and is fetched again when the scan ends
      await partial.ready();
      whole(p);
      const lenses = codeLenses(session, p.textDocument.uri);
      const titles = lenses.map((l) => l.command?.title);
      views.served('codeLens', session.keyOf(p.textDocument.uri), ViewRefresh.lensStamp(titles));
      return lenses;
    }),
  );
  connection.onCodeAction(
    guard(
      'code action',
      [],
      (p) => (whole(p), [...codeActions(session, p), ...annotationActions(session, p)]),
    ),
  );
  connection.onExecuteCommand(
    guard('command', null, (p) => executeAnnotationCommand(session, connection, p.command, p.arguments)),
  );
  connection.onRequest(
    ANNOTATIONS_REQUEST,
    guard('annotations', { tags: [], items: [] }, (p: { uri?: string } | null) => {
      session.analysePending();
      return annotationItems(session, p?.uri);
    }),
  );
  connection.onRequest(
    PEOPLE_REQUEST,
    guard(
      'people',
      [],
      (p: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
        const key = session.keyOf(p.textDocument.uri);
        const offset = session.lineIndex(key).offsetAt(p.position);
        return peopleFor(session, key, { start: offset, end: offset });
      },
    ),
  );
  connection.languages.inlayHint.on(
    guard('inlay hints', [], (p) => {
      whole(p);
      views.served('inlayHint', session.keyOf(p.textDocument.uri));
      return inlayHints(session, p.textDocument.uri, p.range);
    }),
  );
  connection.languages.semanticTokens.on(
    guard('semantic tokens', { data: [] }, (p) => {
      whole(p);
      views.served('semanticTokens', session.keyOf(p.textDocument.uri));
      return semanticTokens(session, p.textDocument.uri);
    }),
  );
  connection.onRequest(
    ADJACENT_MENTION,
    guard('adjacent mention', null, async (p: At & { direction: 1 | -1 }) => {
      await partial.readyOrTell('next mention', 'mentions');
      at(p);
      return adjacent(session, p.textDocument.uri, p.position, p.direction === -1 ? -1 : 1);
    }),
  );

  session.documents.listen(connection);
  connection.listen();
}
