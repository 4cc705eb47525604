// Export and import from the command line: the engine's findings with the readers'
// annotations, and W3C and brat back into the store without loss.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { quoteAt, type Annotation } from '../../server/src/analysis/annotations/model';
import { serialiseStore } from '../../server/src/analysis/annotations/w3c';

const ROOT = path.resolve(__dirname, '../../..');
const cli = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
  });

const TEXTS: Record<string, string> = {
  'corpus/a.txt':
    'date 2020-05-01\nDefence Minister Zakir Hasanov discussed PARP 😀 with Ahmed Bakr on May 4.\r\nBakr agreed.\n',
  'corpus/sub/b.txt': 'date 2020-06-01\nLater, Ahmed Bakr visited Baku on June 2.\n',
};

let n = 0;
function annotation(source: string, exact: string, body: Annotation['body'], nth = 0): Annotation {
  const text = TEXTS[source];
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(exact, start + 1);
  n++;
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    source,
    ...quoteAt(text, start, start + exact.length),
    start,
    end: start + exact.length,
    body,
    creator: n % 2 ? 'ana' : 'bo',
    created: `2026-01-0${n}T10:00:00.000Z`,
    modified: `2026-01-0${n}T11:00:00.000Z`,
  };
}

/** A corpus with a store holding every kind of annotation, and what its store files hold. */
function corpus(): { dir: string; stores: Map<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-exchange-'));
  writeFileSync(path.join(dir, 'corpus-annotator.json'), JSON.stringify({ tags: { claim: '#e5a50a' } }));
  for (const [rel, text] of Object.entries(TEXTS)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const note = annotation('corpus/a.txt', 'PARP 😀', { kind: 'note', text: 'A "quoted", multi-line\nnote' });
  note.replies = [
    {
      id: 'urn:uuid:reply-1',
      text: 'Agreed.',
      creator: 'bo',
      created: '2026-02-01T00:00:00.000Z',
      modified: '2026-02-01T00:00:00.000Z',
    },
  ];
  note.resolved = true;
  const byFile: Record<string, Annotation[]> = {
    'corpus/a.txt': [
      note,
      annotation('corpus/a.txt', 'on May 4.\r\nBakr', { kind: 'tag', tag: 'claim' }),
      annotation('corpus/a.txt', 'Bakr', { kind: 'correction', correction: { type: 'not-entity' } }, 1),
      annotation('corpus/a.txt', 'May 4', {
        kind: 'correction',
        correction: { type: 'date-value', value: '2011-05-04' },
      }),
    ],
    'corpus/sub/b.txt': [
      annotation('corpus/sub/b.txt', 'Ahmed Bakr', {
        kind: 'correction',
        correction: { type: 'same-person', entity: 'person:ahmed-bakr', name: 'Ahmed Bakr', surname: 'Bakr' },
      }),
      annotation('corpus/sub/b.txt', '2020-06-01', {
        kind: 'correction',
        correction: { type: 'document-date', value: '2004-11-08' },
      }),
    ],
  };
  const stores = new Map<string, string>();
  for (const [rel, list] of Object.entries(byFile)) {
    const file = path.join(dir, '.annotations', rel + '.jsonl');
    mkdirSync(path.dirname(file), { recursive: true });
    const text = serialiseStore(list);
    writeFileSync(file, text);
    stores.set(file, text);
  }
  return { dir, stores };
}

function storesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) visit(full);
      else out.set(full, readFileSync(full, 'utf8'));
    }
  };
  visit(path.join(dir, '.annotations'));
  return out;
}

test('export w3c, then import into an empty store: the same store, byte for byte', () => {
  const { dir, stores } = corpus();
  const exported = cli(dir, 'export', '--format', 'w3c', '.');
  assert.equal(exported.status, 0, exported.stderr);
  const collection = JSON.parse(exported.stdout);
  assert.equal(collection.type, 'AnnotationCollection');
  const items = collection.first.items as { creator: { type: string }; motivation: string; body: unknown }[];
  // the engine's findings are there too, marked as the software's
  assert.ok(items.some((i) => i.creator.type === 'Software' && i.motivation === 'classifying'));
  assert.ok(
    items.some(
      (i) => i.creator.type === 'Software' && JSON.stringify(i.body).includes('person:zakir-hasanov'),
    ),
  );
  // ... and they follow the corrections: Bakr in a.txt is not an entity any more
  assert.ok(
    items.some((i) => i.creator.type === 'Software' && JSON.stringify(i.body).includes('2011-05-04')),
  );
  writeFileSync(path.join(dir, 'export.json'), exported.stdout);
  rmSync(path.join(dir, '.annotations'), { recursive: true });
  const imported = cli(dir, 'import', 'export.json');
  assert.equal(imported.status, 0, imported.stderr);
  assert.deepEqual(storesOf(dir), stores);
  rmSync(dir, { recursive: true });
});

