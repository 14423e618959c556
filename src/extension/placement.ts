import * as vscode from 'vscode';
import type { Analysis, SentenceRoles } from '../core';

/** The role model's top role is a refusal, and it is more likely than not. */
function readsAsRefusal(s: SentenceRoles): boolean {
  const { refusal } = s.roles;
  return refusal >= 0.5 && Object.values(s.roles).every(score => score <= refusal);
}

/**
 * Where the document findings ("missing …") are shown, all on one place: the first line of the
 * refusal sentence (the first negative phrase's, else the first sentence that reads as a
 * refusal). Undefined while the draft holds no refusal: advice on how to say no would come early.
 */
export function refusalAnchor(doc: vscode.TextDocument, analysis: Analysis): vscode.Range | undefined {
  const negative = analysis.findings.find(f => f.ruleId === 'negative-phrasing');
  const sentences = analysis.sentences;
  const sentence = negative
    ? sentences.find(s => s.start <= negative.start && negative.start < s.end) ?? { start: negative.start, end: negative.end }
    : sentences.find(readsAsRefusal);
  if (!sentence) return undefined;
  const start = doc.positionAt(sentence.start);
  const end = doc.positionAt(sentence.end);
  return new vscode.Range(start, end.line === start.line ? end : doc.lineAt(start.line).range.end);
}
