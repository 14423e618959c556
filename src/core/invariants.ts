/**
 * Invariants of the engine's output: every finding's range and every edit lie inside the text,
 * on code-point boundaries. Checked on every analysis, after judgement.
 */
import type { Finding } from './types';

/** A finding is valid when its range and every edit lie inside the text on code-point boundaries. */
export function isValidFinding(text: string, f: Finding): boolean {
  const inside = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length;
  const boundary = (i: number) => i <= 0 || i >= text.length || !(/[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]));
  return inside(f.start, f.end) && f.start < f.end && boundary(f.start) && boundary(f.end) &&
    f.fixes.every(fix => fix.edits.every(e => inside(e.start, e.end) && boundary(e.start) && boundary(e.end)));
}
