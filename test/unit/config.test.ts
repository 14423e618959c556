import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { analyze } from '../../src/core';
import {
  analyzeOptionsOf, CONFIG_KEYS, CONFIG_MESSAGES, type CoachSettings, DEFAULT_SETTINGS, findConfig, findConfigSync, loadConfig, matchesGlob,
  mergeConfig, parseConfig, parentDir, searchDirs, withSeverities,
} from '../../src/core/config';

const ROOT = resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/declinecoach.schema.json'), 'utf8')) as {
  properties: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }>; items?: { properties?: Record<string, { enum?: string[] }> } }>;
};

const parse = (text: string) => {
  const loaded = parseConfig('/w/.declinecoach.jsonc', text);
  assert.ok(loaded);
  return loaded;
};
/** Each problem as `line:column text-at-its-place`, 1-based, as an editor shows it. */
const placed = (text: string) => parse(text).problems.map(p => `${p.line + 1}:${p.character + 1} ${text.slice(p.start, p.end)}`);

describe('config file: reading', () => {
  it('reads JSONC with comments and trailing commas', () => {
    const { config, problems } = parse(`// team settings
{
  /* Sie, always */ "register": "sie",
  "language": "de",
  "messageLanguage": "draft",
  "include": ["mails/**",],
  "exclude": ["**/archive/**"],
  "severity": { "missing-clarifying-question": "off", "vague-commitment": "error" },
  "ignoredPhrases": ["leider"],
  "customPhrases": [{ "phrase": "Problem", "message": "Say “question”.", "replacement": "Frage", "principle": "positive", "severity": "info" }],
  "neverPromise": ["same day", "garantiert"],
}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      register: 'sie', language: 'de', messageLanguage: 'draft', include: ['mails/**'], exclude: ['**/archive/**'],
      severity: { 'missing-clarifying-question': 'off', 'vague-commitment': 'error' }, ignoredPhrases: ['leider'],
      customPhrases: [{ phrase: 'Problem', message: 'Say “question”.', replacement: 'Frage', principle: 'positive', severity: 'info' }],
      neverPromise: ['same day', 'garantiert'],
    });
  });

  it('reports each bad value at its place and still applies the rest', () => {
    const text = `{
  "language": "fr",
  "ignoredPhrases": ["ok", 3, ""],
  "severity": { "no-such-rule": "off", "missing-reason": "loud" },
  "customPhrases": [{ "phrase": "ASAP" }, { "phrase": "Problem", "message": "Say question." }],
  "colour": "blue",
  "neverPromise": ["same day"]
}`;
    const { config, problems } = parse(text);
    assert.deepEqual(placed(text), [
      '2:15 "fr"', '3:28 3', '3:31 ""', '4:17 "no-such-rule"', '4:58 "loud"', '5:21 { "phrase": "ASAP" }', '6:3 "colour"',
    ]);
    assert.equal(problems[0].message, '“language” must be one of: "auto", "de", "en". This value is ignored.');
    // A problem spans its whole value, to its end position.
    assert.deepEqual([problems[5].line, problems[5].character, problems[5].endLine, problems[5].endCharacter], [4, 20, 4, 40]);
    assert.deepEqual(problems.map(p => p.severity), ['error', 'error', 'warning', 'warning', 'error', 'error', 'warning']);
    assert.deepEqual(config, {
      ignoredPhrases: ['ok'], severity: {}, customPhrases: [{ phrase: 'Problem', message: 'Say question.' }], neverPromise: ['same day'],
    });
  });

  it('reports a syntax error at its place and keeps what it could read', () => {
    const text = '{\n  "language": "de"\n  "register": "du"\n}';
    assert.deepEqual(placed(text), ['3:3 "register"']);
    assert.match(parse(text).problems[0].message, /^Not valid JSONC: CommaExpected\.$/);
    assert.deepEqual(parse(text).config, { language: 'de', register: 'du' });
  });

  it('reads anything without throwing: empty, not an object, garbage', () => {
    assert.deepEqual(parse(''), { path: '/w/.declinecoach.jsonc', config: {}, problems: [] });
    assert.deepEqual(placed('["language"]'), ['1:1 ["language"]']);
    for (const text of ['{', '}', '{"a":', '\u0000\uFFFF', '{"customPhrases": {"phrase": 1}}', '{"severity": []}']) {
      assert.ok(parse(text).problems.length > 0, text);
    }
  });

  it('reports a key set twice; the last one applies', () => {
    const text = '{"language": "de", "language": "en"}';
    assert.deepEqual(placed(text), ['1:20 "language"']);
    assert.equal(parse(text).config.language, 'en');
  });

  it('reads the "decline-coach" key of a package.json, with places in the package.json', () => {
    const pkg = '{\n  "name": "x",\n  "decline-coach": { "language": "xx", "neverPromise": ["24/7"] }\n}';
    const loaded = parseConfig('/w/package.json', pkg, { packageJson: true });
    assert.deepEqual(loaded?.config, { neverPromise: ['24/7'] });
    assert.deepEqual(loaded?.problems.map(p => [p.line, p.character]), [[2, 33]]);
    assert.equal(parseConfig('/w/package.json', '{"name": "x"}', { packageJson: true }), undefined);
  });

  it('says its problems in German too, with the same keys', () => {
    assert.deepEqual(Object.keys(CONFIG_MESSAGES.de).sort(), Object.keys(CONFIG_MESSAGES.en).sort());
    const loaded = parseConfig('/w/.declinecoach.jsonc', '{"register": "ihr"}', { lang: 'de' });
    assert.equal(loaded?.problems[0].message, '„register“ muss einer dieser Werte sein: "sie", "du". Dieser Wert wird ignoriert.');
  });
});

describe('config file: the JSON schema agrees with the loader', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);

  it('has the same keys', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
  });

  it('accepts every value the schema lists, and the loader accepts it too', () => {
    const samples: string[] = [];
    for (const key of ['language', 'register', 'messageLanguage']) {
      for (const v of schema.properties[key].enum ?? []) samples.push(JSON.stringify({ [key]: v }));
    }
    for (const [rule, { enum: levels }] of Object.entries(schema.properties.severity.properties ?? {})) {
      for (const level of levels ?? []) samples.push(JSON.stringify({ severity: { [rule]: level } }));
    }
    const phraseProps = schema.properties.customPhrases.items?.properties ?? {};
    for (const p of phraseProps.principle.enum ?? []) samples.push(JSON.stringify({ customPhrases: [{ phrase: 'x', message: 'y', principle: p }] }));
    for (const s of phraseProps.severity.enum ?? []) samples.push(JSON.stringify({ customPhrases: [{ phrase: 'x', message: 'y', severity: s }] }));
    assert.ok(samples.length > 60);
    for (const text of samples) {
      assert.ok(validate(JSON.parse(text)), `${text}: ${ajv.errorsText(validate.errors)}`);
      assert.deepEqual(parse(text).problems, [], text);
    }
  });

  it('rejects what the loader reports as an error', () => {
    const bad = ['{"language": "fr"}', '{"register": "Sie"}', '{"include": "**/*.md"}', '{"severity": {"missing-reason": "loud"}}',
      '{"severity": {"nope": "off"}}', '{"customPhrases": [{"phrase": "x"}]}', '{"customPhrases": [{"phrase": "", "message": "m"}]}',
      '{"neverPromise": [1]}', '{"colour": "blue"}'];
    for (const text of bad) {
      assert.equal(validate(JSON.parse(text)), false, text);
      assert.ok(parse(text).problems.length > 0, text);
    }
  });
});

describe('config file: where it is found', () => {
  /** A file system of the given files (`.git` entries are folders' markers). */
  const fs = (files: Record<string, string>) => ({
    read: (p: string) => files[p],
    exists: (p: string) => p in files,
  });

  it('lists the folders from the draft up to the stop folder, on POSIX and Windows paths', () => {
    assert.deepEqual(searchDirs('/repo/replies/2024', '/repo'), ['/repo/replies/2024', '/repo/replies', '/repo']);
    assert.deepEqual(searchDirs('/a/b', undefined), ['/a/b', '/a', '/']);
    assert.deepEqual(searchDirs('C:/work/replies', 'C:/work/'), ['C:/work/replies', 'C:/work']);
    assert.deepEqual(searchDirs('C:/x', undefined), ['C:/x', 'C:/']);
    assert.equal(parentDir('/'), undefined);
  });

  it('takes the nearest file, and .declinecoach.jsonc before a package.json key in one folder', () => {
    const files = fs({
      '/repo/.declinecoach.jsonc': '{"language": "en"}',
      '/repo/team/.declinecoach.jsonc': '{"language": "de"}',
      '/repo/team/package.json': '{"decline-coach": {"language": "en"}}',
      '/repo/other/package.json': '{"decline-coach": {"register": "du"}}',
      '/repo/plain/package.json': '{"name": "no key"}',
    });
    assert.equal(findConfigSync('/repo/team/replies', '/repo', files)?.path, '/repo/team/.declinecoach.jsonc');
    assert.deepEqual(findConfigSync('/repo/other', '/repo', files), { path: '/repo/other/package.json', text: '{"decline-coach": {"register": "du"}}', packageJson: true });
    assert.equal(findConfigSync('/repo/plain/x', '/repo', files)?.path, '/repo/.declinecoach.jsonc');
  });

  it('stops at the stop folder and at a repository root', () => {
    const files = fs({ '/home/.declinecoach.jsonc': '{}', '/home/repo/.git': '', '/ws/.declinecoach.jsonc': '{}' });
    assert.equal(findConfigSync('/home/repo/replies', undefined, files), undefined);
    assert.equal(findConfigSync('/ws/inner/replies', '/ws/inner', files), undefined);
    assert.equal(findConfigSync('/ws/inner/replies', '/ws', files)?.path, '/ws/.declinecoach.jsonc');
  });

  it('asks an asynchronous file system the same questions', async () => {
    const asked: string[] = [];
    const files = { '/r/.git': '', '/r/a/package.json': '{"decline-coach": {}}' } as Record<string, string>;
    const sync = findConfigSync('/r/a/b', undefined, { read: p => (asked.push(p), files[p]), exists: p => (asked.push(p), p in files) });
    const asyncAsked: string[] = [];
    const found = await findConfig('/r/a/b', undefined, {
      read: async p => (asyncAsked.push(p), files[p]), exists: async p => (asyncAsked.push(p), p in files),
    });
    assert.deepEqual(found, sync);
    assert.deepEqual(asyncAsked, asked);
    assert.deepEqual(loadConfig(found as NonNullable<typeof found>).config, {});
  });
});

describe('config file: merged with editor settings', () => {
  const settings: CoachSettings = {
    ...DEFAULT_SETTINGS, language: 'en', severity: { 'missing-reason': 'off', 'missing-empathy': 'hint' }, exclude: ['notes/**'],
    ignoredPhrases: ['Unfortunately'], customPhrases: [{ phrase: 'problem', message: 'mine' }],
  };

  it('lets the file win for single values and add to lists', () => {
    const { settings: merged } = mergeConfig(settings, {
      language: 'de', register: 'du', severity: { 'missing-reason': 'warning' }, include: ['mails/**'], exclude: ['old/**'],
      ignoredPhrases: ['unfortunately', 'leider'], customPhrases: [{ phrase: 'Problem', message: 'team' }, { phrase: 'ASAP', message: 'team' }],
      neverPromise: ['same day'],
    });
    assert.deepEqual(merged, {
      ...settings, language: 'de', register: 'du', severity: { 'missing-reason': 'warning', 'missing-empathy': 'hint' }, include: ['mails/**'],
      exclude: ['notes/**', 'old/**'], ignoredPhrases: ['Unfortunately', 'leider'],
      customPhrases: [{ phrase: 'problem', message: 'mine' }, { phrase: 'ASAP', message: 'team' }], neverPromise: ['same day'],
    });
  });

  it('keeps the settings where the file says nothing', () => {
    assert.deepEqual(mergeConfig(settings, {}).settings, { ...settings, register: undefined });
  });

  it('leaves out the file’s custom phrases in an untrusted workspace, and says so', () => {
    const merged = mergeConfig(settings, { customPhrases: [{ phrase: 'ASAP', message: 'team' }], neverPromise: ['same day'] }, false);
    assert.deepEqual(merged.settings.customPhrases, settings.customPhrases);
    assert.deepEqual(merged.settings.neverPromise, ['same day']);
    assert.equal(merged.untrustedPhrasesSkipped, true);
    assert.equal(mergeConfig(settings, { neverPromise: ['x'] }, false).untrustedPhrasesSkipped, false);
  });

  it('shows findings at the levels set, and leaves out rules that are off', () => {
    const findings = analyze('Hi Ann,\n\nUnfortunately the room is booked. I will get back to you ASAP.\n').findings;
    const shown = withSeverities(findings, { 'negative-phrasing': 'off', 'vague-commitment': 'error' });
    assert.deepEqual(shown.filter(f => f.ruleId === 'negative-phrasing'), []);
    assert.deepEqual(shown.filter(f => f.ruleId === 'vague-commitment').map(f => f.severity), ['error']);
    assert.deepEqual(shown.filter(f => f.ruleId === 'missing-empathy'), findings.filter(f => f.ruleId === 'missing-empathy'));
  });
});

describe('config file: what the engine does with it', () => {
  const draft = 'Hi Ann,\n\nThanks for your request. We will deliver the same day, as always.\n';

  it('reports a never-promise phrase, unless it is ignored', () => {
    const options = analyzeOptionsOf({ ...DEFAULT_SETTINGS, neverPromise: ['same day'] }, 'en');
    const found = analyze(draft, options).findings.filter(f => f.ruleId === 'never-promise');
    assert.deepEqual(found.map(f => ({ actual: f.actual, start: f.start, severity: f.severity, principle: f.principle, message: f.message, fixes: f.fixes })), [{
      actual: 'same day', start: draft.indexOf('same day'), severity: 'warning', principle: 'expectations', fixes: [],
      message: '“same day” is on your team’s list of things never to promise. Say what you can commit to instead.',
    }]);
    assert.deepEqual(analyze(draft, { ...options, ignoredPhrases: ['same day'] }).findings.filter(f => f.ruleId === 'never-promise'), []);
    assert.deepEqual(analyze(`<!-- decline-coach-disable never-promise -->\n${draft}`, options).findings.filter(f => f.ruleId === 'never-promise').length, 0);
  });

  it('speaks the ui language or the draft’s', () => {
    const de = 'Hallo Ann,\n\ndas liefern wir garantiert am selben Tag.\n';
    const message = (messageLanguage: 'ui' | 'draft') => analyze(de, analyzeOptionsOf({ ...DEFAULT_SETTINGS, neverPromise: ['garantiert'], messageLanguage }, 'en'))
      .findings.find(f => f.ruleId === 'never-promise')?.message;
    assert.equal(message('ui'), '“garantiert” is on your team’s list of things never to promise. Say what you can commit to instead.');
    assert.equal(message('draft'), '„garantiert“ steht auf der Liste Ihres Teams, was nie versprochen wird. Sagen Sie, was Sie verbindlich zusagen können.');
  });

  it('inserts German sentences in the preferred register where the draft shows none', () => {
    const draft = 'Hallo Jan,\n\nleider geht das nicht.\n';
    const empathy = (register?: 'sie' | 'du') => analyze(draft, { register }).findings.find(f => f.ruleId === 'missing-empathy')?.fixes[0]?.edits[0].newText;
    assert.match(empathy('du') ?? '', /deinen Standpunkt/);
    assert.match(empathy() ?? '', /Ihren Standpunkt/);
    // A draft that already says "du" keeps it, whatever the preference.
    const du = analyze('Hallo Jan,\n\nleider kann ich dir das nicht schicken.\n', { register: 'sie' });
    assert.equal(du.register, 'du');
  });
});

describe('config file: globs', () => {
  it('matches like VS Code’s include and exclude', () => {
    const cases: Array<[string, string, boolean]> = [
      ['**/*.reply.md', 'a.reply.md', true], ['**/*.reply.md', 'x/y/a.reply.md', true], ['**/*.reply.md', 'a.md', false],
      ['**/replies/**', 'replies/a.md', true], ['**/replies/**', 'x/replies/b/a.md', true], ['**/replies/**', 'myreplies/a.md', false],
      ['*.md', 'a.md', true], ['*.md', 'x/a.md', false], ['drafts/*.{md,txt}', 'drafts/a.txt', true], ['drafts/?.md', 'drafts/ab.md', false],
      ['./notes/**', 'notes/a.md', true], ['[ab].md', 'b.md', true], ['[!ab].md', 'b.md', false], ['a+b.md', 'a+b.md', true],
    ];
    for (const [glob, path, expected] of cases) assert.equal(matchesGlob(path, glob), expected, `${glob} ${path}`);
  });
});
