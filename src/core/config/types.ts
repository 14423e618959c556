import type { CustomPhrase, Lang, RuleId, Severity } from '../types';

/** The name of the team's config file, looked for from a draft's folder upward. */
export const CONFIG_FILE_NAME = '.declinecoach.jsonc';
/** The key that holds the same settings in a package.json. */
export const PACKAGE_JSON_KEY = 'decline-coach';

/** A rule's severity as a setting: a level, `off`, or `default` (the rule's own level). */
export type SeveritySetting = Severity | 'off' | 'default';

/** What a config file may set; a key that is absent (or invalid) leaves the setting as it was. */
export interface FileConfig {
  language?: 'auto' | Lang;
  /** German form of address to use where the draft does not show one. */
  register?: 'sie' | 'du';
  include?: string[];
  exclude?: string[];
  severity?: Partial<Record<RuleId, SeveritySetting>>;
  ignoredPhrases?: string[];
  customPhrases?: CustomPhrase[];
  /** Phrases the team never promises a client, matched literally. */
  neverPromise?: string[];
  messageLanguage?: 'ui' | 'draft';
}

/** A problem in a config file, with its place: 0-based offsets, 0-based lines and UTF-16 characters. */
export interface ConfigProblem {
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** A config file as read: what applies, and what was wrong (the rest still applies). */
export interface LoadedConfig {
  /** Where it was read from, as the reader named it. */
  path: string;
  config: FileConfig;
  problems: ConfigProblem[];
}

/** Every setting a surface needs, after defaults, editor settings and the config file are merged. */
export interface CoachSettings {
  language: 'auto' | Lang;
  register?: 'sie' | 'du';
  include: string[];
  exclude: string[];
  severity: Partial<Record<RuleId, SeveritySetting>>;
  ignoredPhrases: string[];
  customPhrases: CustomPhrase[];
  neverPromise: string[];
  messageLanguage: 'ui' | 'draft';
}
