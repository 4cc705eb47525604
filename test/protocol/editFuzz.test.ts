// An edit fuzz over the real server (issue 18): random edits of hostile text into open files,
// bursts without waiting, requests in between, close and reopen; at each checkpoint every
// file's published diagnostics, their related information included, must equal what a fresh
// server says about the same texts. `npm test` runs 60 edits (two checkpoints);
// FUZZ_EDITS=10000 (checkpoints every FUZZ_CHECKPOINT edits, 500 by default) makes a long run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { HOSTILE_ATOMS } from '../support/hostileText';
import { startServer, type TestServer } from '../support/lspServer';

const EDITS = Number(process.env.FUZZ_EDITS) || 60;
const CHECKPOINT = Number(process.env.FUZZ_CHECKPOINT) || (EDITS > 100 ? 500 : 30);
const SEED = Number(process.env.FUZZ_SEED) || 18;

/** Deterministic random numbers (mulberry32), so a failure can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START: Record<string, string> = {
  'corpus/a.txt': 'Azerbaijan joined the Planning and Review Process (PARP) in 1997, the minister said.\n',
  'corpus/b.txt': 'BAKU - Azerbaijan joined PARP in 1998, officials said.\nPresident Ilham Aliyev spoke.\n',
  'corpus/c.txt': 'In 1997, Azerbaijan joined PARP. Aliyev said so on Monday, March 5, 2019.\n',
  'corpus/d.txt': 'Azerbaijan joined PARP in 1999.\n',
};
const OPEN = ['corpus/a.txt', 'corpus/b.txt', 'corpus/c.txt'];
const PIECES = [...HOSTILE_ATOMS, ' in 1998', ' in 1997', '\n', '\n\n', 'joined PARP in 2001. ', 'Aliyev '];

/** LSP position of `offset`: lines end at \n, \r\n or \r (as the server's documents count them). */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < offset) continue;
    if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** An offset that neither splits a surrogate pair nor a CRLF. */
function safeOffset(text: string, offset: number): number {
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return offset - 1;
  if (before === 13 && at === 10) return offset - 1;
  return offset;
}

function normalise(server: TestServer, all: Map<string, PublishDiagnosticsParams>, files: string[]): string {
  const rel = (uri: string) => uri.slice(server.uri('').length);
  const shape = (d: Diagnostic) => ({
    range: d.range,
    code: d.code,
    message: d.message,
    related: (d.relatedInformation ?? []).map((r) => [rel(r.location.uri), r.location.range, r.message]),
  });
  return JSON.stringify(
    files.map((f) => [f, (all.get(server.uri(f))?.diagnostics ?? []).map(shape)]),
    null,
    1,
  );
}

/** Resolves once the server has published nothing for `quietMs`. */
async function quiet(server: TestServer, quietMs = 400): Promise<void> {
  let count = server.publishCount();
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = server.publishCount();
    if (now === count) return;
    count = now;
  }
}

test(
  `edit fuzz over the server: ${EDITS} edits, other files' diagnostics compared`,
  { timeout: 60 * 60_000 },
  async () => {
    const rand = random(SEED);
    const texts: Record<string, string> = { ...START };
    const files = Object.keys(texts);
    const server = await startServer(texts);
    let checkpoints = 0;
    try {
      await server.logged(/indexed \d+ files/);
      const versions: Record<string, number> = {};
      const open = async (f: string) => {
        versions[f] = (versions[f] ?? 0) + 1;
        await server.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri: server.uri(f), languageId: 'corpus', version: versions[f], text: texts[f] },
        });
      };
      for (const f of OPEN) await open(f);
      for (let i = 1; i <= EDITS; i++) {
        const f = OPEN[Math.floor(rand() * OPEN.length)];
        const t = texts[f];
        const r = rand();
        if (r < 0.03) {
          // close and reopen at once, as a change of language mode does (same buffer text)
          void server.connection.sendNotification('textDocument/didClose', {
            textDocument: { uri: server.uri(f) },
          });
          await open(f);
        } else {
          const start = safeOffset(t, Math.floor(rand() * (t.length + 1)));
          const end = safeOffset(t, Math.min(t.length, start + (rand() < 0.5 ? 0 : Math.floor(rand() * 8))));
          const piece = rand() < 0.2 ? '' : PIECES[Math.floor(rand() * PIECES.length)];
          const insert = start === end && piece === '' ? 'x' : piece;
          const range = { start: positionAt(t, start), end: positionAt(t, Math.max(start, end)) };
          texts[f] = t.slice(0, start) + insert + t.slice(Math.max(start, end));
          versions[f]++;
          void server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: server.uri(f), version: versions[f] },
            contentChanges: [{ range, text: insert }],
          });
          if (rand() < 0.1)
            await server.connection.sendRequest('textDocument/hover', {
              textDocument: { uri: server.uri(f) },
              position: positionAt(texts[f], Math.floor(rand() * texts[f].length)),
            });
        }
        if (i % CHECKPOINT === 0 || i === EDITS) {
          for (const f of OPEN)
            await server.connection.sendRequest('textDocument/documentSymbol', {
              textDocument: { uri: server.uri(f) },
            });
          await quiet(server);
          const fresh = await startServer(texts);
          try {
            await fresh.logged(/indexed \d+ files/);
            await fresh.progressEnded();
            // the open files as buffers, as the server under test holds them: written to disk,
            // a lone surrogate the fuzz typed would come back as U+FFFD
            for (const f of OPEN)
              await fresh.connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri: fresh.uri(f), languageId: 'corpus', version: 1000, text: texts[f] },
              });
            // (the files that quote an open buffer are published again a second after it changed)
            await quiet(fresh, 1500);
            const got = normalise(server, server.allDiagnostics(), files);
            const want = normalise(fresh, fresh.allDiagnostics(), files);
            assert.equal(
              got,
              want,
              `checkpoint after ${i} edits (seed ${SEED}); texts: ${JSON.stringify(texts)}`,
            );
            checkpoints++;
          } finally {
            await fresh.stop();
          }
        }
      }
    } finally {
      await server.stop();
    }
    console.log(`edit fuzz: ${EDITS} edits, ${checkpoints} checkpoints equal to a fresh server`);
  },
);
