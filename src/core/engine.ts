/**
 * The orchestrator. A draft goes through the pipeline in one direction:
 *   1. prose       (prose.ts)      the writer's own prose blocks, markup blanked
 *   2. sentences   (sentences.ts)  each block's sentences, words and languages
 *   3. signals     (signals.ts)    what each sentence does: acknowledge, empathise, explain, offer, ask
 *   4. phrases     (phrases.ts)    negative and vague phrases; then the finding filters (findingFilters.ts)
 *   5. judgement   (layout.ts, judgement.ts, score.ts)  the body, the principles, the missing ones, the score
 *   6. rewrites    (rewrites.ts)   the fixes each finding carries
 * Stages 2–4 depend on one block alone and are cached per block, so while a writer types only the
 * block that changed goes through them again; the rest of the work is per document, and reads
 * the blocks' results where they are, in block offsets.
 */
import { anyMatch, compiledRules } from './compiled';
import { Suppressions } from './directives';
import { dropWeak, reportedPhrases } from './findingFilters';
import { keepSafePreferred } from './fixes';
import { checkFindings, type InvalidFindingHandler, onBoundary, throwInvalid } from './invariants';
import { judgeDocument } from './judgement';
import { ROLES, type RoleScores } from './roles/model';
import { countLanguage, countRegister, guessFromCounts, type LanguageCounts, registerFromCounts, type RegisterCounts } from './language';
import { layout, type PlacedSentences } from './layout';
import { customFindings, phraseFindings } from './phrases';
import { type DocFormat, extractProse, ownCopy, type ProseBlock, type ProseCache } from './prose';
import { scoreOf, verdictOf } from './score';
import { blockSentences, sentenceAt } from './sentences';
import { type SignalledSentence, signalSentences } from './signals';
import type { Analysis, AnalyzeOptions, Finding, Fix, Lang, SentenceRoles, TextEdit } from './types';

export interface AnalyzerOptions {
  /**
   * The analyzer lives no longer than the texts it judges (one analysis, a CLI run): its caches
   * may keep pieces of them. A long-lived analyzer (an editor's) copies what it keeps instead, so
   * that no old version of a document stays alive through a substring.
   */
  shortLived?: boolean;
}

export interface AnalyzeInput extends AnalyzeOptions {
  format?: DocFormat;
}

/** What stages 2–4 learn from one block alone; cached by the block's text. Offsets are local to the block. */
interface BlockResult {
  sentences: SignalledSentence[];
  findings: Finding[];
  /** A short block such as "Best regards, Ann". */
  closing: boolean;
  /** The block's sentences and findings in document offsets, as last placed: reused while the block does not move. */
  placed?: PlacedSentences & { findings: readonly Finding[] };
}

/** What a block is, whatever language it is judged in. */
interface BlockFacts {
  language: LanguageCounts;
  register: RegisterCounts;
  /** Characters of prose, without surrounding space. */
  proseLength: number;
  /** The block's own language when its words tell clearly; otherwise it takes the document's. */
  ownLang: Lang | undefined;
}

/** The placed findings of every block without any: most blocks, shifted on every keystroke above them. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * A finding at another offset. Written field by field: spreading the objects made up 30 % of a
 * keystroke in a long draft. `satisfies` fails to compile when a type gains a field not copied here.
 */
function shiftFinding(f: Finding, by: number): Finding {
  return {
    ruleId: f.ruleId, entryId: f.entryId, principle: f.principle, severity: f.severity, message: f.message, note: f.note,
    start: f.start + by, end: f.end + by, actual: f.actual, lang: f.lang, fixes: f.fixes.map(x => shiftFix(x, by)),
  } satisfies Record<keyof Finding, unknown>;
}

function shiftFix(x: Fix, by: number): Fix {
  return {
    title: x.title, preferred: x.preferred, snippet: x.snippet,
    edits: x.edits.map(e => ({ start: e.start + by, end: e.end + by, newText: e.newText } satisfies Record<keyof TextEdit, unknown>)),
  } satisfies Record<keyof Fix, unknown>;
}

/**
 * Stages 2–4 on one block. `source`: the block as written; `masked`: its prose with markup blanked.
 * Its findings are checked against the block's text here, once; placing them is checked per analysis.
 */
