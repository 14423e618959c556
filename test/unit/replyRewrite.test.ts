import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, fixAllText, PRINCIPLES } from '../../src/core';
import { type ReplyAnswers, type ReplyPlan, replyParts, rewriteReply, type RewrittenReply } from '../../src/core/replyRewrite';
import { parseFromWebview } from '../../src/webview/messages';
import { type PanelStrings, renderReview } from '../../src/webview/render';
import { fuzzDraft } from '../fuzz';

const ROOT = resolve(__dirname, '../../..');

/** Answers as a writer would type them, per language and form of address. */
const TYPED: Record<'en' | 'sie' | 'du', ReplyAnswers> = {
  en: { request: 'the new landing page', reason: { text: 'my calendar is full until the end of the month' }, alternative: 'a short call to plan the next step', when: 'Thursday, 3 pm' },
  sie: { request: 'der neuen Landingpage', reason: { text: 'mein Kalender ist bis Monatsende voll' }, alternative: 'ein kurzes Gespräch zum nächsten Schritt', when: 'Donnerstag, 15 Uhr' },
  du: { request: 'der neuen Landingpage', reason: { text: 'mein Kalender ist bis Monatsende voll' }, alternative: 'ein kurzes Gespräch zum nächsten Schritt', when: 'Donnerstag, 15 Uhr' },
};
const typedFor = (plan: ReplyPlan) => TYPED[plan.lang === 'en' ? 'en' : plan.register === 'du' ? 'du' : 'sie'];

/** The text of each answer the rewrite was asked for, as it must appear in the reply. */
function askedAnswers(plan: ReplyPlan, answers: ReplyAnswers): string[] {
  const out: string[] = [];
  if (plan.questions.includes('request') && answers.request) out.push(answers.request);
  if (plan.questions.includes('reason') && answers.reason && 'text' in answers.reason) out.push(answers.reason.text);
  if (plan.questions.includes('alternative') && answers.alternative) out.push(answers.alternative);
  if (plan.questions.includes('when') && answers.when) out.push(answers.when);
  return out;
}

/** What the rewrite promises on any draft: judged good, the draft's frame kept, its passing sentences and every answer in it. */
function checkRewrite(name: string, draft: string, answers?: ReplyAnswers): RewrittenReply {
  const plan = replyParts(draft);
  const typed = answers ?? typedFor(plan);
  const result = rewriteReply(draft, typed);
  const where = `${name}:\n${result.text}`;
  assert.equal(result.analysis.verdict, 'good', `judged good: ${where}\nfindings: ${result.analysis.findings.map(f => f.ruleId).join(', ')}`);
  assert.ok(result.text.startsWith(draft.slice(0, plan.bodyStart)), `greeting and quotes kept: ${where}`);
  assert.ok(result.text.endsWith(draft.slice(plan.bodyEnd)), `closing and signature kept: ${where}`);
  for (const line of draft.split(/\r?\n/).filter(l => /^\s*>/.test(l))) assert.ok(result.text.includes(line), `quote “${line}” kept: ${where}`);
  for (const s of plan.sentences.filter(x => x.fate === 'kept')) {
    // A sentence that moves away from the opening takes a capital; otherwise it is byte for byte.
    const own = s.text.trim();
    assert.ok(result.text.includes(own) || result.text.includes(own.charAt(0).toUpperCase() + own.slice(1)), `“${own}” kept: ${where}`);
  }
  for (const answer of askedAnswers(plan, typed)) assert.ok(result.text.includes(answer), `answer “${answer}” in: ${where}`);
  const placeholders = result.text.slice(plan.bodyStart).match(/\[(?:your|Ihr|dein)[^\]]*\]|\[(?:what they asked for|what you can offer|date|Datum)\]/g) ?? [];
  assert.deepEqual(plan.empty ? placeholders.filter(p => !/name/i.test(p)) : placeholders, [], `no placeholder where every answer was given: ${where}`);
  return result;
}

