// `corpus-annotator.json`: the file that declares a folder a corpus, holds the team's
// glossary and the date conflicts they have dismissed. Parsed here (pure: text in, data and
// findings out); the session reads and writes it.
//
//   {
//     "$schema": "...",
//     "glossary": {
//       "NATO": { "expansion": "North Atlantic Treaty Organization", "note": "Military alliance, founded 1949." },
//       "US": "United States"
//     },
//     "dismissedConflicts": [{ "id": "join||acronym:parp|1997|1998", "note": "v01 is a planted error" }]
//   }
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { acronymKey } from './acronyms';
import type { Finding } from './types';

export const CONFIG_FILE_NAME = 'corpus-annotator.json';

export interface GlossaryEntry {
  /** The acronym as the user wrote it (`NATO`). */
  short: string;
  key: string;
  expansion?: string;
  note?: string;
  /** Where in the config file the entry is, for links. */
  offset: number;
}

export interface CorpusConfig {
  glossary: Map<string, GlossaryEntry>;
  dismissed: Set<string>;
  findings: Finding[];
}

export function emptyConfig(): CorpusConfig {
  return { glossary: new Map(), dismissed: new Set(), findings: [] };
}

/** Parses a config file; every problem becomes a finding at its place, never an exception. */
export function parseCorpusConfig(text: string): CorpusConfig {
  const config = emptyConfig();
  // a file just created is empty: that declares a corpus and says nothing more
  if (text.trim() === '') return config;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    config.findings.push({
      start: e.offset,
      end: e.offset + Math.max(1, e.length),
      code: 'config-syntax',
      severity: 'error',
      message: `corpus-annotator.json: ${printParseErrorCode(e.error)}`,
    });
  }
  if (!root) return config;
  if (root.type !== 'object') {
    config.findings.push(problem(root, 'The file must hold one JSON object.'));
    return config;
  }
  const glossary = findNodeAtLocation(root, ['glossary']);
  if (glossary) readGlossary(glossary, config);
  const dismissed = findNodeAtLocation(root, ['dismissedConflicts']);
  if (dismissed) readDismissed(dismissed, config);
  return config;
}

function readGlossary(node: Node, config: CorpusConfig): void {
  if (node.type !== 'object') {
    config.findings.push(problem(node, '"glossary" must be an object: { "NATO": { "expansion": "..." } }.'));
    return;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const short = String(keyNode.value);
    if (!/^[\p{L}\p{N}&.-]{2,}$/u.test(short)) {
      config.findings.push(
        problem(keyNode, `"${short}" is not an acronym (letters and digits, at least two).`),
      );
      continue;
    }
    const entry: GlossaryEntry = { short, key: acronymKey(short), offset: keyNode.offset };
    if (valueNode.type === 'string') {
      entry.expansion = String(valueNode.value);
    } else if (valueNode.type === 'object') {
      for (const field of valueNode.children ?? []) {
        const [name, value] = field.children ?? [];
        if (!name || !value) continue;
        if (name.value !== 'expansion' && name.value !== 'note') {
          config.findings.push({
            ...problem(name, `Unknown field "${name.value}": a glossary entry has "expansion" and "note".`),
            severity: 'warning',
          });
          continue;
        }
        if (value.type !== 'string') {
          config.findings.push(problem(value, `"${name.value}" must be a string.`));
          continue;
        }
        entry[name.value as 'expansion' | 'note'] = String(value.value);
      }
    } else {
      config.findings.push(
        problem(valueNode, `The entry for ${short} must be a string or { "expansion", "note" }.`),
      );
      continue;
    }
    if (config.glossary.has(entry.key)) {
      config.findings.push({
        ...problem(keyNode, `${short} is in the glossary twice; the last entry wins.`),
        severity: 'warning',
      });
    }
    config.glossary.set(entry.key, entry);
  }
}

function readDismissed(node: Node, config: CorpusConfig): void {
  if (node.type !== 'array') {
    config.findings.push(problem(node, '"dismissedConflicts" must be an array.'));
    return;
  }
  for (const item of node.children ?? []) {
    const id =
      item.type === 'object' ? findNodeAtLocation(item, ['id']) : item.type === 'string' ? item : undefined;
    if (id && id.type === 'string') config.dismissed.add(String(id.value));
    else config.findings.push(problem(item, 'A dismissed conflict is { "id": "..." }.'));
  }
}

function problem(node: Node, message: string): Finding {
  return {
    start: node.offset,
    end: node.offset + node.length,
    code: 'config-invalid',
    severity: 'error',
    message,
  };
}
