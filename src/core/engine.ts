import { anyMatch, candidates, type CompiledEntry, type CompiledLanguage, compiledRules, type Matcher, matchesOf, matchRanges } from './compiled';
import { Suppressions } from './directives';
import { countLanguage, countRegister, countWords, guessFromCounts, type LanguageCounts, registerFromCounts, type RegisterCounts, stopWords } from './language';
import { principleNote, ruleMessage, t } from './messages';
import { compileLiteral, expandTemplate, normaliseWord, wordList, wordsOf } from './pattern';
import { type DocFormat, extractProse, ownCopy, type ProseBlock, type ProseCache } from './prose';
import type { FixTemplate, InsertTemplates, LanguageRules } from './rules/schema';
import { splitSentences } from './sentences';
import {
  type Analysis, type AnalyzeOptions, type CustomPhrase, type Finding, type Fix, type Lang, PRINCIPLES, type Principle,
  type Register, type RuleId, type Severity, type Verdict,
} from './types';

/** Which principles a sentence satisfies on its own. */
interface SentenceSignals {
  listen: boolean;
  empathy: boolean;
  reason: boolean;
  alternative: boolean;
  clarify: boolean;
}

/** A sentence of the writer's prose with document offsets. */
export interface DocSentence {
  start: number;
  end: number;
  text: string;
  lang: Lang;
  signals: SentenceSignals;
}

const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'negative-phrasing': 'warning',
  'vague-commitment': 'warning',
  'custom-phrase': 'warning',
  'missing-acknowledgement': 'warning',
  'missing-empathy': 'warning',
  'missing-clarifying-question': 'info',
  'missing-reason': 'warning',
  'missing-alternative': 'warning',
};

export const RULE_PRINCIPLE: Record<RuleId, Principle> = {
  'negative-phrasing': 'positive',
  'vague-commitment': 'expectations',
  'custom-phrase': 'positive',
  'missing-acknowledgement': 'listen',
  'missing-empathy': 'empathy',
  'missing-clarifying-question': 'clarify',
  'missing-reason': 'reason',
  'missing-alternative': 'alternative',
};

/** Score weights; they add up to 100. `positive` and `expectations` lose 5 points a finding. */
export const SCORE_WEIGHTS: Record<Principle, number> = {
  listen: 15, empathy: 15, clarify: 10, expectations: 15, positive: 15, alternative: 15, reason: 15,
};

function upperFirst(text: string): string {
  const m = /^(\$\{\d+:)?(\p{Ll})/u.exec(text);
  if (!m) return text;
  const at = m[1]?.length ?? 0;
  return text.slice(0, at) + m[2].toUpperCase() + text.slice(at + m[2].length);
}

/** Placeholders `${1:default}` read as their default text. */
export function snippetToPlain(text: string): string {
  return text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}/g, '');
}

const hasPlaceholder = (text: string) => /\$\{\d+(:[^}]*)?\}/.test(text);

/** The part of the clause before `offsetInSentence`: from the last , ; : – — or ( on. */
function clauseBefore(sentenceText: string, offsetInSentence: number): string {
  const before = sentenceText.slice(0, offsetInSentence);
  return before.slice(Math.max(...[',', ';', ':', '–', '—', '('].map(ch => before.lastIndexOf(ch))) + 1);
}

/** Nothing but punctuation or symbols stands between the clause's start and `offsetInSentence`. */
function isClauseStart(sentenceText: string, offsetInSentence: number): boolean {
  return !/[\p{L}\p{N}]/u.test(clauseBefore(sentenceText, offsetInSentence));
}

/** The clause's first word, lower-cased ("wenn" in "…, wenn Sie nicht …"). */
function clauseOpener(sentenceText: string, offsetInSentence: number): string {
  return (/^[\p{L}]+/u.exec(clauseBefore(sentenceText, offsetInSentence).trimStart())?.[0] ?? '').toLowerCase();
}

function sentenceAt(sentences: readonly DocSentence[], offset: number): DocSentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Nothing but punctuation or symbols stands before `start` in its sentence. */
function opensSentence(sentence: DocSentence, start: number): boolean {
  return !/[\p{L}\p{N}]/u.test(sentence.text.slice(0, start - sentence.start));
}

