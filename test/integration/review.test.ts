import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Fix } from '../../src/core';
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
    assert.ok(html.includes('<div class="diff"><ins>Ich verstehe Ihren Standpunkt <span class="blank">[und weiß, wie wichtig Ihnen das ist]</span>. </ins>' +
      'Leider kann ich den <span class="elided">…</span></div>'), 'an inserted sentence is shown as an insertion, its blank marked, the rest of the line elided');
  });

  it('lays each fix out on one line with its Apply, and tells safe rewrites from snippets to fill in', async () => {
    const doc = await untitled('Hi Ada,\n\nUnfortunately, the studio is closed on Sunday.\n');
    await vscode.commands.executeCommand('declineCoach.reviewDraft');
    const coach = await api();
    const html = await eventually(() => { const h = coach.reviewHtml(); return h?.includes('fix-safe') ? h : undefined; }, 'the review with a safe rewrite');
    const analysis = coach.analysisFor(doc);
    assert.ok(analysis);
    const fixes = [...html.matchAll(/<li class="fix fix-(\w+)"><span class="fix-kind">([^<]+)<\/span><div class="diff">(.*?)<\/div><button type="button" class="([^"]+)" data-action="apply" data-finding="(\d+)" data-fix="(\d+)" aria-label="([^"]+)">Apply<\/button><\/li>/g)];
    assert.equal(fixes.length, analysis.findings.flatMap(f => f.fixes).length, 'every fix is one row: its kind, its diff and its Apply button');
    for (const [, kind, tag, , buttonClass, findingIndex, fixIndex, label] of fixes) {
      const shown: Fix = analysis.findings[Number(findingIndex)].fixes[Number(fixIndex)];
      const title = shown.title;
      assert.equal(kind, shown.preferred ? 'safe' : shown.snippet ? 'snippet' : 'rewrite', title);
      assert.equal(tag, { safe: 'Safe', snippet: 'Fill in', rewrite: 'Rewrite' }[kind]);
      assert.equal(buttonClass, kind === 'safe' ? 'compact' : 'compact secondary', 'only the safe rewrite is a primary button');
      assert.equal(label, `Apply – ${{ safe: 'safe rewrite', snippet: 'rewrite with blanks to fill in', rewrite: 'another rewrite' }[kind]}: ${title}`.replace(/"/g, '&#34;'),
        'a screen reader hears which kind of fix it applies');
    }
    assert.ok(fixes.some(f => f[1] === 'safe') && fixes.some(f => f[1] === 'snippet'), 'this draft has both kinds');
    assert.ok(html.includes('<div class="diff"><ins>I understand <span class="blank">[why this matters to you]</span>. </ins>Unfortunately, the studio is <span class="elided">…</span></div>'),
      'a snippet’s blank is marked in its insertion; the unchanged words far from it are elided');
    // Go to sits beside the message; the message names the finding for screen readers.
    analysis.findings.forEach((_, i) => {
      assert.ok(html.includes(`<li class="finding sev-${analysis.findings[i].severity} p-${analysis.findings[i].principle}-border" data-finding="${i}" tabindex="-1" aria-labelledby="finding-${i}-message">` +
        `<div class="finding-head"><p class="message" id="finding-${i}-message">`), `finding ${i} is focusable and labelled by its message`);
      assert.match(html, new RegExp(`</p><button type="button" class="compact secondary" data-action="goto" data-finding="${i}" aria-describedby="finding-${i}-message">Go to</button></div>`));
    });
  });

  it('is usable by keyboard: every action a button, a toolbar on top, the draft’s highlights too', async () => {
    await untitled('Hi Ada,\n\nUnfortunately, the studio is closed on Sunday. I will reply ASAP.\n');
    await vscode.commands.executeCommand('declineCoach.reviewDraft');
    const coach = await api();
    const html = await eventually(() => { const h = coach.reviewHtml(); return h?.includes('in-draft') ? h : undefined; }, 'the review');
    const actions = html.match(/<[a-z]+ [^>]*data-action="/g) ?? [];
    assert.ok(actions.length > 5 && actions.every(tag => tag.startsWith('<button type="button"')), actions.join('\n'));
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
    assert.ok(html.indexOf('<div class="toolbar" role="toolbar" aria-label="Review actions"><button type="button" data-action="applyAll">Apply all safe rewrites (') <
      html.indexOf('<section class="summary"'), 'the panel’s own actions come first, in a toolbar');
    assert.match(html, /<p class="keys">J and K or ↑ and ↓ move between findings; Enter on a finding shows it in the editor.<\/p>/);
    assert.match(html, /<mark class="p-expectations"><button type="button" class="in-draft" data-action="goto" data-finding="\d+" title="[^"]*ASAP[^"]*" aria-describedby="finding-\d+-message">ASAP<\/button><\/mark>/);
  });

  it('reads a finding’s principle page as rendered Markdown', async () => {
    const tabs = () => vscode.window.tabGroups.all.flatMap(g => g.tabs);
    const preview = () => tabs().find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview') && t.label.includes('missing-empathy'));
    assert.equal(await vscode.commands.executeCommand('declineCoach.learnMore', 'missing-empathy'), 'preview');
    await eventually(preview, 'the Markdown preview of missing-empathy.md');
    assert.equal(await vscode.commands.executeCommand('declineCoach.learnMore', 'no-such-rule'), undefined, 'an unknown rule opens nothing');
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
