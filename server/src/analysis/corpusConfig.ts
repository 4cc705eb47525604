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

/** A tag of the corpus's vocabulary: a reader's code for passages ("claim", "contested"). */
export interface TagDefinition {
  name: string;
  /** `#rrggbb` (or `#rgb`, `#rrggbbaa`): the highlight of a tagged passage. */
  color: string;
  description?: string;
}

export interface CorpusConfig {
  glossary: Map<string, GlossaryEntry>;
  dismissed: Set<string>;
  /** The tags readers may put on passages, in the order the file lists them. */
  tags: Map<string, TagDefinition>;
  /** Where the reader's annotations are kept, relative to the file's folder (default `.annotations`). */
  annotationStore?: string;
  findings: Finding[];
}

export const DEFAULT_ANNOTATION_STORE = '.annotations';

/** Colours given to tags declared without one, in turn. */
const TAG_COLORS = ['#e5a50a', '#3584e4', '#2ec27e', '#c061cb', '#e66100', '#c01c28', '#865e3c', '#1c71d8'];

export function emptyConfig(): CorpusConfig {
  return { glossary: new Map(), dismissed: new Set(), tags: new Map(), findings: [] };
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
  const tags = findNodeAtLocation(root, ['tags']);
  if (tags) readTags(tags, config);
  const store = findNodeAtLocation(root, ['annotationStore']);
  if (store) readStore(store, config);
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

function readTags(node: Node, config: CorpusConfig): void {
  if (node.type !== 'object') {
    config.findings.push(problem(node, '"tags" must be an object: { "claim": { "color": "#e5a50a" } }.'));
    return;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    if (name.trim() === '') {
      config.findings.push(problem(keyNode, 'A tag needs a name.'));
      continue;
    }
    const tag: TagDefinition = { name, color: TAG_COLORS[config.tags.size % TAG_COLORS.length] };
    const color = valueNode.type === 'string' ? valueNode : findNodeAtLocation(valueNode, ['color']);
    const description =
      valueNode.type === 'object' ? findNodeAtLocation(valueNode, ['description']) : undefined;
    if (valueNode.type !== 'string' && valueNode.type !== 'object') {
      config.findings.push(
        problem(valueNode, `The tag ${name} must be a colour or { "color", "description" }.`),
      );
      continue;
    }
    if (color) {
      if (color.type === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(String(color.value)))
        tag.color = String(color.value);
      else config.findings.push(problem(color, `The colour of ${name} must be #rgb, #rrggbb or #rrggbbaa.`));
    }
    if (description?.type === 'string') tag.description = String(description.value);
    config.tags.set(name, tag);
  }
}

function readStore(node: Node, config: CorpusConfig): void {
  const value = node.type === 'string' ? String(node.value) : '';
  // a folder inside the corpus: never an absolute path or one that climbs out of it
  if (value === '' || /^([\\/]|[a-z]:)/i.test(value) || value.split(/[\\/]/).includes('..'))
    config.findings.push(
      problem(node, '"annotationStore" is a folder inside the corpus, such as ".annotations".'),
    );
  else config.annotationStore = value;
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
