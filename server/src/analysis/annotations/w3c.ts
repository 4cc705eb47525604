// Annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), and the store
// format: one annotation per line (JSON Lines), in a stable order with a fixed key order, so
// that a store kept in git diffs line by line. A reply to a note is an annotation of its own
// (motivation `replying`) whose target is the note's id, on the line after the note.
//
// Parsing is total: a line that is not an annotation becomes a finding at its place in the
// store, and the caller decides what a store with findings may do (the session never writes
// over one).
import type { Finding } from '../types';
import {
  compareAnnotations,
  describeCorrection,
  type Annotation,
  type Correction,
  type Reply,
} from './model';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The creator name of what the engine found (exports carry it; an import skips it). */
export const ENGINE_CREATOR = 'corpus-annotator';

export interface W3CAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: string;
  created?: string;
  modified?: string;
  creator?: { type: string; name: string };
  body?: W3CBody | W3CBody[];
  target: string | W3CTarget;
  status?: 'resolved';
}

export interface W3CBody {
  type: 'TextualBody';
  purpose: string;
  value: string;
  correction?: Correction;
}

export interface W3CTarget {
  source: string;
  selector: (
    | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
    | { type: 'TextPositionSelector'; start: number; end: number }
  )[];
}

const MOTIVATION = { note: 'commenting', tag: 'tagging', correction: 'editing' } as const;

/** One annotation as W3C JSON (its replies are separate: see `repliesToW3C`). */
export function toW3C(a: Annotation, context = true): W3CAnnotation {
  const body: W3CBody =
    a.body.kind === 'note'
      ? { type: 'TextualBody', purpose: 'commenting', value: a.body.text }
      : a.body.kind === 'tag'
        ? { type: 'TextualBody', purpose: 'tagging', value: a.body.tag }
        : {
            type: 'TextualBody',
            purpose: 'editing',
            value: describeCorrection(a.body.correction),
            correction: normaliseCorrection(a.body.correction),
          };
  const out: W3CAnnotation = {
    ...(context ? { '@context': W3C_CONTEXT } : {}),
    id: a.id,
    type: 'Annotation',
    motivation: MOTIVATION[a.body.kind],
    created: a.created,
    modified: a.modified,
    creator: { type: 'Person', name: a.creator },
    body,
    target: {
      source: a.source,
      selector: [
        { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        { type: 'TextPositionSelector', start: a.start, end: a.end },
      ],
    },
  };
  if (a.resolved) out.status = 'resolved';
  return out;
}

export function replyToW3C(parent: Annotation, r: Reply, context = true): W3CAnnotation {
  return {
    ...(context ? { '@context': W3C_CONTEXT } : {}),
    id: r.id,
    type: 'Annotation',
    motivation: 'replying',
    created: r.created,
    modified: r.modified,
    creator: { type: 'Person', name: r.creator },
    body: { type: 'TextualBody', purpose: 'replying', value: r.text },
    target: parent.id,
  };
}

/** Every annotation and reply as W3C objects, in store order. */
export function allToW3C(annotations: readonly Annotation[], context = true): W3CAnnotation[] {
  const out: W3CAnnotation[] = [];
  for (const a of [...annotations].sort(compareAnnotations)) {
    out.push(toW3C(a, context));
    for (const r of a.replies ?? []) out.push(replyToW3C(a, r, context));
  }
  return out;
}

/** A store file's text: one annotation per line, sorted, ending with a newline. */
export function serialiseStore(annotations: readonly Annotation[]): string {
  const lines = allToW3C(annotations).map((w) => JSON.stringify(w));
  return lines.length ? lines.join('\n') + '\n' : '';
}

export interface ParsedStore {
  annotations: Annotation[];
  findings: Finding[];
}

/** Reads a store file (JSON Lines); every bad line is a finding and is left out. */
export function parseStore(text: string): ParsedStore {
  const objects: { value: unknown; start: number; end: number }[] = [];
  const findings: Finding[] = [];
  let start = 0;
  // a store written on Windows may have CRLF line ends; a BOM is not part of the first line
  if (text.charCodeAt(0) === 0xfeff) start = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') {
      try {
        objects.push({ value: JSON.parse(line), start, end: start + line.length });
      } catch (error) {
        findings.push(storeProblem(start, start + line.length, `Not JSON: ${(error as Error).message}`));
      }
    }
    start = end + 1;
  }
  const parsed = fromW3CObjects(objects);
  return { annotations: parsed.annotations, findings: [...findings, ...parsed.findings] };
}

