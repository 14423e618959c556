import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsWhen, eventually, example, ours, setting, untitled } from './helpers';

type QuickPick = typeof vscode.window.showQuickPick;

function quickFixes(doc: vscode.TextDocument, range: vscode.Range): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
}

/** Picks the entry labelled `label` from the next quick pick, and hands back every label offered. */
function pickNext(label: string): { offered: string[]; restore: () => void } {
  const window = vscode.window as { showQuickPick: QuickPick };
  const original = window.showQuickPick;
  const offered: string[] = [];
  window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const list = await items;
    offered.push(...list.map(i => i.label));
    return list.find(i => i.label === label);
  }) as unknown as QuickPick;
  return { offered, restore: () => { window.showQuickPick = original; } };
}

describe('The quick-fix menu', () => {
  afterEach(closeAll);

  it('offers a phrase’s rewrites, Ignore, Fix all and one entry for the rest, in that order', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday. Sadly, the café is closed too.\n');
    const diags = await diagnosticsWhen(doc.uri, d => d.filter(x => codeOf(x) === 'negative-phrasing').length === 2);
    const unfortunately = diags.find(d => doc.getText(d.range) === 'Unfortunately,') as vscode.Diagnostic;
    const titles = (await quickFixes(doc, unfortunately.range)).map(a => a.title);
    assert.deepEqual(titles, ['Remove “Unfortunately,”', 'Ignore “Unfortunately” in this workspace', 'Fix all safe rewrites (2)', 'More Decline Coach actions…']);
  });

  it('reframes a softened refusal first and deletes no softener from it', async () => {
    const doc = await vscode.workspace.openTextDocument(example('decline-logo.reply.md'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x).startsWith('missing-')));
    const unfortunately = diags.find(d => doc.getText(d.range) === 'Unfortunately,') as vscode.Diagnostic;
    const actions = await quickFixes(doc, unfortunately.range);
    const titles = actions.map(a => a.title);
    assert.deepEqual(titles, ['Replace with “I can include a brand guide at that price [if/once …].”', 'Remove “Unfortunately,”',
      'Ignore “Unfortunately” in this workspace', 'More Decline Coach actions…']);
    assert.ok(actions.every(a => !a.isPreferred), 'the rest of the sentence refuses: no deletion is safe to apply unread');
    assert.ok(titles.every(t => !/negative-phrasing|missing-/.test(t)), 'no rule ids');
  });

  it('offers Fix all only when it changes more than one place', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    const [diag] = (await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'negative-phrasing'))).filter(d => codeOf(d) === 'negative-phrasing');
    const titles = (await quickFixes(doc, diag.range)).map(a => a.title);
    assert.deepEqual(titles, ['Remove “Unfortunately,”', 'Ignore “Unfortunately” in this workspace', 'More Decline Coach actions…']);
  });

  it('keeps the rest behind one entry: what the draft lacks there, disable for a line, learn more — rules named in words', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'missing-empathy'));
    const diag = diags.find(d => codeOf(d) === 'negative-phrasing') as vscode.Diagnostic;
    const more = (await quickFixes(doc, diag.range)).at(-1) as vscode.CodeAction;
    assert.ok(more.command);
    const pick = pickNext('Disable “Negative phrasing” for this line');
    try {
      assert.equal(await vscode.commands.executeCommand(more.command.command, ...(more.command.arguments ?? [])), true);
    } finally {
      pick.restore();
    }
    const firstDisable = pick.offered.findIndex(l => l.startsWith('Disable'));
    assert.ok(firstDisable > 0 && pick.offered.slice(0, firstDisable).every(l => l.startsWith('Insert “')), pick.offered.join(' | '));
    assert.ok(pick.offered.some(l => l.startsWith('Insert “I understand')), 'the missing empathy sentence is offered');
    for (const label of ['Disable “Negative phrasing” for this line', 'Learn more about “Negative phrasing”', 'Learn more about “Missing empathy”']) {
      assert.ok(pick.offered.includes(label), `${label} in ${pick.offered.join(' | ')}`);
    }
    assert.equal(doc.lineAt(2).text, '<!-- decline-coach-disable-next-line negative-phrasing -->');
    await diagnosticsWhen(doc.uri, d => !d.some(x => codeOf(x) === 'negative-phrasing'));
  });
});

describe('Learn more', () => {
  afterEach(closeAll);

  it('opens the rule’s page from the menu as rendered Markdown, not as its source', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'missing-empathy'));
    const diag = diags.find(d => codeOf(d) === 'negative-phrasing') as vscode.Diagnostic;
    const more = (await quickFixes(doc, diag.range)).at(-1) as vscode.CodeAction;
    const pick = pickNext('Learn more about “Negative phrasing”');
    try {
      assert.equal(await vscode.commands.executeCommand(more.command?.command ?? '', ...(more.command?.arguments ?? [])), true);
    } finally {
      pick.restore();
    }
    const tab = await eventually(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.label.includes('negative-phrasing.md')), 'a tab for the rule’s page');
    assert.ok(tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'), `a Markdown preview, not ${tab.label}`);
    assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.path.endsWith('negative-phrasing.md') && vscode.window.visibleTextEditors.some(e => e.document === d)),
      'the Markdown source is not shown in an editor');
  });

  it('links the hover to the same page', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'negative-phrasing'));
    const diag = diags.find(d => codeOf(d) === 'negative-phrasing') as vscode.Diagnostic;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, diag.range.start.translate(0, 2));
    const markdown = hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
    const link = `(command:declineCoach.learnMore?${encodeURIComponent(JSON.stringify(['negative-phrasing']))})`;
    assert.ok(markdown.includes(`[Learn more]${link}`), markdown);
  });
});

