import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('decline-coach CLI', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'decline-coach-cli-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer) => { const p = join(dir, name); writeFileSync(p, content); return p; };

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

    it('--fix never overwrites an edit made while it runs', async function () {
      this.timeout(120_000);
      // Big enough that fixing takes a while; the edit lands after the read and before the write.
      const p = file('busy.md', `Hallo Jan,\n\n${'Leider sind wir ausgebucht. '.repeat(40_000)}\n`);
      const child = spawn(process.execPath, [CLI, 'check', '--fix', p], { env: { ...process.env, LANG: 'en_US.UTF-8' } });
      let err = '';
      child.stdout.resume();
      child.stderr.on('data', chunk => { err += chunk; });
      await new Promise(done => setTimeout(done, 1200));
      appendFileSync(p, 'Meine Ergänzung.\n');
      const code = await new Promise(done => child.on('close', done));
      assert.equal(code, 2, err);
      assert.ok(err.includes(`${p}: changed while the fixes were made; not written, run again`), err);
      assert.ok(readFileSync(p, 'utf8').endsWith('Leider sind wir ausgebucht. \nMeine Ergänzung.\n'));
    });
  });
});
