// Every mention of an entity or of a date value as LSP locations, for find-references. A
// common acronym or year has thousands across the corpus, and working their positions out
// again on each request took tens of milliseconds: they are kept per file, reused while the
// file's analysis is the one they were made from and the index says no mention changed hands.
import type { Location } from 'vscode-languageserver/node';
import type { IndexedDocument } from '../analysis/corpusIndex';
import { isDate } from '../analysis/query';
import type { Span } from '../analysis/types';
import type { Session } from '../session';
import { toLocations } from './conversion';

/**
 * What one entity or date value's locations were made from, file by file. The analysis is
 * held weakly: an entry kept for an entity nobody asks about again must not keep every
 * version of a buffer typed in since alive (0.6 MB a keystroke in a 1 MB file).
 */
interface Entry {
  revision: number;
  files: Map<string, { doc: WeakRef<IndexedDocument>; locations: Location[] }>;
}

/** Locations kept at most (about 150 bytes each); past it the cache starts again. */
const MAX_KEPT = 300_000;

const caches = new WeakMap<Session, { entries: Map<string, Entry>; kept: number }>();

/**
 * The locations of every mention of `target` (an entity id, or `date:` with a value and
 * modifier), by path then offset.
 */
export function referenceLocations(
  session: Session,
  target: { entity: string } | { value: string; mod?: string },
): Location[] {
  const index = session.index;
  const key = 'entity' in target ? target.entity : `date:${target.value}|${target.mod ?? ''}`;
  const docs = 'entity' in target ? index.docsOf(target.entity) : index.docsWithDate(target.value);
  // read after docsOf: finding long forms again may move it
  const revision = index.revisionOf(key);
  let cache = caches.get(session);
  if (!cache) caches.set(session, (cache = { entries: new Map(), kept: 0 }));
  let entry = cache.entries.get(key);
  if (!entry || entry.revision !== revision) {
    if (entry) for (const f of entry.files.values()) cache.kept -= f.locations.length;
    entry = { revision, files: new Map() };
    cache.entries.set(key, entry);
  }
  const out: Location[] = [];
  for (const path of docs) {
    const doc = index.get(path);
    if (!doc) continue;
    const kept = entry.files.get(path);
    // a buffer typed in since its analysis maps positions through the edits: not kept
    const typedIn = session.isTypedIn(path);
    if (kept && kept.doc.deref() === doc && !typedIn) {
      for (const l of kept.locations) out.push(l);
      continue;
    }
    const spans: readonly Span[] =
      'entity' in target
        ? index.entityMentions(path, target.entity)
        : doc.analysis.dates.filter((d) => isDate(d, target.value, target.mod));
    const locations = toLocations(session, path, spans);
    for (const l of locations) out.push(l);
    if (typedIn) continue;
    if (kept) cache.kept -= kept.locations.length;
    entry.files.set(path, { doc: new WeakRef(doc), locations });
    cache.kept += locations.length;
  }
  if (cache.kept > MAX_KEPT) caches.delete(session);
  return out;
}
