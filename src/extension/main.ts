import * as vscode from 'vscode';
import { type Analysis, PRINCIPLES, principleTitle } from '../core';
import { BACKGROUND_BUDGET_SECONDS, BackgroundChecker } from '../core/background/checker';
import { AiRewriter } from './aiRewrite';
import { CoachCodeActions, MORE_ACTIONS_COMMAND } from './codeActions';
import { composeDecline } from './compose';
import { uiLang } from './config';
import { ConfigFiles } from './configFile';
import { fixAllEdit } from './edits';
import { CoachHover } from './hover';
import { Linter } from './linter';
import { REVIEW_VIEW_TYPE, ReviewPanel } from './reviewPanel';
import { activePrompt, type PromptView, RewritePreviews, rewriteReplyFlow, typeIntoPrompt } from './rewriteReply';
import { LEARN_MORE_COMMAND, openRulePage } from './rulePage';
import { isDraftLanguage } from './selection';
import { SnippetCompletions } from './snippets';
import { spawnCheckWorker } from './worker/spawn';

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

/** What the extension returns from `activate`: used by the integration tests. */
export interface DeclineCoachApi {
  analysisFor(doc: vscode.TextDocument): Analysis | undefined;
  reviewHtml(): string | undefined;
  postFromWebview(message: unknown): Promise<boolean>;
  /** The status bar item as shown, undefined while hidden. */
  status(): { text: string; tooltip: string; command: string } | undefined;
  /** The "Rewrite with AI" preview as shown, undefined while closed. */
  aiPreview(): AiRewriter['preview'];
  /** The quick pick or input box Rewrite reply or Compose shows, and typing into it. */
  prompt(): PromptView | undefined;
  typeIntoPrompt(text: string): boolean;
}

function statusText(analysis: Analysis, shownCount: number): { text: string; tooltip: string } {
  const lang = uiLang();
  const verdict = analysis.verdict === 'good' ? vscode.l10n.t('good to send') : vscode.l10n.t('needs work');
  const lines = PRINCIPLES.map(p => `${analysis.principles[p] ? '✓' : '✗'} ${principleTitle(lang, p)}`);
  return {
    text: `$(comment-discussion) ${shownCount === 1
      ? vscode.l10n.t('{0} · 1 finding', analysis.score)
      : vscode.l10n.t('{0} · {1} findings', analysis.score, shownCount)}`,
    tooltip: `${vscode.l10n.t('Decline Coach: score {0}/100, {1}', analysis.score, verdict)}\n${lines.join('\n')}\n${vscode.l10n.t('Click to review the draft')}`,
  };
}

