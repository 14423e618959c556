import * as vscode from 'vscode';
import { type Analysis, diffEdit, type Fix, fixAllText, type TextEdit } from '../core';

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

/**
 * Every safe rewrite, pass after pass until none is left, as one edit (one undo step). `judge`
 * gives the findings the writer sees (rules turned off are not fixed).
 */
export function fixAllEdit(doc: vscode.TextDocument, judge: (text: string) => Analysis): { edit: vscode.WorkspaceEdit; count: number } {
  const before = doc.getText();
  const { text, count } = fixAllText(before, judge);
  const edit = new vscode.WorkspaceEdit();
  const change = diffEdit(before, text);
  if (change) edit.set(doc.uri, [vscode.TextEdit.replace(rangeOf(doc, change), change.newText)]);
  return { edit, count: change ? count : 0 };
}
