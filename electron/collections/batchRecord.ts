import type { SettingsT } from '../../shared/api/contract';
import { toSepaText } from '../../shared/sepaText';
import type { Ctx } from '../context';
import type { Emit } from '../sepa/parts';
import { stmt } from '../preparedStatements';
import { type BatchFile, writeBatchFiles } from './files';
import { batchIdKey } from './bankIds';
import { creationStamp, nextBatchReference } from './numbering';

/** Who collects (or pays) into which account, as it stood when the batch was saved. */
export interface BatchHeader {
  initiatingParty: string;
  creditorName: string;
  creditorId: string;
  iban: string;
  bic: string | null;
  /** BtchBookg as the bank account said when saved; absent in batches saved before the setting, whose files omit it */
  batchBooking?: boolean;
}

export type FileSink = (file: BatchFile) => { emit: Emit; close(): void };

export function batchHeader(settings: SettingsT, bank: { iban: string; bic: string | null; batchBooking: boolean }): BatchHeader {
  const name = toSepaText(settings.organisation.name, 70);
  return { initiatingParty: name, creditorName: name, creditorId: settings.creditorId ?? '', iban: bank.iban, bic: bank.bic, batchBooking: bank.batchBooking };
}

export interface NewBatch {
  kind: 'collection' | 'refund';
  bankAccountId: number;
  scheme: 'CORE' | 'B2B' | null;
  requestedDate: string | null;
  painVersion: string;
  header: BatchHeader;
  transactionCount: number;
  controlSum: number;
  discountTotal: number;
  fileCount: number;
}

/** The batch row, under the next reference of its kind and year and with its creation stamp fixed. */
export function insertBatch(ctx: Ctx, b: NewBatch): { batchId: number; reference: string; idKey: string } {
  const { reference, year, seq } = nextBatchReference(ctx, b.kind);
  const idKey = batchIdKey(ctx);
  const batchId = Number(
    stmt(
      ctx.db,
      `INSERT INTO batches (kind, reference, year, seq, bank_account_id, scheme, requested_date, pain_version, created_stamp, header, transaction_count, control_sum, discount_total, file_count, file_hashes, id_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?)`,
    ).run(b.kind, reference, year, seq, b.bankAccountId, b.scheme, b.requestedDate, b.painVersion, creationStamp(ctx.now()), JSON.stringify(b.header),
      b.transactionCount, b.controlSum, b.discountTotal, b.fileCount, idKey).lastInsertRowid,
  );
  return { batchId, reference, idKey };
}

/** Links the booking, then writes the files through `sink` (still inside the caller's transaction) and keeps each one's sha-256. */
export function finishBatch(ctx: Ctx, batchId: number, entryId: number, sink?: FileSink): void {
  stmt(ctx.db, 'UPDATE batches SET entry_id = ? WHERE id = ?').run(entryId, batchId);
  const hashes = writeBatchFiles(ctx, batchId, sink);
  stmt(ctx.db, 'UPDATE batches SET file_hashes = ? WHERE id = ?').run(JSON.stringify(hashes), batchId);
}
