/**
 * How findings are shown in an editor, the same in the VS Code extension and the language server:
 * which findings show and how severe, where the findings on what the draft lacks go (all on the
 * refusal), which findings a quick-fix menu at a place is for, the hover's explanation, and the
 * comment that disables a rule for a line. Everything in offsets; the shells convert to positions.
 */
import { isPhraseRule } from './rules/meta';
import { principleTitle } from './messages';
import { beforeAfter, escapeSnippet } from './rewrites';
import type { SeveritySetting } from './config/types';
import type { Analysis, Finding, Fix, Lang, RuleId, SentenceRoles, Severity, TextEdit } from './types';

export interface ShowSettings {
  severity: Partial<Record<RuleId, SeveritySetting>>;
  /** Where "missing …" findings appear: in the editor and the panel, the panel only, or nowhere. */
  documentFindings: 'diagnostics' | 'panel' | 'off';
}

export interface ShownFinding {
  finding: Finding;
  severity: Severity;
  /** The underlined span: the phrase, or for what the draft lacks the refusal (see `refusalSpan`). */
  start: number;
  end: number;
  /** Underlined in the editor; otherwise shown in the review panel only. */
  inEditor: boolean;
}

/** The role model's top role is a refusal, and it is more likely than not. */
function readsAsRefusal(s: SentenceRoles): boolean {
  const { refusal } = s.roles;
  return refusal >= 0.5 && Object.values(s.roles).every(score => score <= refusal);
}

/** Where the line holding `offset` ends (before its line break). */
function lineEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/**
 * Where the document findings ("missing …") are shown, all in one place: the first line of the
 * refusal sentence (the first negative phrase's, else the first sentence that reads as a
 * refusal). Undefined while the draft holds no refusal: advice on how to say no would come early.
 */
export function refusalSpan(text: string, analysis: Analysis): { start: number; end: number } | undefined {
  const negative = analysis.findings.find(f => f.ruleId === 'negative-phrasing');
  const sentence = negative
    ? analysis.sentences.find(s => s.start <= negative.start && negative.start < s.end) ?? { start: negative.start, end: negative.end }
    : analysis.sentences.find(readsAsRefusal);
  if (!sentence) return undefined;
  return { start: sentence.start, end: Math.min(sentence.end, lineEnd(text, sentence.start)) };
}

/**
 * The findings as the writer's settings show them: rules turned off left out, what the draft
 * lacks as advice (Information unless set otherwise) on the refusal, and only once there is one.
 */
export function showFindings(text: string, analysis: Analysis, settings: ShowSettings): ShownFinding[] {
  const shown: ShownFinding[] = [];
  const anchor = settings.documentFindings === 'off' ? undefined : refusalSpan(text, analysis);
  for (const finding of analysis.findings) {
    const setting = settings.severity[finding.ruleId];
    if (setting === 'off') continue;
    const phrase = isPhraseRule(finding.ruleId);
    if (!phrase && !anchor) continue;
    // What the draft lacks is advice, quieter than a phrase to change.
    const severity = setting && setting !== 'default' ? setting : phrase ? finding.severity : 'info';
    const { start, end } = phrase || !anchor ? finding : anchor;
    shown.push({ finding, severity, start, end, inEditor: phrase || settings.documentFindings === 'diagnostics' });
  }
  return shown;
}

/**
 * The findings underlined at `[start, end]`, and which of them a menu there is for: those whose
 * underline is exactly that span (a diagnostic's own quick fix), else the phrases there, else
 * what the draft lacks.
 */
export function findingsAt<S extends ShownFinding>(shown: readonly S[], start: number, end: number): { primary: S[]; others: S[] } {
  const here = shown.filter(s => s.inEditor && s.start <= end && start <= s.end);
  const exact = here.filter(s => s.start === start && s.end === end);
  const phrases = here.filter(s => isPhraseRule(s.finding.ruleId));
  const primary = exact.length > 0 ? exact : phrases.length > 0 ? phrases : here;
  return { primary, others: here.filter(s => !primary.includes(s)) };
}