/** Reads W3C objects (a store's lines, an export's items); `start`/`end` place findings. */
export function fromW3CObjects(
  objects: readonly { value: unknown; start: number; end: number }[],
): ParsedStore {
  const annotations: Annotation[] = [];
  const findings: Finding[] = [];
  const byId = new Map<string, Annotation>();
  const replies: { reply: Reply; parent: string; start: number; end: number }[] = [];
  for (const { value, start, end } of objects) {
    const read = readW3C(value);
    if (typeof read === 'string') {
      findings.push(storeProblem(start, end, read));
    } else if ('parent' in read) {
      replies.push({ ...read, start, end });
    } else if (byId.has(read.id)) {
      findings.push(storeProblem(start, end, `The annotation ${read.id} is in the store twice.`));
    } else {
      byId.set(read.id, read);
      annotations.push(read);
    }
  }
  for (const { reply, parent, start, end } of replies) {
    const note = byId.get(parent);
    if (!note) findings.push(storeProblem(start, end, `A reply to ${parent}, which is not in the store.`));
    else (note.replies ??= []).push(reply);
  }
  for (const a of annotations)
    a.replies?.sort((x, y) => (x.created < y.created ? -1 : x.created > y.created ? 1 : 0));
  return { annotations, findings };
}

type Read = Annotation | { reply: Reply; parent: string } | string;

/** One W3C object as an annotation or a reply; a string says what is wrong with it. */
export function readW3C(value: unknown): Read {
  if (!isObject(value)) return 'A line of the store must be one JSON object (a W3C Web Annotation).';
  if (value.type !== 'Annotation') return 'Not a W3C Web Annotation ("type": "Annotation").';
  if (typeof value.id !== 'string' || value.id === '') return 'The annotation has no "id".';
  const id = value.id;
  const created = typeof value.created === 'string' ? value.created : '';
  const modified = typeof value.modified === 'string' ? value.modified : created;
  const creator = isObject(value.creator) && typeof value.creator.name === 'string' ? value.creator.name : '';
  const body = Array.isArray(value.body) ? value.body[0] : value.body;
  if (!isObject(body) || typeof body.value !== 'string')
    return `${id}: the body must be a TextualBody with a "value".`;
  if (value.motivation === 'replying') {
    if (typeof value.target !== 'string') return `${id}: a reply's target is the id of the note it answers.`;
    return { reply: { id, text: body.value, creator, created, modified }, parent: value.target };
  }
  const target = value.target;
  if (!isObject(target) || typeof target.source !== 'string' || !Array.isArray(target.selector))
    return `${id}: the target needs a "source" and a "selector" list.`;
  let quote: { exact: string; prefix: string; suffix: string } | undefined;
  let position: { start: number; end: number } | undefined;
  for (const s of target.selector as unknown[]) {
    if (!isObject(s)) continue;
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string')
      quote = {
        exact: s.exact,
        prefix: typeof s.prefix === 'string' ? s.prefix : '',
        suffix: typeof s.suffix === 'string' ? s.suffix : '',
      };
    if (
      s.type === 'TextPositionSelector' &&
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      (s.start as number) >= 0 &&
      (s.end as number) >= (s.start as number)
    )
      position = { start: s.start as number, end: s.end as number };
  }
  if (!quote) return `${id}: the target has no TextQuoteSelector.`;
  position ??= { start: 0, end: quote.exact.length };
  let annotation: Annotation['body'];
  if (body.purpose === 'commenting' || value.motivation === 'commenting')
    annotation = { kind: 'note', text: body.value };
  else if (body.purpose === 'tagging' || value.motivation === 'tagging') {
    if (body.value.trim() === '') return `${id}: a tag needs a name.`;
    annotation = { kind: 'tag', tag: body.value };
  } else if (body.purpose === 'editing' || value.motivation === 'editing') {
    const c = readCorrection(body.correction);
    if (!c) return `${id}: "correction" is not one the engine knows.`;
    annotation = { kind: 'correction', correction: c };
  } else return `${id}: the motivation must be commenting, tagging, editing or replying.`;
  const out: Annotation = {
    id,
    source: target.source,
    ...quote,
    ...position,
    body: annotation,
    creator,
    created,
    modified,
  };
  if (value.status === 'resolved') out.resolved = true;
  return out;
}

/** A correction with its keys in the one order the store writes (the diff of a store stays small). */
export function normaliseCorrection(c: Correction): Correction {
  return readCorrection(c) ?? c;
}

function readCorrection(v: unknown): Correction | undefined {
  if (!isObject(v)) return undefined;
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  switch (v.type) {
    case 'not-entity':
      return { type: 'not-entity' };
    case 'same-person': {
      const entity = s('entity');
      return entity
        ? { type: 'same-person', entity, name: s('name') ?? entity, surname: s('surname') ?? '' }
        : undefined;
    }
    case 'different-person': {
      const entity = s('entity');
      return entity ? { type: 'different-person', entity, name: s('name') ?? entity } : undefined;
    }
    case 'date-value':
    case 'document-date': {
      const value = s('value');
      return value ? { type: v.type, value } : undefined;
    }
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function storeProblem(start: number, end: number, message: string): Finding {
  return {
    start,
    end: Math.max(end, start + 1),
    code: 'annotation-store-invalid',
    severity: 'error',
    message,
  };
}
