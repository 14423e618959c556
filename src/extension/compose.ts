import * as vscode from 'vscode';
import { composeReply, type DeclineReason, type Lang } from '../core';
import { uiLang } from './config';

async function pick<T>(items: Array<vscode.QuickPickItem & { value: T }>, title: string, step: number, total: number): Promise<T | undefined> {
  const choice = await vscode.window.showQuickPick(items, { title: `${title} (${step}/${total})`, ignoreFocusOut: true });
  return choice?.value;
}

async function ask(prompt: string, placeHolder: string, step: number, total: number, optional = false): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `${vscode.l10n.t('Compose decline reply')} (${step}/${total})`, prompt, placeHolder, ignoreFocusOut: true,
    validateInput: v => (optional || v.trim() ? undefined : vscode.l10n.t('Please fill this in, or press Escape to cancel.')),
  });
}

/**
 * A guided reply: what was asked, why the answer is no, what can be offered instead and by when.
 * Writes a new untitled Markdown draft; cancelling at any step leaves nothing behind.
 */
export async function composeDecline(): Promise<vscode.TextDocument | undefined> {
  const total = 7;
  const uiGerman = uiLang() === 'de';
  const languages: Array<vscode.QuickPickItem & { value: Lang }> = [
    { label: 'English', value: 'en', picked: !uiGerman },
    { label: 'Deutsch', value: 'de', picked: uiGerman },
  ];
  const lang = await pick<Lang>(languages.sort((a, b) => Number(b.picked) - Number(a.picked)), vscode.l10n.t('Language of the reply'), 1, total);
  if (!lang) return undefined;
  const register = lang === 'de'
    ? await pick<'sie' | 'du'>([
      { label: 'Sie', description: vscode.l10n.t('formal'), value: 'sie' },
      { label: 'du', description: vscode.l10n.t('informal'), value: 'du' },
    ], vscode.l10n.t('Form of address'), 2, total)
    : 'sie';
  if (!register) return undefined;
  const clientName = await ask(vscode.l10n.t('The client’s name, as in the greeting (optional)'), lang === 'de' ? 'Frau Keller' : 'Dana', 3, total, true);
  if (clientName === undefined) return undefined;
  const request = await ask(vscode.l10n.t('What did the client ask for?'),
    lang === 'de' ? 'einem Relaunch der Website bis Freitag' : 'a website relaunch by Friday', 4, total);
  if (request === undefined) return undefined;
  const reasonChoice = await pick<DeclineReason | 'own'>([
    { label: vscode.l10n.t('I already have too much work'), value: 'workload' },
    { label: vscode.l10n.t('It does not fit my goals or focus'), value: 'goals' },
    { label: vscode.l10n.t('The timeline or expectations are unrealistic'), value: 'timeline' },
    { label: vscode.l10n.t('It is outside my skills'), value: 'skills' },
    { label: vscode.l10n.t('Another reason…'), value: 'own' },
  ], vscode.l10n.t('Why is the answer no?'), 5, total);
  if (!reasonChoice) return undefined;
  let reason: DeclineReason;
  if (reasonChoice === 'own') {
    const own = await ask(vscode.l10n.t('The reason, in a few words'), lang === 'de' ? 'ich im März im Urlaub bin' : 'I am on leave in March', 5, total);
    if (own === undefined) return undefined;
    reason = { text: own };
  } else {
    reason = reasonChoice;
  }
  const offer = await ask(vscode.l10n.t('What can you offer instead?'), lang === 'de' ? 'eine kleinere erste Version' : 'a smaller first version', 6, total);
  if (offer === undefined) return undefined;
  const when = await ask(vscode.l10n.t('By when?'), lang === 'de' ? 'Freitag, 12 Uhr' : 'Friday, 12 pm', 7, total);
  if (when === undefined) return undefined;
  const content = composeReply({ lang, register, clientName, request, reason, offer, when });
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}
