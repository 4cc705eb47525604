// The command line, run as a user runs it: exit codes, output shapes, odd files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
// a time limit, so that a hang fails the test instead of blocking the run
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });

test('--help prints usage and exits 0; no arguments exits 2', () => {
  const help = cli('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /corpus-annotator analyze \[--json\] PATH/);
  assert.equal(cli().status, 2);
});

test('a missing path is a clear message and exit 2', () => {
  const r = cli('analyze', 'no/such/folder');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no\/such\/folder: no such file or folder/);
});

test('analyze --json prints the spec shape for files and folders', () => {
  const r = cli('analyze', '--json', 'samples/corpus', 'samples/variants/v01.txt');
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.version, 1);
  assert.deepEqual(
    json.documents.map((d: { path: string }) => d.path),
    [
      'samples/corpus/000_4e54959011ade41e.txt',
      'samples/corpus/001_f406d97bb98f9431.txt',
      'samples/corpus/002_40c254e86444f4c9.txt',
      'samples/corpus/003_2e397ce5a55cb8c9.txt',
      'samples/corpus/004_3a05aab45b86c3e4.txt',
      'samples/variants/v01.txt',
    ],
  );
  for (const d of json.documents) {
    const starts = d.mentions.map((m: { start: number }) => m.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a: number, b: number) => a - b),
      'mentions sorted by start',
    );
  }
  assert.ok(json.entities.some((e: { id: string }) => e.id === 'acronym:parp'));
  assert.ok(json.diagnostics.some((d: { code: string }) => d.code === 'date-conflict'));
});

test('check prints path:line:column: severity: message [code] and exits 1 on an error', () => {
  const r = cli('check', 'samples/variants');
  assert.equal(r.status, 1);
  assert.match(
    r.stdout,
    /^samples\/variants\/v03\.txt:\d+:\d+: error: February 2019 has 28 days \[invalid-date\]$/m,
  );
  assert.match(
    r.stdout,
    /^samples\/variants\/v03\.txt:\d+:\d+: warning: 2018-11-29 was a Thursday \[weekday-mismatch\]$/m,
  );
  const clean = cli('check', 'samples/corpus/000_4e54959011ade41e.txt');
  assert.equal(clean.status, 0, clean.stdout);
});

test('binary and non-UTF-8 files are skipped with a warning, not a crash', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
  writeFileSync(
    path.join(dir, 'latin1.txt'),
    Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x39, 0x39, 0x37]),
  );
  writeFileSync(
    path.join(dir, 'ok.txt'),
    '🚀 In 1997, Azerbaijan joined the Planning and Review Process (PARP).\r\n',
  );
  const r = cli('analyze', '--json', dir);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /binary\.txt: skipped: binary file/);
  assert.match(r.stderr, /latin1\.txt: skipped: not UTF-8 text/);
  const json = JSON.parse(r.stdout);
  assert.equal(json.documents.length, 1);
  const parp = json.documents[0].mentions.find((m: { text: string }) => m.text === 'PARP');
  const text = '🚀 In 1997, Azerbaijan joined the Planning and Review Process (PARP).\r\n';
  assert.equal(text.slice(parp.start, parp.end), 'PARP', 'offsets are UTF-16 code units');
});

test('one odd little file neither hangs nor crashes the run (issue 18)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  writeFileSync(path.join(dir, 'astral.txt'), '𝔸 NATO\n'); // an astral capital: once an endless loop
  writeFileSync(path.join(dir, 'parens.txt'), 'NATO ()'); // an empty parenthesis: once a crash
  writeFileSync(
    path.join(dir, 'ok.txt'),
    'In 1997, Azerbaijan joined the Planning and Review Process (PARP).\n',
  );
  const r = cli('analyze', '--json', dir);
  assert.equal(r.signal, null, 'finished within the time limit');
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.documents.length, 3);
  for (const d of json.documents)
    assert.ok(d.mentions.some((m: { text: string }) => m.text === 'NATO' || m.text === 'PARP'));
});

test('a file over the time budget is named and skipped; the rest is analysed; exit 3 (issue 18)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  // an ordinary text, but long enough (2 MB) that no machine analyses it within the 0.3 s given
  writeFileSync(
    path.join(dir, 'long.txt'),
    'The minister said on March 5, 2019 that NATO met.\n'.repeat(40_000),
  );
  for (const name of ['a.txt', 'b.txt', 'c.txt'])
    writeFileSync(
      path.join(dir, name),
      'In 1997, Azerbaijan joined the Planning and Review Process (PARP).\n',
    );
  const r = cli('check', '--time-budget', '0.3', dir);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /long\.txt: not analysed: analysis took longer than 0\.3 s \(the time budget\)/);
  assert.match(r.stderr, /^3 files checked/m);
});

test('options with a bad value and a missing --config are usage errors, exit 2 (issue 18)', () => {
  for (const args of [
    ['check', '--max-size', 'abc', 'samples/corpus'],
    ['check', '--max-size', '-1', 'samples/corpus'],
    ['check', '--max-size', '', 'samples/corpus'],
    ['check', '--time-budget', 'soon', 'samples/corpus'],
  ]) {
    const r = cli(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /needs a positive number/);
  }
  const r = cli('check', '--config', 'no/such/corpus-annotator.json', 'samples/corpus');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no\/such\/corpus-annotator\.json: ENOENT; cannot read the --config file/);
});

test('a config saved with a BOM is read; a deep or huge one is an error at its place, not a crash', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  writeFileSync(path.join(dir, 'a.txt'), 'The XQZ met in 1997.\n');
  writeFileSync(
    path.join(dir, 'corpus-annotator.json'),
    '\ufeff{ "glossary": { "XQZ": "Extra Quiet Zone" } }\n',
  );
  const bom = cli('check', dir);
  assert.equal(bom.status, 0, bom.stdout + bom.stderr);
  assert.doesNotMatch(bom.stdout, /InvalidSymbol/);
  const analysed = JSON.parse(cli('analyze', '--json', dir).stdout);
  assert.ok(JSON.stringify(analysed.entities).includes('Extra Quiet Zone'), 'the glossary is applied');

  writeFileSync(path.join(dir, 'corpus-annotator.json'), '['.repeat(200_000) + ']'.repeat(200_000));
  const deep = cli('check', dir);
  assert.equal(deep.status, 1, deep.stderr);
  assert.match(
    deep.stdout,
    /corpus-annotator\.json:1:65: error: .*nested more than 64 levels deep.*\[config-too-deep\]/,
  );

  writeFileSync(
    path.join(dir, 'corpus-annotator.json'),
    `{ "glossary": { "X": "${'x'.repeat(4_000_000)}" } }`,
  );
  const huge = cli('check', dir);
  assert.equal(huge.status, 1, huge.stderr);
  assert.match(huge.stdout, /over the 1024 KB limit; the file is not read\. \[config-too-large\]/);
});
