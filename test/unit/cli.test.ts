import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import * as yaml from 'js-yaml';
import { parseConfig } from '../../src/core/config';
import { escapeGithubData, escapeGithubProperty } from '../../src/cli/format';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const ROOT = resolve(__dirname, '../../..');

function cli(args: string[], input?: string, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The SARIF 2.1.0 schema (the OASIS final, "rtm.5"), as shipped in an npm package; no network needed. */
const sarifSchema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

describe('decline-coach CLI', () => {
  let dir: string;
  // A repository root: the search for a config file stops here.
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'decline-coach-cli-')); mkdirSync(join(dir, '.git')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  };

  it('prints findings like a linter and exits 1 when there are warnings', () => {
    const p = file('a.md', 'Hi Ann,\n\nUnfortunately, the room is booked.\n');
    const r = cli(['check', p]);
    assert.equal(r.code, 1);
    assert.ok(r.out.includes(`${p}:3:1  warning  “Unfortunately” frames your answer negatively. Say what you can do instead.  negative-phrasing`), r.out);
    assert.match(r.out, /score \d+\/100, needs work/);
    assert.match(r.out, /1 file\(s\): \d+ warning\(s\) or error\(s\)/);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const many = Array.from({ length: 200 }, (_, i) => file(`d${i}.md`, 'Hi Ann,\n\nUnfortunately, the room is booked.\n'));
    const errors = join(dir, 'stderr.txt');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check ${many.map(m => `"${m}"`).join(' ')} 2>"${errors}" | head -c 20`], { encoding: 'utf8' });
    assert.equal(r.stdout.length, 20);
    assert.equal(readFileSync(errors, 'utf8'), '');
  });

  it('exits 0 on a good draft', () => {
    const p = file('good.md', 'Hi Noor,\n\nThanks for asking whether I could also build the booking calendar. I understand that one launch would be easier. The calendar would add about 20 hours of work. What I can offer instead is a separate quote by Thursday. Which features matter most to you?\n');
    const r = cli(['check', p]);
    assert.equal(r.code, 0, r.out);
  });

  it('writes the JSON contract with 0-based offsets and 1-based line/column', () => {
    const r = cli(['check', '--format', 'json', '-'], 'Hi 👋 Ann,\n\nLeider geht das nicht.');
    const json = JSON.parse(r.out) as { files: Array<{ path: string; language: string; verdict: string; score: number; principles: Record<string, boolean>; findings: Array<Record<string, unknown>> }> };
    const [f] = json.files;
    assert.equal(f.path, '-');
    assert.equal(f.language, 'de');
    assert.equal(f.verdict, 'needs_work');
    assert.deepEqual(Object.keys(f.principles), ['listen', 'empathy', 'clarify', 'expectations', 'positive', 'alternative', 'reason']);
    const leider = f.findings.find(x => x.actual === 'Leider geht das');
    assert.deepEqual(leider && { start: leider.start, end: leider.end, line: leider.line, column: leider.column, ruleId: leider.ruleId, principle: leider.principle },
      { start: 12, end: 27, line: 3, column: 1, ruleId: 'negative-phrasing', principle: 'positive' });
    assert.deepEqual(Object.keys(f.findings[0]), ['ruleId', 'principle', 'severity', 'message', 'start', 'end', 'line', 'column', 'actual', 'fixes']);
  });

  it('writes fixes with placeholders as bracketed text in newText and as tab stops in snippet', () => {
    const r = cli(['check', '--format', 'json', '-'], 'Hi Ann,\n\nI will send the invoice ASAP.\n');
    const [f] = (JSON.parse(r.out) as { files: Array<{ findings: Array<{ actual: string; fixes: Array<{ preferred: boolean; edits: Array<{ newText: string; snippet?: string }> }> }> }> }).files;
    const asap = f.findings.find(x => x.actual === 'ASAP');
    assert.deepEqual(asap?.fixes.map(x => [x.preferred, x.edits]), [[false, [{ start: 33, end: 37, newText: 'by [date and time]', snippet: 'by ${1:date and time}' }]]]);
    for (const finding of f.findings) for (const fix of finding.fixes) for (const e of fix.edits) assert.ok(!e.newText.includes('${'), e.newText);
  });

  it('--fix applies no fix that has a placeholder', () => {
    const p = file('asap.md', 'Hi Ann,\n\nThe shop closes at six, unfortunately. I will send the invoice ASAP.\n');
    cli(['check', '--fix', p]);
    assert.equal(readFileSync(p, 'utf8'), 'Hi Ann,\n\nThe shop closes at six. I will send the invoice ASAP.\n');
  });

  it('writes each sentence with its role probabilities in JSON', () => {
    const text = 'Hi Ann,\n\nThe studio is booked all of May. Friday the 6th of June is still open.\n';
    const r = cli(['check', '--format', 'json', '-'], text);
    const [f] = (JSON.parse(r.out) as { files: Array<{ sentences: Array<{ start: number; end: number; roles: Record<string, number> }> }> }).files;
    assert.deepEqual(f.sentences.map(s => text.slice(s.start, s.end)), ['Hi Ann,', 'The studio is booked all of May.', 'Friday the 6th of June is still open.']);
    assert.deepEqual(Object.keys(f.sentences[1].roles), ['acknowledge', 'empathy', 'reason', 'alternative', 'clarify', 'closing-question', 'refusal', 'vague-promise', 'other']);
    const top = (roles: Record<string, number>) => Object.entries(roles).sort((a, b) => b[1] - a[1])[0][0];
    assert.deepEqual(f.sentences.map(s => top(s.roles)), ['other', 'reason', 'alternative']);
  });

  it('writes SARIF 2.1.0', () => {
    const p = file('a.md', 'Hi Ann,\n\nUnfortunately, the room is booked.\n');
    const sarif = JSON.parse(cli(['check', '--format=sarif', p]).out);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'Decline Coach');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'negative-phrasing');
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 15, charOffset: 9, charLength: 14 });
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'negative-phrasing');
  });

  it('--fix applies the safe rewrites in place', () => {
    const p = file('a.md', 'Hallo Jan,\n\nLeider sind wir am Montag ausgebucht.\n');
    const r = cli(['check', '--fix', p]);
    assert.equal(readFileSync(p, 'utf8'), 'Hallo Jan,\n\nWir sind am Montag ausgebucht.\n');
    assert.match(r.err, /applied 1 fix/);
  });

  it('reports bad input with exit 2, names the file, and still checks the others', () => {
    const good = file('ok.md', 'Hi Ann,\n\nUnfortunately, no.\n');
    mkdirSync(join(dir, 'empty-dir'));
    const bin = file('bin.md', Buffer.from([0x48, 0x00, 0x01, 0x02]));
    const latin = file('latin.md', Buffer.from([0x48, 0xe4, 0x6c, 0x6c, 0x6f]));
    const missing = join(dir, 'missing.md');
    const r = cli(['check', missing, join(dir, 'empty-dir'), bin, latin, good]);
    assert.equal(r.code, 2);
    assert.ok(r.err.includes(`${missing}: no such file`), r.err);
    assert.ok(r.err.includes(`${join(dir, 'empty-dir')}: is a directory with no .md or .txt drafts`));
    assert.ok(r.err.includes(`${bin}: looks like a binary file`));
    assert.ok(r.err.includes(`${latin}: is not valid UTF-8 text`));
    assert.ok(r.out.includes(`${good}:3:1`), 'the good file was still checked');
  });

  it('checks an empty file without complaint', () => {
    const r = cli(['check', file('empty.md', '')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /empty draft, nothing to review/);
  });

  it('never changes a read-only file with --fix', () => {
    const p = file('ro.md', 'Hallo Jan,\n\nLeider sind wir am Montag ausgebucht.\n');
    chmodSync(p, 0o444);
    const r = cli(['check', '--fix', p]);
    assert.equal(r.code, 2);
    assert.match(r.err, /could not write the fixes \(EACCES\); the file is unchanged/);
    assert.equal(readFileSync(p, 'utf8'), 'Hallo Jan,\n\nLeider sind wir am Montag ausgebucht.\n');
  });

  it('rejects bad usage with exit 2', () => {
    assert.equal(cli(['check']).code, 2);
    assert.equal(cli(['check', '--format', 'xml', 'a.md']).code, 2);
    const r = cli(['check', '--nope', 'a.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option “--nope”/);
  });

  describe('help and starter config', () => {
    it('--help prints the usage, folders included, and exits 0', () => {
      const r = cli(['--help']);
      assert.equal(r.code, 0);
      assert.equal(r.err, '');
      assert.match(r.out, /^Usage:\n {2}decline-coach check \[options\] <files…\|folders…\|->$/m);
      assert.match(r.out, /A folder is searched for \.md, \.markdown and \.txt drafts/);
      for (const option of ['--format text|json|sarif|github', '--config FILE', '--init', '--fix', '--no-exit', '--max-size MB', '--lang auto|de|en']) {
        assert.ok(r.out.includes(option), option);
      }
      assert.equal(cli(['check', 'a.md', '-h']).code, 0);
    });

    it('--init writes a commented starter config that reads without a problem, and never overwrites one', () => {
      const r = cli(['--init'], undefined, dir);
      assert.equal(r.code, 0, r.err);
      const path = join(dir, '.declinecoach.jsonc');
      const starter = readFileSync(path, 'utf8');
      assert.match(starter, /^\/\/ /);
      assert.deepEqual(parseConfig(path, starter)?.problems, []);
      // The starter's settings apply: its never-promise phrases are reported.
      const draft = file('replies/a.reply.md', 'Hi Ann,\n\nWe deliver the same day.\n');
      assert.match(cli(['check', draft]).out, /“same day” is on your team’s list of things never to promise/);
      writeFileSync(path, '{ "language": "de" }');
      const again = cli(['--init', dir]);
      assert.equal(again.code, 2);
      assert.equal(again.err, `decline-coach: ${path} already exists; not overwritten\n`);
      assert.equal(readFileSync(path, 'utf8'), '{ "language": "de" }');
      const nowhere = cli(['--init', join(dir, 'no-such-folder')]);
      assert.equal(nowhere.code, 2);
      assert.equal(nowhere.err, `decline-coach: ${join(dir, 'no-such-folder', '.declinecoach.jsonc')}: could not be written (ENOENT)\n`);
    });
  });

  describe('config file', () => {
    const draft = 'Hi Ann,\n\nUnfortunately we are booked. We can deliver the same day next week.\n';

    it('applies the nearest config file above the draft, up to the repository root', () => {
      file('.declinecoach.jsonc', '{ "neverPromise": ["same day"] }');
      file('team/.declinecoach.jsonc', '// team\n{ "severity": { "negative-phrasing": "off" }, "neverPromise": ["next week"], }');
      const inTeam = cli(['check', file('team/replies/a.md', draft)]);
      assert.doesNotMatch(inTeam.out, /negative-phrasing/);
      assert.deepEqual([...inTeam.out.matchAll(/“([^”]+)” is on your team’s list/g)].map(m => m[1]), ['next week']);
      const atRoot = cli(['check', file('b.md', draft)]);
      assert.match(atRoot.out, /negative-phrasing/);
      assert.deepEqual([...atRoot.out.matchAll(/“([^”]+)” is on your team’s list/g)].map(m => m[1]), ['same day']);
    });

    it('stops at the repository root', () => {
      const repo = join(dir, 'repo');
      mkdirSync(join(repo, '.git'), { recursive: true });
      file('.declinecoach.jsonc', '{ "neverPromise": ["same day"] }');
      assert.doesNotMatch(cli(['check', file('repo/a.md', draft)]).out, /never-promise/);
    });

    it('reads the "decline-coach" key of a package.json', () => {
      file('package.json', JSON.stringify({ name: 'replies', 'decline-coach': { neverPromise: ['same day'] } }));
      assert.match(cli(['check', file('a.md', draft)]).out, /“same day” is on your team’s list/);
    });

    it('--config uses the given file for every draft; a missing one is a usage error', () => {
      const config = file('shared/team.jsonc', '{ "neverPromise": ["same day"], "severity": { "missing-empathy": "error" } }');
      file('.declinecoach.jsonc', '{ "neverPromise": ["next week"] }');
      const r = cli(['check', '--format', 'json', '--config', config, file('a.md', draft)]);
      const findings = (JSON.parse(r.out) as { files: Array<{ findings: Array<{ ruleId: string; actual: string; severity: string }> }> }).files[0].findings;
      assert.deepEqual(findings.filter(f => f.ruleId === 'never-promise').map(f => f.actual), ['same day']);
      assert.deepEqual(findings.filter(f => f.ruleId === 'missing-empathy').map(f => f.severity), ['error']);
      const missing = cli(['check', '--config', join(dir, 'nope.jsonc'), file('b.md', draft)]);
      assert.equal(missing.code, 2);
      assert.equal(missing.err, `decline-coach: ${join(dir, 'nope.jsonc')}: config file not found or not readable\n`);
      assert.equal(cli(['check', 'a.md', '--config']).code, 2);
    });

    it('reports a bad value at its place, applies the rest, and exits 2', () => {
      const config = file('.declinecoach.jsonc', '{\n  "language": "fr",\n  "neverPromise": ["same day"]\n}');
      const r = cli(['check', file('a.md', draft)]);
      assert.equal(r.code, 2);
      assert.equal(r.err, `decline-coach: ${config}:2:15  error  “language” must be one of: "auto", "de", "en". This value is ignored.\n`);
      assert.match(r.out, /“same day” is on your team’s list/);
      // A warning (an unknown key) is shown but does not fail the run.
      writeFileSync(config, '{ "colour": "blue" }');
      const warned = cli(['check', '--no-exit', join(dir, 'a.md')]);
      assert.equal(warned.code, 0);
      assert.match(warned.err, /:1:3 {2}warning {2}Unknown setting “colour”/);
    });

    it('--fix applies no rewrite of a rule the config file turns off', () => {
      const refusal = 'Hallo Jan,\n\nLeider sind wir am Montag ausgebucht.\n';
      const p = file('a.md', refusal);
      file('.declinecoach.jsonc', '{ "severity": { "negative-phrasing": "off" } }');
      cli(['check', '--fix', p]);
      assert.equal(readFileSync(p, 'utf8'), refusal);
      writeFileSync(join(dir, '.declinecoach.jsonc'), '{}');
      cli(['check', '--fix', p]);
      assert.equal(readFileSync(p, 'utf8'), 'Hallo Jan,\n\nWir sind am Montag ausgebucht.\n');
    });

    it('--lang overrides the config file’s language', () => {
      file('.declinecoach.jsonc', '{ "language": "de" }');
      const p = file('a.md', draft);
      const lang = (args: string[]) => (JSON.parse(cli(['check', '--format', 'json', ...args, p]).out) as { files: Array<{ language: string }> }).files[0].language;
      assert.equal(lang([]), 'de');
      assert.equal(lang(['--lang', 'en']), 'en');
    });

    it('checks in a folder only the drafts the config file includes and does not exclude; named files always', () => {
      file('.declinecoach.jsonc', '{ "include": ["replies/**"], "exclude": ["**/old/**"] }');
      file('replies/a.md', draft);
      file('replies/old/b.md', draft);
      file('notes/c.md', draft);
      const r = cli(['check', '--format', 'json', dir]);
      assert.deepEqual((JSON.parse(r.out) as { files: Array<{ path: string }> }).files.map(f => f.path), [join(dir, 'replies/a.md')]);
      assert.equal(cli(['check', '--format', 'json', join(dir, 'notes/c.md')]).code, 1);
    });
  });

  describe('--format github', () => {
    it('escapes messages and properties as GitHub’s workflow commands require', () => {
      assert.equal(escapeGithubData('50% off\r\nnow: a, b'), '50%25 off%0D%0Anow: a, b');
      assert.equal(escapeGithubProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
    });

    it('writes one annotation per finding, escaped, with a file name that has commas and colons', function () {
      if (process.platform === 'win32') this.skip();
      file('.declinecoach.jsonc', '{ "customPhrases": [{ "phrase": "issue", "message": "100% calmer:\\nsay, question" }] }');
      const p = file('a,b:c.md', 'Hi Ann,\n\nThanks for the issue you raised.\n');
      const lines = cli(['check', '--format', 'github', p]).out.split('\n');
      const property = escapeGithubProperty(p);
      assert.ok(lines.includes(`::warning file=${property},line=3,col=16,endLine=3,endColumn=21,title=Decline Coach%3A Team phrase (custom-phrase)::100%25 calmer:%0Asay, question`), lines.join('\n'));
      assert.ok(property.includes('%2C') && property.includes('%3A'));
    });

    it('annotates a config file’s problems at their place, named relative to the working folder', () => {
      file('.declinecoach.jsonc', '{\n  "register": "Sie"\n}');
      const r = cli(['check', '--format', 'github', file('replies/a.md', 'Hi Ann,\n\nThanks.\n')], undefined, join(dir, 'replies'));
      assert.equal(r.code, 2);
      // Outside the working folder: named in full.
      assert.ok(r.out.startsWith(`::error file=${escapeGithubProperty(join(dir, '.declinecoach.jsonc'))},line=2,col=15,`), r.out);
      const inRoot = cli(['check', '--format', 'github', 'replies/a.md'], undefined, dir);
      assert.ok(inRoot.out.startsWith('::error file=.declinecoach.jsonc,line=2,col=15,title=Decline Coach config::“register” must be one of: "sie", "du". This value is ignored.\n'), inRoot.out);
    });
  });

  describe('formatter snapshots', () => {
    // A team folder with a config file; the archive folder is excluded by it.
    const team = join(ROOT, 'test/fixtures/config/team');
    for (const format of ['text', 'github', 'sarif']) {
      it(`${format} output is as in test/fixtures/config/expected.${format}.txt (UPDATE_SNAPSHOTS=1 rewrites it)`, () => {
        const r = cli(['check', '--format', format, '.'], undefined, team);
        assert.equal(r.code, 1, r.err);
        const snapshot = join(ROOT, `test/fixtures/config/expected.${format}.txt`);
        if (process.env.UPDATE_SNAPSHOTS) writeFileSync(snapshot, r.out);
        assert.equal(r.out, readFileSync(snapshot, 'utf8'));
      });
    }
  });

  describe('SARIF', () => {
    it('is valid against the SARIF 2.1.0 schema, over several files with fixes and snippets', () => {
      // The schema has one pattern that is invalid with the u flag; string formats (uri) are not checked.
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
      const validate = ajv.compile(sarifSchema);
      file('.declinecoach.jsonc', '{ "customPhrases": [{ "phrase": "issue", "message": "Say question.", "replacement": "question" }], "neverPromise": ["same day"] }');
      const drafts = [
        file('a.md', 'Hi Ann,\n\nUnfortunately, the room is booked. I will send it ASAP, the same day.\n'),
        file('b.md', 'Hallo Jan,\n\nleider geht das nicht. Das issue ist zeitnah erledigt.\n'),
        file('empty.md', ''),
      ];
      const sarif = JSON.parse(cli(['check', '--format', 'sarif', ...drafts]).out) as { runs: Array<{ results: unknown[] }> };
      assert.ok(validate(sarif), ajv.errorsText(validate.errors));
      assert.ok(sarif.runs[0].results.length > 5);
      // The schema is strict enough to catch a mistake.
      assert.equal(validate({ ...sarif, version: '2.0.0' }), false);
    });
  });

  describe('hostile input', () => {
    const refusal = 'Hallo Jan,\n\nLeider sind wir am Montag ausgebucht.\n';
    const fixed = 'Hallo Jan,\n\nWir sind am Montag ausgebucht.\n';

    it('refuses a FIFO and a device without reading them, and checks the other files', function () {
      if (process.platform === 'win32') this.skip();
      const fifo = join(dir, 'pipe.md');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
      const good = file('ok.md', 'Hi Ann,\n\nUnfortunately, no.\n');
      const r = spawnSync(process.execPath, [CLI, 'check', fifo, '/dev/zero', good], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(`${fifo}: is not a regular file; not checked`), r.stderr);
      assert.ok(r.stderr.includes('/dev/zero: is not a regular file; not checked'), r.stderr);
      assert.ok(r.stdout.includes(`${good}:3:1`));
    });

    it('refuses a file above --max-size before reading it', () => {
      // Sparse, so it costs no disk; reading 3 GB first would fail or exhaust memory.
      const big = file('big.md', '');
      truncateSync(big, 3 * 1024 ** 3);
      const r = cli(['check', big]);
      assert.equal(r.code, 2);
      assert.equal(r.err, `decline-coach: ${big}: is larger than 2 MB; not checked\n`);
    });

    it('streams valid JSON and SARIF over several files, one of them unreadable', () => {
      const a = file('a.md', 'Hi Ann,\n\nUnfortunately, no.\n');
      const b = file('b.md', 'Hallo Jan,\n\nLeider nicht.\n');
      for (const format of ['json', 'sarif']) {
        const r = cli(['check', '--format', format, a, join(dir, 'missing.md'), b]);
        assert.equal(r.code, 2);
        const doc = JSON.parse(r.out);
        const paths = format === 'json' ? doc.files.map((f: { path: string }) => f.path)
          : [...new Set(doc.runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0].physicalLocation.artifactLocation.uri))];
        assert.deepEqual(paths, [a, b]);
      }
      assert.deepEqual(JSON.parse(cli(['check', '--format', 'json', join(dir, 'missing.md')]).out), { files: [] });
    });

    it('checks 130 000 quoted lines without overflowing the stack', () => {
      const p = file('quotes.md', `${'> Ok.\n>\n'.repeat(130_000)}\nUnfortunately, no.\n`);
      const r = cli(['check', p]);
      assert.equal(r.code, 1, r.err);
      assert.equal(r.err, '');
    });

    it('--fix - writes the fixed text to standard output and the report to standard error', () => {
      const r = cli(['check', '--fix', '-'], refusal);
      assert.equal(r.out, fixed);
      assert.match(r.err, /-: score \d+\/100/);
    });

    it('--fix writes through a symlink to its target and keeps the link', function () {
      if (process.platform === 'win32') this.skip();
      const target = file('target.md', refusal);
      const link = join(dir, 'link.md');
      symlinkSync(target, link);
      cli(['check', '--fix', link]);
      assert.ok(lstatSync(link).isSymbolicLink());
      assert.equal(readFileSync(target, 'utf8'), fixed);
    });

    it('--fix keeps hard links, mode, owner and the byte order mark', function () {
      if (process.platform === 'win32') this.skip();
      const p = file('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(refusal)]));
      chmodSync(p, 0o640);
      const linked = join(dir, 'linked.md');
      linkSync(p, linked);
      const owned = file('owned.md', refusal);
      if (process.getuid?.() === 0) chownSync(owned, 4321, 4321);
      cli(['check', '--fix', p, owned]);
      assert.deepEqual(readFileSync(p), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixed)]));
      assert.equal(readFileSync(linked, 'utf8'), readFileSync(p, 'utf8'), 'the hard link sees the fix');
      assert.equal(statSync(p).mode & 0o777, 0o640);
      assert.equal(readFileSync(owned, 'utf8'), fixed);
      if (process.getuid?.() === 0) assert.deepEqual([statSync(owned).uid, statSync(owned).gid], [4321, 4321]);
    });
  });
});

describe('pre-commit hook and GitHub Action', () => {
  const load = (name: string) => yaml.load(readFileSync(join(ROOT, name), 'utf8'));
  const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;

  describe('.pre-commit-hooks.yaml', () => {
    const hooks = load('.pre-commit-hooks.yaml') as Array<Record<string, unknown>>;
    const hook = hooks[0];

    it('declares one node hook on Markdown and plain-text files', () => {
      assert.equal(hooks.length, 1);
      assert.deepEqual([hook.id, hook.language, hook.types], ['decline-coach', 'node', ['text']]);
      for (const name of ['replies/a.md', 'b.markdown', 'notes.txt']) assert.match(name, new RegExp(String(hook.files)), name);
      for (const name of ['a.js', 'md', 'a.md.bak']) assert.doesNotMatch(name, new RegExp(String(hook.files)), name);
    });

    it('runs the CLI on the files pre-commit passes, and fails on findings', () => {
      // pre-commit runs `entry` with the staged file names appended; the package's bin is the built CLI.
      const [command, ...args] = String(hook.entry).split(' ');
      assert.equal(bin[command], './dist/cli.js');
      const r = cli([...args, 'examples/decline-logo.reply.md', 'examples/absage-relaunch.reply.md'], undefined, ROOT);
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /^examples\/decline-logo\.reply\.md:\d+:\d+ {2}warning/m);
      assert.match(r.out, /^2 file\(s\)/m);
    });
  });

  describe('action.yml', () => {
    interface Step { id?: string; name?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string }
    const action = load('action.yml') as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };
    const steps = action.runs.steps;

    it('is a composite action: setup-node, a build, SARIF on request, annotations, an optional upload', () => {
      assert.equal(action.runs.using, 'composite');
      assert.deepEqual(Object.keys(action.inputs), ['paths', 'config', 'fail-on-findings', 'sarif', 'upload-sarif', 'node-version']);
      assert.deepEqual(steps.map(s => s.id ?? s.uses), ['actions/setup-node@v4', 'build', 'sarif', 'check', 'github/codeql-action/upload-sarif@v3']);
      assert.ok(steps.every(s => !s.run || s.shell === 'bash'));
      // Inputs reach scripts only through the environment, never as text spliced into them.
      assert.ok(steps.every(s => !s.run?.includes('${{')), 'no expression inside a script');
    });

    /**
     * Runs the action's own scripts as the runner would, with `${{ inputs.… }}` and
     * `${{ github.action_path }}` filled in. Skipped: setup-node and the upload (actions of
     * their own), and the build (npm ci would replace this checkout's node_modules; the tests
     * use the CLI that `npm run test:unit` has just built).
     */
    function runAction(inputs: Record<string, string>) {
      const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...inputs };
      const expand = (s: string) => s.replace(/\$\{\{\s*(inputs\.([\w-]+)|github\.action_path)\s*\}\}/g,
        (_, __, input: string | undefined) => (input === undefined ? ROOT : values[input]));
      let out = '';
      for (const step of steps.filter(s => s.run && s.id !== 'build')) {
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
        const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', step.run as string], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...env } });
        out += r.stdout;
        if (r.status !== 0) return { code: r.status, out, err: r.stderr };
      }
      return { code: 0, out, err: '' };
    }

    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'decline-coach-action-'));
      mkdirSync(join(dir, '.git'));
      mkdirSync(join(dir, 'replies'));
      for (const name of ['decline-logo.reply.md', 'absage-relaunch.reply.md']) writeFileSync(join(dir, 'replies', name), readFileSync(join(ROOT, 'examples', name)));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('annotates the findings of the given paths and fails on them by default', function () {
      if (process.platform === 'win32') this.skip();
      const r = runAction({ paths: 'replies/decline-logo.reply.md\nreplies/absage-relaunch.reply.md' });
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /^::warning file=replies\/decline-logo\.reply\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=Decline Coach%3A Negative phrasing \(negative-phrasing\)::/m);
      assert.match(r.out, /^::warning file=replies\/absage-relaunch\.reply\.md,/m);
    });

    it('passes with fail-on-findings "false", and writes valid SARIF on request', function () {
      if (process.platform === 'win32') this.skip();
      const r = runAction({ paths: 'replies', 'fail-on-findings': 'false', sarif: 'results.sarif' });
      assert.equal(r.code, 0, r.err);
      const sarif = JSON.parse(readFileSync(join(dir, 'results.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
      assert.ok(ajv.validate(sarifSchema, sarif), ajv.errorsText());
      assert.deepEqual([...new Set(sarif.runs[0].results.map(x => x.locations[0].physicalLocation.artifactLocation.uri))].sort(),
        ['replies/absage-relaunch.reply.md', 'replies/decline-logo.reply.md']);
    });

    it('uses the given config file, and fails on a bad one', function () {
      if (process.platform === 'win32') this.skip();
      writeFileSync(join(dir, 'team.jsonc'), '{ "severity": { "negative-phrasing": "off" } }');
      assert.doesNotMatch(runAction({ paths: 'replies', config: 'team.jsonc' }).out, /negative-phrasing/);
      writeFileSync(join(dir, 'team.jsonc'), '{ "severity": { "negative-phrasing": "loud" } }');
      const bad = runAction({ paths: 'replies', config: 'team.jsonc', 'fail-on-findings': 'false' });
      assert.equal(bad.code, 2);
      assert.match(bad.out, /^::error file=team\.jsonc,line=1,col=38,title=Decline Coach config::/m);
    });
  });
});
