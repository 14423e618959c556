import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { buildRewritePrompt, rewriteFromResponse, rewriteTarget } from '../../src/core/aiPrompt';

const EN = 'Hi Ann,\n\n> Could you redesign the whole shop before the sale?\n\nUnfortunately I can\'t take on the redesign. I will get back to you ASAP.\n\nBest,\nBo\n';

describe('Rewrite with AI: what is sent', () => {
  it('rewrites the writer’s reply only: front matter, signature and an earlier message stay out', () => {
    const doc = '---\nlang: en\n---\nHi Ann,\n\nThe shop is closed on Sunday.\n\n-- \nBo Berg, +49 30 1234\n\nOn Mon, 3 May 2026, Ann wrote:\n> Can we meet?\n';
    const target = rewriteTarget(doc);
    assert.ok(target);
    assert.equal(target.text, 'Hi Ann,\n\nThe shop is closed on Sunday.');
    assert.equal(doc.slice(target.start, target.end), target.text);
    assert.deepEqual(target.clientContext, [], 'the earlier message below “wrote:” is not sent');
  });

  it('has nothing to rewrite in a document without prose of the writer’s', () => {
    assert.equal(rewriteTarget(''), undefined);
    assert.equal(rewriteTarget('> Only the client speaks here.\n'), undefined);
    assert.equal(rewriteTarget('```\ncode only\n```\n'), undefined);
  });

  it('marks the client’s quoted words as context, apart from the draft', () => {
    const target = rewriteTarget(EN);
    assert.ok(target);
    const [, material] = buildRewritePrompt(target, analyze(EN));
    assert.ok(material.includes('<<<CLIENT MESSAGE (context only: do not rewrite, do not repeat)\nCould you redesign the whole shop before the sale?\nCLIENT MESSAGE>>>'));
    assert.ok(material.endsWith(`<<<DRAFT\n${EN.trimEnd()}\nDRAFT>>>`), 'the draft, between its markers, last');
    assert.ok(material.indexOf('CLIENT MESSAGE>>>') < material.indexOf('<<<DRAFT'));
  });

  it('carries the engine’s findings and the principles met and missed', () => {
    const target = rewriteTarget(EN);
    assert.ok(target);
    const analysis = analyze(EN);
    const [, material] = buildRewritePrompt(target, analysis);
    for (const f of analysis.findings.filter(x => x.ruleId === 'negative-phrasing' || x.ruleId === 'vague-commitment')) {
      assert.ok(material.includes(`- "${f.actual}": ${f.message}`), f.actual);
    }
    const missing = Object.entries(analysis.principles).filter(([, ok]) => !ok).map(([p]) => p);
    assert.ok(missing.length > 0);
    assert.ok(material.includes(`Principles it misses (add them, with placeholders where facts are missing): ${missing.join(', ')}.`));
  });

  it('asks to keep every fact, invent none and use placeholders in the draft’s language', () => {
    const target = rewriteTarget(EN);
    assert.ok(target);
    const [instructions] = buildRewritePrompt(target, analyze(EN));
    assert.match(instructions, /Write in English/);
    assert.match(instructions, /Keep every fact of the draft: names, numbers, prices, dates, times, places and promises stay exactly as written\./);
    assert.match(instructions, /Invent nothing\./);
    assert.match(instructions, /\[your reason\].*\[what you can offer instead\].*\[date\]/);
    for (const advice of [/name what the client asked for/, /understanding/, /Ask a real question/, /No vague times/, /by what is possible/, /Offer something instead/, /reason for the no/]) {
      assert.match(instructions, advice);
    }
  });

  it('keeps the German form of address the draft uses', () => {
    const sie = 'Sehr geehrte Frau Roth,\n\nleider kann ich den Relaunch nicht übernehmen. Ich melde mich zeitnah bei Ihnen.\n\nMit freundlichen Grüßen\nBo\n';
    const du = 'Hallo Jana,\n\nleider kann ich den Relaunch nicht übernehmen. Ich melde mich zeitnah bei dir.\n\nViele Grüße\nBo\n';
    for (const [draft, form] of [[sie, 'formal "Sie"'], [du, 'informal "du"']]) {
      const target = rewriteTarget(draft);
      assert.ok(target);
      const [instructions] = buildRewritePrompt(target, analyze(draft));
      assert.ok(instructions.includes(`Write in German, as the draft does, and address the client with the ${form} form throughout.`), form);
      assert.match(instructions, /\[Ihr Grund\].*\[Ihr Angebot\].*\[Datum\]/);
    }
  });

  it('takes the reply out of an answer wrapped in a code fence or the draft markers', () => {
    assert.equal(rewriteFromResponse('```markdown\nHi Ann,\n\nThanks.\n```'), 'Hi Ann,\n\nThanks.');
    assert.equal(rewriteFromResponse('<<<DRAFT\nHi Ann,\nDRAFT>>>\n'), 'Hi Ann,');
    assert.equal(rewriteFromResponse('  Hi Ann, see `code` here.  '), 'Hi Ann, see `code` here.');
    assert.equal(rewriteFromResponse(' \n '), '');
  });
});
