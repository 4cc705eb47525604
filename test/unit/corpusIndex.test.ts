// The corpus index keeps up with edits: what an edit does not touch is not resolved again,
// and what it touches is.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CorpusIndex, mentionIn } from '../../server/src/analysis/corpusIndex';
import { analyseDocument, SectionCache } from '../../server/src/analysis/documentAnalysis';

const A =
  'Defence Minister Zakir Hasanov met NATO officials. Hasanov spoke about the Partnership for Peace (PfP).';
// a title makes a lone surname a name (a lone surname with neither is a FIXME in people.test.ts)
const B = 'Later, Minister Hasanov and the PfP partners met again in Baku.';

test('an edit that leaves a surname group alone keeps its resolution; names still resolve at their new offsets', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', A, 1);
  index.update('/b.txt', B, 1);
  const before = index.person('person:zakir-hasanov');
  assert.ok(before);
  index.update('/a.txt', 'Breaking news. ' + A, 2);
  assert.equal(index.person('person:zakir-hasanov'), before, 'the same entity object: not resolved again');
  const names = index.mentions('/a.txt').filter((m) => m.kind === 'official');
  assert.deepEqual(
    names.map((m) => [m.text, m.entity, ('Breaking news. ' + A).slice(m.start, m.end)]),
    [
      ['Zakir Hasanov', 'person:zakir-hasanov', 'Zakir Hasanov'],
      ['Hasanov', 'person:zakir-hasanov', 'Hasanov'],
    ],
  );
  assert.equal(index.mentions('/b.txt').find((m) => m.text === 'Hasanov')?.entity, 'person:zakir-hasanov');
});

test('an edit that changes a name resolves its group again, across files', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', A, 1);
  index.update('/b.txt', B, 1);
  index.update('/a.txt', A.replace('Zakir Hasanov', 'Zakar Hasanov'), 2);
  assert.equal(index.person('person:zakir-hasanov'), undefined);
  assert.equal(index.mentions('/b.txt').find((m) => m.text === 'Hasanov')?.entity, 'person:zakar-hasanov');
});

test('references to an acronym include long forms in files that never write the short form', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'Azerbaijan joined the Planning and Review Process (PARP) in 1997.');
  index.update('/b.txt', 'The planning and review process helps the army.');
  assert.deepEqual(index.docsOf('acronym:parp'), ['/a.txt', '/b.txt']);
  index.update('/a.txt', 'Azerbaijan joined it in 1997.');
  assert.deepEqual(index.docsOf('acronym:parp'), [], 'without the definition the long form is just words');
});

test('an edit that leaves a file’s claims alone keeps the conflicts, pointing at the claims’ new places', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'In 1997, Azerbaijan joined the Planning and Review Process (PARP).', 1);
  index.update('/b.txt', 'In 1998, Azerbaijan joined the Planning and Review Process (PARP).', 1);
  const settle = (r: ReturnType<CorpusIndex['update']>) => [...index.settle(r)].sort();
  assert.equal(index.conflicts('/a.txt').length, 1);
  const edited = 'Some news first. In 1997, Azerbaijan joined the Planning and Review Process (PARP).';
  assert.deepEqual(settle(index.update('/a.txt', edited, 2)), ['/a.txt']);
  const [c] = index.conflicts('/a.txt');
  assert.equal(edited.slice(c.at.claim.span.start, c.at.claim.span.end), '1997');
  const [fromB] = index.conflicts('/b.txt');
  assert.equal(edited.slice(fromB.others[0].claim.span.start, fromB.others[0].claim.span.end), '1997');
  // changing the year changes the claims: both files are told
  assert.deepEqual(settle(index.update('/a.txt', edited.replace('1997', '1998'), 3)), ['/a.txt', '/b.txt']);
  assert.equal(index.conflicts('/b.txt').length, 0);
});

test('a lone surname of an official the corpus names in full is a mention of that official, in any file', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'Defence Minister Zakir Hasanov met NATO officials.');
  index.update(
    '/b.txt',
    'Hasanov briefed the delegation. In Hasanov the weather was fine. A Hasanov Street sign.',
  );
  index.update('/c.txt', 'Shares of Goldman Sachs rose. Goldman said little.');
  const b = index.mentions('/b.txt').filter((m) => m.kind !== 'date' && m.kind !== 'acronym');
  // after `in` it is read as a place, and `Hasanov Street` is a street
  assert.deepEqual(
    b.map((m) => [m.start, m.text, m.entity]),
    [[0, 'Hasanov', 'person:zakir-hasanov']],
  );
  assert.deepEqual(index.docsOf('person:zakir-hasanov'), ['/a.txt', '/b.txt']);
  // a company taken for a person has no title to vouch for it: its words stay words elsewhere
  index.update('/d.txt', 'Goldman expects more.');
  assert.equal(
    index.mentions('/d.txt').filter((m) => m.kind === 'person' || m.kind === 'official').length,
    0,
  );
});

