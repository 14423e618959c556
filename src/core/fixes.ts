import type { Analysis, Finding, Fix, TextEdit } from './types';

/**
 * Applies edits to a text: bottom-up, so earlier offsets stay valid, and an edit that overlaps
 * one already applied is skipped. Pure; returns the new text and the edits it applied.
 */
function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const applied: TextEdit[] = [];
  let out = text;
  let floor = Infinity;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.start > e.end) continue;
    // Two insertions at one point would also collide.
    if (e.end > floor || (e.end === floor && applied.some(a => a.start === e.start && a.start === a.end))) continue;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    applied.push(e);
    floor = e.start;
  }
  return { text: out, applied };
}

/** Applies whole fixes: a fix whose edits would overlap another fix's is skipped as a whole. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const taken: Array<[number, number]> = [];
  const chosen: Fix[] = [];
  const ordered = [...fixes].sort((a, b) => Math.min(...b.edits.map(e => e.start)) - Math.min(...a.edits.map(e => e.start)));
  for (const fix of ordered) {
    const clash = fix.edits.some(e => taken.some(([s, t]) => (e.start < t && s < e.end) || (e.start === s && e.end === t)));
    if (clash) continue;
    fix.edits.forEach(e => taken.push([e.start, e.end]));
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
