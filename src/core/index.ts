/** Decline Coach's engine: pure TypeScript, no `vscode`, no Node built-ins. */
export * from './types';
export { analyze, Analyzer, type AnalyzeInput } from './engine';
export { type InvalidFindingHandler, InvariantError, isValidFinding } from './invariants';
export { beforeAfter, snippetToPlain } from './rewrites';
export { isPhraseRule, RULE_IDS, RULE_INFO, ruleDocsUrl, type RuleInfo } from './rules/meta';
export { applyEdits, applyFixes, diffEdit, fixAllText, preferredFixes } from './fixes';
export { extractProse, type DocFormat, type ProseDoc } from './prose';
export { guessLanguage, detectRegister, langOfLocale } from './language';
export { splitSentences } from './sentences';
export { compileLiteral, compilePattern, PatternError } from './pattern';
export { fillIn, MESSAGES, t, principleNote, principleTitle, ruleMessage, type MessageKey } from './messages';
export { RULES, compileLanguage } from './compiled';
export { parseDirectives } from './directives';
export { LineIndex } from './lineIndex';
export type { LanguageRules, PhraseEntry } from './rules/schema';
export { composeReply, type ComposeInput, type DeclineReason } from './compose';
