import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { anyMatch, candidates, type CompiledLanguage, compiledRules, type Matcher, matchesOf } from '../../src/core/compiled';
import { anchorGroups, compileLiteral, compilePattern, expandTemplate, isLetterAt, PatternError, patternSource, visibleWords, wordList, wordsOf } from '../../src/core/pattern';
import { type Lang, RULES } from '../../src/core';
import type { LanguageRules } from '../../src/core/rules/schema';
import { fuzzDraft } from '../fuzz';

/** Every match of a compiled pattern, as text. */
const found = (pattern: string, text: string, classes = {}) => [...matchesOf(compilePattern(pattern, classes), text)].map(m => m[0]);

describe('phrase language', () => {
  it('matches literal words in any case, with either apostrophe, as whole words', () => {
    assert.deepEqual(found("can't help", 'I CAN’T HELP, I can\'t help, I can\'t helpful'), ['CAN’T HELP', 'can\'t help']);
    assert.deepEqual(found('no', 'No, not now, nothing, no.'), ['No', 'no']);
  });

  it('takes alternatives, optional tokens and any whitespace between words', () => {
    assert.deepEqual(found('really? sorry|afraid', 'Really  sorry and afraid, really\nafraid'), ['Really  sorry', 'afraid', 'really\nafraid']);
  });

  it('attaches punctuation tokens with or without a space', () => {
    assert.deepEqual(found('sorry ,', 'Sorry, sorry , sorry.'), ['Sorry,', 'sorry ,']);
  });

  it('anchors ^ at a text, sentence or line start only', () => {
    assert.deepEqual(found('^ no', 'No way. No! I said no.\nno more'), ['No', 'No', 'no']);
  });

  it('expands word classes from the rule data and the built-in ones', () => {
    const classes = { DAY: ['Monday', 'Tuesday'] };
    assert.deepEqual(found('until {DAY}', 'until monday, until Friday', classes), ['until monday']);
    assert.deepEqual(found('dear {CAP}', 'Dear Ann, dear bob'), ['Dear Ann']);
    assert.deepEqual(found('by {NUM}', 'by 5pm? by 12th or by $300 but by noon'), ['by 12th', 'by $300']);
    assert.deepEqual(found('please {WORD}', 'Please wait, please 😀'), ['Please wait']);
  });

  it('prefers the longest word of a class ("wouldn\'t" over "would")', () => {
    assert.deepEqual(found('{MODAL} help', "I wouldn't help", { MODAL: ['would', "wouldn't"] }), ["wouldn't help"]);
  });

  it('numbers every token but ^ as a group for fix templates', () => {
    const [m] = matchesOf(compilePattern('^ sadly ,? we can', {}), 'Sadly, we can.');
    assert.equal(expandTemplate('$3 $4 ($1) $$5', m), 'we can (Sadly) $5');
    assert.equal(expandTemplate('[$9]', m), '[]');
  });

  it('rejects malformed patterns with a PatternError that names them', () => {
    for (const bad of ['', '   ', '^', 'a||b', 'a {NOPE}']) {
      assert.throws(() => compilePattern(bad, {}), PatternError, JSON.stringify(bad));
    }
    assert.throws(() => compilePattern('a {NOPE}'), /unknown word class \{NOPE\} in pattern "a \{NOPE\}"/);
  });

  it('treats a user phrase as literal text, never as a regular expression', () => {
    assert.deepEqual([...matchesOf(compileLiteral('(a+)+$'), 'x (a+)+$ aaaa')].map(m => m[0]), ['(a+)+$']);
    assert.deepEqual([...matchesOf(compileLiteral('Refund  guaranteed'), 'refund\nguaranteed!')].map(m => m[0]), ['refund\nguaranteed']);
    assert.throws(() => compileLiteral('  '), PatternError);
  });

  it('normalises words for the prefilter: lower case, one apostrophe', () => {
    assert.deepEqual(wordList('Can’t STOP 3rd-party Ärger'), ["can't", 'stop', '3rd', 'party', 'ärger']);
  });

  it('takes every required token of words or a word class as an anchor group', () => {
    assert.deepEqual(anchorGroups('really? can\'t|cannot help'), [["can't", 'cannot'], ['help']]);
    assert.deepEqual(anchorGroups('{DAY} off', { DAY: ['Monday', 'Tuesday', 'Friday'] }), [['monday', 'tuesday', 'friday'], ['off']]);
    assert.deepEqual(anchorGroups('^ {DAY}', { DAY: ['Monday', 'Next week', 'next month'] }), [['monday', 'next']]);
    assert.deepEqual(anchorGroups('{WORD} {NUM}'), [], 'built-in classes cannot tell');
    assert.deepEqual(anchorGroups('sadly?'), [], 'an optional token is not required');
    assert.deepEqual(anchorGroups('no , {WORD} thanks'), [['no'], ['thanks']], 'punctuation and built-in classes are skipped');
    const shared = { DAY: ['Monday', 'Friday'], ODD: ['Monday', 'e-mail'] };
    assert.deepEqual(anchorGroups('{DAY} off|{DAY}', shared), [['monday', 'friday'], ['off', 'monday', 'friday']], 'a class used twice');
    assert.deepEqual(anchorGroups('see you {DAY}', shared), [['see'], ['you'], ['monday', 'friday']], 'a class already seen by another pattern');
    assert.deepEqual(anchorGroups('{ODD} off', shared), [['off']], 'a class with an entry no word can anchor cannot tell');
    assert.deepEqual(anchorGroups('{ODD} off', shared), [['off']], 'nor can it the second time');
    assert.deepEqual(anchorGroups('{DAY} off', { DAY: ['Sunday'] }), [['sunday'], ['off']], 'other rule data, the same class name');
  });

  it('sees the parts of a word with apostrophes, as patterns do', () => {
    const seen: string[] = [];
    visibleWords("can't've", 2, w => seen.push(w));
    assert.deepEqual(seen.sort(), ['can', "can't", "can't've", 't', "t've", 've']);
    const compiled = compilePattern('can');
    assert.deepEqual([...matchesOf(compiled, "I can't")].map(m => m[0]), ['can'], 'a pattern matches up to an apostrophe');
  });
});

