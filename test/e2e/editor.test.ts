// The packaged extension in a real VS Code (code-server + Chromium), checked as a person would check
// it: open the sample corpus, hover, press F12 and Shift+F12, open the Problems panel, and read what
// the page shows. Started by test/e2e/run.sh, which serves the workbench and passes:
//   E2E_URL      http://127.0.0.1:PORT of the code-server it started
//   E2E_FOLDER   the workspace folder (a fresh copy of samples/)
//   E2E_RESULTS  where screenshots go (test-results/e2e)
// Each check saves test-results/e2e/<check-name>.png, passed or failed: the evidence that a person
// would see the same. Expected positions and files are computed from the sample texts on disk, so
// the checks follow the samples if they change.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { filesMentioning, findWord, lineOf, type LineCol } from './sample-text';
import { retry, Workbench } from './workbench';

const url = requiredEnv('E2E_URL');
const folder = requiredEnv('E2E_FOLDER');
const results = process.env.E2E_RESULTS ?? path.resolve('test-results', 'e2e');
/** How long one check waits for what it expects to appear. */
const WAIT = Number(process.env.E2E_WAIT_MS ?? 30_000);
/** The first check also waits for the extension host and the server to start. */
const START_WAIT = Number(process.env.E2E_START_WAIT_MS ?? 90_000);
/** Once the server is known not to have started, the other checks still run, but briefly. */
const WAIT_WITHOUT_SERVER = 5_000;
/** The server's line in its Output channel ("Corpus Annotator server ready"). */
const READY = /server\b.*\bready|ready\b.*\bserver/i;
/** What vscode-languageclient writes when the server cannot start or keeps dying. */
const START_FAILED =
  /couldn't create connection to server|startFailed|Server process exited|server crashed \d+ times|Connection to server got closed/i;

/** Set by the first check; the others wait less when the server is not there. */
let serverReady = false;
const wait = (): number => (serverReady ? WAIT : WAIT_WITHOUT_SERVER);

const CORPUS_FILE = 'corpus/000_4e54959011ade41e.txt';
const CONFLICT_FILE = 'variants/v01.txt';
/**
 * A reader's file (written below) where the engine takes a spa for an official. If the engine
 * stops making this mistake, the check says so (it asserts the mistake first): pick another.
 */
