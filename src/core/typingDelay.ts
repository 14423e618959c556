/**
 * How long to wait after a keystroke before checking a draft. Checks of short drafts take a few
 * milliseconds, so the writer sees findings about 100 ms after a pause; when a draft's checks get
 * slower the pause grows with them, so that checking never takes more than about a quarter of
 * the writer's typing time. Free of `vscode`: the unit tests run it.
 */
export const SHORTEST_DELAY_MS = 100;
export const LONGEST_DELAY_MS = 1500;
/** The pause is this many times a recent check's duration. */
const PAUSE_PER_CHECK = 4;

export class TypingDelay {
  /** Per document: the duration of recent checks, smoothed so that one slow check does not decide alone. */
  private readonly recentMs = new Map<string, number>();

  record(key: string, checkMs: number): void {
    if (!Number.isFinite(checkMs) || checkMs < 0) return;
    const previous = this.recentMs.get(key);
    this.recentMs.set(key, previous === undefined ? checkMs : (previous + checkMs) / 2);
  }

  delay(key: string): number {
    const recent = this.recentMs.get(key) ?? 0;
    return Math.round(Math.min(LONGEST_DELAY_MS, Math.max(SHORTEST_DELAY_MS, PAUSE_PER_CHECK * recent)));
  }

  forget(key: string): void {
    this.recentMs.delete(key);
  }
}
