import type { Principle, RuleId, Severity } from '../types';

/**
 * The one registry of rules: every surface (engine, editor, panel, CLI, eval) asks here which
 * principle a rule serves, how loud it is by default, whether it flags a phrase or the whole
 * document, and where its documentation lives.
 */
export interface RuleInfo {
  principle: Principle;
  defaultSeverity: Severity;
  /** `phrase`: flags words in the draft; `document`: flags something the reply lacks. */
  kind: 'phrase' | 'document';
}

export const RULE_INFO: Readonly<Record<RuleId, RuleInfo>> = {
  'negative-phrasing': { principle: 'positive', defaultSeverity: 'warning', kind: 'phrase' },
  'vague-commitment': { principle: 'expectations', defaultSeverity: 'warning', kind: 'phrase' },
  'custom-phrase': { principle: 'positive', defaultSeverity: 'warning', kind: 'phrase' },
  'never-promise': { principle: 'expectations', defaultSeverity: 'warning', kind: 'phrase' },
  'missing-acknowledgement': { principle: 'listen', defaultSeverity: 'warning', kind: 'document' },
  'missing-empathy': { principle: 'empathy', defaultSeverity: 'warning', kind: 'document' },
  'missing-clarifying-question': { principle: 'clarify', defaultSeverity: 'info', kind: 'document' },
  'missing-reason': { principle: 'reason', defaultSeverity: 'warning', kind: 'document' },
  'missing-alternative': { principle: 'alternative', defaultSeverity: 'warning', kind: 'document' },
};

/** Every rule, in the registry's order. */
export const RULE_IDS = Object.keys(RULE_INFO) as readonly RuleId[];

export const isPhraseRule = (ruleId: RuleId): boolean => RULE_INFO[ruleId].kind === 'phrase';

const DOCS_BASE = 'https://github.com/decline-coach/decline-coach/blob/main/docs/rules';

/** The rule's documentation page: the same link in diagnostics, hovers, SARIF and text output. */
export const ruleDocsUrl = (ruleId: RuleId): string => `${DOCS_BASE}/${ruleId}.md`;
