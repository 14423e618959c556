/**
 * Layout: the reply's body, without the greeting that opens it ("Hi Tom,") and the closing lines
 * ("Best regards, Ann") and all after them. Picks from what the sentence and signal stages
 * already found; runs once per document, before judgement. The body is a view over the blocks'
 * cached sentences: judgement usually needs only a few of them, so only those are placed in the
 * document (a keystroke in a long draft does not copy every sentence).
 */
import { sentenceAt } from './sentences';
import type { SentenceSignals, SignalledSentence } from './signals';
import type { Lang } from './types';

/** A sentence of the body, in document offsets. */
export interface BodySentence {
  start: number;
  end: number;
  text: string;
  lang: Lang;
  signals: SentenceSignals;
}

/** One block's sentences (offsets local to the block) and where the block starts. */
export interface PlacedSentences {
  offset: number;
  sentences: readonly SignalledSentence[];
}

const place = (s: SignalledSentence, offset: number): BodySentence =>
  ({ start: s.start + offset, end: s.end + offset, text: s.text, lang: s.lang, signals: s.signals });

/** The body's sentences in order, placed in the document as they are read. */
export class Body {
  constructor(
    private readonly blocks: readonly PlacedSentences[],
    /** The body's first sentence when it differs from the first block's (after a greeting), or undefined. */
    private readonly opening: BodySentence | undefined,
    /** Sentences of the first block that the body leaves out (the greeting's). */
    private readonly skip: number,
  ) {}

  *[Symbol.iterator](): Generator<BodySentence> {
    for (let b = 0; b < this.blocks.length; b++) {
      const count = this.blocks[b].sentences.length;
      for (let i = b === 0 ? this.skip : 0; i < count; i++) yield this.sentence(b, i);
    }
  }

  private sentence(block: number, index: number): BodySentence {
    const { offset, sentences } = this.blocks[block];
    return block === 0 && index === 0 && this.opening ? this.opening : place(sentences[index], offset);
  }

  find(test: (s: BodySentence) => boolean): BodySentence | undefined {
    for (const s of this) if (test(s)) return s;
    return undefined;
  }

  get first(): BodySentence | undefined {
    return this.find(() => true);
  }

  get last(): BodySentence | undefined {
    for (let b = this.blocks.length - 1; b >= 0; b--) {
      const count = this.blocks[b].sentences.length;
      if (count > (b === 0 ? this.skip : 0)) return this.sentence(b, count - 1);
    }
    return undefined;
  }

  /** The body sentence holding `offset`, if there is one. */
  at(offset: number): BodySentence | undefined {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid].offset <= offset) lo = mid; else hi = mid - 1;
    }
    const block = this.blocks[lo];
    if (!block || offset < block.offset) return undefined;
    const found = sentenceAt(block.sentences, offset - block.offset);
    if (!found) return undefined;
    const index = block.sentences.indexOf(found);
    if (lo === 0 && index < this.skip) return undefined;
    const s = this.sentence(lo, index);
    return offset >= s.start ? s : undefined;
  }
}

export interface Layout {
  body: Body;
  /** Where the body starts: after "Hi Tom,". A sentence that opens the body is inserted here. */
  bodyStart: number;
}

/** `blocks`: every prose block's sentences; `closingBlock`: the index of the closing lines' block, if any. */
export function layout(blocks: readonly PlacedSentences[], closingBlock: number | undefined): Layout {
  const kept = closingBlock === undefined ? blocks : blocks.slice(0, closingBlock);
  const withSentences = kept.findIndex(b => b.sentences.length > 0);
  if (withSentences === -1) return { body: new Body([], undefined, 0), bodyStart: 0 };
  // Blocks without sentences before the first sentence change nothing; from here on, block 0 has one.
  const body = kept.slice(withSentences);
  const { offset, sentences } = body[0];
  const first = sentences[0];
  if (first.greetingEnd === undefined) return { body: new Body(body, undefined, 0), bodyStart: first.start + offset };
  const rest = first.afterGreeting;
  if (rest) {
    const opening: BodySentence = { start: rest.start + offset, end: rest.end + offset, text: rest.text, lang: first.lang, signals: rest.signals };
    return { body: new Body(body, opening, 0), bodyStart: opening.start };
  }
  const view = new Body(body, undefined, 1);
  return { body: view, bodyStart: view.first?.start ?? first.greetingEnd + offset };
}
