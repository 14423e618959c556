// The engine's shortcuts give what the long way gives: sentences without ICU, function words
// counted without a lower-cased copy, the body's end searched only where a draft changed, line
// starts found lazily.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze, Analyzer, LineIndex } from '../../src/core';
import { countLanguage, countWords } from '../../src/core/language';
import { seededRandom } from '../../src/core/random';
import { parseMarkdownChunk, plainChunk } from '../../src/core/prose';
import { lastTwoWords, segments } from '../../src/core/sentences';
import type { Lang } from '../../src/core/types';
import { fuzzDraft } from '../fuzz';

const textsOf = (file: string): string[] => (existsSync(file)
  ? readFileSync(file, 'utf8').split('\n').filter(l => l.trim()).map(l => (JSON.parse(l) as { text: string }).text) : []);

/** The project's held-out drafts, the shared dev drafts where this clone sits beside them, and fuzz drafts. */
function drafts(): string[] {
  const out = [
    ...textsOf(resolve(__dirname, '../../../data/holdout/drafts.jsonl')),
    ...textsOf(resolve(__dirname, '../../../../shared/corpus/dev.jsonl')),
  ];
  for (let seed = 0; seed < 500; seed++) out.push(fuzzDraft(seed));
  return out;
}

/** Short texts of the characters the shortcut accepts, ending in every way a sentence can end. */
function generated(count: number): string[] {
  const r = seededRandom(11);
  const alphabet: string[] = ['\t', '„', '“', '”', '‘', '’', '–', '—'];
  for (let c = 0x20; c <= 0x24f; c++) if (c <= 0x7e || c >= 0xa0) alphabet.push(String.fromCharCode(c));
  const endings = ['', '.', '!', '?', '?!', '...', '."', '.)', '.” ', '! ', '.\t', '?»', '.]'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let n = 1 + Math.floor(r() * 30); n > 0; n--) text += r() < 0.3 ? ' ' : alphabet[Math.floor(r() * alphabet.length)];
    out.push(text + endings[Math.floor(r() * endings.length)]);
  }
  return out;
}

