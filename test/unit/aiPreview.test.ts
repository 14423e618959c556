import * as assert from 'node:assert/strict';
import { PRINCIPLES, type Principle } from '../../src/core';
import type { RewriteCheck } from '../../src/core/aiCheck';
import { type AiPreviewModel, type AiPreviewStrings, renderAiPreview } from '../../src/webview/aiPreview';

const STRINGS: AiPreviewStrings = {
  title: 'Rewrite with AI', streaming: '{0} is writing…', cancelled: 'Stopped.', score: 'Score', gained: 'Now met', lost: 'No longer met',
  checkFirst: 'Check before you apply', noFlags: 'Nothing to check.',
  principles: Object.fromEntries(PRINCIPLES.map(p => [p, `P:${p}`])) as Record<Principle, string>,
  flag: {
    lowerScore: 'Scores lower.', inventedNumbers: 'Numbers: {0}.', inventedDates: 'Dates: {0}.', languageChanged: 'Language {0} → {1}.',
    quotesChanged: 'Quotes changed.', empty: 'Empty.',
  },
  apply: 'Apply', discard: 'Discard', stop: 'Stop', close: 'Close',
};

const base: AiPreviewModel = {
  state: 'ready', modelName: 'Model <b>', fileName: 'reply.md', before: 'Sadly <no>.', text: 'Gladly <yes>.',
  applyHref: 'command:declineCoach.applyAiRewrite?%5B1%5D', discardHref: 'command:declineCoach.discardAiRewrite?%5B1%5D',
};
const check = (over: Partial<RewriteCheck> = {}): RewriteCheck => ({ scoreBefore: 40, scoreAfter: 70, gained: ['empathy'], lost: [], flags: [], ...over });

describe('Rewrite with AI: the preview', () => {
  it('shows the streamed text as text, with Stop and nothing to apply yet', () => {
    const html = renderAiPreview({ ...base, state: 'streaming', text: 'Hi <script>alert(1)</script>', applyHref: undefined }, STRINGS);
    assert.ok(html.includes('Model &#60;b&#62; is writing…'));
    assert.ok(html.includes('<pre class="draft streaming">Hi &#60;script&#62;alert(1)&#60;/script&#62;</pre>'));
    assert.ok(html.includes('href="command:declineCoach.discardAiRewrite?%5B1%5D">Stop</a>'));
    assert.ok(!html.includes('applyAiRewrite') && !html.includes('<script'));
  });

  it('shows the score before → after, the principles that changed and the rewrite word by word', () => {
    const html = renderAiPreview({ ...base, check: check({ lost: ['clarify'] }) }, STRINGS);
    assert.ok(html.includes('<p class="score-change score-up">Score: <span class="score-before">40</span> → <span class="score-after">70</span></p>'));
    assert.ok(html.includes('<p class="gained">Now met: <span class="badge p-empathy">P:empathy</span></p>'));
    assert.ok(html.includes('<p class="lost">No longer met: <span class="badge p-clarify">P:clarify</span></p>'));
    assert.ok(html.includes('<pre class="draft diff"><del>Sadly &#60;no&#62;.</del><ins>Gladly &#60;yes&#62;.</ins></pre>'));
    assert.ok(html.includes('<p class="no-flags">Nothing to check.</p>'));
    assert.ok(html.includes('<a class="button" role="button" href="command:declineCoach.applyAiRewrite?%5B1%5D">Apply</a>'));
  });

  it('lists what to check before applying: a lower score, invented facts, another language', () => {
    const html = renderAiPreview({
      ...base,
      check: check({
        scoreAfter: 30, flags: [{ kind: 'lowerScore' }, { kind: 'inventedDates', values: ['14 March', 'Friday'] }, { kind: 'inventedNumbers', values: ['3'] },
          { kind: 'languageChanged', from: 'de', to: 'en' }],
      }),
    }, STRINGS);
    assert.ok(html.includes('class="score-change score-down"'));
    assert.ok(html.includes('<section class="flags" role="alert"><h2>Check before you apply</h2><ul><li class="flag flag-lowerScore">Scores lower.</li>' +
      '<li class="flag flag-inventedDates">Dates: “14 March”, “Friday”.</li><li class="flag flag-inventedNumbers">Numbers: “3”.</li>' +
      '<li class="flag flag-languageChanged">Language DE → EN.</li></ul></section>'));
  });

  it('shows a failure or a stop with Close and no Apply', () => {
    for (const [model, text] of [[{ ...base, state: 'failed', error: 'It <broke>.' }, 'It &#60;broke&#62;.'], [{ ...base, state: 'cancelled' }, 'Stopped.']] as Array<[AiPreviewModel, string]>) {
      const html = renderAiPreview(model, STRINGS);
      assert.ok(html.includes(`<p class="status error" role="alert">${text}</p>`), html);
      assert.ok(html.includes('>Close</a>') && !html.includes('>Apply</a>'));
    }
  });
});
