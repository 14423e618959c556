/**
 * Stage 2, sentences: cuts one prose block into sentences, gives each its words (the block is
 * tokenised here, once, for every later stage) and its language, and marks a greeting that opens
 * the block ("Hi Tom, thanks for …"). Also the small sentence and clause helpers later stages share.
 */
import { anyMatch, compiledRules } from './compiled';
import { onBoundary } from './invariants';
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
  // Without a comma, at the first lower-case word after the name: "Hey Fabi 👋 danke für …".
  const lineEnd = s.text.search(/[\n\r]/);
  const comma = s.text.search(/[,!]/);
  const afterName = /^\s*\p{L}+(?:\s+[\p{Lu}][\p{L}.'’-]*){1,3}[\s\p{Extended_Pictographic}\uFE0F\u200D:;–—-]*\s(?=\p{Ll})/u.exec(s.text);
  const cut = [comma === -1 ? -1 : comma + 1, lineEnd, afterName ? afterName[0].length : -1].filter(n => n > 0).sort((a, b) => a - b)[0] ?? s.text.length;
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
export function splitSentences(text: string, lang: Lang): Sentence[] {
  const out: Sentence[] = [];
  for (const [from, to] of windows(text)) segmentInto(out, text, from, to, lang);
  return out.some(s => s.end - s.start > MAX_SENTENCE) ? out.flatMap(s => cutLong(s, text)) : out;
}

/**
 * The longest sentence later stages see. A longer run without a sentence end (a pasted log line,
 * a word repeated) is no sentence a writer reads, and every phrase in it would otherwise look
 * at all of it: quadratic work.
 */
export const MAX_SENTENCE = 1000;

/** A sentence cut into pieces of at most MAX_SENTENCE characters, at spaces where it has them. */
function cutLong(sentence: Sentence, text: string): Sentence[] {
  if (sentence.end - sentence.start <= MAX_SENTENCE) return [sentence];
  const out: Sentence[] = [];
  let from = sentence.start;
  while (from < sentence.end) {
    let to = Math.min(sentence.end, from + MAX_SENTENCE);
    if (to < sentence.end) {
      // Searched within the piece only: a long run without spaces must not be walked back to its start every time.
      const space = text.slice(from, to + 1).lastIndexOf(' ');
      if (space > 0) to = from + space;
      else if (!onBoundary(text, to)) to--;
    }
    const piece = text.slice(from, to);
    const start = from + piece.length - piece.trimStart().length;
    const end = from + piece.trimEnd().length;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
    from = to;
  }
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
    if (!onBoundary(text, from + cut)) cut--;
    if (cut <= 0) cut = WINDOW;
    out.push([from, from + cut]);
    from += cut;
  }
  out.push([from, text.length]);
  return out;
}

/**
 * Text in which ICU finds no sentence break but at its end: no sentence-ending punctuation or
 * line break before a final run of . ! ? (with closing quotes or brackets and spaces after it),
 * and nothing but ASCII, Latin letters and common quotes and dashes, whose break properties are
 * known. Most sentences of a block are such a text on their own; ICU is spared for them.
 */
const ONE_SENTENCE = /^[\t \x22-\x2D\x2F-\x3E\x40-\x7E\u00A0-\u024F„“”‘’–—]*(?:[.!?]+["'”“»«)\]]*[ \t]*)?$/;

/**
 * Where ICU always breaks: after . ! or ? (maybe with closing quotes or brackets) and spaces, before
 * a capital — no rule keeps such a sentence going.
 */
const CERTAIN_BREAK = /[.!?]+["'”“»«)\]]*[ \t]+(?=[A-ZÄÖÜ])/g;

/** ICU's sentence segments of `text`, without asking ICU where it cannot break. */
export function segments(text: string, lang: Lang): Iterable<{ segment: string; index: number }> {
  if (ONE_SENTENCE.test(text)) return [{ segment: text, index: 0 }];
  return certainSentences(text) ?? segmenter(lang).segment(text);
}

/**
 * The text cut at its certain breaks, when each piece is a text in which ICU finds no other
 * break (see ONE_SENTENCE): then these are ICU's segments. Undefined otherwise.
 */
function certainSentences(text: string): Array<{ segment: string; index: number }> | undefined {
  const out: Array<{ segment: string; index: number }> = [];
  let from = 0;
  CERTAIN_BREAK.lastIndex = 0;
  for (let m = CERTAIN_BREAK.exec(text); m; m = CERTAIN_BREAK.exec(text)) {
    const to = m.index + m[0].length;
    const segment = text.slice(from, to);
    if (!ONE_SENTENCE.test(segment)) return undefined;
    out.push({ segment, index: from });
    from = to;
  }
  const last = text.slice(from);
  if (out.length === 0 || !ONE_SENTENCE.test(last)) return undefined;
  out.push({ segment: last, index: from });
  return out;
}

function segmentInto(out: Sentence[], text: string, from: number, to: number, lang: Lang): void {
  for (const seg of segments(text.slice(from, to), lang)) {
    const raw = seg.segment;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    // ICU also breaks after a newline inside a paragraph; a lower-case start continues the sentence.
    const segmentStart = from + seg.index + lead;
    let pieceStart = 0;
    for (const cut of [...lowerCaseStarts(body, lang), body.length]) {
      const piece = body.slice(pieceStart, cut).trimEnd();
      const start = segmentStart + pieceStart;
      pieceStart = cut;
      const prev = out[out.length - 1];
      const continues = /^[\p{Ll}]/u.test(piece) && !endsWithTerminator(prev?.text ?? '');
      if (prev && (continues || endsInsideSentence(prev.text, piece, lang))) {
        prev.end = start + piece.length;
        prev.text = text.slice(prev.start, prev.end);
      } else {
        out.push({ start, end: start + piece.length, text: piece });
      }
    }
  }
}

const CLOSERS = '"\'”“»«)';

/** The text ends with . ! ? or …, maybe followed by closing quotes or brackets. */
function endsWithTerminator(text: string): boolean {
  let at = text.length - 1;
  while (at >= 0 && CLOSERS.includes(text[at])) at--;
  return at >= 0 && '.!?…'.includes(text[at]);
}

/**
 * Where a sentence starts in lower case inside one ICU segment ("thats fair. the lads are …"):
 * ICU never breaks before a lower-case word, but people typing fast do not capitalise.
 */
function lowerCaseStarts(body: string, lang: Lang): number[] {
  const cuts: number[] = [];
  // Each cut follows . ! or ? and a space: most sentences have none inside.
  if (!/[.!?]\s/.test(body)) return cuts;
  for (const m of body.matchAll(/(^|[^.\p{L}])(\p{L}{2,})([.!?]+)\s+(?=\p{Ll})/gu)) {
    // An ellipsis trails off within the sentence ("I was thinking... maybe").
    if (m[3].includes('..') || (m[3] === '.' && ABBREVIATIONS[lang].has(m[2].toLowerCase()))) continue;
    cuts.push((m.index ?? 0) + m[0].length);
  }
  return cuts;
}

/** Abbreviations after which ICU breaks but a sentence goes on (lower-cased, without the final dot). */
const ABBREVIATIONS: Record<Lang, ReadonlySet<string>> = {
  de: new Set(['z. b', 'z.b', 'd. h', 'd.h', 'u. a', 'u.a', 'bzw', 'ca', 'nr', 'hr', 'fr', 'dr', 'prof', 'vgl', 'inkl', 'evtl', 'ggf',
    'bspw', 'zzgl', 'tel', 'str', 'abs', 'mio', 'mrd', 'st', 'sog', 'usw', 'etc']),
  en: new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'e.g', 'i.e', 'vs', 'approx', 'etc', 'no', 'esp', 'dept', 'est']),
};
/** What follows an ordinal „12.“ inside a sentence: a month („am 12. Juli“) or a counted noun („zum 3. Mal“). */
const AFTER_ORDINAL = /^(?:jan(?:uar)?|feb(?:ruar)?|märz|mrz|apr(?:il)?|mai|juni?|juli?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?|mal|quartal|kalenderwoche|kw|woche|monat|tag|stock|platz|runde|entwurf|klasse|semester|jahrhundert)\b/iu;

/** One space character (`\s`) at `lastIndex`: tested in place, without cutting out the character. */
const SPACE_AT = /\s/y;

/**
 * The text from after its second-to-last space on (all of it if it has fewer). Each pattern of
 * `endsInsideSentence` ends at the text's end and spans at most one space ("z. B."), and the space
 * before the result stands where `^` now matches: they find the same in it as in the whole text,
 * without trying every position of a long sentence.
 */
export function lastTwoWords(text: string): string {
  let spaces = 0;
  for (let at = text.length - 1; at >= 0; at--) {
    SPACE_AT.lastIndex = at;
    if (SPACE_AT.test(text) && ++spaces === 2) return text.slice(at + 1);
  }
  return text;
}

/** Whether ICU's break after `prev` falls inside a sentence: an abbreviation or an ordinal date. */
function endsInsideSentence(sentence: string, next: string, lang: Lang): boolean {
  // Each case below ends with a dot.
  if (!sentence.endsWith('.')) return false;
  const prev = lastTwoWords(sentence);
  const abbreviation = /(?:^|[\s(„"'])((?:\p{L}{1,2}\. ?)?\p{L}+)\.$/u.exec(prev);
  if (abbreviation) {
    const word = abbreviation[1].toLowerCase();
    // "No." and "etc." also end sentences: they continue only before a number or a lower-case word.
    const ambiguous = word === 'no' || word === 'etc' || word === 'usw';
    if (ABBREVIATIONS[lang].has(word) && (!ambiguous || /^[\p{Ll}\d]/u.test(next))) return true;
  }
  // ICU breaks inside "z. B." too: the first letter ends `prev`, the second opens `next`.
  const halves = /(?:^|\s)(\p{L})\.$/u.exec(prev);
  const second = /^(\p{L})\./u.exec(next);
  if (halves && second && ABBREVIATIONS[lang].has(`${halves[1]}. ${second[1]}`.toLowerCase())) return true;
  if (lang !== 'de') return false;
  return /(?:^|\s)\d{1,2}\.$/u.test(prev) && AFTER_ORDINAL.test(next);
}
