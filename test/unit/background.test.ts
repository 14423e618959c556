import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { analyze } from '../../src/core';
import { BackgroundChecker } from '../../src/core/background/checker';
import { spawnCheckWorker } from '../../src/extension/worker/spawn';

const DIST = resolve(__dirname, '../../../dist');
const spawn = () => spawnCheckWorker({ fsPath: DIST, toString: () => DIST });
const draft = (size: number) => `Hi Ann,\n\n${'Unfortunately the shop is closed. We will get back to you ASAP.\n\n'.repeat(Math.ceil(size / 66))}`;

describe('checks in the background', () => {
  let checker: BackgroundChecker | undefined;
  afterEach(() => checker?.dispose());

  it('gives the engine’s result while the main thread stays free', async function () {
    this.timeout(60_000);
    checker = new BackgroundChecker(spawn, 30_000);
    const text = draft(1_000_000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const result = await checker.check('a.md', text, {});
    clearInterval(ticker);
    assert.equal(result.kind, 'done');
    assert.deepEqual(result.kind === 'done' && result.analysis, analyze(text));
    assert.ok(ticks > 3, `the main thread ran ${ticks} timer ticks during the check`);
  });

  it('abandons a check over its time budget, then checks again with a fresh worker', async function () {
    this.timeout(60_000);
    checker = new BackgroundChecker(spawn, 50);
    const first = checker.check('big.md', draft(2_000_000), {});
    const queued = checker.check('other.md', draft(100_000), {});
    assert.equal((await first).kind, 'abandoned');
    assert.equal((await queued).kind, 'interrupted');
    checker.dispose();
    checker = new BackgroundChecker(spawn, 30_000);
    assert.equal((await checker.check('small.md', 'Hi Ann,\n\nUnfortunately, no.', {})).kind, 'done');
  });
});
