import * as vscode from 'vscode';
import { applyFixes, type Fix, preferredFixes, type TextEdit } from '../core';
import type { DraftState } from './linter';

const PLACEHOLDER = /\$\{\d+(?::[^}]*)?\}/g;

/** Engine text with `${n:default}` placeholders as a snippet; everything else escaped. */
export function toSnippet(text: string): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    snippet.appendText(text.slice(last, m.index));
    const inner = /^\$\{(\d+)(?::([^}]*))?\}$/.exec(m[0]);
    snippet.appendPlaceholder(inner?.[2] ?? '', Number(inner?.[1] ?? 1));
    last = (m.index ?? 0) + m[0].length;
  }
  snippet.appendText(text.slice(last));
  return snippet;
}

function rangeOf(doc: vscode.TextDocument, e: TextEdit): vscode.Range {
  return new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end));
}

/** A fix as a workspace edit; fixes with placeholders become snippet edits (tab stops). */
export function fixToEdit(doc: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  if (fix.snippet) edit.set(doc.uri, fix.edits.map(e => new vscode.SnippetTextEdit(rangeOf(doc, e), toSnippet(e.newText))));
  else edit.set(doc.uri, fix.edits.map(e => vscode.TextEdit.replace(rangeOf(doc, e), e.newText)));
  return edit;
}

/** Every safe rewrite of a state, bottom-up with overlaps skipped, as one edit (one undo step). */
export function fixAllEdit(doc: vscode.TextDocument, state: DraftState): { edit: vscode.WorkspaceEdit; count: number } {
  const shownFindings = state.shown.map(s => s.finding);
  const { applied } = applyFixes(doc.getText(), preferredFixes(shownFindings));
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, applied.flatMap(f => f.edits).map(e => vscode.TextEdit.replace(rangeOf(doc, e), e.newText)));
  return { edit, count: applied.length };
}
