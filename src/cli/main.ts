/**
 * decline-coach check [--format text|json|sarif] [--lang auto|de|en] [--fix] [--no-exit] [--max-size MB] <files…|->
 *
 * Exit codes: 0 no finding at warning or above, 1 there is one, 2 a usage or I/O error (the
 * other files are still checked).
 */
import { chmodSync, closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { type Analysis, Analyzer, fixAllText, type Lang, LineIndex } from '../core';
import { formatJson, formatSarif, formatText, type FileReport } from './format';
import { cliText, type CliMessageKey, uiLang } from './messages';

type Format = 'text' | 'json' | 'sarif';

interface Options {
  format: Format;
  /** Report findings but exit 0 for them (usage and I/O errors still exit 2). */
  noExit: boolean;
  lang: 'auto' | Lang;
  fix: boolean;
  maxSizeMb: number;
  paths: string[];
}

const say = (key: CliMessageKey, ...args: Array<string | number>) => cliText(uiLang, key, ...args);

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const args = [...argv];
  if (args[0] === 'check') args.shift();
  const opts: Options = { format: 'text', noExit: false, lang: 'auto', fix: false, maxSizeMb: 2, paths: [] };
  const value = (name: string, allowed?: string[]) => {
    const v = args.shift();
    if (v === undefined || (allowed && !allowed.includes(v))) throw new UsageError(say('cli.badValue', name, (allowed ?? ['a number']).join(', ')));
    return v;
  };
  while (args.length) {
    const arg = args.shift() as string;
    if (arg === '--format' || arg === '-f') opts.format = value('--format', ['text', 'json', 'sarif']) as Format;
    else if (arg.startsWith('--format=')) { args.unshift(arg.slice(9)); opts.format = value('--format', ['text', 'json', 'sarif']) as Format; }
    else if (arg === '--lang') opts.lang = value('--lang', ['auto', 'de', 'en']) as Options['lang'];
    else if (arg.startsWith('--lang=')) { args.unshift(arg.slice(7)); opts.lang = value('--lang', ['auto', 'de', 'en']) as Options['lang']; }
    else if (arg === '--fix') opts.fix = true;
    else if (arg === '--no-exit') opts.noExit = true;
    else if (arg === '--max-size') {
      const n = Number(value('--max-size'));
      if (!(n > 0)) throw new UsageError(say('cli.badValue', '--max-size', 'a number > 0'));
      opts.maxSizeMb = n;
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg === '-' || !arg.startsWith('-')) opts.paths.push(arg);
    else throw new UsageError(say('cli.unknownOption', arg));
  }
  if (opts.paths.length === 0) throw new UsageError(say('cli.noFiles'));
  return opts;
}

const DRAFT_EXT = new Set(['.md', '.markdown', '.txt']);

function draftsIn(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...draftsIn(path));
    else if (DRAFT_EXT.has(extname(entry.name).toLowerCase())) out.push(path);
  }
  return out;
}

/** Reads a draft as UTF-8 text; returns an error line instead of throwing. */
function readDraft(path: string, maxBytes: number): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: say('cli.notFound', path) };
    return { error: say('cli.unreadable', path, code ?? String(e)) };
  }
  if (bytes.length > maxBytes) return { error: say('cli.tooLarge', path, maxBytes / 1024 / 1024) };
  if (bytes.subarray(0, 8192).includes(0)) return { error: say('cli.binary', path) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: say('cli.invalidUtf8', path) };
  }
}

/** Writes next to the file and renames over it, so a failure leaves the original untouched. */
function writeAtomically(path: string, text: string): void {
  const mode = statSync(path).mode;
  // Root ignores permission bits; a read-only file stays read-only for us too.
  if ((mode & 0o222) === 0) throw Object.assign(new Error('read-only file'), { code: 'EACCES' });
  const tmp = join(dirname(path), `.${basename(path)}.decline-coach-${process.pid}.tmp`);
  const fd = openSync(tmp, 'wx', mode & 0o777);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(tmp, mode & 0o7777);
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
}

function checkOne(path: string, opts: Options, errors: string[]): FileReport | undefined {
  const read = readDraft(path, opts.maxSizeMb * 1024 * 1024);
  if ('error' in read) { errors.push(read.error); return undefined; }
  const format = extname(path).toLowerCase() === '.txt' ? 'plaintext' : 'markdown';
  let text = read.text;
  // An engine bug (an invalid finding) is reported as an error, never shown as a finding.
  const engine = new Analyzer(error => errors.push(`${path}: ${error.message}`));
  const analyze = (t: string) => engine.analyze(t, { language: opts.lang, format });
  let result: Analysis = analyze(text);
  if (opts.fix && path !== '-') {
    const { text: fixed, count } = fixAllText(text, analyze);
    if (count > 0) {
      try {
        writeAtomically(path, fixed);
        text = fixed;
        result = analyze(text);
        if (opts.format === 'text') console.error(say('cli.fixed', path, count));
      } catch (e) {
        errors.push(say('cli.fixFailed', path, (e as NodeJS.ErrnoException).code ?? String(e)));
      }
    }
  }
  return { path, text, lines: new LineIndex(text), result };
}

export function main(argv: string[]): number {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`decline-coach: ${e.message}`);
      console.error(say('cli.usage'));
      return 2;
    }
    throw e;
  }
  const errors: string[] = [];
  const reports: FileReport[] = [];
  for (const path of opts.paths) {
    let files = [path];
    if (path !== '-') {
      try {
        if (statSync(path).isDirectory()) {
          files = draftsIn(path);
          if (files.length === 0) { errors.push(say('cli.isDirectory', path)); continue; }
        }
      } catch { /* readDraft reports it */ }
    }
    for (const file of files) {
      const report = checkOne(file, opts, errors);
      if (report) reports.push(report);
    }
  }
  const out = opts.format === 'json' ? formatJson(reports) : opts.format === 'sarif' ? formatSarif(reports) : formatText(reports, uiLang);
  process.stdout.write(out);
  for (const error of errors) console.error(`decline-coach: ${error}`);
  if (errors.length > 0) return 2;
  if (opts.noExit) return 0;
  return reports.some(r => r.result.findings.some(f => f.severity === 'error' || f.severity === 'warning')) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
