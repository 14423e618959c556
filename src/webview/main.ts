// The review panel's own script: shows what the extension rendered and turns clicks into messages.
import type { FromWebview, ToWebview } from './messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): { uri?: string } | undefined;
  setState(state: { uri: string }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
let version = 0;
let uri = '';

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (!message || message.type !== 'render') return;
  const focused = document.activeElement?.getAttribute('data-action');
  // The HTML comes from the extension, which escapes every piece of draft text.
  root.innerHTML = message.html;
  version = message.version;
  uri = message.uri;
  vscode.setState({ uri: message.uri });
  if (focused) (root.querySelector(`[data-action="${focused}"]`) as HTMLElement | null)?.focus();
});

root.addEventListener('click', event => {
  const target = (event.target as HTMLElement).closest('[data-action], mark[data-finding]') as HTMLElement | null;
  if (!target) return;
  const finding = Number(target.dataset.finding);
  switch (target.dataset.action ?? 'goto') {
    case 'apply': vscode.postMessage({ type: 'apply', uri, version, finding, fix: Number(target.dataset.fix) }); break;
    case 'applyAll': vscode.postMessage({ type: 'applyAll', uri, version }); break;
    case 'rewrite': vscode.postMessage({ type: 'rewrite', uri, version }); break;
    case 'goto': vscode.postMessage({ type: 'goto', uri, version, finding }); break;
    case 'rewriteAi': vscode.postMessage({ type: 'rewriteAi', uri }); break;
  }
});

vscode.postMessage({ type: 'ready' });
