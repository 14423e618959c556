import * as vscode from 'vscode';
import { composeReply } from '../core';
import { askCompose, insertComposed } from './rewriteReply';

/**
 * Compose decline reply: Rewrite reply's questions on an empty draft (language and form of
 * address, the client's name, the request, the reason, the alternative, by when), then a new
 * untitled Markdown draft with the reply, the sender's name a tab stop. Escape at any step leaves
 * nothing behind.
 */
export async function composeDecline(): Promise<vscode.TextDocument | undefined> {
  const composed = await askCompose(vscode.l10n.t('Compose decline reply'), '');
  if (!composed) return undefined;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  await insertComposed(doc, composeReply({ ...composed.options, ...composed.answers }));
  return doc;
}
