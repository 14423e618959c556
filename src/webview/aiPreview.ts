/**
 * The "Rewrite with AI" preview's HTML, rendered from a plain model: the rewrite as it streams
 * in, then word by word against the draft, with the coach's score before → after, the principles
 * gained and lost, and what the writer must check. It runs no script: Apply and Discard are
 * command links the webview allows. Pure and free of `vscode`; every piece of text is escaped.
 */
import type { RewriteCheck, RewriteFlag } from '../core/aiCheck';
import type { Principle } from '../core';
import { fillIn } from '../core/messages';
import { escapeHtml } from './render';
import { wordDiff } from './wordDiff';

export type AiPreviewState = 'streaming' | 'ready' | 'failed' | 'cancelled';

export interface AiPreviewModel {
  state: AiPreviewState;
  modelName: string;
  fileName: string;
  /** The part of the draft that was sent. */
  before: string;
  /** What the model wrote so far; the whole rewrite once `ready`. */
  text: string;
  check?: RewriteCheck;
  error?: string;
  /** Command links; Apply only once there is a rewrite to apply. */
  applyHref?: string;
  discardHref: string;
}

export interface AiPreviewStrings {
  title: string;
  /** "{0}" is the model's name. */
  streaming: string;
  cancelled: string;
  score: string;
  gained: string;
  lost: string;
  checkFirst: string;
  noFlags: string;
  principles: Record<Principle, string>;
  flag: { [K in RewriteFlag['kind']]: string };
  apply: string;
  discard: string;
  stop: string;
  close: string;
}

function diffHtml(before: string, after: string): string {
  return wordDiff(before, after).map(part => {
    const text = escapeHtml(part.text);
    return part.kind === 'same' ? text : part.kind === 'removed' ? `<del>${text}</del>` : `<ins>${text}</ins>`;
  }).join('');
}

function flagText(flag: RewriteFlag, s: AiPreviewStrings): string {
  switch (flag.kind) {
    case 'inventedNumbers':
    case 'inventedDates': return fillIn(s.flag[flag.kind], [flag.values.map(v => `“${v}”`).join(', ')]);
    case 'languageChanged': return fillIn(s.flag.languageChanged, [flag.from.toUpperCase(), flag.to.toUpperCase()]);
    default: return s.flag[flag.kind];
  }
}

function link(href: string, label: string, primary: boolean): string {
  return `<a class="button${primary ? '' : ' secondary'}" role="button" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
}

export function renderAiPreview(m: AiPreviewModel, s: AiPreviewStrings): string {
  const head = `<header><h1>${escapeHtml(s.title)}</h1><p class="file">${escapeHtml(m.fileName)} · ${escapeHtml(m.modelName)}</p></header>`;
  if (m.state === 'streaming') {
    return `${head}<p class="status" role="status">${escapeHtml(fillIn(s.streaming, [m.modelName]))}</p>` +
      `<pre class="draft streaming">${escapeHtml(m.text)}</pre><p class="actions">${link(m.discardHref, s.stop, false)}</p>`;
  }
  if (m.state !== 'ready' || !m.check) {
    const why = m.state === 'cancelled' ? s.cancelled : m.error ?? '';
    return `${head}<p class="status error" role="alert">${escapeHtml(why)}</p><p class="actions">${link(m.discardHref, s.close, false)}</p>`;
  }
  const c = m.check;
  const direction = c.scoreAfter > c.scoreBefore ? 'up' : c.scoreAfter < c.scoreBefore ? 'down' : 'same';
  const principles = (list: Principle[], label: string, cls: string) => (list.length
    ? `<p class="${cls}">${escapeHtml(label)}: ${list.map(p => `<span class="badge p-${escapeHtml(p)}">${escapeHtml(s.principles[p])}</span>`).join(' ')}</p>` : '');
  const flags = c.flags.length
    ? `<section class="flags" role="alert"><h2>${escapeHtml(s.checkFirst)}</h2><ul>${c.flags.map(f => `<li class="flag flag-${escapeHtml(f.kind)}">${escapeHtml(flagText(f, s))}</li>`).join('')}</ul></section>`
    : `<p class="no-flags">${escapeHtml(s.noFlags)}</p>`;
  return `${head}
<section class="summary"><p class="score-change score-${direction}">${escapeHtml(s.score)}: <span class="score-before">${c.scoreBefore}</span> → <span class="score-after">${c.scoreAfter}</span></p>
${principles(c.gained, s.gained, 'gained')}${principles(c.lost, s.lost, 'lost')}</section>
${flags}
<pre class="draft diff">${diffHtml(m.before, m.text)}</pre>
<p class="actions">${m.applyHref ? link(m.applyHref, s.apply, true) : ''}${link(m.discardHref, s.discard, false)}</p>`;
}
