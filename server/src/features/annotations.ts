// The readers' notes, tags and corrections over LSP: code actions on any selection and at
// any mention (so every LSP editor has them), the commands those run, the part of a hover
// that shows them, diagnostics for orphans and for a store that cannot be read, notes in
// workspace symbols, and a request that gives the VS Code client what it draws (comment
// threads, tag colours, the Annotations view).
import type {
  CodeAction,
  CodeActionParams,
  Connection,
  Diagnostic,
  Range,
  SymbolInformation,
} from 'vscode-languageserver/node';
import { CodeActionKind, DiagnosticSeverity, SymbolKind } from 'vscode-languageserver/node';
import {
  describeBody,
  describeCorrection,
  isDateValue,
  type Annotation,
  type AnnotationBody,
  type Correction,
} from '../analysis/annotations/model';
import type { ResolvedMention } from '../analysis/corpusIndex';
import { mentionAt } from '../analysis/query';
import type { Span } from '../analysis/types';
import type { Session } from '../session';
import { toLocation, toRange } from './conversion';

export const COMMANDS = {
  addNote: 'corpusAnnotator.addNote',
  tag: 'corpusAnnotator.tag',
  correct: 'corpusAnnotator.correct',
  reply: 'corpusAnnotator.reply',
  edit: 'corpusAnnotator.editAnnotation',
  resolve: 'corpusAnnotator.resolveNote',
  delete: 'corpusAnnotator.deleteAnnotation',
  reattach: 'corpusAnnotator.reattachAnnotation',
} as const;

/** The request the VS Code client draws annotations from. */
export const ANNOTATIONS_REQUEST = 'corpusAnnotator/annotations';
/** Sent to the client when annotations change (the URIs of the sources). */
export const ANNOTATIONS_CHANGED = 'corpusAnnotator/annotationsChanged';
/** The people a "same person as…" may name, for a client's pick list. */
export const PEOPLE_REQUEST = 'corpusAnnotator/people';

const ORPHAN = 'annotation-orphan';

// ------------------------------------------------------------------ code actions

interface Target {
  uri: string;
  range: Range;
}

export function annotationActions(session: Session, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const key = session.keyOf(uri);
  const out: CodeAction[] = [];
  // orphans: delete from their diagnostic
  for (const d of params.context.diagnostics) {
    const id = (d.data as { annotationId?: string } | undefined)?.annotationId;
    if (d.code !== ORPHAN || !id) continue;
    out.push(
      command(`Delete the orphaned annotation`, COMMANDS.delete, [{ id }], CodeActionKind.QuickFix, [d]),
    );
  }
  if (!session.index.get(key)) return out;
  const lines = session.lineIndex(key);
  let start = lines.offsetAt(params.range.start);
  let end = lines.offsetAt(params.range.end);
  const mention = mentionAt(session.index, key, start);
  const selected = end > start;
  if (!selected && mention) ({ start, end } = mention);
  const target: Target = { uri, range: toRange(session, key, { start, end }) };
  if (end > start) {
    const label = quoteLabel(session.textOf(key).slice(start, end));
    out.push(command(`Add note on “${label}”…`, COMMANDS.addNote, [target], CodeActionKind.Empty));
    for (const tag of [...session.tags().values()].slice(0, 12))
      out.push(
        command(
          `Tag “${label}” as “${tag.name}”`,
          COMMANDS.tag,
          [{ ...target, tag: tag.name }],
          CodeActionKind.Empty,
        ),
      );
    // orphans of this file can be placed on the selection
    const { annotations, orphans } = session.annotations.of(key);
    if (selected)
      for (const a of annotations.filter((x) => orphans.has(x.id)).slice(0, 5))
        out.push(
          command(
            `Re-attach the orphaned ${kindLabel(a.body)} “${quoteLabel(describeBody(a.body))}” here`,
            COMMANDS.reattach,
            [{ id: a.id, ...target }],
            CodeActionKind.QuickFix,
          ),
        );
  }
  // corrections at the mention
  if (mention && mention.start < Math.max(end, start + 1) && start < mention.end) {
    const at: Target = { uri, range: toRange(session, key, mention) };
    out.push(...correctionActions(session, mention, at));
  }
  // what is there already can be removed from here (an editor without the Comments API)
  for (const a of session.annotations.at(key, start).slice(0, 6))
    out.push(
      command(
        `Remove the ${kindLabel(a.body)} “${quoteLabel(describeBody(a.body))}”`,
        COMMANDS.delete,
        [{ id: a.id }],
        CodeActionKind.Empty,
      ),
    );
  return out;
}

