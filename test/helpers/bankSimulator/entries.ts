import type { BankEntry, Counterparty, EntryDetail } from './model';
import type { BatchTransaction, SavedBatch } from './savedBatch';

/**
 * The entries a Dutch bank books on the club's account, built from what we sent it. Codes follow
 * the ISO bank transaction codes (ExternalBankTransactionDomain1Code) and ING's published
 * proprietary codes, the way ING's camt.053 and MT940 descriptions show them.
 */

export interface BatchCreditOptions {
  /** TxDtls per debit inside the batch entry (default true) */
  details?: boolean;
  /** BtchBookg false: one entry per debit instead of one per PmtInf */
  perDebit?: boolean;
  /** end-to-end ids the bank rejected before settlement (pain.002): left out of the credit */
  exclude?: Iterable<string>;
  bookingDate?: string;
  valueDate?: string;
}

function debitDetail(t: BatchTransaction): EntryDetail {
  return {
    amount: t.amount,
    endToEndId: t.endToEndId,
    messageId: t.messageId,
    paymentInfoId: t.paymentInfoId,
    mandateId: t.mandateId,
    mandateSignedOn: t.mandateSignedOn,
    sequenceType: t.sequenceType,
    creditorId: t.creditorId,
    counterparty: { name: t.name, iban: t.iban, bic: t.bic },
    remittance: t.remittance,
  };
}

function ddSubFamily(scheme: string | null): string {
  return scheme === 'B2B' ? 'BBDD' : 'ESDD';
}

/** The bank's credit for a collection batch: one entry per PmtInf (batch booking), or one per debit. */
export function batchCredit(batch: SavedBatch, options: BatchCreditOptions = {}): BankEntry[] {
  if (batch.kind !== 'collection') throw new Error(`bank simulator: ${batch.reference} is not a collection batch`);
  const excluded = new Set(options.exclude ?? []);
  const entries: BankEntry[] = [];
  for (const group of batch.groups) {
    const txs = batch.transactions.filter((t) => t.paymentInfoId === group.paymentInfoId && !excluded.has(t.endToEndId));
    if (txs.length === 0) continue;
    const code: [string, string, string] = ['PMNT', 'IDDT', ddSubFamily(group.scheme)];
    const dates = { bookingDate: options.bookingDate, valueDate: options.valueDate ?? options.bookingDate ?? group.date };
    if (options.perDebit) {
      for (const t of txs) {
        entries.push({ kind: 'debitCredit', amount: t.amount, ...dates, reversal: false, transactionCode: code, ingCode: '01010', swiftType: 'DDT', details: [debitDetail(t)], showDetails: true, information: t.remittance });
      }
    } else {
      const total = txs.reduce((s, t) => s + t.amount, 0);
      entries.push({
        kind: 'batchCredit',
        amount: total,
        ...dates,
        reversal: false,
        transactionCode: code,
        ingCode: '01000',
        swiftType: 'DDT',
        batch: { messageId: group.messageId, paymentInfoId: group.paymentInfoId, count: txs.length, total },
        details: txs.map(debitDetail),
        showDetails: options.details ?? true,
        information: `TOTAAL ${txs.length} POSTEN`,
      });
    }
  }
  return entries;
}

export interface ReturnOptions {
  /** bank charges for the return, positive cents, booked with it */
  charges?: number;
  /** the bank's words beside the code */
  text?: string;
  bookingDate?: string;
  valueDate?: string;
}

function returnDetail(t: BatchTransaction, reason: string, options: { charges?: number; text?: string }): EntryDetail {
  return { ...debitDetail(t), returnReason: reason, returnText: options.text ?? null, charges: options.charges ?? 0 };
}

/** A returned or refunded debit (R-transaction after settlement): DBIT, RvslInd, PMNT/IDDT/UPDD. */
export function returnOf(t: BatchTransaction, reason: string, options: ReturnOptions = {}): BankEntry {
  const charges = options.charges ?? 0;
  return {
    kind: 'return',
    amount: -(t.amount + charges),
    bookingDate: options.bookingDate,
    valueDate: options.valueDate ?? options.bookingDate,
    reversal: true,
    transactionCode: ['PMNT', 'IDDT', 'UPDD'],
    // ING books a payer's refund (MD06) apart from the bank's returns
    ingCode: reason === 'MD06' ? '01304' : '01315',
    swiftType: 'RTI',
    details: [returnDetail(t, reason, options)],
    showDetails: true,
    information: `TERUGBOEKING ${reason}`,
  };
}

