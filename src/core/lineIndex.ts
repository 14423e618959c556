/**
 * Offset → line/column over a text (0-based lines and UTF-16 columns), as VS Code counts them.
 * The line starts are found on the first lookup: a draft without directives never needs them,
 * and a keystroke in a long draft should not scan it for line breaks.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const text = this.text;
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      // Only \n breaks lines: a native search per line instead of a look at every character.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    }
    return (this.starts = starts);
  }

  positionAt(offset: number): { line: number; character: number } {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }
}
