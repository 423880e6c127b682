import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { cliOn } from '../helpers/cli';
import { formatEuro } from '../../shared/money';

/** Issue 8 §13 and §15: a mandate makes a member collectable; "in incasso" is not "paid". */
let t: TestLedger;
beforeEach(() => (t = openInitializedLedger()));
afterEach(() => t.close());

describe('a mandate for a member on transfer', () => {
  it('offers the switch to direct debit, makes it on request, and the why-not list says why until then', () => {
    const d = member(t, { name: 'Piet', method: 'transfer', mandate: null });
    invoice(t, d, 15_000);
    const saved = call(t.ctx, 'mandates.save', { debtorId: d, reference: 'ZW-9', signedOn: '2026-11-01' });
    expect(saved).toMatchObject({ paymentMethod: 'transfer', switchToDirectDebitOffered: true });
    expect(saved.message!.nl).toContain('betaalt per overboeking');
    const why = call(t.ctx, 'collections.propose', { collectionDate: '2026-11-26' }).excluded;
    expect(why.map((x) => [x.reason, x.detail])).toEqual([['transfer_with_mandate', 'ZW-9']]);
    const switched = call(t.ctx, 'mandates.save', { id: saved.id, debtorId: d, reference: 'ZW-9', signedOn: '2026-11-01', switchToDirectDebit: true });
    expect(switched).toMatchObject({ paymentMethod: 'direct_debit', switchToDirectDebitOffered: false, message: null });
    expect(call(t.ctx, 'debtors.get', { id: d }).paymentMethod).toBe('direct_debit');
    expect(call(t.ctx, 'collections.propose', { collectionDate: '2026-11-26' }).debits).toHaveLength(1);
  });

  it('keeps "pays by transfer" for a member without a mandate, and asks for an IBAN before switching', () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Zonder IBAN', paymentMethod: 'transfer' }).id;
    invoice(t, d, 1_000);
    expect(call(t.ctx, 'collections.propose', { collectionDate: '2026-11-26' }).excluded.map((x) => x.reason)).toEqual(['not_direct_debit']);
    expect(dispatch(t.ctx, 'mandates.save', { debtorId: d, reference: 'ZW-10', signedOn: '2026-11-01', switchToDirectDebit: true })).toMatchObject({ ok: false, error: { field: 'switchToDirectDebit' } });
    expect(call(t.ctx, 'mandates.list', { debtorId: d })).toEqual([]);
  });
});

describe('in incasso until the bank confirms', () => {
  it('shows on the card, in the list and per batch in the overview, and goes with a cancellation', () => {
    const anna = member(t, { name: 'Anna', mandate: { reference: 'ZW-1' } });
    invoice(t, anna, 15_000);
    expect(call(t.ctx, 'debtors.get', { id: anna })).toMatchObject({ inCollection: [], inCollectionText: null });
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    const card = call(t.ctx, 'debtors.get', { id: anna });
    expect(card.inCollection).toEqual([{ batchId: batch.id, reference: 'INC-2026-0001', date: '2026-11-26', amount: 15_000 }]);
    expect(card.inCollectionText).toEqual({ nl: `in incasso (${formatEuro(15_000)}, batch INC-2026-0001)`, en: `in collection (${formatEuro(15_000, 'en')}, batch INC-2026-0001)` });
    expect(call(t.ctx, 'debtors.list', { limit: 10 }).debtors[0]!.inCollectionText?.nl).toBe(`in incasso (${formatEuro(15_000)}, batch INC-2026-0001)`);
    expect(call(t.ctx, 'overview.get', {}).collectionsInTransit).toEqual([{ batchId: batch.id, reference: 'INC-2026-0001', date: '2026-11-26', amount: 15_000, debits: 1 }]);
    call(t.ctx, 'batches.cancel', { id: batch.id, reason: 'x' });
    expect(call(t.ctx, 'debtors.get', { id: anna }).inCollection).toEqual([]);
    expect(call(t.ctx, 'overview.get', {}).collectionsInTransit).toEqual([]);
  });

  it('the CLI debtor card carries it', () => {
    const anna = member(t, { name: 'Anna', mandate: { reference: 'ZW-1' } });
    invoice(t, anna, 15_000);
    call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    t.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    const out = cliOn(t.file)('--lang', 'en', 'call', 'debtors.get', JSON.stringify({ id: anna }));
    expect(out.code).toBe(0);
    expect(out.json.inCollectionText.nl).toBe(`in incasso (${formatEuro(15_000)}, batch INC-2026-0001)`);
  }, 120_000);
});