test('typing in a large file, section by section, gives what indexing its final text afresh gives', () => {
  // over 64 KB: analysed in sections, with long forms, lone surnames and claims in several
  const paragraph = (i: number) =>
    [
      `Paragraph ${i}. The weather in the valley stayed mild and the harvest came in on time this season.`,
      i % 7 === 0
        ? 'Defence Minister Zakir Hasanov said on May 4, 1994 that the Planning and Review Process (PARP) would grow.'
        : '',
      i % 5 === 0 ? 'Hasanov later visited Ganja. The Planning and Review Process met again.' : '',
      i % 11 === 0 ? 'Azerbaijan joined PARP in 1997, officials said.' : '',
      // a lone surname the corpus only learns of from an edit further down
      i === 10 ? 'Mammadyarov was not there.' : '',
    ].join(' ');
  let text = Array.from({ length: 1200 }, (_, i) => paragraph(i)).join('\n\n') + '\n';
  assert.ok(text.length > 100 * 1024);
  const other = 'Azerbaijan joined PARP in 1998. Hasanov spoke to reporters, and Mammadyarov did not.';
  const typing = new CorpusIndex();
  typing.update('/other.txt', other, 1);
  const cache = new SectionCache();
  const put = (version: number) =>
    typing.settle(
      typing.replace('/large.txt', {
        path: '/large.txt',
        version,
        analysis: analyseDocument(text, {}, cache),
      }),
    );
  put(1);
  // warm every cache, as requests and diagnostics would
  const look = (index: CorpusIndex) =>
    ['/large.txt', '/other.txt'].map((p) => ({
      mentions: index.mentions(p).map((m) => [m.kind, m.start, m.end, m.text, m.entity ?? m.value ?? '']),
      findings: index.findings(p).map((f) => [f.code, f.start, f.end, f.message]),
      conflicts: index.conflicts(p).map((c) => [c.at.claim.span.start, c.message]),
    }));
  look(typing);
  // a word typed in the middle, a new official near the end, a year changed near the start, a paragraph deleted
  const edits: [string, string][] = [
    ['Paragraph 600.', 'Paragraph 600. Quietly'],
    ['Paragraph 1190.', 'Paragraph 1190. Foreign Minister Elmar Mammadyarov arrived. Mammadyarov spoke.'],
    ['joined PARP in 1997', 'joined PARP in 1998'],
    ['Paragraph 100. ', ''],
  ];
  edits.forEach(([from, to], i) => {
    assert.ok(text.includes(from));
    text = text.replace(from, to);
    put(i + 2);
    look(typing);
  });
  const fresh = new CorpusIndex();
  fresh.update('/other.txt', other, 1);
  fresh.update('/large.txt', text, 1);
  assert.deepEqual(look(typing), look(fresh));
  // and the test sees what it means to: the lone surnames and long forms are there
  const [large, elsewhere] = look(fresh);
  assert.ok(elsewhere.mentions.some((m) => m[3] === 'Hasanov' && m[4] === 'person:zakir-hasanov'));
  assert.ok(elsewhere.mentions.some((m) => m[3] === 'Mammadyarov' && m[4] === 'person:elmar-mammadyarov'));
  const early = large.mentions.filter((m) => m[3] === 'Mammadyarov');
  assert.ok(early.length >= 2 && early[0][4] === 'person:elmar-mammadyarov', 'the early lone surname too');
  assert.ok(large.mentions.some((m) => m[3] === 'Mammadyarov' && m[4] === 'person:elmar-mammadyarov'));
  assert.ok(large.mentions.some((m) => m[3] === 'Planning and Review Process' && m[4] === 'acronym:parp'));
});

