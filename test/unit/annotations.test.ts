// The reader's annotations in the engine: the W3C store format, anchoring, and corrections.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moveThroughEdit, reanchor, type Anchor } from '../../server/src/analysis/annotations/anchoring';
import {
  applyCorrections,
  correctedOptions,
  type PlacedCorrection,
} from '../../server/src/analysis/annotations/corrections';
import { quoteAt, type Annotation } from '../../server/src/analysis/annotations/model';
import { parseStore, serialiseStore } from '../../server/src/analysis/annotations/w3c';
import { CorpusIndex } from '../../server/src/analysis/corpusIndex';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';

function annotation(text: string, exact: string, body: Annotation['body'], id = 'urn:uuid:1'): Annotation {
  const start = text.indexOf(exact);
  return {
    id,
    source: 'corpus/a.txt',
    ...quoteAt(text, start, start + exact.length),
    start,
    end: start + exact.length,
    body,
    creator: 'ana',
    created: '2026-01-02T03:04:05.000Z',
    modified: '2026-01-02T03:04:05.000Z',
  };
}

// ------------------------------------------------------------------ the store

test('a store written and read again is the same annotations, and the same text', () => {
  const text = 'The minister 😀 met\r\nthe board on May 4. PARP began.';
  const list: Annotation[] = [
    annotation(text, 'PARP', { kind: 'tag', tag: 'claim' }, 'urn:uuid:b'),
    annotation(text, 'met', { kind: 'note', text: 'Check "this"\nagainst the minutes.' }, 'urn:uuid:a'),
    annotation(
      text,
      'May 4',
      { kind: 'correction', correction: { type: 'date-value', value: '2011-05-04' } },
      'urn:uuid:c',
    ),
  ];
  list[1].replies = [
    {
      id: 'urn:uuid:r',
      text: 'Done.',
      creator: 'bo',
      created: '2026-01-03T00:00:00.000Z',
      modified: '2026-01-03T00:00:00.000Z',
    },
  ];
  list[1].resolved = true;
  const stored = serialiseStore(list);
  // one line per annotation and reply, in the order of the text
  const lines = stored.trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.deepEqual(
    lines.map((l) => JSON.parse(l).id),
    ['urn:uuid:a', 'urn:uuid:r', 'urn:uuid:c', 'urn:uuid:b'],
  );
  const read = parseStore(stored);
  assert.deepEqual(read.findings, []);
  assert.equal(serialiseStore(read.annotations), stored);
  const note = read.annotations.find((a) => a.id === 'urn:uuid:a')!;
  assert.deepEqual(note.body, { kind: 'note', text: 'Check "this"\nagainst the minutes.' });
  assert.equal(note.replies?.[0].text, 'Done.');
  assert.equal(note.resolved, true);
  const first = JSON.parse(lines[0]);
  assert.equal(first.type, 'Annotation');
  assert.deepEqual(
    first.target.selector.map((s: { type: string }) => s.type),
    ['TextQuoteSelector', 'TextPositionSelector'],
  );
});

test('a bad line of a store is a finding at its place; the good lines are read', () => {
  const good = serialiseStore([annotation('one two', 'two', { kind: 'tag', tag: 'x' })]);
  const rows: [string, RegExp][] = [
    ['{ not json', /Not JSON/],
    ['[1,2]', /one JSON object/],
    ['{"type":"Annotation"}', /no "id"/],
    [
      '{"type":"Annotation","id":"u","motivation":"commenting","body":{"type":"TextualBody","value":"x"},"target":{"source":"a","selector":[]}}',
      /TextQuoteSelector/,
    ],
    [
      '{"type":"Annotation","id":"u","motivation":"editing","body":{"type":"TextualBody","purpose":"editing","value":"x","correction":{"type":"nope"}},"target":{"source":"a","selector":[{"type":"TextQuoteSelector","exact":"a"}]}}',
      /correction/,
    ],
    [
      '{"type":"Annotation","id":"r","motivation":"replying","body":{"type":"TextualBody","value":"x"},"target":"urn:uuid:gone"}',
      /not in the store/,
    ],
  ];
  for (const [line, message] of rows) {
    const text = good + line + '\n';
    const read = parseStore(text);
    assert.equal(read.annotations.length, 1, line);
    assert.equal(read.findings.length, 1, line);
    assert.match(read.findings[0].message, message);
    assert.equal(read.findings[0].start, good.length, line);
  }
});

// ------------------------------------------------------------------ edits the server sees

