// The checks of test/e2e (code-server) through the `vscode` API, for a desktop VS Code started by
// @vscode/test-electron: the language, semantic tokens, hover, definition, references and the
// date-conflict diagnostic on the sample corpus. Expected positions and files are computed from the
// sample texts (a fresh copy of samples/ whose path run.ts passes as CORPUS_WORKSPACE).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { filesMentioning, findWord, lineOf, type LineCol } from '../../e2e/sample-text';

const EXTENSION_ID = 'corpus-annotator.corpus-annotator';
const CORPUS_FILE = 'corpus/000_4e54959011ade41e.txt';
const CONFLICT_FILE = 'variants/v01.txt';
const ACRONYM = 'PARP';
const EXPANSION = 'Planning and Review Process';
/** How long a check waits for the server's answer (it may still be indexing the corpus). */
const WAIT_MS = 30_000;
/** Once the extension is known not to have started, the other checks still run, but briefly. */
const WAIT_WITHOUT_SERVER_MS = 3_000;
let activated = false;

const workspace = (): string => {
  const folder = process.env.CORPUS_WORKSPACE;
  if (!folder) throw new Error('CORPUS_WORKSPACE is not set: run this suite through test/electron/run.ts');
  return folder;
};
const uriOf = (relative: string): vscode.Uri => vscode.Uri.file(path.join(workspace(), relative));
const textOf = (relative: string): string => fs.readFileSync(path.join(workspace(), relative), 'utf8');
/** VS Code's 0-based position for a 1-based line/column. */
const positionOf = (at: LineCol): vscode.Position => new vscode.Position(at.line - 1, at.col - 1);

