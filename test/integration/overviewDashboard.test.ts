import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger, openTempLedger, type TestLedger } from '../helpers/ledger';

// today is 2026-11-24 (FIXED_NOW); lead time 2 business days: earliest collection 2026-11-26
let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

const dashboard = () => call(t.ctx, 'overview.get', {});

describe('Overzicht: what needs the treasurer', () => {
  it('an empty ledger has nothing to do and empty charts', () => {
    const d = dashboard();
    expect(d.todo).toEqual({
      dueForCollection: { items: 0, debtors: 0, amount: 0 },
      batchesAwaitingBank: { batches: 0, amount: 0 },
      mandatesExpiring: { debtors: 0 },
      directDebitWithoutMandate: { debtors: 0 },
      creditsToPayBack: { debtors: 0, amount: 0 },
      entriesToMatch: { entries: 0 },
      returnsToHandle: { returns: 0 },
      statementProblems: { statements: 0 },
    });
    expect(d.ageing.map((a) => [a.bucket, a.amount])).toEqual([['0-30', 0], ['31-60', 0], ['61-90', 0], ['90+', 0]]);
    expect(d.forecast).toEqual([]);
    expect(d.batchesByState.map((b) => b.batches)).toEqual([0, 0, 0]);
  });

  it('counts the to-do list, ages receivables, forecasts cash-in and follows a collection through its states', () => {
    // signed 2024-01-15, never used: expires 2027-01-15, within 60 days
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1', signedOn: '2024-01-15' } });
    const dirk = member(t, { name: 'Dirk Mol', mandate: { reference: 'ZWA-2', signedOn: '2026-01-10' } });
    member(t, { name: 'Cas Smit', method: 'direct_debit' });
    const bob = member(t, { name: 'Bob Visser', mandate: null });
    const eva = member(t, { name: 'Eva Kok', mandate: null });

    invoice(t, anna, 15_000, '2026-11-01'); // 23 days: 0-30, collectable
    invoice(t, dirk, 5_000, '2026-08-01'); // 115 days: 90+, collectable
    invoice(t, dirk, 7_500, '2026-12-15'); // not yet due: 0-30, expected on its due date
    invoice(t, bob, 10_000, '2026-10-10'); // 45 days: 31-60, pays by transfer
    const blocked = invoice(t, bob, 2_000, '2026-09-10'); // 75 days: 61-90
    call(t.ctx, 'items.setBlocked', { itemIds: [blocked], blocked: true });
    const evas = invoice(t, eva, 3_000, '2026-11-01');
    creditNote(t, eva, evas, 3_000);
    call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: 4_000 }, { accountCode: '1300', debtorId: eva, credit: 4_000 }] });

    const d = dashboard();
    expect(d.today).toBe('2026-11-24');
    expect(d.todo).toEqual({
      dueForCollection: { items: 2, debtors: 2, amount: 20_000 },
      batchesAwaitingBank: { batches: 0, amount: 0 },
      mandatesExpiring: { debtors: 1 },
      directDebitWithoutMandate: { debtors: 1 },
      creditsToPayBack: { debtors: 1, amount: 4_000 },
      entriesToMatch: { entries: 0 },
      returnsToHandle: { returns: 0 },
      statementProblems: { statements: 0 },
    });
    expect(d.ageing).toEqual([
      // Eva's invoice stays open beside her credit note: ageing lists what was billed, credits are their own to-do
      { bucket: '0-30', items: 3, debtors: 3, amount: 25_500, dueFrom: '2026-10-25', dueTo: null },
      { bucket: '31-60', items: 1, debtors: 1, amount: 10_000, dueFrom: '2026-09-25', dueTo: '2026-10-24' },
      { bucket: '61-90', items: 1, debtors: 1, amount: 2_000, dueFrom: '2026-08-26', dueTo: '2026-09-24' },
      { bucket: '90+', items: 1, debtors: 1, amount: 5_000, dueFrom: null, dueTo: '2026-08-25' },
    ]);
    expectListsMatchFigures(d);
    expect(d.forecast).toEqual([
      { date: '2026-11-26', scheduled: 0, expected: 20_000 },
      { date: '2026-12-15', scheduled: 0, expected: 7_500 },
    ]);

    const batch = call(t.ctx, 'collections.create', {});
    const after = dashboard();
    expectListsMatchFigures(after);
    expect(after.todo.dueForCollection).toEqual({ items: 0, debtors: 0, amount: 0 });
    expect(after.todo.batchesAwaitingBank).toEqual({ batches: 1, amount: batch.controlSum });
    expect(after.forecast).toEqual([
      { date: '2026-11-26', scheduled: batch.controlSum, expected: 0 },
      { date: '2026-12-15', scheduled: 0, expected: 7_500 },
    ]);
    expect(after.batchesByState).toEqual([
      { state: 'awaiting', batches: 1, amount: batch.controlSum },
      { state: 'executed', batches: 0, amount: 0 },
      { state: 'cancelled', batches: 0, amount: 0 },
    ]);

    call(t.ctx, 'batches.cancel', { id: batch.id, reason: 'Verkeerde datum' });
    const cancelled = dashboard();
    expectListsMatchFigures(cancelled);
    expect(cancelled.batchesByState.map((b) => [b.state, b.batches])).toEqual([['awaiting', 0], ['executed', 0], ['cancelled', 1]]);
    expect(cancelled.todo.dueForCollection.amount).toBe(20_000);
  });

  it('the filtered lists behind the figures of the demo club hold exactly what the Overzicht counts', () => {
    t.close();
    t = openTempLedger();
    call(t.ctx, 'setup.demo', {});
    const d = dashboard();
    // the demo club has something in every line but the batches and the bank statements (tested in
    // overviewStatementTodo.test.ts), so no comparison is 0 = 0
    const { batchesAwaitingBank, entriesToMatch, returnsToHandle, statementProblems, ...others } = d.todo;
    expect([entriesToMatch.entries, returnsToHandle.returns, statementProblems.statements]).toEqual([0, 0, 0]);
    expect(Object.values(others).every((line) => Object.values(line).every((n) => n > 0))).toBe(true);
    expect(d.ageing.every((a) => a.items > 0)).toBe(true);
    expectListsMatchFigures(d);
    call(t.ctx, 'collections.create', {});
    const collected = dashboard();
    expect(collected.todo.batchesAwaitingBank.batches).toBe(1 + batchesAwaitingBank.batches);
    expectListsMatchFigures(collected);
    const expiring = call(t.ctx, 'debtors.list', { mandate: 'expiring', limit: 1000 }).debtors;
    const missing = call(t.ctx, 'debtors.list', { mandate: 'missing', limit: 1000 }).debtors;
    expect(missing.every((x) => x.paymentMethod === 'direct_debit' && !x.activeMandate)).toBe(true);
    expect(expiring.every((x) => !!x.activeMandate)).toBe(true);
  });
});

