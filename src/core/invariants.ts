/**
 * Invariants of the engine's output: every finding's range and every edit lie inside the text,
 * on code-point boundaries. A block's findings are checked against the block's text when it is
 * judged (and its edges when it is placed); the document's own findings on every analysis.
 */
import type { Finding } from './types';

/** Offset `i` does not fall between a high (D800–DBFF) and a low (DC00–DFFF) surrogate. */
export function onBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || (text.charCodeAt(i) & 0xfc00) !== 0xdc00 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800;
}

/** A finding is valid when its range and every edit lie inside the text on code-point boundaries. */
export function isValidFinding(text: string, f: Finding): boolean {
  const inside = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length;
  const boundary = (i: number) => onBoundary(text, i);
  return inside(f.start, f.end) && f.start < f.end && boundary(f.start) && boundary(f.end) &&
    f.fixes.every(fix => fix.edits.every(e => inside(e.start, e.end) && boundary(e.start) && boundary(e.end)));
}

/** A finding the engine should never have made: a bug, reported loudly rather than shown. */
export class InvariantError extends Error {
  constructor(readonly finding: Finding, textLength: number) {
    super(`Decline Coach made an invalid finding: ${finding.entryId} at [${finding.start}, ${finding.end}) ` +
      `with edits ${JSON.stringify(finding.fixes.map(f => f.edits.map(e => [e.start, e.end])))} in a text of ${textLength} characters`);
    this.name = 'InvariantError';
  }
}

/** What to do with an invalid finding; by default, throw. A handler that returns drops the finding. */
export type InvalidFindingHandler = (error: InvariantError) => void;

export const throwInvalid: InvalidFindingHandler = error => { throw error; };

/** The findings, each checked; an invalid one goes to `onInvalid` and, if that returns, is left out. */
export function checkFindings(text: string, findings: readonly Finding[], onInvalid: InvalidFindingHandler): Finding[] {
  return findings.filter(f => {
    if (isValidFinding(text, f)) return true;
    onInvalid(new InvariantError(f, text.length));
    return false;
  });
}
