import * as assert from 'node:assert/strict';
import { analyze, Analyzer, applyFixes, detectRegister, frontMatterOf, guessLanguage, isValidFinding, opensWithGreeting, preferredFixes, snippetToPlain } from '../../src/core';

const GOOD_EN = `Hi Noor,

Thanks for asking whether I could also build the booking calendar for the studio site. I understand that one launch for everything would make life easier. The calendar would add about 20 hours of work, which would push the launch past the 12th. What I can offer instead is a separate quote for the calendar by Thursday. Which features of the calendar matter most to you?

Best regards,
Kim`;

const GOOD_DE = `Guten Tag Frau Yilmaz,

vielen Dank für Ihre Anfrage, die Website zusätzlich ins Türkische zu übersetzen. Ich verstehe gut, dass Sie alle Gäste erreichen möchten. Türkisch übersetze ich nicht selbst, weil ich nur in Sprachen arbeite, die ich sicher beherrsche. Gerne empfehle ich Ihnen eine geprüfte Übersetzerin und schicke Ihnen bis Freitag ein gemeinsames Angebot. Welche Seiten sind Ihnen dabei am wichtigsten?

Mit freundlichen Grüßen
Lena`;

describe('language and register', () => {
  it('tells German from English', () => {
    assert.equal(guessLanguage('Thanks for asking, I can do that by Friday.').lang, 'en');
    assert.equal(guessLanguage('Danke für die Anfrage, das schaffe ich bis Freitag.').lang, 'de');
    assert.equal(guessLanguage('Merci beaucoup pour votre message, nous étudions la demande.').lang, undefined);
  });

  it('detects Sie and du', () => {
    assert.equal(detectRegister('Hallo Jan, danke für deine Nachricht. Ich schicke dir das Angebot.', 'de'), 'du');
    assert.equal(detectRegister('Guten Tag Herr Jan, danke für Ihre Nachricht. Ich schicke Ihnen das Angebot.', 'de'), 'sie');
    assert.equal(detectRegister('Thanks', 'en'), 'neutral');
  });

  it('judges each paragraph in its own language', () => {
    const r = analyze('Hi Ann,\n\nUnfortunately the room is booked.\n\nLeider ist auch der Saal belegt.');
    assert.deepEqual(r.findings.filter(f => f.ruleId === 'negative-phrasing').map(f => [f.actual, f.lang]), [['Unfortunately', 'en'], ['Leider', 'de']]);
  });

  it('tells a draft that opens with a greeting, in either language, from one that does not', () => {
    for (const text of ['\n  Hi Tom,\nthanks', 'Sehr geehrte Frau Roth,', 'Moin!', 'Good morning Ann']) assert.ok(opensWithGreeting(text), text);
    for (const text of ['The hi-fi set is booked.', 'Thanks, hi.', '# Notes\nHi Tom']) assert.ok(!opensWithGreeting(text), text);
  });

  it('reads front matter values, keys lower-cased and quotes removed', () => {
    assert.deepEqual(frontMatterOf('---\nDecline-Coach: "true"\nlang: de\n---\nHallo.'), { 'decline-coach': 'true', lang: 'de' });
    assert.deepEqual(frontMatterOf('Hallo.\n---\nlang: de\n---\n'), {});
  });

  it('takes the language from front matter or the option', () => {
    assert.equal(analyze('---\nlang: de\n---\nOK.').language, 'de');
    assert.equal(analyze('Thanks for the note.', { language: 'de' }).language, 'de');
    assert.equal(analyze('Thanks for the note.', { language: 'de' }).languageSource, 'forced');
  });
});

describe('verdict and score', () => {
  it('judges a complete English reply good', () => {
    const r = analyze(GOOD_EN);
    assert.deepEqual(r.findings.filter(f => f.severity === 'warning').map(f => f.ruleId), []);
    assert.deepEqual(r.principles, { listen: true, empathy: true, clarify: true, expectations: true, positive: true, alternative: true, reason: true });
    assert.equal(r.verdict, 'good');
    assert.equal(r.score, 100);
  });

  it('judges a complete German reply good, in the Sie form', () => {
    const r = analyze(GOOD_DE);
    assert.equal(r.register, 'sie');
    assert.equal(r.verdict, 'good', JSON.stringify(r.findings.map(f => f.message)));
  });

  it('judges a flat refusal and reports every missing principle', () => {
    const text = 'Hi Ann,\n\nUnfortunately, I can’t help. Maybe next month.\n';
    const r = analyze(text);
    assert.equal(r.verdict, 'needs_work');
    assert.deepEqual(r.findings.map(f => f.ruleId).sort(), ['missing-acknowledgement', 'missing-alternative', 'missing-clarifying-question',
      'missing-empathy', 'missing-reason', 'negative-phrasing', 'negative-phrasing', 'vague-commitment'].sort());
    // listen, empathy, reason, alternative and clarify are missing (0); positive loses 10, expectations 5.
    assert.equal(r.score, 5 + 10);
    const alt = r.findings.find(f => f.ruleId === 'missing-alternative');
    assert.equal(alt?.actual, 'Unfortunately, I can’t help.', 'anchored on the refusal sentence');
  });

  it('inserts missing sentences in the draft’s language and form, with placeholders', () => {
    const r = analyze('Hallo Tim,\n\ndanke für deine Nachricht zum Umzug der Website. Leider schaffe ich das diese Woche nicht.\n');
    const empathy = r.findings.find(f => f.ruleId === 'missing-empathy');
    assert.equal(empathy?.fixes[0].snippet, true);
    assert.equal(empathy?.fixes[0].edits[0].newText, ' Ich verstehe deinen Standpunkt ${1:und weiß, wie wichtig dir das ist}.');
    const fixed = snippetToPlain(applyFixes('Hallo Tim,\n\ndanke für deine Nachricht zum Umzug der Website. Leider schaffe ich das diese Woche nicht.\n', empathy?.fixes ?? []).text);
    assert.equal(analyze(fixed).principles.empathy, true);
  });

  it('counts a restated quote as acknowledgement', () => {
    const r = analyze('> Can you lower the price of the wedding album?\n\nHi Jo, the wedding album price covers 40 hours of editing.');
    assert.equal(r.principles.listen, true);
  });

  it('tells clarifying questions from closing questions', () => {
    assert.equal(analyze('Which pages matter most to you?').principles.clarify, true);
    assert.equal(analyze('Does that work for you?').principles.clarify, false);
    assert.equal(analyze('Was ist Ihnen lieber?').principles.clarify, false);
    assert.equal(analyze('Können Sie mir sagen, wofür Sie die Fotos brauchen?').principles.clarify, true);
    assert.equal(analyze('Für welche Zielgruppe ist das Handbuch gedacht?').principles.clarify, true);
    assert.equal(analyze('In which format do you need the files?').principles.clarify, true);
  });

  it('reports nothing for an empty draft', () => {
    for (const text of ['', '   \n\n', '```\ncode only\n```']) {
      const r = analyze(text);
      assert.equal(r.verdict, 'empty');
      assert.deepEqual(r.findings, []);
      assert.equal(r.score, 0);
    }
  });
});

