import { compilePattern } from './pattern';
import { de } from './rules/de';
import { en } from './rules/en';
import type { LanguageRules, PhraseEntry } from './rules/schema';
import type { Lang } from './types';

export interface CompiledEntry {
  entry: PhraseEntry;
  entryId: string;
  patterns: RegExp[];
  exceptions: RegExp[];
  unlessSentenceHas: RegExp[];
  clauseOpeners: Set<string>;
}

export interface CompiledLanguage {
  rules: LanguageRules;
  entries: CompiledEntry[];
  ackOpeners: RegExp[];
  ackRestatements: RegExp[];
  genericWords: Set<string>;
  contrast: RegExp;
  empathy: RegExp[];
  empathyExceptions: RegExp[];
  reason: RegExp[];
  alternative: RegExp[];
  alternativeExceptions: RegExp[];
  questionWords: Set<string>;
  infoRequests: RegExp[];
  closingQuestions: RegExp[];
  salutation: RegExp[];
  closing: RegExp[];
}

export const RULES: Record<Lang, LanguageRules> = { en, de };

function compileAll(patterns: readonly string[] | undefined, rules: LanguageRules): RegExp[] {
  return (patterns ?? []).map(p => compilePattern(p, rules.classes));
}

/** Compiles one language's rule data; throws on a malformed pattern (the unit tests run this). */
export function compileLanguage(rules: LanguageRules): CompiledLanguage {
  const c = (p?: readonly string[]) => compileAll(p, rules);
  return {
    rules,
    entries: rules.phrases.map(entry => ({
      entry,
      entryId: `${rules.lang}.${entry.id}`,
      patterns: c(entry.patterns),
      exceptions: c(entry.exceptions),
      unlessSentenceHas: c(entry.unlessSentenceHas),
      clauseOpeners: new Set((entry.unlessClauseOpensWith ?? []).map(w => w.toLowerCase())),
    })),
    ackOpeners: c(rules.acknowledgement.openers),
    ackRestatements: c(rules.acknowledgement.restatements),
    genericWords: new Set(rules.acknowledgement.genericWords.map(w => w.toLowerCase())),
    contrast: compilePattern(rules.acknowledgement.contrastWords.join('|'), rules.classes),
    empathy: c(rules.empathy.patterns),
    empathyExceptions: c(rules.empathy.exceptions),
    reason: c(rules.reason.patterns),
    alternative: c(rules.alternative.patterns),
    alternativeExceptions: c(rules.alternative.exceptions),
    questionWords: new Set(rules.clarify.questionWords.map(w => w.toLowerCase())),
    infoRequests: c(rules.clarify.infoRequests),
    closingQuestions: c(rules.clarify.closingQuestions),
    salutation: c(rules.salutation),
    closing: c(rules.closing),
  };
}

const compiled = new Map<Lang, CompiledLanguage>();

export function compiledRules(lang: Lang): CompiledLanguage {
  let c = compiled.get(lang);
  if (!c) {
    c = compileLanguage(RULES[lang]);
    compiled.set(lang, c);
  }
  return c;
}

/** Every match of a global RegExp in `text` as [start, end, match]. */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    yield m;
  }
}

export function anyMatch(res: readonly RegExp[], text: string): boolean {
  return res.some(re => { re.lastIndex = 0; return re.test(text); });
}

/** Ranges of all matches of the given patterns, for "is this covered by an exception". */
export function matchRanges(res: readonly RegExp[], text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of res) for (const m of matchesOf(re, text)) out.push([m.index, m.index + m[0].length]);
  return out;
}
