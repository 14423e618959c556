/**
 * The settings a document is checked with in the language server: the extension's defaults, with
 * the team's config file (`.declinecoach.jsonc`, or "decline-coach" in a package.json) found from
 * the document's folder upward to its workspace folder or repository root. Read with Node's fs,
 * remembered per folder until a config file changes.
 */
import { fileURLToPath } from 'node:url';
import { nodeFiles } from '../cli/config';
import type { Lang } from '../core';
import {
  type CoachSettings, type ConfigProblem, DEFAULT_SETTINGS, findConfigSync, loadConfig, matchesAnyGlob, mergeConfig, parentDir,
} from '../core/config';
import type { ShowSettings } from '../core/presentation';

export interface ServerConfig extends CoachSettings, ShowSettings {
  maxDocumentSize: number;
}

export const DEFAULT_CONFIG: ServerConfig = { ...DEFAULT_SETTINGS, maxDocumentSize: 2_000_000, documentFindings: 'diagnostics' };

/** A config file as read, with what was wrong in it. */
export interface ConfigFile {
  path: string;
  text: string;
  problems: ConfigProblem[];
}

/** A file URI's path with "/" separators (`C:/…` on Windows); undefined for other schemes. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

const below = (path: string, dir: string): string | undefined => {
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  return path.startsWith(base) ? path.slice(base.length) : undefined;
};

export class ServerSettings {
  /** Per folder: the settings for documents in it, and the config file they came from. */
  private readonly byDir = new Map<string, { config: ServerConfig; file?: ConfigFile }>();
  /** Config files read since the last change, by path. */
  private readonly files = new Map<string, { file: ConfigFile; config: ServerConfig }>();

  /** `roots`: the workspace folders; `told`: called with each config file read, to show its problems. */
  constructor(private readonly roots: () => string[], private readonly lang: () => Lang, private readonly told: (file: ConfigFile) => void) {}

  /** The workspace folder holding `path`, the innermost one. */
  private rootOf(path: string): string | undefined {
    return this.roots().filter(r => below(path, r) !== undefined).sort((a, b) => b.length - a.length)[0];
  }

  private forDir(dir: string): { config: ServerConfig; file?: ConfigFile } {
    const known = this.byDir.get(dir);
    if (known) return known;
    const source = findConfigSync(dir, this.rootOf(`${dir}/`), nodeFiles);
    let entry: { config: ServerConfig; file?: ConfigFile } = { config: DEFAULT_CONFIG };
    if (source) {
      let read = this.files.get(source.path);
      if (!read) {
        const loaded = loadConfig(source, this.lang());
        // LSP knows no workspace trust: the editor started this server on the writer's own files, as the CLI runs on them.
        read = { file: { path: source.path, text: source.text, problems: loaded.problems }, config: mergeConfig(DEFAULT_CONFIG, loaded.config, true).settings };
        this.files.set(source.path, read);
        this.told(read.file);
      }
      entry = read;
    }
    this.byDir.set(dir, entry);
    return entry;
  }

  /** The settings for a document; the defaults for one that is not a file. */
  configFor(uri: string): ServerConfig {
    const path = filePath(uri);
    const dir = path && parentDir(path);
    return dir ? this.forDir(dir).config : DEFAULT_CONFIG;
  }

  /**
   * Whether a document's path matches any of `globs`: as VS Code matches a setting's glob (the
   * whole path), or relative to the folder of the config file or the workspace folder.
   */
  matches(uri: string, globs: readonly string[]): boolean {
    if (globs.length === 0) return false;
    const path = filePath(uri) ?? uri;
    const dir = parentDir(path);
    const configDir = dir ? this.forDir(dir).file?.path : undefined;
    const bases = [configDir && parentDir(configDir), this.rootOf(path)];
    const candidates = [path, ...bases.map(b => (b ? below(path, b) : undefined))].filter((p): p is string => p !== undefined);
    return candidates.some(p => matchesAnyGlob(p, globs));
  }

  /** A config file changed: everything is read again when next asked. */
  clear(): void {
    this.byDir.clear();
    this.files.clear();
  }
}
