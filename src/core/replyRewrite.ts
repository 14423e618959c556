/**
 * Rewrite reply: one coherent reply from a draft. `replyParts` reads which parts of a good "no"
 * the draft already has, in sentences that pass the coach, and what is missing; `rewriteReply`
 * puts the body together again in the order of the principles — acknowledge → empathy → the
 * refusal framed positively → reason → alternative with a "by when" → clarifying question →
 * closing — from the writer's passing sentences (byte for byte), sentences the safe rewrites
 * repair, and sentences made of the writer's answers. What the writer did not answer stays a
 * placeholder; no fact is invented. Greeting, closing lines, signature and quoted client text stay
 * as they are. On an empty draft it composes a whole reply.
 */
import { anyMatch, compiledRules } from './compiled';
import { analyze } from './engine';
import { applyFixes } from './fixes';
import { layout, type PlacedSentences } from './layout';
import { wordsOf } from './pattern';
import { extractProse } from './prose';
import { escapeSnippet, upperFirst } from './rewrites';
import { isPhraseRule } from './rules/meta';
import { ROLES } from './roles/model';
import { blockSentences } from './sentences';
import { endsWithQuestion, signalSentences } from './signals';
import type { Analysis, Lang, Register } from './types';

/** The parts of a good "no" the rewrite looks for; `byWhen`: an honest date or time for what comes next. */
export type ReplyPart = 'acknowledge' | 'empathy' | 'reason' | 'alternative' | 'byWhen' | 'clarify';
const REPLY_PARTS: readonly ReplyPart[] = ['acknowledge', 'empathy', 'reason', 'alternative', 'byWhen', 'clarify'];

/** What the writer is asked for; the other missing parts need no facts (empathy, a clarifying question). */
export type ReplyQuestion = 'request' | 'reason' | 'alternative' | 'when';

/** Reasons offered as choices; the sentence says nothing the writer did not choose. */
export type ReasonPreset = 'workload' | 'timeline' | 'budget' | 'focus';
export const REASON_PRESETS: readonly ReasonPreset[] = ['workload', 'timeline', 'budget', 'focus'];

export interface ReplyAnswers {
  /** What the client asked for: "a brand guide for the logo package", "to add a brand guide …". */
  request?: string;
  reason?: { preset: ReasonPreset } | { text: string };
  /** What can be offered instead: "a one-page style sheet". */
  alternative?: string;
  /** By when: "Friday, 5 pm". */
  when?: string;
  /** Only for an empty draft: the client's name in the greeting, and the writer's under the closing. */
  clientName?: string;
  senderName?: string;
}

/** A sentence of the draft's body and what becomes of it. */
export interface DraftSentence {
  start: number;
  end: number;
  /** The sentence as written. */
  text: string;
  /** `kept`: as written; `repaired`: after its safe rewrites; `dropped`: its findings need more than a safe rewrite; `replaced`: a generic thanks that becomes the acknowledgement. */
  fate: 'kept' | 'repaired' | 'dropped' | 'replaced';
  /** The sentence as it goes into the rewrite (kept and repaired sentences). */
  result?: string;
  /** The parts it has once it passes. */
  parts: ReplyPart[];
  /** A question that closes rather than clarifies ("Does that work for you?"): it goes last. */
  closes?: boolean;
  /** The sentence says no, in words that pass ("I'm not available."): it goes where the refusal goes. */
  refuses?: boolean;
}

export interface ReplyPlan {
  lang: Lang;
  register: Register;
  /** The parts that passing (or safely repaired) sentences already have. */
  has: Record<ReplyPart, boolean>;
  missing: ReplyPart[];
  /** What to ask the writer, in the order to ask it. */
  questions: ReplyQuestion[];
  /** Answers proposed from the draft itself. */
  defaults: { request?: string; reason?: string };
  sentences: DraftSentence[];
  /** The draft has no prose: the whole reply is composed. */
  empty: boolean;
  /** The body the rewrite replaces: before it the greeting, quotes and front matter, after it the closing lines and signature. */
  bodyStart: number;
  bodyEnd: number;
  /** Where the body's last sentence ends. */
  lastSentenceEnd: number;
  /** What sits between the body's sentences and is not prose (code, comments, quotes): kept after the new body. */
  extras: string[];
}

