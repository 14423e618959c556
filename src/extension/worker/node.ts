// The check worker in the desktop extension host: a Node worker thread.
import { parentPort } from 'node:worker_threads';
import type { ToCheckWorker } from '../../core/background/protocol';
import { serveChecks } from '../../core/background/serve';

const port = parentPort;
if (port) {
  const handle = serveChecks(message => port.postMessage(message));
  port.on('message', (message: ToCheckWorker) => handle(message));
}
