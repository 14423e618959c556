import * as assert from 'node:assert/strict';
import { HOSTILE_FAMILIES } from '../hostile';

const N = 32_000;
/** Linear work grows 4× from n to 4n, quadratic 16×; the margin absorbs a loaded machine. */
const MAX_GROWTH = 6;

/** Runs of `run` that last at least `minMs` together (and warm the code up on the way). */
function repsFor(run: () => unknown, minMs = 40): number {
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Time at 4n ÷ time at n; samples of both sizes alternate, so drift (JIT, load) hits both alike. */
function growth(runSmall: () => unknown, runLarge: () => unknown): number {
  const smallReps = repsFor(runSmall);
  const largeReps = repsFor(runLarge);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < 5; i++) {
    small.push(msPer(runSmall, smallReps));
    large.push(msPer(runLarge, largeReps));
  }
  return median(large) / median(small);
}

describe('scaling on hostile input (time at 4n ÷ time at n)', () => {
  for (const family of HOSTILE_FAMILIES) {
    it(`${family.name} grows linearly`, function () {
      this.timeout(120_000);
      const small = family.make(N);
      const large = family.make(4 * N);
      const grew = growth(() => family.run(small), () => family.run(large));
      assert.ok(grew < MAX_GROWTH, `grew ${grew.toFixed(1)}× from ${small.length} to ${large.length} characters`);
    });
  }
});
