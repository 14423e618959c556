// The check worker in the web extension host: a Web Worker.
import type { ToCheckWorker } from './protocol';
import { serveChecks } from './serve';

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<ToCheckWorker>) => void) | null };
const handle = serveChecks(message => scope.postMessage(message));
scope.onmessage = event => handle(event.data);
