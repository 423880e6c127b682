import { expect } from 'vitest';
import { entriesWithoutLines, receivableLinesWithoutDebtor, subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call } from '../../electron/api';
import { batchFileText } from '../../electron/collections/files';
import { importBankFile } from '../../electron/statements/import';
import type { BankFile, EntryDetail, Statement, StatementEntry } from '../../electron/statements/model';
import type { TestLedger } from './ledger';

/**
 * Bank files as the readers deliver them (the common model), built from what Penning saved: the
 * ids come out of the batch's own pain.008, so matching is tested against the real identifiers.
 */
export const CLUB_IBAN = 'NL91ABNA0417164300';

export function detail(p: Partial<EntryDetail> = {}): EntryDetail {
  return {
    amount: null, endToEndId: null, paymentInfoId: null, messageId: null, mandateId: null, creditorId: null, bankReference: null,
    counterparty: { name: null, iban: null, bic: null }, remittance: null, creditorReference: null, returnInfo: null, ...p,
  };
}

let refNo = 0;
export function entry(p: Partial<StatementEntry> & { amount: number }): StatementEntry {
  return {
    currency: 'EUR', bookingDate: '2026-11-26', valueDate: null, bankReference: `REF${++refNo}`, reversal: false, transactionCode: null, proprietaryCode: null,
    transactionCount: null, information: null, details: [], source: `Ntry ${refNo}`, ...p,
  };
}

export function statement(entries: StatementEntry[], o: { account?: string; id?: string; opening?: number; from?: string; to?: string; currency?: string; closingOff?: number } = {}): Statement {
  const from = o.from ?? entries[0]?.bookingDate ?? '2026-11-26';
  const to = o.to ?? entries[entries.length - 1]?.bookingDate ?? from;
  const opening = o.opening ?? 0;
  const closing = opening + entries.reduce((s, e) => s + e.amount, 0) + (o.closingOff ?? 0);
  return { account: o.account ?? CLUB_IBAN, currency: o.currency ?? 'EUR', id: o.id ?? `STMT-${from}`, sequence: null, from, to, opening: { date: from, amount: opening }, closing: { date: to, amount: closing }, entries };
}

export function bankFile(statements: Statement[], format: BankFile['format'] = 'camt.053'): BankFile {
  return { format, variant: `${format}.test`, encoding: 'UTF-8', statements, statusReport: null };
}

/** MsgId and PmtInfId of a batch's first file, read from the pain.008 Penning wrote. */
export function batchIds(t: TestLedger, batchId: number): { messageId: string; paymentInfoId: string } {
  const f = batchFileText(t.ctx, batchId, 1);
  return { messageId: f.messageId, paymentInfoId: /<PmtInfId>([^<]+)<\/PmtInfId>/.exec(f.xml)![1]! };
}

export function transactionsOf(t: TestLedger, batchId: number): { id: number; endToEndId: string; amount: number; debtorId: number; name: string; iban: string; mandateReference: string }[] {
  return t.ctx.db
    .prepare('SELECT id, end_to_end_id AS endToEndId, amount, debtor_id AS debtorId, name, iban, mandate_reference AS mandateReference FROM batch_transactions WHERE batch_id = ? ORDER BY id')
    .all(batchId) as never;
}

/** The bank's batch credit: one entry of the batch's total, with or without the batch id in its details. */
export function batchCredit(t: TestLedger, batchId: number, o: { withId?: boolean; date?: string; amount?: number } = {}): StatementEntry {
  const txs = transactionsOf(t, batchId);
  const total = o.amount ?? txs.reduce((s, x) => s + x.amount, 0);
  const ids = batchIds(t, batchId);
  return entry({
    amount: total, bookingDate: o.date ?? '2026-11-26', transactionCode: 'PMNT/IDDT/ESDD', transactionCount: txs.length,
    details: o.withId === false ? [] : [detail({ paymentInfoId: ids.paymentInfoId, messageId: ids.messageId })],
  });
}

/** A return after settlement: a debit with the reason code and the original end-to-end id. */
export function returnOf(tx: { endToEndId: string; amount: number; name: string; iban: string; mandateReference: string }, code: string | null, o: { date?: string; charges?: number } = {}): StatementEntry {
  return entry({
    amount: -(tx.amount + (o.charges ?? 0)), bookingDate: o.date ?? '2026-11-30', reversal: true, transactionCode: 'PMNT/IDDT/UPDD',
    details: [detail({ amount: -tx.amount, endToEndId: tx.endToEndId, mandateId: tx.mandateReference, counterparty: { name: tx.name, iban: tx.iban, bic: null }, returnInfo: { reasonCode: code, reasonText: null, kind: code === 'MD06' ? 'refund' : 'return', charges: o.charges ?? null } })],
  });
}

export function pain002(t: TestLedger, batchId: number, rejects: { endToEndId: string; code: string; amount?: number }[], messageId = 'STS-0001'): BankFile {
  const ids = batchIds(t, batchId);
  return {
    format: 'pain.002', variant: 'pain.002.001.03', encoding: 'UTF-8', statements: [],
    statusReport: {
      messageId, originalMessageId: ids.messageId, groupStatus: 'PART',
      rejects: rejects.map((r, i) => ({ originalPaymentInfoId: ids.paymentInfoId, endToEndId: r.endToEndId, amount: r.amount ?? null, mandateId: null, reasonCode: r.code, reasonText: null, source: `TxInfAndSts ${i + 1}` })),
    },
  };
}

/** A member's transfer into the club's account. */
export function transfer(amount: number, o: { name?: string; iban?: string; text?: string; date?: string; ref?: string | null } = {}): StatementEntry {
  return entry({
    amount, bookingDate: o.date ?? '2026-11-27', transactionCode: 'PMNT/RCDT/ESCT', ...(o.ref !== undefined ? { bankReference: o.ref } : {}),
    details: [detail({ counterparty: { name: o.name ?? null, iban: o.iban ?? null, bic: null }, remittance: o.text ?? null })],
  });
}

/** Imports in one transaction, as the API does. */
export function importFile(t: TestLedger, file: BankFile, fileName = 'afschrift.xml') {
  return t.ctx.db.transaction(() => importBankFile(t.ctx, file, { fileName, sha256: 'test' }))();
}

export function expectBooksHealthy(t: TestLedger): void {
  expect(unbalancedEntries(t.ledger.db)).toEqual([]);
  expect(entriesWithoutLines(t.ledger.db)).toEqual([]);
  expect(receivableLinesWithoutDebtor(t.ledger.db)).toEqual([]);
  expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
}

export function balanceOf(t: TestLedger, code: string): number {
  return (t.ctx.db.prepare('SELECT COALESCE(SUM(l.debit - l.credit), 0) AS b FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE a.code = ?').get(code) as { b: number }).b;
}

/** The member pays part of an item: a transfer on a statement of its own (after the ones before it), matched to that item by hand. */
export function paysByHand(t: TestLedger, itemId: number, amount: number, date: string): void {
  importFile(t, bankFile([statement([transfer(amount, { name: 'J. Betaler', iban: 'NL71RABO5901576359', text: 'deelbetaling', date })], { id: `S-${date}-${itemId}`, opening: balanceOf(t, '1100') })]));
  const entry = call(t.ctx, 'statements.entries', { filter: 'all' }).entries.find((e) => e.bookingDate === date && e.amount === amount && e.state === 'unmatched')!;
  call(t.ctx, 'statements.match', { entryId: entry.id, itemIds: [itemId], learnIban: false });
}
