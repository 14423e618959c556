// One build for every target: the Node extension, the web extension, the webview script, the
// CLI (with eval, bench and the role trainer), the language server and the test bundles. Flags: --production, --watch, --tests, --bench, --train.
import * as esbuild from 'esbuild';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');
const train = process.argv.includes('--train');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // markdown-it and its helpers ship ES modules under "module".
  mainFields: ['module', 'main'],
  legalComments: 'none',
};

const testFiles = dir => readdirSync(dir).filter(f => f.endsWith('.test.ts')).map(f => join(dir, f));

// The web extension starts its check worker as a Web Worker: spawn.web.ts stands in for spawn.ts.
const webSpawn = {
  name: 'web-spawn',
  setup(build) {
    build.onResolve({ filter: /\/worker\/spawn$/ }, args => ({ path: join(args.resolveDir, `${args.path}.web.ts`) }));
  },
};

const targets = [
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  {
    ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs',
    external: ['vscode'], define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' }, plugins: [webSpawn],
  },
  // The worker that checks big drafts off the extension host's main thread.
  { ...common, entryPoints: ['src/extension/worker/node.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/extension/worker/web.ts'], outfile: 'dist/web/worker.js', platform: 'browser', format: 'iife' },
  // The panel may load files from dist/webview only (its localResourceRoots).
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/webview.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['media/review.css'], outfile: 'dist/webview/review.css', sourcemap: false },
  { ...common, entryPoints: ['media/aiPreview.css'], outfile: 'dist/webview/aiPreview.css', sourcemap: false },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli/eval.ts'], outfile: 'dist/eval.js', platform: 'node', format: 'cjs' },
  // The language server; it checks big drafts in dist/worker.js, as the extension does.
  { ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
];
if (train) {
  targets.push({ ...common, entryPoints: ['src/cli/train.ts'], outfile: 'dist/train.js', platform: 'node', format: 'cjs' });
}
if (bench) {
  targets.push({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.mjs', platform: 'node', format: 'esm', packages: 'external' });
}
if (tests) {
  rmSync('out', { recursive: true, force: true });
  targets.push({ ...common, minify: false, entryPoints: testFiles('test/unit'), outdir: 'out/test/unit', platform: 'node', format: 'cjs', external: ['mocha', 'esbuild'] });
  targets.push({
    ...common, minify: false, entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.js', platform: 'node',
    format: 'cjs', external: ['vscode', 'mocha'],
  });
  // The scripted language model the integration runner installs beside the extension.
  targets.push({ ...common, minify: false, entryPoints: ['test/fixtures/fake-lm/extension.ts'], outfile: 'out/test/fixtures/fake-lm/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] });
  // The integration suite's core cases for the web worker extension host, with mocha's browser build: no Node built-ins.
  targets.push({ ...common, minify: false, entryPoints: ['test/web/index.ts'], outfile: 'out/test/web/index.js', platform: 'browser', format: 'cjs', external: ['vscode'] });
}

if (watch) {
  const contexts = await Promise.all(targets.map(t => esbuild.context(t)));
  await Promise.all(contexts.map(c => c.watch()));
  console.log('[watch] build started');
} else {
  await Promise.all(targets.map(t => esbuild.build(t)));
  if (tests) cpSync('test/fixtures/fake-lm/package.json', 'out/test/fixtures/fake-lm/package.json');
}
