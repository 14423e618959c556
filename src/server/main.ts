// decline-coach-lsp: Decline Coach's language server. Editors start it with --stdio.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { spawnCheckWorker } from '../extension/worker/spawn';
import { startServer } from './server';

const USAGE = `decline-coach-lsp ${version}: Decline Coach's language server (LSP) for Markdown and plain-text reply drafts.

Usage: decline-coach-lsp --stdio

Editors start it and speak the Language Server Protocol over standard input and output
(--node-ipc, --socket=<port> and --pipe=<name> work as well). See the README for Neovim and Helix.
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
} else if (!args.some(a => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.stderr.write(`decline-coach-lsp: say how to talk: --stdio (or --node-ipc, --socket=<port>, --pipe=<name>).\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A failed promise is a bug to log, never a reason to leave the editor without its server.
  process.on('unhandledRejection', reason => connection.console.error(`Unhandled: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));
  // The worker that checks big drafts is built next to this file (dist/worker.js).
  startServer(connection, { name: 'decline-coach-lsp', version, spawnWorker: () => spawnCheckWorker({ fsPath: __dirname, toString: () => __dirname }) });
}
