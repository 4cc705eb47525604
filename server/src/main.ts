// The language server's entry point: IPC when VS Code starts it, `--stdio` for tests and
// other editors (Neovim, Helix, ...). Under stdio nothing but the protocol goes to stdout.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// console.log would corrupt the protocol stream under --stdio: send it to stderr
console.log = (...args: unknown[]) => console.error(...args);

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) =>
  connection.console.error(`Corpus Annotator: uncaught: ${error.stack ?? error}`),
);
process.on('unhandledRejection', (reason) =>
  connection.console.error(`Corpus Annotator: unhandled: ${String(reason)}`),
);
startServer(connection);