describe('fast paths', () => {
  it('cuts sentences exactly where ICU does', function () {
    this.timeout(60000);
    const short = generated(20000);
    const pieces = new Set<string>(short);
    // Several short texts in a row, each opening with a capital or not: where a run is cut without ICU.
    const r = seededRandom(12);
    const openers = ['A', 'Z', 'Ä', 'Ü', 'É', 'a', 'ä', '1', '"', '(', '„', '-', ' '];
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let n = 2 + Math.floor(r() * 3); n > 0; n--) text += openers[Math.floor(r() * openers.length)] + short[Math.floor(r() * short.length)];
      pieces.add(text);
    }
    for (const text of drafts()) {
      for (const paragraph of text.split(/\n\n+/)) {
        pieces.add(paragraph);
        for (const sentence of paragraph.split(/(?<=[.!?])\s+|\n/)) { pieces.add(sentence); pieces.add(`${sentence} `); }
      }
    }
    for (const lang of ['en', 'de'] as Lang[]) {
      const icu = new Intl.Segmenter(lang, { granularity: 'sentence' });
      for (const text of pieces) {
        const expected = [...icu.segment(text)].map(s => [s.index, s.segment]);
        assert.deepEqual([...segments(text, lang)].filter(s => s.segment !== '').map(s => [s.index, s.segment]), expected, JSON.stringify(text));
      }
    }
  });

  it('finds an abbreviation or date at a sentence end in its last two words as in all of it', () => {
    const endings = [/(?:^|[\s(„"'])((?:\p{L}{1,2}\. ?)?\p{L}+)\.$/u, /(?:^|\s)(\p{L})\.$/u, /(?:^|\s)\d{1,2}\.$/u];
    const r = seededRandom(13);
    const alphabet = ['z', 'B', 'ä', 'é', '𝐀', '1', '2', '.', ' ', ' ', '  ', '\u00a0', '\n', '(', '„', '"', "'", ',', 'usw', 'Nr'];
    for (let i = 0; i < 30000; i++) {
      let text = '';
      for (let n = Math.floor(r() * 14); n > 0; n--) text += alphabet[Math.floor(r() * alphabet.length)];
      text += '.';
      for (const re of endings) assert.deepEqual(re.exec(lastTwoWords(text))?.slice(1), re.exec(text)?.slice(1), `${re} on ${JSON.stringify(text)}`);
    }
  });

  it('counts a paragraph\'s function words as the word list of its lower-cased copy does', () => {
    const odd = ['İ', 'ẞ', 'ſ', 'Σ', 'ǅ', 'ﬁ', '😀', "'", '’', 'ÄÖÜ', '\u0301', 'DON\'T', "'n'"];
    const texts = [...drafts(), ...generated(20000)];
    drafts().slice(0, 300).forEach((t, i) => texts.push(t.slice(0, i % t.length) + odd[i % odd.length] + t.slice(i % t.length)));
    for (const text of texts) {
      assert.deepEqual(countLanguage(text), countWords(text.toLowerCase().match(/[\p{L}']+/gu) ?? [], text), JSON.stringify(text.slice(0, 80)));
    }
  });

  it('reads plain paragraphs and headings as the Markdown parser does', function () {
    this.timeout(60000);
    const chunks = new Set<string>();
    const r = seededRandom(5);
    const texts = drafts();
    for (const text of texts) {
      chunks.add(text);
      for (const paragraph of text.split(/\n\n+/)) { chunks.add(paragraph); chunks.add(`${paragraph}\n\n`); chunks.add(`## ${paragraph.split('\n')[0]}\n\n${paragraph}`); }
    }
    // Lines that are almost plain: each differs from a plain line by one character the parser may read as syntax.
    const tricky = ['#', '##', '#######', ' ', '\t', '    ', '-', '=', '===', '1.', '1)', '+', '>', '|', '\u00A0', '#x', 'x #', '## x #', 'x  ', 'x\t'];
    for (let i = 0; i < 4000; i++) {
      const lines: string[] = [];
      for (let n = 1 + Math.floor(r() * 6); n > 0; n--) {
        const base = texts[Math.floor(r() * texts.length)].split('\n')[0].slice(0, 40);
        const piece = tricky[Math.floor(r() * tricky.length)];
        lines.push(r() < 0.3 ? base : r() < 0.5 ? `${piece} ${base}` : r() < 0.5 ? `${base}${piece}` : piece);
      }
      chunks.add(lines.join('\n'));
    }
    let plain = 0;
    for (const chunk of chunks) {
      const fast = plainChunk(chunk);
      if (!fast) continue;
      plain++;
      assert.deepEqual(fast, parseMarkdownChunk(chunk), JSON.stringify(chunk));
    }
    assert.ok(plain > 300, `only ${plain} of ${chunks.size} chunks took the plain path`);
  });

  it('finds a quoted reply or signature typed into a long draft, and its removal, as a fresh analysis does', function () {
    this.timeout(60000);
    const paragraphs = drafts().slice(0, 40);
    let text = paragraphs.join('\n\n');
    const analyzer = new Analyzer();
    const inserts = ['\n-- \n', '\n\nOn Mon, Ann wrote:\n', '--', ' schrieb', '\n--\n', '\n\nAm 3. Mai 2026 schrieb Ann:\n', '-', '\n'];
    for (const insert of inserts) {
      for (const at of [0, 3, Math.floor(text.length / 2), text.length]) {
        const typed = text.slice(0, at) + insert + text.slice(at);
        for (const version of [typed, text, typed]) {
          const fresh = analyze(version);
          const incremental = analyzer.analyze(version);
          assert.deepEqual(incremental.findings, fresh.findings, JSON.stringify(insert));
          assert.deepEqual(incremental.principles, fresh.principles, JSON.stringify(insert));
        }
        text = typed;
      }
    }
  });

  it('places offsets on lines as a character-by-character count does, for every kind of line break', () => {
    const text = 'a\nb\r\nc\rd\n\n\r\re\u2028f';
    const index = new LineIndex(text);
    let line = 0;
    let character = 0;
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(index.positionAt(offset), { line, character }, `offset ${offset}`);
      const c = text[offset];
      if (c === '\n' || (c === '\r' && text[offset + 1] !== '\n')) { line++; character = 0; } else character++;
    }
    assert.deepEqual(new LineIndex('x\ny\nz').positionAt(4), { line: 2, character: 0 });
  });
});
