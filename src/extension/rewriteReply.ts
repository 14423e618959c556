import * as vscode from 'vscode';
import {
  diffEdit, type Lang, REASON_PRESETS, reasonPresetText, type ReasonPreset, type Register, type ReplyAnswers, type ReplyPart, replyParts,
  type ReplyPlan, type ReplyQuestion, rewriteReply, type RewrittenReply,
} from '../core';
import { uiLang } from './config';
import { isDraftLanguage } from './selection';

/** What the open prompt shows; the integration tests read it through the extension's API. */
export interface PromptView {
  kind: 'pick' | 'input';
  title: string;
  /** The pick's placeholder or the input's prompt: what the draft has and lacks. */
  prompt: string;
  items: string[];
  /** The item Enter would accept. */
  active?: string;
  value: string;
}

/** The prompt a flow shows now. */
let open: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox | undefined;

export function activePrompt(): PromptView | undefined {
  const w = open;
  if (!w) return undefined;
  if ('items' in w) return { kind: 'pick', title: w.title ?? '', prompt: w.placeholder ?? '', items: w.items.map(i => i.label), active: w.activeItems[0]?.label, value: w.value };
  return { kind: 'input', title: w.title ?? '', prompt: w.prompt ?? '', items: [], value: w.value };
}

/** Types into the open prompt, as a writer would (a pick filters its items by it). */
export function typeIntoPrompt(text: string): boolean {
  if (!open) return false;
  open.value = text;
  return true;
}

interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

/** A quick pick; resolves with the accepted item's value, or undefined on Escape. */
function pick<T>(title: string, placeholder: string, items: Array<Choice<T>>): Promise<T | undefined> {
  return new Promise(resolve => {
    const widget = vscode.window.createQuickPick<Choice<T>>();
    Object.assign(widget, { title, placeholder, items, ignoreFocusOut: true, matchOnDetail: true });
    let settled = false;
    const finish = (value: T | undefined) => {
      if (settled) return;
      settled = true;
      if (open === widget) open = undefined;
      widget.dispose();
      resolve(value);
    };
    widget.onDidAccept(() => { const item = widget.selectedItems[0] ?? widget.activeItems[0]; if (item) finish(item.value); });
    widget.onDidHide(() => finish(undefined));
    open = widget as unknown as vscode.QuickPick<vscode.QuickPickItem>;
    widget.show();
  });
}

/** An input box; resolves with the text (empty: leave a placeholder), or undefined on Escape. */
function input(title: string, prompt: string, placeholder: string, value = ''): Promise<string | undefined> {
  return new Promise(resolve => {
    const widget = vscode.window.createInputBox();
    Object.assign(widget, { title, prompt, placeholder, value, ignoreFocusOut: true });
    let settled = false;
    const finish = (answer: string | undefined) => {
      if (settled) return;
      settled = true;
      if (open === widget) open = undefined;
      widget.dispose();
      resolve(answer);
    };
    widget.onDidAccept(() => finish(widget.value));
    widget.onDidHide(() => finish(undefined));
    open = widget;
    widget.show();
  });
}

const OTHER = Symbol('other');

function partName(part: ReplyPart): string {
  switch (part) {
    case 'acknowledge': return vscode.l10n.t('acknowledgement');
    case 'empathy': return vscode.l10n.t('empathy');
    case 'reason': return vscode.l10n.t('reason');
    case 'alternative': return vscode.l10n.t('alternative');
    case 'byWhen': return vscode.l10n.t('by when');
    case 'clarify': return vscode.l10n.t('clarifying question');
  }
}

/** "Has: acknowledgement, reason · Missing: alternative, by when" */
export function partsSummary(plan: ReplyPlan): string {
  const has = (Object.keys(plan.has) as ReplyPart[]).filter(p => plan.has[p]).map(partName);
  const missing = plan.missing.map(partName);
  const none = vscode.l10n.t('nothing');
  return vscode.l10n.t('Has: {0} · Missing: {1}', has.length ? has.join(', ') : none, missing.length ? missing.join(', ') : none);
}

const REASON_LABELS: Record<ReasonPreset, () => string> = {
  workload: () => vscode.l10n.t('My schedule is full'),
  timeline: () => vscode.l10n.t('The timeline is too tight'),
  budget: () => vscode.l10n.t('It goes beyond the price or budget'),
  focus: () => vscode.l10n.t('It is outside my focus or skills'),
};

/** Common answers, in the draft's language: they go into the reply as they are. */
const COMMON: Record<Lang, Record<'alternative' | 'when', string[]>> = {
  en: {
    alternative: ['a smaller first step', 'a later start date', 'a referral to a trusted colleague', 'a short call to find the best option'],
    when: ['tomorrow', 'Friday', 'the end of next week'],
  },
  de: {
    alternative: ['einen kleineren ersten Schritt', 'einen späteren Starttermin', 'eine Empfehlung für eine Kollegin oder einen Kollegen',
      'ein kurzes Gespräch, um die beste Lösung zu finden'],
    when: ['morgen', 'Freitag', 'Ende nächster Woche'],
  },
};

