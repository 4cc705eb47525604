// Large files are analysed in sections: offsets stay exact, cuts depend on the text around
// them, and an edit re-analyses only the sections it touches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyseDocument,
  sections,
  SECTION_THRESHOLD,
  SectionCache,
} from '../../server/src/analysis/documentAnalysis';

function bigText(paragraphs: number): string {
  const out: string[] = [' date 2022-04-29 Compiled reports'];
  for (let i = 0; i < paragraphs; i++) {
    out.push(
      `Report ${i}: 🚀 Defence Minister Zakir Hasanov met NATO officials on April ${(i % 27) + 1}. ` +
        `Azerbaijan joined the Planning and Review Process (PARP) in 1997, and Hasanov said so in ${1990 + (i % 30)}.`,
    );
  }
  return out.join('\n\n') + '\n';
}

test('a large file is cut into sections at blank lines, and every offset is exact after the merge', () => {
  const text = bigText(1500);
  assert.ok(text.length > SECTION_THRESHOLD * 2);
  const cuts = sections(text);
  assert.ok(cuts.length > 4, `${cuts.length} sections`);
  for (const c of cuts.slice(1)) assert.match(text.slice(c - 2, c), /\n\n$/, 'cuts follow a blank line');
  const a = analyseDocument(text);
  for (const m of [...a.dates, ...a.names, ...a.acronyms]) assert.equal(text.slice(m.start, m.end), m.text);
  for (const c of a.claims)
    assert.equal(a.dates[c.date].start, c.span.start, 'claims point at their own date');
  for (const n of a.names) if (n.fullRef >= 0) assert.equal(a.names[n.fullRef].surname, n.surname);
  assert.equal(a.documentDate.value, '2022-04-29');
  // every paragraph's April date takes the document's year, even in the last section
  assert.equal(a.dates.filter((d) => d.text.startsWith('April')).length, 1500);
  assert.ok(a.dates.filter((d) => d.text.startsWith('April')).every((d) => d.value.startsWith('2022-04-')));
});

test('an edit moves at most the cuts next to it, and only its sections are analysed again', () => {
  const text = bigText(1500);
  const cache = new SectionCache();
  const before = new Set(analyseDocument(text, {}, cache).parts?.map((p) => p.analysis));
  const middle = text.indexOf('Report 700:');
  const edited = text.slice(0, middle) + 'X' + text.slice(middle);
  const cutsBefore = sections(text);
  const cutsAfter = sections(edited).map((c) => (c > middle ? c - 1 : c));
  const moved = cutsAfter.filter((c) => !cutsBefore.includes(c)).length;
  assert.ok(moved <= 2, `${moved} cuts moved`);
  const parts = analyseDocument(edited, {}, cache).parts ?? [];
  const again = parts.filter((p) => !before.has(p.analysis)).length;
  assert.ok(parts.length > 4 && again <= 2, `${again} of ${parts.length} sections analysed again`);
});

test('cuts found from the last version’s are the cuts found afresh, whatever the edit', () => {
  let text = bigText(2500);
  const cache = new SectionCache();
  analyseDocument(text, {}, cache);
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['x', '\n\n', '\n', ' 🚀 ', '', 'Report 9: Hasanov met NATO on May 4, 1997.\n\n'];
  for (let i = 0; i < 300; i++) {
    // near the start, near the end, anywhere, or in the characters that decide a cut
    const cuts = sections(text);
    const nearCut = cuts[random(cuts.length)] + random(40) - 8;
    const where = [random(64), text.length - random(64), random(text.length), nearCut][i % 4];
    const at = Math.max(0, Math.min(text.length, where));
    const cut = Math.min(text.length - at, random(3) === 0 ? random(200) : 0);
    text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at + cut);
    const a = analyseDocument(text, {}, cache);
    assert.deepEqual(
      a.parts?.map((p) => p.offset),
      sections(text),
      `edit ${i} at ${at}`,
    );
    // every mention still reads what the text says at its offsets
    for (const m of [...a.dates, ...a.names, ...a.acronyms])
      assert.equal(text.slice(m.start, m.end), m.text, `edit ${i} at ${at}: ${m.text}`);
    if (i % 50 === 49) {
      const fresh = analyseDocument(text);
      const spans = (x: typeof a) =>
        [...x.dates, ...x.names, ...x.acronyms].map((m) => `${m.start}:${m.text}`);
      assert.deepEqual(spans(a), spans(fresh));
    }
  }
});

test('an analysis made from the last version’s sections is the analysis made afresh, edit after edit', () => {
  let text = bigText(1200);
  const cache = new SectionCache();
  analyseDocument(text, {}, cache);
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  // typing forward, deleting it again, and a name or a date now and then: sections after
  // the edit move back and forth, and the names and dates before them change in number
  const pieces = ['x', ' ', '', '\n', 'Hasanov met NATO on May 4, 1997. ', 'Minister Ali Karimov '];
  const strip = ({ parts: _parts, ...a }: ReturnType<typeof analyseDocument>) => a;
  let at = Math.floor(text.length / 2);
  for (let i = 0; i < 60; i++) {
    if (i % 10 === 0) at = random(text.length);
    const cut = random(4) === 0 ? Math.min(text.length - at, random(40)) : 0;
    const piece = pieces[random(pieces.length)];
    text = text.slice(0, at) + piece + text.slice(at + cut);
    at += piece.length;
    const incremental = analyseDocument(text, {}, cache);
    if (i % 6 === 5) assert.deepEqual(strip(incremental), strip(analyseDocument(text)), `edit ${i} at ${at}`);
  }
});

test('a time budget gives the file up between stages and sections, and a budget never over changes nothing', () => {
  const text = bigText(400);
  const message = 'Not analysed: over budget.';
  const never = analyseDocument(text, {}, undefined, { over: () => false, message });
  assert.deepEqual(never, analyseDocument(text));
  // the budget is asked between sections too: a few answers in, the file is given up
  for (const small of [text, 'NATO met on March 5, 2019. 🚀 The minister said so.\n']) {
    let asked = 0;
    const given = analyseDocument(small, {}, undefined, { over: () => ++asked > 3, message });
    assert.equal(asked, 4, 'asked until it answered yes, then no more');
    assert.deepEqual(
      given.findings.map((f) => [f.code, f.message]),
      [['analysis-timeout', message]],
    );
    assert.equal(given.dates.length + given.names.length + given.acronyms.length + given.claims.length, 0);
    assert.equal(given.text, small);
  }
});

test('a file given up leaves its section cache as it was: the next analysis is whole and right', () => {
  const text = bigText(400);
  const cache = new SectionCache();
  analyseDocument(text, {}, cache);
  const edited = text.replace('Report 200:', 'Report 200 (edited):');
  const given = analyseDocument(edited, {}, cache, { over: () => true, message: 'over' });
  assert.equal(given.skipped, 'analysis over its time budget');
  const again = analyseDocument(edited, {}, cache);
  assert.deepEqual({ ...again, parts: undefined }, { ...analyseDocument(edited), parts: undefined });
});
