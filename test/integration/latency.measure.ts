// Not a test: measures keystroke → diagnostics in the real host for docs/benchmarks.md. Runs only
// with DECLINE_COACH_MEASURE=1 (`DECLINE_COACH_MEASURE=1 npm run test:integration`), alone.
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhen, ours, untitled } from './helpers';

const SAMPLES = 16;

/**
 * Milliseconds from an edit until Decline Coach's diagnostics show it: alternately types “ ASAP”
 * (one finding more) and deletes it again. Other extensions publish diagnostics for Markdown too,
 * so the count of ours is what is waited on.
 */
async function editToDiagnostics(doc: vscode.TextDocument, add: boolean): Promise<number> {
  const editor = await vscode.window.showTextDocument(doc);
  const line = doc.lineAt(2);
  const before = ours(doc.uri).length;
  const started = performance.now();
  await editor.edit(e => (add ? e.insert(line.range.end, ' ASAP') : e.delete(new vscode.Range(line.range.end.translate(0, -5), line.range.end))));
  await diagnosticsWhen(doc.uri, d => d.length === before + (add ? 1 : -1));
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('Keystroke to diagnostics (measurement)', () => {
  afterEach(closeAll);

  for (const [label, body] of [
    ['2 KB draft', 'Unfortunately, the studio is closed on Sunday. I will reply soon.\n\n'.repeat(30)],
    ['40 KB draft', 'Unfortunately, the studio is closed on Sunday. I will reply soon.\n\n'.repeat(600)],
  ] as const) {
    it(label, async () => {
      const doc = await untitled(`Hi Max,\n\n${body}`);
      await diagnosticsWhen(doc.uri, d => d.length > 0);
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) times.push(await editToDiagnostics(doc, i % 2 === 0));
      console.log(`[measure] ${label} (${doc.getText().length} chars): edit → diagnostics median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)} (${SAMPLES} edits)`);
    });
  }
});
