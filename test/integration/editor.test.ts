import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsWhen, eventually, fixture, hoverText, ours, untitled } from './helpers';

describe('Decline Coach in the editor', () => {
  afterEach(closeAll);

  it('activates and registers its commands', async () => {
    await api();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['declineCoach.reviewDraft', 'declineCoach.composeDecline', 'declineCoach.fixAll', 'declineCoach.ignorePhrase']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('underlines negative and vague phrases in a German reply, with rule codes and docs links', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('replies/absage.reply.md'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'vague-commitment'));
    const leider = diags.find(d => doc.getText(d.range) === 'Leider kann ich');
    assert.ok(leider, `“Leider kann ich” is flagged: ${diags.map(d => doc.getText(d.range)).join(' | ')}`);
    assert.equal(leider.range.start.line, 2);
    assert.equal(leider.range.start.character, 'vielen Dank für Ihre Anfrage. '.length);
    assert.equal(codeOf(leider), 'negative-phrasing');
    assert.equal(leider.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(String((leider.code as { target: vscode.Uri }).target.path), /docs\/rules\/negative-phrasing\.md$/);
    const vague = diags.find(d => codeOf(d) === 'vague-commitment');
    assert.equal(vague && doc.getText(vague.range), 'zeitnah');
    assert.ok(diags.some(d => codeOf(d) === 'missing-empathy'), 'a missing empathy statement is reported');
  });

  it('underlines an English reply', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('replies/decline.reply.md'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhen(doc.uri, d => d.length > 0);
    const texts = diags.filter(d => codeOf(d) === 'negative-phrasing' || codeOf(d) === 'vague-commitment').map(d => doc.getText(d.range));
    assert.deepEqual(texts, ['Unfortunately,', 'can\'t take', 'ASAP']);
  });

  it('leaves Markdown that is not a reply alone', async () => {
    const readme = await vscode.workspace.openTextDocument(fixture('README.md'));
    await vscode.window.showTextDocument(readme);
    // A reply opened after it is judged after it; by then the README has had its turn.
    const reply = await vscode.workspace.openTextDocument(fixture('replies/decline.reply.md'));
    await vscode.window.showTextDocument(reply);
    await diagnosticsWhen(reply.uri, d => d.length > 0);
    assert.equal(ours(readme.uri).length, 0);
    assert.equal((await api()).analysisFor(readme), undefined);
  });

  it('skips quoted client text, code and lines disabled by a comment', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('replies/quoted.reply.md'));
    await vscode.window.showTextDocument(doc);
    const analysis = (await api()).analysisFor(doc);
    assert.ok(analysis && analysis.proseLength > 0, 'the reply was judged');
    assert.deepEqual(analysis.findings.filter(f => f.ruleId === 'negative-phrasing'), []);
    assert.deepEqual(ours(doc.uri).filter(d => codeOf(d) === 'negative-phrasing'), []);
  });

  it('applies a quick fix that changes exactly the flagged text', async () => {
    const doc = await untitled('Hallo Jan,\n\nLeider sind wir am Freitag ausgebucht.\n');
    const [diag] = (await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'negative-phrasing')))
      .filter(d => doc.getText(d.range) === 'Leider sind wir');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter(a => a.isPreferred);
    assert.equal(preferred.length, 1, 'exactly one preferred rewrite');
    assert.equal(preferred[0].title, 'Replace with “Wir sind”');
    assert.ok(actions.some(a => a.title === 'Ignore “Leider sind wir” in this workspace'));
    assert.equal(actions.at(-1)?.title, 'More Decline Coach actions…');
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit as vscode.WorkspaceEdit));
    assert.equal(doc.getText(), 'Hallo Jan,\n\nWir sind am Freitag ausgebucht.\n');
  });

  it('honours the requested kind of code action', async () => {
    const doc = await untitled('Hi Jo,\n\nUnfortunately, the venue is booked. I will reply ASAP.\n');
    const [diag] = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'negative-phrasing'));
    const refactors = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.Refactor.value);
    assert.equal(refactors.filter(a => a.title.includes('“')).length, 0);
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, 'source.fixAll.declineCoach');
    assert.equal(fixAll.length, 1);
    assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit as vscode.WorkspaceEdit));
    assert.equal(doc.getText(), 'Hi Jo,\n\nThe venue is booked. I will reply ASAP.\n');
  });

  it('fixes all safe rewrites in one step and refuses a stale request', async () => {
    const text = 'Hallo Jan,\n\nLeider kann ich am Montag nicht. Kein Problem, der Dienstag geht. Wir sind im Mai leider ausgebucht.\n';
    const doc = await untitled(text);
    await diagnosticsWhen(doc.uri, d => d.length > 0);
    const stale = await vscode.commands.executeCommand<boolean>('declineCoach.fixAll', doc.uri, doc.version - 1);
    assert.equal(stale, false);
    assert.equal(doc.getText(), text, 'a stale request changes nothing');
    assert.ok(await vscode.commands.executeCommand<boolean>('declineCoach.fixAll', doc.uri, doc.version));
    // „Leider“ next to a refusal stays: dropping it would only make the „nicht“ blunter.
    assert.equal(doc.getText(), 'Hallo Jan,\n\nLeider kann ich am Montag nicht. Gern, der Dienstag geht. Wir sind im Mai ausgebucht.\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), text, 'one undo step restores the draft');
  });

  it('inserts a missing sentence as a snippet with tab stops', async () => {
    const doc = await untitled('Hi Ana,\n\nThanks for asking about the logo refresh. Sadly my week is booked, so a smaller refresh by Friday is what I can do.\n');
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'missing-empathy'));
    const diag = diags.find(d => codeOf(d) === 'missing-empathy') as vscode.Diagnostic;
    // Asked for the finding's own range (its hover's Quick Fix): the missing principles' inserts come first.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find(a => a.title.startsWith('Insert “I understand'));
    assert.ok(insert, actions.map(a => a.title).join(' | '));
    assert.equal(insert.isPreferred, false);
    assert.ok(await vscode.workspace.applyEdit(insert.edit as vscode.WorkspaceEdit));
    assert.match(doc.getText(), /the logo refresh\. I understand why this matters to you\. Sadly/);
    await diagnosticsWhen(doc.uri, d => !d.some(x => codeOf(x) === 'missing-empathy'));
  });

  it('turns a rule off through its severity setting', async () => {
    const config = vscode.workspace.getConfiguration('declineCoach');
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'negative-phrasing'));
    await config.update('severity.negative-phrasing', 'off', vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsWhen(doc.uri, d => d.length > 0 && !d.some(x => codeOf(x) === 'negative-phrasing'));
      await config.update('severity.missing-empathy', 'error', vscode.ConfigurationTarget.Global);
      const d = await diagnosticsWhen(doc.uri, x => x.some(y => codeOf(y) === 'missing-empathy' && y.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(d.length > 0);
    } finally {
      await config.update('severity.negative-phrasing', undefined, vscode.ConfigurationTarget.Global);
      await config.update('severity.missing-empathy', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'negative-phrasing'));
  });

  it('ignores a phrase after “Ignore … in this workspace”', async () => {
    const doc = await untitled('Hi Lou,\n\nSadly the shop is closed. Unfortunately, the café too.\n');
    await diagnosticsWhen(doc.uri, d => d.filter(x => codeOf(x) === 'negative-phrasing').length === 2);
    const config = vscode.workspace.getConfiguration('declineCoach');
    try {
      await vscode.commands.executeCommand('declineCoach.ignorePhrase', 'Sadly', doc.uri);
      const left = await diagnosticsWhen(doc.uri, d => d.filter(x => codeOf(x) === 'negative-phrasing').length === 1);
      assert.equal(doc.getText(left.find(x => codeOf(x) === 'negative-phrasing')?.range), 'Unfortunately,');
    } finally {
      await config.update('ignoredPhrases', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('flags team vocabulary from customPhrases literally', async () => {
    const config = vscode.workspace.getConfiguration('declineCoach');
    await config.update('customPhrases', [
      { phrase: 'refund guaranteed', message: 'We never promise refunds.', principle: 'expectations' },
      { phrase: '(a+)+$', message: 'Literal text, not a pattern.' },
    ], vscode.ConfigurationTarget.Global);
    try {
      const doc = await untitled('Hi Kai,\n\nYour refund guaranteed by Friday. The code (a+)+$ is odd; aaaa is not.\n');
      const d = await diagnosticsWhen(doc.uri, x => x.filter(y => codeOf(y) === 'custom-phrase').length === 2);
      assert.deepEqual(d.filter(y => codeOf(y) === 'custom-phrase').map(y => [doc.getText(y.range), y.message]),
        [['refund guaranteed', 'We never promise refunds.'], ['(a+)+$', 'Literal text, not a pattern.']]);
    } finally {
      await config.update('customPhrases', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('does not judge a document over declineCoach.maxDocumentSize, and keeps the editor usable', async () => {
    const config = vscode.workspace.getConfiguration('declineCoach');
    await config.update('maxDocumentSize', 1000, vscode.ConfigurationTarget.Global);
    try {
      const big = await untitled(`Hi Max,\n\n${'Unfortunately, the studio is closed. '.repeat(60)}\n`);
      const small = await untitled('Hi Max,\n\nUnfortunately, the studio is closed.\n');
      await diagnosticsWhen(small.uri, d => d.length > 0);
      assert.equal(ours(big.uri).length, 0);
      assert.equal((await api()).analysisFor(big), undefined);
    } finally {
      await config.update('maxDocumentSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('explains a finding on hover once: principle, the best before → after first, then why', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'missing-empathy'));
    const diag = diags.find(x => codeOf(x) === 'negative-phrasing') as vscode.Diagnostic;
    const onPhrase = await hoverText(doc, diag.range.start.translate(0, 2));
    const title = onPhrase.indexOf('Positive framing');
    const change = onPhrase.indexOf('~~Unfortunately, the studio is closed on Sunday.~~ → The studio is closed on Sunday.');
    const why = onPhrase.indexOf('Wrap the no in positive words');
    assert.ok(title >= 0 && title < change && change < why, onPhrase);
    assert.ok(onPhrase.indexOf('Positive framing', title + 1) === -1, 'the principle is explained once');
    assert.ok(!onPhrase.includes('frames your answer negatively'), 'VS Code shows the message; the coach does not repeat it');
    // Past the phrase, on the sentence the missing principles are anchored on.
    const onSentence = await hoverText(doc, new vscode.Position(2, 'Unfortunately, the stu'.length));
    assert.ok(!onSentence.includes('Positive framing'), onSentence);
    assert.match(onSentence, /Show empathy/);
    assert.match(onSentence, /→ [^\n]*I understand \[why this matters to you\]\./);
  });

  it('offers its snippets in Markdown', async () => {
    const doc = await untitled('Hi Max,\n\ndc-');
    const list = await eventually(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 3));
      return l.items.some(i => (typeof i.label === 'string' ? i.label : i.label.label) === 'dc-empathy') ? l : undefined;
    }, 'snippet completions');
    const labels = list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of ['dc-empathy', 'dc-alt', 'dc-de-empathy-sie', 'dc-de-empathy-du', 'dc-skeleton-scope']) assert.ok(labels.includes(prefix), prefix);
  });
});
