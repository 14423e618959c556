import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsWhen, eventually, untitled } from './helpers';

describe('Review decline draft', () => {
  afterEach(closeAll);

  it('opens the review panel with the score, the checklist and the findings', async () => {
    const doc = await untitled('Hallo Frau Roth,\n\nLeider kann ich den Relaunch nicht übernehmen.\n');
    await vscode.commands.executeCommand('declineCoach.reviewDraft');
    const coach = await api();
    const html = await eventually(() => { const h = coach.reviewHtml(); return h?.includes('class="score"') ? h : undefined; }, 'the review panel');
    const analysis = coach.analysisFor(doc);
    assert.ok(analysis);
    assert.ok(html.includes(`<span class="score">${analysis.score}</span>/100`), 'the score is shown');
    assert.match(html, /Needs work/);
    assert.match(html, /Acknowledge the request/);
    assert.ok(html.includes('“Leider kann ich” frames your answer negatively.'), 'the finding’s message is listed, in the UI language');
    assert.ok(html.includes('<div class="diff"><del>Leider</del><ins>Ich</ins> kann <del>ich </del>den Relaunch nicht übernehmen.</div>'), 'the rewrite word by word');
    // What the draft lacks is added, nothing struck through.
    assert.ok(html.includes('<div class="diff"><ins>Ich verstehe Ihren Standpunkt [und weiß, wie wichtig Ihnen das ist]. </ins>Leider kann ich den Relaunch nicht übernehmen.</div>'),
      'an inserted sentence is shown as an insertion');
  });

  it('shows draft text as text: markup in a draft runs nothing', async () => {
    await untitled('Hi Eve,\n\nUnfortunately <img src=x onerror=alert(1)> and </script><script>alert(2)</script> are here.\n');
    await vscode.commands.executeCommand('declineCoach.reviewDraft');
    const coach = await api();
    const html = await eventually(() => { const h = coach.reviewHtml(); return h?.includes('onerror') ? h : undefined; }, 'the review of the XSS draft');
    assert.ok(!html.includes('<img'), 'no img element');
    assert.ok(!html.includes('<script'), 'no script element');
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(html.includes('&#60;/script&#62;&#60;script&#62;'));
  });

  it('applies a rewrite through the panel’s message channel and refuses a stale one', async () => {
    const doc = await untitled('Hi Ada,\n\nUnfortunately, the studio is closed on Sunday.\n');
    await diagnosticsWhen(doc.uri, d => d.length > 0);
    await vscode.commands.executeCommand('declineCoach.reviewDraft');
    const coach = await api();
    await eventually(() => coach.reviewHtml()?.includes('data-action="apply"'), 'an Apply button');
    const analysis = coach.analysisFor(doc);
    assert.ok(analysis);
    const index = analysis.findings.findIndex(f => f.fixes.some(x => x.preferred));
    const uri = doc.uri.toString();
    assert.equal(await coach.postFromWebview({ type: 'apply', uri, version: doc.version - 1, finding: index, fix: 0 }), false, 'stale version refused');
    assert.equal(await coach.postFromWebview({ type: 'apply', uri: 'untitled:Another-1', version: doc.version, finding: index, fix: 0 }), false,
      'another document refused');
    assert.equal(doc.getText(), 'Hi Ada,\n\nUnfortunately, the studio is closed on Sunday.\n');
    assert.equal(await coach.postFromWebview({ type: 'apply', uri, version: 'x', finding: index, fix: 0 }), false, 'malformed message ignored');
    assert.equal(await coach.postFromWebview({ type: 'apply', uri, version: doc.version, finding: index, fix: 0 }), true);
    assert.equal(doc.getText(), 'Hi Ada,\n\nThe studio is closed on Sunday.\n');
    await eventually(() => coach.reviewHtml()?.includes('The studio is closed on Sunday.') && !coach.reviewHtml()?.includes('Unfortunately'), 'the panel to follow the edit');
  });

  it('says so when a draft is empty or in another language', async () => {
    await untitled('');
    await vscode.commands.executeCommand('declineCoach.reviewDraft');
    const coach = await api();
    await eventually(() => coach.reviewHtml()?.includes('This draft is empty.'), 'the empty state');
    await untitled('Bonjour Claire, merci pour votre message. Nous étudions votre demande avec attention.');
    await vscode.commands.executeCommand('declineCoach.reviewDraft');
    await eventually(() => coach.reviewHtml()?.includes('cannot tell the language'), 'the unknown-language state');
  });
});
