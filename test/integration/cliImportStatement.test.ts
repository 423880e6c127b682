import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stornoStory, type StornoStory } from '../helpers/bankSimulator/story';
import { cliOn } from '../helpers/cli';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { samplesDir } from '../helpers/samples';

const samples = samplesDir();

/**
 * `penning import-statement` on real files: the bank simulator writes what the bank would send
 * back for a saved batch (the batch credit, returns, member transfers, refunds), the readers and
 * the importer run in the CLI process as a treasurer runs them.
 */
describe('penning import-statement', () => {
  let t: TestLedger;
  let story: StornoStory;
  let cli: ReturnType<typeof cliOn>;
  const file = (name: string, body: string) => {
    const p = path.join(t.dir, name);
    fs.writeFileSync(p, body);
    return p;
  };

  beforeAll(() => {
    t = openInitializedLedger();
    story = stornoStory(t, { directDebits: 20, transfers: 10 });
    t.ledger.close();
    cli = cliOn(t.file);
  });
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  it('reads without booking (--dry-run), books and matches once, and books nothing the second time', () => {
    const camt = file('afschrift.xml', story.files.camt053.xml!);
    const dry = cli('import-statement', camt, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.json.format).toBe('camt.053');
    expect(dry.json.matched).toBeUndefined();
    const entries = story.files.camt053.statements.reduce((n, s) => n + s.entries, 0);
    expect(dry.json.entries).toBe(entries);
    expect(dry.json.statements.map((s: { opening: number; closing: number; balanceOk: boolean }) => [s.opening, s.closing, s.balanceOk])).toEqual(
      story.files.camt053.statements.map((s) => [s.opening, s.closing, true]),
    );
    // credits and debits are both positive cents (what the bank's own totals say); sums stay signed
    expect(dry.json.statements.map((s: { credits: number; debits: number }) => [s.credits, s.debits])).toEqual(story.files.camt053.statements.map((s) => [s.credits, s.debits]));
    expect(story.files.camt053.statements.some((s) => s.debits > 0)).toBe(true);
    const credits = story.files.camt053.statements.reduce((n, s) => n + s.credits, 0);
    const debits = story.files.camt053.statements.reduce((n, s) => n + s.debits, 0);
    expect(dry.json.sums).toEqual({ EUR: credits - debits });

    const real = cli('import-statement', camt);
    expect(real.code).toBe(0);
    const { unmatched, ...matched } = story.expected.matched;
    expect(real.json.matched).toEqual(matched);
    expect(real.json.unmatched).toBe(unmatched);
    expect(real.json.skipped).toBe(0);

    const again = cli('import-statement', camt);
    expect(again.code).toBe(0);
    expect(again.json.skipped).toBe(entries);
    expect(again.json.matched).toEqual({ batchCredits: 0, returns: 0, transfers: 0, refunds: 0 });

    // the bank's camt.054 of the returns reports bookings the camt.053 already brought: by the
    // bank's reference they are the same entries, however differently each message details them
    const notices = cli('import-statement', file('storno.xml', story.files.camt054.xml!));
    expect(notices.code).toBe(0);
    expect(notices.json.entries).toBe(story.expected.returns.length);
    expect(notices.json.skipped).toBe(notices.json.entries);
  });

  it('reads any account with --dry-run, refuses a foreign account for real, and reports a balance that does not add up', () => {
    const ing = path.join(samples, 'mt940_ing_structured86_returns.940');
    const dry = cli('import-statement', ing, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({ format: 'mt940', entries: 8, statements: [{ account: 'NL69INGB0123456789', balanceOk: true }] });
    const refused = cli('import-statement', ing);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('NL69INGB0123456789');
    expect(refused.stdout).toBe('');

    const abn = cli('import-statement', path.join(samples, 'camt.053_abnamro-style_sdd_batch_unpaid.xml'), '--dry-run');
    expect(abn.code).toBe(0);
    expect(abn.json.statements[0].balanceOk).toBe(false);
  });
});
