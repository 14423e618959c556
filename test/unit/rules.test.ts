import * as assert from 'node:assert/strict';
import { analyze, applyFixes, compileLanguage, type Finding, type Lang, RULES, snippetToPlain } from '../../src/core';
import type { Matcher } from '../../src/core/compiled';
import { PatternError } from '../../src/core/pattern';
import { isDeletion } from '../../src/core/rewrites';
import type { PhraseEntry, RuleExample } from '../../src/core/rules/schema';

/** How often each entry is reported: what a rewrite may lower, never raise. */
const countsOf = (findings: readonly Finding[]) => {
  const out = new Map<string, number>();
  for (const f of findings) out.set(f.entryId, (out.get(f.entryId) ?? 0) + 1);
  return out;
};

/** The reframe an example's data expects: `reframed`, or the first fix's output when that fix already says something new. */
function expectedReframe(example: RuleExample, finding: Finding): string | undefined {
  if (example.reframed !== undefined) return example.reframed;
  const first = finding.fixes[0];
  return first && !isDeletion(first, example.input) ? example.output : undefined;
}

/** A softener whose removal is safe here: the rest of its sentence refuses nothing, so the removal is the reframe. */
const safeSoftenerRemoval = (entry: PhraseEntry, finding: Finding, input: string) =>
  Boolean(entry.softener) && finding.fixes.some(f => f.preferred && isDeletion(f, input));

/** Runs every rule entry's own examples, the way LanguageTool runs its rule examples. */
for (const lang of Object.keys(RULES) as Lang[]) {
  const rules = RULES[lang];
  describe(`rule data (${lang})`, () => {
    it('compiles, with unique ids and well-formed fixes', () => {
      const compiled = compileLanguage(rules);
      // Each RegExp is built when first run: build every one, so a malformed pattern fails here; and
      // count them against the data, so a list of patterns the engine would leave out fails too.
      const entries = new Set(compiled.entryOf.values());
      const matchers = [...Object.values(compiled).filter(Array.isArray).flat(), ...[...entries].flatMap(e => [...e.exceptions, ...e.unlessSentenceHas])];
      const lists = [
        ...rules.phrases.flatMap(e => [e.patterns, e.exceptions, e.unlessSentenceHas]),
        rules.acknowledgement.openers, rules.acknowledgement.restatements, rules.empathy.patterns, rules.empathy.exceptions,
        rules.reason.patterns, rules.reason.exceptions, rules.alternative.patterns, rules.alternative.exceptions, rules.clarify.infoRequests,
        rules.clarify.closingQuestions, rules.salutation, rules.closing,
      ];
      assert.equal(matchers.length, lists.reduce((n, list) => n + (list?.length ?? 0), 0), 'every pattern of the rule data is built');
      for (const m of matchers) assert.ok((m as Matcher).re instanceof RegExp);
      const broken = compileLanguage({ ...rules, phrases: [{ ...rules.phrases[0], patterns: ['{NO_SUCH_CLASS} help'] }] });
      assert.throws(() => broken.phrasePatterns[0].re, PatternError, 'a malformed pattern fails when built');
      const ids = rules.phrases.map(p => p.id);
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
      for (const entry of rules.phrases) {
        assert.ok(entry.examples.length > 0, `${entry.id} has examples`);
        assert.ok(entry.counterexamples.length > 0, `${entry.id} has counterexamples`);
        // Several preferred templates are allowed only when their `when` tells them apart (checked per finding below).
        const preferred = (entry.fixes ?? []).filter(f => f.preferred);
        assert.ok(preferred.filter(f => !f.when).length <= 1, `${entry.id}: at most one unconditional preferred fix`);
        for (const f of preferred) assert.ok(!/\$\{\d/.test(f.with), `${entry.id}: a preferred fix has no placeholder`);
        for (const f of entry.fixes ?? []) {
          for (const source of [f.when?.match, f.when?.before, f.when?.after, f.absorb]) if (source !== undefined) new RegExp(source, 'iu');
        }
      }
    });

    // Every negative-phrasing finding gets a fix that says what is possible, not only a deletion,
    // and the data records what it gives: an entry added later without one fails here.
    it('every negative-phrasing example has a reframe, recorded in the data', () => {
      const missing: string[] = [];
      for (const entry of rules.phrases.filter(e => e.rule === 'negative-phrasing')) {
        for (const example of entry.examples) {
          const finding = analyze(example.input, { language: lang }).findings.find(f => f.entryId === `${lang}.${entry.id}`);
          if (!finding || safeSoftenerRemoval(entry, finding, example.input)) continue;
          if (!finding.fixes.some(f => !isDeletion(f, example.input))) missing.push(`${entry.id}: no reframe for “${example.input}”`);
          else if (expectedReframe(example, finding) === undefined) missing.push(`${entry.id}: “${example.input}” does not record its reframe`);
        }
      }
      assert.deepEqual(missing, []);
    });

    for (const entry of rules.phrases) {
      const entryId = `${lang}.${entry.id}`;
      describe(entry.id, () => {
        for (const example of entry.examples) {
          it(`flags “${example.flagged}” in “${example.input}”`, () => {
            const found = analyze(example.input, { language: lang }).findings.filter(f => f.entryId === entryId);
            assert.deepEqual(found.map(f => f.actual), [example.flagged]);
            const [finding] = found;
            assert.equal(finding.ruleId, entry.rule);
            assert.ok(finding.fixes.filter(f => f.preferred).length <= 1, 'at most one preferred fix');
            const results = finding.fixes.map(f => snippetToPlain(applyFixes(example.input, [f]).text));
            for (const wrong of example.never ?? []) assert.ok(!results.includes(wrong), `no fix gives “${wrong}”`);
            if (example.output === undefined) {
              assert.equal(finding.fixes.length, 0, 'no rewrite is offered where none is safe');
              return;
            }
            const fix = finding.fixes[0];
            assert.ok(fix, 'a rewrite is offered');
            const fixed = applyFixes(example.input, [fix]).text;
            assert.equal(snippetToPlain(fixed), example.output);
            const again = analyze(example.filled ?? snippetToPlain(fixed), { language: lang }).findings.filter(f => f.entryId === entryId);
            assert.deepEqual(again.map(f => f.actual), [], 'the rewrite clears the finding');
            const reframed = expectedReframe(example, finding);
            if (reframed === undefined) return;
            const reframe = finding.fixes.find(f => !isDeletion(f, example.input));
            assert.ok(reframe, 'a fix says what is possible');
            assert.equal(snippetToPlain(applyFixes(example.input, [reframe]).text), reframed);
            const before = countsOf(analyze(example.input, { language: lang }).findings.filter(f => f.ruleId === 'negative-phrasing'));
            const after = countsOf(analyze(reframed, { language: lang }).findings.filter(f => f.ruleId === 'negative-phrasing'));
            assert.ok(!after.has(entryId), `the reframe clears the finding: ${reframed}`);
            for (const [id, n] of after) assert.ok(n <= (before.get(id) ?? 0), `the reframe adds no negative phrasing (${id}): ${reframed}`);
          });
        }
        for (const counter of entry.counterexamples) {
          it(`stays silent on “${counter}”`, () => {
            const found = analyze(counter, { language: lang }).findings.filter(f => f.entryId === entryId);
            assert.deepEqual(found.map(f => f.actual), []);
          });
        }
      });
    }
  });
}