function judgeBlock(source: string, masked: string, lang: Lang, forced: boolean, messageLang: (l: Lang) => Lang,
  onInvalidFinding: InvalidFindingHandler): BlockResult {
  const langSentences = blockSentences(masked, lang, forced);
  const sentences = signalSentences(langSentences);
  // The block's words are its sentences' words: tokenised once, by the sentence stage (a block of one sentence has its set).
  let words = langSentences.length === 1 ? langSentences[0].words : undefined;
  if (!words) {
    const union = new Set<string>();
    for (const s of langSentences) for (const w of s.words) union.add(w);
    words = union;
  }
  const langs = new Set(langSentences.map(s => s.lang));
  const found = [...langs].flatMap(l => phraseFindings(source, masked, words, l, compiledRules(l), langSentences, messageLang(l))
    .filter(({ finding }) => (sentenceAt(langSentences, finding.start)?.lang ?? lang) === l));
  const findings = checkFindings(source, keepSafePreferred(dropWeak(found, langSentences), source, masked, langSentences, messageLang),
    onInvalidFinding);
  const trimmed = masked.trim();
  const closing = hasAtMostWords(trimmed, 8) && anyMatch(compiledRules(lang).closing, trimmed, words);
  return { sentences, findings, closing };
}

/** Whether a trimmed text has at most `max` space-separated words; stops counting there. */
function hasAtMostWords(trimmed: string, max: number): boolean {
  const space = /\s+/g;
  for (let gaps = 0; space.test(trimmed);) if (++gaps >= max) return false;
  return true;
}

/**
 * Judges drafts, remembering each paragraph's result: while a writer types, only the paragraph
 * that changed is judged again. Results are the same as a fresh `analyze`.
 */
export class Analyzer {
  /**
   * `onInvalidFinding`: called with a finding that breaks the engine's invariants (a bug), which
   * is then left out. By default it throws, so tests and tools fail loudly; the editor logs.
   */
  constructor(private readonly onInvalidFinding: InvalidFindingHandler = throwInvalid, { shortLived = false }: AnalyzerOptions = {}) {
    // Its `keep` makes every string the caches hold on to, the block results' too (see `AnalyzerOptions.shortLived`).
    this.prose = { byText: new Map(), keep: shortLived ? text => text : ownCopy };
  }

  private readonly prose: ProseCache;
  /** Per block (by its `key`): its facts, and its judgement per language and options. */
  private readonly blocks = new WeakMap<object, { facts: BlockFacts; judged: Map<string, BlockResult> }>();

  private remember(block: ProseBlock): { facts: BlockFacts; judged: Map<string, BlockResult> } {
    const key = block.key ?? block;
    let entry = this.blocks.get(key);
    if (!entry) {
      const language = countLanguage(block.text);
      const guess = guessFromCounts(language);
      const ownLang = guess.lang && guess.confidence >= 0.6 ? guess.lang : undefined;
      const facts = { language, register: countRegister(block.text), proseLength: block.text.trim().length, ownLang };
      entry = { facts, judged: new Map() };
      this.blocks.set(key, entry);
    }
    return entry;
  }

