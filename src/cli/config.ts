/** The CLI's side of the config file: found next to each draft with Node's fs, or given with --config. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Lang } from '../core';
import {
  type CoachSettings, type ConfigProblem, type ConfigSource, DEFAULT_SETTINGS, findConfigSync, loadConfig, matchesAnyGlob, mergeConfig,
} from '../core/config';

/** What the CLI does with no config file: every draft it is given, messages in each draft's language. */
const CLI_DEFAULTS: CoachSettings = { ...DEFAULT_SETTINGS, include: [], messageLanguage: 'draft' };

const posix = (path: string) => path.replace(/\\/g, '/');

/** Config files as Node reads them; the language server reads them the same way. */
export const nodeFiles = {
  read(path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: (path: string) => existsSync(path),
};

/** A config file's path as reports name it: relative to the working folder when inside it (as GitHub annotations need), else absolute. */
function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

export interface DraftSettings {
  settings: CoachSettings;
  /** The folder include/exclude globs are relative to: the config file's, else the working folder. */
  base: string;
}

/**
 * Finds and reads each folder's config file once. `explicit`: the file given with --config, used
 * for every draft. `onProblems`: told once per config file what is wrong in it.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, DraftSettings>();
  private readonly loaded = new Map<string, DraftSettings>();

  constructor(private readonly lang: Lang, private readonly onProblems: (path: string, problems: ConfigProblem[]) => void,
    private readonly explicit?: ConfigSource, private readonly forcedLanguage?: 'auto' | Lang) {}

  /** The config file given with --config; undefined when it cannot be read. */
  static explicitSource(path: string): ConfigSource | undefined {
    const text = nodeFiles.read(path);
    if (text === undefined) return undefined;
    return { path, text, packageJson: /(^|[\\/])package\.json$/.test(path) };
  }

  /** The settings for a draft ('-': standard input, as if in the working folder). */
  settingsFor(draft: string): DraftSettings {
    const dir = posix(draft === '-' ? process.cwd() : dirname(resolve(draft)));
    let found = this.byDir.get(dir);
    if (!found) {
      const source = this.explicit ?? findConfigSync(dir, undefined, nodeFiles);
      found = source ? this.load(source) : { settings: this.withFlags(CLI_DEFAULTS), base: process.cwd() };
      this.byDir.set(dir, found);
    }
    return found;
  }

  /** Whether a draft found in a folder walk is one to check: not excluded, and included when the config file says what to include. */
  wanted(draft: string): boolean {
    const { settings, base } = this.settingsFor(draft);
    const path = posix(relative(base, resolve(draft)));
    if (matchesAnyGlob(path, settings.exclude)) return false;
    return settings.include.length === 0 || matchesAnyGlob(path, settings.include);
  }

  private load(source: ConfigSource): DraftSettings {
    let entry = this.loaded.get(source.path);
    if (!entry) {
      const { config, problems } = loadConfig(source, this.lang);
      if (problems.length > 0) this.onProblems(shownPath(source.path), problems);
      entry = { settings: this.withFlags(mergeConfig(CLI_DEFAULTS, config).settings), base: dirname(resolve(source.path)) };
      this.loaded.set(source.path, entry);
    }
    return entry;
  }

  private withFlags(settings: CoachSettings): CoachSettings {
    return this.forcedLanguage ? { ...settings, language: this.forcedLanguage } : settings;
  }
}

/** What `--init` writes: every setting, commented, with what it does. Valid as it is. */
export const STARTER_CONFIG = `// Decline Coach settings for everyone who writes replies here: the VS Code extension, the CLI
// and the GitHub Action all read this file. JSON with comments; delete what you do not need.
// https://github.com/decline-coach/decline-coach/blob/main/docs/config.md
{
  "$schema": "https://raw.githubusercontent.com/decline-coach/decline-coach/main/schemas/declinecoach.schema.json",

  // "auto" detects German or English per paragraph; "de" or "en" forces one.
  "language": "auto",

  // German form of address for inserted sentences where a draft shows neither: "sie" or "du".
  "register": "sie",

  // Messages in the editor's (or the terminal's) language, "ui", or in each draft's, "draft".
  // "messageLanguage": "draft",

  // Which files are reply drafts (globs relative to this folder), and which never are.
  "include": ["**/*.reply.md", "**/replies/**"],
  "exclude": ["**/archive/**"],

  // Per rule: "error", "warning", "info", "hint", "off", or "default".
  "severity": {
    "missing-clarifying-question": "info"
  },

  // Phrases (literal) that are never reported, e.g. a product name.
  "ignoredPhrases": [],

  // The team's vocabulary: a phrase (literal), what to say, and optionally a replacement.
  "customPhrases": [
    // { "phrase": "Problem", "message": "Sprechen Sie vom Anliegen.", "replacement": "Anliegen" }
  ],

  // What the team never promises a client.
  "neverPromise": ["same day", "guaranteed"]
}
`;
