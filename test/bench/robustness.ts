// The robustness bench (issue 18): hostile files, the two bad configs (nested 200,000 deep,
// saved with a BOM), 256 KB of line breaks and N files that date one event in different ways
// through the command line, then the hostile files through the server, each with a time
// limit. Prints one line per run: exit code, seconds, peak memory.
//
//   npm run bench:robustness                    (CONFLICT_FILES=1000 by default; 0 skips)
//   CONFLICT_FILES=20000 CONFLICT_LIMIT_S=900 npm run bench:robustness
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/lspServer';
import { writeConflictCorpus } from './conflictCorpus';
import { REPO_ROOT } from './corpusBuilder';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const CONFLICT_FILES = Number(process.env.CONFLICT_FILES ?? 1000);
const SKIP_CLI = process.env.ROBUSTNESS_SERVER_ONLY === '1';
const CONFLICT_LIMIT_S = Number(process.env.CONFLICT_LIMIT_S ?? 600);

/** Hostile files: each a shape that once hung, crashed or went quadratic, at a size that shows it. */
export function hostileFiles(): Record<string, string | Buffer> {
  const kb = (unit: string, n: number) => unit.repeat(Math.ceil((n * 1024) / unit.length));
  return {
    'astral-capitals.txt': kb('𝔸 𝐀𝐁𝐂 𐐀 NATO 𝒜. ', 256),
    'empty-parens.txt': kb('NATO () ', 256),
    'open-parens.txt': kb('NATO ( ', 256),
    'line-breaks.txt': kb('\n', 256),
    'crlf.txt': kb('\r\n', 256),
    'question-marks.txt': kb('?', 256),
    'exclamations.txt': kb('!', 256),
    'full-stops.txt': kb('.', 256),
    'capital-lines.txt': kb('A\n', 256),
    'greek-lines.txt': kb('Ω\n', 256),
    'bidi-zero-width.txt': kb('\u202e\u2066NATO\u2069\u200b\u200d\u00ad 2019\u2028', 256),
    'marks.txt': kb('e\u0301\u0308 A\u0301B\u0301C (ABC) ', 256),
    'lone-surrogates.txt': kb('\ud835 NATO \udc00 (𝐀', 256),
    'brackets.txt': kb('([{<«（【"“‘', 256),
    'digits-slashes.txt': kb('04/05/2022 12/13/14 2019-02-30 31.12. ', 256),
    'mixed-1mb.txt': kb(
      'President 𝐉ane Doe said on Monday, March 5, 2019 that NATO (𝐍orth) met.\n\n?!.\u2029',
      1024,
    ),
    'binary.txt': Buffer.from([0, 1, 2, 3, 0xff, 0xfe]),
    'latin1.txt': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x39, 0x39, 0x37]),
    'ok.txt': 'Azerbaijan joined the Planning and Review Process (PARP) in 1997, the minister said.\n',
  };
}

function write(folder: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = join(folder, name);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Runs the CLI with a time limit; exit code, seconds, peak memory (from /usr/bin/time). */
function cli(label: string, args: string[], limitS: number): void {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, CLI, ...args], {
    encoding: 'utf8',
    timeout: limitS * 1000,
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  const rss = /maxrss=(\d+)/.exec(r.stderr ?? '')?.[1];
  const summary = (r.stderr ?? '').split('\n').find((l) => /files? checked/.test(l)) ?? '';
  const verdict = r.signal ? `KILLED after ${limitS} s limit` : `exit ${r.status}`;
  console.log(
    `${label.padEnd(34)} ${verdict.padEnd(22)} ${seconds.toFixed(1).padStart(7)} s ${rss ? `${Math.round(Number(rss) / 1024)} MB` : '?'}  ${summary}`,
  );
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'robustness-'));
  try {
    console.log('command line (check), each with a time limit:');
    const hostile = join(root, 'hostile', 'corpus');
    write(hostile, hostileFiles());
    if (!SKIP_CLI) runCli(root, hostile);
    await runServer();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function runCli(root: string, hostile: string): void {
  {
    cli('hostile files (19, 5.3 MB)', ['check', hostile], 120);
    const deep = join(root, 'deep');
    write(deep, {
      'corpus-annotator.json': '['.repeat(200_000) + ']'.repeat(200_000),
      'a.txt': 'The XQZ met in 1997.\n',
    });
    cli('config nested 200,000 deep', ['check', deep], 60);
    const bom = join(root, 'bom');
    write(bom, {
      'corpus-annotator.json': '\ufeff{ "glossary": { "XQZ": "Extra Quiet Zone" } }\n',
      'a.txt': 'The XQZ met in 1997.\n',
    });
    cli('config saved with a BOM', ['check', bom], 60);
    const breaks = join(root, 'breaks');
    write(breaks, { 'breaks.txt': '\n'.repeat(256 * 1024) });
    cli('256 KB of line breaks', ['check', breaks], 60);
    write(breaks, { 'breaks.txt': '\n'.repeat(1024 * 1024) });
    cli('1 MB of line breaks', ['check', breaks], 120);
    if (CONFLICT_FILES > 0) {
      const conflicts = writeConflictCorpus(CONFLICT_FILES, join(root, 'conflicts'));
      cli(`${CONFLICT_FILES} conflicting files of 1 KB`, ['check', conflicts], CONFLICT_LIMIT_S);
    }
  }
}

async function runServer(): Promise<void> {
  {
    console.log('server, on the hostile files:');
    const t0 = performance.now();
    const server = await startServer(
      Object.fromEntries(Object.entries(hostileFiles()).map(([k, v]) => [`corpus/${k}`, v as string])),
    );
    try {
      // the scan within its time limit (the helper's own wait is 10 s)
      for (let waited = 0; !server.logs.some((l) => /indexed \d+ files/.test(l)); waited += 100) {
        if (waited > 120_000) throw new Error('the scan of the hostile files did not end within 120 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const scanned = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      const hover = await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: server.uri('corpus/ok.txt') },
        position: { line: 0, character: 52 },
      });
      const hoverMs = performance.now() - t1;
      const indexed = server.logs.find((l) => /indexed \d+ files/.test(l));
      console.log(
        `${'scan of the hostile files'.padEnd(34)} ${scanned.toFixed(1)} s (${indexed}); a hover then: ${hoverMs.toFixed(0)} ms (${hover ? 'answered' : 'empty'})`,
      );
    } finally {
      await server.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
