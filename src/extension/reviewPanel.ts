import * as vscode from 'vscode';
import { type Finding, type Principle, PRINCIPLES, principleTitle } from '../core';
import { type FromWebview, parseFromWebview, type ToWebview } from '../webview/messages';
import { type PanelModel, type PanelStrings, renderReview } from '../webview/render';
import { AI_REWRITE_COMMAND, aiEnabled } from './aiRewrite';
import { uiLang } from './config';
import { fixAllEdit, fixToEdit } from './edits';
import type { Linter, LintOutcome } from './linter';
import { isDraftLanguage } from './selection';

export const REVIEW_VIEW_TYPE = 'declineCoach.review';

function strings(): PanelStrings {
  const why: PanelStrings['why'] = {
    listen: { ok: vscode.l10n.t('The reply names what the client asked for.'), missing: vscode.l10n.t('Name what the client asked for.') },
    empathy: { ok: vscode.l10n.t('The reply shows understanding for the client.'), missing: vscode.l10n.t('Add a sentence of understanding.') },
    clarify: { ok: vscode.l10n.t('The reply asks about the client’s needs.'), missing: vscode.l10n.t('Ask what the client really needs.') },
    expectations: { ok: vscode.l10n.t('No vague promises.'), missing: vscode.l10n.t('Replace vague promises with what, when and what you need.') },
    positive: { ok: vscode.l10n.t('No negative framing.'), missing: vscode.l10n.t('Say what is possible, not what is not.') },
    alternative: { ok: vscode.l10n.t('The reply offers another path.'), missing: vscode.l10n.t('Offer a date, a smaller scope or a referral.') },
    reason: { ok: vscode.l10n.t('The reply explains the no.'), missing: vscode.l10n.t('Say why: capacity, scope, quality or policy.') },
  };
  // Principle titles come from the engine's messages, like the hover's and the status bar's.
  const principles = Object.fromEntries(PRINCIPLES.map(p => [p, principleTitle(uiLang(), p)])) as Record<Principle, string>;
  return {
    title: vscode.l10n.t('Decline review'),
    score: vscode.l10n.t('Score'),
    verdict: { good: vscode.l10n.t('Good to send'), needs_work: vscode.l10n.t('Needs work'), empty: vscode.l10n.t('Nothing to review') },
    principles,
    why,
    findings: vscode.l10n.t('Findings'),
    noFindings: vscode.l10n.t('Nothing to change.'),
    apply: vscode.l10n.t('Apply'),
    goTo: vscode.l10n.t('Go to'),
    applyAll: vscode.l10n.t('Apply all safe rewrites'),
    rewrite: vscode.l10n.t('Rewrite reply…'),
    fixKinds: {
      safe: { tag: vscode.l10n.t('Safe'), name: vscode.l10n.t('safe rewrite') },
      snippet: { tag: vscode.l10n.t('Fill in'), name: vscode.l10n.t('rewrite with blanks to fill in') },
      rewrite: { tag: vscode.l10n.t('Rewrite'), name: vscode.l10n.t('another rewrite') },
    },
    keys: vscode.l10n.t('J and K or ↑ and ↓ move between findings; Enter on a finding shows it in the editor.'),
    toolbar: vscode.l10n.t('Review actions'),
    draft: vscode.l10n.t('Draft'),
    language: vscode.l10n.t('Language'),
    aiRewrite: aiEnabled() ? vscode.l10n.t('Rewrite with AI') : undefined,
    states: {
      empty: vscode.l10n.t('This draft is empty. Write your reply and the review appears here.'),
      notReply: vscode.l10n.t('Decline Coach does not check this document: it is not a Markdown or plain-text draft, or declineCoach.enable or declineCoach.exclude leave it out.'),
      failed: vscode.l10n.t('Decline Coach could not check this draft. The reason is in the “Decline Coach” output channel.'),
      unknownLanguage: vscode.l10n.t('Decline Coach cannot tell the language of this draft. It reviews German and English replies; set declineCoach.language or add “lang: de” or “lang: en” to the front matter.'),
      tooLarge: vscode.l10n.t('This document is larger than declineCoach.maxDocumentSize and is not reviewed.'),
      checking: vscode.l10n.t('Checking this draft…'),
      abandoned: vscode.l10n.t('Checking this draft took too long and was stopped. It is checked again when it changes.'),
      noDraft: vscode.l10n.t('Open a reply draft and run “Review decline draft”.'),
    },
  };
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** The one review panel: follows the active draft and its edits, and applies rewrites on request. */
export class ReviewPanel {
  static current: ReviewPanel | undefined;
  private target: vscode.Uri | undefined;
  private renderedVersion = -1;
  private lastHtml = '';
  private readonly disposables: vscode.Disposable[] = [];

  static createOrShow(extensionUri: vscode.Uri, linter: Linter, doc: vscode.TextDocument | undefined): ReviewPanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    if (ReviewPanel.current) {
      ReviewPanel.current.panel.reveal(column, true);
    } else {
      const panel = vscode.window.createWebviewPanel(REVIEW_VIEW_TYPE, vscode.l10n.t('Decline review'), { viewColumn: column, preserveFocus: true },
        ReviewPanel.options(extensionUri));
      ReviewPanel.current = new ReviewPanel(panel, extensionUri, linter);
    }
    ReviewPanel.current.show(doc);
    return ReviewPanel.current;
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, linter: Linter, state: unknown): void {
    panel.webview.options = ReviewPanel.options(extensionUri);
    ReviewPanel.current = new ReviewPanel(panel, extensionUri, linter);
    const uri = state && typeof state === 'object' && typeof (state as { uri?: unknown }).uri === 'string' ? (state as { uri: string }).uri : undefined;
    const doc = uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri) : vscode.window.activeTextEditor?.document;
    ReviewPanel.current.show(doc);
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
      retainContextWhenHidden: false,
    };
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri, private readonly linter: Linter) {
    panel.webview.html = this.shell();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage(data => this.receive(data)),
      linter.onDidLint(doc => { if (this.target && doc.uri.toString() === this.target.toString()) this.refresh(); }),
      vscode.window.onDidChangeActiveTextEditor(editor => {
        if (editor && isDraftLanguage(editor.document) && editor.document.uri.scheme !== 'output') this.show(editor.document);
      }),
    );
  }

  /** The HTML shown last; tests read it through the extension's API. */
  get html(): string {
    return this.lastHtml;
  }

  show(doc: vscode.TextDocument | undefined): void {
    this.target = doc?.uri;
    if (doc && isDraftLanguage(doc)) this.linter.review(doc);
    this.refresh();
  }

  private document(): vscode.TextDocument | undefined {
    const target = this.target?.toString();
    return target ? vscode.workspace.textDocuments.find(d => d.uri.toString() === target) : undefined;
  }

  refresh(): void {
    const doc = this.document();
    const model: PanelModel = { state: 'noDraft', fileName: '', version: -1, text: '' };
    if (doc) {
      model.fileName = doc.isUntitled ? doc.uri.path : vscode.workspace.asRelativePath(doc.uri);
      model.version = doc.version;
      model.text = doc.getText();
      const outcome: LintOutcome = isDraftLanguage(doc) ? this.linter.upToDate(doc) : { kind: 'notReply' };
      if (outcome.kind !== 'judged') model.state = outcome.kind;
      else if (outcome.state.analysis.verdict === 'empty') model.state = 'empty';
      else if (outcome.state.analysis.languageSource === 'fallback') model.state = 'unknownLanguage';
      else {
        model.state = 'review';
        model.analysis = { ...outcome.state.analysis, findings: outcome.state.shown.map(s => s.finding) };
      }
    }
    this.renderedVersion = model.version;
    this.lastHtml = renderReview(model, strings());
    const message: ToWebview = { type: 'render', html: this.lastHtml, version: model.version, uri: doc?.uri.toString() ?? '' };
    void this.panel.webview.postMessage(message);
  }

  /** Handles a message from the panel's script; anything malformed is ignored. */
  async receive(data: unknown): Promise<boolean> {
    const message = parseFromWebview(data);
    if (!message) return false;
    return this.handle(message);
  }

  private async handle(message: FromWebview): Promise<boolean> {
    if (message.type === 'ready') { this.refresh(); return true; }
    const doc = this.document();
    if (!doc) return false;
    if (message.type === 'rewriteAi') return message.uri === doc.uri.toString() && vscode.commands.executeCommand<boolean>(AI_REWRITE_COMMAND, doc.uri);
    const state = this.linter.published(doc);
    // Act only on the document and version the panel showed; either may have changed since.
    const stale = !state || message.uri !== doc.uri.toString() || message.version !== doc.version || message.version !== this.renderedVersion;
    if (message.type === 'goto') {
      const finding = stale ? undefined : state.shown[message.finding]?.finding;
      if (finding) await this.reveal(doc, finding);
      else this.refresh();
      return Boolean(finding);
    }
    if (stale) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The draft changed since the review was shown; nothing was applied. The review is up to date now.'));
      this.linter.lint(doc);
      this.refresh();
      return false;
    }
    // The flow asks, previews and applies itself, only to the version it started from.
    if (message.type === 'rewrite') return vscode.commands.executeCommand<boolean>('declineCoach.rewriteReply', doc.uri);
    if (message.type === 'applyAll') {
      const { edit, count } = fixAllEdit(doc, this.linter.judgeAsShown(doc));
      return count > 0 && vscode.workspace.applyEdit(edit);
    }
    const fix = state?.shown[message.finding]?.finding.fixes[message.fix];
    if (!fix) return false;
    const editor = vscode.window.visibleTextEditors.find(e => e.document === doc);
    if (fix.snippet && editor) {
      // Placeholders become tab stops in the editor.
      const applied = await vscode.workspace.applyEdit(fixToEdit(doc, fix));
      if (applied) await vscode.window.showTextDocument(doc, editor.viewColumn);
      return applied;
    }
    return vscode.workspace.applyEdit(fixToEdit(doc, fix));
  }

  private async reveal(doc: vscode.TextDocument, finding: Finding): Promise<void> {
    const range = new vscode.Range(doc.positionAt(finding.start), doc.positionAt(finding.end));
    const visible = vscode.window.visibleTextEditors.find(e => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private shell(): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'review.css'));
    const n = nonce();
    return `<!DOCTYPE html>
<html lang="${uiLang()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>${vscode.l10n.t('Decline review')}</title>
</head>
<body>
<main id="root"></main>
<div id="announce" class="sr-only" role="status" aria-live="polite"></div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    ReviewPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

