import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCollectionBase, buildRefundBase, runCrashPlan } from '../helpers/crash';
import { tempDir } from '../helpers/ledger';

/**
 * The short form of the crash-safety test (the full one, 30+ kills over 20 000 debits, is
 * test/fuzz/crashSafety.test.ts, `npm run fuzz`): a collection run killed at each moment that
 * matters, right after COMMIT included, once at a random moment, and a refund run killed
 * between rename and COMMIT.
 */
const dir = tempDir('penning-crash-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a booked run always has its file, also when killed', () => {
  it('leaves a sound ledger and either batch and files or neither, at every kill point', async () => {
    const collectionBase = path.join(dir, 'collect-base.sqlite');
    const refundBase = path.join(dir, 'refund-base.sqlite');
    buildCollectionBase(collectionBase, 400);
    buildRefundBase(refundBase);
    const { outcomes } = await runCrashPlan(dir, collectionBase, refundBase, {
      collectionPoints: ['during-write:2', 'after-rename', 'after-commit'],
      timedKills: 1,
      refundPoints: ['after-rename'],
      seed: 9,
    });
    expect(outcomes.filter((o) => o.problems.length)).toEqual([]);
    const byPoint = Object.fromEntries(outcomes.map((o) => [o.point, o]));
    // the two moments that decide: renamed but not committed is undone, committed is kept
    expect(byPoint['collect after-rename']).toMatchObject({ killed: true, booked: false });
    expect(byPoint['collect after-commit']).toMatchObject({ killed: true, booked: true });
    expect(byPoint['refund after-rename']).toMatchObject({ killed: true, booked: false });
  }, 240_000);
});
