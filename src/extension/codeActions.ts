import * as vscode from 'vscode';
import { type Finding, isPhraseRule, ruleTitle } from '../core';
import { disableNextLineEdit, findingsAt as findingsAtOffsets, fixesInMenuOrder, ignorablePhrase } from '../core/presentation';
import { uiLang } from './config';
import { fixAllEdit, fixToEdit } from './edits';
import type { DraftState, Linter } from './linter';
import { LEARN_MORE_COMMAND } from './rulePage';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('declineCoach');
export const MORE_ACTIONS_COMMAND = 'declineCoach.moreActions';

type Shown = DraftState['shown'][number];

/** The findings at `range` (see core/presentation.ts). */
function findingsAt(doc: vscode.TextDocument, state: DraftState, range: vscode.Range): { primary: Shown[]; others: Shown[] } {
  return findingsAtOffsets(state.shown, doc.offsetAt(range.start), doc.offsetAt(range.end));
}

function disableEdit(doc: vscode.TextDocument, finding: Finding): vscode.WorkspaceEdit {
  const { start, newText } = disableNextLineEdit(doc.getText(), finding.start, finding.ruleId);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, doc.positionAt(start), newText);
  return edit;
}

/** One entry of "More Decline Coach actions…". */
interface MoreItem extends vscode.QuickPickItem {
  run: () => Thenable<unknown>;
}

/**
 * Quick fixes, short: for the finding under the cursor its rewrites (the preferred one first),
 * then *Ignore “…”*, then *Fix all* when it changes more than one place, then one entry that
 * opens the rest (disable for a line, learn more, what the draft lacks here). Also
 * `source.fixAll.declineCoach` for `editor.codeActionsOnSave`.
 */
export class CoachCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  /** Fix all's edit per check of a draft (a new check is a new state). */
  private readonly fixAllByState = new WeakMap<DraftState, ReturnType<typeof fixAllEdit>>();

  constructor(private readonly linter: Linter, private readonly log: vscode.LogOutputChannel) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
      if (context.only && wants(FIX_ALL_KIND) && !wants(vscode.CodeActionKind.QuickFix)) {
        const all = this.fixAllAction(doc, FIX_ALL_KIND, 1);
        return all ? [all] : [];
      }
      if (!wants(vscode.CodeActionKind.QuickFix)) return [];
      // Asked for (Ctrl+.): judged now when the published findings are for an older version, so
      // the menu is never empty under a squiggle. The light bulb, asked after every keystroke,
      // waits for the debounced check instead of forcing one.
      let state: DraftState | undefined;
      if (context.triggerKind === vscode.CodeActionTriggerKind.Invoke) {
        const outcome = this.linter.upToDate(doc);
        state = outcome.kind === 'judged' ? outcome.state : undefined;
      } else {
        state = this.linter.published(doc);
      }
      if (!state) return [];
      const { primary, others } = findingsAt(doc, state, range);
      if (primary.length === 0) return [];
      const actions: vscode.CodeAction[] = [];
      for (const { finding, diagnostic } of primary) {
        for (const fix of fixesInMenuOrder(finding)) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = fix.preferred;
          action.edit = fixToEdit(doc, fix);
          actions.push(action);
        }
      }
      for (const { finding, diagnostic } of primary) {
        if (!isPhraseRule(finding.ruleId)) continue;
        const phrase = ignorablePhrase(finding);
        const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore “{0}” in this workspace', phrase), vscode.CodeActionKind.QuickFix);
        ignore.diagnostics = [diagnostic];
        ignore.command = { title: ignore.title, command: 'declineCoach.ignorePhrase', arguments: [phrase, doc.uri] };
        actions.push(ignore);
      }
      const all = this.fixAllAction(doc, vscode.CodeActionKind.QuickFix, 2);
      if (all) actions.push(all);
      const more = new vscode.CodeAction(vscode.l10n.t('More Decline Coach actions…'), vscode.CodeActionKind.QuickFix);
      more.diagnostics = [...primary, ...others].map(s => s.diagnostic);
      more.command = { title: more.title, command: MORE_ACTIONS_COMMAND, arguments: [doc.uri, doc.version, range] };
      actions.push(more);
      return actions;
    } catch (e) {
      this.log.error(`Code actions failed for ${doc.uri.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
  }

  /** Everything the short menu leaves out, for the findings at `range` of this version of the draft. */
  moreItems(doc: vscode.TextDocument, state: DraftState, range: vscode.Range): MoreItem[] {
    const lang = uiLang();
    const { primary, others } = findingsAt(doc, state, range);
    const items: MoreItem[] = [];
    // What the draft lacks, at the refusal: the insert the menu itself does not show.
    for (const { finding } of others) {
      for (const fix of finding.fixes) items.push({ label: fix.title, detail: ruleTitle(lang, finding.ruleId), run: () => vscode.workspace.applyEdit(fixToEdit(doc, fix)) });
    }
    const seen = new Set<string>();
    for (const { finding } of [...primary, ...others]) {
      if (seen.has(finding.ruleId)) continue;
      seen.add(finding.ruleId);
      const name = ruleTitle(lang, finding.ruleId);
      if (doc.languageId === 'markdown') items.push({ label: vscode.l10n.t('Disable “{0}” for this line', name), run: () => vscode.workspace.applyEdit(disableEdit(doc, finding)) });
      items.push({ label: vscode.l10n.t('Learn more about “{0}”', name), run: () => vscode.commands.executeCommand(LEARN_MORE_COMMAND, finding.ruleId) });
    }
    // Last: not about this place, the whole reply at once, asking only for what it lacks.
    items.push({ label: vscode.l10n.t('Rewrite reply…'), detail: vscode.l10n.t('One coherent reply from your sentences and a few answers, with a diff first'),
      run: () => vscode.commands.executeCommand('declineCoach.rewriteReply', doc.uri) });
    return items;
  }

  /** Runs one of the further actions, chosen from a list; nothing when the draft changed meanwhile. */
  async showMore(uri: vscode.Uri, version: number, range: vscode.Range): Promise<boolean> {
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (!doc || doc.version !== version) return false;
    const outcome = this.linter.upToDate(doc);
    if (outcome.kind !== 'judged') return false;
    const picked = await vscode.window.showQuickPick(this.moreItems(doc, outcome.state, range), { placeHolder: vscode.l10n.t('More Decline Coach actions…') });
    if (!picked) return false;
    // The list stays open while the writer types: its edits were made for the version it was built on.
    if (doc.isClosed || doc.version !== version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The draft changed meanwhile; nothing was applied.'));
      return false;
    }
    await picked.run();
    return true;
  }

  /** Fix all as an action when it changes at least `minPlaces` places. */
  private fixAllAction(doc: vscode.TextDocument, kind: vscode.CodeActionKind, minPlaces: number): vscode.CodeAction | undefined {
    const outcome = this.linter.upToDate(doc);
    if (outcome.kind !== 'judged') return undefined;
    // Worked out once per check of the draft: the light bulb asks again on every cursor move.
    let fixAll = this.fixAllByState.get(outcome.state);
    if (!fixAll) {
      fixAll = fixAllEdit(doc, this.linter.judgeAsShown(doc));
      this.fixAllByState.set(outcome.state, fixAll);
    }
    const { edit, count } = fixAll;
    if (count < minPlaces) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe rewrites ({0})', count), kind);
    action.edit = edit;
    action.diagnostics = outcome.state.shown.filter(s => s.inEditor && s.finding.fixes.some(f => f.preferred)).map(s => s.diagnostic);
    return action;
  }
}