/** The drafts the prefilter must not lose anything on: the corpus (when present), rule examples and fuzz drafts. */
function texts(): string[] {
  const corpus = resolve(__dirname, '../../../../shared/corpus/dev.jsonl');
  const out = existsSync(corpus) ? readFileSync(corpus, 'utf8').split('\n').filter(l => l.trim()).map(l => (JSON.parse(l) as { text: string }).text) : [];
  for (const rules of Object.values(RULES)) {
    for (const entry of rules.phrases) out.push(...entry.examples.map(e => e.input), ...entry.counterexamples);
  }
  // Apostrophes end a word for a pattern but not for the word list: "budget's" holds "budget".
  out.push("Ha, no can do on the open bar — budget's capped at 8k.", 'Wir können das nicht, das Budget\'s ist erschöpft.');
  for (let seed = 0; seed < 300; seed++) out.push(fuzzDraft(seed));
  return out;
}

function matcherLists(c: CompiledLanguage): Array<[string, readonly Matcher[]]> {
  return [
    ['phrases', c.phrasePatterns], ['acknowledgement openers', c.ackOpeners], ['restatements', c.ackRestatements],
    ['empathy', c.empathy], ['empathy exceptions', c.empathyExceptions], ['reason', c.reason], ['alternative', c.alternative],
    ['alternative exceptions', c.alternativeExceptions], ['info requests', c.infoRequests], ['closing questions', c.closingQuestions],
    ['salutation', c.salutation], ['closing', c.closing],
    ...[...new Set(c.entryOf.values())].flatMap(e => [[`${e.entryId} exceptions`, e.exceptions], [`${e.entryId} sentence exceptions`, e.unlessSentenceHas]] as Array<[string, Matcher[]]>),
  ];
}