describe('rewrite reply: what the draft has', () => {
  it('tells passing parts from missing ones and asks only for what is missing', () => {
    const plan = replyParts('Hi Ana,\n\nThanks for asking about the shop relaunch. I understand how much the launch date matters. Unfortunately, I can’t do it ASAP.\n\nBest,\nKim\n');
    assert.deepEqual(plan.has, { acknowledge: true, empathy: true, reason: false, alternative: false, byWhen: false, clarify: false });
    assert.deepEqual(plan.questions, ['reason', 'alternative', 'when']);
    assert.deepEqual(plan.sentences.map(s => s.fate), ['kept', 'kept', 'dropped']);
  });

  it('a sentence with a flagged phrase does not count for the part it has', () => {
    const plan = replyParts('Hallo Jan,\n\nleider ist das für dich nicht möglich, weil wir ausgebucht sind.\n\nViele Grüße\nMia\n');
    assert.equal(plan.register, 'du');
    assert.equal(plan.has.reason, false);
    assert.deepEqual(plan.questions, ['request', 'reason', 'alternative', 'when']);
  });

  it('an alternative without a date asks only for the date', () => {
    const plan = replyParts('Hi Ana,\n\nThanks for asking about the logo refresh. I see why the timing matters. My calendar is full this month. What I can do is a quick sketch of one idea.\n\nBest,\nKim\n');
    assert.deepEqual(plan.questions, ['when']);
    const result = rewriteReply('Hi Ana,\n\nThanks for asking about the logo refresh. I see why the timing matters. My calendar is full this month. What I can do is a quick sketch of one idea.\n\nBest,\nKim\n', { when: 'Friday noon' });
    assert.match(result.text, /What I can do is a quick sketch of one idea\. You will hear from me by Friday noon\./);
  });

  it('proposes the request from the client’s quoted question', () => {
    assert.equal(replyParts('> Could you add a brand guide to the package?\n\nHi Mia,\n\nNo.\n').defaults.request, 'to add a brand guide to the package');
    assert.equal(replyParts('> Können Sie den Shop bis zum 2. Mai umbauen?\n\nHallo Herr Roth,\n\ndas geht leider nicht, wir sind ausgebucht.\n').defaults.request, 'den Shop bis zum 2. Mai umzubauen');
  });
});

describe('rewrite reply: the examples', () => {
  it('the English example, after Fix all, becomes a reply judged good', () => {
    const draft = readFileSync(join(ROOT, 'examples', 'decline-logo.reply.md'), 'utf8');
    const fixed = fixAllText(draft, t => analyze(t)).text;
    const result = checkRewrite('decline-logo', fixed, {
      request: 'to add a full brand guide to the logo package', reason: { preset: 'budget' },
      alternative: 'a one-page style sheet with your colours and fonts', when: 'Friday',
    });
    assert.equal(result.text, [
      '> Could you add a full brand guide to the logo package? Same price would be great.', '', 'Hi Mia,', '',
      'Thank you for your request to add a full brand guide to the logo package. I understand why this matters to you.', '',
      'I would like to propose a different approach. This goes beyond what the agreed budget covers, and I want to stay within what we agreed. '
      + 'What I can offer instead is a one-page style sheet with your colours and fonts by Friday.', '',
      'Could you tell me what matters most to you here?', '', 'Best,', 'Kim', '',
    ].join('\n'));
  });

  it('the German example, after Fix all, keeps Sie, the greeting and the closing', () => {
    const draft = readFileSync(join(ROOT, 'examples', 'absage-relaunch.reply.md'), 'utf8');
    const fixed = fixAllText(draft, t => analyze(t)).text;
    const result = checkRewrite('absage-relaunch', fixed, {
      request: 'den Relaunch bis zum 1. März fertig zu machen', reason: { text: 'wir sind bis Ende Februar ausgebucht' },
      alternative: 'einen Plan, mit dem die Startseite am 1. März live geht', when: 'Freitag, 12 Uhr',
    });
    assert.match(result.text, /\nHallo Herr Vogt,\n\nvielen Dank für Ihre Anfrage, den Relaunch bis zum 1\. März fertig zu machen\. Ich verstehe, wie wichtig Ihnen das ist\./);
    assert.match(result.text, /Der Grund dafür: wir sind bis Ende Februar ausgebucht\. Was ich Ihnen stattdessen anbieten kann: einen Plan, mit dem die Startseite am 1\. März live geht, bis Freitag, 12 Uhr\./);
    assert.ok(!/zeitnah|vielleicht|Leider/i.test(result.text));
    assert.ok(result.text.endsWith('\n\nViele Grüße\nAnna Lenz\n'));
    // Only one thanks: the generic one became the acknowledgement.
    assert.equal(result.text.match(/Dank/g)?.length, 1);
  });
});

