/**
 * The one shape every bank file becomes: camt.052/053/054, pain.002 and each bank's MT940 are
 * read into this, and everything after reading (balance checks, idempotent import, matching, the
 * storno loop) knows only this shape. Money is signed integer cents: credit (money in) positive,
 * debit (money out) negative. Dates are YYYY-MM-DD.
 */

export type StatementFormat =
  | 'camt.052'
  | 'camt.053'
  | 'camt.054'
  | 'pain.002'
  | 'mt940';

/** A balance as the bank states it (opening/closing booked). */
export interface StatedBalance {
  date: string;
  /** signed cents: negative when the account is overdrawn (camt CdtDbtInd DBIT, MT940 D) */
  amount: number;
}

/** The counterparty: who paid us, or whom we paid / who took money back. */
export interface Party {
  name: string | null;
  iban: string | null;
  bic: string | null;
  /** a pre-IBAN account number exactly as the bank wrote it (MT940 legacy layouts), when there is no IBAN */
  account?: string | null;
}

/** Why the bank sent money back or refused a debit (R-transaction). */
export interface ReturnInfo {
  /** ISO reason code as the bank gave it (AM04, MD06, MS03, AC04, ...); null when none was given */
  reasonCode: string | null;
  /** the bank's own words, if any (AddtlInf, MT940 text) */
  reasonText: string | null;
  /** 'return' (after settlement, camt/MT940), 'reject' (before settlement, pain.002), 'refund' (MD06 refund by the payer), 'reversal' */
  kind: 'return' | 'reject' | 'refund' | 'reversal';
  /** charges the bank took for the return, in cents (positive), when stated apart */
  charges: number | null;
}

/**
 * One transaction inside an entry (camt TxDtls). An MT940 :61: line gives exactly one. Amounts of
 * details may differ from the entry's booked amount (charges); the entry's amount is what was booked.
 */
export interface EntryDetail {
  /** signed cents, credit positive; null when the detail states no amount of its own */
  amount: number | null;
  endToEndId: string | null;
  /** our PmtInfId when the bank reports it (batch details) */
  paymentInfoId: string | null;
  /** our MsgId when the bank reports it */
  messageId: string | null;
  mandateId: string | null;
  /** the creditor scheme id (our incassant-ID on collections) */
  creditorId: string | null;
  /** the bank's own transaction reference (AcctSvcrRef / TxId) when it has one */
  bankReference: string | null;
  counterparty: Party;
  /** unstructured remittance (Ustrd lines joined by a space, MT940 /REMI/USTD//) */
  remittance: string | null;
  /** structured creditor reference: betalingskenmerk (16 digits) or RF reference */
  creditorReference: string | null;
  returnInfo: ReturnInfo | null;
}

export interface StatementEntry {
  /** signed cents as booked, credit positive */
  amount: number;
  currency: string;
  bookingDate: string;
  valueDate: string | null;
  /** the bank's own reference of this entry (camt AcctSvcrRef or NtryRef, MT940 :61: bank reference); null when none */
  bankReference: string | null;
  /** a reversal / return of an earlier booking (camt RvslInd, MT940 RC/RD mark) */
  reversal: boolean;
  /** ISO bank transaction code "PMNT/IDDT/UPDD" when given, else null */
  transactionCode: string | null;
  /** the bank's proprietary code (ING 5-digit, MT940 N-code such as NDDT, NRTI, /TRCD/01016) */
  proprietaryCode: string | null;
  /** number of transactions the bank says the entry holds (a batch credit), when it says so */
  transactionCount: number | null;
  /** free text of the entry (AddtlNtryInf, MT940 :86: unstructured), lines joined by a space */
  information: string | null;
  /** zero, one or many; MT940 always one */
  details: EntryDetail[];
  /** where in the file this came from, for messages: "regel 14" / "Ntry 3 in Stmt 1" */
  source: string;
  /** camt Sts (BOOK, PDNG, INFO): a camt.052 may hold entries not booked yet; absent means booked */
  status?: string | null;
  /** our PmtInfId / MsgId as the entry's batch details (camt Btch) state them, also when no TxDtls follow */
  batchPaymentInfoId?: string | null;
  batchMessageId?: string | null;
  /** MT940 :61: reference for the account owner when it is a real reference (not NONREF or ING's EREF/PREF marker) */
  customerReference?: string | null;
  /** a finer bank code beside proprietaryCode: ING's /TRCD/ (5 digits) on the :61: line */
  proprietarySubCode?: string | null;
  /** MT940 :61: supplementary details (subfield 9, the line after the :61: line) */
  supplementaryDetails?: string | null;
}

export interface Statement {
  /** IBAN of the account the statement is for (MT940 :25: reduced to the IBAN when it holds one) */
  account: string;
  currency: string;
  /** the bank's statement id (camt Stmt/Id, MT940 :20: + :28C:) */
  id: string;
  /** sequence number when given (camt ElctrncSeqNb / LglSeqNb, MT940 :28C:) */
  sequence: string | null;
  /** first and last day covered (camt FrToDt, else the balance dates, else the entries' dates); null when unknown */
  from: string | null;
  to: string | null;
  /** null for camt.054 and pain.002, which state no balances */
  opening: StatedBalance | null;
  closing: StatedBalance | null;
  entries: StatementEntry[];
  /** information about the statement as a whole (MT940 :86: after the closing balance, e.g. ING's /SUM/) */
  information?: string | null;
}

/**
 * A pain.002 status report: rejects before settlement. Kept apart from statements because it
 * books nothing on the bank account; it only tells which debits never left.
 */
export interface StatusReport {
  messageId: string;
  /** our MsgId the report is about */
  originalMessageId: string | null;
  /** group status: ACCP, RJCT, PART, ... */
  groupStatus: string | null;
  rejects: Array<{
    originalPaymentInfoId: string | null;
    endToEndId: string | null;
    /** cents, positive, when the report repeats the amount */
    amount: number | null;
    mandateId: string | null;
    reasonCode: string | null;
    reasonText: string | null;
    source: string;
    /** the debtor as the report repeats it (OrgnlTxRef), when it does */
    debtor?: Party | null;
    /** the collection date we asked for (OrgnlTxRef/ReqdColltnDt), when repeated */
    requestedCollectionDate?: string | null;
  }>;
}

export interface BankFile {
  format: StatementFormat;
  /** the version read, e.g. "camt.053.001.02", or the MT940 dialect "mt940-ing-structured" */
  variant: string;
  /** how the bytes were decoded */
  encoding: string;
  /** what the file's XML declaration claimed, when it differs from how the bytes were decoded */
  declaredEncoding?: string | null;
  statements: Statement[];
  /** only for pain.002 */
  statusReport: StatusReport | null;
}

/**
 * A file that cannot be read: one message that names where (line or element) and why, in Dutch
 * and English. Readers throw this and nothing else for bad input.
 */
export class StatementReadError extends Error {
  constructor(
    readonly where: string,
    readonly nl: string,
    readonly en: string,
  ) {
    super(`${where}: ${en}`);
    this.name = 'StatementReadError';
  }
}
