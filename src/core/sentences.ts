import type { Lang } from './types';

export interface Sentence {
  /** Offsets into the text that was segmented. */
  start: number;
  end: number;
  text: string;
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
    const continues = /^[\p{Ll}]/u.test(body) && !/[.!?…]["'”“»«)]*$/u.test(prev?.text ?? '');
    if (prev && (continues || endsInsideSentence(prev.text, body, lang))) {
      prev.end = start + body.length;
      prev.text = text.slice(prev.start, prev.end);
    } else {
      out.push({ start, end: start + body.length, text: body });
    }
  }
}

/** Abbreviations after which ICU breaks but a sentence goes on (lower-cased, without the final dot). */
const ABBREVIATIONS: Record<Lang, ReadonlySet<string>> = {
  de: new Set(['z. b', 'z.b', 'd. h', 'd.h', 'u. a', 'u.a', 'bzw', 'ca', 'nr', 'hr', 'fr', 'dr', 'prof', 'vgl', 'inkl', 'evtl', 'ggf',
    'bspw', 'zzgl', 'tel', 'str', 'abs', 'mio', 'mrd', 'st', 'sog', 'usw', 'etc']),
  en: new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'e.g', 'i.e', 'vs', 'approx', 'etc', 'no', 'esp', 'dept', 'est']),
};
/** What follows an ordinal „12.“ inside a sentence: a month („am 12. Juli“) or a counted noun („zum 3. Mal“). */
const AFTER_ORDINAL = /^(?:jan(?:uar)?|feb(?:ruar)?|märz|mrz|apr(?:il)?|mai|juni?|juli?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?|mal|quartal|kalenderwoche|kw|woche|monat|tag|stock|platz|runde|entwurf|klasse|semester|jahrhundert)\b/iu;

/** Whether ICU's break after `prev` falls inside a sentence: an abbreviation or an ordinal date. */
function endsInsideSentence(prev: string, next: string, lang: Lang): boolean {
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