/** Asks `attempt` again until it returns a value or WAIT_MS pass; returns the last value. */
async function poll<T>(
  attempt: () => Thenable<T | undefined> | Promise<T | undefined>,
): Promise<T | undefined> {
  const deadline = Date.now() + (activated ? WAIT_MS : WAIT_WITHOUT_SERVER_MS);
  for (;;) {
    const value = await attempt();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uriOf(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

export const checks: Array<{ name: string; body: () => Promise<void> }> = [
  {
    name: 'the extension activates and the corpus file is "Corpus Text"',
    body: async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not loaded`);
      await extension.activate();
      activated = true;
      const languages =
        (extension.packageJSON as { contributes?: { languages?: Array<{ id: string; aliases?: string[] }> } })
          .contributes?.languages ?? [];
      assert.ok(
        languages.some((l) => l.id === 'corpus' && l.aliases?.[0] === 'Corpus Text'),
        `the extension contributes no language "corpus" shown as "Corpus Text": ${JSON.stringify(languages)}`,
      );
      const document = await open(CORPUS_FILE);
      // The client may assign the language after opening (folder with corpus-annotator.json).
      const languageId = await poll(async () =>
        vscode.window.activeTextEditor?.document.languageId === 'corpus' ? 'corpus' : undefined,
      );
      assert.equal(languageId ?? document.languageId, 'corpus');
    },
  },
  {
    name: 'semantic tokens cover an acronym, an official and a date',
    body: async () => {
      const document = await open(CORPUS_FILE);
      const text = textOf(CORPUS_FILE);
      const words: Array<[string, LineCol]> = [
        [ACRONYM, findWord(text, lineOf(text, ACRONYM), ACRONYM)],
        ['Hasanov', findWord(text, 1, 'Hasanov')],
        ['April', findWord(text, lineOf(text, 'April'), 'April')],
      ];
      const tokens = await poll(async () => {
        const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>(
          'vscode.provideDocumentSemanticTokens',
          document.uri,
        );
        return result && result.data.length > 0 ? result : undefined;
      });
      assert.ok(tokens, 'the server returned no semantic tokens');
      // Decode the relative (line, start, length, type, modifiers) groups into absolute spans.
      const spans: Array<{ line: number; start: number; end: number }> = [];
      let line = 0;
      let start = 0;
      for (let i = 0; i + 4 < tokens.data.length; i += 5) {
        line += tokens.data[i];
        start = tokens.data[i] === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
        spans.push({ line, start, end: start + tokens.data[i + 2] });
      }
      for (const [word, at] of words) {
        const p = positionOf(at);
        assert.ok(
          spans.some((s) => s.line === p.line && s.start <= p.character && p.character < s.end),
          `no semantic token covers ${word} at line ${at.line}, col ${at.col}`,
        );
      }
    },
  },
  {
    name: `hover on ${ACRONYM} shows "${EXPANSION}"`,
    body: async () => {
      const document = await open(CORPUS_FILE);
      const text = textOf(CORPUS_FILE);
      const at = findWord(text, lineOf(text, ACRONYM), ACRONYM);
      let shown = '';
      await poll(async () => {
        shown = hoverText(
          await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            document.uri,
            positionOf(at),
          ),
        );
        return shown.includes(EXPANSION) ? shown : undefined;
      });
      assert.ok(
        shown.includes(EXPANSION),
        `the hover at line ${at.line}, col ${at.col} shows ${JSON.stringify(shown)}`,
      );
    },
  },
  {
    name: 'definition of Hasanov (line 2) is Zakir Hasanov (line 1)',
    body: async () => {
      const document = await open(CORPUS_FILE);
      const text = textOf(CORPUS_FILE);
      const from = findWord(text, 2, 'Hasanov');
      const target = positionOf(findWord(text, 1, 'Zakir'));
      const targetEnd = positionOf(findWord(text, 1, 'Hasanov')).translate(0, 'Hasanov'.length);
      let found: Array<vscode.Location | vscode.LocationLink> = [];
      const ok = await poll(async () => {
        found =
          (await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
            'vscode.executeDefinitionProvider',
            document.uri,
            positionOf(from),
          )) ?? [];
        return found.some((d) => {
          const uri = 'uri' in d ? d.uri : d.targetUri;
          const range = 'range' in d ? d.range : (d.targetSelectionRange ?? d.targetRange);
          return (
            uri.toString() === document.uri.toString() &&
            range.start.isAfterOrEqual(target) &&
            range.start.isBeforeOrEqual(targetEnd)
          );
        })
          ? true
          : undefined;
      });
      assert.ok(
        ok,
        `the definition of Hasanov at line ${from.line}, col ${from.col} is ${JSON.stringify(found)}`,
      );
    },
  },
  {
    name: `references of ${ACRONYM} include every sample file that mentions it`,
    body: async () => {
      const document = await open(CORPUS_FILE);
      const text = textOf(CORPUS_FILE);
      const at = findWord(text, lineOf(text, ACRONYM), ACRONYM);
      const expected = filesMentioning(workspace(), ACRONYM).map((f) => uriOf(f).toString());
      let missing: string[] = expected;
      await poll(async () => {
        const locations =
          (await vscode.commands.executeCommand<vscode.Location[]>(
            'vscode.executeReferenceProvider',
            document.uri,
            positionOf(at),
          )) ?? [];
        const got = new Set(locations.map((l) => l.uri.toString()));
        missing = expected.filter((u) => !got.has(u));
        return missing.length === 0 ? true : undefined;
      });
      assert.deepEqual(missing, [], 'files with no reference listed');
    },
  },
  {
    name: `${CONFLICT_FILE} gets a date-conflict warning on its 1998, with related information`,
    body: async () => {
      const document = await open(CONFLICT_FILE);
      const text = textOf(CONFLICT_FILE);
      const line = text.split('\n').findIndex((l) => l.includes(ACRONYM) && /\b1998\b/.test(l)) + 1;
      assert.ok(line > 0, `${CONFLICT_FILE} should hold a sentence with ${ACRONYM} and 1998`);
      const year = positionOf(findWord(text, line, '1998'));
      let shown: vscode.Diagnostic[] = [];
      const conflict = await poll(async () => {
        shown = vscode.languages.getDiagnostics(document.uri);
        return shown.find((d) => codeOf(d) === 'date-conflict' && d.range.contains(year));
      });
      assert.ok(
        conflict,
        `no date-conflict covers line ${line}'s 1998; diagnostics: ${JSON.stringify(
          shown.map((d) => [d.range.start.line + 1, codeOf(d), d.message]),
        )}`,
      );
      assert.equal(conflict.severity, vscode.DiagnosticSeverity.Warning);
      const related = conflict.relatedInformation ?? [];
      assert.ok(related.length > 0, 'the conflict has no related information');
      for (const r of related) {
        assert.notEqual(
          r.location.uri.toString(),
          document.uri.toString(),
          'related information points at another file',
        );
      }
    },
  },
];
