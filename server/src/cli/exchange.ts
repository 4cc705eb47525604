// `corpus-annotator export` and `import`: the engine's entities and dates together with the
// readers' annotations, as W3C Web Annotations (a collection, or JSON Lines), CSV, or brat
// standoff (each .txt with its .ann beside it). W3C and brat import back without loss: the
// readers' annotations return to the store byte for byte; what the engine found is derived
// from the text and is not imported.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Annotation } from '../analysis/annotations/model';
import { compareAnnotations } from '../analysis/annotations/model';
import {
  allToW3C,
  ENGINE_CREATOR,
  fromW3CObjects,
  parseStore,
  serialiseStore,
  W3C_CONTEXT,
  type W3CAnnotation,
} from '../analysis/annotations/w3c';
import type { CorpusIndex, ResolvedMention } from '../analysis/corpusIndex';
import { readStore, storeFileOf, writeStoreAtomically } from '../node/annotationFiles';

export type ExportFormat = 'w3c' | 'jsonl' | 'csv' | 'brat';

export interface ExportSource {
  /** The index key (absolute path). */
  key: string;
  /** The source as the store names it (relative to the corpus root, with `/`). */
  name: string;
  annotations: readonly Annotation[];
}

// ------------------------------------------------------------------ what the engine found

interface EngineItem {
  start: number;
  end: number;
  /** Date, Person, Official, Acronym. */
  type: string;
  /** The date's value or the entity's id. */
  value: string;
  text: string;
}

function engineItems(index: CorpusIndex, key: string): EngineItem[] {
  return index
    .mentions(key)
    .filter((m) => m.kind === 'date' || m.entity)
    .map((m: ResolvedMention) => ({
      start: m.start,
      end: m.end,
      type:
        m.kind === 'date'
          ? 'Date'
          : m.kind === 'acronym'
            ? 'Acronym'
            : m.kind === 'official'
              ? 'Official'
              : 'Person',
      value: m.kind === 'date' ? (m.value ?? m.date?.value ?? '') : (m.entity ?? ''),
      text: m.text,
    }));
}

function engineToW3C(source: string, text: string, item: EngineItem): W3CAnnotation {
  return {
    id: `urn:corpus-annotator:${encodeURI(source)}#${item.start}-${item.end}:${item.type.toLowerCase()}`,
    type: 'Annotation',
    motivation: item.type === 'Date' ? 'classifying' : 'identifying',
    creator: { type: 'Software', name: ENGINE_CREATOR },
    body: [
      { type: 'TextualBody', purpose: 'classifying', value: item.type },
      { type: 'TextualBody', purpose: 'identifying', value: item.value },
    ],
    target: {
      source,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: item.text,
          prefix: text.slice(Math.max(0, item.start - 32), item.start),
          suffix: text.slice(item.end, item.end + 32),
        },
        { type: 'TextPositionSelector', start: item.start, end: item.end },
      ],
    },
  };
}

// ------------------------------------------------------------------ export