/** Builds the edit that applies one rewrite of a matched phrase; `lang` is the title's language. */
function phraseFix(text: string, start: number, end: number, newText: string, lang: Lang, sentence: DocSentence | undefined): Fix {
  const actual = text.slice(start, end);
  const snippet = hasPlaceholder(newText);
  if (newText === '') {
    // Removal: take the space after with it; at a sentence start, the next word takes the capital.
    let to = end;
    while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
    const atStart = sentence ? opensSentence(sentence, start) : false;
    const next = text.codePointAt(to);
    if (atStart && next !== undefined && /\p{Ll}/u.test(String.fromCodePoint(next))) {
      const ch = String.fromCodePoint(next);
      return { title: t(lang, 'fix.remove', actual.trim()), preferred: false, snippet, edits: [{ start, end: to + ch.length, newText: ch.toUpperCase() }] };
    }
    if (to === end && start > 0 && text[start - 1] === ' ') start--; // "…, leider." loses the space before
    return { title: t(lang, 'fix.remove', actual.trim()), preferred: false, snippet, edits: [{ start, end: to, newText: '' }] };
  }
  // A capital stays where the phrase opens a sentence; "ASAP" mid-sentence gives no capital to "by …".
  const atStart = sentence ? opensSentence(sentence, start) : /^\p{Lu}\p{Ll}/u.test(actual);
  const replacement = atStart && /^\p{Lu}/u.test(actual) ? upperFirst(newText) : newText;
  return { title: t(lang, 'fix.replace', snippetToPlain(replacement)), preferred: false, snippet, edits: [{ start, end, newText: replacement }] };
}

/**
 * Whether every edit of a fix touches prose only: `masked` is `text` with markup blanked, so they
 * differ wherever an edit would delete a code span, comment, link or URL with the words around it.
 */
function touchesProseOnly(fix: Fix, text: string, masked: string, offset = 0): boolean {
  return fix.edits.every(e => e.end - offset <= masked.length && text.slice(e.start, e.end) === masked.slice(e.start - offset, e.end - offset));
}

function templateFixes(templates: readonly FixTemplate[], match: RegExpExecArray, text: string, masked: string, start: number, end: number,
  lang: Lang, sentence: DocSentence | undefined): Fix[] {
  const fixes: Fix[] = [];
  for (const template of templates) {
    if (template.notAtClauseStart && sentence && isClauseStart(sentence.text, start - sentence.start)) continue;
    const fix = phraseFix(text, start, end, expandTemplate(template.with, match), lang, sentence);
    // A safe rewrite never takes markup with it; the writer may still choose it by hand.
    fix.preferred = Boolean(template.preferred) && !fix.snippet && touchesProseOnly(fix, text, masked);
    fixes.push(fix);
  }
  return fixes;
}

interface RawFinding extends Finding {
  weak: boolean;
}

/** Phrase findings of one block, with offsets local to the block. */
function phraseFindings(local: string, masked: string, lang: Lang, c: CompiledLanguage, sentences: readonly DocSentence[],
  messageLang: Lang): RawFinding[] {
  const out: RawFinding[] = [];
  const text = local;
  const words = wordsOf(masked);
  const exceptionsOf = new Map<CompiledEntry, Array<[number, number]>>();
  // Only the patterns whose anchor words occur in the block are run, in data order.
  for (const matcher of candidates(c.phrasePatterns, words)) {
    const ce = c.entryOf.get(matcher) as CompiledEntry;
    for (const m of matchesOf(matcher.re, masked)) {
      const start = m.index;
      const end = start + m[0].length;
      let exceptions = exceptionsOf.get(ce);
      if (!exceptions) exceptionsOf.set(ce, (exceptions = matchRanges(ce.exceptions, masked, words)));
      if (exceptions.some(([s, e]) => s < end && start < e)) continue;
      const sentence = sentenceAt(sentences, start);
      if (sentence && ce.unlessSentenceHas.length > 0 && anyMatch(ce.unlessSentenceHas, sentence.text, wordsOf(sentence.text))) continue;
      if (sentence && ce.clauseOpeners.size > 0 && ce.clauseOpeners.has(clauseOpener(sentence.text, start - sentence.start))) continue;
      out.push(makePhraseFinding(ce, m, text, masked, start, end, lang, sentence, messageLang));
    }
  }
  return out;
}

