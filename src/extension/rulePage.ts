import * as vscode from 'vscode';
import { RULE_IDS, type RuleId, ruleDocsUrl } from '../core';

export const LEARN_MORE_COMMAND = 'declineCoach.learnMore';

const isRuleId = (value: unknown): value is RuleId => typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value);

/**
 * Opens a rule's page rendered: the copy shipped with the extension in VS Code's Markdown
 * preview, else (no local copy, as on vscode.dev, or no Markdown preview) the page on the web.
 * Says which it opened; an unknown rule opens nothing.
 */
export async function openRulePage(extensionUri: vscode.Uri, ruleId: unknown): Promise<'preview' | 'web' | undefined> {
  if (!isRuleId(ruleId)) return undefined;
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(page);
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return 'preview';
  } catch {
    await vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(ruleId)));
    return 'web';
  }
}
