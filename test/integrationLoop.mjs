// Runs the integration tier N times in a row (default 20) and reports how many runs passed, to
// show the suite is deterministic. usage: node test/integrationLoop.mjs [N]   (build first:
// `node esbuild.mjs --tests`; `npm run test:integration:loop -- N` does both). Each run's output
// goes to .vscode-test/loop/run-<i>.log; exit code 0 only when every run passed.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 20);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node test/integrationLoop.mjs [number of runs, at least 1]');
  process.exit(2);
}
const logs = join(root, '.vscode-test', 'loop');
mkdirSync(logs, { recursive: true });

function runOnce(i) {
  const log = join(logs, `run-${i}.log`);
  const out = createWriteStream(log);
  const child = spawn(process.execPath, [join(root, 'test', 'runIntegration.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  return new Promise(res => child.on('close', code => res({ code: code ?? 1, log })));
}

let passed = 0;
for (let i = 1; i <= runs; i++) {
  const started = Date.now();
  const { code, log } = await runOnce(i);
  if (code === 0) passed++;
  console.log(`run ${i}/${runs}: ${code === 0 ? 'passed' : `FAILED (exit ${code}, see ${log})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log(`${passed} of ${runs} runs passed`);
process.exit(passed === runs ? 0 : 1);
