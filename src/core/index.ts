/** Decline Coach's engine: pure TypeScript, no `vscode`, no Node built-ins. */
export * from './types';
export { analyze, Analyzer, type AnalyzeInput, isValidFinding, RULE_PRINCIPLE, SCORE_WEIGHTS, scoreOf, snippetToPlain, verdictOf } from './engine';
export { applyEdits, applyFixes, diffEdit, fixAllText, preferredFixes } from './fixes';
export { extractProse, type DocFormat, type ProseDoc } from './prose';
export { guessLanguage, detectRegister } from './language';
export { splitSentences } from './sentences';
export { compileLiteral, compilePattern, PatternError } from './pattern';
export { MESSAGES, t, principleNote, principleTitle, ruleMessage, type MessageKey } from './messages';
export { RULES, compileLanguage } from './compiled';
export { parseDirectives } from './directives';
export { LineIndex } from './lineIndex';
export type { LanguageRules, PhraseEntry } from './rules/schema';
export { composeReply, type ComposeInput, type DeclineReason } from './compose';
