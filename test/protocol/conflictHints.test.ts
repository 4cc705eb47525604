// In the editor, the sources that agree get a hint pointing at the outlier only when they are
// few: with many, the outlier's warning lists them, and a hint in each is noise.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../support/lspServer';

const conflicts = (d: PublishDiagnosticsParams) => d.diagnostics.filter((x) => x.code === 'date-conflict');

function corpus(agreeing: number): Record<string, string> {
  const files: Record<string, string> = {
    'corpus-annotator.json': '{"glossary":{}}\n',
    'out.txt': 'Ruritania joined the Planning and Review Process (PARP) in 1998.\n',
  };
  for (let i = 0; i < agreeing; i++)
    files[`a${String(i).padStart(2, '0')}.txt`] =
      'Ruritania joined the Planning and Review Process (PARP) in 1997.\n';
  return files;
}

describe('hints on the sources that agree', () => {
  for (const [agreeing, hinted] of [
    [3, true],
    [13, false],
  ] as const) {
    test(`${agreeing} sources agree: ${hinted ? 'each gets a hint' : 'none gets a hint'}; the outlier is warned`, async () => {
      const server = await startServer(corpus(agreeing));
      try {
        await server.logged(/indexed \d+ files/);
        const out = await server.diagnostics('out.txt', (p) => conflicts(p).length > 0);
        assert.equal(conflicts(out)[0].severity, 2);
        assert.match(
          conflicts(out)[0].message as string,
          new RegExp(`1998 here; 1997 in ${agreeing} other documents`),
        );
        // opened, a file is published even with nothing to say
        await server.connection.sendNotification('textDocument/didOpen', {
          textDocument: {
            uri: server.uri('a00.txt'),
            languageId: 'corpus',
            version: 1,
            text: corpus(1)['a00.txt'],
          },
        });
        const a = await server.diagnostics('a00.txt', () => true);
        assert.deepEqual(
          conflicts(a).map((c) => c.severity),
          hinted ? [4] : [],
        );
      } finally {
        assert.equal(await server.stop(), 0);
      }
    });
  }
});
