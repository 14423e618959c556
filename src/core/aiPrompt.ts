/**
 * The request for "Rewrite with AI": which part of a draft a language model may rewrite, and the
 * prompt that asks for it. Pure, so the prompt is the same in every host and unit tests read it.
 * The model sees the writer's own reply, the client's quoted words as context only, what the
 * engine found, the language and the form of address, and is told to keep every fact and invent
 * none: what the draft lacks becomes a bracketed placeholder for the writer to fill in.
 */
import { isPhraseRule } from './rules/meta';
import { type DocFormat, extractProse } from './prose';
import { type Analysis, type Lang, PRINCIPLES, type Principle, type Register } from './types';

/** The writer's reply inside a document: from its first to its last prose block. */
export interface RewriteTarget {
  start: number;
  end: number;
  text: string;
  /** The client's words, from `>` quotes: sent as context, never rewritten. */
  clientContext: string[];
}

/** What a rewrite may replace; undefined when the document has no prose of the writer's. */
export function rewriteTarget(text: string, format: DocFormat = 'markdown'): RewriteTarget | undefined {
  const prose = extractProse(text, format);
  const blocks = prose.blocks.filter(b => b.text.trim() !== '');
  if (blocks.length === 0) return undefined;
  const start = blocks[0].start;
  const end = blocks[blocks.length - 1].end;
  return { start, end, text: text.slice(start, end), clientContext: prose.quoted.map(q => q.trim()).filter(q => q !== '') };
}

/** The seed article's advice, in our words: what the rewrite should do. */
const ADVICE: Record<Principle, string> = {
  listen: 'Show that the request was heard: name what the client asked for.',
  empathy: 'Add one honest sentence of understanding for the client\'s situation.',
  clarify: 'Ask a real question about what the client needs, instead of closing the door.',
  expectations: 'Promise only what is certain: say what happens, by when, and what is needed from the client. No vague times such as "ASAP", "soon", "zeitnah" or "bald", no "maybe".',
  positive: 'Frame the answer by what is possible, not by what is not: no "unfortunately", "leider", "impossible", "nicht möglich".',
  alternative: 'Offer something instead: another date, a smaller scope, or someone else who can help.',
  reason: 'Give the reason for the no in one plain sentence (capacity, scope, quality or policy).',
};

const PLACEHOLDERS: Record<Lang, { reason: string; alternative: string; date: string }> = {
  en: { reason: '[your reason]', alternative: '[what you can offer instead]', date: '[date]' },
  de: { reason: '[Ihr Grund]', alternative: '[Ihr Angebot]', date: '[Datum]' },
};

function languageLine(lang: Lang, register: Register): string {
  if (lang === 'en') return 'Write in English, as the draft does.';
  const address = register === 'du' ? 'informal "du"' : 'formal "Sie"';
  return `Write in German, as the draft does, and address the client with the ${address} form throughout.`;
}

/** The markers around the draft; the model is asked to answer with the reply alone. */
const DRAFT_OPEN = '<<<DRAFT';
const DRAFT_CLOSE = 'DRAFT>>>';
const CONTEXT_OPEN = '<<<CLIENT MESSAGE (context only: do not rewrite, do not repeat)';
const CONTEXT_CLOSE = 'CLIENT MESSAGE>>>';

/**
 * The prompt as user messages (extensions may not send system messages): the instructions, then
 * the material. `analysis` is the engine's judgement of the whole draft.
 */
export function buildRewritePrompt(target: RewriteTarget, analysis: Analysis): string[] {
  const lang = analysis.language;
  const ph = PLACEHOLDERS[lang];
  const missing = PRINCIPLES.filter(p => !analysis.principles[p]);
  const kept = PRINCIPLES.filter(p => analysis.principles[p]);
  const instructions = [
    'You help a freelancer rewrite a reply that declines a client\'s request, so that the "no" keeps the relationship.',
    'A good decline does all of this:',
    ...PRINCIPLES.map(p => `- ${ADVICE[p]}`),
    '',
    'Rules for the rewrite:',
    `- ${languageLine(lang, analysis.register)}`,
    '- Keep every fact of the draft: names, numbers, prices, dates, times, places and promises stay exactly as written.',
    '- Invent nothing. Add no number, date, time, price, name, reason or offer that the draft does not contain.',
    `- Where the reply needs a reason the draft does not give, write the placeholder ${ph.reason}; where it needs an alternative the draft does not give, write ${ph.alternative}; where it needs a date it does not give, write ${ph.date}. The writer fills these in.`,
    '- Keep the greeting and the sign-off if the draft has them, and keep its Markdown. Lines that start with ">" quote the client: leave them exactly as they are.',
    '- Keep it about as long as the draft; do not add a subject line or explanations.',
    `- Answer with the rewritten reply only: no preface, no comments, no code fence, no ${DRAFT_OPEN} markers.`,
  ];
  const findings = analysis.findings.filter(f => isPhraseRule(f.ruleId));
  const material = [
    'What the coach found in the draft:',
    ...findings.map(f => `- "${f.actual}": ${f.message}`),
    ...(findings.length === 0 ? ['- No weak phrases.'] : []),
    `- Principles the draft already meets (keep them): ${kept.length ? kept.join(', ') : 'none'}.`,
    `- Principles it misses (add them, with placeholders where facts are missing): ${missing.length ? missing.join(', ') : 'none'}.`,
    '',
    ...(target.clientContext.length ? [CONTEXT_OPEN, ...target.clientContext, CONTEXT_CLOSE, ''] : []),
    'The draft to rewrite (the writer\'s own words):',
    DRAFT_OPEN,
    target.text,
    DRAFT_CLOSE,
  ];
  return [instructions.join('\n'), material.join('\n')];
}

/** The model's answer as reply text: a wrapping code fence or draft markers are taken off. */
export function rewriteFromResponse(response: string): string {
  let text = response.trim();
  const fenced = /^```[\w-]*\n([\s\S]*?)\n```$/.exec(text);
  if (fenced) text = fenced[1];
  if (text.startsWith(DRAFT_OPEN)) text = text.slice(DRAFT_OPEN.length);
  if (text.endsWith(DRAFT_CLOSE)) text = text.slice(0, -DRAFT_CLOSE.length);
  return text.trim();
}
