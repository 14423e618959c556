import { anchorGroups, compilePattern, normaliseWord, visibleWords, type WordClasses } from './pattern';
import { de } from './rules/de';
import { en } from './rules/en';
import type { LanguageRules, PhraseEntry } from './rules/schema';
import type { Lang } from './types';

/** A compiled pattern and the words a text needs for it to have a chance. */
export interface Matcher {
  readonly re: RegExp;
  /** The language's anchor scan the matcher is indexed in, and its anchor groups' places there. */
  readonly scan: AnchorScan;
  /** Its anchor groups (see `anchorGroups`) are the scan's groups `firstGroup` to `firstGroup + groups - 1`; none: always tried. */
  readonly firstGroup: number;
  readonly groups: number;
}

/**
 * One language's anchor words, for all its patterns at once: a text's words are looked up once
 * (per text, not per list of patterns), marking every anchor group one of them belongs to; a
 * pattern is tried when all its groups are marked. The marks are stamped with a generation, so
 * nothing is cleared.
 */
class AnchorScan {
  private readonly byWord = new Map<string, number[]>();
  private stamps = new Int32Array(64);
  private generation = 0;
  private count = 0;
  private lastWords: ReadonlySet<string> | undefined;
  /** The most apostrophe-separated parts an anchor word has ("can't": 2). */
  private maxParts = 1;

  /** Indexes a pattern's anchor groups; returns the first group's number. */
  add(groups: readonly string[][]): number {
    const first = this.count;
    for (const words of groups) {
      const id = this.count++;
      if (id === this.stamps.length) {
        const grown = new Int32Array(2 * id);
        grown.set(this.stamps);
        this.stamps = grown;
      }
      for (const word of words) {
        if (word.includes("'")) this.maxParts = Math.max(this.maxParts, word.split("'").length);
        const ids = this.byWord.get(word);
        if (ids) ids.push(id);
        else this.byWord.set(word, [id]);
      }
    }
    this.lastWords = undefined;
    return first;
  }

  /** Whether each of the matcher's anchor groups has a word among `words` (a Set not changed after it is first scanned). */
  has(m: Matcher, words: ReadonlySet<string>): boolean {
    if (m.groups === 0) return true;
    if (words !== this.lastWords) this.scan(words);
    for (let g = m.firstGroup; g < m.firstGroup + m.groups; g++) if (this.stamps[g] !== this.generation) return false;
    return true;
  }

  /** Marks the groups of `words`. Apart from `has`: a closure there would cost an allocation on every call. */
  private scan(words: ReadonlySet<string>): void {
    const generation = ++this.generation;
    const mark = (word: string) => {
      const ids = this.byWord.get(word);
      if (ids) for (const id of ids) this.stamps[id] = generation;
    };
    for (const word of words) visibleWords(word, this.maxParts, mark);
    this.lastWords = words;
  }
}

/**
 * A pattern whose RegExp is built when first run: many patterns never meet their anchor words
 * in a draft, and building hundreds of sources and RegExps was much of a cold start. A malformed
 * pattern throws then (the rule data's unit test builds every one).
 */
class LazyMatcher implements Matcher {
  private compiled: RegExp | undefined;
  readonly firstGroup: number;
  readonly groups: number;

  constructor(private readonly pattern: string, private readonly classes: WordClasses, readonly scan: AnchorScan) {
    const groups = anchorGroups(pattern, classes);
    this.firstGroup = scan.add(groups);
    this.groups = groups.length;
  }

  get re(): RegExp {
    return (this.compiled ??= compilePattern(this.pattern, this.classes));
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

function compileAll(patterns: readonly string[] | undefined, rules: LanguageRules, scan: AnchorScan): Matcher[] {
  return (patterns ?? []).map(p => new LazyMatcher(p, rules.classes, scan));
}

/** Compiles one language's rule data: the anchor words at once, each RegExp when first run (so a malformed pattern throws then; the unit tests build every one). */
export function compileLanguage(rules: LanguageRules): CompiledLanguage {
  const scan = new AnchorScan();
  const c = (p?: readonly string[]) => compileAll(p, rules, scan);
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

/** The matchers a text with these words could match, in their original order. */
export function candidates(matchers: readonly Matcher[], words: ReadonlySet<string>): Matcher[] {
  return matchers.filter(m => m.scan.has(m, words));
}

const test = (m: Matcher, text: string) => { m.re.lastIndex = 0; return m.re.test(text); };

export function anyMatch(matchers: readonly Matcher[], text: string, words: ReadonlySet<string>): boolean {
  for (const m of matchers) if (m.scan.has(m, words) && test(m, text)) return true;
  return false;
}

/** Ranges of all matches of the given patterns, for "is this covered by an exception". */
export function matchRanges(matchers: readonly Matcher[], text: string, words: ReadonlySet<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of matchers) {
    if (!m.scan.has(m, words)) continue;
    for (const x of matchesOf(m.re, text)) out.push([x.index, x.index + x[0].length]);
  }
  return out;
}
