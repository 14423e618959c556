import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Analyzer } from '../../src/core';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('memory while typing', () => {
  it('keeps no old copy of a 200 KB draft alive across edits', function () {
    this.timeout(120_000);
    const paragraph = (n: number) =>
      `Unfortunately the redesign ${n} has to wait. ${'The team reviews the layout with the client every week and plans the next steps. '.repeat(5)}\n\n`;
    const paragraphs = Array.from({ length: 400 }, (_, i) => paragraph(i));
    const analyzer = new Analyzer();
    analyzer.analyze(paragraphs.join(''));
    const before = heapAfterGc();
    // Each edit changes one paragraph; a cached string cut from the whole text would pin that
    // version of it (200 KB), so edits spread over the paragraphs show any leak.
    for (let edit = 0; edit < 3000; edit++) {
      const i = (edit * 7919) % paragraphs.length;
      paragraphs[i] = paragraph(1000 + edit);
      const text = paragraphs.join('');
      assert.equal(analyzer.analyze(text).findings.filter(f => f.actual === 'Unfortunately').length, 400);
    }
    const grown = (heapAfterGc() - before) / 1e6;
    assert.ok(grown < 16, `the heap grew by ${grown.toFixed(1)} MB`);
  });
});
