import * as vscode from 'vscode';
import { type CustomPhrase, type Lang, langOfLocale, PRINCIPLES, type Principle, RULE_IDS, type RuleId, type Severity } from '../core';
import { numberSetting } from './settingValues';

export type SeveritySetting = Severity | 'off' | 'default';

export interface CoachConfig {
  enable: boolean;
  run: 'onType' | 'onSave';
  include: string[];
  exclude: string[];
  language: 'auto' | Lang;
  severity: Partial<Record<RuleId, SeveritySetting>>;
  ignoredPhrases: string[];
  customPhrases: CustomPhrase[];
  messageLanguage: 'ui' | 'draft';
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

export function readConfig(resource: vscode.Uri | undefined): CoachConfig {
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
  return {
    enable: c.get<boolean>('enable', true),
    run: run === 'onSave' ? 'onSave' : 'onType',
    include: strings(c.get('include')),
    exclude: strings(c.get('exclude')),
    language: language === 'de' || language === 'en' ? language : 'auto',
    severity,
    ignoredPhrases: strings(c.get('ignoredPhrases')),
    customPhrases,
    messageLanguage: c.get<string>('messageLanguage', 'ui') === 'draft' ? 'draft' : 'ui',
    maxDocumentSize: numberSetting(c.get<unknown>('maxDocumentSize'), DEFAULT_MAX_DOCUMENT_SIZE, 1000),
    documentFindings: documentFindings === 'panel' || documentFindings === 'off' ? documentFindings : 'diagnostics',
    untrustedPhrasesSkipped: !trusted && workspaceLevel.length > 0,
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
