import { notFoundError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { type RestoreNotice, restoreNotice } from './bankIds';

export interface BatchSummary {
  id: number;
  kind: 'collection' | 'refund';
  reference: string;
  bankAccountId: number;
  bankAccountIban: string;
  scheme: 'CORE' | 'B2B' | null;
  requestedDate: string | null;
  painVersion: string;
  status: 'saved' | 'confirmed' | 'cancelled';
  transactionCount: number;
  controlSum: number;
  discountTotal: number;
  fileCount: number;
  fileHashes: string[];
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  entryId: number | null;
  cancelEntryId: number | null;
  restoredLedger: RestoreNotice | null;
}

const SELECT = `SELECT b.id, b.kind, b.reference, b.bank_account_id AS bankAccountId, a.iban AS bankAccountIban, b.scheme, b.requested_date AS requestedDate,
       b.pain_version AS painVersion, b.status, b.transaction_count AS transactionCount, b.control_sum AS controlSum, b.discount_total AS discountTotal,
       b.file_count AS fileCount, b.file_hashes AS fileHashes, b.created_at AS createdAt, b.cancelled_at AS cancelledAt, b.cancel_reason AS cancelReason,
       b.entry_id AS entryId, b.cancel_entry_id AS cancelEntryId
  FROM batches b JOIN bank_accounts a ON a.id = b.bank_account_id`;

type Row = Omit<BatchSummary, 'fileHashes' | 'restoredLedger'> & { fileHashes: string };
const fromRow = (r: Row, restoredLedger: RestoreNotice | null): BatchSummary => ({ ...r, fileHashes: JSON.parse(r.fileHashes) as string[], restoredLedger });

export function listBatches(ctx: Ctx, kind?: 'collection' | 'refund'): BatchSummary[] {
  const rows = (kind ? stmt(ctx.db, `${SELECT} WHERE b.kind = ? ORDER BY b.id DESC`).all(kind) : stmt(ctx.db, `${SELECT} ORDER BY b.id DESC`).all()) as Row[];
  const notice = restoreNotice(ctx);
  return rows.map((r) => fromRow(r, notice));
}

export function getBatch(ctx: Ctx, id: number): BatchSummary {
  const row = stmt(ctx.db, `${SELECT} WHERE b.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFoundError({ nl: `Batch ${id}`, en: `Batch ${id}` }, 'id');
  return fromRow(row, restoreNotice(ctx));
}

export interface BatchTransaction {
  id: number;
  fileNo: number;
  endToEndId: string;
  debtorId: number;
  debtorNumber: string;
  debtorName: string;
  name: string;
  iban: string;
  mandateReference: string | null;
  sequenceType: string | null;
  date: string;
  amount: number;
  discount: number;
  remittance: string;
  amendment: boolean;
  documents: string;
}

export function batchTransactions(ctx: Ctx, batchId: number, limit: number, offset: number): BatchTransaction[] {
  return (
    stmt(
      ctx.db,
      `SELECT t.id, t.file_no AS fileNo, t.end_to_end_id AS endToEndId, t.debtor_id AS debtorId, d.number AS debtorNumber, d.name AS debtorName, t.name, t.iban,
              t.mandate_reference AS mandateReference, t.sequence_type AS sequenceType, t.date, t.amount, t.discount, t.remittance,
              (t.original_mandate_reference IS NOT NULL OR t.original_iban IS NOT NULL OR t.smnda = 1 OR t.original_creditor_id IS NOT NULL) AS amendment,
              (SELECT group_concat(i.document, ', ') FROM batch_transaction_items p JOIN open_items i ON i.id = p.item_id WHERE p.transaction_id = t.id) AS documents
         FROM batch_transactions t JOIN debtors d ON d.id = t.debtor_id WHERE t.batch_id = ? ORDER BY t.id LIMIT ? OFFSET ?`,
    ).all(batchId, limit, offset) as (Omit<BatchTransaction, 'amendment'> & { amendment: number })[]
  ).map((r) => ({ ...r, amendment: r.amendment === 1 }));
}
