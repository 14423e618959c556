import type { RoleScores } from './roles/model';

/** The seven principles of a good "no", taken from the seed article. */
export type Principle = 'listen' | 'empathy' | 'clarify' | 'expectations' | 'positive' | 'alternative' | 'reason';
export const PRINCIPLES: readonly Principle[] = ['listen', 'empathy', 'clarify', 'expectations', 'positive', 'alternative', 'reason'];

export type Lang = 'de' | 'en';
/** German form of address; English drafts are always `neutral`. */
export type Register = 'sie' | 'du' | 'neutral';
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type RuleId =
  | 'negative-phrasing'
  | 'vague-commitment'
  | 'custom-phrase'
  | 'never-promise'
  | 'missing-acknowledgement'
  | 'missing-empathy'
  | 'missing-clarifying-question'
  | 'missing-reason'
  | 'missing-alternative';

/** A replacement of `[start, end)` (0-based UTF-16 offsets) by `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  /** May hold snippet placeholders `${1:default}` when the fix has `snippet: true`. */
  newText: string;
}

export interface Fix {
  title: string;
  /** The single safe rewrite: applied by "fix all" and `--fix`. Never has placeholders. */
  preferred: boolean;
  /** `newText` contains `${n:default}` placeholders the writer should fill in. */
  snippet: boolean;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: RuleId;
  /** Which entry of the rule data matched, e.g. `en.unfortunately`; stable, used by "ignore". */
  entryId: string;
  principle: Principle;
  severity: Severity;
  message: string;
  /** Why this matters, one sentence from the seed's advice. */
  note: string;
  start: number;
  end: number;
  /** The flagged text as written. */
  actual: string;
  fixes: Fix[];
  lang: Lang;
}

export type Verdict = 'good' | 'needs_work' | 'empty';

export interface Analysis {
  language: Lang;
  /** How sure the language guess is, 0–1; 0 when forced by option or front matter. */
  languageConfidence: number;
  /** `fallback`: the language could not be told (too little text, or neither German nor English). */
  languageSource: 'detected' | 'forced' | 'fallback';
  register: Register;
  /** Each principle is true when the draft satisfies it. */
  principles: Record<Principle, boolean>;
  verdict: Verdict;
  score: number;
  findings: Finding[];
  /** Number of prose characters judged (0: nothing to judge). */
  proseLength: number;
  /** Each sentence of the writer's prose with the probability of each role, from the role model. */
  sentences: SentenceRoles[];
}

export interface SentenceRoles {
  start: number;
  end: number;
  roles: RoleScores;
}

export interface CustomPhrase {
  phrase: string;
  message: string;
  principle?: Principle;
  replacement?: string;
  severity?: Severity;
}

export interface AnalyzeOptions {
  /** Force the language; `auto` (default) detects per paragraph. */
  language?: 'auto' | Lang;
  /** Phrases (literal, case-insensitive) never reported. */
  ignoredPhrases?: readonly string[];
  /** Team vocabulary, matched literally. */
  customPhrases?: readonly CustomPhrase[];
  /** Phrases the team never promises a client (literal, case-insensitive): each is a `never-promise` finding. */
  neverPromise?: readonly string[];
  /** German form of address for inserted text where the draft does not show one (default Sie). */
  register?: 'sie' | 'du';
  /** Language for messages; defaults to the draft's language of each finding. */
  messageLanguage?: Lang;
  /** `false` judges the principles by the rules alone, without the sentence-role model (to measure what the model adds). */
  roleModel?: boolean;
}