function correctionActions(session: Session, mention: ResolvedMention, at: Target): CodeAction[] {
  const out: CodeAction[] = [];
  const correct = (title: string, correction: Partial<Correction> & { type: Correction['type'] }) =>
    command(title, COMMANDS.correct, [{ ...at, correction }], CodeActionKind.QuickFix);
  const text = quoteLabel(mention.text);
  if (mention.kind === 'date' && mention.date) {
    out.push(correct(`Correct: “${text}” is not a date`, { type: 'not-entity' }));
    out.push(correct(`Correct: this date's value is…`, { type: 'date-value' }));
    if (/^\d{4}-\d\d-\d\d$/.test(mention.date.value))
      out.push(
        correct(`Correct: this document's date is ${mention.date.value}`, {
          type: 'document-date',
          value: mention.date.value,
        }),
      );
    out.push(correct(`Correct: this document's date is…`, { type: 'document-date' }));
    return out;
  }
  out.push(correct(`Correct: “${text}” is not an entity`, { type: 'not-entity' }));
  if (mention.entity && !mention.entity.startsWith('acronym:')) {
    out.push(correct(`Correct: “${text}” is the same person as…`, { type: 'same-person' }));
    const person = session.index.person(mention.entity);
    if (person)
      out.push(
        correct(`Correct: “${text}” is a different person from ${person.name}`, {
          type: 'different-person',
          entity: person.id,
          name: person.name,
        }),
      );
  }
  return out;
}

function command(
  title: string,
  name: string,
  args: unknown[],
  kind: string,
  diagnostics?: Diagnostic[],
): CodeAction {
  return {
    title,
    kind,
    ...(diagnostics ? { diagnostics } : {}),
    command: { title, command: name, arguments: args },
  };
}

function kindLabel(body: AnnotationBody): string {
  return body.kind === 'note' ? 'note' : body.kind === 'tag' ? 'tag' : 'correction';
}

