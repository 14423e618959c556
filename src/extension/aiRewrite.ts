import * as vscode from 'vscode';
import { type Analysis, PRINCIPLES, type Principle, principleTitle } from '../core';
import { checkRewrite, type RewriteCheck } from '../core/aiCheck';
import { buildRewritePrompt, rewriteFromResponse, rewriteTarget, type RewriteTarget } from '../core/aiPrompt';
import { type AiPreviewModel, type AiPreviewState, type AiPreviewStrings, renderAiPreview } from '../webview/aiPreview';
import { uiLang } from './config';
import type { DraftState, Linter } from './linter';

export const AI_REWRITE_COMMAND = 'declineCoach.rewriteWithAi';
const APPLY_COMMAND = 'declineCoach.applyAiRewrite';
const DISCARD_COMMAND = 'declineCoach.discardAiRewrite';
const PREVIEW_VIEW_TYPE = 'declineCoach.aiPreview';
/** The preview is re-rendered at most this often while the answer streams in. */
const STREAM_RENDER_MS = 100;

export const aiEnabled = (uri?: vscode.Uri) => vscode.workspace.getConfiguration('declineCoach', uri).get<boolean>('ai.enable') === true;

/** `declineCoach.ai.model`: "vendor" or "vendor/family"; empty picks the first model available. */
export function modelSelector(setting: unknown): vscode.LanguageModelChatSelector {
  if (typeof setting !== 'string' || setting.trim() === '') return {};
  const [vendor, ...family] = setting.trim().split('/');
  return family.length ? { vendor, family: family.join('/') } : { vendor };
}

function previewStrings(): AiPreviewStrings {
  const lang = uiLang();
  return {
    title: vscode.l10n.t('Rewrite with AI'),
    streaming: vscode.l10n.t('{0} is writing… The coach judges the rewrite when it is complete.'),
    cancelled: vscode.l10n.t('The rewrite was stopped. Your draft is unchanged.'),
    score: vscode.l10n.t('Score'),
    gained: vscode.l10n.t('Now met'),
    lost: vscode.l10n.t('No longer met'),
    checkFirst: vscode.l10n.t('Check before you apply'),
    noFlags: vscode.l10n.t('The rewrite keeps the draft’s numbers, dates and language.'),
    principles: Object.fromEntries(PRINCIPLES.map(p => [p, principleTitle(lang, p)])) as Record<Principle, string>,
    flag: {
      lowerScore: vscode.l10n.t('The coach scores the rewrite lower than your draft.'),
      inventedNumbers: vscode.l10n.t('Numbers that are not in your draft: {0}.'),
      inventedDates: vscode.l10n.t('Dates that are not in your draft: {0}.'),
      languageChanged: vscode.l10n.t('The rewrite is in another language ({0} → {1}).'),
      quotesChanged: vscode.l10n.t('The client’s quoted lines (> …) were changed.'),
      empty: vscode.l10n.t('The rewrite is empty.'),
    },
    apply: vscode.l10n.t('Apply'),
    discard: vscode.l10n.t('Discard'),
    stop: vscode.l10n.t('Stop'),
    close: vscode.l10n.t('Close'),
  };
}

/** A clear sentence for what went wrong; nothing was changed in any case. */
function failureMessage(error: unknown, modelName: string): string {
  const errors = [error, error instanceof Error ? error.cause : undefined];
  const code = errors.map(e => (e instanceof vscode.LanguageModelError ? e.code : undefined)).find(c => c && c !== 'Unknown');
  switch (code) {
    case vscode.LanguageModelError.NoPermissions.name:
      return vscode.l10n.t('Decline Coach may not use {0}: the permission was refused. Allow it when VS Code asks (the Accounts menu manages what you allowed). Your draft is unchanged.', modelName);
    case vscode.LanguageModelError.Blocked.name:
      return vscode.l10n.t('{0} blocked the request (a usage limit or a content filter). Your draft is unchanged; try again later.', modelName);
    case vscode.LanguageModelError.NotFound.name:
      return vscode.l10n.t('{0} is no longer available. Your draft is unchanged; run “Rewrite with AI” again to pick another model.', modelName);
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return vscode.l10n.t('{0} failed while writing the rewrite ({1}). Your draft is unchanged.', modelName, detail);
    }
  }
}

interface Session {
  id: number;
  doc: vscode.TextDocument;
  /** The document version the rewrite was requested for: Apply refuses any other. */
  version: number;
  /** The document's text at that version: the rewrite is judged in it. */
  original: string;
  target: RewriteTarget;
  modelName: string;
  state: AiPreviewState;
  text: string;
  check?: RewriteCheck;
  error?: string;
  cancel: vscode.CancellationTokenSource;
}

