// What a first-time user meets (issue 17), in a real VS Code (code-server): prose without boxes
// around its curly quotes, the extension's details page with its README, icon and images, and two
// flows: Declare Folder as Corpus (the folder's problems appear without opening its files) and
// the quick fix that restores a dismissed date conflict from corpus-annotator.json. Started by
// test/e2e/run.sh after editor.test.js (same environment variables); screenshots in E2E_RESULTS:
//   prose-curly-quotes.png, extension-details.png, extension-details-images.png,
//   declare-folder.png, dismiss-conflict.png, restore-conflict.png
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Frame } from 'playwright-core';
import { findWord } from './sample-text';
import { retry, Workbench } from './workbench';

const url = requiredEnv('E2E_URL');
const folder = requiredEnv('E2E_FOLDER');
const results = process.env.E2E_RESULTS ?? path.resolve('test-results', 'e2e');
const WAIT = Number(process.env.E2E_WAIT_MS ?? 30_000);
const START_WAIT = Number(process.env.E2E_START_WAIT_MS ?? 90_000);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run this suite through test/e2e/run.sh (npm run test:e2e)`);
  return value;
}

/** The page's globals the in-page functions use (the project compiles without lib "dom"). */
interface PageImage {
  naturalWidth: number;
  complete: boolean;
  src: string;
  scrollIntoView(): void;
}
interface PageGlobals {
  document: {
    querySelector(s: string): { textContent: string | null; tagName: string } | null;
    images: Iterable<PageImage>;
  };
}

/** Rows of the Problems panel (text and aria-label), narrowed with its filter to `glob`. */
async function problems(bench: Workbench, glob: string): Promise<string[]> {
  const page = bench.page;
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ timeout: WAIT });
  const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
  if ((await filter.inputValue()) !== glob) await filter.fill(glob);
  const labels = await bench.rowLabels('.markers-panel');
  const texts = await page.$$eval('.markers-panel .monaco-list-row', (r) =>
    r.map((e) => e.textContent ?? ''),
  );
  return labels.map((l, i) => `${l} ${texts[i] ?? ''}`);
}

/** Waits until the Problems rows for `glob` satisfy `accept`; returns them (or the last seen). */
async function waitForProblems(
  bench: Workbench,
  glob: string,
  accept: (rows: string[]) => boolean,
  timeout = WAIT,
): Promise<{ ok: boolean; rows: string[] }> {
  let rows: string[] = [];
  const ok = await retry(bench.page, timeout, async () => {
    rows = await problems(bench, glob);
    return accept(rows) ? true : undefined;
  });
  return { ok: ok === true, rows };
}

/** Opens the quick fixes at the cursor (Ctrl+.) and picks the one titled `title`. */
async function quickFix(bench: Workbench, title: string): Promise<string[]> {
  const page = bench.page;
  let seen: string[] = [];
  const picked = await retry(page, WAIT, async () => {
    await bench.focusEditor();
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
    seen = (await menu.allInnerTexts().catch(() => [])).flatMap((t) => t.split('\n')).filter(Boolean);
    const item = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    if ((await item.count()) === 0) {
      await page.keyboard.press('Escape');
      return undefined;
    }
    // the keyboard, as a person does after Ctrl+.: down to the fix, then Enter
    for (let i = 0; i < 10; i++) {
      const focused = page.locator('.action-widget .monaco-list-row.focused').first();
      if (((await focused.getAttribute('aria-label').catch(() => null)) ?? '').startsWith(title)) {
        await page.keyboard.press('Enter');
        return true;
      }
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Escape');
    return undefined;
  });
  assert.ok(picked, `Ctrl+. offers no "${title}"; it shows: ${JSON.stringify(seen)}`);
  return seen;
}

describe('A first-time user in VS Code (code-server)', () => {
  let bench: Workbench;
  const check = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
    } finally {
      await bench.screenshot(name).catch(() => undefined);
    }
  };

  before(async () => {
    bench = await Workbench.open({ url, folder, screenshotDir: results });
  });
  after(async () => {
    await bench?.close();
  });

  test('prose-curly-quotes: a corpus file with curly apostrophes shows no boxes, no bracket colours, and wraps', () =>
    check('prose-curly-quotes', async () => {
      const file = 'corpus/000_4e54959011ade41e.txt';
      await bench.openFile(file, START_WAIT);
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      const line = text.split('\n').findIndex((l) => l.includes('’') && l.includes('(')) + 1;
      assert.ok(line > 0, 'the sample has a line with a curly apostrophe and a parenthesis');
      await bench.goTo({ line, col: 1 });
      // the language is set by the extension once it runs: the defaults are the language's
      const mode = await retry(bench.page, START_WAIT, async () =>
        (await bench.statusBar('status.editor.mode')) === 'Corpus Text' ? true : undefined,
      );
      assert.ok(mode, `the file is not "Corpus Text" but ${await bench.statusBar('status.editor.mode')}`);
      const editor = bench.page.locator('.editor-group-container.active .monaco-editor').first();
      // VS Code draws its ambiguous-character box as a `unicode-highlight` decoration, and a
      // coloured bracket with a `bracket-highlighting-N` class
      const boxes = await editor.locator('.unicode-highlight').count();
      assert.equal(boxes, 0, `${boxes} characters are boxed as ambiguous (’ is ordinary in prose)`);
      const brackets = await editor.locator('[class*="bracket-highlighting-"]').count();
      assert.equal(brackets, 0, `${brackets} brackets are coloured in pairs`);
      // word wrap: the long line takes more than one screen row
      const rows = await bench.page.evaluate((n) => {
        const { document } = globalThis as unknown as {
          document: {
            querySelectorAll(
              s: string,
            ): Iterable<{ textContent: string | null; getBoundingClientRect(): { top: number } }>;
          };
        };
        const numbers = [
          ...document.querySelectorAll('.editor-group-container.active .margin-view-overlays .line-numbers'),
        ];
        const top = (k: number) =>
          numbers.find((e) => e.textContent?.trim() === String(k))?.getBoundingClientRect().top;
        const a = top(n);
        const b = top(n + 1);
        // one screen row: the height of a rendered line of text
        const row = [
          ...document.querySelectorAll('.editor-group-container.active .view-lines > .view-line'),
        ][0] as { getBoundingClientRect(): { top: number; height?: number } } | undefined;
        const height = row?.getBoundingClientRect().height ?? 0;
        return a !== undefined && b !== undefined && height > 0 ? Math.round((b - a) / height) : -1;
      }, line);
      const length = text.split('\n')[line - 1].length;
      if (length > 200)
        assert.ok(rows > 1, `line ${line} (${length} characters) is not wrapped: ${rows} row(s)`);
    }));

  test('extension-details: the details page shows the icon, the README from its title, and its images', () =>
    check('extension-details', async () => {
      const page = bench.page;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+X');
      await page.locator('.extensions-viewlet .monaco-editor textarea').first().waitFor({ timeout: WAIT });
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('@installed corpus annotator');
      const row = page
        .locator('.extensions-viewlet .monaco-list-row', { hasText: 'Corpus Annotator' })
        .first();
      await row.waitFor({ timeout: WAIT });
      await row.click();
      await page.locator('.extension-editor').waitFor({ timeout: WAIT });
      await page.mouse.move(900, 990); // away from the list's hover card
      const icon = page.locator('.extension-editor .header img.icon').first();
      await icon.waitFor({ timeout: WAIT });
      const iconWidth = await retry(page, WAIT, async () => {
        const w = await icon.evaluate((i) => (i as unknown as PageImage).naturalWidth);
        return w > 0 ? w : undefined;
      });
      assert.ok(iconWidth, 'the extension has no icon (or it does not load)');
      // the README is in a webview: a frame of its own
      let readme: Frame | undefined;
      let state: { first: string; images: [number, boolean][] } | undefined;
      await retry(page, WAIT, async () => {
        for (const frame of page.frames()) {
          const s = await frame
            .evaluate(() => {
              const { document } = globalThis as unknown as PageGlobals;
              if (document.querySelector('h1')?.textContent !== 'Corpus Annotator') return undefined;
              // the first block of the page (anchors aside)
              const first = document.querySelector('h1, h2, h3, p, pre, ul, ol, table, blockquote');
              return {
                first: `${first?.tagName ?? ''} ${first?.textContent ?? ''}`,
                images: [...document.images].map((i) => [i.naturalWidth, i.complete] as [number, boolean]),
              };
            })
            .catch(() => undefined);
          if (s && s.images.length > 0 && s.images.every(([, complete]) => complete)) {
            readme = frame;
            state = s;
            return true;
          }
        }
        return undefined;
      });
      assert.ok(readme && state, 'the details page shows no README titled "Corpus Annotator" with images');
      assert.equal(state.first, 'H1 Corpus Annotator', 'the README starts with its title');
      assert.ok(state.images.length >= 2, `${state.images.length} images`);
      state.images.forEach(([width], i) => assert.ok(width > 0, `image ${i + 1} of the README is broken`));
      await readme
        .evaluate(() => [...(globalThis as unknown as PageGlobals).document.images][0]?.scrollIntoView())
        .catch(() => undefined);
      await bench.screenshot('extension-details-images');
      await readme.evaluate(() =>
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
      );
    }));
});

describe('Declare Folder as Corpus, and restoring a dismissed conflict (code-server)', () => {
  let bench: Workbench;
  let workspace: string;
  const check = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
    } finally {
      await bench.screenshot(name).catch(() => undefined);
    }
  };
  const A = 'Freedonia joined the Grain Exchange Programme (GEP) in 1996.\n';
  const B = 'Freedonia joined the Grain Exchange Programme (GEP) in 1995.\n';
  const REPORT = 'By Test Writer\nThe talks ended on February 30, 2019, in the capital.\n';

  before(async () => {
    // a workspace of its own: a declared corpus (corpus/) beside a folder that is not one yet
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-annotator-e2e-first-use-'));
    fs.mkdirSync(path.join(workspace, 'corpus'));
    fs.mkdirSync(path.join(workspace, 'notes'));
    fs.writeFileSync(
      path.join(workspace, 'corpus', 'corpus-annotator.json'),
      '{\n  "glossary": {},\n  "dismissedConflicts": []\n}\n',
    );
    fs.writeFileSync(path.join(workspace, 'corpus', 'a.txt'), A);
    fs.writeFileSync(path.join(workspace, 'corpus', 'b.txt'), B);
    fs.writeFileSync(path.join(workspace, 'notes', 'report.txt'), REPORT);
    bench = await Workbench.open({ url, folder: workspace, screenshotDir: results });
  });
  after(async () => {
    await bench?.close();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('declare-folder: its files’ problems appear at once, none of them opened', () =>
    check('declare-folder', async () => {
      // the server is up once the corpus's conflict is listed
      const ready = await waitForProblems(
        bench,
        '**/corpus/a.txt',
        (r) => r.some((x) => x.includes('date-conflict')),
        START_WAIT,
      );
      assert.ok(ready.ok, `the corpus's date conflict never showed: ${JSON.stringify(ready.rows)}`);
      const before = await problems(bench, '**/notes/*');
      assert.ok(
        !before.some((r) => r.includes('invalid-date')),
        `notes/ is not a corpus yet: ${JSON.stringify(before)}`,
      );
      // the Explorer's context menu on the folder, as a person would
      await bench.page.keyboard.press('Escape');
      await bench.page.keyboard.press('Control+Shift+E');
      const notes = bench.page
        .locator('.explorer-folders-view .monaco-list-row', { hasText: /^notes$/ })
        .first();
      await notes.waitFor({ timeout: WAIT });
      const written = path.join(workspace, 'notes', 'corpus-annotator.json');
      const declared = await retry(bench.page, WAIT, async () => {
        await bench.page.keyboard.press('Escape');
        await notes.click({ button: 'right' });
        const item = bench.page
          .locator('.monaco-menu .action-item', { hasText: 'Declare Folder as Corpus' })
          .first();
        await item.waitFor({ timeout: 5_000 });
        if (!(await bench.clickMenuItem(item))) return undefined;
        // the command has run once it has written the file
        for (let i = 0; i < 25 && !fs.existsSync(written); i++) await bench.page.waitForTimeout(200);
        return fs.existsSync(written) ? true : undefined;
      });
      assert.ok(
        declared,
        'Declare Folder as Corpus (Explorer context menu on notes/) wrote no notes/corpus-annotator.json',
      );
      const after = await waitForProblems(bench, '**/notes/*', (r) =>
        r.some((x) => x.includes('invalid-date')),
      );
      assert.ok(
        after.ok,
        `after Declare Folder as Corpus, notes/report.txt (not open) shows no invalid-date: ${JSON.stringify(after.rows)}`,
      );
    }));

  test('dismiss-conflict and restore-conflict: Ctrl+. in corpus-annotator.json brings a dismissed conflict back', async () => {
    await check('dismiss-conflict', async () => {
      await bench.openFile('corpus/a.txt');
      await bench.goTo(findWord(A, 1, '1996'));
      await quickFix(bench, 'Dismiss this date conflict');
      const gone = await waitForProblems(
        bench,
        '**/corpus/a.txt',
        (r) => !r.some((x) => x.includes('date-conflict')),
      );
      assert.ok(gone.ok, `the dismissed conflict is still listed: ${JSON.stringify(gone.rows)}`);
    });
    await check('restore-conflict', async () => {
      await bench.openFile('corpus/corpus-annotator.json');
      const config = await retry(bench.page, WAIT, async () => {
        const line = await bench.lineText(1);
        return line.includes('{') ? true : undefined;
      });
      assert.ok(config, 'corpus-annotator.json did not open');
      // the entry the dismissal added: the buffer the quick fix edited (unsaved), as the user sees it
      let entry = 0;
      for (let n = 1; n <= 20 && !entry; n++) if ((await bench.lineText(n)).includes('"id"')) entry = n;
      assert.ok(entry > 0, 'corpus-annotator.json holds no dismissed conflict');
      await bench.goTo({ line: entry, col: 5 });
      await quickFix(bench, 'Restore this dismissed date conflict');
      const back = await waitForProblems(bench, '**/corpus/a.txt', (r) =>
        r.some((x) => x.includes('date-conflict')),
      );
      assert.ok(back.ok, `the restored conflict is not listed again: ${JSON.stringify(back.rows)}`);
    });
  });
});