export function activate(context: vscode.ExtensionContext): DeclineCoachApi {
  const log = vscode.window.createOutputChannel('Decline Coach', { log: true });
  const background = new BackgroundChecker(() => spawnCheckWorker(vscode.Uri.joinPath(context.extensionUri, 'dist')), BACKGROUND_BUDGET_SECONDS * 1000);
  const configFiles = new ConfigFiles(log);
  const linter = new Linter(log, background, configFiles);
  const status = vscode.window.createStatusBarItem('declineCoach.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Decline Coach';
  status.command = 'declineCoach.reviewDraft';

  let statusDoc: vscode.TextDocument | undefined;
  let statusShown = false;
  const updateStatus = () => {
    // Focus in the review panel leaves no active editor: keep showing the draft last edited.
    const doc = vscode.window.activeTextEditor?.document ?? (statusDoc && !statusDoc.isClosed ? statusDoc : undefined);
    statusDoc = doc;
    const state = doc && linter.published(doc);
    statusShown = Boolean(state);
    if (!state) { status.hide(); return; }
    const { text, tooltip } = statusText(state.analysis, state.shown.length);
    status.text = text;
    status.tooltip = tooltip;
    status.show();
  };

  const codeActions = new CoachCodeActions(linter, log);
  const ai = new AiRewriter(context.extensionUri, linter, log);
  const previews = new RewritePreviews();
  const runsOnType = (doc: vscode.TextDocument) => vscode.workspace.getConfiguration('declineCoach', doc.uri).get<string>('run') !== 'onSave';

  context.subscriptions.push(
    log, configFiles, linter, status, ai,
    configFiles.onDidChange(() => linter.lintAll()),
    vscode.languages.registerCodeActionsProvider(SELECTOR, codeActions, CoachCodeActions.metadata),
    vscode.languages.registerCodeActionsProvider(SELECTOR, ai, AiRewriter.metadata),
    vscode.commands.registerCommand(MORE_ACTIONS_COMMAND, (uri: vscode.Uri, version: number, range: vscode.Range) => codeActions.showMore(uri, version, range)),
    vscode.languages.registerHoverProvider(SELECTOR, new CoachHover(linter, log)),
    vscode.commands.registerCommand(LEARN_MORE_COMMAND, (ruleId: unknown) => openRulePage(context.extensionUri, ruleId)),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new SnippetCompletions(vscode.Uri.joinPath(context.extensionUri, 'snippets', 'decline-coach.code-snippets'), log)),
    vscode.workspace.onDidOpenTextDocument(doc => linter.schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument(e => {
      if (e.contentChanges.length > 0 && isDraftLanguage(e.document) && runsOnType(e.document)) linter.schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument(doc => linter.schedule(doc, 0)),
    vscode.workspace.onDidCloseTextDocument(doc => linter.forget(doc)),
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('declineCoach')) linter.lintAll(); }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => linter.lintAll()),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    linter.onDidLint(updateStatus),
    vscode.commands.registerCommand('declineCoach.reviewDraft', (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri
        ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString())
        : vscode.window.activeTextEditor?.document;
      ReviewPanel.createOrShow(context.extensionUri, linter, doc);
    }),
    vscode.commands.registerCommand('declineCoach.composeDecline', async () => {
      const doc = await composeDecline();
      if (doc) linter.review(doc);
      return doc;
    }),
    vscode.workspace.registerTextDocumentContentProvider(RewritePreviews.scheme, previews),
    vscode.commands.registerCommand('declineCoach.rewriteReply', (uri?: vscode.Uri) => rewriteReplyFlow(
      uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document,
      previews)),
    vscode.commands.registerCommand('declineCoach.fixAll', async (uri?: vscode.Uri, version?: number) => {
      const doc = uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      if (!doc) return false;
      if (version !== undefined && version !== doc.version) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The draft changed since the fixes were computed; nothing was applied. Run “Fix all safe rewrites” again.'));
        return false;
      }
      if (linter.upToDate(doc).kind !== 'judged') return false;
      const { edit, count } = fixAllEdit(doc, linter.judgeAsShown(doc));
      return count > 0 && vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('declineCoach.ignorePhrase', async (phrase: string, uri?: vscode.Uri) => {
      if (typeof phrase !== 'string' || !phrase.trim()) return;
      const config = vscode.workspace.getConfiguration('declineCoach', uri);
      const current = config.get<string[]>('ignoredPhrases', []);
      if (current.some(p => p.toLowerCase() === phrase.toLowerCase())) return;
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update('ignoredPhrases', [...current, phrase], target);
    }),
    vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) { ReviewPanel.revive(panel, context.extensionUri, linter, state); },
    }),
  );
  for (const doc of vscode.workspace.textDocuments) linter.schedule(doc, 0);
  updateStatus();

  return {
    analysisFor: doc => {
      const outcome = linter.upToDate(doc);
      return outcome.kind === 'judged' ? outcome.state.analysis : undefined;
    },
    reviewHtml: () => ReviewPanel.current?.html,
    postFromWebview: message => ReviewPanel.current?.receive(message) ?? Promise.resolve(false),
    status: () => (statusShown ? { text: status.text, tooltip: String(status.tooltip), command: String(status.command) } : undefined),
    aiPreview: () => ai.preview,
    prompt: activePrompt,
    typeIntoPrompt,
  };
}

export function deactivate(): void {
  ReviewPanel.current?.dispose();
}