  analyze(text: string, options: AnalyzeInput = {}): Analysis {
    // Stage 1, and what the blocks tell about the whole document.
    const prose = extractProse(text, options.format ?? 'markdown', this.prose);
    const memory = prose.blocks.map(b => this.remember(b));
    const total = { language: { en: 0, de: 0, words: 0 }, register: { sie: 0, du: 0 }, proseLength: 0 };
    for (const { facts } of memory) {
      total.language.en += facts.language.en;
      total.language.de += facts.language.de;
      total.language.words += facts.language.words;
      total.register.sie += facts.register.sie;
      total.register.du += facts.register.du;
      total.proseLength += facts.proseLength;
    }
    const forced = options.language && options.language !== 'auto' ? options.language
      : prose.frontMatter.lang === 'de' || prose.frontMatter.lang === 'en' ? prose.frontMatter.lang : undefined;
    const docGuess = guessFromCounts(total.language);
    const docLang: Lang = forced ?? docGuess.lang ?? 'en';
    const messageLang = (lang: Lang) => options.messageLanguage ?? lang;
    // The team's preferred form of address where the draft shows neither Sie nor du.
    const register = docLang === 'de' && options.register && total.register.sie + total.register.du === 0
      ? options.register : registerFromCounts(total.register, docLang);

    // Stages 2–4 per block, cached; then in document offsets.
    const placed: PlacedSentences[] = [];
    const found: Finding[] = [];
    const blockLangs: Lang[] = [];
    let closingBlock: number | undefined;
    const variant = `${forced ?? ''}|${options.messageLanguage ?? ''}`;
    const judgementKey: Record<Lang, string> = { en: `en|${variant}`, de: `de|${variant}` };
    for (let i = 0; i < prose.blocks.length; i++) {
      const block = prose.blocks[i];
      const { facts, judged: seen } = memory[i];
      const lang = forced ?? facts.ownLang ?? docLang;
      blockLangs.push(lang);
      let judged = seen.get(judgementKey[lang]);
      if (!judged) {
        // Cached with the block: its strings must not keep this version of the document alive.
        judged = judgeBlock(this.prose.keep(text.slice(block.start, block.end)), block.text, lang, Boolean(forced), messageLang, this.onInvalidFinding);
        seen.set(judgementKey[lang], judged);
      }
      if (judged.closing && i > 0 && closingBlock === undefined) closingBlock = i;
      let at = judged.placed;
      if (at?.offset !== block.start) {
        at = { offset: block.start, sentences: judged.sentences, findings: judged.findings.length === 0 ? NO_FINDINGS : judged.findings.map(f => shiftFinding(f, block.start)) };
        judged.placed = at;
      }
      placed.push(at);
      // Valid in the block's text, a finding stays valid in the document unless the block's edges split a character.
      const findings = at.findings.length === 0 || onBoundary(text, block.start) && onBoundary(text, block.end) ? at.findings
        : checkFindings(text, at.findings, this.onInvalidFinding);
      for (const f of findings) found.push(f);
    }
    const custom: Finding[] = [];
    customFindings(text, prose.blocks, options.customPhrases ?? [], options.neverPromise ?? [], i => blockLangs[i], messageLang, custom);
    for (const f of checkFindings(text, custom, this.onInvalidFinding)) found.push(f);
    const suppressions = new Suppressions(text);
    const phrases = reportedPhrases(found, options.ignoredPhrases ?? [], suppressions);

    // Stage 5 on the whole document.
    const proseLength = total.proseLength;
    const judged = judgeDocument({
      text, layout: layout(placed, closingBlock), quoted: prose.quoted, phrases, register, docLang, messageLang,
      roleModel: options.roleModel ?? true,
    });
    const docFindings = proseLength === 0 ? [] : checkFindings(text, judged.findings.filter(f => !suppressions.covers(f)), this.onInvalidFinding);
    const findings = [...phrases, ...docFindings].sort((a, b) => a.start - b.start || a.end - b.end);
    let inDocument: SentenceRoles[] | undefined;
    return {
      language: docLang,
      languageConfidence: forced ? 0 : docGuess.confidence,
      languageSource: forced ? 'forced' : docGuess.lang ? 'detected' : 'fallback',
      register,
      principles: judged.principles,
      verdict: verdictOf(judged.principles, proseLength),
      score: proseLength === 0 ? 0 : scoreOf(judged.principles, phrases),
      findings,
      proseLength,
      // Placed in the document only when first read: a keystroke in a long draft need not copy every sentence.
      get sentences(): SentenceRoles[] {
        return (inDocument ??= placed.flatMap(({ offset, sentences }) => sentences.map(s => ({ start: s.start + offset, end: s.end + offset, roles: roundedScores(s.roles) }))));
      },
    };
  }
}

function roundedScores(scores: RoleScores): RoleScores {
  const out = { ...scores };
  for (const role of ROLES) out[role] = Math.round(scores[role] * 1000) / 1000;
  return out;
}

/** The analysis with other findings. Unlike a spread, it leaves the sentences to be placed only when read. */
export function withFindings(analysis: Analysis, findings: Finding[]): Analysis {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(analysis)) as Analysis;
  copy.findings = findings;
  return copy;
}

/** Judges a draft reply. Pure: the same text and options always give the same result. */
export function analyze(text: string, options: AnalyzeInput = {}): Analysis {
  return new Analyzer(throwInvalid, { shortLived: true }).analyze(text, options);
}