export interface ReplyOptions {
  /** The language and form of address of an empty draft (otherwise the draft's own). */
  lang?: Lang;
  register?: Exclude<Register, 'neutral'>;
}

export interface RewrittenReply {
  /** The whole document, placeholders bracketed: `[your reason]`. */
  text: string;
  /** The same with placeholders as tab stops and every other `$`, `}` and `\` escaped (for an editor snippet). */
  snippet: string;
  plan: ReplyPlan;
  /** The engine's judgement of `text`. */
  analysis: Analysis;
}

type Form = 'en' | 'sie' | 'du';

/** One piece of a sentence: text as is, or a placeholder a writer fills in. */
type Piece = string | { placeholder: string };

interface Phrasebook {
  acknowledge: (request: Piece) => Piece[];
  /** The acknowledgement when the request reads as an infinitive clause ("to add …", „… zu machen“). */
  acknowledgeClause: (request: Piece) => Piece[];
  empathy: string;
  /** The "no", framed as what follows. */
  refusal: string;
  reasonPresets: Record<ReasonPreset, string>;
  reason: (own: Piece) => Piece[];
  alternative: (offer: Piece, when: Piece) => Piece[];
  when: (when: Piece) => Piece[];
  clarify: string;
  greeting: (name: string) => string;
  closing: string;
  placeholders: Record<'request' | 'reason' | 'alternative' | 'when' | 'sender', string>;
}

const EN: Phrasebook = {
  acknowledge: r => ['Thank you for your request about ', r, '.'],
  acknowledgeClause: r => ['Thank you for your request ', r, '.'],
  empathy: 'I understand why this matters to you.',
  refusal: 'I would like to propose a different approach.',
  reasonPresets: {
    workload: 'My schedule is fully booked right now, and I want to give every project the care it deserves.',
    timeline: 'The timeline is too tight to do this properly, and I want the result to hold up.',
    budget: 'This goes beyond what the agreed budget covers, and I want to stay within what we agreed.',
    focus: 'This lies outside my focus, and you deserve a specialist for it.',
  },
  reason: r => ['The reason is that ', r, '.'],
  alternative: (o, w) => ['What I can offer instead is ', o, ' by ', w, '.'],
  when: w => ['You will hear from me by ', w, '.'],
  clarify: 'Could you tell me what matters most to you here?',
  greeting: name => `Hi${name ? ` ${name}` : ''},`,
  closing: 'Best regards,',
  placeholders: { request: 'what they asked for', reason: 'your reason', alternative: 'what you can offer', when: 'date', sender: 'your name' },
};

const DE_SIE: Phrasebook = {
  acknowledge: r => ['Vielen Dank für Ihre Anfrage zu ', r, '.'],
  acknowledgeClause: r => ['Vielen Dank für Ihre Anfrage, ', r, '.'],
  empathy: 'Ich verstehe, wie wichtig Ihnen das ist.',
  refusal: 'Dafür schlage ich Ihnen einen anderen Weg vor.',
  reasonPresets: {
    workload: 'Mein Kalender ist derzeit ausgebucht, und ich möchte jedem Projekt die Sorgfalt geben, die es verdient.',
    timeline: 'Der Zeitrahmen ist zu eng, um das sorgfältig umzusetzen, und das Ergebnis soll Bestand haben.',
    budget: 'Das geht über das vereinbarte Budget hinaus, und ich möchte bei dem bleiben, was wir vereinbart haben.',
    focus: 'Das liegt außerhalb meines Schwerpunkts, und Sie verdienen dafür eine Fachkraft.',
  },
  reason: r => ['Der Grund dafür: ', r, '.'],
  alternative: (o, w) => ['Was ich Ihnen stattdessen anbieten kann: ', o, ', bis ', w, '.'],
  when: w => ['Sie hören bis ', w, ' von mir.'],
  clarify: 'Können Sie mir sagen, was Ihnen dabei am wichtigsten ist?',
  greeting: name => `${name ? `Guten Tag ${name}` : 'Guten Tag'},`,
  closing: 'Mit freundlichen Grüßen',
  placeholders: { request: 'Ihrer Anfrage', reason: 'Ihr Grund', alternative: 'Ihr Angebot', when: 'Datum', sender: 'Ihr Name' },
};