const FALSE_PERSON_FILE = 'corpus/reader-exercise.txt';
const ACRONYM = 'PARP';
const EXPANSION = 'Planning and Review Process';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run this suite through test/e2e/run.sh (npm run test:e2e)`);
  return value;
}

function sample(relative: string): string {
  return fs.readFileSync(path.join(folder, relative), 'utf8');
}

const where = (at: LineCol): string => `line ${at.line}, col ${at.col}`;

describe('Corpus Annotator in VS Code (code-server)', () => {
  let bench: Workbench;

  before(async () => {
    fs.writeFileSync(
      path.join(folder, FALSE_PERSON_FILE),
      'date 2021-03-04\nThe spa, known as Director Blue Lagoon, closed on Friday.\nBlue Lagoon reopened the next week.\n',
    );
    bench = await Workbench.open({ url, folder, screenshotDir: results });
  });

  after(async () => {
    await bench?.close();
  });

  /** Runs a check and saves its screenshot whatever the outcome. */
  async function check(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } finally {
      await bench.screenshot(name).catch(() => undefined);
    }
  }

  test('server-ready: the Output channel "Corpus Annotator" says the server is ready', () =>
    check('server-ready', async () => {
      // Opening a corpus file is what a user does first; it also activates the extension.
      await bench.openFile(CORPUS_FILE, START_WAIT);
      let lines: string[] = [];
      let failure: string | undefined;
      const ready = await retry(bench.page, START_WAIT, async () => {
        // The channel appears in the list only once the client has started.
        await bench.runCommand('Output: Show Output Channels...');
        const picked = await bench
          .pickQuickInput('Corpus Annotator', 2_000)
          .then(() => true)
          .catch(() => false);
        if (!picked) return undefined;
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline) {
          lines = await bench.outputLines();
          if (lines.some((l) => READY.test(l))) return true;
          // vscode-languageclient's own words when the server cannot be started or dies: no point
          // waiting longer.
          failure = lines.find((l) => START_FAILED.test(l));
          if (failure) return false;
          await bench.page.waitForTimeout(200);
        }
        return undefined;
      });
      serverReady = ready === true;
      const errors = lines.filter((l) => /\berror\b|exited|failed/i.test(l));
      assert.ok(
        serverReady,
        (failure
          ? 'The language server did not start. '
          : `The server did not say it is ready within ${START_WAIT / 1000} s. `) +
          (lines.length
            ? `The end of its Output channel "Corpus Annotator" shows: ` +
              `${JSON.stringify((errors.length ? errors : lines).slice(0, 12))} ` +
              '(test/e2e/run.sh prints the start of that channel after the run: the server’s own words are there)'
            : 'The channel "Corpus Annotator" never appeared in Output: Show Output Channels (the extension did not start?).'),
      );
    }));

  test('language-and-colours: the corpus file is "Corpus Text" and its dates, officials and acronyms are semantic tokens', () =>
    check('language-and-colours', async () => {
      await bench.openFile(CORPUS_FILE);
      const mode = await retry(bench.page, wait(), async () => {
        const text = await bench.statusBar('status.editor.mode');
        return text === 'Corpus Text' ? text : undefined;
      });
      assert.equal(
        mode ?? (await bench.statusBar('status.editor.mode')),
        'Corpus Text',
        'language mode in the status bar',
      );

      const text = sample(CORPUS_FILE);
      const dateLine = lineOf(text, 'April');
      const tokens: Array<{ what: string; at: LineCol; word: string }> = [
        { what: 'an acronym', at: findWord(text, lineOf(text, ACRONYM), ACRONYM), word: ACRONYM },
        { what: 'an official', at: findWord(text, 1, 'Hasanov'), word: 'Hasanov' },
        { what: 'a date', at: findWord(text, dateLine, 'April'), word: 'April' },
      ];
      // A plain word on the same line as the date, for the default colour.
      const plain = findWord(text, dateLine, 'meeting');
      const plainColour = await bench.colourAt(plain);
      for (const token of tokens) {
        await bench.goTo(token.at);
        // Coloured on screen...
        const colour = await retry(bench.page, wait(), async () => {
          const c = await bench.colourAt(token.at);
          return c && c !== plainColour ? c : undefined;
        });
        assert.ok(
          colour,
          `${token.word} (${token.what}, ${where(token.at)}) is drawn in the plain text colour ${plainColour}`,
        );
        // ...and by a semantic token, not only the TextMate grammar: VS Code's own token inspector
        // lists a "semantic token type" for it.
        const inspected = await retry(bench.page, wait(), async () => {
          await bench.runCommand('Developer: Inspect Editor Tokens and Scopes');
          const widget = bench.page.locator('.token-inspect-widget').first();
          await widget.waitFor({ timeout: 5_000 }).catch(() => undefined);
          const shown = (await widget.innerText().catch(() => '')) ?? '';
          if (/semantic token type/i.test(shown)) return shown; // left open for the screenshot
          await bench.page.keyboard.press('Escape');
          return undefined;
        });
        assert.ok(
          inspected,
          `${token.word} (${token.what}, ${where(token.at)}) has no semantic token ` +
            '(Developer: Inspect Editor Tokens and Scopes shows no "semantic token type")',
        );
      }
    }));

  test(`hover-${ACRONYM.toLowerCase()}: hovering ${ACRONYM} shows its expansion`, () =>
    check(`hover-${ACRONYM.toLowerCase()}`, async () => {
      await bench.openFile(CORPUS_FILE);
      const text = sample(CORPUS_FILE);
      const at = findWord(text, lineOf(text, ACRONYM), ACRONYM);
      await bench.goTo(at);
      const box = await bench.textBox(at, ACRONYM.length);
      const hover = bench.page.locator('.monaco-hover-content');
      let shown = '';
      const found = await retry(bench.page, wait(), async () => {
        // Move away and back: VS Code asks for a hover again only when the mouse moves onto a word.
        await bench.page.mouse.move(box.x + box.width / 2, box.y + box.height * 4);
        await bench.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await hover
          .filter({ hasText: EXPANSION })
          .first()
          .waitFor({ timeout: 3_000 })
          .catch(() => undefined);
        shown = (await hover.allInnerTexts().catch(() => [])).join(' | ');
        return shown.includes(EXPANSION) ? shown : undefined;
      });
      assert.ok(
        found,
        `Hovering ${ACRONYM} at ${where(at)} did not show "${EXPANSION}" within ${wait() / 1000} s; ` +
          (shown ? `the hover shows: ${JSON.stringify(shown.slice(0, 400))}` : 'no hover appeared'),
      );
    }));

  test('definition-hasanov: F12 on Hasanov (line 2) moves the cursor to Zakir Hasanov (line 1)', () =>
    check('definition-hasanov', async () => {
      await bench.openFile(CORPUS_FILE);
      const text = sample(CORPUS_FILE);
      const from = findWord(text, 2, 'Hasanov');
      const full = findWord(text, 1, 'Zakir');
      const fullEnd = findWord(text, 1, 'Hasanov').col + 'Hasanov'.length;
      const onTarget = (c: LineCol): boolean => c.line === full.line && c.col >= full.col && c.col <= fullEnd;
      let landed: LineCol | undefined;
      const moved = await retry(bench.page, wait(), async () => {
        await bench.goTo(from);
        await bench.page.keyboard.press('F12');
        landed = await bench.waitForCursor(onTarget, 3_000);
        return landed && onTarget(landed) ? landed : undefined;
      });
      assert.ok(
        moved,
        `F12 on Hasanov at ${where(from)} should move the cursor into "Zakir Hasanov" ` +
          `(line ${full.line}, col ${full.col}-${fullEnd}); the status bar shows ` +
          `${landed ? where(landed) : 'no cursor position'}`,
      );
    }));

  test(`references-${ACRONYM.toLowerCase()}: Shift+F12 on ${ACRONYM} lists every file that mentions it`, () =>
    check(`references-${ACRONYM.toLowerCase()}`, async () => {
      const expected = filesMentioning(folder, ACRONYM);
      assert.ok(expected.length >= 5, `the samples should mention ${ACRONYM} in several files: ${expected}`);
      await bench.openFile(CORPUS_FILE);
      const text = sample(CORPUS_FILE);
      const at = findWord(text, lineOf(text, ACRONYM), ACRONYM);
      let labels: string[] = [];
      const missing = (): string[] =>
        expected.filter((file) => !labels.some((label) => label.includes(`/${file}`)));
      await retry(bench.page, wait(), async () => {
        await bench.goTo(at);
        await bench.page.keyboard.press('Shift+F12');
        // The peek's tree lists one row per file ("N symbols in FILE, full path /...") and the
        // references of the first file below it.
        await bench.page
          .locator('.peekview-widget .monaco-list-row')
          .first()
          .waitFor({ timeout: 5_000 })
          .catch(() => undefined);
        labels = await bench.rowLabels('.peekview-widget');
        return missing().length === 0 ? labels : undefined;
      });
      assert.deepEqual(
        missing(),
        [],
        `References on ${ACRONYM} at ${where(at)} should list ${expected.join(', ')}; the peek shows ` +
          (labels.length ? JSON.stringify(labels.map((l) => l.slice(0, 120))) : 'nothing'),
      );
    }));

  test(`problems-date-conflict: the Problems panel shows the date conflict of ${CONFLICT_FILE} with its related locations`, () =>
    check('problems-date-conflict', async () => {
      await bench.openFile(CONFLICT_FILE);
      const text = sample(CONFLICT_FILE);
      // The conflicting claim: the year in the sentence about participation in the acronym's process.
      const line = text.split('\n').findIndex((l) => l.includes(ACRONYM) && /\b1998\b/.test(l)) + 1;
      assert.ok(line > 0, `${CONFLICT_FILE} should hold a sentence with ${ACRONYM} and 1998`);
      const year = findWord(text, line, '1998');

      const panelOpen = await bench.page.locator('.markers-panel').isVisible();
      if (!panelOpen) await bench.page.keyboard.press('Control+Shift+M');
      await bench.page.locator('.markers-panel').waitFor({ timeout: wait() });
      // The panel lists the whole workspace's problems in a virtual list that renders only what fits;
      // narrow it to the file with the panel's own filter (it takes a glob), as a person would.
      const filter = bench.page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
      await filter.fill(`**/${CONFLICT_FILE}`);

      let rows: string[] = [];
      let texts: string[] = [];
      const conflict = await retry(bench.page, wait(), async () => {
        rows = await bench.rowLabels('.markers-panel');
        texts = await bench.page.$$eval('.markers-panel .monaco-list-row', (r) =>
          r.map((e) => e.textContent ?? ''),
        );
        const index = texts.findIndex(
          (t, i) =>
            t.includes('date-conflict') &&
            rows[i].includes(`at line ${year.line} and character ${year.col}.`),
        );
        return index >= 0 ? index : undefined;
      });
      assert.ok(
        conflict !== undefined,
        `The Problems panel shows no date-conflict at ${CONFLICT_FILE} ${where(year)} (the 1998). It shows: ` +
          (rows.length ? JSON.stringify(rows.map((r) => r.slice(0, 160))) : 'no problems'),
      );
      const marker = rows[conflict];
      assert.match(marker, /^Warning:/, 'a date conflict is a warning');
      // The file row above the marker is v01.txt.
      const fileRow =
        rows
          .slice(0, conflict)
          .reverse()
          .find((r) => /problems? in file/i.test(r)) ?? '';
      assert.ok(
        fileRow.includes(path.basename(CONFLICT_FILE)),
        `the conflict is listed under ${JSON.stringify(fileRow)}`,
      );
      const count = /has references to (\d+) locations?/.exec(marker);
      assert.ok(count, `the conflict has no related locations: ${JSON.stringify(marker)}`);
      // Its related locations follow it: each names another file of the corpus.
      const related = rows.slice(conflict + 1, conflict + 1 + Number(count[1]));
      assert.equal(related.length, Number(count[1]), 'every related location is listed under the conflict');
      for (const r of related) {
        assert.match(r, / at line \d+ and character \d+ in \S+\.txt$/, `a related location: ${r}`);
        assert.ok(
          !r.endsWith(` in ${path.basename(CONFLICT_FILE)}`),
          `related location in another file: ${r}`,
        );
      }
    }));

  // ---------------------------------------------------------------- the readers' annotations

  /** What the hover on `word` at `at` shows once it contains `expect` (or the last text seen). */
  async function hoverText(at: LineCol, length: number, expect: (shown: string) => boolean): Promise<string> {
    const box = await bench.textBox(at, length);
    const hover = bench.page.locator('.monaco-hover-content');
    let shown = '';
    await retry(bench.page, wait(), async () => {
      await bench.page.mouse.move(box.x + box.width / 2, box.y + box.height * 4);
      await bench.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await hover
        .first()
        .waitFor({ timeout: 3_000 })
        .catch(() => undefined);
      shown = (await hover.allInnerTexts().catch(() => [])).join(' | ');
      return expect(shown) ? shown : undefined;
    });
    return shown;
  }

  /** Runs a command from the palette without pressing Escape first (that would drop the selection). */
  async function palette(title: string): Promise<void> {
    await bench.focusEditor();
    await bench.page.keyboard.press('Control+Shift+P');
    await bench.page.waitForSelector('.quick-input-widget', { state: 'visible', timeout: wait() });
    await bench.page.keyboard.insertText(title);
    await bench.pickQuickInput(title, wait());
  }

  /** Selects `length` characters from `at` with the keyboard. */
  async function select(at: LineCol, length: number): Promise<void> {
    await bench.goTo(at);
    for (let i = 0; i < length; i++) await bench.page.keyboard.press('Shift+ArrowRight');
  }

  const NOTE = 'Check the year against the 1997 minutes';

  test(`note-${ACRONYM.toLowerCase()}: a note on ${ACRONYM} stays on it after an edit above and a window reload`, () =>
    check(`note-${ACRONYM.toLowerCase()}`, async () => {
      await bench.openFile(CORPUS_FILE);
      let text = sample(CORPUS_FILE);
      const line = lineOf(text, ACRONYM);
      const at = findWord(text, line, ACRONYM);
      await select(at, ACRONYM.length);
      // the command opens a comment thread on the selection, as the light bulb's "Add note" does
      await palette('Corpus Annotator: Add Note to Selection');
      // the thread opens on the selection with its reply box; write in it as a person would
      const form = bench.page.locator('.review-widget .comment-form').first();
      await form.waitFor({ timeout: wait() });
      // the reply box shows its prompt until clicked ("Add a note…"), then an editor
      const input = bench.page.locator('.review-widget .comment-form .monaco-editor').first();
      if (!(await input.isVisible())) await form.click();
      await input.waitFor({ timeout: wait() });
      await input.click();
      await bench.page.keyboard.insertText(NOTE);
      // Ctrl+Enter runs the thread's first action: "Add Note"
      await bench.page.keyboard.press('Control+Enter');
      const store = path.join(folder, '.annotations', CORPUS_FILE + '.jsonl');
      const written = await retry(bench.page, wait(), async () =>
        fs.existsSync(store) && fs.readFileSync(store, 'utf8').includes(NOTE) ? true : undefined,
      );
      assert.ok(written, `the note was not written to ${store}`);
      // the note is a comment thread: VS Code's Comments panel lists it, with its author
      await bench.page.getByText(NOTE).first().waitFor({ timeout: wait() });
      await bench.screenshot('annotations-note-added');
      // a line of text typed above, saved
      await bench.goTo({ line: line - 1, col: 1 });
      await bench.page.keyboard.insertText('A sentence typed above the note. ');
      await bench.page.keyboard.press('Control+S');
      text =
        (await retry(bench.page, wait(), async () => {
          const now = sample(CORPUS_FILE);
          return now.includes('A sentence typed above the note.') ? now : undefined;
        })) ?? text;
      const savedAt = await retry(bench.page, wait(), async () => {
        const w3c = JSON.parse(fs.readFileSync(store, 'utf8').split('\n')[0]);
        const start = w3c.target.selector[1].start;
        return text.slice(start, start + ACRONYM.length) === ACRONYM ? start : undefined;
      });
      assert.ok(savedAt !== undefined, 'after the save, the store does not place the note on PARP');
      // reload the window: everything is read again from disk
      await bench.runCommand('Developer: Reload Window');
      await bench.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: START_WAIT });
      await bench.openFile(CORPUS_FILE, START_WAIT);
      const after = findWord(text, lineOf(text, ACRONYM), ACRONYM);
      await bench.goTo(after);
      const shown = await hoverText(after, ACRONYM.length, (s) => s.includes(NOTE) && s.includes(EXPANSION));
      assert.ok(
        shown.includes(NOTE) && shown.includes(EXPANSION),
        `after the reload, the hover on ${ACRONYM} at ${where(after)} should show the note and the expansion; it shows ${JSON.stringify(shown.slice(0, 300))}`,
      );
    }));

  test('tag-colour: a passage tagged "claim" is highlighted in the tag\'s colour', () =>
    check('tag-colour', async () => {
      await bench.openFile(CORPUS_FILE);
      const text = sample(CORPUS_FILE);
      const at = findWord(text, 1, 'Defence');
      const passage = 'Defence Minister';
      await select(at, passage.length);
      await palette('Corpus Annotator: Tag Selection As…');
      await bench.pickQuickInput('claim', wait());
      // #e5a50a at a quarter opacity, drawn behind the text
      const drawn = await retry(bench.page, wait(), async () => {
        const found = await bench.page.evaluate(() => {
          const { document, getComputedStyle } = globalThis as unknown as {
            document: {
              querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { width: number } }>;
            };
            getComputedStyle(e: unknown): { backgroundColor: string };
          };
          const nodes = Array.from(
            document.querySelectorAll(
              '.editor-group-container.active .monaco-editor .view-overlays div, .editor-group-container.active .monaco-editor .view-lines span',
            ),
          );
          return nodes.some(
            (n) =>
              /229, 165, 10/.test(getComputedStyle(n).backgroundColor) && n.getBoundingClientRect().width > 0,
          );
        });
        return found ? true : undefined;
      });
      await bench.page.keyboard.press('Escape');
      await bench.screenshot('annotations-tag');
      assert.ok(drawn, `"${passage}" tagged "claim" is not drawn in #e5a50a`);
    }));

  test('not-an-entity: a false person marked "not an entity" leaves hovers and references', () =>
    check('not-an-entity', async () => {
      await bench.openFile(FALSE_PERSON_FILE);
      const text = sample(FALSE_PERSON_FILE);
      const mentions = [findWord(text, 2, 'Blue'), findWord(text, 3, 'Blue')];
      const at = mentions[0];
      await bench.goTo(at);
      const before = await hoverText(at, 'Blue'.length, (s) => /Blue Lagoon · (person|official)/.test(s));
      assert.match(before, /Blue Lagoon · (person|official)/, 'the engine takes the spa for a person first');
      /**
       * Where Shift+F12 takes a person from the first mention: VS Code peeks at several
       * references, and goes straight to the only other one (the mention on line 3).
       */
      const references = async (): Promise<string> => {
        await bench.goTo(at);
        await bench.page.keyboard.press('Shift+F12');
        const other = mentions[1];
        const moved = await bench.waitForCursor((c) => c.line === other.line, 3_000);
        const peek = (
          await bench.page
            .locator('.peekview-widget')
            .allInnerTexts()
            .catch(() => [])
        ).join(' ');
        await bench.page.keyboard.press('Escape');
        return moved?.line === other.line ? `went to line ${other.line}` : peek;
      };
      const listed = await retry(bench.page, wait(), async () => {
        const shown = await references();
        return /went to line|2 references/.test(shown) ? shown : undefined;
      });
      assert.ok(listed, "before the correction, Shift+F12 finds the person's other mention");
      // the light bulb's correction at each mention, as a person picks it
      for (const mention of mentions) {
        await bench.goTo(mention);
        await bench.page.keyboard.press('Control+.');
        const action = bench.page
          .locator('.action-widget .monaco-list-row', { hasText: 'is not an entity' })
          .first();
        await action.waitFor({ timeout: wait() });
        // the keyboard, as in the light bulb's list: down to the correction, then Enter
        for (let k = 0; k < 20; k++) {
          const focused = await bench.page
            .locator('.action-widget .monaco-list-row.focused')
            .first()
            .getAttribute('aria-label')
            .catch(() => null);
          if (focused?.includes('is not an entity')) break;
          await bench.page.keyboard.press('ArrowDown');
        }
        await bench.page.keyboard.press('Enter');
        await hoverText(mention, 'Blue'.length, (s) => s.includes('not an entity'));
      }
      const after = await hoverText(
        at,
        'Blue'.length,
        (s) => s.includes('not an entity') && !/· (person|official)/.test(s),
      );
      await bench.screenshot('annotations-not-an-entity');
      assert.ok(
        after.includes('not an entity') && !/· (person|official)/.test(after),
        `after the correction the hover shows ${JSON.stringify(after.slice(0, 300))}`,
      );
      let shown = '';
      const gone = await retry(bench.page, wait(), async () => {
        shown = await references();
        return /went to line|references?\b/i.test(shown) ? undefined : true;
      });
      assert.ok(gone, `after the correction, Shift+F12 still shows ${JSON.stringify(shown.slice(0, 200))}`);
    }));

  test("annotations-view: the Explorer's Annotations view lists the note, the tag and the correction", () =>
    check('annotations-view', async () => {
      await bench.runCommand('Explorer: Focus on Annotations View');
      const view = bench.page
        .locator('.pane')
        .filter({ has: bench.page.locator('.pane-header', { hasText: 'Annotations' }) })
        .first();
      let rows: string[] = [];
      const listed = await retry(bench.page, wait(), async () => {
        rows = await view
          .locator('.monaco-list-row')
          .allInnerTexts()
          .catch(() => []);
        const all = rows.join(' | ');
        // a group for each tag, one for notes and one for corrections, with what they hold
        return all.includes('#claim') &&
          all.includes('Defence Minister') &&
          /Notes/.test(all) &&
          all.includes('not an entity')
          ? true
          : undefined;
      });
      await bench.openFile(CORPUS_FILE);
      await bench.screenshot('annotations');
      assert.ok(listed, `the Annotations view shows ${JSON.stringify(rows)}`);
    }));
});