function makePhraseFinding(ce: CompiledEntry, m: RegExpExecArray, text: string, masked: string, start: number, end: number, lang: Lang,
  sentence: DocSentence | undefined, messageLang: Lang): RawFinding {
  const ruleId = ce.entry.rule;
  const actual = text.slice(start, end);
  const principle = RULE_PRINCIPLE[ruleId];
  const hint = ce.entry.hint ? ` ${ce.entry.hint[messageLang]}` : '';
  return {
    ruleId, entryId: ce.entryId, principle, severity: DEFAULT_SEVERITY[ruleId],
    message: ruleMessage(messageLang, ruleId, actual.replace(/\s+/g, ' ').replace(/\s*,$/, '')) + hint,
    note: principleNote(messageLang, principle), start, end, actual, lang,
    fixes: templateFixes(ce.entry.fixes ?? [], m, text, masked, start, end, messageLang, sentence),
    weak: Boolean(ce.entry.weak),
  };
}

const literals = new Map<string, RegExp | undefined>();

/** A user's phrase compiled once; undefined for a phrase that cannot be matched (empty). */
function literal(phrase: string): RegExp | undefined {
  if (!literals.has(phrase)) {
    let re: RegExp | undefined;
    try { re = compileLiteral(phrase); } catch { re = undefined; }
    literals.set(phrase, re);
  }
  return literals.get(phrase);
}

/** Findings of one custom phrase per document, at most: a phrase such as "a" must not flood the editor. */
const MAX_CUSTOM_MATCHES = 1000;

function customFindings(text: string, blocks: readonly ProseBlock[], phrases: readonly CustomPhrase[], langOf: (b: ProseBlock) => Lang,
  messageLang: (l: Lang) => Lang, out: RawFinding[]): void {
  for (const phrase of phrases) {
    const re = literal(phrase.phrase);
    if (!re) continue;
    let found = 0;
    for (const block of blocks) {
      if (found === MAX_CUSTOM_MATCHES) break;
      const lang = langOf(block);
      for (const m of matchesOf(re, block.text)) {
        if (found === MAX_CUSTOM_MATCHES) break;
        found++;
        const start = block.start + m.index;
        const end = start + m[0].length;
        const principle = phrase.principle ?? 'positive';
        const fixes: Fix[] = [];
        if (phrase.replacement !== undefined) {
          const fix = phraseFix(text, start, end, phrase.replacement, messageLang(lang), undefined);
          fix.preferred = !fix.snippet && touchesProseOnly(fix, text, block.text, block.start);
          fixes.push(fix);
        }
        out.push({
          ruleId: 'custom-phrase', entryId: `custom.${phrase.phrase.toLowerCase()}`, principle,
          severity: phrase.severity ?? DEFAULT_SEVERITY['custom-phrase'], message: phrase.message,
          note: principleNote(messageLang(lang), principle), start, end, actual: text.slice(start, end), lang, fixes, weak: false,
        });
      }
    }
  }
}

/** Keeps one finding per overlapping group of the same principle: the earliest, then the longest. */
function dropOverlaps(findings: RawFinding[]): RawFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const reach = new Map<Principle, number>();
  return sorted.filter(f => {
    if (f.start < (reach.get(f.principle) ?? -1)) return false;
    reach.set(f.principle, f.end);
    return true;
  });
}

function normalise(text: string): string {
  return normaliseWord(text).replace(/\s+/g, ' ').trim();
}

function isIgnored(f: Finding, ignored: readonly string[]): boolean {
  if (ignored.length === 0) return false;
  const actual = ` ${normalise(f.actual).replace(/[^\p{L}\p{N}' ]/gu, ' ')} `;
  return ignored.some(p => {
    const phrase = normalise(p);
    return phrase !== '' && (phrase === f.entryId || actual.includes(` ${phrase} `));
  });
}

// ---- document-level judgement ------------------------------------------------------------

function contentWords(text: string, generic: ReadonlySet<string>, lang: Lang): string[] {
  const stop = stopWords(lang);
  return wordList(text).filter(w => (w.length >= 3 || /\d/.test(w)) && !generic.has(w) && !stop.has(w));
}

/** A sentence's text with its words, for the anchor prefilter. */
interface Said {
  text: string;
  lang: Lang;
  words: ReadonlySet<string>;
}

function acknowledges(s: Said, c: CompiledLanguage): boolean {
  if (anyMatch(c.ackRestatements, s.text, s.words)) return true;
  for (const matcher of candidates(c.ackOpeners, s.words)) {
    for (const m of matchesOf(matcher.re, s.text)) {
      let rest = s.text.slice(m.index + m[0].length);
      c.contrast.lastIndex = 0;
      const contrast = c.contrast.exec(rest);
      if (contrast) rest = rest.slice(0, contrast.index);
      if (contentWords(rest, c.genericWords, s.lang).length > 0) return true;
    }
  }
  return false;
}