const DE_DU: Phrasebook = {
  ...DE_SIE,
  acknowledge: r => ['Danke für deine Anfrage zu ', r, '.'],
  acknowledgeClause: r => ['Danke für deine Anfrage, ', r, '.'],
  empathy: 'Ich verstehe, wie wichtig dir das ist.',
  refusal: 'Dafür schlage ich dir einen anderen Weg vor.',
  reasonPresets: {
    ...DE_SIE.reasonPresets,
    focus: 'Das liegt außerhalb meines Schwerpunkts, und du verdienst dafür eine Fachkraft.',
  },
  alternative: (o, w) => ['Was ich dir stattdessen anbieten kann: ', o, ', bis ', w, '.'],
  when: w => ['Du hörst bis ', w, ' von mir.'],
  clarify: 'Kannst du mir sagen, was dir dabei am wichtigsten ist?',
  greeting: name => `Hallo${name ? ` ${name}` : ''},`,
  closing: 'Viele Grüße',
  placeholders: { request: 'deiner Anfrage', reason: 'dein Grund', alternative: 'dein Angebot', when: 'Datum', sender: 'dein Name' },
};

const PHRASEBOOKS: Record<Form, Phrasebook> = { en: EN, sie: DE_SIE, du: DE_DU };

/** The reason sentences offered as choices, in the draft's language and form of address. */
export function reasonPresetText(lang: Lang, register: Register, preset: ReasonPreset): string {
  return PHRASEBOOKS[formOf(lang, register)].reasonPresets[preset];
}

function formOf(lang: Lang, register: Register): Form {
  return lang === 'en' ? 'en' : register === 'du' ? 'du' : 'sie';
}

/** A date, a weekday, a time of day: an honest "by when" ("by Friday", „bis 12. März“). */
const BY_WHEN: Record<Lang, RegExp> = {
  en: /\b(?:by|until|before|on|from|next|this)\s+(?:the\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|tomorrow|tonight|noon|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|end\s+of|week|month)/i,
  de: /\b(?:bis|am|ab|zum|vor|nächsten?|kommenden?|diese[nm]?)\s+(?:zum\s+|spätestens\s+|Ende\s+|Mitte\s+|Anfang\s+)?(?:\d|mo|di|mi|do|fr|sa|so|morgen|jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez|woche|monat)/i,
};

/** Only thanks, no specific request: "Thanks for your email.", „vielen Dank für Ihre Nachricht.“ */
const GENERIC_THANKS = /^\P{L}*(?:many thanks|thank you|thanks|vielen dank|herzlichen dank|besten dank|danke)\b[^,;:?]*[.!]?\s*$/iu;

const END_PUNCTUATION = /[.!?…]["'”“»«)\]*_~]*\s*$/u;
/** A sentence that leads into what follows ("Here are two options:") needs no full stop of its own. */
const LEADS_ON = /[:;,]\s*$/u;
const EMPHASIS = /[*_~]/;
const clean = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[.!?;,:]+$/, '').trim();

/** What one sentence, read alone, satisfies (the engine's own judgement), and whether anything is flagged in it. */
interface AloneJudgement {
  parts: ReplyPart[];
  flagged: boolean;
  closingQuestion: boolean;
  refusal: boolean;
}

/** Judgements of sentences read alone, by language and text: drafts repeat themselves, and a repaired sentence is read twice. */
const judgedAlone = new Map<string, AloneJudgement>();
const JUDGED_ALONE_LIMIT = 2000;

