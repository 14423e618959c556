import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsWhen, eventually, example, isMissing, ours, setting, untitled } from './helpers';

const { Warning, Information } = vscode.DiagnosticSeverity;
const MISSING_EMPATHY = 'Add a sentence of understanding for the client’s point of view before the no.';

describe('Fewer, better findings', () => {
  afterEach(closeAll);

  it('shows one Information finding per missing principle, all on the refusal sentence (English example)', async () => {
    const doc = await vscode.workspace.openTextDocument(example('decline-logo.reply.md'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhen(doc.uri, d => d.some(isMissing));
    const phrases = diags.filter(d => !isMissing(d));
    assert.deepEqual(phrases.map(d => [doc.getText(d.range), d.severity]),
      [['Unfortunately,', Warning], ['can\'t include', Warning], ['I\'m afraid', Warning], ['not possible', Warning], ['I\'ll try to', Warning], ['ASAP', Warning]]);
    const missing = diags.filter(isMissing);
    assert.deepEqual(missing.map(codeOf).sort(), ['missing-alternative', 'missing-clarifying-question', 'missing-empathy']);
    for (const d of missing) {
      assert.equal(d.severity, Information, codeOf(d));
      assert.equal(doc.getText(d.range), 'Unfortunately, I can\'t include a brand guide at that price.', codeOf(d));
    }
  });

  it('anchors the German example’s missing principles on its refusal sentence', async () => {
    const doc = await vscode.workspace.openTextDocument(example('absage-relaunch.reply.md'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhen(doc.uri, d => d.some(isMissing));
    const missing = diags.filter(isMissing);
    assert.deepEqual(missing.map(codeOf).sort(), ['missing-acknowledgement', 'missing-alternative', 'missing-clarifying-question', 'missing-empathy']);
    assert.equal(new Set(missing.map(d => doc.getText(d.range))).size, 1, 'all on one place');
    assert.match(doc.getText(missing[0].range), /^Leider ist das so nicht möglich/);
    assert.ok(missing.every(d => d.severity === Information));
    assert.ok(diags.filter(d => !isMissing(d)).every(d => d.severity === Warning));
  });

  it('says nothing about the whole reply before it holds a refusal', async () => {
    const doc = await untitled('Hi Ana,\n\nThanks for the photos, they look great. See you on Monday.\n');
    assert.ok((await api()).analysisFor(doc), 'the draft was judged');
    assert.deepEqual(ours(doc.uri), []);
    const editor = vscode.window.activeTextEditor as vscode.TextEditor;
    await editor.edit(e => e.insert(new vscode.Position(2, doc.lineAt(2).text.length), ' Sadly, the studio is closed that day.'));
    const diags = await diagnosticsWhen(doc.uri, d => d.some(isMissing));
    assert.ok(diags.filter(isMissing).every(d => doc.getText(d.range) === 'Sadly, the studio is closed that day.'));
  });

  it('moves the missing principles to the panel, or turns them off, with declineCoach.documentFindings', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    await diagnosticsWhen(doc.uri, d => d.some(isMissing));
    const restore = await setting('documentFindings', 'panel');
    try {
      const inEditor = await diagnosticsWhen(doc.uri, d => !d.some(isMissing));
      assert.deepEqual(inEditor.map(codeOf), ['negative-phrasing']);
      await vscode.commands.executeCommand('declineCoach.reviewDraft');
      const coach = await api();
      await eventually(() => coach.reviewHtml()?.includes(MISSING_EMPATHY), 'the panel lists missing empathy');
      await setting('documentFindings', 'off');
      await eventually(() => coach.reviewHtml()?.includes('class="score"') && !coach.reviewHtml()?.includes(MISSING_EMPATHY), 'the panel drops missing empathy');
      assert.deepEqual(ours(doc.uri).map(codeOf), ['negative-phrasing']);
    } finally {
      await restore();
    }
    await diagnosticsWhen(doc.uri, d => d.some(isMissing));
  });
});
