import * as assert from 'node:assert/strict';
import { analyze, fixAllText } from '../../src/core';

const fixAll = (text: string) => fixAllText(text, t => analyze(t)).text;

describe('hostile drafts', () => {
  describe('fix-all deletes nothing but prose', () => {
    for (const markup of ['`npm run deploy --prod`', '<!-- decline-coach-disable-next-line -->', '<https://example.com>', '[](https://example.com)']) {
      it(`keeps ${markup} inside a softener's span`, () => {
        const text = `Hi Ann,\n\nUnfortunately ${markup}, we are booked.\n`;
        const r = analyze(text);
        const softener = r.findings.find(f => f.actual.startsWith('Unfortunately'));
        assert.ok(softener, 'the softener is still reported');
        assert.ok(softener.fixes.length > 0 && softener.fixes.every(x => !x.preferred), 'its rewrite is offered, not preferred');
        assert.equal(fixAll(text), text);
      });
    }

    it('keeps a softener next to a refusal (dropping it only makes the “no” blunter)', () => {
      const text = 'Hallo Jan,\n\nLeider kann ich am Montag nicht.\n';
      assert.equal(fixAll(text), text);
      const softener = analyze(text).findings.find(f => f.entryId === 'de.leider-satzanfang');
      assert.ok(softener?.fixes.length === 1 && !softener.fixes[0].preferred, 'its removal is offered, not preferred');
    });

    it('still removes a softener in plain prose', () => {
      assert.equal(fixAll('Hallo Jan,\n\nLeider sind wir am Montag ausgebucht.\n'), 'Hallo Jan,\n\nWir sind am Montag ausgebucht.\n');
    });
  });

  describe('custom phrases', () => {
    for (const [phrase, draft] of [
      ['E-Mail', 'Hallo Jan,\n\nIch schicke Ihnen eine E-Mail.'],
      ['follow-up', 'Hi Ann,\n\nI will send a follow-up tomorrow.'],
      ['C++', 'Hi Ann,\n\nWe do not write C++ anymore.'],
      ['(sic)', 'Hi Ann,\n\nYou wrote “urgentest” (sic) in the brief.'],
    ]) {
      it(`matches “${phrase}” literally`, () => {
        const r = analyze(draft, { customPhrases: [{ phrase, message: 'Team word' }] });
        assert.deepEqual(r.findings.filter(f => f.ruleId === 'custom-phrase').map(f => f.actual), [phrase]);
      });
    }

    it('caps a phrase with a huge number of matches instead of throwing', () => {
      const text = `Hi Ann,\n\n${'ok '.repeat(150_000)}\n`;
      const found = analyze(text, { customPhrases: [{ phrase: 'ok', message: 'Say more' }] }).findings.filter(f => f.ruleId === 'custom-phrase');
      assert.ok(found.length > 0 && found.length < 150_000, `${found.length} findings`);
    });
  });

  it('reads 130 000 quoted lines', () => {
    const text = `${'> Ok.\n>\n'.repeat(130_000)}\nUnfortunately, no.\n`;
    assert.ok(analyze(text).findings.some(f => f.actual === 'Unfortunately,'));
  });

  it('reads an unclosed directive comment as text, and the directives after a closed one', () => {
    const text = 'Hi Ann,\n\nUnfortunately no. <!-- decline-coach-disable-line -->\n\nUnfortunately not. <!-- decline-coach-disable';
    assert.deepEqual(analyze(text).findings.filter(f => f.ruleId === 'negative-phrasing').map(f => f.actual), ['Unfortunately']);
  });
});