function judgeAlone(sentence: string, lang: Lang): AloneJudgement {
  const key = `${lang}|${sentence}`;
  let judged = judgedAlone.get(key);
  if (!judged) {
    // A bounded memory: cleared when full, never holding more than a few drafts' sentences.
    if (judgedAlone.size >= JUDGED_ALONE_LIMIT) judgedAlone.clear();
    judgedAlone.set(key, (judged = judgeSentence(sentence, lang)));
  }
  return judged;
}

function judgeSentence(sentence: string, lang: Lang): AloneJudgement {
  const a = analyze(sentence, { language: lang });
  const p = a.principles;
  const parts: ReplyPart[] = [];
  if (p.listen) parts.push('acknowledge');
  if (p.empathy) parts.push('empathy');
  if (p.reason) parts.push('reason');
  if (p.alternative) parts.push('alternative');
  if (p.clarify) parts.push('clarify');
  // A date counts where something is offered or promised ("What I can do is … by Friday", "You will hear from me by Friday"),
  // not where it explains, thanks or asks ("We are booked this month.").
  const promise = p.alternative || !(p.listen || p.empathy || p.reason || p.clarify);
  if (promise && BY_WHEN[lang].test(sentence)) parts.push('byWhen');
  // Flagged in either language: moved into a paragraph of the other language, it must still pass.
  const flaggedIn = (x: Analysis) => x.findings.some(f => isPhraseRule(f.ruleId));
  const flagged = flaggedIn(a) || flaggedIn(analyze(sentence, { language: lang === 'en' ? 'de' : 'en' }));
  const roles = a.sentences[0]?.roles;
  const closingQuestion = !p.clarify && endsWithQuestion(sentence.trim()) && Boolean(roles && roles['closing-question'] >= roles.other);
  const refusal = Boolean(roles && ROLES.every(r => roles[r] <= roles.refusal));
  return { parts, flagged, closingQuestion, refusal };
}

interface Structure {
  /** The body: from after the greeting to the closing lines (or the last sentence). */
  bodyStart: number;
  bodyEnd: number;
  sentences: Array<{ start: number; end: number }>;
  /** Quoted client text (`>` lines, joined). */
  quoted: string[];
}

/**
 * Where the body is, with the engine's own stages (one language for the whole draft). `lastFlagged`:
 * where the last flagged phrase ends; a block after the closing lines with one ("PS: Unfortunately …")
 * joins the body, so the rewrite leaves nothing flagged behind.
 */
function structureOf(text: string, lang: Lang, lastFlagged: number): Structure {
  const prose = extractProse(text, 'markdown');
  const placed: PlacedSentences[] = [];
  let closingBlock: number | undefined;
  prose.blocks.forEach((block, i) => {
    const sentences = signalSentences(blockSentences(block.text, lang, true));
    placed.push({ offset: block.start, sentences });
    const trimmed = block.text.trim();
    if (closingBlock === undefined && i > 0 && trimmed.split(/\s+/).length <= 8 && anyMatch(compiledRules(lang).closing, trimmed, wordsOf(trimmed))) {
      closingBlock = i;
    }
  });
  const flaggedBlock = prose.blocks.findIndex(b => b.start < lastFlagged && lastFlagged <= b.end);
  let blocks = placed;
  if (closingBlock !== undefined && flaggedBlock >= closingBlock) {
    blocks = placed.slice(0, flaggedBlock + 1);
    closingBlock = undefined;
  }
  const { body, bodyStart } = layout(blocks, closingBlock);
  // A sentence's own extent: from its first to its last character of prose (blanked markup around it is not its own).
  // Emphasis marks that open or close right at its edges are its own ("**Option A:** I can …").
  const sentences = [...body].map(s => {
    let start = s.start + s.text.length - s.text.trimStart().length;
    let end = s.start + s.text.trimEnd().length;
    while (start > 0 && EMPHASIS.test(text[start - 1])) start--;
    while (end < text.length && EMPHASIS.test(text[end])) end++;
    return { start, end };
  }).filter(s => s.end > s.start);
  const last = sentences[sentences.length - 1];
  const bodyEnd = closingBlock !== undefined ? prose.blocks[closingBlock].start : last ? last.end : text.length;
  return { bodyStart: sentences.length ? Math.min(bodyStart, sentences[0].start) : bodyStart, bodyEnd: Math.max(bodyEnd, bodyStart), sentences, quoted: prose.quoted };
}

