// Starts the check worker in the desktop extension host (a Node worker thread). The web build
// uses spawn.web.ts in its place (see esbuild.mjs).
import { Worker } from 'node:worker_threads';
import type { FromCheckWorker, WorkerPort } from '../../core/background/protocol';

export async function spawnCheckWorker(distFolder: { fsPath: string; toString(): string }): Promise<WorkerPort> {
  const worker = new Worker(`${distFolder.fsPath}/worker.js`);
  // The worker must never keep the extension host alive on its own.
  worker.unref();
  return {
    post: message => worker.postMessage(message),
    onMessage: listener => worker.on('message', (message: FromCheckWorker) => listener(message)),
    terminate: () => void worker.terminate(),
  };
}
