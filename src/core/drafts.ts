/**
 * Which documents are reply drafts, the same in the extension and the language server. Decline
 * Coach never nags on Markdown that is not a reply: a document must match `include`, opt in (front
 * matter or comment), be an untitled draft that starts with a greeting, or have been opened for
 * review. `exclude` wins over all.
 */
import { frontMatterOf } from './prose';
import { opensWithGreeting } from './sentences';

const OPT_IN_COMMENT = /<!--\s*decline-coach\s*-->/;
/** Opt-ins and greetings are looked for in this many lines at the top. */
export const HEAD_LINES = 200;

export interface DraftFacts {
  excluded: boolean;
  openedForReview: boolean;
  included: boolean;
  untitled: boolean;
}

/** `head`: the document's first `HEAD_LINES` lines, read only when the other facts do not decide. */
export function isReplyDraftBy(facts: DraftFacts, head: () => string): boolean {
  if (facts.excluded) return false;
  if (facts.openedForReview || facts.included) return true;
  const text = head();
  if (frontMatterOf(text)['decline-coach'] === 'true' || OPT_IN_COMMENT.test(text)) return true;
  return facts.untitled && opensWithGreeting(text);
}

/** The first `lines` lines of a text, with their line breaks. */
export function headOf(text: string, lines = HEAD_LINES): string {
  let at = 0;
  for (let n = 0; n < lines; n++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return text;
    at = next + 1;
  }
  return text.slice(0, at);
}
