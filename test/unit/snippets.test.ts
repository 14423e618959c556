import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSnippets, snippetLang, snippetSortTexts } from '../../src/extension/snippetOrder';

const entries = parseSnippets(readFileSync(join(__dirname, '..', '..', '..', 'snippets', 'decline-coach.code-snippets'), 'utf8'));

/** The snippets' names in the order the suggestion list shows them for a UI language. */
const listed = (ui: 'de' | 'en') => {
  const keys = snippetSortTexts(entries, ui);
  return entries.map((e, i) => ({ e, key: keys[i] })).sort((a, b) => a.key.localeCompare(b.key)).map(x => x.e);
};

describe('the snippet list', () => {
  it('reads every snippet of the file, in the file’s order', () => {
    assert.equal(entries.length, Object.keys(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'snippets', 'decline-coach.code-snippets'), 'utf8'))).length);
    assert.deepEqual(entries.slice(0, 2).map(e => e.prefix), ['dc-ack', 'dc-empathy']);
  });

  for (const ui of ['en', 'de'] as const) {
    it(`lists the UI language’s snippets first (${ui}), then the other language’s, then the rule comments`, () => {
      const langs = listed(ui).map(e => snippetLang(e) ?? 'none');
      const other = ui === 'en' ? 'de' : 'en';
      const runs = langs.filter((l, i) => i === 0 || l !== langs[i - 1]);
      assert.deepEqual(runs, [ui, other, 'none'], langs.join(' '));
      // Within a language, the order of a reply: acknowledge before empathy before the closing line.
      const prefixes = listed(ui).filter(e => snippetLang(e) === 'en').map(e => e.prefix);
      assert.ok(prefixes.indexOf('dc-ack') < prefixes.indexOf('dc-empathy') && prefixes.indexOf('dc-empathy') < prefixes.indexOf('dc-close'), prefixes.join(' '));
    });
  }

  it('leaves out an entry without a prefix or a body', () => {
    assert.deepEqual(parseSnippets('{"a": {"prefix": "dc-a", "body": ["x"]}, "b": {"body": ["y"]}, "c": {"prefix": "dc-c"}, "d": null}').map(e => e.name), ['a']);
  });
});
