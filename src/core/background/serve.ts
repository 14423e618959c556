/** The worker's side: judges drafts with one `Analyzer` per document, so typing stays incremental. */
import { Analyzer } from '../engine';
import type { FromCheckWorker, ToCheckWorker } from './protocol';

/** Documents whose caches are kept; the least recently checked one goes first. */
const MAX_DOCUMENTS = 8;

export function serveChecks(post: (message: FromCheckWorker) => void): (message: ToCheckWorker) => void {
  const analyzers = new Map<string, { analyzer: Analyzer; problems: string[] }>();
  return message => {
    if (message.type === 'forget') { analyzers.delete(message.key); return; }
    let entry = analyzers.get(message.key);
    if (entry) analyzers.delete(message.key);
    else {
      const problems: string[] = [];
      // An engine bug (an invalid finding) is left out and reported, never thrown at the editor.
      entry = { analyzer: new Analyzer(error => problems.push(error.message)), problems };
    }
    analyzers.set(message.key, entry);
    if (analyzers.size > MAX_DOCUMENTS) analyzers.delete(analyzers.keys().next().value as string);
    try {
      const analysis = entry.analyzer.analyze(message.text, message.options);
      post({ type: 'done', id: message.id, analysis, problems: entry.problems.splice(0) });
    } catch (e) {
      post({ type: 'failed', id: message.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  };
}
