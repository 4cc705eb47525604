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

/**
 * A glossary of thousands of entries is a few hundred KB: a config past 1 MB is a mistake (a
 * dump, a generated file), and parsing 60 MB took seconds and most of a GB.
 */
export const MAX_CONFIG_LENGTH = 1024 * 1024;

/**
 * The parser recurses once per level, so a file nested 200,000 deep overflowed the stack. The
 * format needs four levels; anything past this is refused before it is parsed.
 */
export const MAX_CONFIG_DEPTH = 64;

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
  if (text.length > MAX_CONFIG_LENGTH) return oversizedConfig(`${Math.round(text.length / 1024)} KB`);
  const config = emptyConfig();
  // a file just created is empty: that declares a corpus and says nothing more
  if (text.trim() === '') return config;
  // a byte order mark, as Windows Notepad saves it, is no JSON but no error either: read as a
  // space, so that every offset stays where it is in the file
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const deep = tooDeepAt(source, MAX_CONFIG_DEPTH);
  if (deep >= 0) {
    config.findings.push({
      start: deep,
      end: deep + 1,
      code: 'config-too-deep',
      severity: 'error',
      message: `corpus-annotator.json: nested more than ${MAX_CONFIG_DEPTH} levels deep here; the file is not read (a glossary needs four).`,
    });
    return config;
  }
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
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

/** A config file too large to read: it declares its folder a corpus, and says why it is not used. */
export function oversizedConfig(size: string): CorpusConfig {
  const config = emptyConfig();
  config.findings.push({
    start: 0,
    end: 0,
    code: 'config-too-large',
    severity: 'error',
    message: `corpus-annotator.json: ${size}, over the ${MAX_CONFIG_LENGTH / 1024} KB limit; the file is not read.`,
  });
  return config;
}

/**
 * The offset of the first bracket that opens level `max + 1`, or -1. One pass, no recursion,
 * aware of strings and comments (a bracket inside them does not count).
 */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34 || d === 10) break;
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return -1;
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
