/**
 * The review panel's HTML, rendered from a plain model. Pure and free of `vscode`, so the
 * extension host renders it and unit tests can check it. Every piece of draft text is escaped.
 */
import { type Analysis, beforeAfter, type Finding, type Fix, isPhraseRule, PRINCIPLES, type Principle } from '../core';
import { wordDiff } from './wordDiff';

export type PanelState = 'review' | 'empty' | 'notReply' | 'unknownLanguage' | 'tooLarge' | 'checking' | 'abandoned' | 'failed' | 'noDraft';

export interface PanelStrings {
  title: string;
  score: string;
  verdict: Record<'good' | 'needs_work' | 'empty', string>;
  principles: Record<Principle, string>;
  why: Record<Principle, { ok: string; missing: string }>;
  findings: string;
  noFindings: string;
  apply: string;
  goTo: string;
  applyAll: string;
  /** The button that starts Rewrite reply on the draft. */
  rewrite: string;
  /** The kinds of fix: a short visible tag and the longer name screen readers hear with the button. */
  fixKinds: Record<FixKind, { tag: string; name: string }>;
  /** How to move between findings with the keyboard. */
  keys: string;
  toolbar: string;
  draft: string;
  states: Record<Exclude<PanelState, 'review'>, string>;
  language: string;
  /** The "Rewrite with AI" button's label; no button while the feature is off. */
  aiRewrite?: string;
}

/** `safe`: the preferred rewrite (Fix all applies it); `snippet`: has blanks to fill in; `rewrite`: any other. */
export type FixKind = 'safe' | 'snippet' | 'rewrite';

const fixKind = (fix: Fix): FixKind => (fix.preferred ? 'safe' : fix.snippet ? 'snippet' : 'rewrite');

export interface PanelModel {
  state: PanelState;
  fileName: string;
  version: number;
  text: string;
  analysis?: Analysis;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, ch => `&#${ch.charCodeAt(0)};`);
}

function gauge(score: number, label: string): string {
  const r = 42;
  const circumference = 2 * Math.PI * r;
  const filled = (Math.max(0, Math.min(100, score)) / 100) * circumference;
  const level = score >= 80 ? 'high' : score >= 50 ? 'mid' : 'low';
  return `<svg class="gauge gauge-${escapeHtml(level)}" viewBox="0 0 100 100" role="img" aria-label="${escapeHtml(label)}">
  <circle class="gauge-track" cx="50" cy="50" r="${r}"></circle>
  <circle class="gauge-fill" cx="50" cy="50" r="${r}" stroke-dasharray="${filled.toFixed(1)} ${circumference.toFixed(1)}" transform="rotate(-90 50 50)"></circle>
  <text x="50" y="57" text-anchor="middle" class="gauge-text">${escapeHtml(String(score))}</text>
</svg>`;
}

function highlightedDraft(text: string, findings: readonly Finding[]): string {
  const marks = findings
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => isPhraseRule(f.ruleId))
    .sort((a, b) => a.f.start - b.f.start);
  let html = '';
  let at = 0;
  for (const { f, index } of marks) {
    if (f.start < at) continue;
    html += escapeHtml(text.slice(at, f.start));
    // A button inside the highlight: the draft's words lead to the finding by keyboard as by mouse.
    html += `<mark class="p-${escapeHtml(f.principle)}"><button type="button" class="in-draft" data-action="goto" data-finding="${index}"` +
      ` title="${escapeHtml(f.message)}" aria-describedby="finding-${index}-message">${escapeHtml(text.slice(f.start, f.end))}</button></mark>`;
    at = f.end;
  }
  return html + escapeHtml(text.slice(at));
}

/** A snippet's blanks, as the engine shows its placeholders: `[your reason]`. */
const markBlanks = (html: string) => html.replace(/\[[^[\]<>]+\]/g, blank => `<span class="blank">${blank}</span>`);

/** Unchanged words kept beside a change; the rest of a long sentence is elided, so a rewrite takes about a line. */
const CONTEXT_WORDS = 4;
const ELIDED = '<span class="elided">…</span>';

/** Unchanged text as HTML, shortened where it is far from any change (`first`: it precedes one, `last`: it follows one). */
function unchangedHtml(text: string, place: 'first' | 'middle' | 'last'): string {
  const words = [...text.matchAll(/\S+/g)];
  const end = (i: number) => (words[i].index ?? 0) + words[i][0].length;
  const start = (i: number) => words[i].index ?? 0;
  if (place === 'first' && words.length > CONTEXT_WORDS + 1) return `${ELIDED} ${escapeHtml(text.slice(start(words.length - CONTEXT_WORDS)))}`;
  if (place === 'last' && words.length > CONTEXT_WORDS + 1) return `${escapeHtml(text.slice(0, end(CONTEXT_WORDS - 1)))} ${ELIDED}`;
  if (place === 'middle' && words.length > 2 * CONTEXT_WORDS + 1) {
    return `${escapeHtml(text.slice(0, end(CONTEXT_WORDS - 1)))} ${ELIDED} ${escapeHtml(text.slice(start(words.length - CONTEXT_WORDS)))}`;
  }
  return escapeHtml(text);
}