function quoteLabel(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

// ------------------------------------------------------------------ commands

type Args = Partial<Target> & {
  id?: string;
  text?: string;
  tag?: string;
  resolved?: boolean;
  correction?: Partial<Correction> & { type?: string };
};

/** Runs one of COMMANDS; a message is shown for what could not be done. */
export async function executeAnnotationCommand(
  session: Session,
  connection: Connection,
  name: string,
  raw: unknown[] | undefined,
): Promise<unknown> {
  const args = (raw?.[0] ?? {}) as Args;
  const fail = (message: string) => {
    void connection.window.showWarningMessage(`Corpus Annotator: ${message}`);
    return null;
  };
  const done = (result: string | undefined) => (result ? fail(result) : true);
  const span = (): { key: string; span: Span } | undefined => {
    if (!args.uri || !args.range) return undefined;
    session.prepare(args.uri);
    const key = session.keyOf(args.uri);
    const lines = session.lineIndex(key);
    return { key, span: { start: lines.offsetAt(args.range.start), end: lines.offsetAt(args.range.end) } };
  };
  const now = () => new Date().toISOString();
  switch (name) {
    case COMMANDS.addNote: {
      const at = span();
      if (!at || at.span.end <= at.span.start) return fail('select the passage to note first.');
      const added = await session.annotations.add(at.key, at.span, { kind: 'note', text: args.text ?? '' });
      if (typeof added === 'string') return fail(added);
      // an editor that could not ask for the text: the note is opened in its store to write it
      if (args.text === undefined) await showInStore(session, connection, at.key, added);
      return added.id;
    }
    case COMMANDS.tag: {
      const at = span();
      if (!at || at.span.end <= at.span.start) return fail('select the passage to tag first.');
      let tag = args.tag;
      if (!tag) tag = await pick(connection, 'Tag as…', [...session.tags().keys()]);
      if (!tag) return null;
      const added = await session.annotations.add(at.key, at.span, { kind: 'tag', tag });
      return typeof added === 'string' ? fail(added) : added.id;
    }
    case COMMANDS.correct: {
      const at = span();
      if (!at) return fail('no passage to correct.');
      const correction = await completeCorrection(session, connection, at.key, at.span, args.correction);
      if (typeof correction === 'string') return fail(correction);
      if (!correction) return null;
      const added = await session.annotations.add(at.key, at.span, { kind: 'correction', correction });
      return typeof added === 'string' ? fail(added) : added.id;
    }
    case COMMANDS.reply: {
      if (!args.id || !args.text) return fail('a reply needs a note and a text.');
      const reply = {
        id: `urn:uuid:${crypto.randomUUID()}`,
        text: args.text,
        creator: session.annotations.author(),
        created: now(),
        modified: now(),
      };
      return done(
        await session.annotations.update(args.id, (a) => ({ ...a, replies: [...(a.replies ?? []), reply] })),
      );
    }
    case COMMANDS.edit: {
      const id = args.id;
      if (!id || args.text === undefined) return fail('nothing to change.');
      const text = args.text;
      return done(
        await session.annotations.update(id, (a) => {
          if (a.id !== id)
            return {
              ...a,
              replies: a.replies?.map((r) => (r.id === id ? { ...r, text, modified: now() } : r)),
            };
          if (a.body.kind === 'note') return { ...a, body: { kind: 'note', text }, modified: now() };
          if (a.body.kind === 'tag') return { ...a, body: { kind: 'tag', tag: text }, modified: now() };
          return a;
        }),
      );
    }
    case COMMANDS.resolve: {
      if (!args.id) return fail('no note to resolve.');
      const resolved = args.resolved !== false;
      return done(
        await session.annotations.update(args.id, (a) => ({
          ...a,
          resolved: resolved || undefined,
          modified: now(),
        })),
      );
    }
    case COMMANDS.delete: {
      const id = args.id;
      if (!id) return fail('no annotation to delete.');
      return done(
        await session.annotations.update(id, (a) =>
          a.id === id ? undefined : { ...a, replies: a.replies?.filter((r) => r.id !== id) },
        ),
      );
    }
    case COMMANDS.reattach: {
      const at = span();
      if (!args.id || !at || at.span.end <= at.span.start)
        return fail('select where the annotation belongs first.');
      return done(await session.annotations.reattach(args.id, at.span));
    }
  }
  return fail(`unknown command ${name}.`);
}

/** Fills in what a correction from a code action leaves to the reader, asking where needed. */
async function completeCorrection(
  session: Session,
  connection: Connection,
  key: string,
  span: Span,
  partial: Args['correction'],
): Promise<Correction | string | undefined> {
  switch (partial?.type) {
    case 'not-entity':
      return { type: 'not-entity' };
    case 'same-person': {
      if (partial.entity) {
        const person = session.index.person(partial.entity);
        if (!person) return `no person ${partial.entity} in the corpus.`;
        return {
          type: 'same-person',
          entity: person.id,
          name: person.name,
          surname: surnameOf(session, person.id),
        };
      }
      const people = peopleFor(session, key, span);
      const chosen = await pick(
        connection,
        'Same person as…',
        people.map((p) => p.name),
      );
      const person = people.find((p) => p.name === chosen);
      return (
        person && {
          type: 'same-person',
          entity: person.id,
          name: person.name,
          surname: surnameOf(session, person.id),
        }
      );
    }
    case 'different-person': {
      if (!partial.entity) return 'which person is it not?';
      return {
        type: 'different-person',
        entity: partial.entity,
        name: partial.name ?? session.index.person(partial.entity)?.name ?? partial.entity,
      };
    }
    case 'date-value':
    case 'document-date': {
      let value = typeof partial.value === 'string' ? partial.value.trim() : undefined;
      if (!value) {
        const date = mentionAt(session.index, key, span.start)?.date;
        value = await pick(
          connection,
          partial.type === 'date-value' ? "This date's value is…" : "This document's date is…",
          dateSuggestions(date?.value),
        );
      }
      if (!value) return undefined;
      if (!isDateValue(value)) return `“${value}” is not a date: write 2011, 2011-05 or 2011-05-04.`;
      return { type: partial.type, value };
    }
  }
  return 'that correction is not one the engine knows.';
}

/** What a reader is likely to mean, for an editor that can only offer choices. */
function dateSuggestions(value: string | undefined): string[] {
  const m = /^(\d{4})(-\d\d)?(-\d\d)?/.exec(value ?? '');
  if (!m) return [];
  const year = Number(m[1]);
  const rest = (m[2] ?? '') + (m[3] ?? '');
  const out = [year - 1, year + 1, year - 10, year + 10].map((y) => `${y}${rest}`);
  if (m[2] && m[3] && Number(m[3].slice(1)) <= 12) out.unshift(`${year}-${m[3].slice(1)}-${m[2].slice(1)}`);
  return out;
}

/** The people a mention could be: those of its file first, then the corpus's most mentioned. */
export function peopleFor(
  session: Session,
  key: string,
  span: Span,
): { id: string; name: string; detail: string }[] {
  const own = mentionAt(session.index, key, span.start)?.entity;
  const inFile = [...session.index.peopleIn(key)];
  const all = session.index.people();
  const ranked = [
    ...inFile.map((id) => session.index.person(id)).filter((p) => !!p),
    ...all.sort((a, b) => session.index.usage(b.id).mentions - session.index.usage(a.id).mentions),
  ];
  const seen = new Set<string>([own ?? '']);
  const out: { id: string; name: string; detail: string }[] = [];
  for (const p of ranked) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ id: p.id, name: p.name, detail: p.titles[0]?.text ?? p.kind });
    if (out.length >= 200) break;
  }
  return out;
}

