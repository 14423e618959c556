/**
 * How the config file combines with a surface's own settings (VS Code's, or the CLI's defaults).
 * The file is the team's and is shared with CI, so where both give one value the file wins:
 * language, register, message language, each rule's severity, and `include` (which replaces the
 * setting). Lists that add up are joined, the writer's own entries kept: `exclude`,
 * `ignoredPhrases`, `customPhrases`, `neverPromise`. In an untrusted workspace the file's
 * `customPhrases` are left out (their messages and rewrites would be the repository's words in
 * the editor), as for workspace settings.
 */
import type { AnalyzeOptions, Finding, Lang } from '../types';
import type { CoachSettings, FileConfig } from './types';

/** The settings when nothing is configured: those of VS Code's package.json contributions. */
export const DEFAULT_SETTINGS: Readonly<CoachSettings> = {
  language: 'auto',
  include: ['**/*.reply.md', '**/*.draft.md', '**/replies/**', '**/drafts/**'],
  exclude: [],
  severity: {},
  ignoredPhrases: [],
  customPhrases: [],
  neverPromise: [],
  messageLanguage: 'ui',
};

/** `a`, then the entries of `b` that `a` does not have already. */
function joined<T>(a: readonly T[], b: readonly T[] | undefined, key: (x: T) => string): T[] {
  const out = [...a];
  const seen = new Set(a.map(key));
  for (const x of b ?? []) {
    if (seen.has(key(x))) continue;
    seen.add(key(x));
    out.push(x);
  }
  return out;
}
const lower = (s: string) => s.toLowerCase();

export interface MergedSettings<T extends CoachSettings> {
  settings: T;
  /** The file had custom phrases that were not applied because the workspace is untrusted. */
  untrustedPhrasesSkipped: boolean;
}

/** `settings` with the file's values applied. `trusted`: whether the file comes from a trusted workspace. */
export function mergeConfig<T extends CoachSettings>(settings: T, file: FileConfig, trusted = true): MergedSettings<T> {
  const fileSkipped = !trusted && (file.customPhrases?.length ?? 0) > 0;
  return {
    settings: {
      ...settings,
      language: file.language ?? settings.language,
      register: file.register ?? settings.register,
      messageLanguage: file.messageLanguage ?? settings.messageLanguage,
      severity: { ...settings.severity, ...file.severity },
      include: file.include ?? settings.include,
      exclude: joined(settings.exclude, file.exclude, s => s),
      ignoredPhrases: joined(settings.ignoredPhrases, file.ignoredPhrases, lower),
      customPhrases: joined(settings.customPhrases, trusted ? file.customPhrases : [], p => lower(p.phrase)),
      neverPromise: joined(settings.neverPromise, file.neverPromise, lower),
    },
    untrustedPhrasesSkipped: fileSkipped,
  };
}

/** The engine's options for these settings; `uiLang`: the surface's own language, for `messageLanguage: "ui"`. */
export function analyzeOptionsOf(settings: CoachSettings, uiLang: Lang): AnalyzeOptions {
  return {
    language: settings.language,
    register: settings.register,
    ignoredPhrases: settings.ignoredPhrases,
    customPhrases: settings.customPhrases,
    neverPromise: settings.neverPromise,
    messageLanguage: settings.messageLanguage === 'ui' ? uiLang : undefined,
  };
}

/** The findings as the settings show them: rules set to `off` left out, others at their set level. */
export function withSeverities(findings: readonly Finding[], severity: CoachSettings['severity']): Finding[] {
  return findings.flatMap(f => {
    const level = severity[f.ruleId];
    if (level === 'off') return [];
    return level && level !== 'default' ? [{ ...f, severity: level }] : [f];
  });
}
