/**
 * The bank on the other side of the tests: from a saved batch (its pain files) and a scenario, it
 * writes the files a Dutch bank sends back — camt.053, camt.054, MT940 (ING structured) and
 * pain.002 — written from the ISO 20022 and ING format descriptions, never from Penning's readers.
 *
 *   const batch = loadBatch(t.ctx, id);
 *   const bank = simulatedBank({ iban: batch.account, bic: 'INGBNL2A', ownerName: 'TV De Zwaluwen' });
 *   bank.statement({ date, opening, entries: [batchCredit(batch), returnOf(tx, 'AM04', { charges: 250 })] });
 */
import { writeCamt053, type Camt053Options } from './camt053';
import { writeCamt054, type Camt054Options } from './camt054';
import type { BankAccountSpec, StatementSpec } from './model';
import { writeMt940, type Mt940Options } from './mt940';
import { writePain002, type Pain002Options, type Reject } from './pain002';
import type { SavedBatch } from './savedBatch';

export { batchCredit, bankCost, refundOut, refundReturned, returnOf, returnsBatch, transfer } from './entries';
export type { BatchCreditOptions, ReturnOptions, TransferOptions } from './entries';
export { loadBatch } from './savedBatch';
export type { BatchTransaction, SavedBatch } from './savedBatch';
export { streamCamt053, writeCamt053 } from './camt053';
export { writeCamt054 } from './camt054';
export { streamMt940, writeMt940, swiftText } from './mt940';
export { writePain002 } from './pain002';
export type { Reject } from './pain002';
export { balanceOf } from './model';
export type { BankAccountSpec, BankEntry, Counterparty, EntryDetail, StatementSpec, WrittenFile } from './model';

type Camt053Extra = Omit<Camt053Options, 'account' | 'statements'>;
type Mt940Extra = Omit<Mt940Options, 'account' | 'statements'>;

export function simulatedBank(account: BankAccountSpec) {
  return {
    account,
    /** one camt.053 with one statement */
    statement: (s: StatementSpec, o: Camt053Extra = {}) => writeCamt053({ ...o, account, statements: [s] }),
    /** one camt.053 with several statements (one Stmt each) */
    statements: (list: StatementSpec[], o: Camt053Extra = {}) => writeCamt053({ ...o, account, statements: list }),
    /** the same statements as ING MT940 */
    mt940: (list: StatementSpec[], o: Mt940Extra = {}) => writeMt940({ ...o, account, statements: list }),
    /** camt.054 debit/credit notification */
    notification: (o: Omit<Camt054Options, 'account'>) => writeCamt054({ ...o, account }),
    /** pain.002 rejects of one pain.008 file */
    statusReport: (batch: SavedBatch, rejects: Reject[], o: Pain002Options = {}) => writePain002(batch, rejects, { bankBic: account.bic, ...o }),
  };
}
export type SimulatedBank = ReturnType<typeof simulatedBank>;
