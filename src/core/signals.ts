/**
 * Stage 3, signals: which principles each sentence satisfies on its own — it acknowledges the
 * request, shows empathy, gives a reason, offers an alternative, asks a clarifying question.
 * Works on one sentence at a time with the words the sentence stage found; knows nothing of the
 * document around it. Each sentence also gets its role scores from the trained sentence-role
 * model (`roles/`); judgement decides, per principle, how rules and model combine.
 */
import { anyMatch, candidates, type CompiledLanguage, compiledRules, type Matcher, matchesOf, matchRanges } from './compiled';
import { stopWords } from './language';
import { wordList, wordsOf } from './pattern';
import { sentenceRoles } from './roles/clauses';
import type { RoleScores } from './roles/model';
import type { LangSentence, Sentence } from './sentences';
import type { Lang } from './types';

/** Which principles a sentence satisfies on its own. */
export interface SentenceSignals {
  listen: boolean;
  empathy: boolean;
  reason: boolean;
  alternative: boolean;
  clarify: boolean;
}

/** A sentence that ends with a question mark, maybe followed by quotes, brackets or emoji. */
export const endsWithQuestion = (text: string) => /\?[\s"'”“»«)\p{Extended_Pictographic}\uFE0F]*$/u.test(text);

/** What a sentence says: by the rules, and by the role model. */
interface Said {
  signals: SentenceSignals;
  roles: RoleScores;
}

/**
 * A sentence of the writer's prose with what it says. Without its words: a block's sentences are
 * kept while the block is unchanged, and later stages need only what they say.
 */
export interface SignalledSentence extends Omit<LangSentence, 'words'>, Said {
  /** The sentence after its opening greeting, with what it says ("thanks for …" in "Hi Tom, thanks for …"). */
  afterGreeting?: Sentence & Said;
}

/** Specific words of a text: no function words, nothing too short or too generic. */
export function contentWords(text: string, generic: ReadonlySet<string>, lang: Lang): string[] {
  const stop = stopWords(lang);
  return wordList(text).filter(w => (w.length >= 3 || /\d/.test(w)) && !generic.has(w) && !stop.has(w));
}

interface SentenceWords {
  text: string;
  lang: Lang;
  words: ReadonlySet<string>;
}

function acknowledges(s: SentenceWords, c: CompiledLanguage): boolean {
  if (anyMatch(c.ackRestatements, s.text, s.words)) return true;
  for (const matcher of candidates(c.ackOpeners, s.words)) {
    for (const m of matchesOf(matcher.re, s.text)) {
      let rest = s.text.slice(m.index + m[0].length);
      c.contrast.lastIndex = 0;
      const contrast = c.contrast.exec(rest);
      if (contrast) rest = rest.slice(0, contrast.index);
      if (contentWords(rest, c.genericWords, s.lang).length > 0) return true;
    }
  }
  return false;
}

function isClarifyingQuestion(s: SentenceWords, c: CompiledLanguage): boolean {
  if (!endsWithQuestion(s.text)) return false;
  if (anyMatch(c.closingQuestions, s.text, s.words)) return false;
  if (anyMatch(c.infoRequests, s.text, s.words)) return true;
  // A clause opens with a question word, or with a preposition and one: "Für welche …", "In which …".
  return s.text.split(/[,;:–—]/).some(clause => (clause.trim().match(/[\p{L}]+/gu) ?? []).slice(0, 2)
    .some((word, i, words) => c.questionWords.has(word.toLowerCase()) && (i === 0 || words[0].length <= 4)));
}

const NO_EXCEPTIONS: readonly Matcher[] = [];

function hasSignal(s: SentenceWords, patterns: readonly Matcher[], exceptions = NO_EXCEPTIONS): boolean {
  if (!anyMatch(patterns, s.text, s.words)) return false;
  if (exceptions.length === 0) return true;
  const blocked = matchRanges(exceptions, s.text, s.words);
  return candidates(patterns, s.words).some(p =>
    [...matchesOf(p.re, s.text)].some(m => !blocked.some(([a, b]) => a < m.index + m[0].length && m.index < b)));
}

function signalsOf(s: SentenceWords): SentenceSignals {
  const c = compiledRules(s.lang);
  return {
    listen: acknowledges(s, c),
    empathy: hasSignal(s, c.empathy, c.empathyExceptions),
    reason: hasSignal(s, c.reason),
    alternative: hasSignal(s, c.alternative, c.alternativeExceptions),
    clarify: isClarifyingQuestion(s, c),
  };
}

/** Every sentence with its signals; a sentence opened by a greeting also gets those of the rest. */
export function signalSentences(sentences: readonly LangSentence[]): SignalledSentence[] {
  return sentences.map(s => {
    let afterGreeting: SignalledSentence['afterGreeting'];
    if (s.greetingEnd !== undefined) {
      const rest = s.text.slice(s.greetingEnd - s.start);
      const text = rest.trim();
      if (text !== '') {
        const start = s.greetingEnd + rest.length - rest.trimStart().length;
        afterGreeting = { start, end: s.end, text, signals: signalsOf({ text, lang: s.lang, words: wordsOf(text) }), roles: sentenceRoles(text, s.lang) };
      }
    }
    return {
      start: s.start, end: s.end, text: s.text, lang: s.lang, greetingEnd: s.greetingEnd,
      signals: signalsOf(s), roles: sentenceRoles(s.text, s.lang), afterGreeting,
    };
  });
}
