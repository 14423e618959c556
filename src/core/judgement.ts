/**
 * Stage 5, judgement: from the reply's body, its sentences' signals and the reported phrase
 * findings, decides which of the seven principles the draft satisfies, and reports each missing
 * one as a document finding anchored on a sentence, with the sentence to insert. The document
 * rules are a table: which sentence a finding sits on, and after which one the fix inserts.
 */
import { compiledRules } from './compiled';
import type { Body, BodySentence, Layout } from './layout';
import { principleNote, ruleMessage } from './messages';
import { insertFix, insertText } from './rewrites';
import { RULE_INFO } from './rules/meta';
import type { LanguageRules } from './rules/schema';
import { contentWords } from './signals';
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
  empathy?: BodySentence;
  reason?: BodySentence;
}

type MissingRule = Exclude<RuleId, 'negative-phrasing' | 'vague-commitment' | 'custom-phrase'>;

interface DocumentRule {
  rule: MissingRule;
  /** The sentence the finding is shown on. */
  anchor: (l: Landmarks) => BodySentence;
  /** The inserted sentence follows this one; undefined: it opens the body. */
  insertAfter: (l: Landmarks) => BodySentence | undefined;
  severity?: (principles: Record<Principle, boolean>) => Severity;
}

/** In report order. Each inserts the rule's principle's sentence from the rule data. */
const DOCUMENT_RULES: readonly DocumentRule[] = [
  { rule: 'missing-acknowledgement', anchor: l => l.first, insertAfter: () => undefined },
  { rule: 'missing-empathy', anchor: l => l.first, insertAfter: l => l.acknowledgement },
  { rule: 'missing-reason', anchor: l => l.refusal ?? l.first, insertAfter: l => l.refusal ?? l.empathy ?? l.acknowledgement },
  {
    rule: 'missing-alternative', anchor: l => l.refusal ?? l.last, insertAfter: l => l.refusal ?? l.reason ?? l.last,
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

export function judgeDocument(ctx: JudgementContext): Judgement {
  const { body, bodyStart } = ctx.layout;
  const vague = ctx.phrases.filter(f => f.principle === 'expectations').map(f => f.start).sort((a, b) => a - b);
  const inVague = (s: BodySentence) => {
    let lo = 0;
    let hi = vague.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (vague[mid] < s.start) lo = mid + 1; else hi = mid; }
    return lo < vague.length && vague[lo] < s.end;
  };
  const acknowledgement = body.find(s => s.signals.listen);
  const empathy = body.find(s => s.signals.empathy);
  const reason = body.find(s => s.signals.reason);
  const principles: Record<Principle, boolean> = {
    listen: Boolean(acknowledgement) || echoesQuote(ctx.quoted, body, ctx.docLang),
    empathy: Boolean(empathy),
    clarify: Boolean(body.find(s => s.signals.clarify)),
    expectations: !ctx.phrases.some(f => f.principle === 'expectations'),
    positive: !ctx.phrases.some(f => f.principle === 'positive'),
    alternative: Boolean(body.find(s => s.signals.alternative && !inVague(s))),
    reason: Boolean(reason),
  };
  const findings: Finding[] = [];
  const first = body.first;
  const last = body.last;
  if (!first || !last) return { principles, findings };
  let refusal: BodySentence | undefined;
  for (const f of ctx.phrases) if (f.principle === 'positive' && (refusal = body.at(f.start))) break;
  const landmarks: Landmarks = { first, last, acknowledgement, empathy, reason, refusal };
  // German inserts use the draft's form of address (Sie when it cannot be told); English has one.
  const registerOf = (lang: Lang) => (lang === 'en' ? 'neutral' : ctx.register === 'neutral' ? 'sie' : ctx.register);
  for (const docRule of DOCUMENT_RULES) {
    const { principle, defaultSeverity } = RULE_INFO[docRule.rule];
    if (principles[principle]) continue;
    const anchor = docRule.anchor(landmarks);
    const after = docRule.insertAfter(landmarks);
    // The inserted sentence is in the language of the sentence it follows (or of the body's first).
    const near = after ?? landmarks.first;
    const sentence = insertText(compiledRules(near.lang).rules.inserts[principle as keyof LanguageRules['inserts']], registerOf(near.lang));
    const messageLang = ctx.messageLang(anchor.lang);
    findings.push({
      ruleId: docRule.rule, entryId: `${anchor.lang}.${docRule.rule}`, principle, severity: docRule.severity?.(principles) ?? defaultSeverity,
      message: ruleMessage(messageLang, docRule.rule), note: principleNote(messageLang, principle),
      start: anchor.start, end: anchor.end, actual: ctx.text.slice(anchor.start, anchor.end), lang: anchor.lang,
      fixes: [insertFix(ctx.text, after ? after.end : bodyStart, sentence, ctx.messageLang(near.lang), !after)],
    });
  }
  return { principles, findings };
}
