import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { analyze, composeReply, type ComposeInput, fillIn, MESSAGES, REASON_PRESETS, RULE_IDS, ruleDocsUrl, snippetToPlain } from '../../src/core';
import { t } from '../../src/core/messages';
import { CLI_MESSAGES } from '../../src/cli/messages';
import { parseFromWebview } from '../../src/webview/messages';
import { escapeHtml, renderReview, type PanelStrings } from '../../src/webview/render';
import { numberSetting } from '../../src/extension/settingValues';

const ROOT = resolve(__dirname, '../../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap(name => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : [p];
  });
}

describe('project rules', () => {
  it('src/core imports neither vscode nor a Node built-in', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map(m => `node:${m}`)]);
    for (const f of files('src/core')) {
      for (const m of read(f).matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
        assert.ok(m[1] !== 'vscode' && !builtins.has(m[1]), `${f} imports ${m[1]}`);
      }
    }
  });

  it('the web extension and its worker bundle without any Node built-in', async () => {
    // As esbuild.mjs builds it: the Web Worker spawner in place of the Node one.
    const webSpawn: esbuild.Plugin = {
      name: 'web-spawn',
      setup: build => build.onResolve({ filter: /\/worker\/spawn$/ }, args => ({ path: join(args.resolveDir, `${args.path}.web.ts`) })),
    };
    const result = await esbuild.build({
      entryPoints: [join(ROOT, 'src/extension/main.ts'), join(ROOT, 'src/extension/worker/web.ts')], bundle: true, write: false,
      outdir: 'unused', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'], logLevel: 'silent',
      metafile: true, plugins: [webSpawn],
    });
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    assert.ok(inputs.every(i => !i.startsWith('node:')), inputs.filter(i => i.startsWith('node:')).join(', '));
  });
});

describe('rule registry', () => {
  it('links every rule to its page in docs/rules of this repository', () => {
    const repository = JSON.parse(read('package.json')).repository.url.replace(/\.git$/, '');
    for (const id of RULE_IDS) {
      assert.equal(ruleDocsUrl(id), `${repository}/blob/main/docs/rules/${id}.md`);
      assert.ok(statSync(join(ROOT, 'docs/rules', `${id}.md`)).isFile(), `docs/rules/${id}.md`);
    }
  });
});

describe('localisation', () => {
  it('has every engine message in English and German', () => {
    assert.deepEqual(Object.keys(MESSAGES.de).sort(), Object.keys(MESSAGES.en).sort());
  });

  it('fills a message template\'s blanks by number, in any order and more than once; a missing argument leaves nothing', () => {
    assert.equal(fillIn('{1} before {0}, {1} again', ['a', 'b']), 'b before a, b again');
    assert.equal(fillIn('{0} of {2}', ['one', 3]), 'one of ');
    assert.equal(fillIn('no blanks {x} {}', ['a']), 'no blanks {x} {}');
    assert.equal(fillIn('{0}', ['only']), 'only');
    assert.equal(t('en', 'fix.replace', 'Thanks'), 'Replace with “Thanks”');
    assert.equal(t('de', 'fix.replace', 'Danke'), 'Ersetzen durch „Danke“');
  });

  it('has every CLI message in English and German', () => {
    assert.deepEqual(Object.keys(CLI_MESSAGES.de).sort(), Object.keys(CLI_MESSAGES.en).sort());
  });

  it('has every contribution string in package.nls.json and package.nls.de.json', () => {
    const en = JSON.parse(read('package.nls.json'));
    const de = JSON.parse(read('package.nls.de.json'));
    assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
    const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    for (const key of used) assert.ok(key in en, `package.nls.json lacks ${key}`);
  });

  it('has a German translation for every vscode.l10n.t string of the extension', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.de.json'));
    for (const f of files('src/extension')) {
      for (const m of read(f).matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        assert.ok(m[1] in bundle, `${f}: no German for “${m[1]}”`);
      }
    }
  });
});