test('an edit above a definition keeps the acronym entity but points it at the definition’s new place', () => {
  const index = new CorpusIndex();
  const text = 'Azerbaijan joined the Planning and Review Process (PARP) in 1997.';
  index.update('/a.txt', text, 1);
  index.update('/b.txt', 'PARP reviews went on.', 1);
  const before = index.acronym('parp');
  assert.equal(before?.definedAt?.start, text.indexOf('Planning'));
  index.update('/a.txt', 'Update: ' + text, 2);
  const after = index.acronym('parp');
  assert.equal(after, before, 'the same entity: not built again');
  assert.equal(after?.definedAt?.start, 'Update: '.length + text.indexOf('Planning'));
  assert.equal(after?.definitions[0].definition.shortSpan.start, 'Update: '.length + text.indexOf('PARP'));
  // a changed expansion does build it again
  index.update('/a.txt', text.replace('Review', 'Reform'), 3);
  assert.notEqual(index.acronym('parp'), before);
  assert.equal(index.acronym('parp')?.expansion, 'Planning and Reform Process');
});

test('the files of a person are those that mention that person, not every file of the surname', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'Defence Minister Zakir Hasanov met NATO officials. Hasanov spoke.', 1);
  index.update('/b.txt', 'Presidential aide Ali Hasanov met the press. Ali Hasanov said little.', 1);
  index.update('/c.txt', 'Weather: mild.', 1);
  assert.deepEqual(index.docsOf('person:zakir-hasanov'), ['/a.txt']);
  assert.deepEqual(index.docsOf('person:ali-hasanov'), ['/b.txt']);
});

function samplesIndex(): CorpusIndex {
  const index = new CorpusIndex();
  const root = path.join(__dirname, '../../../samples');
  for (const dir of ['corpus', 'variants'])
    for (const name of readdirSync(path.join(root, dir)))
      index.update(`/${dir}/${name}`, readFileSync(path.join(root, dir, name), 'utf8'));
  return index;
}

test('a person’s mentions found directly are those full resolution finds, on the samples', () => {
  const index = samplesIndex();
  const people = index.people();
  assert.ok(people.length > 10, `${people.length} people`);
  for (const person of people) {
    for (const doc of index.paths()) {
      const full = index.mentions(doc).filter((m) => m.entity === person.id);
      assert.deepEqual(index.personMentions(doc, person.id), full, `${person.id} in ${doc}`);
      const everyone = new Set(
        index
          .mentions(doc)
          .map((m) => m.entity)
          .filter((e) => e?.startsWith('person:')),
      );
      assert.deepEqual(index.peopleIn(doc), everyone, `the people of ${doc}`);
    }
  }
});

test('a file whose mentions were resolved first still counts among the long form’s files', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'Azerbaijan joined the Planning and Review Process (PARP) in 1997.', 1);
  index.update('/b.txt', 'Its work in the Planning and Review Process went on.', 1);
  // an open file's mentions are resolved before anyone asks for the acronym's files
  assert.ok(index.mentions('/b.txt').some((m) => m.entity === 'acronym:parp'));
  assert.deepEqual(index.docsOf('acronym:parp'), ['/a.txt', '/b.txt']);
  assert.deepEqual(index.usage('acronym:parp'), { mentions: 3, docs: ['/a.txt', '/b.txt'] });
});

test('counts for a hover follow edits that change them, and survive those that do not', () => {
  const index = new CorpusIndex();
  index.update('/a.txt', 'NATO met. The Partnership for Peace (PfP) grew. PfP again.', 1);
  index.update('/b.txt', 'PfP partners met in Baku.', 1);
  const before = index.usage('acronym:pfp');
  assert.deepEqual(before, { mentions: 4, docs: ['/a.txt', '/b.txt'] });
  index.update('/b.txt', 'PfP partners met in Baku on Monday.', 2);
  assert.equal(index.usage('acronym:pfp'), before, 'the same counts: nothing counted again');
  index.update('/b.txt', 'PfP partners met in Baku. The PfP grew.', 3);
  assert.deepEqual(index.usage('acronym:pfp'), { mentions: 5, docs: ['/a.txt', '/b.txt'] });
  // a long form typed where the acronym was never written
  index.update('/c.txt', 'The Partnership for Peace is old.', 1);
  assert.deepEqual(index.usage('acronym:pfp'), { mentions: 6, docs: ['/a.txt', '/b.txt', '/c.txt'] });
  index.update('/c.txt', 'The partnership is old.', 2);
  assert.deepEqual(index.usage('acronym:pfp'), { mentions: 5, docs: ['/a.txt', '/b.txt'] });
});

