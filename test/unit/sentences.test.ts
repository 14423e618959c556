import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { MAX_SENTENCE, splitSentences } from '../../src/core/sentences';
import type { Lang } from '../../src/core/types';

const split = (text: string, lang: Lang) => splitSentences(text, lang).map(s => s.text);

describe('sentence splitting', () => {
  const cases: Array<[Lang, string, string[]]> = [
    ['de', 'Wir können am 12. Juli liefern. Passt das?', ['Wir können am 12. Juli liefern.', 'Passt das?']],
    ['de', 'Bis zum 8. März bin ich ausgebucht.', ['Bis zum 8. März bin ich ausgebucht.']],
    ['de', 'Ab 3. Mai geht es wieder.', ['Ab 3. Mai geht es wieder.']],
    ['de', 'Wir brauchen z. B. die Logos. Danke!', ['Wir brauchen z. B. die Logos.', 'Danke!']],
    ['de', 'Das geht, d. h. wir liefern später.', ['Das geht, d. h. wir liefern später.']],
    ['de', 'Das Team hat u. a. Fotos geliefert.', ['Das Team hat u. a. Fotos geliefert.']],
    ['de', 'Sprechen Sie mit Hr. Meier oder Fr. Schulz darüber.', ['Sprechen Sie mit Hr. Meier oder Fr. Schulz darüber.']],
    ['de', 'Das kostet ca. 300 Euro bzw. etwas mehr.', ['Das kostet ca. 300 Euro bzw. etwas mehr.']],
    ['de', 'Rechnung Nr. 17 ist offen. Bitte zahlen.', ['Rechnung Nr. 17 ist offen.', 'Bitte zahlen.']],
    ['de', 'Wir treffen uns um 10.30 Uhr.', ['Wir treffen uns um 10.30 Uhr.']],
    ['de', 'Das dauert 12. Danach reden wir.', ['Das dauert 12.', 'Danach reden wir.']],
    ['de', 'Der Rest folgt bis zum 10. Welche Seiten brauchst du zuerst?', ['Der Rest folgt bis zum 10.', 'Welche Seiten brauchst du zuerst?']],
    ['de', 'Ich frage zum 3. Mal nach.', ['Ich frage zum 3. Mal nach.']],
    ['en', 'Mrs. Delgado will call you. Dr. Smith agrees.', ['Mrs. Delgado will call you.', 'Dr. Smith agrees.']],
    ['en', 'Mr. Brown and Ms. Green. Prof. Black too.', ['Mr. Brown and Ms. Green.', 'Prof. Black too.']],
    ['en', 'It costs e.g. 20 dollars, i.e. not much.', ['It costs e.g. 20 dollars, i.e. not much.']],
    ['en', 'Bring logos, photos, etc. to the call.', ['Bring logos, photos, etc. to the call.']],
    ['en', 'We bring photos etc. Then we talk.', ['We bring photos etc.', 'Then we talk.']],
    ['en', 'See invoice No. 12 for details. No. That is final.', ['See invoice No. 12 for details.', 'No.', 'That is final.']],
    ['en', 'We ship v2.1.3 in 3.5 days.', ['We ship v2.1.3 in 3.5 days.']],
    ['en', 'Call me at 10.30 tomorrow.', ['Call me at 10.30 tomorrow.']],
    ['en', 'I was thinking... maybe next week.', ['I was thinking... maybe next week.']],
    ['en', 'Well... I am not sure. Let me check.', ['Well...', 'I am not sure.', 'Let me check.']],
    ['en', 'cheers for asking. the lads are busy till the 20th. we could start on the 21st?', ['cheers for asking.', 'the lads are busy till the 20th.', 'we could start on the 21st?']],
    ['en', 'Meet at 5 p.m. tomorrow, e.g. at the café, etc. and so on.', ['Meet at 5 p.m. tomorrow, e.g. at the café, etc. and so on.']],
    ['de', 'danke dir. das schaff ich diese woche nicht. geht montag?', ['danke dir.', 'das schaff ich diese woche nicht.', 'geht montag?']],
    ['de', 'Wir brauchen ca. drei Tage bzw. etwas mehr.', ['Wir brauchen ca. drei Tage bzw. etwas mehr.']],
  ];
  for (const [lang, text, expected] of cases) {
    it(`${lang}: ${text}`, () => assert.deepEqual(split(text, lang), expected));
  }

  it('keeps offsets pointing at the source text', () => {
    const text = 'Bis zum 8. März bin ich ausgebucht. Danach gern.';
    for (const s of splitSentences(text, 'de')) assert.equal(text.slice(s.start, s.end), s.text);
  });

  it('cuts a run without a sentence end into pieces of at most MAX_SENTENCE characters, at spaces', () => {
    const text = `${"we can't do that ".repeat(200)}either. Thanks!`;
    const pieces = splitSentences(text, 'en');
    assert.ok(pieces.length > 3);
    for (const s of pieces) {
      assert.ok(s.text.length <= MAX_SENTENCE, `${s.text.length} characters`);
      assert.equal(text.slice(s.start, s.end), s.text);
      assert.ok(s.start === 0 || text[s.start - 1] === ' ', 'starts after a space');
      assert.ok(s.end === text.length || text[s.end] === ' ', 'ends before a space');
    }
    assert.equal(pieces[pieces.length - 1].text, 'Thanks!');
    assert.equal(pieces.map(s => s.text).join(' '), text.trim(), 'nothing lost between the pieces');
  });
});

describe('greetings', () => {
  it('end before the first lower-case word when no comma follows the name', () => {
    const text = 'Hey Fabi 👋 danke für die Frage, ob wir das Recruiting-Video noch untertiteln können.';
    const analysis = analyze(text);
    assert.equal(analysis.principles.listen, true);
    assert.ok(!analysis.findings.some(f => f.ruleId === 'missing-acknowledgement'));
  });
});
