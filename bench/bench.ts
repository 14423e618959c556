/**
 * `npm run bench [-- <labeled.jsonl>] [--fuzz N]`: times the engine in-process against other prose
 * linters on the same texts (median of several runs after a warm-up) and prints a table. A
 * benchmark, not a test: it prints figures and never fails on them.
 * `npm run bench -- --hostile`: instead, each hostile family of test/hostile.ts at 128 KB and 2 MB.
 * `npm run bench -- --compare <git ref> [--rounds N]`: instead, the engine and CLI of that commit
 * against this tree's, side by side (see compare.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, Analyzer } from '../src/core';
import { sentenceRoles } from '../src/core/roles/clauses';
import { RoleModel } from '../src/core/roles/model';
import { ROLE_WEIGHTS } from '../src/core/roles/weights';
import { fuzzDraft, checkInvariants } from '../test/fuzz';
import { compare } from './compare';
import { HOSTILE_FAMILIES } from '../test/hostile';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
/** The smallest draft worth checking: the CLI's start-up, rules and model loading with hardly any analysis. */
const LINE_DRAFT = 'Unfortunately I cannot take this on.\n';
const fuzzRuns = args.includes('--fuzz') ? Number(args[args.indexOf('--fuzz') + 1] || 20000) : 0;
const corpusPath = args.find(a => a.endsWith('.jsonl')) ?? join(root, '..', 'shared', 'corpus', 'dev.jsonl');

interface Draft { lang: 'de' | 'en'; text: string }

function drafts(): Draft[] {
  if (existsSync(corpusPath)) {
    return readFileSync(corpusPath, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l) as Draft);
  }
  console.log(`(no corpus at ${corpusPath}: using the example drafts)`);
  return ['examples/decline-logo.reply.md', 'examples/absage-relaunch.reply.md']
    .map(p => ({ lang: p.includes('absage') ? 'de' as const : 'en' as const, text: readFileSync(join(root, p), 'utf8') }));
}

