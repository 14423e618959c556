import * as assert from 'node:assert/strict';
import { extractProse } from '../../src/core';

/** The prose the engine judges, as one string, with masked parts collapsed. */
function prose(markdown: string, format: 'markdown' | 'plaintext' = 'markdown'): string[] {
  const doc = extractProse(markdown, format);
  for (const b of doc.blocks) assert.equal(b.text.length, b.end - b.start, 'masked text keeps the source length');
  return doc.blocks.map(b => b.text.replace(/\s+/g, ' ').trim());
}

describe('Markdown → prose', () => {
  it('keeps paragraphs, headings and list items', () => {
    assert.deepEqual(prose('# Offer\n\nHello Ann,\nthanks.\n\n- first point\n- second **bold** point\n'),
      ['Offer', 'Hello Ann, thanks.', 'first point', 'second bold point']);
  });

  it('skips fenced and indented code, inline code and HTML', () => {
    assert.deepEqual(prose('Text `Unfortunately` here.\n\n```\nUnfortunately\n```\n\n    Unfortunately indented\n\n<div>Unfortunately</div>\n\nA <b>bold</b> word.'),
      ['Text here.', 'A bold word.']);
  });

  it('skips front matter and keeps its values', () => {
    const doc = extractProse('---\nlang: de\ndecline-coach: true\n---\nHallo Welt.\n');
    assert.deepEqual(doc.frontMatter, { lang: 'de', 'decline-coach': 'true' });
    assert.deepEqual(doc.blocks.map(b => b.text.trim()), ['Hallo Welt.']);
  });

  it('skips HTML comments and link destinations, keeps link text', () => {
    assert.deepEqual(prose('See <!-- leider --> [the offer](https://example.com/leider-nicht) and <https://x.org/sorry>.'),
      ['See the offer and .']);
  });

  it('collects quoted client text apart from the reply', () => {
    const doc = extractProse('> Unfortunately we need it by Friday.\n\nHi Ann,\n\nthanks.');
    assert.deepEqual(doc.quoted, ['Unfortunately we need it by Friday.']);
    assert.deepEqual(doc.blocks.map(b => b.text.trim()), ['Hi Ann,', 'thanks.']);
  });

  it('stops at a quoted earlier message and at a signature', () => {
    assert.deepEqual(prose('Thanks, Ann.\n\nOn Mon, 3 May 2026 at 10:00, Bob wrote:\nUnfortunately no.\n'), ['Thanks, Ann.']);
    assert.deepEqual(prose('Danke, Ann.\n\nAm 3. Mai 2026 um 10:00 schrieb Bob <bob@example.com>:\n> Leider nicht.\n'), ['Danke, Ann.']);
    assert.deepEqual(prose('Thanks, Ann.\n\n-- \nKim · Unfortunately Ltd.\n'), ['Thanks, Ann.']);
  });

  it('reads plain text as paragraphs and > lines as quotes', () => {
    const doc = extractProse('Hi Ann,\n\n> can you do it?\nThanks for asking.\n\n`code` stays text here', 'plaintext');
    assert.deepEqual(doc.quoted, ['can you do it?']);
    assert.deepEqual(doc.blocks.map(b => b.text), ['Hi Ann,', 'Thanks for asking.', '`code` stays text here']);
  });

  it('maps offsets back to the source with CRLF line ends', () => {
    const text = 'Hi Ann,\r\n\r\nsee **this** line\r\nand that.\r\n';
    const [, second] = extractProse(text).blocks;
    assert.equal(text.slice(second.start, second.end), 'see **this** line\r\nand that.');
  });
});
