import * as assert from 'node:assert/strict';
import { analyze, fixAllText } from '../../src/core';

const fixAll = (text: string) => fixAllText(text, t => analyze(t)).text;

describe('rewrites keep the meaning', () => {
  it('fix-all never turns a hedge into a promise', () => {
    const text = 'Hi Mia,\n\nI’m not sure I’ll have the capacity in June. I’ll try to send a plan. Maybe in Q3?\n\nBest,\nKim\n';
    assert.equal(fixAll(text), text);
  });

  it('a softener whose removal would leave a bare refusal is offered, not applied', () => {
    const text = 'Hi Mia,\n\nThanks for the brief. Unfortunately, no.\n';
    const softener = analyze(text).findings.find(f => f.entryId === 'en.unfortunately');
    assert.ok(softener && softener.fixes.length === 1, 'the removal is offered');
    assert.equal(softener.fixes[0].preferred, false);
    assert.equal(fixAll(text), text);
  });

  it('„kein Problem“ becomes what fits its sentence', () => {
    assert.equal(fixAll('Hallo Jan,\n\nDas ist kein Problem. Kein Problem, wenn du erst später zahlst.\n'),
      'Hallo Jan,\n\nDas ist in Ordnung. Völlig in Ordnung, wenn du erst später zahlst.\n');
  });
});
