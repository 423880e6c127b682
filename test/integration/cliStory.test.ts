import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../helpers/cli';
import { tempDir } from '../helpers/ledger';

/**
 * The receivables story of issue 3 on the command line, step by step as a treasurer types it:
 * import 50 members (5 refused), a fee run from the card amounts, block one draft, post, split an
 * item into 3 instalments, credit part of an invoice and merge it with the invoice, read the card.
 */
const dir = tempDir('penning-cli-story-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const root = path.resolve(__dirname, '../..');
const run = cliOn(path.join(dir, 'club.sqlite'));

/** One step of the story: it must succeed. */
function penning(...args: string[]) {
  const r = run(...args);
  if (r.code !== 0) throw new Error(`penning ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
}

describe('the receivables story over the CLI', () => {
  // a dozen CLI processes one after another: on a busy machine that is more than the default 30 s
  it('runs from member import to the debtor card', { timeout: 300_000 }, () => {
    // only init makes a ledger where none is (issue 9)
    penning('init');
    penning('call', 'setup.initialize', JSON.stringify({ organisation: { name: 'VV De Zwaluwen', creditorId: 'NL51ZZZ405365330000' }, bankAccounts: [{ name: 'Bank', iban: 'NL91ABNA0417164300' }] }));

    const imported = penning('import-members', path.join(root, 'test', 'fixtures', 'leden-50.csv'));
    expect(imported.json.created).toBe(45);
    expect(imported.json.rejected.map((r: { line: number }) => r.line)).toEqual([8, 15, 23, 32, 44]);
    expect(imported.stderr).toContain('45 new, 0 updated, 5 refused');

    const run = penning('fee-run', 'create', '--description', 'Contributie 2026-2027', '--amount', '150,00', '--date', '2026-09-01', '--due', '2026-10-01', '--from-card').json;
    // 45 members, one erelid exempt (contributie 0,00 on line 10)
    expect(run.counts.drafts).toBe(44);
    expect(run.invoices.find((i: { debtorNumber: string }) => i.debtorNumber === '2006').total).toBe(7_550);

    const blocked = penning('fee-run', 'block', String(run.id), '2003').json;
    expect(blocked.blocked).toBe(true);
    const posted = penning('fee-run', 'post', String(run.id)).json;
    expect(posted).toMatchObject({ posted: 43, skippedBlocked: 1 });

    const item = penning('items', '--debtor', '2001').json.items[0];
    expect(item.balance).toBe(15_000);
    const split = penning('split', String(item.id), '--parts', '3', '--first-due', '2026-10-01', '--arrangement', '--reason', 'Betalingsregeling telefonisch afgesproken').json;
    expect(split.itemIds).toHaveLength(3);

    const invoice = penning('items', '--debtor', '2002').json.items[0];
    const credit = penning('invoice', 'credit', String(invoice.invoiceId), '--amount', '25,00', '--description', 'Korting blessure').json;
    expect(credit).toMatchObject({ kind: 'credit_note', total: 2_500 });
    const items2002 = penning('items', '--debtor', '2002').json.items as { id: number; balance: number }[];
    expect(items2002.map((i) => i.balance).sort((a, b) => a - b)).toEqual([-2_500, 15_000]);
    const merged = penning('merge', ...items2002.map((i) => String(i.id)), '--reason', 'Creditnota verrekend').json;

    const card2002 = penning('debtor', '2002').json;
    expect(card2002.debtor.balance).toBe(12_500);
    expect(card2002.items.filter((i: { status: string }) => i.status === 'open').map((i: { id: number; balance: number }) => [i.id, i.balance])).toEqual([[merged.itemId, 12_500]]);

    const card2001 = penning('debtor', '2001').json;
    expect(card2001.debtor).toMatchObject({ balance: 15_000, statusName: 'Betalingsregeling' });
    const parts = card2001.items.filter((i: { status: string }) => i.status === 'arrangement');
    expect(parts.map((i: { balance: number; dueDate: string }) => [i.balance, i.dueDate])).toEqual([[5_000, '2026-10-01'], [5_000, '2026-11-01'], [5_000, '2026-12-01']]);
    expect(card2001.history.flatMap((h: { events: { kind: string }[] }) => h.events.map((e) => e.kind))).toContain('split');
    expect(card2001.mandates[0].reference).toBe('ZWA-2001');

    const card2003 = penning('debtor', '2003').json;
    expect(card2003.invoices[0]).toMatchObject({ status: 'draft', blocked: true });
    expect(card2003.debtor.balance).toBe(0);
  });

  it('refuses a bad amount by field and rule, writing nothing', () => {
    const r = run('fee-run', 'create', '--description', 'X', '--amount', '12,345');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Fout: Bedrag "12,345": schrijf het als 1.234,56');
    expect(penning('fee-run', 'list').json).toHaveLength(1);
  });
});
