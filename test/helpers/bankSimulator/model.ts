/**
 * What the simulated bank books. An entry is one line on the statement (camt Ntry, MT940 :61:);
 * its details are the transactions the bank says it holds (camt TxDtls, MT940 :86:). Money is
 * integer cents; an entry's amount is signed (credit, money in, positive) and is what was booked,
 * details carry the instructed amount (positive) which may differ from it by charges.
 */

export interface Counterparty {
  name: string;
  iban: string;
  bic?: string | null;
}

export interface EntryDetail {
  /** instructed amount, positive cents */
  amount: number;
  endToEndId?: string | null;
  messageId?: string | null;
  paymentInfoId?: string | null;
  mandateId?: string | null;
  mandateSignedOn?: string | null;
  sequenceType?: string | null;
  /** creditor scheme id (incassant-ID) of a direct debit */
  creditorId?: string | null;
  /** who paid us (credit) or whom we paid / who took money back (debit) */
  counterparty?: Counterparty | null;
  remittance?: string | null;
  /** structured creditor reference (CdtrRefInf/Ref; MT940 /REMI/STRD/) */
  creditorReference?: string | null;
  returnReason?: string | null;
  returnText?: string | null;
  /** charges the bank took on this transaction, positive cents, included in the entry's booked amount */
  charges?: number;
  /** the bank's own reference of the transaction */
  bankReference?: string | null;
}

export type EntryKind = 'batchCredit' | 'debitCredit' | 'return' | 'transfer' | 'refundOut' | 'refundReturned' | 'bankCost';

export interface BankEntry {
  kind: EntryKind;
  /** signed cents as booked, credit positive */
  amount: number;
  /** defaults to the statement's date */
  bookingDate?: string;
  valueDate?: string;
  /** camt RvslInd: a return of an earlier direct debit */
  reversal: boolean;
  /** ISO bank transaction code Domain/Family/SubFamily */
  transactionCode: [string, string, string];
  /** ING's five-digit proprietary code (camt Prtry Issr INGGroup, MT940 /TRCD/) */
  ingCode: string;
  /** MT940 :61: transaction type after the N (TRF, DDT, RTI, COM) */
  swiftType: string;
  /** a booked batch: what the bank repeats of our PmtInf */
  batch?: { messageId?: string | null; paymentInfoId: string; count: number; total: number } | null;
  /** the transactions behind the entry */
  details: EntryDetail[];
  /** write the details (camt TxDtls) or only the batch summary */
  showDetails: boolean;
  /** free text (AddtlNtryInf) */
  information?: string | null;
  /** the bank's reference (AcctSvcrRef, MT940 bank reference); default derived from date and position */
  bankReference?: string;
}

/** One statement: one account, one period, balances the bank vouches for. */
export interface StatementSpec {
  /** statement id; default derived from the account and date */
  id?: string;
  /** the day the statement covers (also the default booking date of its entries) */
  date: string;
  /** booked opening balance, signed cents */
  opening: number;
  entries: Array<BankEntry | BankEntry[]>;
  /** electronic sequence number; default the statement's position in the file, 1-based */
  sequence?: number;
}

export interface BankAccountSpec {
  iban: string;
  bic?: string;
  ownerName?: string;
  currency?: string;
}

export interface WrittenFile {
  fileName: string;
  /** XML files */
  xml?: string;
  /** MT940 */
  text?: string;
  /** per statement: opening, closing and the number of booked entries, as written */
  statements: Array<{ id: string; date: string; opening: number; closing: number; entries: number; credits: number; debits: number }>;
}

export function flattenEntries(entries: Array<BankEntry | BankEntry[]>): BankEntry[] {
  return entries.flat();
}

/** opening + entries = closing, in cents, and the credit/debit sums */
export function balanceOf(opening: number, entries: BankEntry[]): { closing: number; credits: number; debits: number } {
  let credits = 0;
  let debits = 0;
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount) || e.amount === 0) throw new Error(`bank simulator: entry amount ${e.amount} is not a non-zero whole number of cents`);
    if (e.amount > 0) credits += e.amount;
    else debits -= e.amount;
  }
  return { closing: opening + credits - debits, credits, debits };
}
