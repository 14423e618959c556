// The review panel's own script: shows what the extension rendered, turns button presses into
// messages and moves between findings with the keyboard. Every control is a <button>, so Enter
// and Space work as a click does.
import type { FromWebview, ToWebview } from './messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): { uri?: string } | undefined;
  setState(state: { uri: string }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const announcer = document.getElementById('announce') as HTMLElement;
let version = 0;
let uri = '';

/** What identifies a control across renders: its action and the finding and fix it is for. */
function keyOf(el: Element | null): string | undefined {
  const target = el?.closest<HTMLElement>('[data-action], li.finding');
  if (!target) return undefined;
  const attrs = ['data-action', 'data-finding', 'data-fix'].filter(a => target.hasAttribute(a));
  return `${target.tagName.toLowerCase()}${attrs.map(a => `[${a}="${CSS.escape(target.getAttribute(a) ?? '')}"]`).join('')}`;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (!message || message.type !== 'render') return;
  const focused = root.contains(document.activeElement) ? keyOf(document.activeElement) : undefined;
  const findingIndex = document.activeElement?.closest<HTMLElement>('[data-finding]')?.dataset.finding;
  // The HTML comes from the extension, which escapes every piece of draft text.
  root.innerHTML = message.html;
  version = message.version;
  uri = message.uri;
  vscode.setState({ uri: message.uri });
  // Keep the keyboard where it was: the same control, else the finding now at that place.
  if (focused) {
    const again = root.querySelector<HTMLElement>(focused) ?? findings()[Math.min(Number(findingIndex), findings().length - 1)] ?? root.querySelector<HTMLElement>('button');
    again?.focus();
  }
  const summary = root.querySelector<HTMLElement>('[data-announce]')?.dataset.announce ?? '';
  if (announcer.textContent !== summary) announcer.textContent = summary;
});

root.addEventListener('click', event => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('button[data-action]');
  if (!target) return;
  // The extension checks every message (parseFromWebview), so the script forwards any action as it is.
  const message: Record<string, unknown> = { type: target.dataset.action, uri, version };
  if (target.dataset.finding !== undefined) message.finding = Number(target.dataset.finding);
  if (target.dataset.fix !== undefined) message.fix = Number(target.dataset.fix);
  vscode.postMessage(message);
});

const findings = () => Array.from(root.querySelectorAll<HTMLElement>('li.finding'));

/** j/↓ and k/↑: next and previous finding; Home/End: first and last; Enter on a finding: go to it. */
// On the document, so that j and k work as soon as the panel has focus, before anything in it has.
document.addEventListener('keydown', event => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const all = findings();
  if (all.length === 0) return;
  const current = (event.target as HTMLElement).closest<HTMLElement>('li.finding');
  const at = current ? all.indexOf(current) : -1;
  let next: number | undefined;
  switch (event.key) {
    // The arrows scroll the page as usual outside the list of findings; j and k work anywhere.
    case 'ArrowDown': if (current) next = Math.min(at + 1, all.length - 1); break;
    case 'ArrowUp': if (current) next = Math.max(at - 1, 0); break;
    case 'j': next = Math.min(at + 1, all.length - 1); break;
    case 'k': next = Math.max(at - 1, 0); break;
    case 'Home': if (current) next = 0; break;
    case 'End': if (current) next = all.length - 1; break;
    case 'Enter':
      if (current && event.target === current) current.querySelector<HTMLElement>('button[data-action="goto"]')?.click();
      return;
    default: return;
  }
  if (next === undefined) return;
  event.preventDefault();
  all[next].focus();
  all[next].scrollIntoView({ block: 'nearest' });
});

// ←/→ move between the toolbar's buttons, as in any toolbar.
root.addEventListener('keydown', event => {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const toolbar = (event.target as HTMLElement).closest('[role="toolbar"]');
  if (!toolbar) return;
  const buttons = Array.from(toolbar.querySelectorAll<HTMLElement>('button'));
  const at = buttons.indexOf(event.target as HTMLElement);
  const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
  event.preventDefault();
  next?.focus();
});

const ready: FromWebview = { type: 'ready' };
vscode.postMessage(ready);