/** The export as text (w3c, jsonl, csv), or written into `out` (brat). */
export async function exportCorpus(
  index: CorpusIndex,
  sources: readonly ExportSource[],
  format: ExportFormat,
  out?: string,
): Promise<string> {
  if (format === 'brat') {
    if (!out) throw new Error('brat is written into a folder: give --out DIR');
    for (const s of sources) await writeBrat(index, s, out);
    await fs.writeFile(path.join(out, 'annotation.conf'), BRAT_CONF);
    return '';
  }
  const items: W3CAnnotation[] = [];
  const rows: string[][] = [
    ['source', 'start', 'end', 'kind', 'label', 'value', 'text', 'creator', 'created', 'modified', 'id'],
  ];
  for (const s of sources) {
    const text = index.get(s.key)?.analysis.text ?? '';
    const engine = engineItems(index, s.key);
    for (const e of engine) {
      items.push(engineToW3C(s.name, text, e));
      rows.push([
        s.name,
        String(e.start),
        String(e.end),
        'entity',
        e.type,
        e.value,
        e.text,
        ENGINE_CREATOR,
        '',
        '',
        '',
      ]);
    }
    items.push(...allToW3C(s.annotations, false));
    for (const a of [...s.annotations].sort(compareAnnotations)) {
      const [label, value] =
        a.body.kind === 'note'
          ? ['note', a.body.text]
          : a.body.kind === 'tag'
            ? ['tag', a.body.tag]
            : [a.body.correction.type, JSON.stringify(a.body.correction)];
      rows.push([
        s.name,
        String(a.start),
        String(a.end),
        a.body.kind,
        label,
        value,
        a.exact,
        a.creator,
        a.created,
        a.modified,
        a.id,
      ]);
      for (const r of a.replies ?? [])
        rows.push([
          s.name,
          String(a.start),
          String(a.end),
          'reply',
          'note',
          r.text,
          a.exact,
          r.creator,
          r.created,
          r.modified,
          r.id,
        ]);
    }
  }
  if (format === 'csv') return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  if (format === 'jsonl')
    return (
      items.map((i) => JSON.stringify({ '@context': W3C_CONTEXT, ...i })).join('\n') +
      (items.length ? '\n' : '')
    );
  const collection = {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Corpus Annotator export',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
  return JSON.stringify(collection, null, 1) + '\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const BRAT_CONF = `# Corpus Annotator export: what the engine found, and the readers' notes, tags and corrections
[entities]
Date
Person
Official
Acronym
Note
Tag
Correction
[relations]
[events]
[attributes]
`;

/** brat counts characters (code points); the engine counts UTF-16 code units. */
function codePointOffsets(text: string): (offset: number) => number {
  const at: number[] = new Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) at[++i] = cp;
    }
    cp++;
  }
  at[text.length] = cp;
  return (offset) => at[Math.max(0, Math.min(offset, text.length))];
}

async function writeBrat(index: CorpusIndex, s: ExportSource, out: string): Promise<void> {
  const text = index.get(s.key)?.analysis.text ?? '';
  const base = path.join(out, s.name.replace(/\.txt$/i, ''));
  await fs.mkdir(path.dirname(base), { recursive: true });
  await fs.writeFile(base + '.txt', text);
  const cp = codePointOffsets(text);
  const lines: string[] = [];
  let t = 0;
  // a span across lines is written as brat's fragments, one per line
  const fragments = (start: number, end: number) => {
    const parts: string[] = [];
    let from = start;
    for (let nl = text.indexOf('\n', from); nl >= 0 && nl < end; nl = text.indexOf('\n', from)) {
      if (nl > from) parts.push(`${cp(from)} ${cp(nl)}`);
      from = nl + 1;
    }
    if (end > from || parts.length === 0) parts.push(`${cp(from)} ${cp(Math.max(from, end))}`);
    return parts.join(';');
  };
  const shown = (start: number, end: number) => text.slice(start, end).replace(/[\r\n\t]+/g, ' ');
  for (const e of engineItems(index, s.key)) {
    t++;
    lines.push(`T${t}\t${e.type} ${fragments(e.start, e.end)}\t${shown(e.start, e.end)}`);
    lines.push(`#${t}\tAnnotatorNotes T${t}\t${e.value}`);
  }
  for (const a of [...s.annotations].sort(compareAnnotations)) {
    t++;
    const type = a.body.kind === 'note' ? 'Note' : a.body.kind === 'tag' ? 'Tag' : 'Correction';
    const end = Math.min(a.end, text.length);
    const start = Math.min(a.start, end);
    lines.push(`T${t}\t${type} ${fragments(start, end)}\t${shown(start, end)}`);
    // the annotation itself, whole, so that an import loses nothing brat has no field for
    lines.push(`#${t}\tAnnotatorNotes T${t}\t${BRAT_PREFIX}${JSON.stringify(allToW3C([a], false))}`);
  }
  await fs.writeFile(base + '.ann', lines.length ? lines.join('\n') + '\n' : '');
}

