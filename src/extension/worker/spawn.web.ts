// Starts the check worker in the web extension host: a Web Worker. The extension's files are
// served from another origin than the host's, so the script is loaded as a same-origin blob.
import type { FromCheckWorker, WorkerPort } from '../../core/background/protocol';

export async function spawnCheckWorker(distFolder: { fsPath: string; toString(): string }): Promise<WorkerPort> {
  const response = await fetch(`${distFolder.toString()}/web/worker.js`);
  if (!response.ok) throw new Error(`cannot load the check worker (${response.status})`);
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
  const worker = new Worker(url);
  return {
    post: message => worker.postMessage(message),
    onMessage: listener => worker.addEventListener('message', (event: MessageEvent<FromCheckWorker>) => listener(event.data)),
    terminate: () => { worker.terminate(); URL.revokeObjectURL(url); },
  };
}
