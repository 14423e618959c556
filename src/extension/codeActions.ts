import * as vscode from 'vscode';
import { type Finding, isPhraseRule, ruleDocsUrl } from '../core';
import { fixAllEdit, fixToEdit } from './edits';
import { type Linter, SOURCE } from './linter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('declineCoach');

/**
 * Quick fixes from Decline Coach's diagnostics: the engine's rewrites (the single safe one
 * preferred), ignore the phrase, disable the rule for a line, learn more, and fix all — the
 * last also as `source.fixAll.declineCoach` for `editor.codeActionsOnSave`.
 */
export class CoachCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: Linter, private readonly log: vscode.LogOutputChannel) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
      const actions: vscode.CodeAction[] = [];
      if (context.only && wants(FIX_ALL_KIND) && !wants(vscode.CodeActionKind.QuickFix)) {
        const all = this.fixAllAction(doc, FIX_ALL_KIND);
        return all ? [all] : [];
      }
      if (!wants(vscode.CodeActionKind.QuickFix)) return [];
      const state = this.linter.published(doc);
      if (!state) return [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        const shown = state.shown.find(s => s.diagnostic === diagnostic) ??
          state.shown.find(s => s.diagnostic.range.isEqual(diagnostic.range) && s.diagnostic.message === diagnostic.message);
        if (shown) actions.push(...this.actionsFor(doc, shown.finding, diagnostic));
      }
      if (actions.length > 0 && state.shown.filter(s => s.finding.fixes.some(f => f.preferred)).length > 1) {
        const all = this.fixAllAction(doc, vscode.CodeActionKind.QuickFix);
        if (all) actions.push(all);
      }
      return actions;
    } catch (e) {
      this.log.error(`Code actions failed for ${doc.uri.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
  }

  private actionsFor(doc: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const fix of finding.fixes) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred;
      action.edit = fixToEdit(doc, fix);
      actions.push(action);
    }
    if (isPhraseRule(finding.ruleId)) {
      const phrase = finding.actual.replace(/\s+/g, ' ').replace(/[\s,.!?]+$/, '');
      const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore “{0}” in this workspace', phrase), vscode.CodeActionKind.QuickFix);
      ignore.diagnostics = [diagnostic];
      ignore.command = { title: ignore.title, command: 'declineCoach.ignorePhrase', arguments: [phrase, doc.uri] };
      actions.push(ignore);
    }
    if (doc.languageId === 'markdown') {
      const line = doc.positionAt(finding.start).line;
      const indent = /^\s*/.exec(doc.lineAt(line).text)?.[0] ?? '';
      const disable = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this line', finding.ruleId), vscode.CodeActionKind.QuickFix);
      disable.diagnostics = [diagnostic];
      disable.edit = new vscode.WorkspaceEdit();
      disable.edit.insert(doc.uri, new vscode.Position(line, 0), `${indent}<!-- decline-coach-disable-next-line ${finding.ruleId} -->\n`);
      actions.push(disable);
    }
    const learn = new vscode.CodeAction(vscode.l10n.t('Learn more about {0}', finding.ruleId), vscode.CodeActionKind.QuickFix);
    learn.diagnostics = [diagnostic];
    learn.command = { title: learn.title, command: 'vscode.open', arguments: [vscode.Uri.parse(ruleDocsUrl(finding.ruleId))] };
    actions.push(learn);
    return actions;
  }

  private fixAllAction(doc: vscode.TextDocument, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
    const outcome = this.linter.upToDate(doc);
    if (outcome.kind !== 'judged') return undefined;
    const { state } = outcome;
    const { edit, count } = fixAllEdit(doc, this.linter.judgeAsShown(doc));
    if (count === 0) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe rewrites ({0})', count), kind);
    action.edit = edit;
    action.diagnostics = state.shown.filter(s => s.finding.fixes.some(f => f.preferred)).map(s => s.diagnostic);
    return action;
  }
}