describe('offsets and fixes', () => {
  it('keeps UTF-16 offsets right after emoji, combining marks and CRLF', () => {
    const text = 'Hi 👩‍💻 Ann,\r\n\r\nCafe\u0301 🎉 first: unfortunately the room is booked.\r\n';
    const r = analyze(text);
    const f = r.findings.find(x => x.ruleId === 'negative-phrasing');
    assert.ok(f);
    assert.equal(text.slice(f.start, f.end), 'unfortunately');
    for (const finding of r.findings) assert.ok(isValidFinding(text, finding), finding.ruleId);
  });

  it('applies safe rewrites bottom-up and skips overlaps', () => {
    const text = 'Hallo Jan,\n\nLeider sind wir am Montag ausgebucht. Kein Problem, der Dienstag geht.';
    const r = analyze(text);
    const { text: fixed, applied } = applyFixes(text, preferredFixes(r.findings));
    assert.equal(applied.length, 2);
    assert.equal(fixed, 'Hallo Jan,\n\nWir sind am Montag ausgebucht. Gern, der Dienstag geht.');
    const twice = applyFixes(fixed, preferredFixes(analyze(fixed).findings)).text;
    assert.equal(twice, fixed, 'fixing again changes nothing');
    const overlapping = applyFixes('abcdef', [
      { title: 'a', preferred: true, snippet: false, edits: [{ start: 1, end: 4, newText: 'X' }] },
      { title: 'b', preferred: true, snippet: false, edits: [{ start: 3, end: 5, newText: 'Y' }] },
    ]);
    assert.equal(overlapping.applied.length, 1);
  });

  it('honours disable comments and ignored phrases', () => {
    const text = 'Hi Ann,\n\n<!-- decline-coach-disable-next-line negative-phrasing -->\nUnfortunately the room is booked.\n\nSadly the hall too.\n\n<!-- decline-coach-disable -->\nUnfortunately again.\n<!-- decline-coach-enable -->\n\nRegrettably, once more.';
    const found = analyze(text, { ignoredPhrases: ['sadly'] }).findings.filter(f => f.ruleId === 'negative-phrasing').map(f => f.actual);
    assert.deepEqual(found, ['Regrettably,']);
  });

  it('matches custom phrases literally', () => {
    const r = analyze('Hi, the pattern (a+)+$ and aaaa+ here. Refund guaranteed!', {
      customPhrases: [{ phrase: '(a+)+$', message: 'literal' }, { phrase: 'refund guaranteed', message: 'never promise', principle: 'expectations', replacement: 'refund possible' }],
    });
    const custom = r.findings.filter(f => f.ruleId === 'custom-phrase');
    assert.deepEqual(custom.map(f => [f.actual, f.principle]), [['(a+)+$', 'positive'], ['Refund guaranteed', 'expectations']]);
    assert.equal(custom[1].fixes[0].edits[0].newText, 'Refund possible');
    assert.equal(r.principles.expectations, false);
  });

  it('gives the same result with and without the paragraph cache', () => {
    const analyzer = new Analyzer();
    let text = GOOD_EN;
    analyzer.analyze(text);
    text = text.replace('Which features', 'Unfortunately, which features');
    assert.deepEqual(analyzer.analyze(text), analyze(text));
  });

  it('gives the same result as a fresh analysis after every edit of a long draft', function () {
    this.timeout(60000);
    // Long enough to be cut into chunks; edits open and close fences and comments, add greetings and closings.
    let text = Array.from({ length: 60 }, (_, i) => `## Reply ${i}\n\n${i % 2 ? GOOD_EN : GOOD_DE}\n\n> Can you do it?\n`).join('\n');
    const pieces = ['x', 'Unfortunately, ', '\n\n', '```\n', '<!--', '-->', 'Hi Ann,\n\n', '\n\nBest regards,\nKim\n', ''];
    const analyzer = new Analyzer();
    let seed = 7;
    const next = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
    for (let edit = 0; edit < 40; edit++) {
      const at = next(text.length);
      text = text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at + next(3) * next(20));
      assert.deepEqual(analyzer.analyze(text), analyze(text), `edit ${edit} at ${at}`);
    }
  });
});
