// Hover: what a mention is, where it comes from, and where else the corpus speaks of it.
import type { Hover, Position } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import { quote } from '../analysis/analysisJson';
import { displayValue, relativeNote, type ClaimRef, type Conflict } from '../analysis/conflicts';
import { HOVER_COMPANIONS, type AcronymEntity, type ResolvedMention } from '../analysis/corpusIndex';
import type { PersonEntity } from '../analysis/personEntities';
import { mentionAt, otherDocsWithDate } from '../analysis/query';
import { sentenceAt } from '../analysis/sentences';
import type { Session } from '../session';
import { annotationHover } from './annotations';
import { markdownLink, toOffset, toRange } from './conversion';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function hover(session: Session, uri: string, position: Position): Hover | null {
  const key = session.keyOf(uri);
  const offset = toOffset(session, key, position);
  const mention = mentionAt(session.index, key, offset);
  // the readers' notes, tags and corrections of the passage come first: they are why it matters
  const annotations = annotationHover(session, key, offset);
  let value: string | undefined;
  if (!mention) value = undefined;
  else if (mention.kind === 'date') value = dateHover(session, key, mention);
  else if (mention.entity?.startsWith('acronym:')) value = acronymHover(session, mention);
  else if (mention.entity) value = personHover(session, mention);
  if (annotations.lines.length) value = annotations.lines.join('\n') + (value ? '\n\n---\n\n' + value : '');
  if (!value) return null;
  const span = mention ?? annotations.span!;
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(session, key, span) };
}

// ------------------------------------------------------------------ acronyms

function acronymHover(session: Session, mention: ResolvedMention): string | undefined {
  const entity = session.index.acronym(mention.entity!.slice('acronym:'.length));
  if (!entity) return undefined;
  const lines: string[] = [];
  lines.push(`**${entity.name}**${entity.expansion ? ` — ${escape(entity.expansion)}` : ''}`);
  lines.push('');
  lines.push(expansionSource(session, entity));
  lines.push('');
  lines.push(usage(session, entity.id));
  if (entity.variants.length > 1)
    lines.push('', `Written ${entity.variants.map((v) => `\`${v}\``).join(', ')}.`);
  if (mention.longForm) lines.push('', `_Long form of ${entity.name}._`);
  return lines.join('\n');
}

function expansionSource(session: Session, entity: AcronymEntity): string {
  const parts: string[] = [];
  if (entity.expansionSource === 'glossary' && entity.glossary) {
    parts.push(
      `From the glossary (${markdownLink(session, session.configFileFor(entity.definitions[0]?.path ?? ''), entity.glossary.offset)}).`,
    );
    if (entity.glossary.note) parts.push(`> ${escape(entity.glossary.note)}`);
  }
  const first = entity.definitions[0];
  if (first) {
    const doc = session.index.get(first.path);
    const s = doc ? sentenceAt(doc.analysis.sentences, first.definition.longSpan.start) : -1;
    const sentence = doc && s >= 0 ? doc.analysis.sentences[s] : first.definition.longSpan;
    parts.push(
      `Defined in the text: “${escape(
        quote(session.index, first.path, sentence, 110, {
          start: first.definition.longSpan.start,
          end: Math.max(first.definition.longSpan.end, first.definition.shortSpan.end),
        }),
      )}” — ${markdownLink(session, first.path, first.definition.longSpan.start)}`,
    );
    if (entity.expansions.length > 1) {
      parts.push(
        `⚠ Defined in more than one way: ${entity.expansions.map((e) => `“${escape(e)}”`).join(', ')}.`,
      );
    }
  } else if (entity.expansionSource !== 'glossary') {
    parts.push(
      '_Not defined in the corpus. Add it to the glossary in `corpus-annotator.json` to give it an expansion._',
    );
  }
  return parts.join('\n\n');
}

// ------------------------------------------------------------------ people

function personHover(session: Session, mention: ResolvedMention): string | undefined {
  const person = session.index.person(mention.entity!);
  if (!person) return undefined;
  const lines: string[] = [];
  lines.push(`**${escape(person.name)}** · ${person.kind}`);
  const titles = titlesWithYears(person);
  if (titles.length) lines.push('', titles.map((t) => `- ${escape(t)}`).join('\n'));
  const variants = person.variants.filter((v) => v !== person.name);
  if (variants.length) lines.push('', `Also written: ${variants.map((v) => `\`${v}\``).join(', ')}`);
  lines.push('', usage(session, person.id));
  const company = companions(session, person.id);
  if (company.length) lines.push('', `Most often mentioned with: ${company.join(', ')}`);
  if (mention.ambiguous?.length) {
    const others = mention.ambiguous.map((id) => session.index.person(id)?.name ?? id);
    lines.push(
      '',
      `⚠ This \`${mention.text}\` could also be ${others.join(' or ')}: the context does not settle it.`,
    );
  }
  return lines.join('\n');
}

function titlesWithYears(person: PersonEntity): string[] {
  const byTitle = new Map<string, Set<number>>();
  for (const t of person.titles) {
    if (!byTitle.has(t.text)) byTitle.set(t.text, new Set());
    if (t.year !== null) byTitle.get(t.text)!.add(t.year);
  }
  return [...byTitle].map(([title, years]) => {
    const ys = [...years].sort();
    return ys.length === 0
      ? title
      : `${title} (${ys.length > 2 ? `${ys[0]}–${ys[ys.length - 1]}` : ys.join(', ')})`;
  });
}