/** Drafts written for these tests, in the shapes real replies take. */
const DRAFTS: Array<[string, string]> = [
  ['en bare refusal', 'Hi Tom,\n\nSorry, we can’t do the migration this quarter.\n\nCheers,\nAlex\n'],
  ['en good parts kept', 'Hello Priya,\n\nThanks for thinking of me for the annual report. I can see why you want it out before the board meeting. '
    + 'Unfortunately, that’s impossible. Could you tell me which sections matter most?\n\nKind regards,\nSam\n'],
  ['en vague promise', 'Hi Jo,\n\nThank you for your email. We’ll look into it and get back to you soon.\n\nBest,\nRay\n'],
  ['en reason kept', 'Dear Ms Hall,\n\nThe warehouse is closed for inventory that week, so I can’t ship the order. I’ll try to find a way.\n\nSincerely,\nLee\n'],
  ['en quote and list', '> Can you make the app work offline by Monday?\n\nHi Chris,\n\n- No way, not by Monday.\n- Maybe later.\n\nThanks,\nDee\n'],
  ['en closing question', 'Hi Sara,\n\nI’m afraid I have to say no to the extra pages. Does that work for you?\n\nBest,\nNoor\n'],
  ['en signature', 'Hi Max,\n\nUnfortunately not possible.\n\nBest,\nEve\n-- \nEve Smith · Studio Smith\n'],
  ['en greeting inline', 'Hi Tom, thanks for asking about the workshop on 3 June. Sadly I’m not available.\n'],
  ['en no greeting', 'We cannot offer a refund for this order.'],
  ['de Sie', 'Sehr geehrte Frau Roth,\n\nleider können wir die Kosten nicht übernehmen.\n\nMit freundlichen Grüßen\nJonas Berg\n'],
  ['de Sie teils gut', 'Guten Tag Herr Kaya,\n\nvielen Dank für Ihre Anfrage zur Wartung der Server. Ich verstehe, dass Ihnen das wichtig ist. '
    + 'Das ist leider nicht machbar. Welche Systeme sind für Sie am dringendsten?\n\nBeste Grüße\nLena Brandt\n'],
  ['de du', 'Hallo Sven,\n\nsorry, das schaffe ich nicht für dich. Ich melde mich zeitnah.\n\nLiebe Grüße\nPia\n'],
  ['de du mit Grund', 'Hi Lea,\n\nich bin im Mai im Urlaub, deshalb kann ich das leider nicht machen. Vielleicht klappt es später.\n\nViele Grüße\nTim\n'],
  ['de Zitat', '> Kannst du die Präsentation bis morgen fertig machen?\n\nHallo Jan,\n\nnein, das geht nicht.\n\nViele Grüße\nAnna\n'],
  ['de Sie Datum', 'Sehr geehrter Herr Weber,\n\nam 12. Juli sind wir leider bereits ausgebucht. Wir melden uns asap.\n\nFreundliche Grüße\nKarin Ott\n'],
];

describe('rewrite reply: drafts of every shape', () => {
  for (const [name, draft] of DRAFTS) {
    it(`${name}: judged good, frame and passing sentences kept, every answer in it`, () => {
      const result = checkRewrite(name, draft);
      assert.equal(result.plan.lang, name.startsWith('de') ? 'de' : 'en');
    });
  }

  it('keeps the draft’s form of address', () => {
    assert.match(rewriteReply(DRAFTS.find(d => d[0] === 'de du')![1], TYPED.du).text, /dir das ist/);
    assert.match(rewriteReply(DRAFTS.find(d => d[0] === 'de Sie')![1], TYPED.sie).text, /Ihnen das ist/);
  });

  it('leaves placeholders where the writer gave nothing, as tab stops in the snippet', () => {
    const result = rewriteReply('Hi Tom,\n\nSorry, we can’t do the migration this quarter.\n\nCheers,\nAlex\n', { request: 'the migration' });
    assert.match(result.text, /The reason is that \[your reason\]\. What I can offer instead is \[what you can offer\] by \[date\]\./);
    assert.match(result.snippet, /The reason is that \$\{1:your reason\}\. What I can offer instead is \$\{2:what you can offer\} by \$\{3:date\}\./);
  });

  it('escapes the draft’s own snippet syntax', () => {
    const result = rewriteReply('Hi Tom,\n\nThe fee is $5 {per page}. Sorry, no.\n\nCheers,\nAlex\n', TYPED.en);
    assert.ok(result.snippet.includes('The fee is \\$5 {per page\\}.'));
  });

  it('on an empty draft composes a whole reply with the sender’s name last', () => {
    const result = rewriteReply('', { ...TYPED.sie, clientName: 'Frau Keller' }, { lang: 'de', register: 'sie' });
    assert.equal(result.analysis.verdict, 'good');
    assert.ok(result.text.startsWith('Guten Tag Frau Keller,\n\nvielen Dank für Ihre Anfrage zu der neuen Landingpage.'), result.text);
    assert.match(result.snippet, /Mit freundlichen Grüßen\n\$\{\d+:Ihr Name\}\n$/);
  });
});