/** Markdown of about `bytes` characters: the drafts in turn, each under a heading. */
function document(source: Draft[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `## Reply ${i + 1}\n\n${source[i % source.length].text}\n\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, bytes);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of `fn` after a warm-up; more runs for fast functions. */
function time(fn: () => unknown, budgetMs = 3000): number {
  fn();
  const first = performance.now();
  fn();
  const once = performance.now() - first;
  const runs = Math.max(3, Math.min(200, Math.floor(budgetMs / Math.max(once, 0.01))));
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const mbps = (bytes: number, t: number) => (bytes / 1e6 / (t / 1000)).toFixed(2);

/** The inputs that once took seconds to minutes (issue #11): time at 128 KB and 2 MB, and the growth. */
function hostile(): void {
  console.log(`Decline Coach hostile inputs — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
  console.log('| input | 128 KB ms | 2 MB ms | 2 MB ÷ 128 KB (linear ≈ 16) |');
  console.log('|---|---|---|---|');
  for (const family of HOSTILE_FAMILIES) {
    const small = family.make(128_000);
    const large = family.make(2_000_000);
    const a = time(() => family.run(small), 2000);
    const b = time(() => family.run(large), 6000);
    console.log(`| ${family.name} | ${ms(a)} | ${ms(b)} | ${(b / a).toFixed(1)} |`);
  }
}

/** A long draft and the same with one character typed in its middle (joined, as an editor's getText() is flat). */
function typedVariants(all: Draft[], bytes: number): [string, string] {
  const base = document(all, bytes);
  const middle = base.indexOf('\n\n', bytes / 2) - 3;
  return [base, [base.slice(0, middle), 'x', base.slice(middle)].join('')];
}

async function main(): Promise<void> {
  if (args.includes('--hostile')) { hostile(); return; }
  const all = drafts();
  if (args.includes('--compare')) {
    const ref = args[args.indexOf('--compare') + 1];
    const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 15;
    const dir = mkdtempSync(join(tmpdir(), 'decline-coach-bench-'));
    try {
      const megabyteFile = join(dir, 'draft.md');
      writeFileSync(megabyteFile, document(all, 1_000_000));
      const lineFile = join(dir, 'line.md');
      writeFileSync(lineFile, LINE_DRAFT);
      const twoKb = all.map(d => d.text).join('\n\n').slice(0, 2000);
      const megabyte = document(all.filter(d => d.lang === 'en'), 1_000_000);
      await compare(root, ref, { twoKb, typed: bytes => typedVariants(all, bytes), megabyte, megabyteFile, lineFile }, rounds);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const english = all.filter(d => d.lang === 'en');
  const writeGood = require('write-good') as (text: string) => unknown[];
  const { markdown: alex } = await import('alex') as { markdown: (text: string) => { messages: unknown[] } };

  const tools: Array<{ name: string; run: (text: string) => unknown; english: boolean }> = [
    { name: 'decline-coach', run: t => analyze(t), english: false },
    { name: 'write-good', run: t => writeGood(t), english: true },
    { name: 'alex (markdown)', run: t => alex(t), english: true },
  ];
  const inputs = [
    { name: 'EN 100 KB', text: document(english, 100_000) },
    { name: 'EN 1 MB', text: document(english, 1_000_000) },
    { name: 'DE+EN 100 KB', text: document(all, 100_000) },
    { name: 'DE+EN 1 MB', text: document(all, 1_000_000) },
  ];

  console.log(`Decline Coach benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  console.log(`corpus: ${all.length} drafts (${english.length} English)\n`);

  // One draft at a time, as the editor sees them.
  const perDraft = tools.map(tool => {
    const set = tool.english ? english : all;
    const each = set.map(d => time(() => tool.run(d.text), 100));
    return { tool: tool.name, median: median(each), chars: median(set.map(d => d.text.length)) };
  });
  console.log('| tool | single drafts | median draft | median ms |');
  console.log('|---|---|---|---|');
  for (const p of perDraft) console.log(`| ${p.tool} | ${p.tool === 'decline-coach' ? 'de+en' : 'en'} | ${p.chars} chars | ${ms(p.median)} |`);

  const results = new Map<string, number>();
  console.log('\n| tool | input | ms (median) | MB/s | ours ÷ peer (throughput) |');
  console.log('|---|---|---|---|---|');
  for (const input of inputs) {
    for (const tool of tools) {
      if (tool.english && !input.name.startsWith('EN')) continue;
      const t = time(() => tool.run(input.text), input.text.length > 500_000 ? 20000 : 6000);
      results.set(`${tool.name}|${input.name}`, t);
      const ours = results.get(`decline-coach|${input.name}`) as number;
      const ratio = tool.name === 'decline-coach' ? '—' : `${(t / ours).toFixed(1)}×`;
      console.log(`| ${tool.name} | ${input.name} | ${ms(t)} | ${mbps(input.text.length, t)} | ${ratio} |`);
    }
  }
  console.log('\n| tool | growth 1 MB ÷ 100 KB (linear ≈ 10) |');
  console.log('|---|---|');
  for (const tool of tools) {
    const a = results.get(`${tool.name}|EN 100 KB`) as number;
    const b = results.get(`${tool.name}|EN 1 MB`) as number;
    console.log(`| ${tool.name} | ${(b / a).toFixed(1)} |`);
  }

  // The editor's case: a long draft, one character typed in the middle (and deleted again, in
  // turn), judged again by the document's Analyzer. Offsets after the edit shift, as when typing.
  const keystroke = (bytes: number) => {
    const variants = typedVariants(all, bytes);
    const analyzer = new Analyzer();
    let flip = 0;
    analyzer.analyze(variants[0]);
    return { typed: time(() => analyzer.analyze(variants[++flip % 2]), 4000), full: time(() => analyze(variants[++flip % 2]), 4000) };
  };
  const at200 = keystroke(200_000);
  const at500 = keystroke(500_000);
  const twoKb = all.map(d => d.text).join('\n\n').slice(0, 2000);
  const small = time(() => analyze(twoKb), 2000);
  console.log('\n| case | ms (median) |');
  console.log('|---|---|');
  console.log(`| 2 KB draft | ${ms(small)} |`);
  console.log(`| 200 KB, one character typed, document's Analyzer | ${ms(at200.typed)} |`);
  console.log(`| 500 KB, one character typed, document's Analyzer | ${ms(at500.typed)} |`);
  console.log(`| 200 KB, judged from scratch | ${ms(at200.full)} |`);
  console.log(`| 500 KB, judged from scratch | ${ms(at500.full)} |`);

  // The sentence-role model: decoding its weights, one sentence's roles, and its share of a 1 MB check.
  const load = time(() => [new RoleModel(ROLE_WEIGHTS.languages.en), new RoleModel(ROLE_WEIGHTS.languages.de)], 2000);
  const sentences = all.flatMap(d => d.text.split(/(?<=[.!?])\s+/).map(text => ({ text, lang: d.lang }))).filter(x => x.text.length > 20);
  const perSentence = time(() => { for (const x of sentences) sentenceRoles(x.text, x.lang); }, 2000) / sentences.length;
  const megabyte = document(english, 1_000_000);
  const whole = time(() => analyze(megabyte), 4000);
  const megabyteSentences = analyze(megabyte).sentences.map(x => ({ text: megabyte.slice(x.start, x.end), lang: 'en' as const }));
  const roles = time(() => { for (const x of megabyteSentences) sentenceRoles(x.text, x.lang); }, 4000);
  console.log(`| role model: decode both languages' weights | ${ms(load)} |`);
  console.log(`| role model: one sentence, all its clauses (${sentences.length} corpus sentences) | ${(perSentence * 1000).toFixed(1)} µs |`);
  console.log(`| EN 1 MB, whole check | ${ms(whole)} |`);
  console.log(`| EN 1 MB, the role model alone on its ${megabyteSentences.length} sentences | ${ms(roles)} (${((roles / whole) * 100).toFixed(0)} % of the check) |`);

  // The CLI as a user runs it, against Node merely reading the same file: whole processes, wall clock.
  const dir = mkdtempSync(join(tmpdir(), 'decline-coach-bench-'));
  try {
    const file = join(dir, 'draft.md');
    writeFileSync(file, document(all, 1_000_000));
    const lineFile = join(dir, 'line.md');
    writeFileSync(lineFile, LINE_DRAFT);
    const run = (args: string[]) => time(() => spawnSync(process.execPath, args, { stdio: 'ignore' }), 6000);
    const cli = run([join(root, 'dist', 'cli.js'), 'check', '--no-exit', file]);
    const read = run(['-e', `require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8')`]);
    const line = run([join(root, 'dist', 'cli.js'), 'check', '--no-exit', lineFile]);
    console.log(`| CLI on 1 MB (whole process) | ${ms(cli)} |`);
    console.log(`| Node reading the same file (whole process) | ${ms(read)} |`);
    console.log(`| CLI ÷ Node reading | ${(cli / read).toFixed(1)}× |`);
    console.log(`| CLI on a one-line draft (whole process) | ${ms(line)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const bundle = join(root, 'dist', 'extension.js');
  console.log(`\ndist/extension.js: ${(statSync(bundle).size / 1024).toFixed(0)} KB (production build)`);
  console.log(`extension activation: ${ms(activationMs(bundle))} ms (module load + activate, VS Code API stubbed)`);

  if (fuzzRuns > 0) {
    const t = performance.now();
    let failures = 0;
    for (let i = 0; i < fuzzRuns; i++) {
      const problem = checkInvariants(fuzzDraft(i));
      if (problem) { failures++; if (failures <= 5) console.log(`fuzz #${i}: ${problem}`); }
    }
    console.log(`\nfuzz: ${fuzzRuns} generated drafts in ${((performance.now() - t) / 1000).toFixed(1)} s, ${failures} broke an invariant`);
  }
}

/** Every value the `vscode` module exports (namespaces, classes, enums, constants), from its type declarations. */
function vscodeApiNames(): string[] {
  const declarations = readFileSync(join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  return [...declarations.matchAll(/^\texport (?:namespace|class|enum|const|let|function) (\w+)/gm)].map(m => m[1]);
}

/** Loads the built extension with a stand-in `vscode` module and times load + activate. */
function activationMs(bundle: string): number {
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = Module._load;
  // Anything the extension touches answers with another stand-in; disposables dispose.
  const anything: object = new Proxy(function stub() { /* callable */ }, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? [][Symbol.iterator] : anything),
    set: () => true,
    apply: () => anything,
    construct: () => anything,
  });
  const api: Record<string, unknown> = {};
  // The bundle copies the module's own names, so each must be there.
  for (const name of vscodeApiNames()) api[name] = anything;
  api.workspace = new Proxy({}, { get: (_w, k) => (k === 'textDocuments' || k === 'workspaceFolders' ? [] : k === 'isTrusted' ? true : anything) });
  api.window = new Proxy({}, { get: (_w, k) => (k === 'activeTextEditor' ? undefined : k === 'visibleTextEditors' ? [] : anything) });
  Module._load = function load(request: string, ...rest: unknown[]) {
    return request === 'vscode' ? api : original.call(this, request, ...rest);
  };
  try {
    const t = performance.now();
    const ext = require(bundle) as { activate: (ctx: unknown) => unknown };
    ext.activate({ subscriptions: [], extensionUri: anything });
    return performance.now() - t;
  } finally {
    Module._load = original;
  }
}

main().catch(e => { console.error(e); process.exit(1); });