function companions(session: Session, id: string): string[] {
  return session.index
    .companions(id, HOVER_COMPANIONS)
    .map(
      ([other, n]) => `${session.index.person(other)?.name ?? other} (${n} document${n === 1 ? '' : 's'})`,
    );
}

// ------------------------------------------------------------------ shared: how often, when

function usage(session: Session, id: string): string {
  const { mentions, docs } = session.index.usage(id);
  const { first, last } = session.index.datedSpan(id);
  let text = `${mentions} mention${mentions === 1 ? '' : 's'} in ${docs.length} document${docs.length === 1 ? '' : 's'}`;
  if (first && last) {
    text +=
      first.date === last.date
        ? ` · in a document dated ${first.date}`
        : ` · first in ${markdownLink(session, first.path, firstMentionIn(session, first.path, id))} (${first.date}), last in ${markdownLink(session, last.path, firstMentionIn(session, last.path, id))} (${last.date})`;
  }
  return text + '.';
}

/** Where a file first mentions an entity: what a link to that file opens at. */
function firstMentionIn(session: Session, path: string, id: string): number {
  return session.index.entityMentions(path, id)[0]?.start ?? 0;
}

// ------------------------------------------------------------------ dates

function dateHover(session: Session, key: string, mention: ResolvedMention): string | undefined {
  const date = mention.date;
  if (!date) return undefined;
  const lines: string[] = [];
  const weekday = weekdayOf(date.value);
  const mod = date.mod
    ? ` (${date.mod === 'START' ? 'early' : date.mod === 'MID' ? 'middle' : 'late'} part)`
    : '';
  lines.push(`**${date.value}**${mod}${weekday ? ` · ${weekday}` : ''}`);
  if (date.correctedFrom) lines.push('', `Corrected by a reader: the engine read ${date.correctedFrom}.`);
  lines.push(
    '',
    anchoring(date.text, date.value, date.anchor, date.anchorValue, session, key, date.anchorSpan?.start),
  );
  if (date.ambiguousOrder)
    lines.push('', '⚠ Day and month could be read either way; set `corpusAnnotator.dates.numericOrder`.');
  // one conflict per date (the index keeps the one that says most against it)
  const conflict = session.index.conflicts(key).find((c) => c.at.claim.span.start === date.start);
  if (conflict) lines.push('', ...conflictTable(session, key, conflict));
  const others = otherDocsWithDate(session.index, date.value, date.mod, key, 5);
  if (others.count) {
    lines.push('', `Also in ${others.count} other document(s):`);
    for (const o of others.first) {
      const doc = session.index.get(o.path)!;
      const s = sentenceAt(doc.analysis.sentences, o.mention.start);
      const sentence = s >= 0 ? doc.analysis.sentences[s] : o.mention;
      lines.push(
        `- ${markdownLink(session, o.path, o.mention.start)}: “${escape(quote(session.index, o.path, sentence, 80, o.mention))}”`,
      );
    }
  }
  return lines.join('\n');
}

/** Most sources of one value shown in a hover's table; the row says how many more. */
const HOVER_SOURCES = 3;

/**
 * The sources of a conflicting date side by side: each value, how many sources give it, and
 * a few of them with their sentences; this mention's row first.
 */
function conflictTable(session: Session, key: string, c: Conflict): string[] {
  const here = c.at;
  const lines = [
    c.role === 'agrees'
      ? `Most sources agree with this date on ${escape(c.label)}; ${c.others.length === 1 ? 'one disagrees' : 'some disagree'}:`
      : `⚠ **Sources disagree** on ${escape(c.label)}:`,
    '',
    '| date | source | says |',
    '| --- | --- | --- |',
  ];
  const cell = (s: string) => escape(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const row = (when: string, where: string, ref: ClaimRef) =>
    `| ${when} | ${where} | “${cell(quote(session.index, ref.doc, ref.claim.sentence, 70, ref.claim.span))}” |`;
  lines.push(
    row(`**${displayValue(here.claim.value)}**${cell(relativeNote(here.claim))}`, 'this file', here),
  );
  for (const g of c.fact.groups) {
    const refs = g.refs.filter((r) => !(r.doc === key && r.claim.span.start === here.claim.span.start));
    if (refs.length === 0) continue;
    const sources = new Set(refs.map((r) => r.doc)).size;
    refs.slice(0, HOVER_SOURCES).forEach((r, i) => {
      const when =
        i === 0 ? `${displayValue(g.value)}${g === c.fact.consensus ? ' (most sources)' : ''}` : '';
      lines.push(row(when, markdownLink(session, r.doc, r.claim.span.start), r));
    });
    if (refs.length > HOVER_SOURCES)
      lines.push(
        `| | … ${refs.length - HOVER_SOURCES} more (${sources} source${sources === 1 ? '' : 's'} in all) | |`,
      );
  }
  return lines;
}

function anchoring(
  text: string,
  value: string,
  anchor: string,
  anchorValue: string | undefined,
  session: Session,
  key: string,
  anchorStart: number | undefined,
): string {
  switch (anchor) {
    case 'explicit':
      return `\`${text}\` states its date in full.`;
    case 'document-date':
      return `\`${text}\` read as ${value} from the document date${anchorValue ? ` ${anchorValue}` : ''}.`;
    case 'earlier-mention':
      return `\`${text}\` read as ${value} from an earlier mention${anchorStart !== undefined ? ` (${markdownLink(session, key, anchorStart)})` : ''}.`;
    default:
      return `\`${text}\` does not say its year and nothing in the text establishes it.`;
  }
}

function weekdayOf(value: string): string | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCMonth() !== +m[2] - 1) return 'no such day';
  return WEEKDAYS[d.getUTCDay()];
}

function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}