test('warming the index up ahead changes no answer', () => {
  // the samples, and a compilation of them large enough to be analysed in sections (the
  // warm-up goes through a large file's sections one at a time)
  const root = path.join(__dirname, '../../../samples/corpus');
  const compiled = readdirSync(root)
    .map((name) => readFileSync(path.join(root, name), 'utf8'))
    .join('\n\n')
    .repeat(6);
  assert.ok(compiled.length > 100_000, `${compiled.length} characters`);
  const cold = samplesIndex();
  const warm = samplesIndex();
  cold.update('/compiled.txt', compiled);
  warm.update('/compiled.txt', compiled);
  assert.ok(warm.get('/compiled.txt')!.analysis.parts, 'analysed in sections');
  // a small budget: the warm-up is cut into many steps, as between requests
  let steps = 0;
  // everyone's companions, not only those of people in 20 files or more
  while (warm.warmUp(0, 1)) steps++;
  assert.ok(steps > 10, `${steps} steps`);
  assert.deepEqual(warm.people(), cold.people());
  const entities = [...cold.people().map((p) => p.id), ...cold.acronymKeys().map((k) => 'acronym:' + k)];
  for (const id of entities) {
    assert.deepEqual(warm.usage(id), cold.usage(id), id);
    assert.deepEqual(warm.docsOf(id), cold.docsOf(id), id);
    assert.deepEqual(warm.datedSpan(id), cold.datedSpan(id), id);
    if (id.startsWith('person:')) assert.deepEqual(warm.companions(id, 3), cold.companions(id, 3), id);
  }
  for (const doc of cold.paths()) assert.deepEqual(warm.mentions(doc), cold.mentions(doc), doc);
  // and it is done: one more call has nothing to do
  assert.equal(warm.warmUp(1000), false);
});

test('counts and companions kept between edits are those of an index built afresh', () => {
  // Each entity's counts are cached until a change it depends on (an acronym's files, a
  // surname group): every answer is asked after every edit, so a cache kept when it must
  // not be shows as a difference with a fresh index.
  const files: Record<string, string> = {
    '/a.txt': 'Defence Minister Zakir Hasanov met NATO officials in Brussels on 3 May 2021.',
    '/b.txt': 'Hasanov and Secretary General Jens Stoltenberg discussed the PfP. NATO agreed.',
    '/c.txt': 'Minister Elmar Mammadyarov visited NATO. Stoltenberg met Mammadyarov on Monday.',
  };
  const edits: [string, string][] = [
    ['/a.txt', ' The Partnership for Peace (PfP) was discussed.'],
    ['/c.txt', ' Zakir Hasanov also attended.'],
    ['/b.txt', ' NATO and the UN met.'],
    ['/a.txt', ' Minister Jens Hasanov spoke.'],
    ['/c.txt', ' Later Stoltenberg and Mammadyarov met the PfP.'],
    ['/b.txt', ' President Ilham Aliyev met Stoltenberg.'],
    ['/a.txt', ' UN officials met Aliyev.'],
  ];
  const kept = new CorpusIndex();
  for (const [doc, text] of Object.entries(files)) kept.update(doc, text, 0);
  const answers = (index: CorpusIndex) => {
    const ids = [...index.people().map((p) => p.id), ...index.acronymKeys().map((k) => 'acronym:' + k)];
    return ids.map((id) => ({
      id,
      usage: index.usage(id),
      dated: index.datedSpan(id),
      docs: index.docsOf(id),
      ...(id.startsWith('person:') ? { companions: index.companions(id, 3) } : {}),
    }));
  };
  edits.forEach(([doc, added], v) => {
    answers(kept); // fills every cache
    files[doc] += added;
    kept.update(doc, files[doc], v + 1);
    const fresh = new CorpusIndex();
    for (const [d, text] of Object.entries(files)) fresh.update(d, text, 0);
    assert.deepEqual(answers(kept), answers(fresh), `after edit ${v + 1}`);
  });
});

