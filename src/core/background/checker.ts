/**
 * Checks big drafts in a worker, so the editor (or the language server) never waits on them, within
 * a time budget: a check that takes longer is abandoned and the worker stopped (a fresh one starts
 * on the next check). The shells bring the worker: a worker thread, or a Web Worker.
 */
import type { AnalyzeInput } from '../engine';
import type { Analysis } from '../types';
import type { FromCheckWorker, WorkerPort } from './protocol';

/** Drafts from this many characters on are checked in the worker (about 10 ms of work in-process). */
export const BACKGROUND_FROM = 50_000;
/** How long a background check may take before it is abandoned. */
export const BACKGROUND_BUDGET_SECONDS = 10;

export type BackgroundResult =
  | { kind: 'done'; analysis: Analysis; problems: string[] }
  /** Over the time budget: stopped. */
  | { kind: 'abandoned' }
  /** Waiting behind a check that was abandoned: worth asking again. */
  | { kind: 'interrupted' }
  | { kind: 'failed'; error: string };

interface Pending {
  settle: (result: BackgroundResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class BackgroundChecker {
  private port: Promise<WorkerPort> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly spawn: () => Promise<WorkerPort>, private readonly budgetMs: number) {}

  check(key: string, text: string, options: AnalyzeInput): Promise<BackgroundResult> {
    const id = this.nextId++;
    return new Promise(resolve => {
      const timer = setTimeout(() => this.abandon(id), this.budgetMs);
      this.pending.set(id, { settle: resolve, timer });
      this.worker().then(
        port => port.post({ type: 'check', id, key, text, options }),
        error => this.settle(id, { kind: 'failed', error: error instanceof Error ? error.message : String(error) }));
    });
  }

  /** The worker drops what it remembers of a document (closed, or no longer checked there). */
  forget(key: string): void {
    void this.port?.then(port => port.post({ type: 'forget', key }), () => undefined);
  }

  dispose(): void {
    this.stop({ kind: 'interrupted' });
  }

  private worker(): Promise<WorkerPort> {
    if (!this.port) {
      const port = this.spawn();
      port.then(p => p.onMessage(message => this.receive(message)), () => { if (this.port === port) this.port = undefined; });
      this.port = port;
    }
    return this.port;
  }

  private receive(message: FromCheckWorker): void {
    if (message.type === 'done') this.settle(message.id, { kind: 'done', analysis: message.analysis, problems: message.problems });
    else this.settle(message.id, { kind: 'failed', error: message.error });
  }

  private settle(id: number, result: BackgroundResult): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.settle(result);
  }

  /** Over budget: the only way to stop a running check is to stop its worker. */
  private abandon(id: number): void {
    this.settle(id, { kind: 'abandoned' });
    this.stop({ kind: 'interrupted' });
  }

  private stop(others: BackgroundResult): void {
    const port = this.port;
    this.port = undefined;
    void port?.then(p => p.terminate(), () => undefined);
    for (const id of [...this.pending.keys()]) this.settle(id, others);
  }
}
