import * as vscode from 'vscode';
import { frontMatterOf, opensWithGreeting } from '../core';
import type { CoachConfig } from './config';

const OPT_IN_COMMENT = /<!--\s*decline-coach\s*-->/;

export function isDraftLanguage(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' || doc.languageId === 'plaintext';
}

const matchesAny = (doc: vscode.TextDocument, globs: readonly vscode.GlobPattern[]) =>
  globs.some(pattern => vscode.languages.match({ pattern }, doc) > 0);

/**
 * Whether Decline Coach judges a document. It never nags on Markdown that is not a reply: a
 * document must match `include`, opt in (front matter or comment), be an untitled draft that
 * starts with a greeting, or have been opened for review. `exclude` wins over all.
 */
export function isReplyDraft(doc: vscode.TextDocument, config: CoachConfig, openedForReview: ReadonlySet<string>): boolean {
  if (!config.enable || !isDraftLanguage(doc)) return false;
  if (matchesAny(doc, config.exclude)) return false;
  if (openedForReview.has(doc.uri.toString())) return true;
  if (matchesAny(doc, config.include)) return true;
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 200), 0));
  if (frontMatterOf(head)['decline-coach'] === 'true' || OPT_IN_COMMENT.test(head)) return true;
  return doc.isUntitled && opensWithGreeting(head);
}
