import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches } from '../../db/checks';
import { call, dispatch } from '../../electron/api';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

/** Issue 8 §11, refund part: no payout of a credit whose invoice is still on its way, and no member twice. */
let t: TestLedger;
beforeEach(() => (t = openInitializedLedger()));
afterEach(() => t.close());

describe('refunds', () => {
  it('never pays out a credit note on an invoice still in an unconfirmed collection', () => {
    const anna = member(t, { name: 'Anna', mandate: { reference: 'ZW-1' } });
    const inv = invoice(t, anna, 15_000, '2026-11-01');
    call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    creditNote(t, anna, inv, 5_000);
    expect(call(t.ctx, 'refunds.candidates', {})).toEqual([]);
    expect(dispatch(t.ctx, 'refunds.create', { debtorIds: [anna] })).toMatchObject({ ok: false, error: { field: 'debtorIds.0', rule: 'no_credit' } });
    // an overpayment beside it is paid back, the credit note stays for when the collection is settled
    call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: 2_500 }, { accountCode: '1300', debtorId: anna, credit: 2_500 }] });
    expect(call(t.ctx, 'refunds.candidates', {}).map((c) => c.credit)).toEqual([2_500]);
    const batch = call(t.ctx, 'refunds.create', { debtorIds: [anna] });
    expect(batch.controlSum).toBe(2_500);
    expect(call(t.ctx, 'items.list', { debtorId: anna, status: 'open' }).items.map((i) => i.balance)).toEqual([-5_000]);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
  });

  it('refuses a run that names the same member twice, and writes nothing', () => {
    const bob = member(t, { name: 'Bob', mandate: null });
    call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: 5_000 }, { accountCode: '1300', debtorId: bob, credit: 5_000 }] });
    expect(dispatch(t.ctx, 'refunds.create', { debtorIds: [bob, bob] })).toMatchObject({ ok: false, error: { code: 'validation', field: 'debtorIds.1', rule: 'unique' } });
    expect(call(t.ctx, 'batches.list', {})).toEqual([]);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    expect(call(t.ctx, 'refunds.create', { debtorIds: [bob] }).controlSum).toBe(5_000);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
  });
});
