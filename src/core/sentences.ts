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
    if (prev && /^[\p{Ll}]/u.test(body) && !/[.!?…]["'”“»«)]*$/u.test(prev.text)) {
      prev.end = start + body.length;
      prev.text = text.slice(prev.start, prev.end);
    } else {
      out.push({ start, end: start + body.length, text: body });
    }
  }
}