test('conflicts kept between edits are those of an index built afresh', () => {
  // A bucket's conflicts are worked out again after an edit only for the sets of claims it
  // touched: year after year is changed in one file or another, and after each edit every
  // conflict must be what an index built from the same texts finds.
  // three pairs that never share a participant: three sets of claims, of which an edit
  // changes one or two and leaves the others as they were
  const pairs = [
    ['Ostravia', 'the Baltic Salt Union'],
    ['Valdoria', 'the Nordic Grain Compact'],
    ['Moldenia', 'the Alpine Timber League'],
  ];
  const files = new Map<string, string>();
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const sentence = () => {
    const [country, union] = pairs[random(3)];
    return `${country} joined ${union} in ${1994 + random(3)}.`;
  };
  const text = () => `${sentence()} The ministry said so. ${sentence()}`;
  for (let i = 0; i < 8; i++) files.set(`/f${i}.txt`, text());
  const kept = new CorpusIndex();
  for (const [doc, t] of files) kept.update(doc, t, 0);
  const shown = (index: CorpusIndex) =>
    index
      .allConflicts()
      .map(
        (c) =>
          `${c.at.doc}@${c.at.claim.span.start} ${c.id} ${c.message} <- ${c.others.map((o) => `${o.doc}@${o.claim.span.start}`).join(',')}`,
      )
      .sort();
  let conflicted = 0;
  for (let v = 1; v <= 40; v++) {
    shown(kept); // every bucket worked out, as the diagnostics would
    const doc = `/f${random(8)}.txt`;
    files.set(doc, v % 5 === 0 ? 'Nothing is dated here.' : text());
    kept.update(doc, files.get(doc)!, v);
    const fresh = new CorpusIndex();
    for (const [d, t] of files) fresh.update(d, t, 0);
    assert.deepEqual(shown(kept), shown(fresh), `after edit ${v}`);
    if (shown(fresh).length) conflicted++;
  }
  assert.ok(conflicted > 20, `${conflicted} of 40 states had conflicts`);
});

test('the mention at an offset, resolved alone, is the one full resolution finds there', () => {
  const alone = samplesIndex();
  const full = samplesIndex();
  let checked = 0;
  for (const doc of full.paths()) {
    const mentions = full.mentions(doc);
    for (const m of mentions) {
      for (const offset of [m.start - 1, m.start, m.start + 1, m.end - 1, m.end, m.end + 1]) {
        checked++;
        // `alone` never resolves the whole file: each answer comes from the mentions near it
        assert.deepEqual(alone.mentionAt(doc, offset), mentionIn(mentions, offset), `${doc} @${offset}`);
      }
    }
  }
  assert.ok(checked > 1000, `${checked} offsets`);
});

test('an index kept up through edits of a large file answers as one built afresh', () => {
  const paragraph = (i: number) =>
    `Report ${i}: Defence Minister Zakir Hasanov met NATO officials on April ${(i % 27) + 1}, ${1995 + (i % 9)}. ` +
    `Azerbaijan joined the Planning and Review Process (PARP) in ${1997 + (i % 2)}.\n\n`;
  let text = Array.from({ length: 900 }, (_, i) => paragraph(i)).join('');
  const other = 'Azerbaijan joined the Planning and Review Process (PARP) in 1997. Hasanov agreed.';
  const kept = new CorpusIndex();
  const cache = new SectionCache();
  kept.update('/other.txt', other);
  kept.replace('/large.txt', { path: '/large.txt', version: 0, analysis: analyseDocument(text, {}, cache) });
  const pieces = [
    'x',
    '\n\n',
    'Minister Ali Karimov met NATO on May 4, 1997. ',
    'The Nordic Grain Compact (NGC) met. ',
  ];
  for (let v = 1; v <= 30; v++) {
    const at = (v * 7919 * 131) % text.length;
    text = text.slice(0, at) + pieces[v % pieces.length] + text.slice(at + (v % 5 === 0 ? 40 : 0));
    kept.replace('/large.txt', {
      path: '/large.txt',
      version: v,
      analysis: analyseDocument(text, {}, cache),
    });
    // asked now and then, as an editor would: caches filled part-way through
    if (v % 7 === 0) kept.mentions('/other.txt');
  }
  const fresh = new CorpusIndex();
  fresh.update('/other.txt', other);
  fresh.update('/large.txt', text, 30);
  assert.deepEqual(kept.people(), fresh.people());
  assert.deepEqual(kept.acronymKeys(), fresh.acronymKeys());
  for (const key of fresh.acronymKeys())
    assert.deepEqual(kept.usage('acronym:' + key), fresh.usage('acronym:' + key));
  for (const doc of ['/large.txt', '/other.txt']) {
    assert.deepEqual(kept.mentions(doc), fresh.mentions(doc), doc);
    const conflicts = (i: CorpusIndex) =>
      i.conflicts(doc).map((c) => `${c.at.claim.span.start} ${c.message} ${c.others.length}`);
    assert.deepEqual(conflicts(kept), conflicts(fresh), doc);
  }
});
