// Offsets of an analysed text mapped through the edits typed since, and back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NEAR_EDIT, PendingEdits } from '../../server/src/node/pendingEdits';

function edited(text: string, edits: { start: number; end: number; text: string }[]) {
  const document = TextDocument.create('file:///t.txt', 'corpus', 1, text);
  const pending = new PendingEdits(document);
  for (const e of edits) {
    pending.add({ start: e.start, end: e.end, length: e.text.length });
    TextDocument.update(
      document,
      [{ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, text: e.text }],
      document.version + 1,
    );
  }
  return { document, pending };
}

test('offsets before, after and inside the edits map to the text as it is now and back', () => {
  const text = 'alpha beta gamma delta';
  // `beta` becomes `BETA!!`, then 🚀 (two code units) is typed before `alpha`
  const { document, pending } = edited(text, [
    { start: 6, end: 10, text: 'BETA!!' },
    { start: 0, end: 0, text: '🚀' },
  ]);
  assert.equal(document.getText(), '🚀alpha BETA!! gamma delta');
  const gamma = text.indexOf('gamma');
  assert.equal(pending.toCurrent(gamma), document.getText().indexOf('gamma'));
  assert.equal(pending.toAnalysed(document.getText().indexOf('gamma')), gamma);
  assert.equal(pending.toCurrent(0), 2, 'after the emoji');
  assert.equal(pending.toAnalysed(document.getText().indexOf('delta')), text.indexOf('delta'));
  // inside the replaced word: its start, either way
  assert.equal(pending.toAnalysed(document.getText().indexOf('TA!!')), 6);
  assert.equal(pending.toCurrent(8), 2 + 6 + 2);
  // positions go through the buffer: line and UTF-16 character as the editor has them
  assert.deepEqual(pending.lineIndex().positionAt(gamma), { line: 0, character: 15 });
  assert.equal(pending.lineIndex().offsetAt({ line: 0, character: 15 }), gamma);
});

test('near an edit means within NEAR_EDIT code units of what was typed, where it is now', () => {
  const text = 'x'.repeat(8 * NEAR_EDIT);
  const { pending } = edited(text, [
    { start: 4 * NEAR_EDIT, end: 4 * NEAR_EDIT, text: 'typed' },
    { start: 0, end: 0, text: 'yy' },
  ]);
  const typedAt = 4 * NEAR_EDIT + 2;
  assert.equal(pending.nearEdit(typedAt), true);
  assert.equal(pending.nearEdit(typedAt + 5 + NEAR_EDIT), true);
  assert.equal(pending.nearEdit(typedAt + 5 + NEAR_EDIT + 1), false);
  assert.equal(pending.nearEdit(typedAt - NEAR_EDIT - 1), false);
  assert.equal(pending.nearEdit(1), true, 'the second edit, at the start');
});
