import type { Ctx } from '../../context';
import { stmt } from '../../preparedStatements';

/** The transactions a MsgId or PmtInfId stands for: a whole file, or one group (file, sequence type, date). */
export interface BatchScope {
  batchId: number;
  reference: string;
  kind: 'collection' | 'refund';
  status: string;
  fileNo: number | null;
  sequenceType: string | null;
  date: string | null;
}

const LETTER_SEQUENCE: Record<string, string> = { F: 'FRST', R: 'RCUR', O: 'OOFF', L: 'FNAL' };

/**
 * Our MsgId and PmtInfId begin with the batch reference (INC-2026-0001-<idKey>-...), see
 * collections/files.ts; so a bank that reports either tells which batch, and which part of it.
 */
export function scopeOfId(ctx: Ctx, id: string | null): BatchScope | null {
  if (!id) return null;
  const m = /^((?:INC|TRB)-\d{4}-\d{4})-(.*)$/.exec(id.trim());
  if (!m) return null;
  const batch = stmt(ctx.db, 'SELECT id AS batchId, reference, kind, status, id_key AS idKey FROM batches WHERE reference = ?').get(m[1]) as
    | (Omit<BatchScope, 'fileNo' | 'sequenceType' | 'date'> & { idKey: string | null })
    | undefined;
  if (!batch) return null;
  const rest = m[2]!;
  const { idKey, ...scope } = batch;
  if (idKey) {
    const k = new RegExp(`^${idKey}-(\\d+)(?:([FROL])(\\d{2})(\\d{2})(\\d{2}))?$`).exec(rest);
    if (!k) return null;
    return { ...scope, fileNo: Number(k[1]), sequenceType: k[2] ? LETTER_SEQUENCE[k[2]]! : null, date: k[3] ? `20${k[3]}-${k[4]}-${k[5]}` : null };
  }
  const old = /^(\d+)-(?:(FRST|RCUR|OOFF|FNAL)-(\d{4})(\d{2})(\d{2})|\d+)$/.exec(rest);
  if (!old) return null;
  return { ...scope, fileNo: Number(old[1]), sequenceType: old[2] ?? null, date: old[3] ? `${old[3]}-${old[4]}-${old[5]}` : null };
}

type ScopeKey = Pick<BatchScope, 'batchId' | 'fileNo' | 'sequenceType' | 'date'>;

const IN_SCOPE = 'batch_id = @batchId AND (@fileNo IS NULL OR file_no = @fileNo) AND (@seq IS NULL OR sequence_type = @seq) AND (@date IS NULL OR date = @date)';

const scopeParams = (s: ScopeKey) => ({ batchId: s.batchId, fileNo: s.fileNo, seq: s.sequenceType, date: s.date });

/** The transactions of a scope (a whole batch when fileNo is null). */
export function transactionsInScope(ctx: Ctx, s: ScopeKey): { id: number; amount: number; debtorId: number; endToEndId: string }[] {
  return stmt(ctx.db, `SELECT id, amount, debtor_id AS debtorId, end_to_end_id AS endToEndId FROM batch_transactions WHERE ${IN_SCOPE} ORDER BY id`).all(scopeParams(s)) as {
    id: number;
    amount: number;
    debtorId: number;
    endToEndId: string;
  }[];
}

/** How many transactions a scope holds, without reading them (a file of 80 000 debits is a quarter of a second to read). */
export function countInScope(ctx: Ctx, s: ScopeKey): number {
  return (stmt(ctx.db, `SELECT COUNT(*) AS n FROM batch_transactions WHERE ${IN_SCOPE}`).get(scopeParams(s)) as { n: number }).n;
}
