import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { bankFile, batchCredit, importFile, returnOf, statement, transactionsOf, transfer } from '../helpers/statements';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

const todo = () => call(t.ctx, 'overview.dashboard', {}).todo;

/** The Overzicht's two bank lines: entries Penning could not match, and returns it does not collect again by itself. */
describe('the to-do list after a bank statement', () => {
  it('counts unmatched entries and open returns that are not re-presented, and forgets them once handled', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    const bob = member(t, { name: 'Bob Visser', mandate: { reference: 'ZWA-2' } });
    const annaItem = invoice(t, anna, 15_000);
    invoice(t, bob, 12_500);
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    const txs = transactionsOf(t, batch.id);
    const annaTx = txs.find((x) => x.debtorId === anna)!;
    const bobTx = txs.find((x) => x.debtorId === bob)!;
    expect(todo()).toMatchObject({ entriesToMatch: { entries: 0, amount: 0 }, returnsToHandle: { returns: 0, debtors: 0, amount: 0, returnIds: [] } });

    importFile(
      t,
      bankFile([
        statement([
          batchCredit(t, batch.id),
          // MD06: to dunning, never collected again: the treasurer has to act
          returnOf(annaTx, 'MD06'),
          // AM04: re-presented in the next run by itself: nothing to do
          returnOf(bobTx, 'AM04'),
          // a payment nobody can be found for
          transfer(4_321, { name: 'Onbekende gever', iban: 'NL02RABO0123456789', text: 'gift' }),
        ]),
      ]),
    );
    const returns = call(t.ctx, 'statements.returns', {});
    const md06 = returns.find((r) => r.reasonCode === 'MD06')!;
    expect(returns.find((r) => r.reasonCode === 'AM04')!.action).toBe('represent');
    expect(todo()).toMatchObject({
      entriesToMatch: { entries: 1, amount: 4_321 },
      returnsToHandle: { returns: 1, debtors: 1, amount: annaTx.amount, returnIds: [md06.id] },
    });

    // the gift goes to an income account
    const unmatched = call(t.ctx, 'statements.entries', { filter: 'unmatched' }).entries;
    expect(unmatched).toHaveLength(1);
    const income = call(t.ctx, 'accounts.list', {}).find((a) => a.type === 'revenue')!;
    call(t.ctx, 'statements.bookToAccount', { entryId: unmatched[0]!.id, accountId: income.id });
    expect(todo().entriesToMatch).toEqual({ entries: 0, amount: 0 });

    // Anna pays her reopened item from an IBAN Penning does not know: the treasurer matches it by hand
    importFile(t, bankFile([statement([transfer(15_000, { name: 'A. Bakker', iban: 'NL39RABO0300065264', text: 'sorry, alsnog', date: '2026-12-02' })], { id: 'S2', from: '2026-12-02' })]));
    const annaPays = call(t.ctx, 'statements.entries', { filter: 'unmatched' }).entries;
    expect(annaPays).toHaveLength(1);
    expect(todo().returnsToHandle.returns).toBe(1);
    call(t.ctx, 'statements.match', { entryId: annaPays[0]!.id, itemIds: [annaItem] });
    expect(todo()).toMatchObject({ entriesToMatch: { entries: 0, amount: 0 }, returnsToHandle: { returns: 0, debtors: 0, amount: 0, returnIds: [] } });
  });
});
