// Drives VS Code's workbench (served by code-server) in Debian's Chromium through playwright-core,
// the way a person would: keyboard shortcuts, the mouse over a word, and reading back what the page
// shows. Every wait is on something visible (a selector, a text), bounded by a timeout; nothing
// sleeps for a fixed time. See docs/testing-in-editors.md for why code-server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { escapeRegExp, type LineCol } from './sample-text';

/** The flags from the recipe: no sandbox (root), no GPU, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The few browser types the in-page functions below use. The project compiles without lib "dom" on
// purpose (no server code may reach for browser globals), so each in-page function takes the
// page's globals from `globalThis` under these types. They are erased at compile time; the
// functions themselves are serialised by Playwright and run in the page.
interface PageRect {
  x: number;
  y: number;
  top: number;
  width: number;
  height: number;
}
interface PageElement {
  textContent: string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  getBoundingClientRect(): PageRect;
  getAttribute(name: string): string | null;
  focus(): void;
}
interface PageNode {
  textContent: string | null;
}
interface PageRange {
  setStart(node: PageNode, offset: number): void;
  setEnd(node: PageNode, offset: number): void;
  getBoundingClientRect(): PageRect;
}
interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null;
    createTreeWalker(root: PageElement, whatToShow: number): { nextNode(): PageNode | null };
    createRange(): PageRange;
    elementFromPoint(x: number, y: number): PageElement | null;
  };
  getComputedStyle(element: PageElement): { color: string };
}
/** NodeFilter.SHOW_TEXT */
const SHOW_TEXT = 4;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  static async open(options: { url: string; folder: string; screenshotDir: string }): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    fs.mkdirSync(options.screenshotDir, { recursive: true });
    await page.goto(`${options.url}/?folder=${encodeURIComponent(options.folder)}`);
    // The workbench is usable once the Explorer lists the folder's entries.
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    return new Workbench(browser, page, options.screenshotDir);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P), as a person who knows its name would. */
  async openFile(relativePath: string, timeout = 20_000): Promise<void> {
    const base = path.basename(relativePath);
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    await this.page.waitForSelector('.quick-input-widget', { state: 'visible', timeout });
    await this.page.keyboard.insertText(relativePath);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
    await row.waitFor({ timeout });
    await row.click();
    await this.page
      .locator('.editor-group-container.active .tab.active', { hasText: base })
      .waitFor({ timeout });
    await this.page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines .view-line', {
      timeout,
    });
  }

  /** Text of a status bar entry, e.g. 'status.editor.selection' or 'status.editor.mode'. */
  async statusBar(id: string): Promise<string> {
    const item = this.page.locator(`[id="${id}"]`);
    return ((await item.count()) > 0 ? await item.first().textContent() : '')?.trim() ?? '';
  }

  /** Cursor position read from the status bar ("Ln 13, Col 68"), or undefined if absent. */
  async cursor(): Promise<LineCol | undefined> {
    const m = /Ln (\d+), Col (\d+)/.exec(await this.statusBar('status.editor.selection'));
    return m ? { line: Number(m[1]), col: Number(m[2]) } : undefined;
  }

  /** Waits until the status bar shows a cursor position accepted by `accept`; returns it. */
  async waitForCursor(accept: (at: LineCol) => boolean, timeout: number): Promise<LineCol | undefined> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const at = await this.cursor();
      if (at && accept(at)) return at;
      if (Date.now() > deadline) return at;
      await this.page.waitForTimeout(100);
    }
  }

  /** Moves the cursor with Go to Line (Ctrl+G) and waits until the status bar shows it. */
  async goTo(at: LineCol, timeout = 10_000): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.page.waitForSelector('.quick-input-widget', { state: 'visible', timeout });
    await this.page.keyboard.insertText(`${at.line}:${at.col}`);
    await this.page.keyboard.press('Enter');
    const reached = await this.waitForCursor((c) => c.line === at.line && c.col === at.col, timeout);
    if (!reached || reached.line !== at.line || reached.col !== at.col) {
      throw new Error(`Go to Line ${at.line}:${at.col} left the cursor at ${JSON.stringify(reached)}`);
    }
  }

  /** Gives the keyboard to the active editor without moving its cursor. */
  async focusEditor(): Promise<void> {
    await this.page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const input = document.querySelector(
        '.editor-group-container.active .monaco-editor textarea.inputarea, .editor-group-container.active .monaco-editor .native-edit-context',
      );
      input?.focus();
    });
  }

  /**
   * Screen box of `length` characters at 1-based `at` in the active editor, measured on the rendered
   * text (a DOM Range over the line's text nodes), so it is right whatever the font. The line must
   * be on screen: call goTo first, which reveals it.
   */
  async textBox(at: LineCol, length: number): Promise<Box> {
    const box = await this.page.evaluate(
      ({ line, col, length, showText }) => {
        const { document } = globalThis as unknown as PageGlobals;
        const editor = document.querySelector('.editor-group-container.active .monaco-editor');
        if (!editor) return 'no active editor';
        // Rendered lines are recycled and not in line order: pair a line with its line number by
        // their vertical position.
        const number = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find(
          (n) => n.textContent?.trim() === String(line),
        );
        if (!number) return `line ${line} is not on screen`;
        const top = number.getBoundingClientRect().top;
        const viewLine = [...editor.querySelectorAll('.view-lines > .view-line')].find(
          (l) => Math.abs(l.getBoundingClientRect().top - top) < 2,
        );
        if (!viewLine) return `no rendered text for line ${line}`;
        const walker = document.createTreeWalker(viewLine, showText);
        const range = document.createRange();
        let offset = 0;
        let started = false;
        const start = col - 1;
        const end = start + length;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const size = node.textContent?.length ?? 0;
          if (!started && start < offset + size) {
            range.setStart(node, start - offset);
            started = true;
          }
          if (started && end <= offset + size) {
            range.setEnd(node, end - offset);
            const r = range.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }
          offset += size;
        }
        return `line ${line} has only ${offset} characters on screen`;
      },
      { ...at, length, showText: SHOW_TEXT },
    );
    if (typeof box === 'string') throw new Error(box);
    return box;
  }

  /** The rendered text of the active editor's line, with VS Code's no-break spaces made plain. */
  async lineText(line: number): Promise<string> {
    const box = await this.textBox({ line, col: 1 }, 0).catch(() => undefined);
    if (!box) return '';
    return this.page.evaluate((y) => {
      const { document } = globalThis as unknown as PageGlobals;
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const viewLine = [...(editor?.querySelectorAll('.view-lines > .view-line') ?? [])].find(
        (l) => Math.abs(l.getBoundingClientRect().top - y) < 2,
      );
      return (viewLine?.textContent ?? '').replace(/\u00a0/g, ' ');
    }, box.y);
  }

  /** The CSS colour of the rendered token holding the character at `at`. */
  async colourAt(at: LineCol): Promise<string> {
    const box = await this.textBox(at, 1);
    return this.page.evaluate(
      ({ x, y }) => {
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        const element = document.elementFromPoint(x, y);
        return element ? getComputedStyle(element).color : '';
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
  }

  /** The rendered lines of the Output panel's channel, top to bottom (only those on screen). */
  async outputLines(): Promise<string[]> {
    return this.page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const view = document.querySelector('.part.panel .output-view .monaco-editor .view-lines');
      if (!view) return [];
      return [...view.querySelectorAll('.view-line')]
        .map((l) => ({
          top: l.getBoundingClientRect().top,
          text: (l.textContent ?? '').replace(/\u00a0/g, ' '),
        }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text);
    });
  }

  /** Runs a command from the Command Palette (F1) by its title, choosing the exact title. */
  async runCommand(title: string, timeout = 10_000): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector('.quick-input-widget', { state: 'visible', timeout });
    await this.page.keyboard.insertText(title);
    await this.pickQuickInput(title, timeout);
  }

  /** Clicks the Quick Input row whose label is exactly `label`. */
  async pickQuickInput(label: string, timeout = 10_000): Promise<void> {
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .first();
    await row.waitFor({ timeout });
    await row.click();
  }

  /**
   * Clicks `item` of the open context menu until the menu closes (it closes as it runs the item);
   * returns whether it did within `timeout`. VS Code's menu items listen for the mouse-up only
   * 100 ms after the menu appears (base/browser/ui/menu/menu.ts, "Add mouse up listener later to
   * avoid accidental clicks": releasing the right button that opened the menu must pick nothing).
   * Playwright clicks as soon as the item is there, often sooner than that: the item is highlighted,
   * the menu stays open and nothing runs. A person whose click did nothing clicks again; so does
   * this. Each wait is on the item leaving the page, never a fixed delay.
   */
  async clickMenuItem(item: Locator, timeout = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeout;
    for (;;) {
      // a click that fails because the menu closed meanwhile (an earlier click ran late) is fine
      const clicked = await item.click({ timeout: Math.max(1, deadline - Date.now()) }).then(
        () => true,
        () => false,
      );
      const closed = await item.waitFor({ state: 'detached', timeout: 250 }).then(
        () => true,
        () => false,
      );
      if (closed) return true;
      if (!clicked || Date.now() > deadline) return false;
    }
  }

  /** aria-labels of the rows of a list or tree, in order: what a screen reader would announce. */
  async rowLabels(selector: string): Promise<string[]> {
    return this.page.$$eval(`${selector} .monaco-list-row`, (rows) =>
      rows.map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''),
    );
  }
}

/**
 * Repeats `attempt` until it returns a value, or the time is up (then returns undefined). For
 * actions whose answer depends on the language server being ready: a hover asked too early is
 * simply empty, and VS Code does not ask again on its own.
 */
export async function retry<T>(
  page: Page,
  timeout: number,
  attempt: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() > deadline) return undefined;
    await page.waitForTimeout(250);
  }
}
