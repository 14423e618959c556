/**
 * decline-coach check [--format text|json|sarif|github] [--config FILE] [--lang auto|de|en] [--fix] [--no-exit] [--max-size MB] <files…|->
 * decline-coach --init [folder] · decline-coach --help
 *
 * Exit codes: 0 no finding at warning or above, 1 there is one, 2 a usage or I/O error, or an
 * error in a config file (the other files are still checked).
 */
import {
  closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, readSync, realpathSync, renameSync,
  type Stats, statSync, unlinkSync, writeFileSync, writeSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { type Analysis, Analyzer, fixAllText, LineIndex, withFindings } from '../core';
import { analyzeOptionsOf, type CoachSettings, CONFIG_FILE_NAME, type ConfigProblem, withSeverities } from '../core/config';
import { type Options, parseArgs, UsageError } from './args';
import { ConfigResolver, STARTER_CONFIG } from './config';
import {
  type FileReport, formatGithubFile, formatTextFile, formatTextSummary, githubCommand, jsonStream, sarifStream, type StreamedJson, tally, type Totals,
} from './format';
import { type CliMessageKey, say, uiLang } from './messages';

const DRAFT_EXT = new Set(['.md', '.markdown', '.txt']);

function draftsIn(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) draftsIn(path, out);
    else if (DRAFT_EXT.has(extname(entry.name).toLowerCase())) out.push(path);
  }
  return out;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * What a draft was when it was read, to tell before writing whether it changed since. The bytes
 * themselves rather than a hash of them: loading a hash function costs every run ~5 ms.
 */
interface Snapshot {
  bytes: Buffer;
  mtimeMs: number;
}

interface Draft {
  text: string;
  /** The file started with a UTF-8 byte order mark; the text does not include it. */
  bom: boolean;
  /** Only for a file to fix: holding 1 MB of bytes through the check costs the check ~4 % more work. */
  snapshot?: Snapshot;
}

/** Reads at most `maxBytes + 1` bytes from an open file (more means: too large). */
function readUpTo(fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      // A non-blocking standard input with nothing yet: wait a little rather than spin.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads the bytes of a regular file or of standard input, refusing anything else (a FIFO would
 * block, /dev/zero never ends) and anything too large, before reading it.
 */
function readBytes(path: string, maxBytes: number): { bytes: Buffer; stat?: Stats } | { error: CliMessageKey } {
  if (path === '-') {
    const bytes = readUpTo(0, maxBytes);
    return bytes.length > maxBytes ? { error: 'cli.tooLarge' } : { bytes };
  }
  // Non-blocking, so that opening a FIFO returns at once; fstat then refuses it.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { error: 'cli.notRegular' };
    if (stat.size > maxBytes) return { error: 'cli.tooLarge' };
    const bytes = readUpTo(fd, maxBytes);
    return bytes.length > maxBytes ? { error: 'cli.tooLarge' } : { bytes, stat };
  } finally {
    closeSync(fd);
  }
}

/** Reads a draft as UTF-8 text; returns an error line instead of throwing. */
function readDraft(path: string, maxBytes: number, keepSnapshot: boolean): Draft | { error: string } {
  let read: ReturnType<typeof readBytes>;
  try {
    read = readBytes(path, maxBytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: say('cli.notFound', path) };
    return { error: say('cli.unreadable', path, code ?? String(e)) };
  }
  if ('error' in read) return { error: read.error === 'cli.tooLarge' ? say('cli.tooLarge', path, maxBytes / 1024 / 1024) : say(read.error, path) };
  const { bytes, stat } = read;
  if (bytes.subarray(0, 8192).includes(0)) return { error: say('cli.binary', path) };
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM);
  try {
    // The decoder drops the byte order mark; `bom` puts it back when the file is written.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, bom, snapshot: keepSnapshot ? { bytes, mtimeMs: stat?.mtimeMs ?? 0 } : undefined };
  } catch {
    return { error: say('cli.invalidUtf8', path) };
  }
}

class ChangedMeanwhile extends Error {}

/** Throws unless the open file still has the size, modification time and content it was read with. */
function assertUnchanged(fd: number, snapshot: Snapshot): void {
  const stat = fstatSync(fd);
  if (stat.size !== snapshot.bytes.length || stat.mtimeMs !== snapshot.mtimeMs) throw new ChangedMeanwhile();
  const bytes = Buffer.alloc(stat.size);
  let at = 0;
  while (at < bytes.length) {
    const n = readSync(fd, bytes, at, bytes.length - at, at);
    if (n === 0) break;
    at += n;
  }
  if (at !== bytes.length || !bytes.equals(snapshot.bytes)) throw new ChangedMeanwhile();
}

function writeAll(fd: number, bytes: Buffer): void {
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at, at);
  fsyncSync(fd);
}

/**
 * Writes the fixed text over the draft, only if the draft is still what was read. A symlink's
 * target is written (the link stays a link). A file with other hard links is rewritten in place,
 * so every link sees the fix; any other file gets a temporary copy renamed over it, so a failure
 * leaves the original untouched. Mode, owner (where permitted) and byte order mark are kept.
 */
function writeFixed(path: string, snapshot: Snapshot, bom: boolean, fixed: string): void {
  const target = realpathSync(path);
  const stat = statSync(target);
  // Root ignores permission bits; a read-only file stays read-only for us too.
  if ((stat.mode & 0o222) === 0) throw Object.assign(new Error('read-only file'), { code: 'EACCES' });
  const bytes = Buffer.concat([bom ? UTF8_BOM : Buffer.alloc(0), Buffer.from(fixed, 'utf8')]);
  if (stat.nlink > 1) {
    const fd = openSync(target, 'r+');
    try {
      assertUnchanged(fd, snapshot);
      ftruncateSync(fd, 0);
      writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const tmp = join(dirname(target), `.${basename(target)}.decline-coach-${process.pid}.tmp`);
  const fd = openSync(tmp, 'wx', stat.mode & 0o777);
  try {
    try {
      fchmodSync(fd, stat.mode & 0o7777);
      try { fchownSync(fd, stat.uid, stat.gid); } catch { /* only root may give a file away */ }
      writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
    // Just before the rename: an edit made meanwhile must not be lost.
    const check = openSync(target, 'r');
    try { assertUnchanged(check, snapshot); } finally { closeSync(check); }
    renameSync(tmp, target);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
}

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
      try {
        writeFixed(path, draft.snapshot, draft.bom, fixed);
        text = fixed;
        result = judge(text);
        if (opts.format === 'text') console.error(say('cli.fixed', path, count));
      } catch (e) {
        if (e instanceof ChangedMeanwhile) errors.push(say('cli.changed', path));
        else errors.push(say('cli.fixFailed', path, (e as NodeJS.ErrnoException).code ?? String(e)));
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