/** The request as the client put it, from their quoted message: "Could you add X?" → "to add X". */
function requestFromQuote(quoted: readonly string[], lang: Lang): string | undefined {
  const all = quoted.join(' ');
  const ask = all.indexOf('?');
  if (ask === -1) return undefined;
  // The question's own sentence: after the last full stop that ends a sentence, not a date's („1. März“).
  const q = all.slice(0, ask).split(/(?<=[^\d\s][.!])\s+/).pop()?.trim() ?? '';
  if (lang === 'en') {
    const m = /^(?:could|can|would|will)\s+you\s+(?:please\s+)?(.+)$/i.exec(q);
    return m ? `to ${m[1].replace(/\bplease\s+/i, '')}` : undefined;
  }
  const m = /^(?:können|könnten|würden|kannst|könntest|würdest)\s+(?:sie|du)\s+(?:bitte\s+)?(.+)\s+(\p{L}+)$/iu.exec(q);
  if (!m) return undefined;
  // Fillers of a question turned into a plain request.
  const rest = m[1].replace(/(?<!\p{L})(?:nicht|doch|schon|eventuell|vielleicht|bitte|noch)(?!\p{L})\s*/giu, '').trim();
  // A separable verb takes its „zu“ inside: „umbauen“ → „umzubauen“, „fertig machen“ → „fertig zu machen“.
  const separable = /^(ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|um|vor|weg|weiter|zurück|zusammen)(\p{L}{3,})$/iu.exec(m[2]);
  return separable ? `${rest} ${separable[1]}zu${separable[2]}` : `${rest} zu ${m[2]}`;
}

/** A clause of a dropped sentence that gives a reason and passes alone: the default reason. */
function reasonFromDropped(dropped: readonly DraftSentence[], lang: Lang): string | undefined {
  for (const s of dropped) {
    for (const clause of s.text.split(/[,;:–—]\s*/)) {
      const c = clean(clause);
      if (c.split(/\s+/).length < 3) continue;
      const judged = judgeAlone(`${c}.`, lang);
      if (!judged.flagged && judged.parts.includes('reason')) return c.charAt(0).toLowerCase() + c.slice(1);
    }
  }
  return undefined;
}

/** Markup in the sentence opens and closes inside it: nothing after it would turn into code, a comment or a link. */
function selfContained(sentence: string): boolean {
  // Inside a paragraph, and opening one ("On Mon, Ann wrote:" there would cut off all after it).
  return [`${sentence} Zz.`, `Zz.\n\n${sentence}\n\nZz.`].every(context => {
    const prose = extractProse(context, 'markdown');
    const last = prose.blocks[prose.blocks.length - 1];
    return Boolean(last && last.end === context.length && last.text.endsWith('Zz.'));
  });
}

/** The sentence with its safe rewrites applied, if that leaves nothing flagged in it. */
function repaired(text: string, analysis: Analysis, s: { start: number; end: number }, lang: Lang): string | undefined {
  const fixes = analysis.findings
    .filter(f => isPhraseRule(f.ruleId) && f.start < s.end && f.end > s.start)
    .flatMap(f => f.fixes.filter(x => x.preferred && x.edits.every(e => e.start >= s.start && e.end <= s.end)));
  if (fixes.length === 0) return undefined;
  const local = fixes.map(f => ({ ...f, edits: f.edits.map(e => ({ ...e, start: e.start - s.start, end: e.end - s.start })) }));
  const result = applyFixes(text.slice(s.start, s.end), local).text.trim();
  return result && selfContained(result) && !judgeAlone(result, lang).flagged ? result : undefined;
}