const BRAT_PREFIX = 'corpus-annotator:';

// ------------------------------------------------------------------ import

/** Reads W3C (a collection, a page, a list, one annotation, or JSON Lines) or brat .ann text. */
export function readImport(
  text: string,
  format: 'w3c' | 'jsonl' | 'brat',
): { objects: unknown[]; problems: string[] } {
  const objects: unknown[] = [];
  const problems: string[] = [];
  if (format === 'brat') {
    for (const line of text.split(/\r?\n/)) {
      const m = /^#\d+\tAnnotatorNotes T\d+\t(.*)$/.exec(line);
      if (!m || !m[1].startsWith(BRAT_PREFIX)) continue;
      try {
        const list = JSON.parse(m[1].slice(BRAT_PREFIX.length));
        if (Array.isArray(list)) objects.push(...list);
      } catch (error) {
        problems.push(`a note that is not JSON: ${(error as Error).message}`);
      }
    }
    return { objects, problems };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { objects, problems };
  if (format === 'jsonl' || (!trimmed.startsWith('[') && trimmed.includes('\n{'))) {
    trimmed.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        objects.push(JSON.parse(line));
      } catch (error) {
        problems.push(`line ${i + 1}: ${(error as Error).message}`);
      }
    });
    return { objects, problems };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    problems.push((error as Error).message);
    return { objects, problems };
  }
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'AnnotationCollection') collect(o.first);
      else if (o.type === 'AnnotationPage') {
        collect(o.items);
        if (o.next && typeof o.next === 'object') collect(o.next);
      } else objects.push(v);
    }
  };
  collect(value);
  return { objects, problems };
}

/** The readers' annotations among imported objects (the engine's are left out), by source. */
export function readersAnnotations(objects: readonly unknown[]): {
  bySource: Map<string, Annotation[]>;
  problems: string[];
} {
  const mine = objects.filter((o) => {
    const creator = (o as { creator?: { type?: string } } | null)?.creator;
    return !(creator && creator.type === 'Software');
  });
  const parsed = fromW3CObjects(mine.map((value, i) => ({ value, start: i, end: i + 1 })));
  const bySource = new Map<string, Annotation[]>();
  for (const a of parsed.annotations) {
    const list = bySource.get(a.source) ?? [];
    list.push(a);
    bySource.set(a.source, list);
  }
  return { bySource, problems: parsed.findings.map((f) => `item ${f.start + 1}: ${f.message}`) };
}

/**
 * Writes imported annotations into the stores under `root` (store folder `storeDir`): an
 * annotation already there with the same id is replaced, the others kept. A store that
 * cannot be read is never written; its source is reported instead.
 */
export async function importIntoStores(
  root: string,
  storeDir: string,
  bySource: ReadonlyMap<string, Annotation[]>,
): Promise<{ written: string[]; refused: string[] }> {
  const written: string[] = [];
  const refused: string[] = [];
  for (const [source, imported] of [...bySource].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (path.isAbsolute(source) || source.split('/').includes('..')) {
      refused.push(`${source}: not a path inside the corpus`);
      continue;
    }
    const file = storeFileOf(root, storeDir, path.join(root, ...source.split('/')));
    const read = await readStore(file);
    let existing: Annotation[] = [];
    if ('error' in read) {
      refused.push(`${file}: ${read.error}`);
      continue;
    }
    if ('text' in read) {
      const parsed = parseStore(read.text);
      if (parsed.findings.length) {
        refused.push(
          `${file}: has lines that cannot be read (${parsed.findings[0].message}); it is left as it is`,
        );
        continue;
      }
      existing = parsed.annotations;
    }
    const ids = new Set(imported.map((a) => a.id));
    const merged = [...existing.filter((a) => !ids.has(a.id)), ...imported];
    await writeStoreAtomically(file, serialiseStore(merged));
    written.push(file);
  }
  return { written, refused };
}
