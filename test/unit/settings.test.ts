// Broken settings fall back to their defaults with a message each, never a crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseDocument } from '../../server/src/analysis/documentAnalysis';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';

test('valid settings are read', () => {
  const { settings, problems } = readSettings({
    corpusGlobs: ['news/**/*.txt'],
    maxFileSize: 100,
    dates: { numericOrder: 'dmy' },
    diagnostics: { dateConflict: 'error', invalidDate: 'off', delay: 50 },
    inlayHints: { enabled: false },
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(settings.corpusGlobs, ['news/**/*.txt']);
  assert.equal(settings.maxFileSize, 100);
  assert.equal(settings.numericDateOrder, 'dmy');
  assert.equal(settings.severity.dateConflict, 'error');
  assert.equal(settings.severity.invalidDate, 'off');
  assert.equal(settings.diagnosticsDelay, 50);
  assert.equal(settings.inlayHints, false);
});

test('broken settings fall back to defaults, one message each', () => {
  const { settings, problems } = readSettings({
    corpusGlobs: 'corpus/*.txt',
    maxFileSize: -3,
    dates: { numericOrder: 'yearfirst' },
    diagnostics: { dateConflict: 'loud', delay: 'soon' },
    codeLens: { enabled: 'yes' },
  });
  assert.deepEqual(settings, DEFAULT_SETTINGS);
  assert.deepEqual(problems.map((p) => p.split(' ')[0]).sort(), [
    'corpusAnnotator.codeLens.enabled',
    'corpusAnnotator.corpusGlobs',
    'corpusAnnotator.dates.numericOrder',
    'corpusAnnotator.diagnostics.dateConflict',
    'corpusAnnotator.diagnostics.delay',
    'corpusAnnotator.maxFileSize',
  ]);
  for (const raw of [null, undefined, 42, 'x', []])
    assert.ok(readSettings(raw).settings.corpusGlobs.length > 0);
});

test('a file over the size limit is not analysed, and says why', () => {
  const a = analyseDocument('In 1997, NATO met. '.repeat(100), { maxLength: 1000 });
  assert.equal(a.dates.length, 0);
  assert.match(a.skipped ?? '', /over the .* limit/);
  assert.deepEqual(
    a.findings.map((f) => f.code),
    ['file-too-large'],
  );
});

test('odd input gives fewer mentions, never an exception', () => {
  const odd = [
    '',
    '\u0000\u0001\u0002\uFFFD\uD800',
    '🚀'.repeat(5000),
    '\r\n\r\n\r\n',
    'A'.repeat(100_000),
    '((((((((((((((((((((',
    'In 1997 ' + '(PARP) '.repeat(2000),
  ];
  for (const text of odd) {
    const a = analyseDocument(text);
    for (const m of [...a.dates, ...a.names, ...a.acronyms]) assert.equal(text.slice(m.start, m.end), m.text);
  }
});