/** The reply restates the client's quoted words: at least two specific words recur. */
function echoesQuote(quoted: readonly string[], body: readonly DocSentence[], lang: Lang): boolean {
  if (quoted.length === 0) return false;
  const c = compiledRules(lang);
  const split = (t: string) => contentWords(t.replace(/-/g, ' '), c.genericWords, lang);
  const asked = new Set(quoted.flatMap(split));
  const said = new Set(body.flatMap(s => split(s.text)));
  let shared = 0;
  for (const w of asked) if (said.has(w)) shared++;
  return shared >= 2;
}

function isClarifyingQuestion(s: Said, c: CompiledLanguage): boolean {
  if (!/\?[\s"'”“»«)\p{Extended_Pictographic}\uFE0F]*$/u.test(s.text)) return false;
  if (anyMatch(c.closingQuestions, s.text, s.words)) return false;
  if (anyMatch(c.infoRequests, s.text, s.words)) return true;
  // A clause opens with a question word, or with a preposition and one: "Für welche …", "In which …".
  return s.text.split(/[,;:–—]/).some(clause => (clause.trim().match(/[\p{L}]+/gu) ?? []).slice(0, 2)
    .some((word, i, words) => c.questionWords.has(word.toLowerCase()) && (i === 0 || words[0].length <= 4)));
}

function hasSignal(s: Said, patterns: readonly Matcher[], exceptions: readonly Matcher[] = []): boolean {
  if (!anyMatch(patterns, s.text, s.words)) return false;
  if (exceptions.length === 0) return true;
  const blocked = matchRanges(exceptions, s.text, s.words);
  return candidates(patterns, s.words).some(p =>
    [...matchesOf(p.re, s.text)].some(m => !blocked.some(([a, b]) => a < m.index + m[0].length && m.index < b)));
}

function signalsOf(text: string, lang: Lang, words: ReadonlySet<string> = wordsOf(text)): SentenceSignals {
  const c = compiledRules(lang);
  const s: Said = { text, lang, words };
  return {
    listen: acknowledges(s, c),
    empathy: hasSignal(s, c.empathy, c.empathyExceptions),
    reason: hasSignal(s, c.reason),
    alternative: hasSignal(s, c.alternative, c.alternativeExceptions),
    clarify: isClarifyingQuestion(s, c),
  };
}

interface Layout {
  /** Sentences of the reply's body: no greeting or closing lines. */
  body: DocSentence[];
  /** Where the body starts (after "Hi Tom,"). */
  bodyStart: number;
}

function layout(sentences: readonly DocSentence[], blocks: readonly ProseBlock[], closingBlock: number): Layout {
  let body = [...sentences];
  let bodyStart = body[0]?.start ?? 0;
  const first = body[0];
  if (first && anyMatch(compiledRules(first.lang).salutation, first.text, wordsOf(first.text))) {
    // "Hi Tom," on its own, or "Hi Tom, thanks for …": the greeting ends at the first comma or line end.
    const lineEnd = first.text.search(/[\n\r]/);
    const comma = first.text.search(/[,!]/);
    const cut = [comma === -1 ? -1 : comma + 1, lineEnd].filter(n => n > 0).sort((a, b) => a - b)[0];
    const words = wordList(first.text.slice(0, cut ?? first.text.length)).length;
    if (words <= 6) {
      const greetingEnd = first.start + (cut ?? first.text.length);
      const rest = first.text.slice(cut ?? first.text.length);
      const lead = rest.length - rest.trimStart().length;
      if (cut === undefined || rest.trim() === '') body = body.slice(1);
      else body[0] = { ...first, start: greetingEnd + lead, text: rest.trim(), signals: signalsOf(rest.trim(), first.lang) };
      bodyStart = body[0]?.start ?? greetingEnd;
    }
  }
  // Closing lines ("Best regards, Ann") and everything after them.
  if (closingBlock > 0) body = body.filter(s => s.start < blocks[closingBlock].start);
  return { body, bodyStart };
}

function insertText(templates: InsertTemplates, register: Register): string {
  return templates[register] ?? templates.sie ?? templates.neutral ?? '';
}

/** Inserts a missing sentence; `lang` is the title's language. */
function insertFix(text: string, at: number, sentence: string, lang: Lang, before: boolean): Fix {
  const plain = snippetToPlain(sentence);
  if (before) {
    // Opening the body: German bodies after "Hallo Frau X," start lower-case; the old first word takes a capital.
    const next = text.codePointAt(at);
    const ch = next === undefined ? '' : String.fromCodePoint(next);
    const lower = /\p{Ll}/u.test(ch);
    return { title: t(lang, 'fix.insert', plain), preferred: false, snippet: true,
      edits: [{ start: at, end: at + (lower ? ch.length : 0), newText: `${sentence} ${lower ? ch.toUpperCase() : ''}` }] };
  }
  return { title: t(lang, 'fix.insert', plain), preferred: false, snippet: true, edits: [{ start: at, end: at, newText: ` ${sentence}` }] };
}

export interface Judgement {
  principles: Record<Principle, boolean>;
  findings: Finding[];
}

function judgeDocument(text: string, lay: Layout, quoted: readonly string[], phraseFound: readonly Finding[], register: Register,
  docLang: Lang, messageLang: (l: Lang) => Lang): Judgement {
  const { body } = lay;
  const vague = phraseFound.filter(f => f.principle === 'expectations').map(f => f.start).sort((a, b) => a - b);
  const inVague = (s: DocSentence) => {
    let lo = 0;
    let hi = vague.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (vague[mid] < s.start) lo = mid + 1; else hi = mid; }
    return lo < vague.length && vague[lo] < s.end;
  };
  const ackSentence = body.find(s => s.signals.listen);
  const empathySentence = body.find(s => s.signals.empathy);
  const reasonSentence = body.find(s => s.signals.reason);
  const alternativeSentence = body.find(s => s.signals.alternative && !inVague(s));
  const clarifySentence = body.find(s => s.signals.clarify);
  const principles: Record<Principle, boolean> = {
    listen: Boolean(ackSentence) || echoesQuote(quoted, body, docLang),
    empathy: Boolean(empathySentence),
    clarify: Boolean(clarifySentence),
    expectations: !phraseFound.some(f => f.principle === 'expectations'),
    positive: !phraseFound.some(f => f.principle === 'positive'),
    alternative: Boolean(alternativeSentence),
    reason: Boolean(reasonSentence),
  };
  const findings: Finding[] = [];
  if (body.length === 0) return { principles, findings };
  const first = body[0];
  const last = body[body.length - 1];
  const refusal = body.find(s => phraseFound.some(f => f.principle === 'positive' && f.start >= s.start && f.start < s.end));
  const lead = ackSentence ?? undefined;
  const add = (ruleId: RuleId, anchor: DocSentence, fix: Fix, severity = DEFAULT_SEVERITY[ruleId]) => {
    const principle = RULE_PRINCIPLE[ruleId];
    const ml = messageLang(anchor.lang);
    findings.push({
      ruleId, entryId: `${anchor.lang}.${ruleId}`, principle, severity,
      message: ruleMessage(ml, ruleId as Exclude<RuleId, 'custom-phrase'>), note: principleNote(ml, principle),
      start: anchor.start, end: anchor.end, actual: text.slice(anchor.start, anchor.end), lang: anchor.lang, fixes: [fix],
    });
  };
  const reg = (lang: Lang) => (lang === 'en' ? 'neutral' : register === 'neutral' ? 'sie' : register);
  // A missing sentence goes after `after`, or opens the body; in that sentence's language and form.
  const insert = (kind: keyof LanguageRules['inserts'], after: DocSentence | undefined): Fix => {
    const at = after ?? first;
    const sentence = insertText(compiledRules(at.lang).rules.inserts[kind], reg(at.lang));
    return insertFix(text, after ? after.end : lay.bodyStart, sentence, messageLang(at.lang), !after);
  };
  if (!principles.listen) add('missing-acknowledgement', first, insert('listen', undefined));
  if (!principles.empathy) add('missing-empathy', first, insert('empathy', lead));
  if (!principles.reason) add('missing-reason', refusal ?? first, insert('reason', refusal ?? empathySentence ?? lead));
  if (!principles.alternative) {
    add('missing-alternative', refusal ?? last, insert('alternative', refusal ?? reasonSentence ?? last), principles.clarify ? 'info' : 'warning');
  }
  if (!principles.clarify) add('missing-clarifying-question', last, insert('clarify', last));
  return { principles, findings };
}

export function verdictOf(principles: Record<Principle, boolean>, proseLength: number): Verdict {
  if (proseLength === 0) return 'empty';
  const p = principles;
  return p.listen && p.empathy && p.reason && (p.alternative || p.clarify) && p.positive && p.expectations ? 'good' : 'needs_work';
}

/**
 * 0–100: the weights of the satisfied principles. `positive` and `expectations` start at their
 * weight and lose 5 points for each finding, down to 0.
 */
export function scoreOf(principles: Record<Principle, boolean>, findings: readonly Finding[]): number {
  let score = 0;
  for (const p of PRINCIPLES) {
    if (p === 'positive' || p === 'expectations') {
      const n = findings.filter(f => f.principle === p && (f.ruleId === 'negative-phrasing' || f.ruleId === 'vague-commitment' || f.ruleId === 'custom-phrase')).length;
      score += Math.max(0, SCORE_WEIGHTS[p] - 5 * n);
    } else if (principles[p]) {
      score += SCORE_WEIGHTS[p];
    }
  }
  return score;
}

/** A finding is valid when its range and every edit lie inside the text on code-point boundaries. */
export function isValidFinding(text: string, f: Finding): boolean {
  const inside = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length;
  const boundary = (i: number) => i <= 0 || i >= text.length || !(/[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]));
  return inside(f.start, f.end) && f.start < f.end && boundary(f.start) && boundary(f.end) &&
    f.fixes.every(fix => fix.edits.every(e => inside(e.start, e.end) && boundary(e.start) && boundary(e.end)));
}

