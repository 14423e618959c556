/**
 * The snippets' data and their order in the suggestion list, free of `vscode` so unit tests can
 * check it. VS Code sorts contributed snippets by prefix alone (`dc-ack`, `dc-alt`, `dc-de-…`,
 * `dc-empathy` …), which mixes the languages; the extension offers them itself to put the UI
 * language's first.
 */
import type { Lang } from '../core';

export interface SnippetEntry {
  name: string;
  prefix: string;
  body: string;
  description: string;
}

/** The entries of a `.code-snippets` file in the file's order; one without a prefix or body is left out. */
export function parseSnippets(json: string): SnippetEntry[] {
  const data: unknown = JSON.parse(json);
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([name, value]) => {
    const v = value as { prefix?: unknown; body?: unknown; description?: unknown } | null;
    const body = Array.isArray(v?.body) ? v.body.filter((l): l is string => typeof l === 'string').join('\n') : typeof v?.body === 'string' ? v.body : '';
    if (typeof v?.prefix !== 'string' || !v.prefix || !body) return [];
    return [{ name, prefix: v.prefix, body, description: typeof v.description === 'string' ? v.description : '' }];
  });
}

/** The language a snippet writes in: `dc-de-…` German, the rule comments none, the rest English. */
export function snippetLang(entry: SnippetEntry): Lang | undefined {
  if (entry.body.includes('<!-- decline-coach-')) return undefined;
  return entry.prefix.startsWith('dc-de-') ? 'de' : 'en';
}

/**
 * Sort keys, one per entry: the UI language's snippets first, then the other language's, then the
 * rule comments; within each, the file's order, which is the order of a reply.
 */
export function snippetSortTexts(entries: readonly SnippetEntry[], ui: Lang): string[] {
  return entries.map((entry, index) => {
    const lang = snippetLang(entry);
    const group = lang === ui ? 0 : lang ? 1 : 2;
    return `${group}-${String(index).padStart(4, '0')}`;
  });
}
