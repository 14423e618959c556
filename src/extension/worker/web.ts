// The check worker in the web extension host: a Web Worker.
import type { ToCheckWorker } from '../../core/background/protocol';
import { serveChecks } from '../../core/background/serve';

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<ToCheckWorker>) => void) | null };
const handle = serveChecks(message => scope.postMessage(message));
scope.onmessage = event => handle(event.data);