/** A finding's fixes as a menu lists them: the safe rewrite first. */
export function fixesInMenuOrder(finding: Finding): Fix[] {
  return [...finding.fixes].sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

/** The words the writer sees as “Ignore …”: the phrase without trailing punctuation. */
export function ignorablePhrase(finding: Finding): string {
  return finding.actual.replace(/\s+/g, ' ').replace(/[\s,.!?]+$/, '');
}

/** Inserts `<!-- decline-coach-disable-next-line rule -->` above the line holding `offset`, indented like it. */
export function disableNextLineEdit(text: string, offset: number, ruleId: RuleId): TextEdit {
  const start = lineStart(text, offset);
  const indent = /^\s*/.exec(text.slice(start, lineEnd(text, start)))?.[0] ?? '';
  return { start, end: start, newText: `${indent}<!-- decline-coach-disable-next-line ${ruleId} -->\n` };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

export interface HoverOptions {
  /** `plaintext` for an editor that shows no Markdown. */
  format?: 'markdown' | 'plaintext';
  /** A link after each explanation to the rule's page (Markdown only). */
  learnMore?: { label: string; link: (ruleId: RuleId) => string };
}

/** The fix shown first: the safe rewrite when there is one. */
function bestFixIndex(finding: Finding): number {
  const preferred = finding.fixes.findIndex(f => f.preferred);
  return preferred === -1 ? 0 : preferred;
}

/**
 * The hover at `offset`: once per principle — the principle, the best before → after first (so it
 * is never below the fold), then why it matters; the phrase under the cursor before what the draft
 * lacks. The findings' messages are not repeated: editors show the diagnostics' messages with it.
 * The span is where all the findings hovered overlap.
 */
export function hoverAt(text: string, shown: readonly ShownFinding[], offset: number, lang: Lang, options: HoverOptions = {}):
  { content: string; start: number; end: number } | undefined {
  const markdown = (options.format ?? 'markdown') === 'markdown';
  const { learnMore } = options;
  const esc = markdown ? escapeMarkdown : (s: string) => s;
  const hits = shown.filter(s => s.inEditor && s.start <= offset && offset <= s.end)
    .sort((a, b) => Number(isPhraseRule(b.finding.ruleId)) - Number(isPhraseRule(a.finding.ruleId)));
  if (hits.length === 0) return undefined;
  const [strong, struck, emphasis] = markdown ? ['**', '~~', '*'] : ['', '', ''];
  let content = '';
  const explained = new Set<string>();
  for (const { finding } of hits) {
    if (explained.has(finding.principle)) continue;
    explained.add(finding.principle);
    content += `${strong}${esc(principleTitle(lang, finding.principle))}${strong}\n\n`;
    const change = beforeAfter(text, finding, bestFixIndex(finding));
    if (change) content += `${struck}${esc(change.before)}${struck} → ${esc(change.after)}\n\n`;
    const link = markdown && learnMore ? ` [${esc(learnMore.label)}](${learnMore.link(finding.ruleId)})` : '';
    content += `${emphasis}${esc(finding.note)}${emphasis}${link}\n\n`;
  }
  let { start, end } = hits[0];
  for (const h of hits.slice(1)) {
    const from = Math.max(start, h.start);
    const to = Math.min(end, h.end);
    if (from <= to) { start = from; end = to; }
  }
  return { content, start, end };
}

const PLACEHOLDER = /\$\{(\d+)(?::([^}]*))?\}/g;

/** Engine text with `${n:default}` placeholders as a snippet (LSP, TextMate syntax): the rest escaped. */
export function snippetValue(text: string): string {
  let value = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    value += escapeSnippet(text.slice(last, m.index));
    value += m[2] ? `\${${m[1]}:${escapeSnippet(m[2])}}` : `\${${m[1]}}`;
    last = (m.index ?? 0) + m[0].length;
  }
  return value + escapeSnippet(text.slice(last));
}
