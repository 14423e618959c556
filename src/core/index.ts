/** Decline Coach's engine: pure TypeScript, no `vscode`, no Node built-ins. What the shells use. */
export * from './types';
export { analyze, Analyzer, type AnalyzeInput, withFindings } from './engine';
export { InvariantError, isValidFinding } from './invariants';
export { beforeAfter, snippetToPlain } from './rewrites';
export { isPhraseRule, RULE_IDS, ruleDocsUrl } from './rules/meta';
export { applyFixes, diffEdit, fixAllText, preferredFixes } from './fixes';
export { extractProse, frontMatterOf } from './prose';
export { opensWithGreeting } from './sentences';
export { guessLanguage, detectRegister, langOfLocale } from './language';
export { fillIn, MESSAGES, principleTitle, ruleMessage, ruleTitle } from './messages';
export { RULES, compileLanguage } from './compiled';
export { LineIndex } from './lineIndex';
export { composeReply, type ComposeInput } from './compose';
export { REASON_PRESETS, reasonPresetText, replyParts, rewriteReply, type ReasonPreset, type ReplyAnswers, type ReplyPart, type ReplyPlan,
  type ReplyQuestion, type RewrittenReply } from './replyRewrite';
