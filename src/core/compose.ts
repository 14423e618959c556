/**
 * Compose decline reply: the rewrite of an empty draft. Greeting, the parts of a good "no" in
 * principle order from the writer's answers, the closing and the sender's name (a tab stop in the
 * snippet, so the writer fills it in last).
 */
import { type ReplyAnswers, rewriteReply, type RewrittenReply } from './replyRewrite';
import type { Lang, Register } from './types';

export interface ComposeInput extends ReplyAnswers {
  lang: Lang;
  /** German only; English has one form of address. */
  register: Exclude<Register, 'neutral'>;
}

/** A complete reply that says no along all the seed's principles, in the chosen language and form. */
export function composeReply({ lang, register, ...answers }: ComposeInput): RewrittenReply {
  return rewriteReply('', answers, { lang, register });
}
