// The open buffer behaves exactly as vscode-languageserver-textdocument's TextDocument:
// the same text, line count and positions after any edit, CRLF and astral characters included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BufferDocument } from '../../server/src/node/bufferDocument';

function same(ours: BufferDocument, theirs: TextDocument, what: string): void {
  assert.equal(ours.getText(), theirs.getText(), what);
  assert.equal(ours.lineCount, theirs.lineCount, what);
  assert.equal(ours.version, theirs.version, what);
  const text = theirs.getText();
  for (let offset = -1; offset <= text.length + 1; offset++)
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${what}: positionAt(${offset})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${what}: line ${line}`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${what}: EOL of ${line}`);
    for (let character = -1; character <= 12; character++) {
      const p = { line, character };
      assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `${what}: offsetAt(${line}:${character})`);
    }
  }
  const range = { start: theirs.positionAt(2), end: theirs.positionAt(text.length - 3) };
  assert.equal(ours.getText(range), theirs.getText(range), what);
}

test('edits of every kind leave it as the library’s document would be', () => {
  const start = 'Line one\r\nTwo 🚀 two\nthree\r\n\r\nfour\rfive';
  let ours = BufferDocument.create('file:///a.txt', 'corpus', 1, start);
  let theirs = TextDocument.create('file:///a.txt', 'corpus', 1, start);
  same(ours, theirs, 'created');
  let seed = 5;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['x', '', '\n', '\r', '\r\n', '🚀', 'a\r\nb\nc', ' \n\n ', '\r\n\r'];
  for (let i = 0; i < 400; i++) {
    const text = theirs.getText();
    const a = random(text.length + 1);
    const b = Math.min(text.length, a + (random(3) === 0 ? random(6) : 0));
    // positions as an editor sends them (a position inside a CRLF pair or a surrogate pair too)
    const range = { start: theirs.positionAt(a), end: theirs.positionAt(b) };
    if (random(5) === 0) range.start = { line: range.start.line, character: range.start.character + 40 };
    const change =
      random(40) === 0
        ? { text: pieces[random(pieces.length)] }
        : { range, text: pieces[random(pieces.length)] };
    theirs = TextDocument.update(theirs, [change], i + 2);
    ours.update([change], i + 2);
    same(ours, theirs, `edit ${i}: ${JSON.stringify(change)}`);
    if (theirs.getText().length > 200) {
      const reset = 'Again\r\nand 🚀\n';
      theirs = TextDocument.create('file:///a.txt', 'corpus', 1000 + i, reset);
      ours = BufferDocument.create('file:///a.txt', 'corpus', 1000 + i, reset);
    }
  }
});
