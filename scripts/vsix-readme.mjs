// Writes dist/README.vsix.md: the README as the extension's details page in VS Code shows it.
//
// That page renders the README in a webview whose Content-Security-Policy allows images only
// from `https:` and `data:` and that has no base URL, so an image given by a path relative to
// the repository (`docs/images/hover-parp.png`) is broken for every extension installed from a
// .vsix. Here each such image becomes a `data:` URL of the file itself, and a link to another
// file of the repository (which the .vsix does not hold) becomes its plain text. Code blocks
// are left alone. What lies between `<!-- clone-only` and `<!-- /clone-only -->` (the commands
// a developer runs in a clone) is left out: the page is for people installing the extension.
// A missing image stops the packaging instead of shipping a broken page.
//
//   node scripts/vsix-readme.mjs [README.md] [dist/README.vsix.md]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const source = path.resolve(root, process.argv[2] ?? 'README.md');
const target = path.resolve(root, process.argv[3] ?? 'dist/README.vsix.md');

const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };
const isRelative = (link) => !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('#');

/** `![alt](path)` and `[text](path)`, the link without a title part. */
const LINK = /(!?)\[([^\]]*)\]\(([^)\s]+)\)/g;

function rewrite(line) {
  return line.replace(LINK, (all, bang, text, link) => {
    if (!isRelative(link)) return all;
    if (!bang) return text; // a file of the repository: not in the .vsix
    const file = path.resolve(path.dirname(source), decodeURI(link));
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!type) throw new Error(`${link}: only PNG, JPEG and GIF images can be embedded`);
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new Error(`the README shows ${link}, which does not exist`);
    }
    return `![${text}](data:${type};base64,${bytes.toString('base64')})`;
  });
}

try {
  let fenced = false;
  let cloneOnly = false;
  const out = readFileSync(source, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (!fenced && /^<!-- clone-only\b/.test(line)) cloneOnly = true;
      if (cloneOnly) {
        if (/^<!-- \/clone-only -->/.test(line)) cloneOnly = false;
        return [];
      }
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      return [fenced || /^( {4}|\t)/.test(line) ? line : rewrite(line)];
    })
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n{3,}/g, '\n\n');
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, out);
  console.log(`${path.relative(root, target)}: the README with its images embedded, for the .vsix`);
} catch (error) {
  console.error(`vsix-readme: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
