import { createHash } from 'node:crypto';
import { conflictError, notFoundError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { writePain001 } from '../sepa/pain001';
import { type DebitGroup, type DirectDebit, type SequenceType, writePain008 } from '../sepa/pain008';
import type { Emit } from '../sepa/parts';
import { stmt } from '../preparedStatements';
import type { BatchHeader, FileSink } from './batchRecord';

interface BatchRow {
  id: number;
  kind: 'collection' | 'refund';
  reference: string;
  scheme: 'CORE' | 'B2B' | null;
  requestedDate: string | null;
  painVersion: string;
  createdStamp: string;
  status: string;
  fileCount: number;
  header: string;
  idKey: string | null;
}

const TX_SELECT = `SELECT end_to_end_id AS endToEndId, mandate_reference AS mandateReference, mandate_signed_on AS mandateSignedOn,
       amount, name, iban, bic, remittance, original_mandate_reference AS originalMandateReference, original_iban AS originalIban, smnda,
       original_creditor_id AS originalCreditorId, address_country AS addressCountry, address_lines AS addressLines
  FROM batch_transactions`;

/** One letter per sequence type in a PmtInfId, which must stay within 35 characters. */
const SEQUENCE_LETTER: Record<SequenceType, string> = { FRST: 'F', RCUR: 'R', OOFF: 'O', FNAL: 'L' };

function* debitRows(ctx: Ctx, batchId: number, fileNo: number, date: string, sequenceType: SequenceType): Generator<DirectDebit> {
  for (const t of stmt(ctx.db, `${TX_SELECT} WHERE batch_id = ? AND file_no = ? AND date = ? AND sequence_type = ? ORDER BY id`).iterate(batchId, fileNo, date, sequenceType) as Iterable<TxRow>) {
    yield {
      endToEndId: t.endToEndId, amount: t.amount, mandateId: t.mandateReference!, signedOn: t.mandateSignedOn!, originalMandateId: t.originalMandateReference,
      originalIban: t.originalIban, smnda: t.smnda === 1, originalCreditorId: t.originalCreditorId, name: t.name, iban: t.iban, bic: t.bic, remittance: t.remittance,
      address: t.addressCountry ? { country: t.addressCountry, lines: t.addressLines ? t.addressLines.split('\n') : [] } : null,
    };
  }
}

interface TxRow {
  endToEndId: string;
  mandateReference: string | null;
  mandateSignedOn: string | null;
  amount: number;
  name: string;
  iban: string;
  bic: string | null;
  remittance: string;
  originalMandateReference: string | null;
  originalIban: string | null;
  smnda: number;
  originalCreditorId: string | null;
  addressCountry: string | null;
  addressLines: string | null;
}

export interface BatchFile {
  fileNo: number;
  fileCount: number;
  fileName: string;
  messageId: string;
  write(emit: Emit): void;
}

function batchRow(ctx: Ctx, id: number): BatchRow {
  const row = stmt(
    ctx.db,
    `SELECT id, kind, reference, scheme, requested_date AS requestedDate, pain_version AS painVersion, created_stamp AS createdStamp, status,
            file_count AS fileCount, header, id_key AS idKey FROM batches WHERE id = ?`,
  ).get(id) as BatchRow | undefined;
  if (!row) throw notFoundError({ nl: `Batch ${id}`, en: `Batch ${id}` }, 'id');
  return row;
}

/**
 * The files of a batch, rebuilt from its stored rows: same ids, same stamp, same order, so a
 * re-save is byte for byte the file first written.
 */
export function batchFiles(ctx: Ctx, batchId: number, only?: number): BatchFile[] {
  const batch = batchRow(ctx, batchId);
  const header = JSON.parse(batch.header) as BatchHeader;
  const stampDigits = batch.createdStamp.replace(/\D/g, '');
  const files: BatchFile[] = [];
  for (let fileNo = only ?? 1; fileNo <= (only ?? batch.fileCount); fileNo++) {
    // batches saved before the id key keep their old ids, so their re-save stays byte-identical
    const messageId = batch.idKey ? `${batch.reference}-${batch.idKey}-${fileNo}` : `${batch.reference}-${fileNo}-${stampDigits}`;
    const suffix = batch.fileCount > 1 ? `-${fileNo}` : '';
    if (batch.kind === 'collection') {
      // counted by the database first, then each group's rows streamed into the writer: a run of
      // 100 000 debits never sits in memory twice
      const groups = (): DebitGroup[] =>
        (
          stmt(
            ctx.db,
            `SELECT date, sequence_type AS sequenceType, COUNT(*) AS count, SUM(amount) AS controlSum FROM batch_transactions
              WHERE batch_id = ? AND file_no = ? GROUP BY date, sequence_type ORDER BY MIN(id)`,
          ).all(batchId, fileNo) as { date: string; sequenceType: SequenceType; count: number; controlSum: number }[]
        ).map((g) => ({
          paymentInfoId: batch.idKey
            ? `${batch.reference}-${batch.idKey}-${fileNo}${SEQUENCE_LETTER[g.sequenceType]}${g.date.slice(2).replace(/-/g, '')}`
            : `${batch.reference}-${fileNo}-${g.sequenceType}-${g.date.replace(/-/g, '')}`,
          scheme: batch.scheme!,
          sequenceType: g.sequenceType,
          date: g.date,
          count: g.count,
          controlSum: g.controlSum,
          debits: { [Symbol.iterator]: () => debitRows(ctx, batchId, fileNo, g.date, g.sequenceType) },
        }));
      const file = () => ({
        version: batch.painVersion as '001.02' | '001.08', messageId, createdStamp: batch.createdStamp, initiatingParty: header.initiatingParty,
        creditor: { name: header.creditorName, iban: header.iban, bic: header.bic, creditorId: header.creditorId }, batchBooking: header.batchBooking, groups: groups(),
      });
      files.push({ fileNo, fileCount: batch.fileCount, messageId, fileName: `incasso-${batch.reference}${suffix}.xml`, write: (emit) => writePain008(file(), emit) });
    } else {
      const file = () => ({
        version: batch.painVersion as '001.03' | '001.09', messageId, createdStamp: batch.createdStamp, initiatingParty: header.initiatingParty,
        paymentInfoId: batch.idKey ? `${batch.reference}-${batch.idKey}-${fileNo}` : `${batch.reference}-${fileNo}`, executionDate: batch.requestedDate!,
        debtor: { name: header.creditorName, iban: header.iban, bic: header.bic }, batchBooking: header.batchBooking,
        transfers: (stmt(ctx.db, `${TX_SELECT} WHERE batch_id = ? AND file_no = ? ORDER BY id`).all(batchId, fileNo) as TxRow[]).map((t) => ({ endToEndId: t.endToEndId, amount: t.amount, name: t.name, iban: t.iban, bic: t.bic, remittance: t.remittance })),
      });
      files.push({ fileNo, fileCount: batch.fileCount, messageId, fileName: `terugbetaling-${batch.reference}${suffix}.xml`, write: (emit) => writePain001(file(), emit) });
    }
  }
  return files;
}

/** Writes every file through `sink` (or nowhere) and returns the sha-256 of each. */
export function writeBatchFiles(ctx: Ctx, batchId: number, sink?: FileSink): string[] {
  const files = batchFiles(ctx, batchId);
  const hashes = files.map((file, index) => {
    ctx.progress('files', index, files.length);
    const hash = createHash('sha256');
    const out = sink?.(file);
    // chunks are gathered and hashed in large blocks: far fewer calls than one per debit
    let pending = '';
    const flush = () => {
      hash.update(pending);
      out?.emit(pending);
      pending = '';
    };
    file.write((chunk) => {
      pending += chunk;
      if (pending.length > 1 << 16) flush();
    });
    flush();
    out?.close();
    return hash.digest('hex');
  });
  ctx.progress('files', files.length, files.length);
  return hashes;
}

/** One file of a saved batch as text, for download; a cancelled batch's files are void. */
export function batchFileText(ctx: Ctx, batchId: number, fileNo: number): { fileName: string; messageId: string; xml: string; sha256: string } {
  const batch = batchRow(ctx, batchId);
  if (batch.status === 'cancelled') throw conflictError('void', `Batch ${batch.reference} is geannuleerd; het bestand is vervallen`, `Batch ${batch.reference} was cancelled; its file is void`, 'id');
  const file = fileNo >= 1 && fileNo <= batch.fileCount ? batchFiles(ctx, batchId, fileNo)[0] : undefined;
  if (!file) throw notFoundError({ nl: `Bestand ${fileNo} van ${batch.reference}`, en: `File ${fileNo} of ${batch.reference}` }, 'fileNo');
  const parts: string[] = [];
  file.write((c) => parts.push(c));
  const xml = parts.join('');
  return { fileName: file.fileName, messageId: file.messageId, xml, sha256: createHash('sha256').update(xml).digest('hex') };
}
