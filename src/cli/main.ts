/**
 * decline-coach check [--format text|json|sarif|github] [--config FILE] [--lang auto|de|en] [--fix] [--no-exit] [--max-size MB] <files…|->
 * decline-coach --init [folder] · decline-coach --help
 *
 * Exit codes: 0 no finding at warning or above, 1 there is one, 2 a usage or I/O error, or an
 * error in a config file (the other files are still checked).
 */
import { statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { type Analysis, Analyzer, fixAllText, LineIndex, withFindings } from '../core';
import { analyzeOptionsOf, type CoachSettings, CONFIG_FILE_NAME, type ConfigProblem, withSeverities } from '../core/config';
import { type Options, parseArgs, UsageError } from './args';
import { draftsIn, readDraft, saveFixes } from './files';
import { ConfigResolver, STARTER_CONFIG } from './config';
import {
  type FileReport, formatGithubFile, formatTextFile, formatTextSummary, githubCommand, jsonStream, sarifStream, type StreamedJson, tally, type Totals,
} from './format';
import { say, uiLang } from './messages';

/** Checks one draft (and fixes it with --fix); problems become one line in `errors`. */
function checkOne(path: string, opts: Options, settings: CoachSettings, errors: string[]): FileReport | undefined {
  const draft = readDraft(path, opts.maxSizeMb * 1024 * 1024, opts.fix && path !== '-');
  if ('error' in draft) { errors.push(draft.error); return undefined; }
  const format = extname(path).toLowerCase() === '.txt' ? 'plaintext' as const : 'markdown' as const;
  let text = draft.text;
  // An engine bug (an invalid finding) is reported as an error, never shown as a finding.
  // One file's analyzer ends with the file: its caches need not copy the text.
  const engine = new Analyzer(error => errors.push(`${path}: ${error.message}`), { shortLived: true });
  const options = { ...analyzeOptionsOf(settings, uiLang), format };
  // Rules turned off are neither reported nor fixed.
  const judge = (t: string): Analysis => {
    const analysis = engine.analyze(t, options);
    return withFindings(analysis, withSeverities(analysis.findings, settings.severity));
  };
  let result: Analysis = judge(text);
  if (opts.fix) {
    const { text: fixed, count } = fixAllText(text, judge);
    if (path === '-') {
      // Standard input is fixed onto standard output, whether or not anything changed.
      process.stdout.write(draft.bom ? `\uFEFF${fixed}` : fixed);
      text = fixed;
      result = judge(text);
    } else if (count > 0 && draft.snapshot) {
      const failure = saveFixes(path, draft.snapshot, draft.bom, fixed);
      if (failure) errors.push(failure);
      else {
        text = fixed;
        result = judge(text);
        if (opts.format === 'text') console.error(say('cli.fixed', path, count));
      }
    }
  }
  return { path, text, lines: new LineIndex(text), result };
}

/** Where reports go: standard output, unless it carries the fixed text of standard input. */
interface Output {
  write: (chunk: string) => void;
}

function reporter(opts: Options, out: Output): { file: (r: FileReport) => void; end: () => void; totals: Totals } {
  const totals: Totals = { files: 0, serious: 0, suggestions: 0 };
  if (opts.format === 'text' || opts.format === 'github') {
    const format = opts.format === 'text' ? formatTextFile : formatGithubFile;
    return { totals, file: r => { tally(totals, r); out.write(format(r, uiLang)); }, end: () => out.write(formatTextSummary(totals, uiLang)) };
  }
  const stream: StreamedJson = opts.format === 'json' ? jsonStream() : sarifStream();
  out.write(stream.open);
  return { totals, file: r => { tally(totals, r); out.write(stream.item(r)); }, end: () => out.write(stream.close) };
}

/** Writes a commented starter config into `dir`, never over an existing one. */
function init(dir: string): number {
  const path = join(dir, CONFIG_FILE_NAME);
  try {
    writeFileSync(path, STARTER_CONFIG, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(`decline-coach: ${code === 'EEXIST' ? say('cli.initExists', path) : say('cli.initFailed', path, code ?? String(e))}`);
    return 2;
  }
  console.log(say('cli.initWritten', path));
  return 0;
}

export function main(argv: string[]): number {
  let opts: Options;
  try {
    const command = parseArgs(argv);
    if (command.kind === 'help') { console.log(say('cli.help')); return 0; }
    if (command.kind === 'init') return init(command.dir);
    opts = command.options;
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`decline-coach: ${e.message}`);
      console.error(say('cli.usage'));
      return 2;
    }
    throw e;
  }
  const explicit = opts.config === undefined ? undefined : ConfigResolver.explicitSource(opts.config);
  if (opts.config !== undefined && !explicit) {
    console.error(`decline-coach: ${say('cli.configUnreadable', opts.config)}`);
    return 2;
  }
  const fixingStdin = opts.fix && opts.paths.includes('-');
  const out: Output = fixingStdin ? process.stderr : process.stdout;
  const report = reporter(opts, out);
  let failed = false;
  const fail = (line: string) => { failed = true; console.error(`decline-coach: ${line}`); };
  // A mistake in a config file is shown where it is, and fails the run; the rest of the file still applies.
  const configProblems = (path: string, problems: ConfigProblem[]) => {
    for (const p of problems) {
      if (p.severity === 'error') failed = true;
      if (opts.format === 'github') out.write(githubCommand(p.severity, { file: path.replace(/\\/g, '/'), line: p.line + 1, col: p.character + 1, title: 'Decline Coach config' }, p.message));
      else console.error(`decline-coach: ${say('cli.configProblem', path, p.line + 1, p.character + 1, p.severity, p.message)}`);
    }
  };
  const configs = new ConfigResolver(uiLang, configProblems, explicit, opts.lang);
  for (const path of opts.paths) {
    let files = [path];
    if (path !== '-') {
      try {
        if (statSync(path).isDirectory()) {
          files = draftsIn(path).filter(f => configs.wanted(f));
          if (files.length === 0) { fail(say('cli.isDirectory', path)); continue; }
        }
      } catch { /* readDraft reports it */ }
    }
    for (const file of files) {
      // Each file on its own: an unexpected error names it, and the others are still checked.
      const errors: string[] = [];
      try {
        const r = checkOne(file, opts, configs.settingsFor(file).settings, errors);
        if (r) report.file(r);
      } catch (e) {
        errors.push(say('cli.failed', file, e instanceof Error ? e.message.split('\n')[0] : String(e)));
      }
      errors.forEach(fail);
    }
  }
  report.end();
  if (failed) return 2;
  if (opts.noExit) return 0;
  return report.totals.serious > 0 ? 1 : 0;
}

// A reader that stops early (`| head`) closes the pipe: that is no error of ours, so stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