/**
 * Every to-do line and chart figure links to a filtered list; that list, asked with the same
 * filter, holds exactly what the figure counts (rows and euros).
 */
function expectListsMatchFigures(d: ReturnType<typeof dashboard>) {
  const items = (filter: Parameters<typeof call<'items.list'>>[2]) => call(t.ctx, 'items.list', { ...filter, limit: 5000 });
  for (const a of d.ageing) {
    const listed = items({ status: 'open', owedOnly: true, dueFrom: a.dueFrom ?? undefined, dueTo: a.dueTo ?? undefined });
    expect([a.bucket, listed.total, listed.totalBalance, new Set(listed.items.map((i) => i.debtorId)).size]).toEqual([a.bucket, a.items, a.amount, a.debtors]);
  }
  const due = items({ status: 'open', dueForCollection: true });
  expect({ items: due.total, amount: due.totalBalance, debtors: new Set(due.items.map((i) => i.debtorId)).size }).toEqual(d.todo.dueForCollection);
  for (const b of d.batchesByState) {
    const listed = call(t.ctx, 'batches.list', { kind: 'collection', state: b.state });
    expect([b.state, listed.length, listed.reduce((s, x) => s + x.controlSum, 0)]).toEqual([b.state, b.batches, b.amount]);
  }
  expect(call(t.ctx, 'batches.list', { kind: 'collection', state: 'awaiting' }).length).toBe(d.todo.batchesAwaitingBank.batches);
  expect(call(t.ctx, 'debtors.list', { mandate: 'expiring', limit: 1000 }).total).toBe(d.todo.mandatesExpiring.debtors);
  expect(call(t.ctx, 'debtors.list', { mandate: 'missing', limit: 1000 }).total).toBe(d.todo.directDebitWithoutMandate.debtors);
  expect(call(t.ctx, 'refunds.candidates', {}).length).toBe(d.todo.creditsToPayBack.debtors);
}