/** The dev corpus (when present) and the fuzz drafts. */
function corpus(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const file = join(ROOT, '..', 'shared', 'corpus', 'dev.jsonl');
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n').filter(l => l.trim())) {
      const row = JSON.parse(line) as { id: string; text: string };
      out.push([row.id, row.text]);
    }
  }
  for (const f of readdirSync(join(ROOT, 'examples'))) out.push([f, readFileSync(join(ROOT, 'examples', f), 'utf8')]);
  for (let seed = 0; seed < 200; seed++) out.push([`fuzz ${seed}`, fuzzDraft(seed)]);
  return out;
}

describe('rewrite reply: property over the corpus and the fuzz drafts', () => {
  const all = corpus();

  it('rewriting a rewrite asks nothing and changes nothing', function () {
    this.timeout(120_000);
    const moved: string[] = [];
    for (const [name, draft] of [...DRAFTS, ...all.filter(([n]) => !n.startsWith('fuzz'))]) {
      const once = rewriteReply(draft, typedFor(replyParts(draft))).text;
      const again = replyParts(once);
      if (again.questions.length > 0 || rewriteReply(once, {}).text !== once) moved.push(`${name}: ${again.questions.join(', ')}\n${once}`);
    }
    assert.deepEqual(moved, []);
  });

  it(`on ${all.length} drafts with typed answers: judged good, frame, passing sentences and answers kept`, function () {
    this.timeout(120_000);
    const failures: string[] = [];
    for (const [name, draft] of all) {
      try {
        checkRewrite(name, draft);
      } catch (e) {
        failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${all.length} failed: ${failures.map(f => f.split(':')[0] + ': ' + f.split(':')[1]).join('; ')}`);
  });
});

describe('rewrite reply: the review panel’s button', () => {
  it('is rendered with the draft’s review and posts a message the extension checks', () => {
    const text = 'Hi Tom,\n\nSorry, we can’t do the migration this quarter.\n';
    const strings = {
      title: 'Decline review', score: 'Score', verdict: { good: 'Good', needs_work: 'Needs work', empty: 'Empty' },
      principles: Object.fromEntries(PRINCIPLES.map(p => [p, p])) as PanelStrings['principles'],
      why: Object.fromEntries(PRINCIPLES.map(p => [p, { ok: 'ok', missing: 'missing' }])) as PanelStrings['why'],
      findings: 'Findings', noFindings: 'None', apply: 'Apply', goTo: 'Go to', applyAll: 'Apply all', rewrite: 'Rewrite reply…', draft: 'Draft',
      language: 'Language', states: {} as PanelStrings['states'], toolbar: 'Review actions', keys: 'J and K',
      fixKinds: { safe: { tag: 'Safe', name: 'safe rewrite' }, snippet: { tag: 'Fill in', name: 'with blanks' }, rewrite: { tag: 'Rewrite', name: 'another rewrite' } },
    } satisfies PanelStrings;
    const html = renderReview({ state: 'review', fileName: 'a.md', version: 3, text, analysis: analyze(text) }, strings);
    const toolbar = /<div class="toolbar" role="toolbar"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? '';
    assert.ok(toolbar.includes('<button type="button" class="secondary" data-action="rewrite">Rewrite reply…</button>'), 'the button sits in the panel’s toolbar');
    assert.deepEqual(parseFromWebview({ type: 'rewrite', uri: 'untitled:a', version: 3 }), { type: 'rewrite', uri: 'untitled:a', version: 3 });
    assert.equal(parseFromWebview({ type: 'rewrite', uri: 'untitled:a' }), undefined, 'a version is required: the flow starts only on the draft shown');
  });
});
