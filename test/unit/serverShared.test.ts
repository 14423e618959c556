// What the language server shares with the extension from src/core, where the extension cannot
// show it: glob matching outside VS Code, snippets as text, the disable comment.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { headOf, isReplyDraftBy } from '../../src/core/drafts';
import { matchesGlob } from '../../src/core/glob';
import { disableNextLineEdit, refusalSpan, snippetValue } from '../../src/core/presentation';

describe('include and exclude globs outside VS Code', () => {
  it('match the default include globs as VS Code does, anywhere in the path', () => {
    const include = ['**/*.reply.md', '**/*.draft.md', '**/replies/**', '**/drafts/**'];
    const matches = (path: string) => include.some(g => matchesGlob(g, path));
    assert.ok(matches('/home/ann/work/client.reply.md'));
    assert.ok(matches('/home/ann/replies/2024/noor.md'));
    assert.ok(matches('C:\\Users\\ann\\drafts\\noor.txt'));
    assert.ok(!matches('/home/ann/work/README.md'));
    assert.ok(!matches('/home/ann/myreplies/noor.md'));
    assert.ok(!matches('/home/ann/work/client.reply.md.bak'));
  });

  it('take braces, classes and single characters, and relative globs below a workspace folder', () => {
    assert.ok(matchesGlob('**/*.{md,txt}', '/a/b/c.txt'));
    assert.ok(!matchesGlob('**/*.{md,txt}', '/a/b/c.json'));
    assert.ok(matchesGlob('**/draft-[0-9].md', '/a/draft-7.md'));
    assert.ok(!matchesGlob('**/draft-[!0-9].md', '/a/draft-7.md'));
    assert.ok(matchesGlob('**/v?.md', '/a/v2.md'));
    assert.ok(matchesGlob('outbox/*.md', '/home/ann/project/outbox/noor.md', ['/home/ann/project']));
    assert.ok(!matchesGlob('outbox/*.md', '/home/ann/project/outbox/noor.md', ['/home/ann/other']));
    assert.ok(!matchesGlob('outbox/*.md', '/home/ann/project/outbox/old/noor.md', ['/home/ann/project/']));
    // Regular-expression characters in a glob are literal.
    assert.ok(matchesGlob('**/a+b (1).md', '/x/a+b (1).md'));
    assert.ok(!matchesGlob('**/a+b (1).md', '/x/aab 1.md'));
  });
});

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
