import type { Lang, Register } from './types';

// Frequent function words; a paragraph's language is the side with more hits.
const EN_WORDS = new Set(('the a an and or but to of for in on at with is are was were be been it this that you your i ' +
  'we our my me can will would could should have has had do does not what which how why when thanks thank ' +
  'please if so as by from about there their they he she').split(' '));
const DE_WORDS = new Set(('der die das und oder aber zu zum zur von für in im am mit ist sind war waren sein es ' +
  'dies diese dieser sie ihnen ihr ihre ich wir mein unser mir mich kann können wird würde sollte habe hat ' +
  'haben nicht was welche wie warum wann danke vielen bitte wenn so als bei aus über dass auch noch ein eine ' +
  'einen einem einer du dir dich dein deine kein keine keinen keinem keiner gibt sich wird werden').split(' '));

/** Per function word, 1 if English, 2 if German (3 for both): one lookup per word. */
const FUNCTION_WORD = new Map<string, number>();
for (const w of EN_WORDS) FUNCTION_WORD.set(w, 1);
for (const w of DE_WORDS) FUNCTION_WORD.set(w, (FUNCTION_WORD.get(w) ?? 0) | 2);

const WORD = /[\p{L}']+/gu;

export interface LanguageGuess {
  lang: Lang | undefined;
  /** Share of the winning side's hits, 0.5–1; 0 when there is nothing to go on. */
  confidence: number;
  hits: number;
}

/** Function-word counts of a text; they add up, so a document's counts are the sum of its paragraphs'. */
export interface LanguageCounts {
  en: number;
  de: number;
  words: number;
}

// A paragraph of Latin letters is counted in one pass without a lower-cased copy or word list:
// per code unit below LATIN_END, whether its lower case is a character of WORD. A paragraph with
// any other character — or one whose lower case is not one code unit (İ), where the pass would
// not see what WORD sees — takes the long way.
const LATIN_END = 0x250;
const WORD_UNIT = new Uint8Array(LATIN_END);
let latinRanges = '';
for (let code = 0; code < LATIN_END; code++) {
  const lower = String.fromCharCode(code).toLowerCase();
  WORD_UNIT[code] = /^[\p{L}']$/u.test(lower) ? 1 : 0;
  if (lower.length === 1) latinRanges += `\\u${code.toString(16).padStart(4, '0')}`;
}
// One test before the loop, not one per character: with the long way (a lower-cased copy of the
// whole paragraph) inside the loop, V8's optimising compiler, once it had seen it taken, made that
// copy at every character — minutes for a 5 MB paragraph.
const NOT_LATIN = new RegExp(`[^${latinRanges}]`);
const LONGEST_FUNCTION_WORD = Math.max(...[...FUNCTION_WORD.keys()].map(w => w.length));

export function countLanguage(text: string): LanguageCounts {
  if (NOT_LATIN.test(text)) return countWords(text.toLowerCase().match(WORD) ?? [], text);
  let en = 0;
  let de = 0;
  let words = 0;
  for (let start = 0; start < text.length;) {
    if (WORD_UNIT[text.charCodeAt(start)] === 0) { start++; continue; }
    let end = start + 1;
    let apostrophes = text.charCodeAt(start) === 0x27 ? 1 : 0;
    for (; end < text.length; end++) {
      const unit = text.charCodeAt(end);
      if (WORD_UNIT[unit] === 0) break;
      if (unit === 0x27) apostrophes++;
    }
    words++;
    if (end - start - apostrophes <= LONGEST_FUNCTION_WORD) {
      const side = functionWordSide(text.slice(start, end).toLowerCase());
      en += side & 1;
      de += side >> 1;
    }
    start = end;
  }
  return { en, de: de + umlautBonus(text), words };
}

/** Counts over words already lower-cased. */
export function countWords(lowered: readonly string[], text: string): LanguageCounts {
  let en = 0;
  let de = 0;
  for (const word of lowered) {
    const side = functionWordSide(word);
    en += side & 1;
    de += side >> 1;
  }
  return { en, de: de + umlautBonus(text), words: lowered.length };
}

/** 1 for an English function word, 2 for a German one, 3 for both, 0 for neither; apostrophes are ignored ("don't" is "dont"). */
function functionWordSide(lowered: string): number {
  return FUNCTION_WORD.get(lowered.includes('\'') ? lowered.replace(/'/g, '') : lowered) ?? 0;
}

/** Umlauts and ß count for German as two function words. */
const umlautBonus = (text: string) => (/[äöüß]/i.test(text) ? 2 : 0);

export function guessFromCounts({ en, de, words }: LanguageCounts): LanguageGuess {
  const hits = en + de;
  // Function words make up a third of German or English prose; far fewer means another language.
  if (hits < 2 || en === de || hits < words * 0.12) return { lang: undefined, confidence: 0, hits };
  return { lang: en > de ? 'en' : 'de', confidence: Math.max(en, de) / hits, hits };
}

export function guessLanguage(text: string): LanguageGuess {
  return guessFromCounts(countLanguage(text));
}

const SIE_FORMS = /(?<![.!?:]\s*|^)\b(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b/gu;
const DU_FORMS = /\b(?:du|dir|dich|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|euren|Du|Dir|Dich|Dein|Deine|Deinen|Deinem|Deiner)\b/gu;
const FORMAL_SALUTATION = /^\s*(?:Sehr geehrte|Guten Tag,?\s+(?:Frau|Herr)|Hallo\s+(?:Frau|Herr)|Liebe\s+Frau|Lieber\s+Herr)/u;

export interface RegisterCounts {
  sie: number;
  du: number;
}

export function countRegister(text: string): RegisterCounts {
  return { sie: (text.match(SIE_FORMS) ?? []).length + (FORMAL_SALUTATION.test(text) ? 2 : 0), du: (text.match(DU_FORMS) ?? []).length };
}

export function registerFromCounts({ sie, du }: RegisterCounts, lang: Lang): Register {
  if (lang === 'en') return 'neutral';
  return du > sie ? 'du' : 'sie';
}

/** Sie or du: the form the draft already uses, so inserted German text matches it. */
export function detectRegister(text: string, lang: Lang): Register {
  return registerFromCounts(countRegister(text), lang);
}

/** Function words of a language: never a specific word of a request. */
export function stopWords(lang: Lang): ReadonlySet<string> {
  return lang === 'de' ? DE_WORDS : EN_WORDS;
}

/** The language Decline Coach speaks for a locale such as `de-AT` or `de_DE.UTF-8`: German or English. */
export function langOfLocale(locale: string): Lang {
  return /^de\b|^de[-_]/i.test(locale) ? 'de' : 'en';
}