/** Steps of one flow, counted over the questions actually asked. */
export class Steps {
  private done = 0;
  constructor(private readonly heading: string, private readonly total: number) {}
  next(what: string): string {
    this.done++;
    return `${this.heading} (${this.done}/${this.total}): ${what}`;
  }
  /** "Other…" asks on the same step. */
  same(what: string): string {
    return `${this.heading} (${this.done}/${this.total}): ${what}`;
  }
}

async function choose(steps: Steps, what: string, summary: string, choices: Array<Choice<string>>, otherPrompt: string, otherExample: string,
  value = ''): Promise<string | undefined> {
  const other: Choice<string | typeof OTHER> = { label: vscode.l10n.t('Other…'), description: vscode.l10n.t('type your own'), value: OTHER };
  const picked = await pick<string | typeof OTHER>(steps.next(what), summary, [...choices, other]);
  if (picked === undefined) return undefined;
  if (picked !== OTHER) return picked;
  return input(steps.same(what), otherPrompt, otherExample, value);
}

/**
 * Asks for what the plan lacks, in order; undefined as soon as the writer presses Escape. `lead`:
 * steps asked before these (Compose's language and name), counted in the same total.
 */
export async function askMissing(plan: ReplyPlan, steps: Steps): Promise<ReplyAnswers | undefined> {
  const summary = plan.empty ? '' : partsSummary(plan);
  const lang = plan.lang;
  const answers: ReplyAnswers = {};
  const ask: Record<ReplyQuestion, () => Promise<boolean>> = {
    request: async () => {
      const answer = await input(steps.next(vscode.l10n.t('the request')), [summary, vscode.l10n.t('What did the client ask for?')].filter(Boolean).join(' · '),
        lang === 'de' ? 'dem Relaunch der Website' : 'the website relaunch', plan.defaults.request ?? '');
      answers.request = answer;
      return answer !== undefined;
    },
    reason: async () => {
      const fromDraft: Array<Choice<string>> = plan.defaults.reason
        ? [{ label: plan.defaults.reason, description: vscode.l10n.t('from your draft'), value: `draft:${plan.defaults.reason}` }] : [];
      const presets = REASON_PRESETS.map(p => ({ label: REASON_LABELS[p](), detail: reasonPresetText(lang, plan.register, p), value: `preset:${p}` }));
      const answer = await choose(steps, vscode.l10n.t('why the answer is no'), summary, [...fromDraft, ...presets],
        vscode.l10n.t('The reason, in a few words (empty: a placeholder)'), lang === 'de' ? 'ich bin im März im Urlaub' : 'I am on leave in March');
      if (answer === undefined) return false;
      if (answer.startsWith('preset:')) answers.reason = { preset: answer.slice('preset:'.length) as ReasonPreset };
      else answers.reason = { text: answer.startsWith('draft:') ? answer.slice('draft:'.length) : answer };
      return true;
    },
    alternative: async () => {
      const answer = await choose(steps, vscode.l10n.t('what you offer instead'), summary, COMMON[lang].alternative.map(a => ({ label: a, value: a })),
        vscode.l10n.t('What you can offer instead (empty: a placeholder)'), lang === 'de' ? 'eine kleinere erste Version' : 'a smaller first version');
      answers.alternative = answer;
      return answer !== undefined;
    },
    when: async () => {
      const answer = await choose(steps, vscode.l10n.t('by when'), summary, COMMON[lang].when.map(w => ({ label: w, value: w })),
        vscode.l10n.t('By when (empty: a placeholder)'), lang === 'de' ? 'Freitag, 12 Uhr' : 'Friday, 12 pm');
      answers.when = answer;
      return answer !== undefined;
    },
  };
  for (const question of plan.questions) if (!await ask[question]()) return undefined;
  return answers;
}

/** The rewrite shown as a document of its own, for the diff view. */
export class RewritePreviews implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'decline-coach-rewrite';
  private readonly contents = new Map<string, string>();
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  add(text: string, like: vscode.Uri): vscode.Uri {
    const name = like.path.split('/').pop() || 'draft';
    const uri = vscode.Uri.from({ scheme: RewritePreviews.scheme, path: `/${++this.count}/${name}` });
    this.contents.set(uri.toString(), text);
    return uri;
  }

  remove(uri: vscode.Uri): void {
    this.contents.delete(uri.toString());
  }
}