export interface AnalyzeInput extends AnalyzeOptions {
  format?: DocFormat;
}

/** What the engine learns from one block alone; cached by the block's text. */
interface BlockResult {
  sentences: DocSentence[];
  findings: RawFinding[];
  /** A short block such as "Best regards, Ann". */
  closing: boolean;
}

/** What a block tells about the whole document's language and form of address. */
interface BlockCounts {
  language: LanguageCounts;
  register: RegisterCounts;
}

function shiftFinding(f: RawFinding, by: number): RawFinding {
  return {
    ...f, start: f.start + by, end: f.end + by,
    fixes: f.fixes.map(x => ({ ...x, edits: x.edits.map(e => ({ ...e, start: e.start + by, end: e.end + by })) })),
  };
}

/** A sentence with a clear language of its own keeps it, even inside a paragraph in the other one. */
function sentenceLanguage(words: readonly string[], text: string, paragraph: Lang): Lang {
  const g = guessFromCounts(countWords(words, text));
  return g.lang && g.hits >= 3 && g.confidence >= 0.75 ? g.lang : paragraph;
}

function judgeBlock(local: string, masked: string, lang: Lang, forced: boolean, messageLang: (l: Lang) => Lang): BlockResult {
  const sentences = splitSentences(masked, lang).map(s => {
    const words = wordList(s.text);
    const own = forced ? lang : sentenceLanguage(words, s.text, lang);
    return { ...s, lang: own, signals: signalsOf(s.text, own, new Set(words)) };
  });
  const langs = new Set(sentences.map(s => s.lang));
  const findings = [...langs].flatMap(l => phraseFindings(local, masked, l, compiledRules(l), sentences, messageLang(l))
    .filter(f => (sentenceAt(sentences, f.start)?.lang ?? lang) === l));
  const trimmed = masked.trim();
  const closing = trimmed.split(/\s+/).length <= 8 && anyMatch(compiledRules(lang).closing, trimmed, wordsOf(trimmed));
  return { sentences, findings, closing };
}