/**
 * "Rewrite with AI": asks the user's own language model for a rewrite of the reply, streams it
 * into a preview, has the engine judge it, and applies it as one edit only when the writer says
 * so and the draft is unchanged. Nothing is sent unless `declineCoach.ai.enable` is on.
 */
export class AiRewriter implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] };
  private models: Thenable<vscode.LanguageModelChat[]> | undefined;
  private modelsFor: string | undefined;
  private panel: vscode.WebviewPanel | undefined;
  private session: Session | undefined;
  private sessions = 0;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private lastHtml = '';
  private readonly disposables: vscode.Disposable[] = [];
  /** The part of a draft a rewrite replaces, per check of the draft. */
  private readonly targets = new WeakMap<DraftState, RewriteTarget | undefined>();

  constructor(private readonly extensionUri: vscode.Uri, private readonly linter: Linter, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      // Models come and go as providers install, sign in or out: choose again next time.
      vscode.lm.onDidChangeChatModels(() => { this.models = undefined; }),
      vscode.commands.registerCommand(AI_REWRITE_COMMAND, (uri?: vscode.Uri) => this.rewrite(uri)),
      vscode.commands.registerCommand(APPLY_COMMAND, (id?: number) => this.apply(id)),
      vscode.commands.registerCommand(DISCARD_COMMAND, (id?: number) => this.discard(id)),
    );
  }

  /** What the preview shows; the integration tests read it. */
  get preview(): { state: AiPreviewState; html: string; id: number } | undefined {
    return this.session && this.panel ? { state: this.session.state, html: this.lastHtml, id: this.session.id } : undefined;
  }

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.RefactorRewrite)) return [];
    const state = aiEnabled(doc.uri) ? this.linter.published(doc) : undefined;
    if (!state) return [];
    // Once per check of the draft: the light bulb asks again on every cursor move.
    if (!this.targets.has(state)) this.targets.set(state, rewriteTarget(doc.getText(), doc.languageId === 'plaintext' ? 'plaintext' : 'markdown'));
    const target = this.targets.get(state);
    if (!target || doc.offsetAt(range.start) > target.end || doc.offsetAt(range.end) < target.start) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Rewrite the reply with AI…'), vscode.CodeActionKind.RefactorRewrite);
    action.command = { command: AI_REWRITE_COMMAND, title: action.title, arguments: [doc.uri] };
    return [action];
  }

  private async chooseModel(uri: vscode.Uri): Promise<vscode.LanguageModelChat | undefined> {
    const setting = vscode.workspace.getConfiguration('declineCoach', uri).get<string>('ai.model', '');
    if (!this.models || this.modelsFor !== setting) {
      this.modelsFor = setting;
      this.models = vscode.lm.selectChatModels(modelSelector(setting));
    }
    try {
      return (await this.models)[0];
    } catch (error) {
      this.models = undefined;
      this.log.error(`Rewrite with AI: selecting a model failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The command: returns whether a rewrite is shown for review. */
  async rewrite(uri?: vscode.Uri): Promise<boolean> {
    const doc = uri instanceof vscode.Uri
      ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a reply draft to rewrite it with AI.'));
      return false;
    }
    if (!aiEnabled(doc.uri)) {
      const open = vscode.l10n.t('Open Settings');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('Rewrite with AI is off. When you turn it on (declineCoach.ai.enable), your reply draft is sent to the language model you choose, only when you run this command.'), open);
      if (answer === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'declineCoach.ai');
      return false;
    }
    const outcome = this.linter.upToDate(doc);
    const judged = outcome.kind === 'judged' ? outcome.state : undefined;
    const target = judged && judged.analysis.verdict !== 'empty' && judged.analysis.languageSource !== 'fallback'
      ? rewriteTarget(doc.getText(), doc.languageId === 'plaintext' ? 'plaintext' : 'markdown') : undefined;
    if (!judged || !target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Decline Coach rewrites only a reply draft it can check, in German or English, with some text of yours. Nothing was sent.'));
      return false;
    }
    const model = await this.chooseModel(doc.uri);
    if (!model) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No language model is available for Rewrite with AI. Install and sign in to an extension that provides chat models (such as GitHub Copilot), or check declineCoach.ai.model. Nothing was sent.'));
      return false;
    }
    this.end();
    const session: Session = {
      id: ++this.sessions, doc, version: doc.version, original: doc.getText(), target, modelName: model.name || model.id, state: 'streaming', text: '',
      cancel: new vscode.CancellationTokenSource(),
    };
    this.session = session;
    this.showPanel();
    const before = this.linter.judgeAsShown(doc)(session.original);
    return vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Rewriting the reply with {0}', session.modelName),
      cancellable: true,
    }, async (_progress, token) => {
      token.onCancellationRequested(() => session.cancel.cancel());
      await this.stream(session, model, before);
      return session.state === 'ready';
    });
  }

  private async stream(session: Session, model: vscode.LanguageModelChat, before: Analysis): Promise<void> {
    const token = session.cancel.token;
    try {
      const messages = buildRewritePrompt(session.target, before).map(text => vscode.LanguageModelChatMessage.User(text));
      const response = await model.sendRequest(messages, {
        justification: vscode.l10n.t('Decline Coach sends your reply draft, the client’s quoted text and the coach’s findings to rewrite the reply. The rewrite is shown to you before anything changes.'),
      }, token);
      for await (const chunk of response.text) {
        if (token.isCancellationRequested) break;
        session.text += chunk;
        this.scheduleRender(session);
      }
      if (token.isCancellationRequested) return this.finish(session, 'cancelled');
      const rewrite = rewriteFromResponse(session.text);
      if (!rewrite) return this.finish(session, 'failed', vscode.l10n.t('{0} returned no text. Your draft is unchanged.', session.modelName));
      const document = session.original;
      const after = this.linter.judgeAsShown(session.doc)(document.slice(0, session.target.start) + rewrite + document.slice(session.target.end));
      session.text = rewrite;
      session.check = checkRewrite({ draft: session.target.text, document, rewrite, before, after });
      this.finish(session, 'ready');
    } catch (error) {
      if (token.isCancellationRequested) return this.finish(session, 'cancelled');
      const message = failureMessage(error, session.modelName);
      this.log.warn(`Rewrite with AI failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      this.finish(session, 'failed', message);
      void vscode.window.showErrorMessage(message);
    }
  }

  private finish(session: Session, state: AiPreviewState, error?: string): void {
    if (this.session !== session) return;
    session.state = state;
    session.error = error;
    this.render();
  }

  private showPanel(): void {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Rewrite with AI'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: [APPLY_COMMAND, DISCARD_COMMAND],
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
      });
      panel.onDidDispose(() => {
        // Closing the preview is discarding it: a request still running is stopped.
        if (this.panel === panel) { this.panel = undefined; this.end(); }
      });
      this.panel = panel;
    }
    this.render();
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  private scheduleRender(session: Session): void {
    if (this.renderTimer || this.session !== session) return;
    this.renderTimer = setTimeout(() => { this.renderTimer = undefined; this.render(); }, STREAM_RENDER_MS);
  }

  private render(): void {
    const session = this.session;
    const panel = this.panel;
    if (!session || !panel) return;
    const href = (command: string) => `command:${command}?${encodeURIComponent(JSON.stringify([session.id]))}`;
    const model: AiPreviewModel = {
      state: session.state, modelName: session.modelName, before: session.target.text, text: session.text, check: session.check, error: session.error,
      fileName: session.doc.isUntitled ? session.doc.uri.path : vscode.workspace.asRelativePath(session.doc.uri),
      applyHref: session.state === 'ready' && session.check && !session.check.flags.some(f => f.kind === 'empty') ? href(APPLY_COMMAND) : undefined,
      discardHref: href(DISCARD_COMMAND),
    };
    const webview = panel.webview;
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'review.css'));
    const own = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'aiPreview.css'));
    this.lastHtml = renderAiPreview(model, previewStrings());
    webview.html = `<!DOCTYPE html>
<html lang="${uiLang()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet"><link href="${own}" rel="stylesheet">
<title>${vscode.l10n.t('Rewrite with AI')}</title>
</head>
<body><main aria-live="polite">${this.lastHtml}</main></body>
</html>`;
  }

  /** Replaces the reply with the rewrite as one edit, only if the draft is as it was when the rewrite was requested. */
  async apply(id?: number): Promise<boolean> {
    const session = this.session;
    if (!session || session.state !== 'ready' || (id !== undefined && id !== session.id)) return false;
    const doc = session.doc;
    if (doc.isClosed || doc.version !== session.version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The draft changed since the rewrite was requested; nothing was applied. Run “Rewrite with AI” again.'));
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(session.target.start), doc.positionAt(session.target.end)), session.text);
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) this.close();
    return applied;
  }

  /** Leaves the draft as it is: stops a request still running and closes the preview. */
  discard(id?: number): boolean {
    if (!this.session || (id !== undefined && id !== this.session.id)) return false;
    this.close();
    return true;
  }

  private close(): void {
    this.end();
    const panel = this.panel;
    this.panel = undefined;
    panel?.dispose();
  }

  private end(): void {
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    this.session?.cancel.cancel();
    this.session?.cancel.dispose();
    this.session = undefined;
  }

  dispose(): void {
    this.close();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
