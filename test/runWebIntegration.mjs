// Runs the web build (dist/web/extension.js) in VS Code's web worker extension host, with the
// browser test bundle out/test/web/index.js: code-server serves the workbench, headless Chromium
// opens it with an extension-development payload, and the user setting `remote.extensionKind`
// pins our extension to kind `web`, so the workbench runs it, and the tests beside it, in a Web
// Worker instead of the server's Node host. (The payload's own `extensionDevelopmentKind` is not
// read by this workbench: its browser environment service names it `extensionDevelopmentLocationKind`.)
// Tools (Node 24, code-server, playwright-core) from test/codeServerHost.mjs, shared with runIntegration.mjs:
// DECLINE_COACH_TEST_CACHE, else the machine-wide ~/.cache/decline-coach-test when it holds these
// versions, else .vscode-test/offline in this clone. Exit code: the tests' result. VERBOSE=1 shows
// VS Code's own known noise too.
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { ensureSystemPackages, ensureTools, makeRunDir, startCodeServer, toolCache } from './codeServerHost.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testsPath = join(root, 'out', 'test', 'web', 'index.js');
const workspace = join(root, 'test', 'fixtures', 'workspace');
const timeoutMs = Number(process.env.DECLINE_COACH_TEST_TIMEOUT_MS || 300000);

const say = line => console.log(`[web] ${line}`);

// The workbench's known noise offline (what the desktop tier's driver hides), and its warnings
// about slow start-up steps on a busy machine.
const NOISE = /open-vsx|ENOTFOUND|Creating a socket|connection token|AgentHost|AccountPolicyGate|Service Worker|iframe|Failed to load resource|builtin extensions cache|reconnection-grace-time|vscode-languagedetection|languageDetectionWebWorker|github-authentication|GitHubAuthenticationProvider|authentication provider 'github'|Creation of workbench contribution|^\s*$/;
// Never hidden, whatever else it says: anything from our extension or its tests.
const OURS = /decline[- ]?coach|out\/test\/web/i;
const isNoise = text => !process.env.VERBOSE && !OURS.test(text) && NOISE.test(text);

/** Opens the workbench with the development payload; resolves to the tests' exit code. */
async function driveWorkbench(tools, port, runDir) {
  const { chromium } = createRequire(join(tools.modules, 'noop.js'))('playwright-core');
  const authority = `127.0.0.1:${port}`;
  const remote = path => `vscode-remote://${authority}${path}`;
  // No `extensionDevelopmentKind` here: this workbench does not read it (see above); the user setting makes the extension web-only.
  const payload = [['extensionDevelopmentPath', remote(root)], ['extensionTestsPath', remote(testsPath)]];
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const browser = await chromium.launchPersistentContext(join(runDir, 'chromium'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = browser.pages()[0] || await browser.newPage();
    let finish;
    const exited = new Promise(r => { finish = r; });
    await page.exposeFunction('codeAutomationExit', code => finish(code));
    // Printed one after another in the order logged, though their arguments arrive asynchronously.
    let printed = Promise.resolve();
    page.on('console', message => {
      const args = Promise.all(message.args().map(a => a.jsonValue().catch(() => '?')));
      printed = printed.then(async () => {
        // The extension host's console arrives as console.log('%c[Extension Host] …', css, …args).
        let values = await args;
        const first = String(values[0] ?? '');
        if (first.includes('%c')) values = [first.replace(/%c/g, ''), ...values.slice(2)];
        const text = format(...values);
        if (!isNoise(text)) console.log(text.replace(/^ ?INFO /, '').replace(/^\[Extension Host\] /, '').slice(0, 4000));
      });
    });
    page.on('pageerror', e => { if (!isNoise(`${e.message}\n${e.stack ?? ''}`)) console.log('[pageerror]', e.message); });
    await page.goto(url);
    const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('timeout'), timeoutMs))]);
    await printed;
    if (code === 'timeout') say(`no result after ${timeoutMs / 1000} s`);
    return code === 'timeout' ? 124 : Number(code);
  } finally {
    await browser.close();
  }
}

async function main() {
  for (const built of [testsPath, join(root, 'dist', 'web', 'extension.js')]) {
    if (!existsSync(built)) {
      console.error(`[web] ${built} is missing: run \`node esbuild.mjs --tests\` first`);
      return 1;
    }
  }
  ensureSystemPackages(say);
  const cacheRoot = toolCache(root);
  const tools = ensureTools(cacheRoot, say);
  say(`host: web worker extension host (code-server's workbench in headless Chromium); tools from ${cacheRoot}`);
  const started = Date.now();
  const runDir = makeRunDir('decline-coach-web-', { 'remote.extensionKind': { 'decline-coach.decline-coach': ['web'] } });
  let server;
  try {
    server = await startCodeServer(tools, runDir);
    const code = await driveWorkbench(tools, server.port, runDir);
    if (code !== 0) console.log(`--- code-server log ---\n${server.log()}`);
    say(`web extension tests exit code: ${code} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return code;
  } finally {
    server?.stop();
    if (!process.env.KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(code => process.exit(code), e => { console.error(`[web] ${e instanceof Error ? e.message : e}`); process.exit(1); });
