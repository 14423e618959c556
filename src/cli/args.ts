/** The CLI's arguments: what to do, and with which options. Throws UsageError on bad usage. */
import type { Lang } from '../core';
import { say } from './messages';

export type Format = 'text' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

export interface Options {
  format: Format;
  /** Report findings but exit 0 for them (usage and I/O errors still exit 2). */
  noExit: boolean;
  /** From --lang; undefined leaves it to the config file (else auto). */
  lang?: 'auto' | Lang;
  fix: boolean;
  maxSizeMb: number;
  /** A config file to use for every draft instead of looking for one. */
  config?: string;
  paths: string[];
}

export type Command = { kind: 'check'; options: Options } | { kind: 'help' } | { kind: 'init'; dir: string };

export class UsageError extends Error {}

export function parseArgs(argv: string[]): Command {
  const args = [...argv];
  if (args[0] === 'check') args.shift();
  const opts: Options = { format: 'text', noExit: false, fix: false, maxSizeMb: 2, paths: [] };
  let init = false;
  const value = (name: string, allowed?: readonly string[]) => {
    const v = args.shift();
    if (v === undefined || (allowed && !allowed.includes(v))) throw new UsageError(say('cli.badValue', name, (allowed ?? ['a number']).join(', ')));
    return v;
  };
  while (args.length) {
    const arg = args.shift() as string;
    // `--name=value` reads as `--name value`.
    const eq = /^(--format|--lang|--config|--max-size)=(.*)$/s.exec(arg);
    if (eq) { args.unshift(eq[1], eq[2]); continue; }
    if (arg === '--format' || arg === '-f') opts.format = value('--format', FORMATS) as Format;
    else if (arg === '--lang') opts.lang = value('--lang', ['auto', 'de', 'en']) as Options['lang'];
    else if (arg === '--config' || arg === '-c') {
      const file = args.shift();
      if (!file) throw new UsageError(say('cli.configMissing'));
      opts.config = file;
    } else if (arg === '--fix') opts.fix = true;
    else if (arg === '--no-exit') opts.noExit = true;
    else if (arg === '--init') init = true;
    else if (arg === '--max-size') {
      const n = Number(value('--max-size'));
      if (!(n > 0)) throw new UsageError(say('cli.badValue', '--max-size', 'a number > 0'));
      opts.maxSizeMb = n;
    } else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else if (arg === '-' || !arg.startsWith('-')) opts.paths.push(arg);
    else throw new UsageError(say('cli.unknownOption', arg));
  }
  if (init) return { kind: 'init', dir: opts.paths[0] ?? '.' };
  if (opts.paths.length === 0) throw new UsageError(say('cli.noFiles'));
  return { kind: 'check', options: opts };
}
