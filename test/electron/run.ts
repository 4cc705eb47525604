// npm run test:electron — the extension in a desktop VS Code downloaded by @vscode/test-electron,
// with the checks of test/electron/suite run inside its extension host through the `vscode` API.
//
// For machines that can download VS Code. Where the download is impossible (no network beyond the
// package registries, as on this project's machines) it says so plainly and exits with code 3,
// never passing silently; test/e2e (code-server) runs the same checks there.
//
// Environment:
//   VSCODE_EXECUTABLE=path  use this VS Code instead of downloading one (skips the download)
//   VSCODE_VERSION=x.y.z    the version to download (default: the newest stable that satisfies
//                           package.json's engines.vscode)
// On Linux without a display, run it under a virtual one: xvfb-run -a npm run test:electron
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

/** Exit code for "could not run here", distinct from 1 ("ran, and a check failed"). */
const EXIT_CANNOT_RUN = 3;
/** Longest wait, per request, for the update service or the download to send anything. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Longest the whole download attempt may take before we give up on this machine. */
const DOWNLOAD_BUDGET_MS = 120_000;

const root = path.resolve(__dirname, '..', '..', '..');

async function vscodeExecutable(): Promise<string> {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`VSCODE_EXECUTABLE=${given} does not exist`);
    return given;
  }
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${DOWNLOAD_BUDGET_MS / 1000} s`)),
      DOWNLOAD_BUDGET_MS,
    );
  });
  try {
    return await Promise.race([
      downloadAndUnzipVSCode({
        version: process.env.VSCODE_VERSION,
        extensionDevelopmentPath: root,
        cachePath: path.join(root, '.vscode-test'),
        timeout: REQUEST_TIMEOUT_MS,
      }),
      budget,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  let executable: string;
  try {
    executable = await vscodeExecutable();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `VS Code could not be downloaded: ${reason}; this suite needs a machine with network access to ` +
        'update.code.visualstudio.com (or VSCODE_EXECUTABLE=/path/to/code). ' +
        'On machines without it, npm run test:e2e runs the same checks in code-server.',
    );
    return EXIT_CANNOT_RUN;
  }

  // A fresh copy of the samples as the workspace, and a fresh profile.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-annotator-electron-'));
  const workspace = path.join(work, 'samples');
  fs.cpSync(path.join(root, 'samples'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { CORPUS_WORKSPACE: workspace },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(work, 'user-data'),
      ],
    });
    return 0;
  } catch (error) {
    console.error(
      `The test-electron suite failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
