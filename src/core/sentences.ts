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
  for (const seg of segmenter(lang).segment(text)) {
    const raw = seg.segment;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    // ICU also breaks after a newline inside a paragraph; a lower-case start continues the sentence.
    const start = seg.index + lead;
    const prev = out[out.length - 1];
    if (prev && /^[\p{Ll}]/u.test(body) && !/[.!?…]["'”“»«)]*$/u.test(prev.text)) {
      prev.end = start + body.length;
      prev.text = text.slice(prev.start, prev.end);
    } else {
      out.push({ start, end: start + body.length, text: body });
    }
  }
  return out;
}
