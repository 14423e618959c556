/**
 * Findings in the protocol's terms: diagnostics, code actions and their edits. The choices are the
 * extension's (src/core/presentation.ts); only the shapes differ.
 */
import {
  type CodeAction, CodeActionKind, type Diagnostic, DiagnosticSeverity, type SnippetTextEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Analysis, diffEdit, type Fix, fixAllText, type Lang, ruleDocsUrl, ruleTitle, type Severity, snippetToPlain, type TextEdit as CoreEdit,
} from '../core';
import { disableNextLineEdit, findingsAt, fixesInMenuOrder, type ShownFinding, snippetValue } from '../core/presentation';
import { say } from './messages';

export const SOURCE = 'Decline Coach';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.declineCoach`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the client can do with an edit (from its capabilities at initialize). */
export interface EditSupport {
  /** Versioned document edits: the client refuses an edit made for a version it no longer has. */
  documentChanges: boolean;
  /** LSP 3.18 snippet edits: placeholders become tab stops. */
  snippets: boolean;
}

export function toDiagnostic(doc: TextDocument, s: ShownFinding): Diagnostic {
  return {
    range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) },
    severity: SEVERITY[s.severity],
    code: s.finding.ruleId,
    codeDescription: { href: ruleDocsUrl(s.finding.ruleId) },
    source: SOURCE,
    message: s.finding.message,
  };
}

/**
 * Edits to one version of a document. A fix with placeholders is a snippet where the client takes
 * snippet edits, else plain text with its placeholders in brackets (`by [date]`), to fill in by hand.
 */
export function toWorkspaceEdit(doc: TextDocument, edits: readonly CoreEdit[], snippet: boolean, support: EditSupport): WorkspaceEdit {
  const range = (e: CoreEdit) => ({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) });
  if (support.documentChanges) {
    const lspEdits: Array<TextEdit | SnippetTextEdit> = edits.map(e => (snippet && support.snippets
      ? { range: range(e), snippet: { kind: 'snippet', value: snippetValue(e.newText) } }
      : { range: range(e), newText: snippet ? snippetToPlain(e.newText) : e.newText }));
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lspEdits }] };
  }
  return { changes: { [doc.uri]: edits.map(e => ({ range: range(e), newText: snippet ? snippetToPlain(e.newText) : e.newText })) } };
}

function fixAction(doc: TextDocument, fix: Fix, diagnostics: Diagnostic[], support: EditSupport): CodeAction {
  return {
    title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.preferred,
    edit: toWorkspaceEdit(doc, fix.edits, fix.snippet, support),
  };
}

/** Every safe rewrite as one edit, when it changes at least `minPlaces` places. */
export function fixAllAction(doc: TextDocument, judge: (text: string) => Analysis, kind: string, minPlaces: number,
  diagnostics: Diagnostic[], lang: Lang, support: EditSupport): CodeAction | undefined {
  const before = doc.getText();
  const { text, count } = fixAllText(before, judge);
  const change = diffEdit(before, text);
  if (!change || count < minPlaces) return undefined;
  return { title: say(lang, 'Fix all safe rewrites ({0})', count), kind, diagnostics, edit: toWorkspaceEdit(doc, [change], false, support) };
}

/**
 * The quick fixes at a place, in the extension's order: the finding's rewrites (the safe one
 * first), fix all when it changes more than one place, then what the extension puts under "More
 * Decline Coach actions…" (a client shows one list): the missing sentences for that place and, in
 * Markdown, disabling the rule for the line. "Learn more" is the diagnostic's own link
 * (`codeDescription`); "Ignore …" writes VS Code settings and has no counterpart here.
 */
export function quickFixes(doc: TextDocument, shown: readonly ShownFinding[], start: number, end: number, lang: Lang, support: EditSupport,
  fixAll: (diagnostics: Diagnostic[]) => CodeAction | undefined): CodeAction[] {
  const { primary, others } = findingsAt(shown, start, end);
  if (primary.length === 0) return [];
  const actions: CodeAction[] = [];
  for (const s of primary) {
    const diagnostic = toDiagnostic(doc, s);
    for (const fix of fixesInMenuOrder(s.finding)) actions.push(fixAction(doc, fix, [diagnostic], support));
  }
  const all = fixAll(shown.filter(s => s.inEditor && s.finding.fixes.some(f => f.preferred)).map(s => toDiagnostic(doc, s)));
  if (all) actions.push(all);
  for (const s of others) {
    for (const fix of s.finding.fixes) actions.push({ ...fixAction(doc, fix, [toDiagnostic(doc, s)], support), isPreferred: false });
  }
  if (doc.languageId === 'markdown') {
    const text = doc.getText();
    const seen = new Set<string>();
    for (const s of [...primary, ...others]) {
      if (seen.has(s.finding.ruleId)) continue;
      seen.add(s.finding.ruleId);
      actions.push({
        title: say(lang, 'Disable “{0}” for this line', ruleTitle(lang, s.finding.ruleId)),
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(doc, s)],
        edit: toWorkspaceEdit(doc, [disableNextLineEdit(text, s.finding.start, s.finding.ruleId)], false, support),
      });
    }
  }
  return actions;
}