async function closePreview(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t =>
    t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === uri.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** Inserts a composed reply into an empty draft as a snippet: the sender's name (and any placeholder) a tab stop. */
export async function insertComposed(doc: vscode.TextDocument, result: RewrittenReply): Promise<boolean> {
  const editor = await vscode.window.showTextDocument(doc);
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  return editor.insertSnippet(new vscode.SnippetString(result.snippet), whole, { undoStopBefore: true, undoStopAfter: true });
}

type ComposeOptions = { lang: Lang; register: Exclude<Register, 'neutral'> };

/** The languages and forms of address a reply can be composed in. */
async function askLanguage(steps: Steps): Promise<ComposeOptions | undefined> {
  const german = uiLang() === 'de';
  const choices: Array<Choice<{ lang: Lang; register: 'sie' | 'du' }>> = [
    { label: 'English', value: { lang: 'en', register: 'sie' } },
    { label: 'Deutsch (Sie)', description: vscode.l10n.t('formal'), value: { lang: 'de', register: 'sie' } },
    { label: 'Deutsch (du)', description: vscode.l10n.t('informal'), value: { lang: 'de', register: 'du' } },
  ];
  return pick(steps.next(vscode.l10n.t('language of the reply')), '', german ? [choices[1], choices[2], choices[0]] : choices);
}

/**
 * Compose's questions, for an empty draft (`draft`: what it holds, such as the client's quoted
 * message): language and form of address, the client's name, then what every reply needs.
 */
export async function askCompose(heading: string, draft: string): Promise<{ options: ComposeOptions; answers: ReplyAnswers; plan: ReplyPlan } | undefined> {
  const steps = new Steps(heading, 2 + replyParts('').questions.length);
  const options = await askLanguage(steps);
  if (!options) return undefined;
  const clientName = await input(steps.next(vscode.l10n.t('the client’s name')), vscode.l10n.t('As in the greeting (optional)'), options.lang === 'de' ? 'Frau Keller' : 'Dana');
  if (clientName === undefined) return undefined;
  const plan = replyParts(draft, options);
  const answers = await askMissing(plan, steps);
  return answers && { options, answers: { ...answers, clientName }, plan };
}

const MAX_REWRITE_LENGTH = 50_000;

/**
 * Rewrite reply: shows what the draft has, asks for what it lacks, previews the rewrite as a diff
 * and applies it as one edit, only to the version it was made from. Escape at any step changes nothing.
 */
export async function rewriteReplyFlow(doc: vscode.TextDocument | undefined, previews: RewritePreviews): Promise<boolean> {
  try {
    return await rewrite(doc, previews);
  } catch (e) {
    // An engine bug: said once, and the draft left as it was (nothing is edited before the last step).
    void vscode.window.showErrorMessage(vscode.l10n.t('Rewrite reply could not finish: {0}. Nothing was changed.', e instanceof Error ? e.message : String(e)));
    return false;
  }
}

async function rewrite(doc: vscode.TextDocument | undefined, previews: RewritePreviews): Promise<boolean> {
  if (!doc || !isDraftLanguage(doc)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or plain-text reply draft to rewrite it.'));
    return false;
  }
  const version = doc.version;
  const draft = doc.getText();
  // Read sentence by sentence on the extension host: a reply, not a long document.
  if (draft.length > MAX_REWRITE_LENGTH) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Rewrite reply works on drafts of up to {0} characters; this one has {1}.', MAX_REWRITE_LENGTH, draft.length));
    return false;
  }
  const heading = vscode.l10n.t('Rewrite reply');
  const plan = replyParts(draft);
  if (plan.empty) {
    // An empty draft: the same questions as Compose, and the reply written into it.
    const composed = await askCompose(heading, draft);
    if (!composed) return false;
    if (doc.isClosed || doc.version !== version) return changedMeanwhile();
    return insertComposed(doc, rewriteReply(draft, composed.answers, composed.options, composed.plan));
  }
  const answers = await askMissing(plan, new Steps(heading, plan.questions.length));
  if (!answers) return false;
  const result = rewriteReply(draft, answers, {}, plan);
  if (result.text === draft) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The draft already reads as one reply in the order of the principles; nothing to rewrite.'));
    return false;
  }
  const preview = previews.add(result.text, doc.uri);
  try {
    await vscode.commands.executeCommand('vscode.diff', doc.uri, preview, vscode.l10n.t('Rewrite reply: your draft ↔ the rewrite'), { preview: true, preserveFocus: true });
    const verdict = result.analysis.verdict === 'good'
      ? vscode.l10n.t('The coach judges the rewrite good to send (score {0}).', result.analysis.score)
      : vscode.l10n.t('The rewrite still needs work (score {0}): check your answers.', result.analysis.score);
    const apply = await pick(`${heading}: ${vscode.l10n.t('apply the rewrite?')}`, `${partsSummary(plan)} · ${verdict}`, [
      { label: vscode.l10n.t('Apply'), description: vscode.l10n.t('one undo step'), value: true },
      { label: vscode.l10n.t('Discard'), value: false },
    ]);
    if (!apply) return false;
    if (doc.isClosed || doc.version !== version) return changedMeanwhile();
    const change = diffEdit(draft, result.text);
    if (!change) return false;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.newText);
    return await vscode.workspace.applyEdit(edit);
  } finally {
    await closePreview(preview);
    previews.remove(preview);
  }
}

function changedMeanwhile(): false {
  void vscode.window.showWarningMessage(vscode.l10n.t('The draft changed while you answered; nothing was changed. Run “Rewrite reply” again.'));
  return false;
}