/** The surname the engine reads for a person (of their defining mention). */
function surnameOf(session: Session, id: string): string {
  return session.index.personDefinition(id)?.mention.surname ?? '';
}

async function pick(connection: Connection, message: string, choices: string[]): Promise<string | undefined> {
  if (choices.length === 0) return undefined;
  const answer = await connection.window
    .showInformationMessage(message, ...choices.slice(0, 20).map((title) => ({ title })))
    .catch(() => undefined);
  return answer?.title;
}

async function showInStore(
  session: Session,
  connection: Connection,
  key: string,
  a: Annotation,
): Promise<void> {
  const file = session.annotations.storeFileOf(key);
  const text = session.annotations.storeText(file) ?? '';
  const at = text.indexOf(JSON.stringify(a.id));
  const line = at < 0 ? 0 : text.slice(0, at).split('\n').length - 1;
  await connection.window
    .showDocument({
      uri: session.uriOf(file),
      selection: { start: { line, character: 0 }, end: { line, character: 0 } },
    })
    .catch(() => undefined);
}

// ------------------------------------------------------------------ hover

/** The notes, tags and corrections over `offset`, as Markdown lines (empty: none). */
export function annotationHover(
  session: Session,
  key: string,
  offset: number,
): { lines: string[]; span?: Span } {
  const here = session.annotations.at(key, offset);
  if (here.length === 0) return { lines: [] };
  const lines: string[] = [];
  const tags = here.filter((a) => a.body.kind === 'tag');
  if (tags.length)
    lines.push(`**Tags:** ${tags.map((a) => `\`${(a.body as { tag: string }).tag}\``).join(' ')}`);
  for (const a of here) {
    if (a.body.kind === 'note') {
      lines.push(
        `**Note** · ${escape(a.creator)}${a.resolved ? ' _(resolved)_' : ''}: ${escape(a.body.text || '(empty note)')}`,
      );
      for (const r of a.replies ?? []) lines.push(`↳ ${escape(r.creator)}: ${escape(r.text)}`);
    } else if (a.body.kind === 'correction') {
      lines.push(`**Corrected** by ${escape(a.creator)}: ${escape(describeCorrection(a.body.correction))}`);
    }
  }
  const span = { start: Math.min(...here.map((a) => a.start)), end: Math.max(...here.map((a) => a.end)) };
  return { lines: lines.map((l, i) => (i < lines.length - 1 ? l + '  ' : l)), span };
}

function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/\n/g, ' ');
}

// ------------------------------------------------------------------ diagnostics

/** Orphaned annotations of a source: shown at their last place, with quick fixes. */
export function orphanDiagnostics(session: Session, key: string): Diagnostic[] {
  const { annotations, orphans } = session.annotations.of(key);
  if (orphans.size === 0 || !session.index.get(key)) return [];
  const length = session.textOf(key).length;
  const out: Diagnostic[] = [];
  for (const a of annotations) {
    if (!orphans.has(a.id)) continue;
    const at = Math.min(a.start, length);
    out.push({
      range: toRange(session, key, { start: at, end: at }),
      severity: DiagnosticSeverity.Warning,
      source: 'corpus-annotator',
      code: ORPHAN,
      message: `Orphaned ${kindLabel(a.body)} “${quoteLabel(describeBody(a.body), 60)}”: its passage “${quoteLabel(a.exact, 60)}” is no longer in the text. Select where it belongs and choose “Re-attach … here”, or delete it.`,
      data: { annotationId: a.id },
    });
  }
  return out;
}

/** A store file's diagnostics: lines that cannot be read, orphans whose source is gone. */
export function storeDiagnostics(session: Session, key: string): Diagnostic[] | undefined {
  const findings = session.annotations.storeFindings(key);
  if (!findings) return undefined;
  const { annotations } = session.annotations.of(session.annotations.sourceOfStore(key) ?? '');
  return findings.map((f) => {
    const id =
      f.code === ORPHAN ? annotations.find((a) => f.message.includes(a.exact.slice(0, 60)))?.id : undefined;
    return {
      range: toRange(session, key, f),
      severity: f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'corpus-annotator',
      code: f.code,
      message: f.message,
      ...(id ? { data: { annotationId: id } } : {}),
    };
  });
}

// ------------------------------------------------------------------ symbols

/** Notes whose text (or tags whose name) holds the query, for Ctrl+T. */
export function annotationSymbols(session: Session, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const source of session.annotations.sources()) {
    const { annotations, orphans } = session.annotations.of(source);
    if (!session.index.get(source)) continue;
    for (const a of annotations) {
      if (a.body.kind === 'correction' || orphans.has(a.id)) continue;
      const text =
        a.body.kind === 'note'
          ? [a.body.text, ...(a.replies ?? []).map((r) => r.text)].join(' ')
          : `#${a.body.tag}`;
      if (q && !text.toLowerCase().includes(q)) continue;
      out.push({
        name:
          a.body.kind === 'note'
            ? `Note: ${quoteLabel(a.body.text, 80)}`
            : `#${a.body.tag}: ${quoteLabel(a.exact, 60)}`,
        kind: a.body.kind === 'note' ? SymbolKind.String : SymbolKind.Key,
        containerName: `${a.creator} · “${quoteLabel(a.exact, 40)}”`,
        location: toLocation(session, source, a),
      });
    }
  }
  return out.slice(0, 200);
}

