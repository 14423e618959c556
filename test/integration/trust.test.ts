import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, fixture } from './helpers';

describe('Decline Coach in an untrusted workspace', () => {
  it('still checks drafts but ignores the workspace’s own custom phrases', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the test workspace is untrusted');
    const doc = await vscode.workspace.openTextDocument(fixture('replies/trust.reply.md'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'negative-phrasing'));
    assert.deepEqual(diags.filter(d => codeOf(d) === 'custom-phrase').map(d => doc.getText(d.range)), []);
  });
});
