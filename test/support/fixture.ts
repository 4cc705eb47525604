// Fixtures that read like the feature.
//
// Inline annotations: `Colomina arrived on [April 28](2022-04-28).` marks a span and its
// label. `render` writes a recogniser's output back in the same markup, so a test
// compares the whole annotated text at once and a failure shows every difference.
//
// Several files: lines `--- /name.txt` start a file. A cursor is `$0`.

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

/** Strips `[text](label)` markup; returns the plain text and the marked spans. */
export function parseAnnotated(source: string): { text: string; spans: LabelledSpan[] } {
  const spans: LabelledSpan[] = [];
  let text = '';
  const re = /\[([^\]]*)\]\(([^)]*)\)/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    text += source.slice(last, m.index);
    const start = text.length;
    text += m[1];
    spans.push({ start, end: text.length, label: m[2] });
    last = m.index + m[0].length;
  }
  text += source.slice(last);
  return { text, spans };
}

/** Writes spans into text as `[text](label)`; overlapping spans are written as nested. */
export function render(text: string, spans: readonly LabelledSpan[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) {
      out += `{overlap ${JSON.stringify(text.slice(s.start, s.end))}(${s.label})}`;
      continue;
    }
    out += text.slice(pos, s.start) + '[' + text.slice(s.start, s.end) + '](' + s.label + ')';
    pos = s.end;
  }
  return out + text.slice(pos);
}

export interface FixtureFile {
  path: string;
  text: string;
  /** Offset of `$0` in this file, if it holds the cursor. */
  cursor?: number;
}

/** Splits a multi-file fixture (`--- /a.txt` lines) and finds the `$0` cursor. */
export function parseFiles(source: string): FixtureFile[] {
  const files: FixtureFile[] = [];
  const parts = source.split(/^--- (\/\S+)\n/m);
  if (parts[0].trim() !== '') files.push(withCursor('/main.txt', parts[0]));
  for (let i = 1; i < parts.length; i += 2) files.push(withCursor(parts[i], parts[i + 1] ?? ''));
  return files;
}

function withCursor(path: string, text: string): FixtureFile {
  const at = text.indexOf('$0');
  if (at < 0) return { path, text };
  return { path, text: text.slice(0, at) + text.slice(at + 2), cursor: at };
}

/** Removes the common indentation of a template literal and its first/last empty lines. */
export function dedent(source: string): string {
  const lines = source
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
