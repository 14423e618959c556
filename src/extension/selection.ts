import * as vscode from 'vscode';
import { HEAD_LINES, isReplyDraftBy } from '../core/drafts';
import type { CoachConfig } from './config';

export function isDraftLanguage(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' || doc.languageId === 'plaintext';
}

const matchesAny = (doc: vscode.TextDocument, globs: readonly vscode.GlobPattern[]) =>
  globs.some(pattern => vscode.languages.match({ pattern }, doc) > 0);

/** Whether Decline Coach judges a document (see core/drafts.ts). */
export function isReplyDraft(doc: vscode.TextDocument, config: CoachConfig, openedForReview: ReadonlySet<string>): boolean {
  if (!config.enable || !isDraftLanguage(doc)) return false;
  return isReplyDraftBy({
    excluded: matchesAny(doc, config.exclude),
    openedForReview: openedForReview.has(doc.uri.toString()),
    included: matchesAny(doc, config.include),
    untitled: doc.isUntitled,
  }, () => doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, HEAD_LINES), 0)));
}
