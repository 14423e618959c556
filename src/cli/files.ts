/**
 * Drafts on disk: finding them in a folder, reading one safely (no FIFO, device or oversized file,
 * valid UTF-8 only) and writing fixes back only if the draft is, at the moment of writing, still
 * what was read.
 */
import {
  closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, readSync, realpathSync, renameSync,
  type Stats, statSync, unlinkSync, writeSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { type CliMessageKey, say } from './messages';

const DRAFT_EXT = new Set(['.md', '.markdown', '.txt']);

/** The drafts in a folder and its subfolders, by name; hidden entries and node_modules are skipped. */
export function draftsIn(dir: string, out: string[] = []): string[] {
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
export interface Snapshot {
  bytes: Buffer;
  mtimeMs: number;
}

export interface Draft {
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
export function readDraft(path: string, maxBytes: number, keepSnapshot: boolean): Draft | { error: string } {
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

/** Writes a draft's fixes (see `writeFixed`); returns the line to report when they could not be written. */
export function saveFixes(path: string, snapshot: Snapshot, bom: boolean, fixed: string): string | undefined {
  try {
    writeFixed(path, snapshot, bom, fixed);
    return undefined;
  } catch (e) {
    if (e instanceof ChangedMeanwhile) return say('cli.changed', path);
    return say('cli.fixFailed', path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}