// ------------------------------------------------------------------ for the VS Code client

export interface AnnotationItem {
  id: string;
  uri: string;
  /** Null for an orphan whose source is gone. */
  range: Range | null;
  orphan: boolean;
  kind: AnnotationBody['kind'];
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

export function annotationItems(
  session: Session,
  uri?: string,
): {
  tags: { name: string; color: string; description?: string }[];
  items: AnnotationItem[];
} {
  const sources = uri ? [session.keyOf(uri)] : session.annotations.sources();
  const items: AnnotationItem[] = [];
  for (const source of sources) {
    const { annotations, orphans } = session.annotations.of(source);
    const known = !!session.index.get(source);
    const length = known ? session.textOf(source).length : 0;
    for (const a of annotations) {
      const orphan = orphans.has(a.id);
      const at = orphan ? { start: Math.min(a.start, length), end: Math.min(a.start, length) } : a;
      items.push({
        id: a.id,
        uri: session.uriOf(source),
        range: known ? toRange(session, source, at) : null,
        orphan,
        kind: a.body.kind,
        label: describeBody(a.body),
        ...(a.body.kind === 'note' ? { text: a.body.text } : {}),
        ...(a.body.kind === 'tag' ? { tag: a.body.tag } : {}),
        exact: a.exact,
        creator: a.creator,
        created: a.created,
        modified: a.modified,
        resolved: !!a.resolved,
        replies: (a.replies ?? []).map((r) => ({
          id: r.id,
          text: r.text,
          creator: r.creator,
          created: r.created,
        })),
      });
    }
  }
  return { tags: [...session.tags().values()], items };
}
