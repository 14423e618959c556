import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Analysis, analyze, applyFixes, type Finding, RULES, snippetToPlain } from '../../src/core';
import { isDeletion } from '../../src/core/rewrites';
import { fuzzDraft } from '../fuzz';

const ROOT = resolve(__dirname, '../../..');

/** The corpus drafts (when present), the example replies, every rule example and the fuzz drafts. */
function drafts(): Array<[name: string, text: string]> {
  const out: Array<[string, string]> = [];
  const corpus = join(ROOT, '..', 'shared', 'corpus', 'dev.jsonl');
  if (existsSync(corpus)) {
    for (const line of readFileSync(corpus, 'utf8').split('\n').filter(l => l.trim())) {
      const row = JSON.parse(line) as { id: string; text: string };
      out.push([row.id, row.text]);
    }
  }
  const examples = join(ROOT, 'examples');
  for (const file of readdirSync(examples)) out.push([file, readFileSync(join(examples, file), 'utf8')]);
  for (const rules of Object.values(RULES)) {
    for (const entry of rules.phrases) for (const e of entry.examples) out.push([`${rules.lang}.${entry.id}`, e.input]);
  }
  for (let seed = 0; seed < 300; seed++) out.push([`fuzz ${seed}`, fuzzDraft(seed)]);
  return out;
}

/** What a finding is, for counting: by entry (a finding whose words the fix edited is still the same finding). */
const keyOf = (f: Finding) => f.entryId;

function counts(analysis: Analysis): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of analysis.findings) out.set(keyOf(f), (out.get(keyOf(f)) ?? 0) + 1);
  return out;
}

describe('preferred fixes keep the rest of the draft', () => {
  const all = drafts();

  it(`on ${all.length} drafts: each removes its finding, adds none, and changes only its own sentence`, function () {
    this.timeout(120000);
    let checked = 0;
    // In each language forced: a fix to a mixed or garbled draft may tip the language guess, which is no new finding.
    for (const [name, text] of all) for (const language of ['en', 'de'] as const) {
      const before = analyze(text, { language });
      const beforeCounts = counts(before);
      for (const finding of before.findings) {
        const preferred = finding.fixes.filter(f => f.preferred);
        assert.ok(preferred.length <= 1, `${name}: ${finding.entryId} has ${preferred.length} preferred fixes`);
        if (preferred.length === 0) continue;
        checked++;
        const where = `${name}: ${finding.entryId} “${finding.actual}”`;
        const sentence = before.sentences.find(s => s.start <= finding.start && finding.end <= s.end);
        assert.ok(sentence, `${where} lies in a sentence`);
        const fixed = applyFixes(text, preferred).text;
        const tail = text.length - sentence.end;
        assert.equal(fixed.slice(0, sentence.start), text.slice(0, sentence.start), `${where}: text before its sentence`);
        assert.equal(fixed.slice(fixed.length - tail), text.slice(sentence.end), `${where}: text after its sentence`);
        const afterCounts = counts(analyze(fixed, { language }));
        for (const [key, n] of afterCounts) {
          const allowed = (beforeCounts.get(key) ?? 0) - (key === keyOf(finding) ? 1 : 0);
          assert.ok(n <= allowed, `${where}: after the fix “${key}” is reported ${n}×, before ${beforeCounts.get(key) ?? 0}× (${JSON.stringify(fixed.slice(sentence.start, fixed.length - tail))})`);
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} preferred fixes were checked`);
  });

  it(`on ${all.length} drafts: each reframe of a negative phrase, placeholders as written, removes its finding, adds no negative phrasing, and stays in its sentence`, function () {
    this.timeout(120000);
    let checked = 0;
    for (const [name, text] of all) for (const language of ['en', 'de'] as const) {
      const before = analyze(text, { language });
      const negative = (a: Analysis) => counts({ ...a, findings: a.findings.filter(f => f.ruleId === 'negative-phrasing') });
      const beforeCounts = negative(before);
      for (const finding of before.findings.filter(f => f.ruleId === 'negative-phrasing')) {
        for (const reframe of finding.fixes.filter(f => !isDeletion(f, text))) {
          checked++;
          const where = `${name}: ${finding.entryId} “${finding.actual}” → ${reframe.title}`;
          const sentence = before.sentences.find(s => s.start <= finding.start && finding.end <= s.end);
          assert.ok(sentence && reframe.edits.every(e => sentence.start <= e.start && e.end <= sentence.end), `${where}: edits stay in the sentence`);
          const afterCounts = negative(analyze(snippetToPlain(applyFixes(text, [reframe]).text), { language }));
          for (const [key, n] of afterCounts) {
            const allowed = (beforeCounts.get(key) ?? 0) - (key === keyOf(finding) ? 1 : 0);
            assert.ok(n <= allowed, `${where}: after it “${key}” is reported ${n}×, before ${beforeCounts.get(key) ?? 0}×`);
          }
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} reframes were checked`);
  });
});
