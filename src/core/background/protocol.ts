/** Messages between the extension and the worker that checks big drafts off the main thread. */
import type { AnalyzeInput } from '../engine';
import type { Analysis } from '../types';

export type ToCheckWorker =
  | { type: 'check'; id: number; key: string; text: string; options: AnalyzeInput }
  | { type: 'forget'; key: string };

export type FromCheckWorker =
  | { type: 'done'; id: number; analysis: Analysis; problems: string[] }
  | { type: 'failed'; id: number; error: string };

/** The two ends of a worker, whatever kind of worker it is. */
export interface WorkerPort {
  post(message: ToCheckWorker): void;
  onMessage(listener: (message: FromCheckWorker) => void): void;
  terminate(): void;
}
