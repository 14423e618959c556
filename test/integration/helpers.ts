import * as vscode from 'vscode';
import type { DeclineCoachApi } from '../../src/extension/main';

export const SOURCE = 'Decline Coach';

export async function api(): Promise<DeclineCoachApi> {
  const ext = vscode.extensions.getExtension<DeclineCoachApi>('decline-coach.decline-coach');
  if (!ext) throw new Error('extension decline-coach.decline-coach is not installed');
  return ext.activate();
}

export function fixture(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, path);
}

/** A draft from the repository's examples folder, as a user would open it. */
export function example(name: string): vscode.Uri {
  const ext = vscode.extensions.getExtension('decline-coach.decline-coach');
  if (!ext) throw new Error('extension decline-coach.decline-coach is not installed');
  return vscode.Uri.joinPath(ext.extensionUri, 'examples', name);
}

/** Sets a declineCoach setting for the test and returns what restores it. */
export async function setting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('declineCoach');
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return () => Promise.resolve(vscode.workspace.getConfiguration('declineCoach').update(key, undefined, vscode.ConfigurationTarget.Global));
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE);
}

/** Resolves when the document's Decline Coach diagnostics satisfy `ready`; waits on events, not sleeps. */
export function diagnosticsWhen(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  const now = ours(uri);
  if (ready(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics of ${uri.toString(true)} did not settle: ${JSON.stringify(ours(uri).map(d => d.message))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (!e.uris.some(u => u.toString() === uri.toString())) return;
      const d = ours(uri);
      if (ready(d)) { clearTimeout(timer); sub.dispose(); resolve(d); }
    });
  });
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Polls a condition with a deadline, for state that has no event. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

let drafts = 0;

/**
 * A new untitled draft, judged before it is returned. Each gets a name of its own: VS Code reuses
 * "Untitled-1" as soon as the last one closes, and a test could then read what the previous
 * test's draft left behind under that name.
 */
export async function untitled(content: string, language: 'markdown' | 'plaintext' = 'markdown'): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `draft-${++drafts}-${Date.now()}.${language === 'markdown' ? 'md' : 'txt'}` });
  let doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  if (!await vscode.workspace.applyEdit(edit)) throw new Error(`could not fill ${uri.toString()}`);
  if (doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
  await vscode.window.showTextDocument(doc);
  (await api()).analysisFor(doc);
  return doc;
}

/** Closes every editor and discards every untitled draft, so that nothing one test wrote lingers into the next. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter(d => d.isUntitled && !d.isClosed)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Every hover's Markdown at the position, with VS Code's escapes removed. */
export async function hoverText(doc: vscode.TextDocument, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n').replace(/\\(.)/g, '$1');
}

/** A finding of what the reply lacks (missing-…), as opposed to a phrase. */
export const isMissing = (d: vscode.Diagnostic) => codeOf(d).startsWith('missing-');
