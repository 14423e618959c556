import * as assert from 'node:assert/strict';
import { analyze, InvariantError, isValidFinding } from '../../src/core';
import { checkFindings, throwInvalid } from '../../src/core/invariants';
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

  it('catches a broken invariant: the fuzz check sees the engine\'s output unfiltered', () => {
    const text = 'Hi Ann,\n\nUnfortunately, I can’t help.';
    assert.equal(checkInvariants(text), undefined);
    const stretched = (t: string) => {
      const a = analyze(t);
      return { ...a, findings: a.findings.map((f, i) => (i === 0 ? { ...f, end: t.length + 1 } : f)) };
    };
    assert.match(checkInvariants(text, stretched) ?? '', /^invalid range or edit in negative-phrasing \[9,\d+\]$/);
  });

  it('throws on an invalid finding by default, and leaves it out when a handler logs it', () => {
    const text = 'Unfortunately no.';
    const [finding] = analyze(text).findings.filter(f => f.ruleId === 'negative-phrasing');
    const broken = { ...finding, fixes: [{ ...finding.fixes[0], edits: [{ start: 0, end: 99, newText: '' }] }] };
    assert.throws(() => checkFindings(text, [finding, broken], throwInvalid),
      (e: unknown) => e instanceof InvariantError && /en\.unfortunately at \[0, 13\) with edits \[\[\[0,99\]\]\] in a text of 17 characters/.test(e.message));
    const logged: string[] = [];
    assert.deepEqual(checkFindings(text, [finding, broken], e => logged.push(e.message)), [finding]);
    assert.equal(logged.length, 1);
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
