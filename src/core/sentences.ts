/**
 * Stage 2, sentences: cuts one prose block into sentences, gives each its words (the block is
 * tokenised here, once, for every later stage) and its language, and marks a greeting that opens
 * the block ("Hi Tom, thanks for …"). Also the small sentence and clause helpers later stages share.
 */
import { anyMatch, compiledRules } from './compiled';
import { countWords, guessFromCounts } from './language';
import { wordList } from './pattern';
import type { Lang } from './types';

export interface Sentence {
  /** Offsets into the text that was segmented. */
  start: number;
  end: number;
  text: string;
}

/** A sentence of the writer's prose with its language and its words (normalised, see `wordList`). */
export interface LangSentence extends Sentence {
  lang: Lang;
  words: ReadonlySet<string>;
  /** Set when the sentence opens with a short greeting: where the greeting ends (same offsets as `start`). */
  greetingEnd?: number;
}

/** A sentence with a clear language of its own keeps it, even inside a paragraph in the other one. */
function sentenceLanguage(words: readonly string[], text: string, paragraph: Lang): Lang {
  const g = guessFromCounts(countWords(words, text));
  return g.lang && g.hits >= 3 && g.confidence >= 0.75 ? g.lang : paragraph;
}

/** Where a greeting such as "Hi Tom," ends in a sentence that opens with one; undefined otherwise. */
function greetingEnd(s: Sentence, lang: Lang, words: ReadonlySet<string>): number | undefined {
  if (!anyMatch(compiledRules(lang).salutation, s.text, words)) return undefined;
  // "Hi Tom," on its own, or "Hi Tom, thanks for …": the greeting ends at the first comma or line end.
  const lineEnd = s.text.search(/[\n\r]/);
  const comma = s.text.search(/[,!]/);
  const cut = [comma === -1 ? -1 : comma + 1, lineEnd].filter(n => n > 0).sort((a, b) => a - b)[0] ?? s.text.length;
  return wordList(s.text.slice(0, cut)).length <= 6 ? s.start + cut : undefined;
}

/** The text's first line opens with a greeting in either language ("Hi Tom,", "Sehr geehrte Frau Roth,"). */
export function opensWithGreeting(text: string): boolean {
  const line = /^\s*([^\r\n]*)/.exec(text)?.[1] ?? '';
  const words = new Set(wordList(line));
  return (['en', 'de'] as const).some(lang => anyMatch(compiledRules(lang).salutation, line, words));
}

/**
 * The sentences of one prose block (`masked`: markup blanked), each with its words and language.
 * `forced`: every sentence takes `lang`, whatever its words say.
 */
export function blockSentences(masked: string, lang: Lang, forced: boolean): LangSentence[] {
  return splitSentences(masked, lang).map((s, i) => {
    const list = wordList(s.text);
    const words = new Set(list);
    const own = forced ? lang : sentenceLanguage(list, s.text, lang);
    // Every field always set: one object shape for all sentences. Only a block's first sentence can be the greeting.
    return { start: s.start, end: s.end, text: s.text, lang: own, words, greetingEnd: i === 0 ? greetingEnd(s, own, words) : undefined };
  });
}

/** The sentence containing `offset`, by binary search over sentences in text order. */
export function sentenceAt<S extends Sentence>(sentences: readonly S[], offset: number): S | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The part of the clause before `offsetInSentence`: from the last , ; : – — or ( on. */
function clauseBefore(sentenceText: string, offsetInSentence: number): string {
  const before = sentenceText.slice(0, offsetInSentence);
  return before.slice(Math.max(...[',', ';', ':', '–', '—', '('].map(ch => before.lastIndexOf(ch))) + 1);
}

/** Nothing but punctuation or symbols stands between the clause's start and `offsetInSentence`. */
export function isClauseStart(sentenceText: string, offsetInSentence: number): boolean {
  return !/[\p{L}\p{N}]/u.test(clauseBefore(sentenceText, offsetInSentence));
}

/** The clause's first word, lower-cased ("wenn" in "…, wenn Sie nicht …"). */
export function clauseOpener(sentenceText: string, offsetInSentence: number): string {
  return (/^[\p{L}]+/u.exec(clauseBefore(sentenceText, offsetInSentence).trimStart())?.[0] ?? '').toLowerCase();
}

const segmenters = new Map<Lang, Intl.Segmenter>();

function segmenter(lang: Lang): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/**
 * Sentences of one paragraph, trimmed. Call it per paragraph: ICU's segmentation of one long
 * string grows faster than linearly.
 */
function splitSentences(text: string, lang: Lang): Sentence[] {
  const out: Sentence[] = [];
  for (const [from, to] of windows(text)) segmentInto(out, text, from, to, lang);
  return out;
}

const WINDOW = 4000;

/**
 * Very long paragraphs are cut into windows of about WINDOW characters at a sentence end (or at
 * least a space), so segmentation stays linear in the paragraph's length.
 */
function windows(text: string): Array<[number, number]> {
  if (text.length <= WINDOW) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let from = 0;
  while (text.length - from > WINDOW) {
    const slice = text.slice(from, from + WINDOW);
    let cut = -1;
    for (const m of slice.matchAll(/[.!?…]\s+/g)) cut = (m.index ?? 0) + m[0].length;
    if (cut <= 0) cut = slice.lastIndexOf(' ') + 1;
    // Not inside a word, so that a block's words are its sentences' words.
    if (cut <= 0) cut = slice.search(/[\p{L}\p{N}]+$/u);
    if (cut <= 0) cut = WINDOW;
    // Never between the halves of a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(text[from + cut] ?? '')) cut--;
    if (cut <= 0) cut = WINDOW;
    out.push([from, from + cut]);
    from += cut;
  }
  out.push([from, text.length]);
  return out;
}

function segmentInto(out: Sentence[], text: string, from: number, to: number, lang: Lang): void {
  for (const seg of segmenter(lang).segment(text.slice(from, to))) {
    const raw = seg.segment;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    // ICU also breaks after a newline inside a paragraph; a lower-case start continues the sentence.
    const start = from + seg.index + lead;
    const prev = out[out.length - 1];
    if (prev && /^[\p{Ll}]/u.test(body) && !/[.!?…]["'”“»«)]*$/u.test(prev.text)) {
      prev.end = start + body.length;
      prev.text = text.slice(prev.start, prev.end);
    } else {
      out.push({ start, end: start + body.length, text: body });
    }
  }
}