/**
 * Judges drafts, remembering each paragraph's result: while a writer types, only the paragraph
 * that changed is judged again. Results are the same as a fresh `analyze`.
 */
export class Analyzer {
  private readonly prose = { chunks: new Map() as ProseCache };
  /** Per block (by its `key`): its counts, and its judgement per language and options. */
  private readonly blocks = new WeakMap<object, { counts: BlockCounts; judged: Map<string, BlockResult> }>();

  private remember(block: ProseBlock): { counts: BlockCounts; judged: Map<string, BlockResult> } {
    const key = block.key ?? block;
    let entry = this.blocks.get(key);
    if (!entry) {
      entry = { counts: { language: countLanguage(block.text), register: countRegister(block.text) }, judged: new Map() };
      this.blocks.set(key, entry);
    }
    return entry;
  }

  analyze(text: string, options: AnalyzeInput = {}): Analysis {
    const prose = extractProse(text, options.format ?? 'markdown', this.prose);
    const memory = prose.blocks.map(b => this.remember(b));
    const blockCounts = memory.map(m => m.counts);
    const total = blockCounts.reduce((t, c) => ({
      language: { en: t.language.en + c.language.en, de: t.language.de + c.language.de, words: t.language.words + c.language.words },
      register: { sie: t.register.sie + c.register.sie, du: t.register.du + c.register.du },
    }), { language: { en: 0, de: 0, words: 0 }, register: { sie: 0, du: 0 } });
    const forced = options.language && options.language !== 'auto' ? options.language
      : prose.frontMatter.lang === 'de' || prose.frontMatter.lang === 'en' ? prose.frontMatter.lang : undefined;
    const docGuess = guessFromCounts(total.language);
    const docLang: Lang = forced ?? docGuess.lang ?? 'en';
    const langOf = (i: number): Lang => {
      if (forced) return forced;
      const g = guessFromCounts(blockCounts[i].language);
      return g.lang && g.confidence >= 0.6 ? g.lang : docLang;
    };
    const messageLang = (lang: Lang) => options.messageLanguage ?? lang;
    const register = registerFromCounts(total.register, docLang);

    const sentences: DocSentence[] = [];
    const raw: RawFinding[] = [];
    const blockLangs = new Map<ProseBlock, Lang>();
    let closingBlock = -1;
    const variant = `${forced ?? ''}|${options.messageLanguage ?? ''}`;
    prose.blocks.forEach((block, i) => {
      const lang = langOf(i);
      blockLangs.set(block, lang);
      const seen = memory[i].judged;
      let judged = seen.get(`${lang}|${variant}`);
      if (!judged) {
        // Cached with the block: its strings must not keep this version of the document alive.
        judged = judgeBlock(ownCopy(text.slice(block.start, block.end)), block.text, lang, Boolean(forced), messageLang);
        seen.set(`${lang}|${variant}`, judged);
      }
      if (judged.closing && i > 0 && closingBlock === -1) closingBlock = i;
      for (const s of judged.sentences) sentences.push({ ...s, start: s.start + block.start, end: s.end + block.start });
      for (const f of judged.findings) raw.push(shiftFinding(f, block.start));
    });
    customFindings(text, prose.blocks, options.customPhrases ?? [], b => blockLangs.get(b) ?? docLang, messageLang, raw);

    // Weak findings give way to any other finding of the same rule in their sentence.
    const sentenceKey = (f: RawFinding) => `${f.ruleId}@${sentenceAt(sentences, f.start)?.start ?? -1}`;
    const strongKeys = new Set(raw.filter(f => !f.weak).map(sentenceKey));
    const strong = raw.filter(f => !f.weak || !strongKeys.has(sentenceKey(f)));
    const suppressions = new Suppressions(text);
    const ignored = options.ignoredPhrases ?? [];
    const phraseFound: Finding[] = dropOverlaps(strong)
      .filter(f => !isIgnored(f, ignored) && !suppressions.covers(f))
      .map(({ weak: _weak, ...f }) => f);

    const lay = layout(sentences, prose.blocks, closingBlock);
    const proseLength = prose.blocks.reduce((n, b) => n + b.text.trim().length, 0);
    const judged = judgeDocument(text, lay, prose.quoted, phraseFound, register, docLang, messageLang);
    const docFindings = proseLength === 0 ? [] : judged.findings.filter(f => !suppressions.covers(f));
    const findings = [...phraseFound, ...docFindings].filter(f => isValidFinding(text, f)).sort((a, b) => a.start - b.start || a.end - b.end);
    return {
      language: docLang,
      languageConfidence: forced ? 0 : docGuess.confidence,
      languageSource: forced ? 'forced' : docGuess.lang ? 'detected' : 'fallback',
      register,
      principles: judged.principles,
      verdict: verdictOf(judged.principles, proseLength),
      score: proseLength === 0 ? 0 : scoreOf(judged.principles, phraseFound),
      findings,
      proseLength,
    };
  }
}

/** Judges a draft reply. Pure: the same text and options always give the same result. */
export function analyze(text: string, options: AnalyzeInput = {}): Analysis {
  return new Analyzer().analyze(text, options);
}
