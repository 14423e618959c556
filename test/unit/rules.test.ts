import * as assert from 'node:assert/strict';
import { analyze, applyFixes, compileLanguage, type Lang, RULES, snippetToPlain } from '../../src/core';

/** Runs every rule entry's own examples, the way LanguageTool runs its rule examples. */
for (const lang of Object.keys(RULES) as Lang[]) {
  const rules = RULES[lang];
  describe(`rule data (${lang})`, () => {
    it('compiles, with unique ids and well-formed fixes', () => {
      compileLanguage(rules);
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
