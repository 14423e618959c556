// What the language server shares with the extension from src/core, tested where the extension's
// own tests cannot reach: draft selection, snippets as text, the disable comment, the refusal anchor.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { headOf, isReplyDraftBy } from '../../src/core/drafts';
import { disableNextLineEdit, refusalSpan, snippetValue } from '../../src/core/presentation';

describe('which documents are drafts', () => {
  const facts = { excluded: false, openedForReview: false, included: false, untitled: false };
  it('takes included, opted-in and greeting untitled documents; exclude wins', () => {
    assert.ok(isReplyDraftBy({ ...facts, included: true }, () => ''));
    assert.ok(!isReplyDraftBy({ ...facts, included: true, excluded: true }, () => ''));
    assert.ok(isReplyDraftBy(facts, () => '---\ndecline-coach: true\n---\nNotes'));
    assert.ok(isReplyDraftBy(facts, () => '<!-- decline-coach -->\nNotes'));
    assert.ok(!isReplyDraftBy(facts, () => 'Hi Ann,\n\nNotes'));
    assert.ok(isReplyDraftBy({ ...facts, untitled: true }, () => 'Hi Ann,\n\nNotes'));
  });

  it('reads opt-ins in the first 200 lines only', () => {
    const text = `${'line\n'.repeat(200)}<!-- decline-coach -->\n`;
    assert.equal(headOf(text), 'line\n'.repeat(200));
    assert.ok(!isReplyDraftBy(facts, () => headOf(text)));
  });
});

describe('shared presentation', () => {
  it('turns engine placeholders into a snippet and escapes everything else', () => {
    assert.equal(snippetValue('by ${1:date and time}'), 'by ${1:date and time}');
    assert.equal(snippetValue('costs $5 {net} ${2}'), 'costs \\$5 {net\\} ${2}');
    assert.equal(snippetValue('a\\b ${1:x}'), 'a\\\\b ${1:x}');
  });

  it('disables a rule above the finding’s line, indented like it, whatever the line breaks', () => {
    const text = 'Hi Ann,\r\n\r\n  Unfortunately, no.\r\n';
    const at = text.indexOf('Unfortunately');
    assert.deepEqual(disableNextLineEdit(text, at, 'negative-phrasing'),
      { start: text.indexOf('  Unfortunately'), end: text.indexOf('  Unfortunately'), newText: '  <!-- decline-coach-disable-next-line negative-phrasing -->\n' });
  });

  it('anchors what the draft lacks on the first line of the refusal sentence', () => {
    const text = 'Hi Ann,\n\nUnfortunately, the shop\nis closed on Sunday. See you.\n';
    const span = refusalSpan(text, analyze(text));
    assert.deepEqual(span && text.slice(span.start, span.end), 'Unfortunately, the shop');
  });
});
