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

  it('a sentence crowded with findings has its fixes offered, none applied unread', () => {
    const draft = (vague: number) => `Hallo Jan,\n\nDas ist kein Problem, wir liefern ${Array(vague).fill('zeitnah').join(', ')}.\n`;
    const safeFix = (text: string) => analyze(text).findings.find(f => f.entryId === 'de.kein-problem')?.fixes[0];
    assert.equal(safeFix(draft(2))?.preferred, true, 'checked and applied where the sentence is one a writer means');
    const crowded = safeFix(draft(12));
    assert.ok(crowded, 'still offered');
    assert.equal(crowded.preferred, false);
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
    const softener = analyze(text).findings.find(f => f.actual === 'Leider kann ich');
    assert.equal(softener?.fixes[0].title, 'Ersetzen durch „Ich kann den Relaunch [ab …] übernehmen.“', 'titled with the sentence as it reads after');
  });

  it('a softener whose removal capitalises the next word joins a reframe that starts there', () => {
    const text = 'Hi Mia,\n\nUnfortunately, we aren’t taking new clients.\n';
    assert.equal(firstFix(text, 'Unfortunately,'), 'Hi Mia,\n\nWe are taking new clients [if/once …].\n');
  });

  it('a reframe in two places is titled with its sentence as it reads after (de, words before the phrase change too)', () => {
    const text = 'Hallo Jan,\n\nFür die Server bin ich nicht zuständig.\n';
    assert.equal(firstFix(text, 'nicht zuständig'), 'Hallo Jan,\n\nFür die Server ist [Name] zuständig.\n');
    const finding = analyze(text).findings.find(f => f.actual === 'nicht zuständig');
    assert.equal(finding?.fixes[0].title, 'Ersetzen durch „Für die Server ist [Name] zuständig.“');
  });

  it('“not possible right now” becomes “possible from …”, the time phrase with it', () => {
    const text = 'Hi Mia,\n\nI’m afraid it’s not possible right now.\n';
    assert.equal(firstFix(text, 'not possible'), 'Hi Mia,\n\nI’m afraid it’s possible from [date].\n');
  });
});

describe('inserted sentences go where a good reply has them', () => {
  /** The draft after the fix of the document finding `ruleId`, placeholders bracketed. */
  const withFix = (text: string, ruleId: string) => {
    const finding = analyze(text).findings.find(f => f.ruleId === ruleId);
    assert.ok(finding?.fixes[0], `a fix for ${ruleId}`);
    return snippetToPlain(applyFixes(text, [finding.fixes[0]]).text);
  };

  it('a generic thanks is turned into the acknowledgement, not thanked twice (de)', () => {
    const text = 'Hallo Herr Vogt,\n\nvielen Dank für Ihre Nachricht. Leider sind wir bis Ende Februar ausgebucht. Welche Seiten sind Ihnen wichtig?\n';
    assert.equal(withFix(text, 'missing-acknowledgement'),
      'Hallo Herr Vogt,\n\nVielen Dank für Ihre Anfrage zu [dem, worum es geht]. Leider sind wir bis Ende Februar ausgebucht. Welche Seiten sind Ihnen wichtig?\n');
  });

  it('a generic thanks is turned into the acknowledgement, and empathy follows it (en)', () => {
    const text = 'Hi Ann,\n\nThanks for your email. Unfortunately, I can’t take on the redesign. Which pages matter most to you?\n';
    assert.equal(withFix(text, 'missing-acknowledgement'),
      'Hi Ann,\n\nThank you for your request about [what they asked for]. Unfortunately, I can’t take on the redesign. Which pages matter most to you?\n');
    assert.equal(withFix(text, 'missing-empathy'),
      'Hi Ann,\n\nThanks for your email. I understand [why this matters to you]. Unfortunately, I can’t take on the redesign. Which pages matter most to you?\n');
  });

  it('the alternative follows the reason that follows the refusal', () => {
    const text = 'Hi Ann,\n\nThanks for asking about the shop redesign. Unfortunately, I can’t take it on. My calendar is booked until May.\n';
    assert.equal(withFix(text, 'missing-alternative'),
      'Hi Ann,\n\nThanks for asking about the shop redesign. Unfortunately, I can’t take it on. My calendar is booked until May. What I can offer instead is [what you can offer] by [date].\n');
  });

  it('never splits a date the sentence splitter cut at its full stop', () => {
    const text = 'Hi Ann,\n\nThanks for asking about the shop launch. Unfortunately I can’t do the 12. July slot.\n';
    assert.equal(withFix(text, 'missing-alternative'),
      'Hi Ann,\n\nThanks for asking about the shop launch. Unfortunately I can’t do the 12. July slot. What I can offer instead is [what you can offer] by [date].\n');
  });
});
