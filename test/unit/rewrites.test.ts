import * as assert from 'node:assert/strict';
import { analyze, applyFixes, fixAllText, snippetToPlain } from '../../src/core';

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

describe('reframing fixes say what is possible', () => {
  /** The draft after the first fix offered on `actual`, placeholders read as their default. */
  const firstFix = (text: string, actual: string) => {
    const finding = analyze(text).findings.find(f => f.actual === actual);
    assert.ok(finding?.fixes[0], `a fix on “${actual}”`);
    assert.equal(finding.fixes[0].preferred, false, 'a reframe is filled in by the writer, never applied unread');
    return snippetToPlain(applyFixes(text, [finding.fixes[0]]).text);
  };

  it('a softener next to a refusal first offers to reframe the whole clause (en)', () => {
    const text = 'Hi Mia,\n\nUnfortunately, I can’t include a brand guide at that price.\n';
    assert.equal(firstFix(text, 'Unfortunately,'), 'Hi Mia,\n\nI can include a brand guide at that price [if/once …].\n');
  });

  it('a softener next to a refusal first offers to reframe the whole clause (de, verb stays last)', () => {
    const text = 'Hallo Herr Vogt,\n\nLeider kann ich den Relaunch nicht übernehmen.\n';
    assert.equal(firstFix(text, 'Leider kann ich'), 'Hallo Herr Vogt,\n\nIch kann den Relaunch [ab …] übernehmen.\n');
  });

  it('“not possible right now” becomes “possible from …”, the time phrase with it', () => {
    const text = 'Hi Mia,\n\nI’m afraid it’s not possible right now.\n';
    assert.equal(firstFix(text, 'not possible'), 'Hi Mia,\n\nI’m afraid it’s possible from [date].\n');
  });
});