describe('The snippet list', () => {
  afterEach(closeAll);

  it('names each snippet in words, with its language and form of address, and describes it', async () => {
    const doc = await untitled('Hi Max,\n\ndc-');
    const items = await eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 3));
      const ours = list.items.filter(i => i.kind === vscode.CompletionItemKind.Snippet && typeof i.label !== 'string' && i.label.label.startsWith('dc-'));
      return ours.length > 30 ? ours : undefined;
    }, 'the snippet completions');
    const labels = items.map(i => i.label as vscode.CompletionItemLabel);
    const names = labels.map(l => l.description ?? '');
    assert.equal(new Set(names).size, names.length, `every name is its own: ${names.join(' | ')}`);
    assert.ok(labels.every(l => l.description && l.description !== l.label), 'the name is not the prefix again');
    const byPrefix = new Map(labels.map(l => [l.label, l.description]));
    assert.equal(byPrefix.get('dc-empathy'), 'Show understanding (English)');
    assert.equal(byPrefix.get('dc-de-empathy-sie'), 'Verständnis zeigen (Deutsch, Sie)');
    assert.equal(byPrefix.get('dc-de-empathy-du'), 'Verständnis zeigen (Deutsch, du)');
    const details = items.map(i => i.detail ?? '');
    assert.equal(new Set(details).size, details.length, `every description is its own: ${details.join(' | ')}`);
    assert.equal(byPrefix.size, items.length, 'each snippet is offered once');
  });

  it('lists the UI language’s snippets first (English here), then German, then the rule comments', async () => {
    const doc = await untitled('Hi Max,\n\ndc-');
    const items = await eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 3));
      const ours = list.items.filter(i => typeof i.label !== 'string' && i.label.label.startsWith('dc-'));
      return ours.length > 30 ? ours : undefined;
    }, 'the snippet completions');
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const groups = sorted.map(i => {
      const name = (i.label as vscode.CompletionItemLabel).description ?? '';
      return name.endsWith('(English)') ? 'English' : name.includes('(Deutsch') ? 'Deutsch' : 'comment';
    });
    assert.deepEqual(groups.filter((g, i) => i === 0 || g !== groups[i - 1]), ['English', 'Deutsch', 'comment'], groups.join(' '));
    // The prefix typed so far is replaced by the snippet.
    assert.ok(items.every(i => i.range instanceof vscode.Range && i.range.start.character === 0 && i.range.end.character === 3));
  });
});

describe('Answers for the draft as it is now', () => {
  afterEach(closeAll);

  it('offers quick fixes and hovers for the current version before the next check has run', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'negative-phrasing'));
    // Checked on save only: the squiggles stay those of the version before the edit.
    const restore = await setting('run', 'onSave');
    try {
      const editor = vscode.window.activeTextEditor as vscode.TextEditor;
      assert.ok(await editor.edit(e => e.insert(new vscode.Position(2, 0), 'Thanks for writing. ')));
      const staleAt = () => (ours(doc.uri).find(d => codeOf(d) === 'negative-phrasing') as vscode.Diagnostic).range.start.character;
      assert.equal(staleAt(), 0, 'the published squiggle is outdated');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 'Thanks for writing. Unf'.length));
      assert.ok(hovers.some(h => h.contents.some(c => typeof c !== 'string' && 'value' in c && c.value.includes('Positive framing'))));
      assert.ok(await editor.edit(e => e.insert(new vscode.Position(2, 0), 'Hello. ')));
      assert.equal(staleAt(), 'Thanks for writing. '.length, 'the published squiggle is outdated again');
      const now = new vscode.Range(2, 'Hello. Thanks for writing. '.length, 2, 'Hello. Thanks for writing. Unfortunately,'.length);
      const actions = await quickFixes(doc, now);
      assert.equal(actions[0]?.title, 'Remove “Unfortunately,”', actions.map(a => a.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(actions[0].edit as vscode.WorkspaceEdit));
      assert.equal(doc.getText(), 'Hi Max,\n\nHello. Thanks for writing. The studio is closed on Sunday.\n');
      // A further action asked for the version before that fix does nothing.
      const more = actions.at(-1) as vscode.CodeAction;
      const fixed = doc.getText();
      assert.equal(await vscode.commands.executeCommand(more.command?.command ?? '', ...(more.command?.arguments ?? [])), false);
      assert.equal(doc.getText(), fixed);
    } finally {
      await restore();
    }
  });

  it('names the score and the findings in the status bar', async () => {
    const doc = await untitled('Hi Max,\n\nUnfortunately, the studio is closed on Sunday.\n');
    const diags = await diagnosticsWhen(doc.uri, d => d.some(x => codeOf(x) === 'missing-empathy'));
    const coach = await api();
    const score = coach.analysisFor(doc)?.score;
    const shown = await eventually(() => coach.status(), 'the status bar item');
    assert.equal(shown.text, `$(comment-discussion) ${score} · ${diags.length} findings`);
    assert.equal(shown.command, 'declineCoach.reviewDraft');
    assert.match(shown.tooltip, new RegExp(`score ${score}/100`));
    const restore = await setting('documentFindings', 'off');
    try {
      await diagnosticsWhen(doc.uri, d => d.length === 1);
      await eventually(() => coach.status()?.text === `$(comment-discussion) ${score} · 1 finding`, 'one finding in words');
    } finally {
      await restore();
    }
  });
});
