// The .vsix as VS Code unpacks it: the README the details page renders (its title first, every
// image embedded so that the page's Content-Security-Policy lets it show, no link to a file the
// package does not hold), the icon, and the repository. Run by test/e2e/run.sh with E2E_VSIX set
// to the package it tested; firstUse.test.js looks at the same page in the browser.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const vsix = process.env.E2E_VSIX;

/** The files of a zip archive by name (stored or deflated: what vsce writes). */
function unzip(file: string): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  // the end of central directory record: the last signature 0x06054b50
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, `${file} is not a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Width and height of a PNG, or undefined when the bytes are not one. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test(
  'the packaged README starts with its title and embeds every image; the icon and repository are there',
  {
    skip: vsix ? false : 'E2E_VSIX is not set: run through test/e2e/run.sh',
  },
  () => {
    const files = unzip(vsix!);
    const readme = files.get('extension/readme.md')?.toString('utf8');
    assert.ok(readme, `no extension/readme.md in ${vsix}: ${[...files.keys()].join(', ')}`);
    assert.match(readme, /^# Corpus Annotator\n/, 'the details page opens with the title');
    assert.doesNotMatch(readme, /npm ci && npm run demo/, 'the clone-only commands are left out');
    const images = [...readme.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)];
    assert.ok(images.length >= 2, `${images.length} images in the README`);
    for (const [, alt, src] of images) {
      const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(src);
      assert.ok(
        m,
        `"${alt}" is not an embedded PNG (the details page shows only https: and data: images): ${src.slice(0, 80)}`,
      );
      const size = pngSize(Buffer.from(m[1], 'base64'));
      assert.ok(size && size.width > 0 && size.height > 0, `"${alt}" does not decode to a PNG`);
    }
    const relative = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(((?![a-z][a-z0-9+.-]*:|#)[^)\s]+)\)/gi)].map(
      (m) => m[1],
    );
    assert.deepEqual(relative, [], 'links to files the package does not hold');
    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8')) as {
      icon?: string;
      repository?: { url?: string } | string;
    };
    assert.ok(manifest.icon, 'package.json names an icon');
    const icon = files.get(`extension/${manifest.icon}`);
    assert.ok(icon, `${manifest.icon} is in the package`);
    const size = pngSize(icon);
    assert.ok(
      size && size.width >= 128 && size.height >= 128,
      `the icon is a PNG of at least 128×128: ${JSON.stringify(size)}`,
    );
    assert.ok(
      typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url,
      'package.json has a repository',
    );
    assert.match(
      files.get('extension.vsixmanifest')!.toString('utf8'),
      /Microsoft\.VisualStudio\.Services\.Icons\.Default/,
    );
  },
);
