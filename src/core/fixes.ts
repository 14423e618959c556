import { compiledRules, RULES } from './compiled';
import { dropWeak } from './findingFilters';
import { wordsOf } from './pattern';
import { t } from './messages';
import { phraseFindings } from './phrases';
import { isDeletion, snippetToPlain, touchesProseOnly, upperFirst } from './rewrites';
import { blockSentences, type LangSentence, sentenceAt } from './sentences';
import type { Analysis, Finding, Fix, Lang, TextEdit } from './types';

/**
 * Applies edits to a text: bottom-up, so earlier offsets stay valid, and an edit that overlaps
 * one already applied is skipped. Pure; returns the new text and the edits it applied. The text is
 * assembled from pieces once, so many edits to a large text cost no more than one pass over it.
 */
function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const applied: TextEdit[] = [];
  const pieces: string[] = [];
  let floor = Infinity;
  let floorIsInsertion = false;
  let copiedFrom = text.length;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.start > e.end) continue;
    // Two insertions at one point would also collide.
    if (e.end > floor || (e.end === floor && e.start === floor && floorIsInsertion)) continue;
    pieces.push(text.slice(e.end, copiedFrom), e.newText);
    copiedFrom = e.start;
    applied.push(e);
    floor = e.start;
    floorIsInsertion = e.start === e.end;
  }
  pieces.push(text.slice(0, copiedFrom));
  return { text: pieces.reverse().join(''), applied };
}

type Span = readonly [start: number, end: number];

/**
 * Spans taken by the fixes chosen so far, sorted by start, highest first (fixes arrive from the
 * bottom up, so a new span mostly goes to the end). Taken spans never overlap.
 */
class TakenSpans {
  private readonly spans: Span[] = [];

  /** Index of the first span that starts before `offset`. */
  private firstBefore(offset: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid][0] >= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clashes([start, end]: Span): boolean {
    const i = this.firstBefore(end);
    if (i < this.spans.length && this.spans[i][1] > start) return true;
    // The same span twice (two insertions at one point included) clashes as well.
    for (let j = i - 1; j >= 0 && this.spans[j][0] === start; j--) if (this.spans[j][1] === end) return true;
    return false;
  }

  add(span: Span): void {
    this.spans.splice(this.firstBefore(span[0]), 0, span);
  }
}

/** Applies whole fixes: a fix whose edits would overlap another fix's is skipped as a whole. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const taken = new TakenSpans();
  const chosen: Fix[] = [];
  const ordered = fixes.map(fix => ({ fix, from: Math.min(...fix.edits.map(e => e.start)) })).sort((a, b) => b.from - a.from);
  for (const { fix } of ordered) {
    const spans = fix.edits.map(e => [e.start, e.end] as const);
    if (spans.some(s => taken.clashes(s))) continue;
    spans.forEach(s => taken.add(s));
    chosen.push(fix);
  }
  const result = applyEdits(text, chosen.flatMap(f => f.edits));
  return { text: result.text, applied: chosen };
}

/** The preferred fix of every finding that has one: what "fix all" and `--fix` apply. */
export function preferredFixes(findings: readonly Finding[]): Fix[] {
  return findings.flatMap(f => f.fixes.filter(x => x.preferred));
}

/**
 * Applies the safe rewrites until none is left (a rewrite skipped for an overlap, or one that a
 * first rewrite uncovers, is taken in the next pass), so fixing a fixed text changes nothing.
 */
export function fixAllText(text: string, judge: (text: string) => Analysis, maxPasses = 5): { text: string; count: number } {
  let current = text;
  let count = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const { text: next, applied } = applyFixes(current, preferredFixes(judge(current).findings));
    if (applied.length === 0 || next === current) break;
    count += applied.length;
    current = next;
  }
  return { text: current, count };
}

/** The smallest single edit that turns `before` into `after` (one undo step in an editor). */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) { endBefore--; endAfter--; }
  // Keep surrogate pairs whole.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(before[start] ?? '')) start--;
  if (/[\uDC00-\uDFFF]/.test(before[endBefore] ?? '') && endBefore < before.length) { endBefore++; endAfter++; }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

const total = (counts: ReadonlyMap<string, number>) => { let n = 0; for (const c of counts.values()) n += c; return n; };

const SOFTENERS = new Set(Object.values(RULES).flatMap(r => r.phrases.filter(p => p.softener).map(p => `${r.lang}.${p.id}`)));
const isRefusal = (f: Finding) => f.ruleId === 'negative-phrasing' && !SOFTENERS.has(f.entryId);

/**
 * Longer sentences, and sentences with more findings, are not judged again for each fix: their
 * fixes are offered, never applied unread. No sentence a writer means has more (and each check
 * judges the whole sentence, so a run of phrases would cost findings × length).
 */
const MAX_VERIFIED_SENTENCE = 1000;
const MAX_VERIFIED_FINDINGS = 8;

/**
 * A preferred fix is kept only if its sentence, rewritten and judged again on its own, loses that
 * finding and gains none ("Unfortunately, no." must not become the flat "No."), and a softener's
 * removal only where the sentence refuses nothing else; otherwise it is still offered, but not
 * applied unread. Findings count by entry: one whose words the fix edited
 * is still the same finding. Offsets of `findings`, `source`, `masked` and `sentences` are the
 * block's; the findings are those reported in the block.
 */