test('an edit moves a span exactly (table)', () => {
  // the span is 10..14; each row: the edit, where the span ends up
  const rows: [string, { start: number; end: number; length: number }, [number, number]][] = [
    ['insert before', { start: 2, end: 2, length: 3 }, [13, 17]],
    ['delete before', { start: 2, end: 5, length: 0 }, [7, 11]],
    ['insert at its start stays outside', { start: 10, end: 10, length: 2 }, [12, 16]],
    ['insert at its end stays outside', { start: 14, end: 14, length: 2 }, [10, 14]],
    ['insert inside widens', { start: 12, end: 12, length: 5 }, [10, 19]],
    ['delete inside narrows', { start: 11, end: 13, length: 0 }, [10, 12]],
    ['after it: nothing', { start: 20, end: 25, length: 1 }, [10, 14]],
    ['delete it whole: collapsed', { start: 8, end: 16, length: 0 }, [8, 8]],
    ['replace it whole: the new text', { start: 10, end: 14, length: 3 }, [10, 13]],
    ['replace across its start', { start: 8, end: 12, length: 1 }, [8, 11]],
    ['replace across its end', { start: 12, end: 16, length: 1 }, [10, 13]],
  ];
  for (const [name, edit, [start, end]] of rows)
    assert.deepEqual(moveThroughEdit({ start: 10, end: 14 }, edit), { start, end }, name);
});

// ------------------------------------------------------------------ changes the server did not see

test('re-anchoring by quote after a change on disk (table)', () => {
  const before = 'Intro line.\nAzerbaijan joined PARP in 1997 and PfP in 1994.\nEnd.\n';
  const anchor = (exact: string, text = before, nth = 0): Anchor => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(exact, start + 1);
    return { ...quoteAt(text, start, start + exact.length), start, end: start + exact.length };
  };
  const rows: [string, Anchor, string, string | undefined, string?][] = [
    ['a line added above', anchor('PARP'), 'New first line.\n' + before, 'PARP', 'moved'],
    ['unchanged', anchor('PARP'), before, 'PARP', 'same'],
    [
      'a typo fixed inside the quote',
      anchor('joined PARP in 1997'),
      before.replace('joined PARP', 'joined PARP'.replace('joined', 'jioned')),
      'jioned PARP in 1997',
      'fuzzy',
    ],
    ['the passage deleted', anchor('PARP in 1997'), 'Intro line.\nEnd.\n', undefined],
    ['CRLF line ends', anchor('PARP'), before.replace(/\n/g, '\r\n'), 'PARP', 'moved'],
    ['outside the BMP before it', anchor('PARP'), '😀😀 ' + before, 'PARP', 'moved'],
  ];
  for (const [name, a, after, expected, how] of rows) {
    for (const old of [undefined, before]) {
      const placed = reanchor(a, after, old);
      if (expected === undefined) assert.equal(placed, undefined, name);
      else {
        assert.ok(placed, name);
        assert.equal(after.slice(placed.start, placed.end), expected, name);
        if (how) assert.equal(placed.how, how, name);
      }
    }
  }
});

test('of two places of the quote, the context decides, then the old position', () => {
  const text = 'PARP one. PARP two. PARP one.';
  const second = { ...quoteAt(text, 10, 14), start: 10, end: 14 };
  const moved = 'Added. ' + text;
  assert.equal(reanchor(second, moved)?.start, 17);
  const third = { ...quoteAt(text, 20, 24), start: 20, end: 24 };
  // the third and the first have the same suffix; the prefix tells them apart
  assert.equal(reanchor(third, moved)?.start, 27);
});

// ------------------------------------------------------------------ corrections

const SOURCE =
  'date 2010-06-01\nDefence Minister Zakir Hasanov met Ahmed Bakr in Baku on May 4. Hasanov spoke. Premier Plan said PARP began in 1997.\n';

function placed(
  text: string,
  exact: string,
  correction: PlacedCorrection['correction'],
  id = 'urn:uuid:c1',
): PlacedCorrection {
  const start = text.indexOf(exact);
  assert.ok(start >= 0, exact);
  return { start, end: start + exact.length, correction, id };
}

test('not an entity: the name, acronym or date goes, with what depended on it', () => {
  const a = analyseDocument(SOURCE);
  const rows: [string, (b: typeof a) => number][] = [
    ['Ahmed Bakr', (b) => b.names.filter((n) => n.text === 'Ahmed Bakr').length],
    ['PARP', (b) => b.acronyms.filter((m) => m.text === 'PARP').length],
    ['May 4', (b) => b.dates.filter((d) => d.text === 'May 4').length],
  ];
  for (const [exact, count] of rows) {
    assert.equal(count(a), 1, exact);
    const b = applyCorrections(a, [placed(SOURCE, exact, { type: 'not-entity' })]);
    assert.equal(count(b), 0, exact);
    assert.deepEqual(
      b.suppressed,
      [placed(SOURCE, exact, { type: 'not-entity' })].map(({ start, end }) => ({ start, end })),
    );
    // the followers of a removed name still point at the right full form
    for (const n of b.names) if (n.fullRef >= 0) assert.equal(b.names[n.fullRef].surname, n.surname);
  }
  // no corrections: the same object
  assert.equal(applyCorrections(a, []), a);
});

