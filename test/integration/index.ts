// The test module VS Code loads in its extension host (test-electron style: exports `run()`).
import Mocha from 'mocha';
import { format } from 'node:util';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  // The extension host forwards console output with its arguments already joined.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  console.log(`Integration tests in ${vscode.env.appName} ${vscode.version} (host: ${vscode.env.appHost}, remote: ${vscode.env.remoteName ?? 'none'})`);
  // The suites are bundled into this file: define mocha's globals, then load them.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // The runner's second pass opens an untrusted workspace and runs only the trust suite.
  if (process.env.DECLINE_COACH_UNTRUSTED) {
    require('./trust.test');
    require('./config.test');
  } else if (process.env.DECLINE_COACH_MEASURE) {
    require('./latency.measure');
  } else {
    require('./editor.test');
    require('./findings.test');
    require('./menu.test');
    require('./review.test');
    require('./ai.test');
    require('./rewrite.test');
    require('./config.test');
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