/** Which parts the draft has in passing sentences, what is missing, what to ask, and defaults from the draft. */
export function replyParts(text: string, options: ReplyOptions = {}): ReplyPlan {
  const analysis = analyze(text);
  const empty = analysis.proseLength === 0;
  const lang = empty ? options.lang ?? analysis.language : analysis.language;
  const register: Register = lang === 'en' ? 'neutral' : empty ? options.register ?? 'sie' : analysis.register === 'neutral' ? 'sie' : analysis.register;
  const lastFlagged = analysis.findings.reduce((end, f) => (isPhraseRule(f.ruleId) ? Math.max(end, f.end) : end), 0);
  const structure = structureOf(text, lang, lastFlagged);
  const flaggedAt = (s: { start: number; end: number }) => analysis.findings.some(f => isPhraseRule(f.ruleId) && f.start < s.end && f.end > s.start);
  const sentences: DraftSentence[] = structure.sentences.map(s => {
    const written = text.slice(s.start, s.end);
    const own = written.trim();
    if (!flaggedAt(s) && selfContained(own)) {
      const judged = judgeAlone(own, lang);
      if (!judged.flagged) return { ...s, text: written, fate: 'kept', result: own, parts: judged.parts, closes: judged.closingQuestion, refuses: judged.refusal };
    }
    const fixed = repaired(text, analysis, s, lang);
    if (fixed) {
      const judged = judgeAlone(fixed, lang);
      return { ...s, text: written, fate: 'repaired', result: fixed, parts: judged.parts, closes: judged.closingQuestion, refuses: judged.refusal };
    }
    return { ...s, text: written, fate: 'dropped', parts: [] };
  });
  const has = Object.fromEntries(REPLY_PARTS.map(p => [p, sentences.some(s => s.parts.includes(p))])) as Record<ReplyPart, boolean>;
  // A generic thanks opening the body becomes the acknowledgement rather than a second thanks.
  const opening = sentences[0];
  if (!has.acknowledge && opening?.fate === 'kept' && GENERIC_THANKS.test(opening.text)) opening.fate = 'replaced';
  const missing = REPLY_PARTS.filter(p => !has[p]);
  const questions: ReplyQuestion[] = [];
  if (!has.acknowledge) questions.push('request');
  if (!has.reason) questions.push('reason');
  if (!has.alternative) questions.push('alternative');
  if (!has.alternative || !has.byWhen) questions.push('when');
  const dropped = sentences.filter(s => s.fate === 'dropped');
  return {
    lang, register, has, missing, questions, sentences, empty, ...boundsOf(text, structure),
    defaults: { request: requestFromQuote(structure.quoted, lang), reason: reasonFromDropped(dropped, lang) },
  };
}

/** Renders sentences of pieces twice: plain text with bracketed placeholders, and a snippet with tab stops. */
class Renderer {
  private stop = 0;
  plain(pieces: readonly Piece[]): string {
    return pieces.map(p => (typeof p === 'string' ? p : `[${p.placeholder}]`)).join('');
  }
  snippet(pieces: readonly Piece[]): string {
    return pieces.map(p => (typeof p === 'string' ? escapeSnippet(p) : `\${${++this.stop}:${escapeSnippet(p.placeholder)}}`)).join('');
  }
}

const answerOr = (answer: string | undefined, placeholder: string): Piece => {
  const given = answer === undefined ? '' : clean(answer);
  return given ? given : { placeholder };
};

