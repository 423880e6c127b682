import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import type { TestLedger } from '../helpers/ledger';
import { bankFile, importFile, statement, transfer } from '../helpers/statements';
import { type Session, withClub } from './harness';

/**
 * An import books the members' transfers of one statement and day in one journal entry, a line per
 * member: the debtor card's Boekingen shows only that member's line, saying whose payment it was,
 * not the other members' payments nor the entry's collective description.
 */
let s: Session;
withClub((session) => {
  s = session;
});

describe('the debtor card after a bank statement', () => {
  it('shows the member\u2019s own line of the entry the statement\u2019s transfers share', async () => {
    const { page } = s;
    const t = { ctx: s.server.ctx, ledger: { db: s.server.ctx.db } } as unknown as TestLedger;
    const anna = member(t, { name: 'Anna Bakker', mandate: null });
    const bob = member(t, { name: 'Bob Visser', mandate: null });
    const documentOf = (itemId: number) => call(t.ctx, 'items.list', { status: 'all', limit: 100 }).items.find((i) => i.id === itemId)!.document;
    const a1 = invoice(t, anna, 15_000);
    const b1 = invoice(t, bob, 7_500);
    const r = importFile(t, bankFile([statement([transfer(15_000, { name: 'A Bakker', text: `Contributie ${documentOf(a1)}` }), transfer(7_500, { name: 'B Visser', text: `Contributie ${documentOf(b1)}` })])]));
    expect(r.matched.transfers).toBe(2);

    await page.goto(`${s.server.url.split('?')[0]}#/debiteuren/${anna}`);
    const history = page.getByRole('table', { name: 'Boekingen' });
    await history.getByText(/^Betaling Anna Bakker \(\d+\), afschriftregel \d+$/).waitFor();
    const rows = (await history.locator('tbody tr').allTextContents()).map((x) => x.replace(/\u00a0/g, ' '));
    expect(rows).toHaveLength(2);
    expect(rows.find((x) => x.includes('Betaling'))).toMatch(/27-11-2026.*Betaling Anna Bakker \(\d+\), afschriftregel \d+€ 150,00$/);
    expect(rows.join(' ')).not.toMatch(/Bob Visser|Betalingen van leden/);
    await s.shot('debiteur-boekingen-na-afschrift');
    expect(s.problems).toEqual([]);
  });
});
