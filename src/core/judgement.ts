/**
 * Stage 5, judgement: from the reply's body, its sentences' signals and the reported phrase
 * findings, decides which of the seven principles the draft satisfies, and reports each missing
 * one as a document finding anchored on a sentence, with the sentence to insert. The document
 * rules are a table: which sentence a finding sits on, and after which one the fix inserts.
 */
import { anyMatch, compiledRules } from './compiled';
import type { Body, BodySentence, Layout } from './layout';
import { principleNote, ruleMessage } from './messages';
import { insertFix, insertText, replaceSentenceFix } from './rewrites';
import { RULE_INFO } from './rules/meta';
import type { LanguageRules } from './rules/schema';
import { roleModel, type Role } from './roles/model';
import { wordsOf } from './pattern';
import { contentWords, endsWithQuestion, type SentenceSignals } from './signals';
import type { Finding, Lang, Principle, Register, RuleId, Severity } from './types';

/** Everything judgement reads, in one place. */
export interface JudgementContext {
  text: string;
  layout: Layout;
  /** The client's quoted words (`>` lines). */
  quoted: readonly string[];
  /** Phrase findings as reported (after the finding filters), in text order. */
  phrases: readonly Finding[];
  register: Register;
  docLang: Lang;
  /** The language of messages for a sentence in `lang`. */
  messageLang: (lang: Lang) => Lang;
  /** Whether the role model's evidence counts beside the rules. */
  roleModel: boolean;
}

export interface Judgement {
  principles: Record<Principle, boolean>;
  findings: Finding[];
}

/** The sentences document rules anchor on and insert after. */
interface Landmarks {
  first: BodySentence;
  last: BodySentence;
  /** The first sentence with a negative phrase. */
  refusal?: BodySentence;
  acknowledgement?: BodySentence;
  /** The body's opening when it is a generic thanks ("Thanks for your email."): the acknowledgement replaces it. */
  thanks?: BodySentence;
  empathy?: BodySentence;
  reason?: BodySentence;
}

type MissingRule = Exclude<RuleId, 'negative-phrasing' | 'vague-commitment' | 'custom-phrase' | 'never-promise'>;

interface DocumentRule {
  rule: MissingRule;
  /** The sentence the finding is shown on. */
  anchor: (l: Landmarks) => BodySentence;
  /** The inserted sentence follows this one; undefined: it opens the body. */
  insertAfter: (l: Landmarks) => BodySentence | undefined;
  /** A sentence the rule's sentence replaces instead of being inserted. */
  replace?: (l: Landmarks) => BodySentence | undefined;
  severity?: (principles: Record<Principle, boolean>) => Severity;
}

/**
 * In report order. Each inserts the rule's principle's sentence from the rule data, where a good
 * reply has it: acknowledge → empathy → reason → alternative → clarifying question.
 */
const DOCUMENT_RULES: readonly DocumentRule[] = [
  { rule: 'missing-acknowledgement', anchor: l => l.first, insertAfter: () => undefined, replace: l => l.thanks },
  { rule: 'missing-empathy', anchor: l => l.first, insertAfter: l => l.acknowledgement ?? l.thanks },
  { rule: 'missing-reason', anchor: l => l.refusal ?? l.first, insertAfter: l => l.refusal ?? l.empathy ?? l.acknowledgement ?? l.thanks },
  {
    // After the reason when it follows the refusal: the alternative comes last but for the question.
    rule: 'missing-alternative', anchor: l => l.refusal ?? l.last,
    insertAfter: l => (l.reason && l.refusal && l.reason.start > l.refusal.start ? l.reason : l.refusal) ?? l.reason ?? l.last,
    // A clarifying question already keeps the door open.
    severity: p => (p.clarify ? 'info' : 'warning'),
  },
  { rule: 'missing-clarifying-question', anchor: l => l.last, insertAfter: l => l.last },
];

/** The reply restates the client's quoted words: at least two specific words recur. */
function echoesQuote(quoted: readonly string[], body: Body, lang: Lang): boolean {
  if (quoted.length === 0) return false;
  const c = compiledRules(lang);
  const split = (t: string) => contentWords(t.replace(/-/g, ' '), c.genericWords, lang);
  const asked = new Set(quoted.flatMap(split));
  const said = new Set([...body].flatMap(s => split(s.text)));
  let shared = 0;
  for (const w of asked) if (said.has(w)) shared++;
  return shared >= 2;
}

/**
 * Where the role model adds to the rules: a sentence satisfies the principle when the rules say
 * so, or the model gives the role a score at which its cross-validated precision is high (the
 * rules are precise; the model adds recall without diluting that). See docs/roles.md.
 */
const MODEL_EVIDENCE: Partial<Record<keyof SentenceSignals, Role>> = {
  listen: 'acknowledge',
  empathy: 'empathy',
  reason: 'reason',
  alternative: 'alternative',
  clarify: 'clarify',
};

