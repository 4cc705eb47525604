// Entry point that @vscode/test-electron loads in VS Code's extension host (extensionTestsPath).
// A small runner rather than Mocha: the checks run in order, each prints one line, and the last
// line is "N passed, N failed"; any failure rejects, which makes VS Code exit non-zero.
import { checks } from './corpus.checks';

export async function run(): Promise<void> {
  let passed = 0;
  const failures: string[] = [];
  for (const { name, body } of checks) {
    const started = Date.now();
    try {
      await body();
      passed++;
      console.log(`ok - ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      console.log(`not ok - ${name} (${Date.now() - started} ms)\n    ${message.replace(/\n/g, '\n    ')}`);
    }
  }
  console.log(`${passed} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} check(s) failed:\n${failures.join('\n')}`);
}
