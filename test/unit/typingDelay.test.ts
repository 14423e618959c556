import * as assert from 'node:assert/strict';
import { LONGEST_DELAY_MS, SHORTEST_DELAY_MS, TypingDelay } from '../../src/core/typingDelay';

describe('the pause before a check while typing', () => {
  it('is about 100 ms while checks are quick, and before the first check', () => {
    const delay = new TypingDelay();
    assert.equal(delay.delay('a'), SHORTEST_DELAY_MS);
    for (const ms of [2, 5, 3, 20]) delay.record('a', ms);
    assert.equal(delay.delay('a'), 100);
  });

  it('grows with slow checks of one draft and leaves other drafts quick', () => {
    const delay = new TypingDelay();
    for (let i = 0; i < 5; i++) delay.record('long', 80);
    delay.record('short', 3);
    assert.equal(delay.delay('long'), 320);
    assert.equal(delay.delay('short'), 100);
  });

  it('does not let one slow check decide alone, and stays within its longest pause', () => {
    const delay = new TypingDelay();
    delay.record('a', 10);
    delay.record('a', 110);
    assert.equal(delay.delay('a'), 240);
    for (let i = 0; i < 3; i++) delay.record('a', 5000);
    assert.equal(delay.delay('a'), LONGEST_DELAY_MS);
    delay.record('a', Number.NaN);
    delay.record('a', -1);
    assert.equal(delay.delay('a'), LONGEST_DELAY_MS);
  });

  it('starts again from the shortest pause for a draft it forgot', () => {
    const delay = new TypingDelay();
    delay.record('a', 400);
    delay.forget('a');
    assert.equal(delay.delay('a'), SHORTEST_DELAY_MS);
  });
});
