import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/core';
import { clausesOf } from '../../src/core/roles/clauses';
import { seededRandom } from '../../src/core/random';
import { roleFeatures } from '../../src/core/roles/features';
import { fromBase64, type Role, RoleModel, roleModel, ROLES, toBase64 } from '../../src/core/roles/model';
import { bankHash, buildRoleModels, encode, parseBank, predict, train } from '../../src/core/roles/train';
import { ROLE_WEIGHTS } from '../../src/core/roles/weights';
import type { Lang } from '../../src/core/types';
import { readBank, withCounts } from '../../src/cli/bank';

const ROOT = resolve(__dirname, '../../..');
const bankFiles = () => readBank(join(ROOT, 'data/roles'));

describe('role features', () => {
  it('meet across apostrophes, case, umlaut spellings and numbers', () => {
    assert.deepEqual(roleFeatures('I can’t do the 11th.'), roleFeatures('i cant do the 3rd.'.replace('3rd', '12th')));
    assert.deepEqual(roleFeatures('Für Größe'), roleFeatures('fuer groesse'));
  });

  it('are the same on the fast path (ASCII, umlauts, common punctuation) as the long way gives them', () => {
    // A "∀" at the end sends a text the long way (it is above the fast path's characters) and is no token.
    const longWay = (text: string) => roleFeatures(`${text}∀`);
    const texts = bankFiles().flatMap(([, content]) => content.split('\n').filter(l => l.trim()).map(l => (JSON.parse(l) as { text: string }).text));
    const r = seededRandom(3);
    const alphabet = [...'aAzZ09 ?!.,;:-\'’‘`´"„“”–—…€äöüßÄÖÜ\u00a0«»§°·¶•£¦¨¬±×÷\t\n', 'Friday', 'geht', 'can', '12th', 'Größe'];
    for (let i = 0; i < 5000; i++) texts.push(Array.from({ length: 1 + Math.floor(r() * 25) }, () => alphabet[Math.floor(r() * alphabet.length)]).join(''));
    let fast = 0;
    for (const text of texts) {
      if (!/^[\x00-\x7f„“”–—…€äöüßÄÖÜ\u00a0«»§°·¶•£¦¨¬±×÷‘’`´]*$/.test(text)) continue;
      fast++;
      assert.deepEqual(roleFeatures(text), longWay(text), JSON.stringify(text));
    }
    assert.ok(fast > 5000, `${fast} texts on the fast path`);
  });

  it('mark a question and a list item', () => {
    assert.notDeepEqual(roleFeatures('Does Friday work?'), roleFeatures('Does Friday work'));
    assert.notDeepEqual(roleFeatures('- a shorter edit by Friday'), roleFeatures('a shorter edit by Friday'));
  });
});

describe('role scores', () => {
  it('name every role, in ROLES order', () => {
    for (const lang of ['en', 'de'] as Lang[]) assert.deepEqual(Object.keys(roleModel(lang).scores('Friday works for us.')), [...ROLES]);
  });
});

describe('role model encoding', () => {
  const tiny = parseBank([['en/test.jsonl', [
    '{"text": "We are booked all of May.", "roles": ["reason"], "style": "terse", "register": "neutral"}',
    '{"text": "Friday the 6th is still open.", "roles": ["alternative"], "style": "terse", "register": "neutral"}',
    '{"text": "Best wishes,", "roles": ["other"], "style": "terse", "register": "neutral"}',
  ].join('\n')]]);
  const options = { epochs: 30, learningRate: 0.25, l2: 1e-3, minCount: 1, seed: 7 };

  it('round-trips base64', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 255, 128, 7]);
    for (let n = 0; n <= bytes.length; n++) assert.deepEqual(fromBase64(toBase64(bytes.slice(0, n))), bytes.slice(0, n));
  });

  it('trains the same weights twice, and the four-bit model agrees with the float one', () => {
    const a = train(tiny, options);
    assert.deepEqual(encode(train(tiny, options), [0.5], [0.9]), encode(a, [0.5], [0.9]));
    const model = new RoleModel(encode(a, ROLES.map(() => 0.5), ROLES.map(() => 0.9)));
    for (const s of tiny) {
      const float = predict(a, s.text);
      const scores = model.scores(s.text);
      ROLES.forEach((role, r) => assert.ok(Math.abs(scores[role] - float[r]) < 0.05, `${s.text} ${role}`));
      assert.deepEqual(model.rolesOf(scores), s.roles);
    }
  });

  it('names the file and line of a malformed bank entry', () => {
    assert.throws(() => parseBank([['de/shop.jsonl', '{"text": "Nein.", "roles": ["refusal"], "style": "terse", "register": "neutral"}\n{"text": "Hm", "roles": ["maybe"], "style": "terse", "register": "neutral"}']]),
      /de\/shop\.jsonl:2: "roles"/);
    assert.throws(() => parseBank([['fr/shop.jsonl', '']]), /fr\/shop\.jsonl: bank files are/);
    assert.throws(() => parseBank([['en/a.jsonl', '{"text": "No.", "roles": ["refusal"], "style": "terse", "register": "neutral"}\n{"text": "no.", "roles": ["refusal"], "style": "casual", "register": "neutral"}']]),
      /en\/a\.jsonl:2: the same sentence stands at en\/a\.jsonl:1/);
  });
});

describe('the trained role model', () => {
  // Sentences written for this test, not in the bank: roles the keyword rules miss.
  const cases: Array<[Lang, string, Role]> = [
    ['en', 'The print shop needs two full weeks for foil embossing.', 'reason'],
    ['en', 'Our whole crew is on a festival stage build that weekend.', 'reason'],
    ['en', 'Tuesday the 14th is still free on my side.', 'alternative'],
    ['en', 'My colleague Bea can take the Monday call for me.', 'alternative'],
    ['en', 'I can tell how much this opening night means to you.', 'empathy'],
    ['en', 'Which pages matter most for the launch?', 'clarify'],
    ['en', 'Does Thursday suit you?', 'closing-question'],
    ['en', 'I’ll get back to you on this asap.', 'vague-promise'],
    ['en', 'Thanks for asking me to shoot the staff portraits on Saturday.', 'acknowledge'],
    ['en', 'Audio mastering isn’t something I do.', 'refusal'],
    ['de', 'Die Druckerei braucht für die Prägung gut zwei Wochen.', 'reason'],
    ['de', 'Unser Team steht an dem Wochenende auf einer anderen Baustelle.', 'reason'],
    ['de', 'Der Dienstag, 14. Mai, ist bei mir noch frei.', 'alternative'],
    ['de', 'Meine Kollegin Jana übernimmt den Montagstermin gern.', 'alternative'],
    ['de', 'Ich kann mir vorstellen, wie viel Ihnen die Eröffnung bedeutet.', 'empathy'],
    ['de', 'Welche Seiten brauchen Sie zum Start zuerst?', 'clarify'],
    ['de', 'Passt Ihnen der Donnerstag?', 'closing-question'],
    ['de', 'Ich melde mich dazu zeitnah bei Ihnen.', 'vague-promise'],
    ['de', 'Danke für Ihre Anfrage, die Mitarbeiterfotos am Samstag zu machen.', 'acknowledge'],
    ['de', 'Den Relaunch schaffen wir bis Freitag nicht.', 'refusal'],
  ];
  for (const [lang, text, role] of cases) {
    it(`${lang}: “${text}” → ${role}`, () => {
      const model = roleModel(lang);
      assert.ok(model.rolesOf(model.scores(text)).includes(role), JSON.stringify(model.scores(text)));
    });
  }

  it('keeps greetings, sign-offs and generic thanks as other', () => {
    for (const [lang, text] of [['en', 'Best wishes,'], ['en', 'Thanks for getting in touch.'], ['de', 'Viele Grüße'], ['de', 'Danke für Ihre Nachricht.']] as const) {
      const model = roleModel(lang);
      assert.deepEqual(model.rolesOf(model.scores(text)), ['other'], text);
    }
  });

  it('is up to date with the bank (run `npm run train` after changing data/roles)', function () {
    this.timeout(120000);
    const files = bankFiles();
    assert.equal(ROLE_WEIGHTS.bankHash, bankHash(files), 'the bank changed since the weights were trained');
    const bank = parseBank(files);
    assert.deepEqual(buildRoleModels(bank).models, ROLE_WEIGHTS.languages, 'the trainer gives other weights than the checked-in ones');
    const readme = readFileSync(join(ROOT, 'data/roles/README.md'), 'utf8');
    assert.equal(withCounts(readme, bank), readme, 'the counts in data/roles/README.md are out of date');
  });
});

describe('clauses', () => {
  it('split at contrast, cause, dashes and semicolons', () => {
    assert.deepEqual(clausesOf('Booked solid through March, but I could start on April 3.', 'en'), ['Booked solid through March', 'but I could start on April 3.']);
    assert.deepEqual(clausesOf('Das schaffen wir nicht, da unser Team im Urlaub ist; ab Montag geht es.', 'de'),
      ['Das schaffen wir nicht', 'da unser Team im Urlaub ist', 'ab Montag geht es.']);
    assert.deepEqual(clausesOf('I can’t take it on — Petra can.', 'en'), ['I can’t take it on Petra can.']);
    assert.deepEqual(clausesOf('No, sorry.', 'en'), ['No, sorry.']);
  });
});

describe('rules and model together', () => {
  const draft = 'Hi Ann,\n\nThanks for asking me to design the festival poster by Friday. I can tell how much the festival means to you. '
    + 'Our whole crew is on a festival stage build that weekend. Tuesday the 14th is still free on my side. Which size do you need first?\n\nBest, Kai';

  it('the model adds a reason and an alternative the rules do not see', () => {
    const rulesOnly = analyze(draft, { roleModel: false }).principles;
    const both = analyze(draft).principles;
    assert.equal(rulesOnly.reason, false);
    assert.equal(both.reason, true);
    assert.equal(both.alternative, true);
    assert.equal(analyze(draft).verdict, 'good');
  });

  it('a bare refusal gets no reason from the model', () => {
    const text = 'Hi Ann,\n\nThanks for asking me to design the festival poster. That is not a good fit for us.\n';
    assert.equal(analyze(text).principles.reason, false);
  });

  it('the model never costs accuracy on the labeled dev drafts (../shared/corpus)', function () {
    const path = join(ROOT, '..', 'shared', 'corpus', 'dev.jsonl');
    let lines: string[];
    try {
      lines = readFileSync(path, 'utf8').split('\n').filter(l => l.trim());
    } catch {
      this.skip();
    }
    const labels = { listen: 'acknowledges_request', empathy: 'has_empathy', clarify: 'has_clarifying_question', reason: 'has_reason', alternative: 'has_alternative' } as const;
    const right = { rules: {} as Record<string, number>, both: {} as Record<string, number> };
    for (const line of lines) {
      const row = JSON.parse(line) as { text: string; labels: Record<string, boolean> };
      const rules = analyze(row.text, { roleModel: false }).principles;
      const both = analyze(row.text).principles;
      for (const [principle, label] of Object.entries(labels) as Array<[keyof typeof labels, string]>) {
        right.rules[principle] = (right.rules[principle] ?? 0) + Number(rules[principle] === row.labels[label]);
        right.both[principle] = (right.both[principle] ?? 0) + Number(both[principle] === row.labels[label]);
      }
    }
    for (const principle of Object.keys(labels)) assert.ok(right.both[principle] >= right.rules[principle], `${principle}: ${right.both[principle]} < ${right.rules[principle]} right`);
  });
});
