import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, diagnosticsWhen, fixture } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
const phrasesOf = (doc: vscode.TextDocument, diags: vscode.Diagnostic[], code: string) => diags.filter(d => codeOf(d) === code).map(d => doc.getText(d.range));

if (vscode.workspace.isTrusted) {
  describe('The team’s config file', () => {
    // Made for these tests in the fixture workspace, and removed after them.
    const folder = fixture('replies/team-config');
    const config = vscode.Uri.joinPath(folder, '.declinecoach.jsonc');
    const draft = vscode.Uri.joinPath(folder, 'offer.reply.md');

    before(async () => {
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(draft, encode('Hi Ann,\n\nUnfortunately, we are booked. We can deliver the same day next month.\n'));
    });
    after(async () => {
      await closeAll();
      await vscode.workspace.fs.delete(folder, { recursive: true });
    });

    it('applies to the drafts below it: an ignored phrase is not reported, a never-promise phrase is', async () => {
      await vscode.workspace.fs.writeFile(config, encode('// team\n{ "ignoredPhrases": ["unfortunately"], "neverPromise": ["same day"], }'));
      const doc = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(doc);
      const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'never-promise'));
      assert.deepEqual(phrasesOf(doc, diags, 'never-promise'), ['same day']);
      assert.deepEqual(phrasesOf(doc, diags, 'negative-phrasing'), []);
    });

    it('is read again when it changes, and the open drafts are checked again', async () => {
      const doc = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(doc);
      await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'never-promise'));
      await vscode.workspace.fs.writeFile(config, encode('{ "neverPromise": ["next month"], "severity": { "negative-phrasing": "error" } }'));
      const diags = await diagnosticsWhen(doc.uri, d => d.some(x => doc.getText(x.range) === 'next month'));
      assert.deepEqual(phrasesOf(doc, diags, 'never-promise'), ['next month']);
      assert.deepEqual(diags.filter(d => codeOf(d) === 'negative-phrasing').map(d => [doc.getText(d.range), d.severity]),
        [['Unfortunately,', vscode.DiagnosticSeverity.Error]]);
    });

    it('reports a bad value in the config file at its place, and still applies the rest', async () => {
      await vscode.workspace.fs.writeFile(config, encode('{\n  "language": "fr",\n  "neverPromise": ["same day"]\n}'));
      const problems = await diagnosticsWhen(config, d => d.length > 0);
      assert.deepEqual(problems.map(p => [p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character, p.severity, p.message]),
        [[1, 14, 1, 18, vscode.DiagnosticSeverity.Error, '“language” must be one of: "auto", "de", "en". This value is ignored.']]);
      const doc = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(doc);
      const diags = await diagnosticsWhen(doc.uri, d => d.some(x => doc.getText(x.range) === 'same day'));
      assert.deepEqual(phrasesOf(doc, diags, 'never-promise'), ['same day']);
    });
  });
} else {
  describe('The team’s config file in an untrusted workspace', () => {
    after(closeAll);

    it('applies its safe part (never-promise) but not its custom phrases', async () => {
      const doc = await vscode.workspace.openTextDocument(fixture('team/promise.reply.md'));
      await vscode.window.showTextDocument(doc);
      const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'never-promise'));
      assert.deepEqual(phrasesOf(doc, diags, 'never-promise'), ['same day']);
      assert.deepEqual(phrasesOf(doc, diags, 'custom-phrase'), []);
    });
  });
}