describe('review panel HTML', () => {
  const strings: PanelStrings = {
    title: 'Decline review', score: 'Score', verdict: { good: 'Good to send', needs_work: 'Needs work', empty: 'Nothing' },
    principles: { listen: 'Acknowledge', empathy: 'Empathy', clarify: 'Clarify', expectations: 'Expectations', positive: 'Positive', alternative: 'Alternative', reason: 'Reason' },
    why: Object.fromEntries(['listen', 'empathy', 'clarify', 'expectations', 'positive', 'alternative', 'reason'].map(p => [p, { ok: `${p} ok`, missing: `${p} missing` }])) as PanelStrings['why'],
    findings: 'Findings', noFindings: 'None', apply: 'Apply', goTo: 'Go to', applyAll: 'Apply all', rewrite: 'Rewrite reply…', draft: 'Draft', language: 'Language',
    fixKinds: { safe: { tag: 'Safe', name: 'safe rewrite' }, snippet: { tag: 'Fill in', name: 'with blanks' }, rewrite: { tag: 'Rewrite', name: 'another rewrite' } },
    keys: 'J and K', toolbar: 'Review actions',
    states: { empty: 'Empty draft', notReply: 'Not a reply', unknownLanguage: 'Unknown language', tooLarge: 'Too large', checking: 'Checking', abandoned: 'Stopped', failed: 'Check failed', noDraft: 'No draft' },
  };

  it('escapes every piece of draft text', () => {
    const text = 'Hi <b>Ann</b>,\n\nUnfortunately <img src=x onerror=alert(1)> and </script> "quotes" & `ticks`.';
    const html = renderReview({ state: 'review', fileName: '<file>.md', version: 1, text, analysis: analyze(text) }, strings);
    assert.ok(!/<img|<\/script|<b>Ann/.test(html));
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(html.includes('&#60;file&#62;.md'));
    assert.equal(escapeHtml('"\'`&'), '&#34;&#39;&#96;&#38;');
  });

  it('escapes every attribute value, even ones the engine never produces', () => {
    const text = 'Hi Ann,\n\nUnfortunately, no.';
    const analysis = analyze(text);
    const hostile = '"><script>alert(1)</script>';
    const findings = analysis.findings.map(f => ({ ...f, severity: hostile })) as unknown as typeof analysis.findings;
    const html = renderReview({ state: 'review', fileName: 'a.md', version: 1, text, analysis: { ...analysis, language: hostile, findings } as unknown as typeof analysis }, strings);
    assert.ok(!html.includes('<script>'), html);
  });

  it('shows the score, verdict, checklist and each rewrite word by word', () => {
    const text = 'Hallo Jan,\n\nLeider kann ich am Montag nicht.';
    const analysis = analyze(text);
    const html = renderReview({ state: 'review', fileName: 'a.md', version: 3, text, analysis }, strings);
    assert.ok(html.includes(`<span class="score">${analysis.score}</span>/100`));
    assert.match(html, /<p class="verdict verdict-needs_work">Needs work<\/p>/);
    assert.ok(html.includes('<div class="diff"><del>Leider</del><ins>Ich</ins> kann <del>ich </del>am Montag nicht.</div>'), html);
    assert.match(html, /<li class="missing"><span class="mark" aria-hidden="true">✗<\/span><span class="sr-only">✗ <\/span><strong class="p-empathy-text">Empathy<\/strong>/);
  });

  it('explains the empty and unknown states', () => {
    assert.match(renderReview({ state: 'empty', fileName: 'a.md', version: 1, text: '' }, strings), /Empty draft/);
    assert.match(renderReview({ state: 'unknownLanguage', fileName: 'a.md', version: 1, text: 'Bonjour' }, strings), /Unknown language/);
  });
});

