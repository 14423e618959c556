// Runs the integration tests (out/test/integration/index.js, a module exporting `run()`) inside a
// real VS Code extension host:
//   electron     @vscode/test-electron, when a VS Code build is cached in .vscode-test or can be downloaded;
//   code-server  otherwise: VS Code's server build from the npm registry, driven by headless Chromium.
// DECLINE_COACH_TEST_HOST=electron|code-server forces one. The offline host's tools come from
// DECLINE_COACH_TEST_CACHE, else the machine-wide ~/.cache/decline-coach-test when it holds these
// versions, else .vscode-test/offline in this clone. Exit code: the tests' result.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages, ensureTools, makeRunDir, startCodeServer, toolCache } from './codeServerHost.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testsPath = join(root, 'out', 'test', 'integration', 'index.js');
const workspace = join(root, 'test', 'fixtures', 'workspace');
// Second pass: workspace trust on, in a folder whose settings plant custom phrases.
const untrustedWorkspace = join(root, 'test', 'fixtures', 'untrusted');
// A scripted language model provider (built by `esbuild.mjs --tests`), loaded beside the extension.
const fakeLm = join(root, 'out', 'test', 'fixtures', 'fake-lm');

const cacheRoot = toolCache(root);

const say = line => console.log(`[integration] ${line}`);

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

async function runCodeServer(untrusted) {
  ensureSystemPackages(say);
  const tools = ensureTools(cacheRoot, say);
  say(`host: code-server (VS Code server build, headless Chromium)${untrusted ? ', untrusted workspace' : ''}; tools from ${cacheRoot}`);
  const runDir = makeRunDir('decline-coach-it-');
  // Installed, not a second development path: the workbench loads only the last of those.
  const fake = JSON.parse(readFileSync(join(fakeLm, 'package.json'), 'utf8'));
  cpSync(fakeLm, join(runDir, 'exts', `${fake.publisher}.${fake.name}-${fake.version}`), { recursive: true });
  let server;
  try {
    server = await startCodeServer(tools, runDir, { trusted: !untrusted, env: untrusted ? { DECLINE_COACH_UNTRUSTED: '1' } : {} });
    const driver = spawn(process.execPath, [join(root, 'test', 'codeServerDriver.cjs'), String(server.port), root, testsPath, untrusted ? untrustedWorkspace : workspace], {
      stdio: 'inherit', env: { ...process.env, NODE_PATH: tools.modules, RUN_DIR: runDir },
    });
    const code = await new Promise(r => driver.on('exit', c => r(c ?? 1)));
    if (code !== 0) console.log(`--- code-server log ---\n${server.log()}`);
    return code;
  } finally {
    server?.stop();
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
