/**
 * Layout: the reply's body, without the greeting that opens it ("Hi Tom,") and the closing lines
 * ("Best regards, Ann") and all after them. Picks from what the sentence and signal stages
 * already found; runs once per document, before judgement.
 */
import type { SignalledSentence } from './signals';

export interface Layout {
  /** Sentences of the reply's body, in order. */
  body: SignalledSentence[];
  /** Where the body starts: after "Hi Tom,". A sentence that opens the body is inserted here. */
  bodyStart: number;
}

/** `closingStart`: where the block of closing lines starts, if there is one. */
export function layout(sentences: readonly SignalledSentence[], closingStart: number | undefined): Layout {
  let body = [...sentences];
  let bodyStart = body[0]?.start ?? 0;
  const first = body[0];
  if (first?.greetingEnd !== undefined) {
    const rest = first.afterGreeting;
    if (rest) body[0] = { ...first, start: rest.start, text: rest.text, signals: rest.signals, roles: rest.roles };
    else body = body.slice(1);
    bodyStart = body[0]?.start ?? first.greetingEnd;
  }
  if (closingStart !== undefined) body = body.filter(s => s.start < closingStart);
  return { body, bodyStart };
}
