/**
 * Where the config file is: in the draft's folder or the nearest folder above it, up to the
 * workspace folder or the repository root (a folder with `.git`), whichever comes first. In each
 * folder `.declinecoach.jsonc` wins over a package.json's "decline-coach" key; a package.json
 * without that key is passed by. Paths are "/"-separated; the callers read through their own
 * file system (vscode.workspace.fs, Node's fs, a language client's), so this works on any.
 */
import { CONFIG_FILE_NAME, PACKAGE_JSON_KEY } from './types';

/** Reads a file's text, or undefined when there is none. */
export interface ConfigFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
}

export interface AsyncConfigFiles {
  read(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
}

/** A config file found: its path and text; `packageJson` when the settings sit under its key. */
export interface ConfigSource {
  path: string;
  text: string;
  packageJson: boolean;
}

export const joinPath = (dir: string, name: string): string => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

/** The folder above, or undefined at a root ("/", "C:/"). */
export function parentDir(dir: string): string | undefined {
  const trimmed = dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
  const cut = trimmed.lastIndexOf('/');
  if (cut < 0 || trimmed === '/' || /^[A-Za-z]:$/.test(trimmed)) return undefined;
  const parent = trimmed.slice(0, cut);
  return parent === '' ? '/' : /^[A-Za-z]:$/.test(parent) ? `${parent}/` : parent;
}

/** The folders to look in, nearest first: from `dir` up to `stopDir` (inclusive), or to the root when `dir` is not inside it. */
export function searchDirs(dir: string, stopDir?: string): string[] {
  const stop = stopDir?.replace(/(.)\/$/, '$1');
  const out: string[] = [];
  for (let d: string | undefined = dir.replace(/(.)\/$/, '$1'); d !== undefined; d = parentDir(d)) {
    out.push(d);
    if (d === stop) break;
  }
  return out;
}

function hasKey(packageJson: string): boolean {
  // Cheap test first: most package.json files never mention us.
  if (!packageJson.includes(`"${PACKAGE_JSON_KEY}"`)) return false;
  try {
    const value = JSON.parse(packageJson) as unknown;
    return typeof value === 'object' && value !== null && PACKAGE_JSON_KEY in value;
  } catch {
    // A broken package.json that names the key: let the loader report what is wrong.
    return true;
  }
}

/** One question the search asks of the file system. */
type Ask = { read: string } | { exists: string };

/** The search itself, as a row of questions, so the same steps run on a synchronous or an asynchronous file system. */
function* search(dir: string, stopDir: string | undefined): Generator<Ask, ConfigSource | undefined, string | boolean | undefined> {
  for (const d of searchDirs(dir, stopDir)) {
    const path = joinPath(d, CONFIG_FILE_NAME);
    const text = yield { read: path };
    if (typeof text === 'string') return { path, text, packageJson: false };
    const pkgPath = joinPath(d, 'package.json');
    const pkg = yield { read: pkgPath };
    if (typeof pkg === 'string' && hasKey(pkg)) return { path: pkgPath, text: pkg, packageJson: true };
    if (yield { exists: joinPath(d, '.git') }) return undefined;
  }
  return undefined;
}

/** The config file for a draft in `dir`, read through `files`; undefined when there is none. */
export function findConfigSync(dir: string, stopDir: string | undefined, files: ConfigFiles): ConfigSource | undefined {
  const steps = search(dir, stopDir);
  let step = steps.next();
  while (!step.done) step = steps.next('read' in step.value ? files.read(step.value.read) : files.exists(step.value.exists));
  return step.value;
}

/** As `findConfigSync`, for file systems that answer asynchronously. */
export async function findConfig(dir: string, stopDir: string | undefined, files: AsyncConfigFiles): Promise<ConfigSource | undefined> {
  const steps = search(dir, stopDir);
  let step = steps.next();
  while (!step.done) step = steps.next('read' in step.value ? await files.read(step.value.read) : await files.exists(step.value.exists));
  return step.value;
}