/** Whether a sentence satisfies a principle, by the rules or, where it counts, by the model. */
function says(s: BodySentence, principle: keyof SentenceSignals, useModel: boolean): boolean {
  if (s.signals[principle]) return true;
  const role = MODEL_EVIDENCE[principle];
  if (!useModel || !role) return false;
  const score = s.roles[role];
  // Confident, and more likely than "none of the roles" ("Thank you for considering me!").
  if (score < roleModel(s.lang).confident(role) || score <= s.roles.other) return false;
  // A question about the client's needs, not one that closes or asks to choose.
  return principle !== 'clarify' || (endsWithQuestion(s.text) && score > s.roles['closing-question']);
}

/** The body's first sentence when it only thanks („Danke.“, "Thanks for your email."): one clause, nothing flagged. */
function genericThanks(first: BodySentence, ctx: JudgementContext): BodySentence | undefined {
  if (!/^[^,;:]*$/.test(first.text.trim().replace(/[.!]+$/, ''))) return undefined;
  if (ctx.phrases.some(f => f.start >= first.start && f.start < first.end)) return undefined;
  const bareThanks = /^\P{L}*(?:many thanks|thank you|thanks|vielen dank|herzlichen dank|besten dank|danke)\P{L}*$/iu.test(first.text);
  return bareThanks || anyMatch(compiledRules(first.lang).ackOpeners, first.text, wordsOf(first.text)) ? first : undefined;
}

/**
 * Where a sentence inserted after `after` goes: at its end, unless that end is only a number's
 * full stop inside a date („am 12. | Juli“); then after the sentence that goes on.
 */
function insertionPoint(text: string, body: Body, after: BodySentence): number {
  let s: BodySentence | undefined = after;
  for (let hops = 0; s && hops < 3; hops++) {
    if (!/\d\.$/.test(text.slice(s.start, s.end).trimEnd()) || !/^\s+[\p{L}\d]/u.test(text.slice(s.end, s.end + 3))) return s.end;
    const from: number = s.end;
    s = body.find(x => x.start >= from);
  }
  return (s ?? after).end;
}

export function judgeDocument(ctx: JudgementContext): Judgement {
  const { body, bodyStart } = ctx.layout;
  const vague = ctx.phrases.filter(f => f.principle === 'expectations').map(f => f.start).sort((a, b) => a - b);
  const inVague = (s: BodySentence) => {
    let lo = 0;
    let hi = vague.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (vague[mid] < s.start) lo = mid + 1; else hi = mid; }
    return lo < vague.length && vague[lo] < s.end;
  };
  const has = (s: BodySentence, principle: keyof SentenceSignals) => says(s, principle, ctx.roleModel);
  const acknowledgement = body.find(s => has(s, 'listen'));
  const empathy = body.find(s => has(s, 'empathy'));
  const reason = body.find(s => has(s, 'reason'));
  const principles: Record<Principle, boolean> = {
    listen: Boolean(acknowledgement) || echoesQuote(ctx.quoted, body, ctx.docLang),
    empathy: Boolean(empathy),
    clarify: Boolean(body.find(s => has(s, 'clarify'))),
    expectations: !ctx.phrases.some(f => f.principle === 'expectations'),
    positive: !ctx.phrases.some(f => f.principle === 'positive'),
    alternative: Boolean(body.find(s => has(s, 'alternative') && !inVague(s))),
    reason: Boolean(reason),
  };
  const findings: Finding[] = [];
  const first = body.first;
  const last = body.last;
  if (!first || !last) return { principles, findings };
  let refusal: BodySentence | undefined;
  for (const f of ctx.phrases) if (f.principle === 'positive' && (refusal = body.at(f.start))) break;
  const landmarks: Landmarks = { first, last, acknowledgement, empathy, reason, refusal, thanks: genericThanks(first, ctx) };
  // German inserts use the draft's form of address (Sie when it cannot be told); English has one.
  const registerOf = (lang: Lang) => (lang === 'en' ? 'neutral' : ctx.register === 'neutral' ? 'sie' : ctx.register);
  for (const docRule of DOCUMENT_RULES) {
    const { principle, defaultSeverity } = RULE_INFO[docRule.rule];
    if (principles[principle]) continue;
    const anchor = docRule.anchor(landmarks);
    const after = docRule.insertAfter(landmarks);
    // The inserted sentence is in the language of the sentence it follows (or of the body's first).
    const replaced = docRule.replace?.(landmarks);
    const near = after ?? landmarks.first;
    const sentence = insertText(compiledRules(near.lang).rules.inserts[principle as keyof LanguageRules['inserts']], registerOf(near.lang));
    const messageLang = ctx.messageLang(anchor.lang);
    findings.push({
      ruleId: docRule.rule, entryId: `${anchor.lang}.${docRule.rule}`, principle, severity: docRule.severity?.(principles) ?? defaultSeverity,
      message: ruleMessage(messageLang, docRule.rule), note: principleNote(messageLang, principle),
      start: anchor.start, end: anchor.end, actual: ctx.text.slice(anchor.start, anchor.end), lang: anchor.lang,
      fixes: [replaced ? replaceSentenceFix(replaced.start, replaced.start + replaced.text.trimEnd().length, sentence, ctx.messageLang(near.lang))
        : insertFix(ctx.text, after ? insertionPoint(ctx.text, body, after) : bodyStart, sentence, ctx.messageLang(near.lang), !after)],
    });
  }
  return { principles, findings };
}