test("this date's value is: the reader's value, the engine's kept beside it", () => {
  const a = analyseDocument(SOURCE);
  const b = applyCorrections(a, [placed(SOURCE, 'May 4', { type: 'date-value', value: '2011-05-04' })]);
  const d = b.dates.find((x) => x.text === 'May 4')!;
  assert.equal(d.value, '2011-05-04');
  assert.equal(d.correctedFrom, '2010-05-04');
  for (const c of b.claims) if (c.span.start === d.start) assert.equal(c.value, '2011-05-04');
});

test("this document's date is: relative dates are read from it", () => {
  const options = correctedOptions({}, [
    placed(SOURCE, '2010-06-01', { type: 'document-date', value: '2004-11-08' }),
  ]);
  const a = analyseDocument(SOURCE, options);
  assert.deepEqual(a.documentDate, { value: '2004-11-08', source: 'reader', confidence: 'certain' });
  assert.equal(a.dates.find((x) => x.text === 'May 4')?.value, '2004-05-04');
});

test('same person as / a different person from: the index follows, across files', () => {
  const one = 'Defence Minister Zakir Hasanov spoke. Hasanov left.\n';
  const two = 'Minister Zakir Gasanov arrived. Gasanov smiled.\n';
  const three = 'Colonel Hasanov, a different man, arrived.\n';
  const index = new CorpusIndex();
  index.update('/c/one.txt', one);
  index.update('/c/two.txt', two);
  index.update('/c/three.txt', three);
  const entityAt = (path: string, text: string, exact: string) =>
    index.mentionAt(path, text.indexOf(exact) + 1)?.entity;
  assert.equal(entityAt('/c/two.txt', two, 'Gasanov'), 'person:zakir-gasanov');
  assert.equal(entityAt('/c/three.txt', three, 'Hasanov'), 'person:zakir-hasanov');
  const same = placed(two, 'Zakir Gasanov', {
    type: 'same-person',
    entity: 'person:zakir-hasanov',
    name: 'Zakir Hasanov',
    surname: 'Hasanov',
  });
  index.replace('/c/two.txt', {
    path: '/c/two.txt',
    version: 1,
    analysis: applyCorrections(analyseDocument(two), [same]),
  });
  // the full name and the shorter mention after it are Zakir Hasanov now
  assert.equal(entityAt('/c/two.txt', two, 'Zakir Gasanov'), 'person:zakir-hasanov');
  assert.equal(entityAt('/c/two.txt', two, 'Gasanov smiled'), 'person:zakir-hasanov');
  assert.equal(index.person('person:zakir-gasanov'), undefined);
  assert.ok(index.person('person:zakir-hasanov')!.variants.includes('Zakir Gasanov'));
  const different = placed(
    three,
    'Hasanov',
    { type: 'different-person', entity: 'person:zakir-hasanov', name: 'Zakir Hasanov' },
    'urn:uuid:0badcafe-1',
  );
  index.replace('/c/three.txt', {
    path: '/c/three.txt',
    version: 1,
    analysis: applyCorrections(analyseDocument(three), [different]),
  });
  const other = entityAt('/c/three.txt', three, 'Hasanov');
  assert.equal(other, 'person:hasanov~0badcafe');
  assert.equal(index.person(other!)?.kind, 'official');
  assert.equal(index.usage('person:zakir-hasanov').docs.includes('/c/three.txt'), false);
});

test('not an entity: a lone surname the index found is not found either', () => {
  const one = 'Defence Minister Zakir Hasanov spoke.\n';
  const two = 'Later, Hasanov left the room.\n';
  const index = new CorpusIndex();
  index.update('/c/one.txt', one);
  index.update('/c/two.txt', two);
  const at = two.indexOf('Hasanov');
  assert.equal(index.mentionAt('/c/two.txt', at + 1)?.entity, 'person:zakir-hasanov');
  const c = placed(two, 'Hasanov', { type: 'not-entity' });
  index.replace('/c/two.txt', {
    path: '/c/two.txt',
    version: 1,
    analysis: applyCorrections(analyseDocument(two), [c]),
  });
  assert.equal(index.mentionAt('/c/two.txt', at + 1), undefined);
});
