/**
 * The team's config file (`.declinecoach.jsonc`, or "decline-coach" in package.json): found,
 * read and merged the same way by the extension, the CLI and the language server. Pure: each
 * surface brings its own file access.
 */
export * from './types';
export { CONFIG_KEYS, parseConfig } from './parse';
export { CONFIG_MESSAGES } from './messages';
export { type AsyncConfigFiles, type ConfigFiles, type ConfigSource, findConfig, findConfigSync, joinPath, parentDir, searchDirs } from './search';
export { analyzeOptionsOf, DEFAULT_SETTINGS, mergeConfig, type MergedSettings, withSeverities } from './merge';
export { matchesAnyGlob, matchesGlob } from './glob';

import type { Lang } from '../types';
import { parseConfig } from './parse';
import type { ConfigSource } from './search';
import type { LoadedConfig } from './types';

/** A found config file, read; a package.json whose key vanished meanwhile reads as an empty config. */
export function loadConfig(source: ConfigSource, lang: Lang = 'en'): LoadedConfig {
  return parseConfig(source.path, source.text, { packageJson: source.packageJson, lang }) ?? { path: source.path, config: {}, problems: [] };
}
