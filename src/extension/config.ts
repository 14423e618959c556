import * as vscode from 'vscode';
import { type CustomPhrase, type Lang, langOfLocale, PRINCIPLES, type Principle, RULE_IDS } from '../core';
import { type CoachSettings, type FileConfig, mergeConfig, type SeveritySetting } from '../core/config';
import { numberSetting } from './settingValues';

export type { SeveritySetting };

/** What a document is checked with: its VS Code settings and the team's config file, merged (see core/config/merge.ts). */
export interface CoachConfig extends Omit<CoachSettings, 'include' | 'exclude'> {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Globs of the settings match anywhere; those of a config file are relative to its folder. */
  include: vscode.GlobPattern[];
  exclude: vscode.GlobPattern[];
  maxDocumentSize: number;
  /** Where "missing …" findings appear: squiggles and the panel, the panel only, or nowhere. */
  documentFindings: 'diagnostics' | 'panel' | 'off';
  /** Workspace-level custom phrases that were not applied because the workspace is untrusted. */
  untrustedPhrasesSkipped: boolean;
  /** Entries of `customPhrases` that were malformed and skipped. */
  invalidPhrases: number;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);
/** The default of declineCoach.maxDocumentSize in package.json. */
const DEFAULT_MAX_DOCUMENT_SIZE = 2_000_000;

function validPhrase(value: unknown): value is CustomPhrase {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return typeof p.phrase === 'string' && p.phrase.trim() !== '' && typeof p.message === 'string' &&
    (p.principle === undefined || PRINCIPLES.includes(p.principle as Principle)) &&
    (p.replacement === undefined || typeof p.replacement === 'string') &&
    (p.severity === undefined || SEVERITIES.has(p.severity as string));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** The team's config file for a document: where it is and what it sets. */
export interface TeamConfig {
  uri: vscode.Uri;
  config: FileConfig;
}

/**
 * The document's settings. `team`: the config file that applies to it, if any; it wins over the
 * settings, and in an untrusted workspace only its safe part applies (no custom phrases).
 */
export function readConfig(resource: vscode.Uri | undefined, team?: TeamConfig): CoachConfig {
  const c = vscode.workspace.getConfiguration('declineCoach', resource);
  const severity: CoachConfig['severity'] = {};
  for (const id of RULE_IDS) {
    const v = c.get<string>(`severity.${id}`, 'default');
    if (v === 'off' || SEVERITIES.has(v)) severity[id] = v as SeveritySetting;
  }
  // Phrases from the workspace's own settings could be planted by a repository: only trusted ones count.
  const phrases = c.inspect<unknown[]>('customPhrases');
  const userLevel = [...(phrases?.globalValue ?? [])];
  const workspaceLevel = [...(phrases?.workspaceValue ?? []), ...(phrases?.workspaceFolderValue ?? [])];
  const trusted = vscode.workspace.isTrusted;
  const candidates = trusted ? [...userLevel, ...workspaceLevel] : userLevel;
  const customPhrases = candidates.filter(validPhrase);
  const run = c.get<string>('run', 'onType');
  const language = c.get<string>('language', 'auto');
  const documentFindings = c.get<string>('documentFindings', 'diagnostics');
  const settings: CoachSettings = {
    include: strings(c.get('include')),
    exclude: strings(c.get('exclude')),
    language: language === 'de' || language === 'en' ? language : 'auto',
    severity,
    ignoredPhrases: strings(c.get('ignoredPhrases')),
    customPhrases,
    neverPromise: [],
    messageLanguage: c.get<string>('messageLanguage', 'ui') === 'draft' ? 'draft' : 'ui',
  };
  const file = team?.config ?? {};
  const merged = mergeConfig(settings, file, trusted);
  const base = team && vscode.Uri.joinPath(team.uri, '..');
  const relative = (globs: readonly string[]) => (base ? globs.map(g => new vscode.RelativePattern(base, g)) : []);
  return {
    ...merged.settings,
    enable: c.get<boolean>('enable', true),
    run: run === 'onSave' ? 'onSave' : 'onType',
    include: file.include ? relative(file.include) : settings.include,
    exclude: [...settings.exclude, ...relative(file.exclude ?? [])],
    maxDocumentSize: numberSetting(c.get<unknown>('maxDocumentSize'), DEFAULT_MAX_DOCUMENT_SIZE, 1000),
    documentFindings: documentFindings === 'panel' || documentFindings === 'off' ? documentFindings : 'diagnostics',
    untrustedPhrasesSkipped: !trusted && (workspaceLevel.length > 0 || merged.untrustedPhrasesSkipped),
    invalidPhrases: candidates.length - customPhrases.length,
  };
}

/** The UI language when messages follow it, else undefined (each finding in its draft's language). */
export function messageLanguage(config: CoachConfig): Lang | undefined {
  return config.messageLanguage === 'draft' ? undefined : uiLang();
}

/** The language of VS Code's user interface, as far as Decline Coach speaks it. */
export function uiLang(): Lang {
  return langOfLocale(vscode.env.language);
}