/** The rewrite in place: only the words that change struck through or added, a snippet's blanks marked. */
function diffHtml(before: string, after: string, snippet: boolean): string {
  const parts = wordDiff(before, after);
  return parts.map((part, i) => {
    if (part.kind === 'same') return unchangedHtml(part.text, i === 0 ? 'first' : i === parts.length - 1 ? 'last' : 'middle');
    const text = escapeHtml(part.text);
    return part.kind === 'removed' ? `<del>${text}</del>` : `<ins>${snippet ? markBlanks(text) : text}</ins>`;
  }).join('');
}

export function renderReview(model: PanelModel, s: PanelStrings): string {
  const head = `<header><h1>${escapeHtml(s.title)}</h1><p class="file">${escapeHtml(model.fileName)}</p></header>`;
  const a = model.analysis;
  if (model.state !== 'review' || !a) {
    const state = model.state === 'review' ? 'empty' : model.state;
    return `${head}<section class="state" role="status"><p>${escapeHtml(s.states[state])}</p></section>`;
  }
  const verdict = s.verdict[a.verdict];
  const checklist = PRINCIPLES.map(p => {
    const ok = a.principles[p];
    return `<li class="${ok ? 'ok' : 'missing'}"><span class="mark" aria-hidden="true">${ok ? '✓' : '✗'}</span>` +
      `<span class="sr-only">${ok ? '✓' : '✗'} </span><strong class="p-${escapeHtml(p)}-text">${escapeHtml(s.principles[p])}</strong>` +
      `<span class="why">${escapeHtml(ok ? s.why[p].ok : s.why[p].missing)}</span></li>`;
  }).join('');
  const safeCount = a.findings.filter(f => f.fixes.some(x => x.preferred)).length;
  const items = a.findings.map((f, index) => {
    const messageId = `finding-${index}-message`;
    const fixes = f.fixes.map((fix, fixIndex) => {
      const kind = fixKind(fix);
      const ba = beforeAfter(model.text, f, fixIndex);
      const diff = ba ? `<div class="diff">${diffHtml(ba.before, ba.after, fix.snippet)}</div>` : `<div class="diff">${escapeHtml(fix.title)}</div>`;
      return `<li class="fix fix-${kind}"><span class="fix-kind">${escapeHtml(s.fixKinds[kind].tag)}</span>${diff}` +
        `<button type="button" class="compact${kind === 'safe' ? '' : ' secondary'}" data-action="apply" data-finding="${index}" data-fix="${fixIndex}"` +
        ` aria-label="${escapeHtml(`${s.apply} – ${s.fixKinds[kind].name}: ${fix.title}`)}">${escapeHtml(s.apply)}</button></li>`;
    }).join('');
    return `<li class="finding sev-${escapeHtml(f.severity)} p-${escapeHtml(f.principle)}-border" data-finding="${index}" tabindex="-1" aria-labelledby="${messageId}">` +
      `<div class="finding-head"><p class="message" id="${messageId}"><span class="badge p-${escapeHtml(f.principle)}">${escapeHtml(s.principles[f.principle])}</span> ${escapeHtml(f.message)}</p>` +
      `<button type="button" class="compact secondary" data-action="goto" data-finding="${index}" aria-describedby="${messageId}">${escapeHtml(s.goTo)}</button></div>` +
      `${fixes ? `<ul class="fixes">${fixes}</ul>` : ''}</li>`;
  }).join('');
  // Panel-wide actions; other commands (rewrite the reply, …) add their buttons here.
  const tools = [
    safeCount > 0 ? `<button type="button" data-action="applyAll">${escapeHtml(s.applyAll)} (${safeCount})</button>` : '',
    `<button type="button" class="secondary" data-action="rewrite">${escapeHtml(s.rewrite)}</button>`,
    s.aiRewrite ? `<button type="button" class="secondary" data-action="rewriteAi">${escapeHtml(s.aiRewrite)}</button>` : '',
  ].filter(Boolean);
  const toolbar = tools.length ? `<div class="toolbar" role="toolbar" aria-label="${escapeHtml(s.toolbar)}">${tools.join('')}</div>` : '';
  return `${head}
${toolbar}
<section class="summary" data-announce="${escapeHtml(`${s.score}: ${a.score}/100, ${verdict}. ${s.findings}: ${a.findings.length}`)}" aria-label="${escapeHtml(`${s.score}: ${a.score}/100, ${verdict}`)}">
  ${gauge(a.score, `${s.score}: ${a.score}/100`)}
  <div><p class="verdict verdict-${escapeHtml(a.verdict)}">${escapeHtml(verdict)}</p><p class="score-label">${escapeHtml(s.score)}: <span class="score">${escapeHtml(String(a.score))}</span>/100 · ${escapeHtml(s.language)}: ${escapeHtml(a.language.toUpperCase())}</p></div>
</section>
<ul class="principles" aria-label="${escapeHtml(s.title)}">${checklist}</ul>
<section><h2>${escapeHtml(s.findings)} (${a.findings.length})</h2>
${a.findings.length ? `<p class="keys">${escapeHtml(s.keys)}</p><ol class="findings">${items}</ol>` : `<p>${escapeHtml(s.noFindings)}</p>`}</section>
<section><h2>${escapeHtml(s.draft)}</h2><pre class="draft">${highlightedDraft(model.text, a.findings)}</pre></section>`;
}
