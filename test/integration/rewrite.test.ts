import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PromptView } from '../../src/extension/rewriteReply';
import { api, closeAll, eventually, untitled } from './helpers';

const ENGLISH_DRAFT = '> Could you add a full brand guide to the logo package? Same price would be great.\n\nHi Mia,\n\n'
  + 'Unfortunately, I can\'t include a brand guide at that price. I\'m afraid it\'s not possible right now. I\'ll try to send you something ASAP.\n\nBest,\nKim\n';

const ENGLISH_REWRITE = '> Could you add a full brand guide to the logo package? Same price would be great.\n\nHi Mia,\n\n'
  + 'Thank you for your request to add a full brand guide to the logo package. I understand why this matters to you.\n\n'
  + 'I would like to propose a different approach. This goes beyond what the agreed budget covers, and I want to stay within what we agreed. '
  + 'What I can offer instead is a one-page style sheet with your colours and fonts by Friday.\n\n'
  + 'Could you tell me what matters most to you here?\n\nBest,\nKim\n';

/** The prompt the flow shows, once its title says `step`. */
async function promptAt(step: string): Promise<PromptView> {
  const coach = await api();
  return eventually(() => { const p = coach.prompt(); return p?.title.includes(step) ? p : undefined; }, `the prompt “${step}” (now: ${coach.prompt()?.title ?? 'none'})`);
}

/** Types into the prompt titled `step` and presses Enter; in a pick, once the typed item is the one Enter takes. */
async function answer(step: string, text: string): Promise<PromptView> {
  const coach = await api();
  const shown = await promptAt(step);
  assert.ok(coach.typeIntoPrompt(text));
  if (shown.kind === 'pick') await eventually(() => coach.prompt()?.active === text, `“${text}” to be active in “${step}”`);
  else await eventually(() => coach.prompt()?.value === text, `“${text}” typed into “${step}”`);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await eventually(() => { const p = coach.prompt(); return !p || p.title !== shown.title || p.kind !== shown.kind; }, `“${step}” to close`);
  return shown;
}

async function escape(step: string): Promise<void> {
  await promptAt(step);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}

const previewTabs = () => vscode.window.tabGroups.all.flatMap(g => g.tabs)
  .filter(t => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'decline-coach-rewrite');

/** Answers the English example's questions up to the Apply step, where the diff is shown. */
async function answerEnglish(): Promise<PromptView[]> {
  const request = await promptAt('the request');
  assert.equal(request.value, 'to add a full brand guide to the logo package', 'the request proposed from the quoted message');
  const seen = [await answer('the request', request.value)];
  seen.push(await answer('why the answer is no', 'It goes beyond the price or budget'));
  seen.push(await answer('what you offer instead', 'Other…'));
  await answer('what you offer instead', 'a one-page style sheet with your colours and fonts');
  seen.push(await answer('by when', 'Friday'));
  await promptAt('apply the rewrite?');
  await eventually(() => previewTabs().length === 1, 'the diff of the draft and the rewrite');
  return seen;
}

