import * as assert from 'node:assert/strict';
import { analyze, isValidFinding } from '../../src/core';
import { checkInvariants, fuzzDraft } from '../fuzz';

const RUNS = Number(process.env.FUZZ_RUNS || 3000);

describe('robustness', () => {
  it(`keeps its invariants on ${RUNS} generated hostile drafts`, function () {
    this.timeout(120000);
    const problems: string[] = [];
    for (let seed = 0; seed < RUNS && problems.length < 5; seed++) {
      const problem = checkInvariants(fuzzDraft(seed));
      if (problem) problems.push(`seed ${seed}: ${problem}`);
    }
    assert.deepEqual(problems, []);
  });

  it('survives 10 000 levels of nested quotes and lists', () => {
    for (const marker of ['> ', '- ', '1. ']) {
      const text = `Hi Ann,\n\n${marker.repeat(10000)}Unfortunately no.\n\nLeider nicht.`;
      const r = analyze(text);
      assert.ok(r.findings.every(f => isValidFinding(text, f)));
    }
  });

  it('survives a 5 MB line, unclosed fences and HTML', function () {
    this.timeout(60000);
    const line = 'Unfortunately it is booked. '.repeat(180000);
    const r = analyze(line);
    assert.ok(r.findings.length > 0 && r.findings.every(f => isValidFinding(line, f)));
    assert.equal(analyze('Hi,\n\n```\nUnfortunately\n').findings.filter(f => f.ruleId === 'negative-phrasing').length, 0);
    assert.doesNotThrow(() => analyze('<div>\nUnfortunately <span attr="\n\nLeider'));
  });

  it('never splits a surrogate pair', () => {
    const text = '\uD83DUnfortunately\uDE00 🎉Unfortunately🎉 no.';
    for (const f of analyze(text).findings) assert.ok(isValidFinding(text, f), `${f.start}-${f.end}`);
  });
});
