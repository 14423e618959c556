/**
 * Finding filters: what of the raw phrase findings is reported. A row of small steps, each on its
 * own: weak findings give way (within a sentence, so per block, with the block's cached
 * results); then, on the whole document, overlaps of one principle collapse, and phrases the
 * writer ignores and findings under a disable comment drop out.
 */
import type { Suppressions } from './directives';
import { normaliseWord } from './pattern';
import type { RawFinding } from './phrases';
import { sentenceAt, type Sentence } from './sentences';
import type { Finding, Principle } from './types';

/** Weak findings give way to any other finding of the same rule in their sentence; the mark goes. */
export function dropWeak(findings: readonly RawFinding[], sentences: readonly Sentence[]): Finding[] {
  const sentenceKey = ({ finding: f }: RawFinding) => `${f.ruleId}@${sentenceAt(sentences, f.start)?.start ?? -1}`;
  const strongKeys = new Set(findings.filter(f => !f.weak).map(sentenceKey));
  return findings.filter(f => !f.weak || !strongKeys.has(sentenceKey(f))).map(f => f.finding);
}

/** Keeps one finding per overlapping group of the same principle: the earliest, then the longest. */
function dropOverlaps<F extends Finding>(findings: readonly F[]): F[] {
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

/** The finding's words or entry id are on the writer's list of ignored phrases. */
function isIgnored(f: Finding, ignored: readonly string[]): boolean {
  if (ignored.length === 0) return false;
  const actual = ` ${normalise(f.actual).replace(/[^\p{L}\p{N}' ]/gu, ' ')} `;
  return ignored.some(p => {
    const phrase = normalise(p);
    return phrase !== '' && (phrase === f.entryId || actual.includes(` ${phrase} `));
  });
}

/** The phrase findings that are reported, in text order. */
export function reportedPhrases(found: readonly Finding[], ignored: readonly string[], suppressions: Suppressions): Finding[] {
  return dropOverlaps(found).filter(f => !isIgnored(f, ignored) && !suppressions.covers(f));
}