/** The writer's answer for "by when", without a "by"/„bis“ of its own. */
const whenPiece = (answer: string | undefined, placeholder: string): Piece => {
  const piece = answerOr(answer, placeholder);
  return typeof piece === 'string' ? piece.replace(/^(?:by|until|bis)\s+/i, '') || { placeholder } : piece;
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

type Slot = 'acknowledge' | 'empathy' | 'refusal' | 'reason' | 'alternative' | 'clarify' | 'closing';
const SLOTS: readonly Slot[] = ['acknowledge', 'empathy', 'refusal', 'reason', 'alternative', 'clarify', 'closing'];
/** Paragraphs of the reply: the listening, the answer, the question. */
const PARAGRAPHS: ReadonlyArray<readonly Slot[]> = [['acknowledge', 'empathy'], ['refusal', 'reason', 'alternative'], ['clarify', 'closing']];

/**
 * Rewrites the draft's body into one reply in principle order; see the file's opening comment.
 * `plan`: `replyParts(text, options)` when the caller has it already (it showed the writer what the draft has).
 */
export function rewriteReply(text: string, answers: ReplyAnswers = {}, options: ReplyOptions = {}, plan = replyParts(text, options)): RewrittenReply {
  const book = PHRASEBOOKS[formOf(plan.lang, plan.register)];
  const ph = book.placeholders;
  // Each slot's sentences, as pieces of text and placeholders.
  const slots = Object.fromEntries(SLOTS.map(s => [s, [] as Piece[][]])) as Record<Slot, Piece[][]>;
  const add = (slot: Slot, pieces: Piece[]) => slots[slot].push(pieces);

  if (!plan.has.acknowledge) {
    const request = answerOr(answers.request ?? plan.defaults.request, ph.request);
    const clause = typeof request === 'string' && (plan.lang === 'en' ? /^to\s/i.test(request) : /\bzu\s+\p{L}+$/u.test(request));
    add('acknowledge', clause ? book.acknowledgeClause(request) : book.acknowledge(request));
  }
  if (!plan.has.empathy) add('empathy', [book.empathy]);
  // Where the draft said no and that sentence goes, the answer is framed as what follows.
  if (plan.empty || (plan.sentences.some(s => s.fate === 'dropped') && !plan.sentences.some(s => s.result === book.refusal))) add('refusal', [book.refusal]);
  if (!plan.has.reason) {
    const reason = answers.reason;
    if (reason && 'preset' in reason) add('reason', [book.reasonPresets[reason.preset]]);
    else add('reason', book.reason(answerOr(reason?.text, ph.reason)));
  }
  if (!plan.has.alternative) add('alternative', book.alternative(answerOr(answers.alternative, ph.alternative), whenPiece(answers.when, ph.when)));
  else if (!plan.has.byWhen) add('alternative', book.when(whenPiece(answers.when, ph.when)));
  if (!plan.has.clarify) add('clarify', [book.clarify]);

  // The writer's passing sentences go where their part belongs; a sentence of no part stays after the one it followed.
  let previous: Slot = 'acknowledge';
  const own: Array<{ slot: Slot; text: string }> = [];
  for (const s of plan.sentences) {
    if (s.result === undefined || s.fate === 'replaced' || s.fate === 'dropped') continue;
    // The framed "no" of an earlier rewrite stays where the rewrite put it: rewriting twice changes nothing.
    const slot: Slot = s.result === book.refusal ? 'refusal' : s.closes ? 'closing'
      : s.parts.includes('acknowledge') ? 'acknowledge'
        : s.parts.includes('empathy') ? 'empathy'
          : s.parts.includes('reason') ? 'reason'
            : s.parts.includes('alternative') ? 'alternative'
              : s.parts.includes('clarify') ? 'clarify'
                : s.refuses ? 'refusal' : previous;
    // A fragment without its full stop would run into the next sentence.
    own.push({ slot, text: END_PUNCTUATION.test(s.result) || LEADS_ON.test(s.result) ? s.result : `${s.result}.` });
    previous = slot;
  }
  // The writer's sentences come before the added ones of the same part: theirs say it first.
  for (const slot of SLOTS) slots[slot].unshift(...own.filter(o => o.slot === slot).map(o => [o.text]));

  const head = text.slice(0, plan.empty ? text.length : plan.bodyStart);
  // German bodies after "Hallo Herr Vogt," start in lower case; a sentence moved from there takes a capital.
  const lowerOpening = plan.lang === 'de' && (plan.empty || (/,\s*$/.test(head) && /^\p{Ll}/u.test(plan.sentences[0]?.text.trim() ?? '')));
  const renderer = new Renderer();
  const plainParagraphs: string[] = [];
  const snippetParagraphs: string[] = [];
  let first = true;
  for (const paragraph of PARAGRAPHS) {
    let plain = '';
    let snippet = '';
    for (const slot of paragraph) {
      for (let pieces of slots[slot]) {
        const lead = pieces[0];
        if (typeof lead === 'string') {
          const cased = first && lowerOpening ? lowerFirst(lead) : first || !/^\p{Ll}/u.test(lead) ? lead : upperFirst(lead);
          pieces = [cased, ...pieces.slice(1)];
        }
        first = false;
        const separator = plain === '' ? '' : ' ';
        plain += separator + renderer.plain(pieces);
        snippet += separator + renderer.snippet(pieces);
      }
    }
    if (plain) {
      plainParagraphs.push(plain);
      snippetParagraphs.push(snippet);
    }
  }
  let plainBody = plainParagraphs.join('\n\n');
  let snippetBody = snippetParagraphs.join('\n\n');
  let out: { text: string; snippet: string };
  if (!plan.empty) {
    const extras = plan.extras.length ? `\n\n${plan.extras.join('\n\n')}` : '';
    const tail = text.slice(plan.bodyEnd);
    const between = text.slice(plan.lastSentenceEnd, plan.bodyEnd);
    const gap = /^\s*$/.test(between) && !extras ? between : tail === '' ? '' : '\n\n';
    plainBody += extras;
    snippetBody += escapeSnippet(extras);
    out = { text: head + plainBody + gap + tail, snippet: escapeSnippet(head) + snippetBody + gap + escapeSnippet(tail) };
  } else {
    const greeting = book.greeting(clean(answers.clientName ?? ''));
    const sender: Piece = answerOr(answers.senderName, ph.sender);
    const reply = {
      text: `${greeting}\n\n${plainBody}\n\n${book.closing}\n${renderer.plain([sender])}\n`,
      snippet: `${escapeSnippet(greeting)}\n\n${snippetBody}\n\n${escapeSnippet(book.closing)}\n${renderer.snippet([sender])}\n`,
    };
    if (head.trim() === '') return { ...reply, plan, analysis: analyze(reply.text) };
    // After what the document holds (the client's quoted message); before it where that would hide the reply (an open code fence, a signature).
    const lead = head + '\n'.repeat(/\n\s*\n\s*$/.test(head) ? 0 : /\n\s*$/.test(head) ? 1 : 2);
    const after = { text: lead + reply.text, snippet: escapeSnippet(lead) + reply.snippet };
    const judged = analyze(after.text);
    if (judged.verdict === 'good') return { ...after, plan, analysis: judged };
    out = { text: `${reply.text}\n${head}`, snippet: `${reply.snippet}\n${escapeSnippet(head)}` };
  }
  return { ...out, plan, analysis: analyze(out.text) };
}

/** The body's bounds in the draft, and what between its sentences is not prose. */
function boundsOf(text: string, s: Structure): Pick<ReplyPlan, 'bodyStart' | 'bodyEnd' | 'lastSentenceEnd' | 'extras'> {
  const extras: string[] = [];
  let from = s.bodyStart;
  for (const sentence of [...s.sentences, { start: s.bodyEnd, end: s.bodyEnd }]) {
    const gap = text.slice(from, sentence.start);
    // List markers and heading marks go with the old layout; anything else between sentences stays.
    const rest = gap.split(/\r?\n/).map(line => line.replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})(?=\s|$)/, '').trim()).filter(Boolean);
    if (rest.length) extras.push(gap.trim());
    from = Math.max(from, sentence.end);
  }
  const last = s.sentences[s.sentences.length - 1];
  return { bodyStart: s.bodyStart, bodyEnd: s.bodyEnd, lastSentenceEnd: last ? last.end : s.bodyEnd, extras };
}
