/**
 * `npm run bench -- --compare <git ref>`: the engine and CLI of `<ref>` against this tree's, side
 * by side in one run. Both engines are bundled into this process and both CLIs built; each round
 * times every case once for each, alternating which goes first, so both see the same machine load.
 * Prints medians over the rounds (wall clock, and CPU time for the in-process cases) and the load
 * average before and after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

interface Engine {
  analyze: (text: string) => { sentences: unknown[] };
  Analyzer: new () => { analyze: (text: string) => unknown };
}

interface Side {
  name: string;
  engine: Engine;
  cli: string;
  roles: (sentences: Array<{ text: string; lang: 'de' | 'en' }>) => void;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (n: number) => (n < 1 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

/** Bundles the engine, a role-model entry and the CLI of the source tree at `dir` into `out`. */
async function build(dir: string, out: string): Promise<void> {
  const esbuild = await import('esbuild');
  const common = { bundle: true, platform: 'node' as const, format: 'cjs' as const, mainFields: ['module', 'main'], logLevel: 'warning' as const, minify: true };
  const rolesEntry = join(out, 'roles-entry.ts');
  writeFileSync(rolesEntry, `import { sentenceRoles } from ${JSON.stringify(join(dir, 'src/core/roles/clauses'))};
export const roles = (list: Array<{ text: string; lang: 'de' | 'en' }>) => { for (const x of list) sentenceRoles(x.text, x.lang); };\n`);
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [join(dir, 'src/core/index.ts')], outfile: join(out, 'engine.js') }),
    esbuild.build({ ...common, entryPoints: [rolesEntry], outfile: join(out, 'roles.js') }),
    esbuild.build({ ...common, entryPoints: [join(dir, 'src/cli/main.ts')], outfile: join(out, 'cli.js') }),
  ]);
}

async function side(name: string, dir: string, out: string): Promise<Side> {
  mkdirSync(out, { recursive: true });
  await build(dir, out);
  const require = createRequire(join(out, 'x.js'));
  const roles = (require(join(out, 'roles.js')) as { roles: Side['roles'] }).roles;
  return { name, engine: require(join(out, 'engine.js')) as Engine, cli: join(out, 'cli.js'), roles };
}

export interface CompareInputs {
  twoKb: string;
  /** A long draft and the same with one character typed in its middle. */
  typed: (bytes: number) => [string, string];
  megabyte: string;
  /** The corpus drafts repeated to 1 MB, as a file for the CLI. */
  megabyteFile: string;
  /** A one-line draft: what the CLI costs before any real work. */
  lineFile: string;
}

