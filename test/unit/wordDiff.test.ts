import * as assert from 'node:assert/strict';
import { type DiffPart, wordDiff } from '../../src/webview/wordDiff';

/** The parts as one line: [-removed-] and {+added+}. */
const marked = (parts: DiffPart[]) => parts.map(p => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');

describe('the review panel’s word-level diff', () => {
  it('strikes through only the words a rewrite changes', () => {
    assert.equal(marked(wordDiff('Leider kann ich den Relaunch nicht übernehmen.', 'Ich kann den Relaunch nicht übernehmen.')),
      '[-Leider-]{+Ich+} kann [-ich -]den Relaunch nicht übernehmen.');
    assert.equal(marked(wordDiff('I will reply ASAP.', 'I will reply by Friday, 5 pm.')), 'I will reply [-ASAP.-]{+by Friday, 5 pm.+}');
  });

  it('shows an inserted sentence as an insertion, with nothing struck through', () => {
    const parts = wordDiff('Thanks for asking. Sadly my week is booked.', 'Thanks for asking. I understand why this matters to you. Sadly my week is booked.');
    assert.deepEqual(parts, [
      { kind: 'same', text: 'Thanks for asking. ' },
      { kind: 'added', text: 'I understand why this matters to you. ' },
      { kind: 'same', text: 'Sadly my week is booked.' },
    ]);
  });

  it('keeps a change of several words in one piece, removal before addition', () => {
    assert.equal(marked(wordDiff('Kein Problem, der Dienstag geht.', 'Gern, der Dienstag geht.')), '[-Kein Problem, -]{+Gern, +}der Dienstag geht.');
    assert.equal(marked(wordDiff('a b c', 'x y c')), '[-a b-]{+x y+} c');
  });

  it('gives back both texts whole, in order, for any input', () => {
    for (const [before, after] of [['', ''], ['', 'Hello.'], ['Hello.', ''], ['same', 'same'], ['  spaced  out ', ' spaced out  ']]) {
      const parts = wordDiff(before, after);
      assert.equal(parts.filter(p => p.kind !== 'added').map(p => p.text).join(''), before);
      assert.equal(parts.filter(p => p.kind !== 'removed').map(p => p.text).join(''), after);
    }
  });

  it('shows a very long rewrite whole instead of comparing every word', () => {
    const before = 'word '.repeat(1000);
    const after = `${before}more`;
    assert.deepEqual(wordDiff(before, after), [{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  });
});
