// The README and docs as a newcomer reads them (issue 17): the title first and the two commands
// under it, install before opening the samples, every setting listed, and no path that exists
// only on the team's machines. (test:nvim runs the README's Neovim snippet; test:e2e the
// packaged README.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('the README opens with its title, then the command that sets up and runs the demo, then the tests', () => {
  assert.match(readme, /^# Corpus Annotator\n/);
  const firstBlock = /```\w*\n([\s\S]*?)```/.exec(readme);
  assert.ok(firstBlock, 'a code block');
  assert.ok(readme.indexOf(firstBlock[0]) < readme.indexOf('\n## '), 'before the first section');
  const commands = firstBlock[1]
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
  assert.deepEqual(commands, ['npm ci && npm run demo', 'npm test']);
});

test('opening samples/ in VS Code is preceded by installing the .vsix', () => {
  const samples = readme.search(/code samples|open (the )?`?samples/i);
  const install = readme.search(/--install-extension corpus-annotator\.vsix/);
  assert.ok(install > 0 && samples > install, 'the install comes first');
});

test('every setting the extension contributes is in the README', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  const settings = Object.keys(manifest.contributes.configuration.properties);
  assert.ok(settings.length >= 10);
  const missing = settings.filter((s) => !readme.includes(`\`${s}\``));
  assert.deepEqual(missing, []);
});

test('neither the README nor docs/ point users at ../shared or the team’s machines', () => {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: `docs/${f}`, text: readFileSync(path.join(ROOT, 'docs', f), 'utf8') }));
  for (const { name, text } of [{ name: 'README.md', text: readme }, ...docs]) {
    const found = text.match(/\.\.\/shared|\/work\/|\bshared\/(spec|docs|gold|eval|data)\b/g);
    assert.equal(found, null, `${name} mentions ${found?.join(', ')}`);
  }
});