export function keepSafePreferred(findings: readonly Finding[], source: string, masked: string, sentences: readonly LangSentence[],
  messageLang: (l: Lang) => Lang): Finding[] {
  if (!findings.some(f => f.fixes.some(x => x.preferred))) return [...findings];
  // Per sentence (by its start), how often each entry is reported, and whether it refuses something.
  const bySentence = new Map<number, Map<string, number>>();
  const refusing = new Set<number>();
  for (const f of findings) {
    const at = sentenceAt(sentences, f.start)?.start ?? -1;
    let counts = bySentence.get(at);
    if (!counts) bySentence.set(at, (counts = new Map()));
    counts.set(f.entryId, (counts.get(f.entryId) ?? 0) + 1);
    if (isRefusal(f)) refusing.add(at);
  }
  return findings.map(finding => {
    const sentence = sentenceAt(sentences, finding.start);
    if (sentence && SOFTENERS.has(finding.entryId) && refusing.has(sentence.start)) {
      finding = withClauseReframe(finding, findings, source, masked, sentence, messageLang(sentence.lang));
    }
    const preferred = finding.fixes.find(x => x.preferred);
    if (!preferred) return finding;
    const counts = sentence && bySentence.get(sentence.start);
    if (sentence && counts && sentence.end - sentence.start <= MAX_VERIFIED_SENTENCE && total(counts) <= MAX_VERIFIED_FINDINGS
      && !(SOFTENERS.has(finding.entryId) && refusing.has(sentence.start))
      && rewritesCleanly(finding, preferred, counts, source, masked, sentence, messageLang)) {
      return finding;
    }
    return { ...finding, fixes: finding.fixes.map(x => (x === preferred ? { ...x, preferred: false } : x)) };
  });
}

/**
 * A softener next to a refusal first offers both at once: the softener goes and the refusal is
 * reframed ("Unfortunately, I can't include X" → "I can include X ${1:if/once …}").
 */
function withClauseReframe(softener: Finding, findings: readonly Finding[], source: string, masked: string, sentence: LangSentence, lang: Lang): Finding {
  // A removal that would take markup with it is not offered as part of a reframe.
  const removal = softener.fixes.find(x => isDeletion(x, source) && touchesProseOnly(x, source, masked));
  const refusal = findings.find(f => isRefusal(f) && f.start >= sentence.start && f.start < sentence.end && f.fixes.some(x => x.snippet));
  const reframe = refusal?.fixes.find(x => x.snippet);
  if (!removal || !reframe) return softener;
  const edits = joinedEdits(removal.edits, reframe.edits);
  if (!edits) return softener;
  const local = edits.map(e => ({ ...e, start: e.start - sentence.start, end: e.end - sentence.start }));
  // Titled with the whole sentence as it reads after: both edits together are the point.
  const after = snippetToPlain(applyEdits(source.slice(sentence.start, sentence.end), local).text).trim();
  const both: Fix = { title: t(lang, 'fix.replace', after), preferred: false, snippet: true, edits };
  return { ...softener, fixes: [both, ...softener.fixes] };
}

/**
 * The edits of a removal and a reframe together, or undefined where they collide. A removal that
 * capitalises the next word meets a reframe starting there ("Unfortunately, we aren't" → "We are"):
 * the removal stops at that word, and the reframe takes the capital.
 */
function joinedEdits(removal: readonly TextEdit[], reframe: readonly TextEdit[]): TextEdit[] | undefined {
  const clash = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end;
  if (!removal.some(a => reframe.some(b => clash(a, b)))) return [...removal, ...reframe];
  if (removal.length !== 1) return undefined;
  const [cut] = removal;
  const first = reframe.reduce((a, b) => (b.start < a.start ? b : a));
  const capitalOnly = cut.start < first.start && cut.end - first.start <= 2 && cut.newText.length === cut.end - first.start;
  if (!capitalOnly || reframe.some(b => b !== first && clash(cut, b))) return undefined;
  return [{ start: cut.start, end: first.start, newText: '' }, ...reframe.map(b => (b === first ? { ...b, newText: upperFirst(b.newText) } : b))];
}

function rewritesCleanly(finding: Finding, fix: Fix, before: ReadonlyMap<string, number>, source: string, masked: string,
  sentence: LangSentence, messageLang: (l: Lang) => Lang): boolean {
  const { start, end, lang } = sentence;
  if (fix.edits.some(e => e.start < start || e.end > end)) return false;
  const local = fix.edits.map(e => ({ ...e, start: e.start - start, end: e.end - start }));
  const newSource = applyEdits(source.slice(start, end), local).text;
  const newMasked = applyEdits(masked.slice(start, end), local).text;
  const newSentences = blockSentences(newMasked, lang, true);
  const after = dropWeak(phraseFindings(newSource, newMasked, wordsOf(newMasked), lang, compiledRules(lang), newSentences, messageLang(lang)), newSentences);
  const left = new Map(before);
  left.set(finding.entryId, (left.get(finding.entryId) ?? 0) - 1);
  for (const f of after) {
    const n = left.get(f.entryId) ?? 0;
    if (n <= 0) return false;
    left.set(f.entryId, n - 1);
  }
  return true;
}