describe('compose', () => {
  const reasons: ComposeInput['reason'][] = [...REASON_PRESETS.map(preset => ({ preset })), { text: 'my studio is closed for renovation in March' }];
  for (const lang of ['en', 'de'] as const) {
    for (const register of ['sie', 'du'] as const) {
      for (const reason of reasons) {
        it(`writes a good reply (${lang}, ${register}, ${reason && 'preset' in reason ? reason.preset : 'own words'})`, () => {
          const { text, snippet } = composeReply({
            lang, register, clientName: lang === 'de' ? 'Frau Roth' : 'Dana',
            request: lang === 'de' ? 'dem Relaunch Ihrer Website bis Ende Mai' : 'the website relaunch by the end of May',
            reason: reason && 'text' in reason && lang === 'de' ? { text: 'mein Atelier wird im März renoviert' } : reason,
            alternative: lang === 'de' ? 'einen Relaunch in zwei Etappen' : 'a relaunch in two stages', when: lang === 'de' ? 'Freitag, 12 Uhr' : 'Friday, 12 pm',
          });
          const r = analyze(text);
          assert.equal(r.verdict, 'good', `${text}\n${JSON.stringify(r.principles)}`);
          assert.equal(r.language, lang);
          if (lang === 'de') assert.equal(r.register, register);
          // Paragraphs, the request named once, and the sender's name as the one tab stop.
          assert.equal(text.split('\n\n').length, 5, text);
          assert.equal(text.split(lang === 'de' ? 'dem Relaunch Ihrer Website' : 'the website relaunch').length, 2, text);
          assert.deepEqual(snippet.match(/\$\{\d+:[^}]*\}/g), [lang === 'en' ? '${1:your name}' : register === 'sie' ? '${1:Ihr Name}' : '${1:dein Name}']);
        });
      }
    }
  }
});

describe('snippets', () => {
  const snippets = JSON.parse(read('snippets/decline-coach.code-snippets')) as Record<string, { prefix: string; body: string[]; description: string }>;
  const entries = Object.values(snippets);

  /** The text a snippet inserts when every placeholder keeps its default (first choice). */
  function expand(body: string[]): string {
    const text = body.join('\n');
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const rest = text.slice(i);
      const choice = /^\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
      if (choice) { out += choice[1].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1'); i += choice[0].length - 1; continue; }
      if (text[i] === '\\' && i + 1 < text.length) { out += text[++i]; continue; }
      out += text[i];
    }
    return snippetToPlain(out);
  }

  it('every body parses: balanced placeholders, escaped choices, a description', () => {
    for (const s of entries) {
      assert.ok(s.description && s.prefix.startsWith('dc-'), s.prefix);
      const text = s.body.join('\n');
      let depth = 0;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\') { i++; continue; }
        if (text.startsWith('${', i)) { depth++; i++; } else if (text[i] === '}' && depth > 0) depth--;
      }
      assert.equal(depth, 0, `${s.prefix}: unbalanced placeholders`);
      assert.ok(!/\$\{\d+\|[^}]*\}(?<!\|\})/.test(text), `${s.prefix}: malformed choice`);
    }
  });

  it('covers every principle in English and in German (Sie and du)', () => {
    const prefixes = new Set(entries.map(s => s.prefix));
    for (const p of ['ack', 'empathy', 'clarify', 'reason', 'positive', 'alt', 'expect', 'close']) {
      assert.ok(prefixes.has(`dc-${p}`), `dc-${p}`);
      assert.ok(prefixes.has(`dc-de-${p}-sie`) && prefixes.has(`dc-de-${p}-du`), `dc-de-${p}-sie/du`);
    }
  });

  for (const s of entries.filter(e => e.prefix.includes('skeleton'))) {
    it(`${s.prefix}, filled with its defaults, is judged good`, () => {
      const text = expand(s.body);
      const r = analyze(text);
      assert.equal(r.verdict, 'good', `${text}\n${JSON.stringify(r.principles)} ${JSON.stringify(r.findings.map(f => f.actual))}`);
      if (s.prefix.endsWith('-du')) assert.equal(r.register, 'du');
    });
  }
});

describe('extension input checks', () => {
  it('accepts panel actions only with the document URI and version they were shown for', () => {
    assert.deepEqual(parseFromWebview({ type: 'apply', uri: 'file:///a.md', version: 3, finding: 0, fix: 1 }),
      { type: 'apply', uri: 'file:///a.md', version: 3, finding: 0, fix: 1 });
    assert.equal(parseFromWebview({ type: 'apply', version: 3, finding: 0, fix: 1 }), undefined);
    assert.equal(parseFromWebview({ type: 'applyAll', uri: 42, version: 3 }), undefined);
    assert.equal(parseFromWebview({ type: 'goto', uri: 'file:///a.md', finding: 0 }), undefined);
  });

  it('falls back to the default for a numeric setting that is not a number', () => {
    assert.equal(numberSetting(50_000, 2_000_000, 1000), 50_000);
    for (const bad of ['5000', null, Number.NaN, Infinity, -1, 10, { size: 1 }]) assert.equal(numberSetting(bad, 2_000_000, 1000), 2_000_000);
  });
});
