// Opens code-server's workbench in headless Chromium with an extension-development payload, so
// the workbench runs our test module in its extension host, and exits with the tests' code.
// usage: node codeServerDriver.cjs <port> <extensionPath> <testsPath> <workspaceFolder>
const { chromium } = require('playwright-core');
const { mkdtempSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { format } = require('node:util');

const [port, extensionPath, testsPath, folder] = process.argv.slice(2);
const authority = `127.0.0.1:${port}`;
const remote = path => `vscode-remote://${authority}${path}`;
const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(testsPath)]];
const url = `http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const timeoutMs = Number(process.env.DECLINE_COACH_TEST_TIMEOUT_MS || 300000);
// Browser noise from a machine without internet access, and VS Code's own known errors (its
// language detection worker cannot `require` in the browser; the GitHub sign-in provider fails offline).
const NOISE = /open-vsx|ENOTFOUND|Creating a socket|connection token|AgentHost|AccountPolicyGate|Service Worker|iframe|Failed to load resource|builtin extensions cache|reconnection-grace-time|vscode-languagedetection|languageDetectionWebWorker|github-authentication|GitHubAuthenticationProvider|authentication provider 'github'|^\s*$/;
// Never hidden, whatever else it says: anything from our extension or its tests.
const OURS = /decline[- ]?coach|out\/test\/integration/i;
const isNoise = text => !OURS.test(text) && NOISE.test(text);

async function screenshot(page, path, selector) {
  const deadline = Date.now() + 10000;
  while (selector && Date.now() < deadline) {
    const counts = await Promise.all(page.frames().map(f => f.locator(selector).count().catch(() => 0)));
    if (counts.some(n => n > 0)) break;
    await page.waitForTimeout(100);
  }
  await page.screenshot({ path }).catch(e => console.log(`[integration] screenshot failed: ${e.message}`));
}

(async () => {
  const started = Date.now();
  const profile = mkdtempSync(join(process.env.RUN_DIR || require('node:os').tmpdir(), 'chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  const page = browser.pages()[0] || await browser.newPage();
  let finish;
  const exited = new Promise(resolve => { finish = resolve; });
  await page.exposeFunction('codeAutomationExit', code => finish(code));
  page.on('console', async message => {
    // The extension host's console arrives as console.log('%c[Extension Host] …', css, …args).
    let values = await Promise.all(message.args().map(a => a.jsonValue().catch(() => '?')));
    const first = String(values[0] ?? '');
    if (first.includes('%c')) values = [first.replace(/%c/g, ''), ...values.slice(2)];
    const text = format(...values);
    // A test asks for a picture of the workbench (DECLINE_COACH_SCREENSHOT), once an element it names
    // shows in some frame: a webview paints after the extension has set its HTML.
    const shot = /DECLINE_COACH_SHOT (\S+\.png)(?: (.+))?/.exec(text);
    if (shot) { await screenshot(page, shot[1], shot[2]); return; }
    if (process.env.VERBOSE || !isNoise(text)) console.log(text.replace(/^ ?INFO /, '').replace(/^\[Extension Host\] /, '').slice(0, 4000));
  });
  page.on('pageerror', e => { if (process.env.VERBOSE || !isNoise(`${e.message}\n${e.stack ?? ''}`)) console.log('[pageerror]', e.message); });
  await page.goto(url);
  const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('timeout'), timeoutMs))]);
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT }).catch(() => undefined);
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  console.log(`[integration] extension tests exit code: ${code} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(code === 'timeout' ? 124 : Number(code));
})().catch(e => { console.error(e); process.exit(1); });