/** Several returns booked as one DBIT batch entry with a TxDtls each (ABN AMRO style). */
export function returnsBatch(returns: Array<{ tx: BatchTransaction; reason: string; charges?: number; text?: string }>, options: { bookingDate?: string; batchId?: string } = {}): BankEntry {
  if (returns.length === 0) throw new Error('bank simulator: a returns batch needs at least one return');
  const details = returns.map((r) => returnDetail(r.tx, r.reason, r));
  const total = details.reduce((s, d) => s + d.amount + (d.charges ?? 0), 0);
  return {
    kind: 'return',
    amount: -total,
    bookingDate: options.bookingDate,
    valueDate: options.bookingDate,
    reversal: true,
    transactionCode: ['PMNT', 'IDDT', 'UPDD'],
    ingCode: '01315',
    swiftType: 'RTI',
    batch: { paymentInfoId: options.batchId ?? `RTRN${returns[0]!.tx.paymentInfoId}`.slice(0, 35), count: returns.length, total },
    details,
    showDetails: true,
    information: `TERUGBOEKINGEN ${returns.length} POSTEN`,
  };
}

export interface TransferOptions {
  from: Counterparty;
  /** positive cents */
  amount: number;
  /** the payer's payment reference: the betalingskenmerk / invoice number */
  reference?: string;
  /** write the reference as a structured creditor reference (Strd/CdtrRefInf) instead of in the text */
  structured?: boolean;
  /** free text; default "Betalingskenmerk <reference>" when a reference is given unstructured */
  text?: string;
  endToEndId?: string;
  bookingDate?: string;
  valueDate?: string;
}

/** A member's own transfer into the club's account: CRDT PMNT/RCDT/ESCT. */
export function transfer(o: TransferOptions): BankEntry {
  if (!Number.isSafeInteger(o.amount) || o.amount <= 0) throw new Error(`bank simulator: transfer amount ${o.amount} is not positive whole cents`);
  const remittance = o.structured ? (o.text ?? null) : (o.text ?? (o.reference ? `Betalingskenmerk ${o.reference}` : null));
  return {
    kind: 'transfer',
    amount: o.amount,
    bookingDate: o.bookingDate,
    valueDate: o.valueDate ?? o.bookingDate,
    reversal: false,
    transactionCode: ['PMNT', 'RCDT', 'ESCT'],
    ingCode: '00100',
    swiftType: 'TRF',
    details: [{ amount: o.amount, endToEndId: o.endToEndId ?? null, counterparty: o.from, remittance, creditorReference: o.structured ? (o.reference ?? null) : null }],
    showDetails: true,
    information: remittance,
  };
}

/** Our refund (a pain.001 transaction) leaving the account: DBIT PMNT/ICDT/ESCT with its end-to-end id. */
export function refundOut(t: BatchTransaction, options: { bookingDate?: string; valueDate?: string } = {}): BankEntry {
  return {
    kind: 'refundOut',
    amount: -t.amount,
    bookingDate: options.bookingDate,
    valueDate: options.valueDate ?? options.bookingDate,
    reversal: false,
    transactionCode: ['PMNT', 'ICDT', 'ESCT'],
    ingCode: '00100',
    swiftType: 'TRF',
    details: [{ amount: t.amount, endToEndId: t.endToEndId, messageId: t.messageId, paymentInfoId: t.paymentInfoId, counterparty: { name: t.name, iban: t.iban, bic: t.bic }, remittance: t.remittance }],
    showDetails: true,
    information: t.remittance,
  };
}

/**
 * Our refund coming back: the beneficiary's bank returned the credit transfer (pacs.004), booked
 * as a credit PMNT/ICDT/RRTN with the original end-to-end id and the reason (AC04 account closed,
 * MD07 holder deceased, AC01 wrong IBAN). `charges` the banks kept are taken off what comes back.
 */
export function refundReturned(t: BatchTransaction, reason: string, options: { charges?: number; text?: string; bookingDate?: string } = {}): BankEntry {
  const charges = options.charges ?? 0;
  return {
    kind: 'refundReturned',
    amount: t.amount - charges,
    bookingDate: options.bookingDate,
    valueDate: options.bookingDate,
    reversal: false,
    transactionCode: ['PMNT', 'ICDT', 'RRTN'],
    ingCode: '00105',
    swiftType: 'RTI',
    details: [{ amount: t.amount, endToEndId: t.endToEndId, counterparty: { name: t.name, iban: t.iban, bic: t.bic }, remittance: t.remittance, returnReason: reason, returnText: options.text ?? null, charges }],
    showDetails: true,
    information: `RETOUR ${reason} ${t.remittance ?? ''}`.trim(),
  };
}

/** The bank's own costs (account fee, collection fees): DBIT ACMT/MDOP/CHRG. */
export function bankCost(o: { amount: number; text: string; bookingDate?: string }): BankEntry {
  if (!Number.isSafeInteger(o.amount) || o.amount <= 0) throw new Error(`bank simulator: bank cost ${o.amount} is not positive whole cents`);
  return {
    kind: 'bankCost',
    amount: -o.amount,
    bookingDate: o.bookingDate,
    valueDate: o.bookingDate,
    reversal: false,
    transactionCode: ['ACMT', 'MDOP', 'CHRG'],
    ingCode: '00700',
    swiftType: 'CHG',
    details: [],
    showDetails: false,
    information: o.text,
  };
}
