import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { checkRewrite, inventedFacts } from '../../src/core/aiCheck';
import { rewriteTarget } from '../../src/core/aiPrompt';

const QUOTE = '> Could you redesign the whole shop before the sale?';
const DRAFT = `Hi Ann,\n\n${QUOTE}\n\nUnfortunately I can't take on the redesign before the 14th. I will get back to you ASAP.\n\nBest,\nBo\n`;
const GOOD = `Hi Ann,\n\n${QUOTE}\n\nThank you for asking about the shop redesign. I understand how much the sale matters to you. ` +
  'My calendar is fully booked until the 14th, so the full redesign is more than I can take on before then. ' +
  'What I can offer is a review of your product pages [date]. Which part of the shop matters most to you for the sale?\n\nBest,\nBo';

/** The check of `rewrite` put in place of the draft's reply. */
function check(rewrite: string, draft = DRAFT) {
  const target = rewriteTarget(draft);
  assert.ok(target);
  const after = analyze(draft.slice(0, target.start) + rewrite + draft.slice(target.end));
  return checkRewrite({ draft: target.text, document: draft, rewrite, before: analyze(draft), after });
}

describe('Rewrite with AI: the coach’s check of a rewrite', () => {
  it('gives the score before and after and the principles gained, and flags nothing in an honest rewrite', () => {
    const result = check(GOOD);
    assert.equal(result.scoreBefore, analyze(DRAFT).score);
    assert.ok(result.scoreAfter > result.scoreBefore, `${result.scoreAfter} > ${result.scoreBefore}`);
    assert.ok(result.gained.includes('empathy') && result.gained.includes('alternative'), result.gained.join());
    assert.deepEqual(result.lost, []);
    assert.deepEqual(result.flags, []);
  });

  it('flags a rewrite that scores lower and names the principles it lost', () => {
    const result = check(GOOD, `${GOOD}\n`.replace('Unfortunately ', ''));
    assert.equal(result.scoreBefore, result.scoreAfter, 'the same text scores the same');
    const worse = check(`Hi Ann,\n\n${QUOTE}\n\nUnfortunately that is not possible. Maybe later, ASAP.\n\nBest,\nBo`, `${GOOD}\n`);
    assert.ok(worse.scoreAfter < worse.scoreBefore);
    assert.ok(worse.lost.includes('empathy'), worse.lost.join());
    assert.ok(worse.flags.some(f => f.kind === 'lowerScore'));
  });

  it('flags dates and numbers the draft never had', () => {
    const result = check(GOOD.replace('[date]', 'by Friday, 14 March').replace('product pages', '3 product pages'));
    assert.deepEqual(result.flags, [{ kind: 'inventedNumbers', values: ['3'] }, { kind: 'inventedDates', values: ['Friday', '14 March'] }]);
  });

  it('accepts the draft’s own numbers and dates however they are written', () => {
    assert.deepEqual(inventedFacts('The fee is 1.500 EUR, due on Friday the 11th (11.05.2026).', 'The fee of 1,500 EUR is due on Friday, the 11th: 11.05.2026.'),
      { numbers: [], dates: [] });
    assert.deepEqual(inventedFacts('Am Montag, 3. März, um 15 Uhr.', 'Montag, den 3. März, 15 Uhr passt.'), { numbers: [], dates: [] });
    assert.deepEqual(inventedFacts('We meet on Monday.', 'We meet on Monday, 4 May, at 10.'), { numbers: ['10'], dates: ['4 May'] });
    assert.deepEqual(inventedFacts('Wir sprechen am Montag.', 'Wir sprechen am Dienstag, 12.05.'), { numbers: [], dates: ['Dienstag', '12.05.'] });
    assert.deepEqual(inventedFacts('I may help.', 'You may ask [date].'), { numbers: [], dates: [] }, '“may” alone is a verb; placeholders hold no facts');
  });

  it('flags a rewrite in another language and one that changes the client’s quoted lines', () => {
    const german = check(`Hallo Ann,\n\n${QUOTE}\n\nVielen Dank für Ihre Anfrage. Ich verstehe, wie wichtig Ihnen der Verkauf ist, und biete Ihnen eine Prüfung Ihrer Seiten an.\n\nViele Grüße\nBo`);
    assert.ok(german.flags.some(f => f.kind === 'languageChanged' && f.from === 'en' && f.to === 'de'), JSON.stringify(german.flags));
    const dropped = check(GOOD.replace(`${QUOTE}\n\n`, ''));
    assert.ok(dropped.flags.some(f => f.kind === 'quotesChanged'));
    assert.ok(!check(GOOD).flags.some(f => f.kind === 'quotesChanged'));
  });

  it('flags an empty rewrite', () => {
    assert.ok(check('').flags.some(f => f.kind === 'empty'));
  });
});
