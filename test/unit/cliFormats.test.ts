// The command line's formats, as a script or a CI job reads them: `check --format json`,
// `check --format sarif` (validated against the SARIF 2.1.0 schema), the stderr summary with
// every severity, plurals, and the JSON's document date. On an invented two-file corpus with
// CRLF lines and a character outside the BMP before the mentions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';

const ROOT = path.resolve(__dirname, '../../..');

const A =
  ' date 2021-03-10\r\nBy Test Writer\r\n🚀 In 1996, Freedonia joined the Grain Exchange Programme (GEP).\r\n' +
  'The ministers met on February 30, 2020.\r\nThe report of 04/05/2020 was read.\r\n';
const B = 'Freedonia joined the Grain Exchange Programme (GEP) in 1995.\n';

function corpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-formats-'));
  writeFileSync(path.join(dir, 'a.txt'), A);
  writeFileSync(path.join(dir, 'b.txt'), B);
  return dir;
}

const cli = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
  });

/** `path:line:column: severity ... [code]` lines of the text format, as [place, severity, code]. */
function textDiagnostics(stdout: string): string[] {
  return [...stdout.matchAll(/^(\S+:\d+:\d+): (\w+): .* \[([\w-]+)\]$/gm)].map(
    (m) => `${m[1]} ${m[2]} ${m[3]}`,
  );
}

test('check: the summary on stderr counts every severity, information and hints included', () => {
  const dir = corpus();
  const r = cli(dir, 'check', 'a.txt', 'b.txt');
  assert.equal(r.status, 1, 'an invalid date is an error');
  assert.equal(r.stderr.trim(), '2 files checked: 1 error, 2 warnings, 1 information, 0 hints');
  assert.ok(
    textDiagnostics(r.stdout).includes('a.txt:5:15 information ambiguous-date'),
    'the information diagnostic that the summary counts is printed',
  );
});

test('check --format json: the text format’s diagnostics with offsets, lines and columns', () => {
  const dir = corpus();
  const text = cli(dir, 'check', 'a.txt', 'b.txt');
  const r = cli(dir, 'check', '--format', 'json', 'a.txt', 'b.txt');
  assert.equal(r.status, 1);
  assert.equal(r.stderr, text.stderr, 'the same summary');
  const json = JSON.parse(r.stdout);
  assert.equal(json.files, 2);
  assert.deepEqual(json.summary, { error: 1, warning: 2, information: 1, hint: 0 });
  assert.deepEqual(
    json.diagnostics.map(
      (d: { path: string; line: number; column: number; severity: string; code: string }) =>
        `${d.path}:${d.line}:${d.column} ${d.severity} ${d.code}`,
    ),
    textDiagnostics(text.stdout),
  );
  const sources: Record<string, string> = { 'a.txt': A, 'b.txt': B };
  for (const d of json.diagnostics) {
    // a column counts UTF-16 code units: after 🚀 (two of them) the year is at column 7
    const line = sources[d.path].split('\r\n').join('\n').split('\n')[d.line - 1];
    assert.equal(line.slice(d.column - 1, d.endColumn - 1), sources[d.path].slice(d.start, d.end));
  }
  const conflict = json.diagnostics.find(
    (d: { path: string; code: string }) => d.path === 'a.txt' && d.code === 'date-conflict',
  );
  assert.deepEqual(
    conflict.related.map(
      (r: { path: string; line: number; column: number }) => `${r.path}:${r.line}:${r.column}`,
    ),
    ['b.txt:1:56'],
  );
});

test('check --format sarif: a SARIF 2.1.0 log that the schema accepts, placed like the text format', () => {
  const dir = corpus();
  const text = cli(dir, 'check', 'a.txt', 'b.txt');
  const r = cli(dir, 'check', '--format', 'sarif', 'a.txt', 'b.txt');
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout) as {
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string }[] } };
      columnKind: string;
      originalUriBaseIds: Record<string, { uri: string }>;
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string };
            region: { startLine: number; startColumn: number };
          };
        }[];
      }[];
    }[];
  };
  // the OASIS schema (draft-04) as published by schemastore: Ajv reads its keywords as
  // draft-07 once the draft-04 markers are set aside (they use nothing else that differs);
  // one of its patterns is not valid as a Unicode regular expression
  const schema = JSON.parse(
    readFileSync(path.join(ROOT, 'test/support/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  );
  delete schema.$schema;
  delete schema.id;
  const validate = new Ajv({
    strict: false,
    validateFormats: false,
    allErrors: true,
    unicodeRegExp: false,
  }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'corpus-annotator');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const level: Record<string, string> = { error: 'error', warning: 'warning', information: 'note' };
  assert.deepEqual(
    run.results.map(
      (x: {
        ruleId: string;
        level: string;
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string };
            region: { startLine: number; startColumn: number };
          };
        }[];
      }) => {
        const { artifactLocation, region } = x.locations[0].physicalLocation;
        return `${artifactLocation.uri}:${region.startLine}:${region.startColumn} ${x.level} ${x.ruleId}`;
      },
    ),
    textDiagnostics(text.stdout).map((t) => t.replace(/ (\w+) /, (_, s: string) => ` ${level[s]} `)),
  );
  for (const x of run.results as { ruleId: string; ruleIndex: number }[])
    assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId, 'ruleIndex points at its rule');
  assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
});

test('check --format: an unknown format is a clear message and exit 2', () => {
  const r = cli(corpus(), 'check', '--format', 'xml', 'a.txt');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format must be text, json, sarif/);
});

test('analyze: counts in the singular when there is one', () => {
  const dir = corpus();
  writeFileSync(path.join(dir, 'one.txt'), 'On May 4, 1994, the Grain Exchange Programme (GEP) met.\n');
  const r = cli(dir, 'analyze', 'one.txt');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^one\.txt {2}\(dated unknown\): 1 date, 0 people, 2 acronyms$/m);
  assert.doesNotMatch(r.stdout, /\b1 (dates|acronyms|people|persons)\b/);
});

test('analyze --json: `dated` gives every document’s date and how it was found; `documentDate` stays the header’s', () => {
  const dir = corpus();
  writeFileSync(path.join(dir, 'dateline.txt'), 'TALLINN, 20 January 2022 – The ministers met on Monday.\n');
  const r = cli(dir, 'analyze', '--json', 'a.txt', 'b.txt', 'dateline.txt');
  assert.equal(r.status, 0, r.stderr);
  const byPath = new Map(
    JSON.parse(r.stdout).documents.map((d: { path: string }) => [d.path, d] as const),
  ) as Map<
    string,
    { documentDate: string | null; dated: { value: string | null; source: string; confidence: string } }
  >;
  assert.equal(byPath.get('a.txt')!.documentDate, '2021-03-10');
  assert.deepEqual(
    { ...byPath.get('a.txt')!.dated, start: undefined, end: undefined },
    { value: '2021-03-10', source: 'header', confidence: 'certain', start: undefined, end: undefined },
  );
  assert.equal(byPath.get('dateline.txt')!.documentDate, null, 'the spec: only a header sets documentDate');
  assert.equal(byPath.get('dateline.txt')!.dated.value, '2022-01-20');
  assert.equal(byPath.get('dateline.txt')!.dated.source, 'dateline');
  assert.deepEqual(byPath.get('b.txt')!.dated, { value: null, source: 'none', confidence: 'low' });
});
