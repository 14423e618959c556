// Takes the README's screenshots in a real VS Code: a test module (`run()`) for the shared
// offline kit, which saves the workbench as a PNG whenever a line `VSCT_SHOT <file.png>` is logged.
//   node esbuild.mjs && mkdir -p /tmp/shots && cp -r examples /tmp/shots/ && VSCT_TOOLS=$HOME/.cache/vscode-offline-test \
//     /work/shared/tools/vscode-offline/vscode-ext-test.sh . docs/images/screenshots.cjs /tmp/shots/examples
// (a copy of examples/: the workbench may save what it shows).
// SHOTS_DIR sets where the PNGs go (default: this folder). MEASURE=1 first opens the panel on both
// examples and logs `VSCT_MEASURE ol.findings` and keyboard steps (`VSCT_PRESS j`, `VSCT_ACTIVE`)
// for a driver that measures the list and presses keys in the panel; other drivers ignore them.
const vscode = require('vscode');
const { join } = require('node:path');

const out = process.env.SHOTS_DIR || __dirname;
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Resolves once `probe` holds, polling with a deadline. */
async function until(probe, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/** Logs the request and gives the kit time to take the picture (it cannot report back; generous on a busy machine). */
async function shot(name) {
  await pause(3000);
  console.log(`VSCT_SHOT ${join(out, name)}`);
  await pause(4000);
}

async function open(name, theme) {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  const coach = await vscode.extensions.getExtension('decline-coach.decline-coach').activate();
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
  const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  await until(() => vscode.languages.getDiagnostics(doc.uri).length > 0, `the findings in ${name}`);
  return { coach, doc, editor };
}

function place(editor, text) {
  const offset = editor.document.getText().indexOf(text);
  const at = editor.document.positionAt(offset + 1);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
}

/** Waits until the quick fixes at the cursor are ready: the menu shows only what the provider answers then. */
async function quickFixesReady(editor) {
  const at = new vscode.Range(editor.selection.active, editor.selection.active);
  await until(async () => {
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', editor.document.uri, at, vscode.CodeActionKind.QuickFix.value);
    return actions?.length > 0;
  }, 'the quick fixes at the cursor');
}

async function review(coach, name) {
  await vscode.commands.executeCommand('declineCoach.reviewDraft');
  await until(() => coach.reviewHtml()?.includes('class="score"'), 'the review panel');
  // The panel's own page shows the review a moment later.
  await pause(3000);
  console.log('VSCT_MEASURE ol.findings');
  if (name) await shot(name);
  else await keys();
}

/** Moves through the findings by keyboard and logs where the focus is after each key. */
async function keys() {
  for (const step of ['VSCT_CLICK li.finding[data-finding="1"] .message', 'VSCT_ACTIVE', 'VSCT_PRESS j', 'VSCT_ACTIVE', 'VSCT_PRESS j', 'VSCT_ACTIVE',
    'VSCT_PRESS k', 'VSCT_ACTIVE', 'VSCT_PRESS Tab', 'VSCT_ACTIVE', 'VSCT_PRESS Tab', 'VSCT_ACTIVE', 'VSCT_PRESS End', 'VSCT_ACTIVE']) {
    console.log(step);
    await pause(700);
  }
}

exports.run = async () => {
  const workbench = vscode.workspace.getConfiguration('workbench');
  const theme = workbench.inspect('colorTheme')?.globalValue;
  try {
    if (process.env.MEASURE) {
      // The panel's height beside the explorer (the secondary side bar opens at a random moment: closed here).
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      for (const name of ['decline-logo.reply.md', 'absage-relaunch.reply.md']) {
        const draft = await open(name, 'Default Dark Modern');
        await review(draft.coach, undefined);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    }
    // More room for the pictures: no side bars.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const en = await open('decline-logo.reply.md', 'Default Dark Modern');
    place(en.editor, 'Unfortunately');
    await quickFixesReady(en.editor);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await shot('editor-quickfix.png');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    place(en.editor, 'ASAP');
    await vscode.commands.executeCommand('editor.action.showHover');
    await shot('editor-hover.png');
    await vscode.commands.executeCommand('editor.action.hideHover');
    await review(en.coach, 'review-dark.png');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const de = await open('absage-relaunch.reply.md', 'Default Light Modern');
    await review(de.coach, 'review-light.png');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  } finally {
    await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  }
};
