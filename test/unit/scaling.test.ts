import * as assert from 'node:assert/strict';
import { countLanguage } from '../../src/core/language';
import { HOSTILE_FAMILIES } from '../hostile';

const N = 32_000;
/** Linear work grows 4× from n to 4n, quadratic 16×; the margin absorbs a loaded machine. */
const MAX_GROWTH = 6;

/** Runs of `run` that last at least `minMs` together (and warm the code up on the way). */
function repsFor(run: () => unknown, minMs = 60): number {
  let reps = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) run();
    if (performance.now() - start >= minMs || reps >= 1024) return reps;
    reps *= 2;
  }
}

function msPer(run: () => unknown, reps: number): number {
  const start = performance.now();
  for (let i = 0; i < reps; i++) run();
  return (performance.now() - start) / reps;
}

/**
 * Time at 4n ÷ time at n. Samples of both sizes alternate, so drift (JIT) hits both alike, and the
 * fastest sample of each counts: other processes only ever add time, and on a loaded machine
 * they add so much that even medians swing by 3×.
 */
function growth(runSmall: () => unknown, runLarge: () => unknown): number {
  const smallReps = repsFor(runSmall);
  const largeReps = repsFor(runLarge);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < 7; i++) {
    small.push(msPer(runSmall, smallReps));
    large.push(msPer(runLarge, largeReps));
  }
  return Math.min(...large) / Math.min(...small);
}

describe('scaling on hostile input (time at 4n ÷ time at n)', () => {
  for (const family of HOSTILE_FAMILIES) {
    it(`${family.name} grows linearly`, function () {
      this.timeout(120_000);
      const small = family.make(N);
      const large = family.make(4 * N);
      // Quadratic work grows 16× every time; a linear family that looks slower once was disturbed.
      let grew = Infinity;
      for (let attempt = 0; attempt < 3 && grew >= MAX_GROWTH; attempt++) grew = Math.min(grew, growth(() => family.run(small), () => family.run(large)));
      assert.ok(grew < MAX_GROWTH, `grew ${grew.toFixed(1)}× from ${small.length} to ${large.length} characters`);
    });
  }
});

describe('scaling of fast paths once V8 has optimised them', () => {
  it('counts function words linearly after texts that take the long way', function () {
    this.timeout(120_000);
    // Optimised on texts the fast loop hands to the long way, the first version of the loop made
    // the long way's lower-cased copy at every character: minutes for a 5 MB paragraph.
    for (let i = 0; i < 20_000; i++) countLanguage(`${i % 2 ? 'İstanbul' : 'We can’t do it 😀'} ${i}`);
    const paragraph = (n: number) => 'Unfortunately it is booked. '.repeat(Math.ceil(n / 28)).slice(0, n);
    const small = paragraph(N);
    const large = paragraph(4 * N);
    let grew = Infinity;
    for (let attempt = 0; attempt < 3 && grew >= MAX_GROWTH; attempt++) grew = Math.min(grew, growth(() => countLanguage(small), () => countLanguage(large)));
    assert.ok(grew < MAX_GROWTH, `grew ${grew.toFixed(1)}× from ${small.length} to ${large.length} characters`);
  });
});
