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

const todo = () => call(t.ctx, 'overview.get', {}).todo;

/** The Overzicht's bank lines (counted by statements.todo): entries Penning could not match, returns it does not collect again by itself. */
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
    expect(todo().batchesAwaitingBank.batches).toBe(1);
    expect(todo()).toMatchObject({ entriesToMatch: { entries: 0 }, returnsToHandle: { returns: 0 }, statementProblems: { statements: 0 } });
    importFile(
      t,
      bankFile([
        statement([
          batchCredit(t, batch.id),
          // MD06: to dunning, never collected again: the treasurer has to act
          returnOf(annaTx, 'MD06'),
          // AM04: re-presented in the next run by itself: nothing to do
          returnOf(bobTx, 'AM04'),
          // a payment nobody can be found for (the statement closes at 43,21: the credit and the returns cancel out)
          transfer(4_321, { name: 'Onbekende gever', iban: 'NL02RABO0123456789', text: 'gift' }),
        ]),
      ]),
    );
    // the bank credited the batch: it no longer waits for the bank, even before its date has passed
    expect(todo().batchesAwaitingBank).toEqual({ batches: 0, amount: 0 });
    const returns = call(t.ctx, 'statements.returns', {});
    expect(returns.find((r) => r.reasonCode === 'AM04')!.action).toBe('represent');
    expect(returns.find((r) => r.reasonCode === 'MD06')!.action).toBe('dun');
    expect(todo()).toMatchObject({ entriesToMatch: { entries: 1 }, returnsToHandle: { returns: 1 }, statementProblems: { statements: 0 } });

    // the gift goes to an income account
    const unmatched = call(t.ctx, 'statements.entries', { filter: 'unmatched' }).entries;
    expect(unmatched).toHaveLength(1);
    const income = call(t.ctx, 'accounts.list', {}).find((a) => a.type === 'revenue')!;
    call(t.ctx, 'statements.bookToAccount', { entryId: unmatched[0]!.id, accountId: income.id });
    expect(todo().entriesToMatch).toEqual({ entries: 0 });

    // Anna pays her reopened item from an IBAN Penning does not know: the treasurer matches it by hand
    importFile(t, bankFile([statement([transfer(15_000, { name: 'A. Bakker', iban: 'NL39RABO0300065264', text: 'sorry, alsnog', date: '2026-12-02' })], { id: 'S2', from: '2026-12-02', opening: 4_321 })]));
    const annaPays = call(t.ctx, 'statements.entries', { filter: 'unmatched' }).entries;
    expect(annaPays).toHaveLength(1);
    expect(todo().returnsToHandle.returns).toBe(1);
    call(t.ctx, 'statements.match', { entryId: annaPays[0]!.id, itemIds: [annaItem] });
    expect(todo()).toMatchObject({ entriesToMatch: { entries: 0 }, returnsToHandle: { returns: 0 }, statementProblems: { statements: 0 } });

    // a statement whose balances do not add up is counted too
    importFile(t, bankFile([statement([transfer(2_000, { name: 'Bob Visser', text: 'borrel', date: '2026-12-03' })], { id: 'S3', from: '2026-12-03', opening: 19_321, closingOff: 500 })]));
    expect(todo().statementProblems).toEqual({ statements: 1 });
  });
});
