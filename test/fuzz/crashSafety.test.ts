import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCollectionBase, buildRefundBase, runCrashPlan } from '../helpers/crash';
import { tempDir } from '../helpers/ledger';

/**
 * The full crash-safety test (`npm run fuzz`, PENNING_FUZZ=long): a collection run of 20 000
 * debits (four files) killed at 30+ points — every named moment, spread over the writing of the
 * files, and at random delays — and a refund run killed at each named moment. Prints the tally.
 */
const long = process.env.PENNING_FUZZ === 'long';
const debits = long ? 20_000 : 2_000;
const dir = tempDir('penning-crash-long-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const named = ['before-book', 'after-temp-write', 'after-rename', 'after-commit'];

describe(`crash safety over a collection run of ${debits} debits`, () => {
  it('never loses the link between the books and the files', async () => {
    const collectionBase = path.join(dir, 'collect-base.sqlite');
    const refundBase = path.join(dir, 'refund-base.sqlite');
    buildCollectionBase(collectionBase, debits);
    buildRefundBase(refundBase);
    // about 530 bytes of XML a debit, written in blocks of 64 KiB: spread the write kills over them
    const blocks = Math.max(4, Math.floor((debits * 530) / 65_536));
    const during = Array.from({ length: long ? 12 : 3 }, (_, i) => `during-write:${1 + Math.floor(((i + 0.5) * blocks) / (long ? 12 : 3))}`);
    const { outcomes, collectMs } = await runCrashPlan(dir, collectionBase, refundBase, {
      collectionPoints: [...named, ...during],
      timedKills: long ? 14 : 2,
      refundPoints: [...named, 'during-write:1'],
      seed: Number(process.env.PENNING_FUZZ_SEED ?? 20261125),
    });
    const bad = outcomes.filter((o) => o.problems.length);
    console.log(
      `crash safety: ${outcomes.length} kills tried (${outcomes.filter((o) => o.killed).length} killed mid-run, ${outcomes.filter((o) => o.booked).length} booked), ` +
        `${bad.length} inconsistencies; an unkilled run of ${debits} debits took ${collectMs} ms`,
    );
    for (const o of outcomes) console.log(`  ${o.point}: ${o.killed ? 'killed' : 'finished'}, ${o.booked ? 'booked with its files' : 'nothing booked, no file'}${o.problems.length ? ` PROBLEMS ${o.problems.join('; ')}` : ''}`);
    expect(bad).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(long ? 30 : 10);
  }, long ? 3_600_000 : 600_000);
});
