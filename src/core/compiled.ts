import { anchorWords, compilePattern, normaliseWord, patternSource } from './pattern';
import { de } from './rules/de';
import { en } from './rules/en';
import type { LanguageRules, PhraseEntry } from './rules/schema';
import type { Lang } from './types';

/** A compiled pattern and the words a text needs for it to have a chance. */
export interface Matcher {
  readonly re: RegExp;
  anchors?: ReadonlySet<string>;
}

/**
 * A pattern whose RegExp is built when first run: many patterns never meet their anchor words
 * in a draft, and building hundreds of RegExps is much of a cold start. The source is built (and
 * checked) at once.
 */
class LazyMatcher implements Matcher {
  private compiled: RegExp | undefined;

  constructor(private readonly source: string, readonly anchors: ReadonlySet<string> | undefined) {}

  get re(): RegExp {
    return (this.compiled ??= new RegExp(this.source, 'gu'));
  }
}

export interface CompiledEntry {
  entry: PhraseEntry;
  entryId: string;
  patterns: Matcher[];
  exceptions: Matcher[];
  unlessSentenceHas: Matcher[];
  clauseOpeners: Set<string>;
}

export interface CompiledLanguage {
  rules: LanguageRules;
  /** Every phrase pattern of every entry, in data order, with its entry. */
  phrasePatterns: Matcher[];
  entryOf: Map<Matcher, CompiledEntry>;
  ackOpeners: Matcher[];
  ackRestatements: Matcher[];
  genericWords: Set<string>;
  contrast: RegExp;
  empathy: Matcher[];
  empathyExceptions: Matcher[];
  reason: Matcher[];
  alternative: Matcher[];
  alternativeExceptions: Matcher[];
  questionWords: Set<string>;
  infoRequests: Matcher[];
  closingQuestions: Matcher[];
  salutation: Matcher[];
  closing: Matcher[];
}

export const RULES: Record<Lang, LanguageRules> = { en, de };

function compileAll(patterns: readonly string[] | undefined, rules: LanguageRules): Matcher[] {
  return (patterns ?? []).map(p => {
    const anchors = anchorWords(p, rules.classes);
    return new LazyMatcher(patternSource(p, rules.classes), anchors && new Set(anchors));
  });
}

/** Compiles one language's rule data; throws on a malformed pattern (the unit tests run this). */
export function compileLanguage(rules: LanguageRules): CompiledLanguage {
  const c = (p?: readonly string[]) => compileAll(p, rules);
  const entries: CompiledEntry[] = rules.phrases.map(entry => ({
      entry,
      entryId: `${rules.lang}.${entry.id}`,
      patterns: c(entry.patterns),
      exceptions: c(entry.exceptions),
      unlessSentenceHas: c(entry.unlessSentenceHas),
      clauseOpeners: new Set((entry.unlessClauseOpensWith ?? []).map(w => w.toLowerCase())),
  }));
  const entryOf = new Map<Matcher, CompiledEntry>();
  for (const compiled of entries) for (const m of compiled.patterns) entryOf.set(m, compiled);
  return {
    rules,
    phrasePatterns: [...entryOf.keys()],
    entryOf,
    ackOpeners: c(rules.acknowledgement.openers),
    ackRestatements: c(rules.acknowledgement.restatements),
    // Normalised like the words they are compared with (one kind of apostrophe).
    genericWords: new Set(rules.acknowledgement.genericWords.map(normaliseWord)),
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

/** Every match of a global RegExp in `text`. */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    yield m;
  }
}

/** Whether the matcher can match a text with these words (see `anchorWords`). */
function mayMatch(m: Matcher, words: ReadonlySet<string>): boolean {
  const anchors = m.anchors;
  if (!anchors) return true;
  const [small, large] = words.size < anchors.size ? [words, anchors] : [anchors, words];
  for (const w of small) if (large.has(w)) return true;
  return false;
}

interface MatcherIndex {
  unanchored: Matcher[];
  byWord: Map<string, Matcher[]>;
}

const indexes = new WeakMap<readonly Matcher[], MatcherIndex>();

/** Matchers by anchor word, so a sentence only tries the patterns its words could match. */
function indexOf(matchers: readonly Matcher[]): MatcherIndex {
  let index = indexes.get(matchers);
  if (!index) {
    index = { unanchored: [], byWord: new Map() };
    for (const m of matchers) {
      if (!m.anchors) { index.unanchored.push(m); continue; }
      for (const word of m.anchors) {
        const list = index.byWord.get(word);
        if (list) list.push(m);
        else index.byWord.set(word, [m]);
      }
    }
    indexes.set(matchers, index);
  }
  return index;
}

const test = (m: Matcher, text: string) => { m.re.lastIndex = 0; return m.re.test(text); };

/** The matchers a text with these words could match, in their original order. */
export function candidates(matchers: readonly Matcher[], words: ReadonlySet<string>): Matcher[] {
  const index = indexOf(matchers);
  const found = new Set<Matcher>(index.unanchored);
  for (const word of words) for (const m of index.byWord.get(word) ?? []) found.add(m);
  if (found.size === 0) return [];
  return matchers.filter(m => found.has(m));
}

export function anyMatch(matchers: readonly Matcher[], text: string, words: ReadonlySet<string>): boolean {
  const index = indexOf(matchers);
  if (index.unanchored.some(m => test(m, text))) return true;
  const tried = new Set<Matcher>();
  for (const word of words) {
    for (const m of index.byWord.get(word) ?? []) {
      if (tried.has(m)) continue;
      tried.add(m);
      if (test(m, text)) return true;
    }
  }
  return false;
}

/** Ranges of all matches of the given patterns, for "is this covered by an exception". */
export function matchRanges(matchers: readonly Matcher[], text: string, words: ReadonlySet<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of matchers) {
    if (!mayMatch(m, words)) continue;
    for (const x of matchesOf(m.re, text)) out.push([x.index, x.index + x[0].length]);
  }
  return out;
}