export async function compare(root: string, ref: string, inputs: CompareInputs, rounds: number): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'decline-coach-compare-'));
  try {
    const base = join(scratch, 'base');
    mkdirSync(base);
    // The base tree's sources, and this tree's node_modules for its imports.
    execFileSync('sh', ['-c', `git -C "${root}" archive "${ref}" src package.json | tar -x -C "${base}"`]);
    execFileSync('ln', ['-s', join(root, 'node_modules'), join(base, 'node_modules')]);
    const sides = [await side(`before (${ref})`, base, join(scratch, 'built-base')), await side('after', root, join(scratch, 'built-here'))];
    const load = loadavg().map(n => n.toFixed(1)).join(' ');

    const sentences = (engine: Engine, text: string) =>
      (engine.analyze(text).sentences as Array<{ start: number; end: number }>).map(s => ({ text: text.slice(s.start, s.end), lang: 'en' as const }));
    const cases: Array<{ name: string; prepare: (s: Side) => () => unknown; repeat: number }> = [
      { name: '2 KB draft', repeat: 200, prepare: s => () => s.engine.analyze(inputs.twoKb) },
      ...[200_000, 500_000].map(bytes => ({
        name: `${bytes / 1000} KB, one character typed`, repeat: 30,
        prepare: (s: Side) => {
          const variants = inputs.typed(bytes);
          const analyzer = new s.engine.Analyzer();
          analyzer.analyze(variants[0]);
          let flip = 0;
          return () => analyzer.analyze(variants[++flip % 2]);
        },
      })),
      { name: 'EN 1 MB from scratch', repeat: 1, prepare: s => () => s.engine.analyze(inputs.megabyte) },
      { name: 'EN 1 MB, the role model alone', repeat: 1, prepare: s => { const list = sentences(s.engine, inputs.megabyte); return () => s.roles(list); } },
    ];
    const run = (args: string[]) => { const t = performance.now(); spawnSync(process.execPath, args, { stdio: 'ignore' }); return performance.now() - t; };
    const processes: Array<{ name: string; args: (s: Side) => string[] }> = [
      { name: 'CLI on 1 MB (whole process)', args: s => [s.cli, 'check', '--no-exit', inputs.megabyteFile] },
      { name: 'Node reading the same file', args: () => ['-e', `require('node:fs').readFileSync(${JSON.stringify(inputs.megabyteFile)}, 'utf8')`] },
      { name: 'CLI on a one-line draft (whole process)', args: s => [s.cli, 'check', '--no-exit', inputs.lineFile] },
    ];

    const samples = new Map<string, number[]>();
    const add = (key: string, value: number) => { const list = samples.get(key) ?? []; list.push(value); samples.set(key, list); };
    const prepared = sides.map(s => cases.map(c => { const fn = c.prepare(s); for (let i = 0; i < 5; i++) fn(); return fn; }));
    for (let round = 0; round < rounds; round++) {
      // Alternate which side goes first, so neither always runs in the other's wake.
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      cases.forEach((c, ci) => {
        for (const si of order) {
          const fn = prepared[si][ci];
          const times: number[] = [];
          const cpu = process.cpuUsage();
          for (let i = 0; i < c.repeat; i++) { const t = performance.now(); fn(); times.push(performance.now() - t); }
          const used = process.cpuUsage(cpu);
          add(`${si}|${c.name}`, median(times));
          // CPU time is less at the mercy of other jobs than wall time (though it counts the GC's helper threads too).
          add(`${si}|cpu|${c.name}`, (used.user + used.system) / 1000 / c.repeat);
        }
      });
      for (const p of processes) for (const si of order) add(`${si}|${p.name}`, run(p.args(sides[si])));
    }

    const value = (si: number, name: string) => median(samples.get(`${si}|${name}`) ?? [NaN]);
    console.log(`\nBefore and after, ${rounds} alternating rounds, medians; load average (1, 5, 15 min) ${load} at the start, ${loadavg().map(n => n.toFixed(1)).join(' ')} at the end\n`);
    console.log(`| case | ${sides[0].name} | ${sides[1].name} | speed-up | CPU time before | CPU time after | speed-up (CPU) |`);
    console.log('|---|---|---|---|---|---|---|');
    for (const name of [...cases.map(c => c.name), ...processes.map(p => p.name)]) {
      const [a, b] = [value(0, name), value(1, name)];
      const [ca, cb] = [value(0, `cpu|${name}`), value(1, `cpu|${name}`)];
      const cpu = Number.isNaN(ca) ? '| | |' : `| ${ms(ca)} ms | ${ms(cb)} ms | ${(ca / cb).toFixed(2)}× |`;
      console.log(`| ${name} | ${ms(a)} ms | ${ms(b)} ms | ${(a / b).toFixed(2)}× ${cpu}`);
    }
    const ratio = (si: number) => value(si, processes[0].name) / value(si, processes[1].name);
    console.log(`| CLI ÷ Node reading (target ≤ 4×) | ${ratio(0).toFixed(1)}× | ${ratio(1).toFixed(1)}× | |`);
    const targets: Array<[string, number]> = [['2 KB draft', 1], ['200 KB, one character typed', 1.5], ['500 KB, one character typed', 3]];
    for (const [name, target] of targets) {
      console.log(`| ${name} ÷ its target (${target} ms) | ${(value(0, name) / target).toFixed(2)} | ${(value(1, name) / target).toFixed(2)} | |`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