describe('anchor-word prefilter', () => {
  const drafts = texts();

  for (const lang of ['en', 'de'] as Lang[]) {
    it(`finds exactly what a full scan finds (${lang}, ${drafts.length} drafts)`, function () {
      this.timeout(60000);
      const c = compiledRules(lang);
      for (const text of drafts) {
        const words = wordsOf(text);
        for (const [name, list] of matcherLists(c)) {
          const scan = (ms: readonly Matcher[]) => ms.flatMap(m => [...matchesOf(m.re, text)].map(x => `${m.re.source}@${x.index}`));
          const full = scan(list);
          assert.deepEqual(scan(candidates(list, words)), full, `${name} on ${JSON.stringify(text.slice(0, 80))}`);
          assert.equal(anyMatch(list, text, words), full.length > 0, `${name} anyMatch on ${JSON.stringify(text.slice(0, 80))}`);
        }
      }
    });
  }
});

/** Every pattern of a language's rule data. */
function patternsOf(rules: LanguageRules): string[] {
  const { acknowledgement: ack, empathy, reason, alternative, clarify } = rules;
  return [
    ...rules.phrases.flatMap(e => [...e.patterns, ...(e.exceptions ?? []), ...(e.unlessSentenceHas ?? [])]),
    ...ack.openers, ...ack.restatements, ...empathy.patterns, ...(empathy.exceptions ?? []), ...reason.patterns,
    ...alternative.patterns, ...(alternative.exceptions ?? []), ...clarify.infoRequests, ...clarify.closingQuestions,
    ...rules.salutation, ...rules.closing,
  ];
}

describe('word guards', () => {
  // Drafts, and the same drafts with letters glued to the words' starts and ends, an emoji (two
  // code units) glued on, and each word's first letter moved to its end.
  const base = texts().slice(0, 250);
  const drafts = [...base, ...base.flatMap(t => [t.replace(/ /g, ' é'), t.replace(/ /g, 'ß '), t.replace(/ /g, ' 😀'), t.replace(/(\p{L})(\p{L}*)/gu, '$2$1')])];
  const hasWordChar = /[\p{L}\p{N}]/u;

  for (const lang of ['en', 'de'] as Lang[]) {
    it(`keep every word token of a match whole where the guards left out are not needed (${lang})`, function () {
      this.timeout(120000);
      const rules = RULES[lang];
      for (const pattern of patternsOf(rules)) {
        const re = new RegExp(compilePattern(pattern, rules.classes).source, 'gud');
        for (const text of drafts) {
          for (const x of matchesOf(re, text)) {
            x.indices?.slice(1).forEach((span, group) => {
              if (!span || !hasWordChar.test(x[group + 1])) return;
              assert.ok(!isLetterAt(text, span[0] - 1) && !isLetterAt(text, span[1]),
                `token ${group + 1} "${x[group + 1]}" of ${JSON.stringify(pattern)} is part of a longer word in ${JSON.stringify(text.slice(0, 80))}`);
            });
          }
        }
      }
    });
  }

  it('guard a word only where a letter could touch it', () => {
    assert.deepEqual(found('can|cannot help', 'cannot help scan help, can helps, can help'), ['cannot help', 'can help']);
    assert.deepEqual(found('sorry ,', 'sorry, sorryx, sorry ,'), ['sorry,', 'sorry ,']);
    assert.deepEqual(found('really? sorry', 'xsorry, xreally sorry, really sorry'), ['sorry', 'really sorry']);
    assert.equal(patternSource('we can not', {}).match(/\(\?<!/g)?.length, 1, 'one guard before the first word');
    assert.equal(patternSource('we can not', {}).match(/\(\?!/g)?.length, 1, 'one guard after the last word');
  });
});
