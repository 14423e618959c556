import * as assert from 'node:assert/strict';
import { appendFileSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDraft, saveFixes, type Snapshot } from '../../src/cli/files';
import { cliText, uiLang } from '../../src/cli/messages';

// Deterministic: the edit is made between reading the draft and writing its fixes, with no race to win.
describe('--fix writes a draft back only as it was read', () => {
  const original = 'Hallo Jan,\n\nLeider sind wir ausgebucht.\n';
  const fixed = 'Hallo Jan,\n\nWir sind ausgebucht.\n';
  // A whole second: file systems keep it exactly, so an edit can put it back.
  const WHEN = 1_700_000_000;
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'decline-coach-files-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const draft = (name: string): { path: string; snapshot: Snapshot } => {
    const path = join(dir, name);
    writeFileSync(path, original);
    utimesSync(path, WHEN, WHEN);
    const read = readDraft(path, 1 << 20, true);
    assert.ok(!('error' in read) && read.snapshot);
    return { path, snapshot: read.snapshot };
  };
  const changed = (path: string) => cliText(uiLang, 'cli.changed', path);

  /** Rewrites the file with other bytes of the same length and puts its modification time back. */
  const editInPlace = (path: string, snapshot: Snapshot) => {
    const edit = original.replace('Leider', 'Gerade');
    assert.equal(edit.length, original.length);
    writeFileSync(path, edit);
    utimesSync(path, WHEN, WHEN);
    assert.equal(statSync(path).mtimeMs, snapshot.mtimeMs, 'size and time tell nothing');
    return edit;
  };

  it('writes the fixes over a draft nobody touched', () => {
    const { path, snapshot } = draft('same.md');
    assert.equal(saveFixes(path, snapshot, false, fixed), undefined);
    assert.equal(readFileSync(path, 'utf8'), fixed);
  });

  it('keeps an edit that made the draft longer, and says so', () => {
    const { path, snapshot } = draft('grown.md');
    appendFileSync(path, 'Meine Ergänzung.\n');
    assert.equal(saveFixes(path, snapshot, false, fixed), changed(path));
    assert.equal(readFileSync(path, 'utf8'), `${original}Meine Ergänzung.\n`);
    assert.deepEqual(readdirSync(dir), ['grown.md'], 'no temporary copy left behind');
  });

  it('keeps an edit of the same size and modification time', () => {
    const { path, snapshot } = draft('retyped.md');
    const edit = editInPlace(path, snapshot);
    assert.equal(saveFixes(path, snapshot, false, fixed), changed(path));
    assert.equal(readFileSync(path, 'utf8'), edit);
    assert.deepEqual(readdirSync(dir), ['retyped.md'], 'no temporary copy left behind');
  });

  it('keeps such an edit in a file with another hard link, which is written in place', function () {
    if (process.platform === 'win32') this.skip();
    const { path, snapshot } = draft('linked.md');
    linkSync(path, join(dir, 'other-name.md'));
    const edit = editInPlace(path, snapshot);
    assert.equal(saveFixes(path, snapshot, false, fixed), changed(path));
    assert.equal(readFileSync(join(dir, 'other-name.md'), 'utf8'), edit);
    assert.deepEqual(readdirSync(dir).sort(), ['linked.md', 'other-name.md'], 'no temporary copy: a linked file is never renamed over');
  });

  it('says in the writer\'s language why nothing was written', () => {
    assert.equal(cliText('en', 'cli.changed', 'a.md'), 'a.md: changed while the fixes were made; not written, run again');
    assert.equal(cliText('de', 'cli.changed', 'a.md'), 'a.md: wurde während der Korrektur geändert; nicht geschrieben, bitte erneut ausführen');
  });
});