describe('Rewrite reply, driven through its quick picks', () => {
  afterEach(closeAll);

  it('from the review panel’s button: asks only what is missing, previews, applies as one undo step', async () => {
    const doc = await untitled(ENGLISH_DRAFT);
    await vscode.commands.executeCommand('declineCoach.reviewDraft');
    const coach = await api();
    await eventually(() => coach.reviewHtml()?.includes('data-action="rewrite"'), 'the Rewrite reply button');
    const running = coach.postFromWebview({ type: 'rewrite', uri: doc.uri.toString(), version: doc.version });
    const seen = await answerEnglish();
    assert.deepEqual(seen.map(p => /\((\d+\/\d+)\)/.exec(p.title)?.[1]), ['1/4', '2/4', '3/4', '4/4'], 'the counter counts the questions asked');
    assert.match(seen[1].prompt, /^Has: nothing · Missing: acknowledgement, empathy, reason, alternative, by when, clarifying question$/);
    assert.ok(seen[1].items.includes('Other…') && seen[1].items.length === 5, seen[1].items.join(' | '));
    await answer('apply the rewrite?', 'Apply');
    assert.equal(await running, true);
    assert.equal(doc.getText(), ENGLISH_REWRITE);
    assert.equal(coach.analysisFor(doc)?.verdict, 'good');
    assert.equal(previewTabs().length, 0, 'the diff is closed');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), ENGLISH_DRAFT, 'one undo restores the draft');
  });

  it('asks a German draft in its own words and keeps Sie', async () => {
    const draft = 'Hallo Herr Vogt,\n\nvielen Dank für Ihre Nachricht zum Relaunch. Ich verstehe, dass Ihnen der Termin wichtig ist. '
      + 'Leider ist das so nicht möglich. Wir melden uns zeitnah.\n\nViele Grüße\nAnna Lenz\n';
    const doc = await untitled(draft);
    const running = vscode.commands.executeCommand<boolean>('declineCoach.rewriteReply');
    const reason = await answer('why the answer is no', 'Other…');
    assert.match(reason.title, /\(1\/3\)/);
    await answer('why the answer is no', 'wir sind bis Ende Februar ausgebucht');
    await answer('what you offer instead', 'einen kleineren ersten Schritt');
    await answer('by when', 'Freitag');
    await answer('apply the rewrite?', 'Apply');
    assert.equal(await running, true);
    assert.equal(doc.getText(), 'Hallo Herr Vogt,\n\nvielen Dank für Ihre Nachricht zum Relaunch. Ich verstehe, dass Ihnen der Termin wichtig ist.\n\n'
      + 'Dafür schlage ich Ihnen einen anderen Weg vor. Der Grund dafür: wir sind bis Ende Februar ausgebucht. '
      + 'Was ich Ihnen stattdessen anbieten kann: einen kleineren ersten Schritt, bis Freitag.\n\n'
      + 'Können Sie mir sagen, was Ihnen dabei am wichtigsten ist?\n\nViele Grüße\nAnna Lenz\n');
    assert.equal((await api()).analysisFor(doc)?.verdict, 'good');
  });

  it('Escape at a question changes nothing', async () => {
    const doc = await untitled(ENGLISH_DRAFT);
    const version = doc.version;
    const running = vscode.commands.executeCommand<boolean>('declineCoach.rewriteReply');
    await answer('the request', 'to add a full brand guide to the logo package');
    await escape('why the answer is no');
    assert.equal(await running, false);
    assert.equal(doc.getText(), ENGLISH_DRAFT);
    assert.equal(doc.version, version, 'not edited');
  });

  it('Escape at the preview changes nothing and closes the diff', async () => {
    const doc = await untitled(ENGLISH_DRAFT);
    const running = vscode.commands.executeCommand<boolean>('declineCoach.rewriteReply');
    await answerEnglish();
    await escape('apply the rewrite?');
    assert.equal(await running, false);
    assert.equal(doc.getText(), ENGLISH_DRAFT);
    await eventually(() => previewTabs().length === 0, 'the diff to close');
  });

  it('does not edit a draft that changed while the questions were open', async () => {
    const doc = await untitled(ENGLISH_DRAFT);
    const running = vscode.commands.executeCommand<boolean>('declineCoach.rewriteReply');
    await answerEnglish();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(doc.getText().length), 'PS: see you soon.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await answer('apply the rewrite?', 'Apply');
    assert.equal(await running, false);
    assert.equal(doc.getText(), `${ENGLISH_DRAFT}PS: see you soon.\n`);
  });
});

describe('Compose decline reply: the same questions on an empty draft', () => {
  afterEach(closeAll);

  for (const [language, name, request, reason, offer, when] of [
    ['English', 'Dana', 'the members’ area for your shop', 'My schedule is full', 'a one-page plan for phase two', 'Friday'],
    ['Deutsch (Sie)', 'Frau Keller', 'der Buchhaltung für Ihren Laden', 'It is outside my focus or skills', 'eine Empfehlung für eine Steuerkanzlei', 'Freitag'],
    ['Deutsch (du)', 'Jonas', 'dem Umbau deines Shops', 'It goes beyond the price or budget', 'einen kleineren ersten Schritt', 'morgen'],
  ] as const) {
    it(`composes a reply judged good, the sender’s name a tab stop (${language})`, async () => {
      const running = vscode.commands.executeCommand<vscode.TextDocument>('declineCoach.composeDecline');
      const titles = [await answer('language of the reply', language)];
      titles.push(await answer('the client’s name', name));
      titles.push(await answer('the request', request));
      titles.push(await answer('why the answer is no', reason));
      const offered = await promptAt('what you offer instead');
      titles.push(offered);
      if (offered.items.includes(offer)) {
        await answer('what you offer instead', offer);
      } else {
        await answer('what you offer instead', 'Other…');
        await answer('what you offer instead', offer);
      }
      titles.push(await answer('by when', when));
      assert.deepEqual(titles.map(p => /\((\d+\/\d+)\)/.exec(p.title)?.[1]), ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6'], 'no step skipped');
      const doc = await running;
      assert.ok(doc, 'a draft was written');
      const text = doc.getText();
      assert.ok(text.includes(name) && text.includes(request) && text.includes(offer), text);
      assert.equal(text.split(request).length, 2, 'the request is named once');
      assert.ok(text.split('\n\n').length >= 5, 'paragraphs');
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor && doc.getText(editor.selection), language === 'English' ? 'your name' : language === 'Deutsch (Sie)' ? 'Ihr Name' : 'dein Name',
        'the sender’s name is the selected tab stop');
      const analysis = (await api()).analysisFor(doc);
      assert.equal(analysis?.verdict, 'good', text);
      assert.equal(analysis?.language, language === 'English' ? 'en' : 'de');
      if (language !== 'English') assert.equal(analysis?.register, language.includes('Sie') ? 'sie' : 'du');
    });
  }

  it('leaves nothing behind when composing is cancelled', async () => {
    const before = vscode.workspace.textDocuments.filter(d => d.isUntitled).length;
    const running = vscode.commands.executeCommand('declineCoach.composeDecline');
    await answer('language of the reply', 'English');
    await escape('the client’s name');
    assert.equal(await running, undefined);
    assert.equal(vscode.workspace.textDocuments.filter(d => d.isUntitled).length, before);
  });
});