test('export jsonl is one W3C annotation per line; import reads it back the same', () => {
  const { dir, stores } = corpus();
  const exported = cli(dir, 'export', '--format', 'jsonl', 'corpus');
  assert.equal(exported.status, 0, exported.stderr);
  const lines = exported.stdout.trimEnd().split('\n');
  assert.ok(lines.every((l) => JSON.parse(l).type === 'Annotation'));
  writeFileSync(path.join(dir, 'export.jsonl'), exported.stdout);
  rmSync(path.join(dir, '.annotations'), { recursive: true });
  assert.equal(cli(dir, 'import', 'export.jsonl').status, 0);
  assert.deepEqual(storesOf(dir), stores);
  rmSync(dir, { recursive: true });
});

test('export brat: each .txt with its .ann in --out; import brings the store back whole', () => {
  const { dir, stores } = corpus();
  const out = path.join(dir, 'brat');
  const exported = cli(dir, 'export', '--format', 'brat', '--out', out, '.');
  assert.equal(exported.status, 0, exported.stderr);
  const ann = readFileSync(path.join(out, 'corpus/a.ann'), 'utf8');
  assert.equal(readFileSync(path.join(out, 'corpus/a.txt'), 'utf8'), TEXTS['corpus/a.txt']);
  // brat counts code points: the emoji is one character, and a span over a line break is two fragments
  const text = [...TEXTS['corpus/a.txt']];
  for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
    const [, spec, shown] = line.split('\t');
    const fragments = spec.split(' ').slice(1).join(' ').split(';');
    const pieces = fragments.map((f) => {
      const [s, e] = f.split(' ').map(Number);
      return text.slice(s, e).join('');
    });
    assert.equal(pieces.join(' ').replace(/\r/g, ''), shown.replace(/\r/g, ''), line);
  }
  assert.match(ann, /\tTag \d+ \d+;\d+ \d+\ton May 4\. Bakr/);
  assert.match(ann, /\tDate \d+ \d+\t2020-05-01/);
  rmSync(path.join(dir, '.annotations'), { recursive: true });
  const imported = cli(dir, 'import', out);
  assert.equal(imported.status, 0, imported.stderr);
  assert.deepEqual(storesOf(dir), stores);
  rmSync(dir, { recursive: true });
});

test('csv carries one row per finding and annotation; brat without --out is refused', () => {
  const { dir } = corpus();
  const csv = cli(dir, 'export', '--format', 'csv', '.');
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csv.stdout.split('\r\n');
  assert.equal(rows[0], 'source,start,end,kind,label,value,text,creator,created,modified,id');
  assert.ok(
    rows.some(
      (r) => r.startsWith('corpus/a.txt,') && r.includes(',note,note,"A ""quoted"", multi-line\nnote",'),
    ),
  );
  assert.ok(rows.some((r) => r.includes(',reply,note,Agreed.,')));
  const brat = cli(dir, 'export', '--format', 'brat', '.');
  assert.equal(brat.status, 2);
  assert.match(brat.stderr, /--out DIR/);
  rmSync(dir, { recursive: true });
});

test('the command line applies the corrections: analyze follows them', () => {
  const { dir } = corpus();
  const r = cli(dir, 'analyze', '--json', '.');
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  const a = json.documents.find((d: { path: string }) => d.path.endsWith('a.txt'));
  const b = json.documents.find((d: { path: string }) => d.path.endsWith('b.txt'));
  const texts = a.mentions.map((m: { text: string }) => m.text);
  assert.ok(texts.includes('Ahmed Bakr'));
  assert.ok(!a.mentions.some((m: { text: string; start: number }) => m.text === 'Bakr' && m.start > 70));
  assert.ok(a.mentions.some((m: { value?: string }) => m.value === '2011-05-04'));
  assert.ok(
    b.mentions.some((m: { text: string; value?: string }) => m.text === 'June 2' && m.value === '2004-06-02'),
  );
  rmSync(dir, { recursive: true });
});

test('an import never writes over a store it cannot read', () => {
  const { dir } = corpus();
  const exported = cli(dir, 'export', '--format', 'w3c', '.');
  writeFileSync(path.join(dir, 'export.json'), exported.stdout);
  const broken = path.join(dir, '.annotations/corpus/a.txt.jsonl');
  writeFileSync(broken, 'not json\n');
  const imported = cli(dir, 'import', 'export.json');
  assert.equal(imported.status, 1);
  assert.match(imported.stderr, /not imported: .*a\.txt\.jsonl/);
  assert.equal(readFileSync(broken, 'utf8'), 'not json\n');
  rmSync(dir, { recursive: true });
});
