import type { FeeRunT } from '../../shared/api/contract';
import { notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { accountForRole } from '../ledger/chart';
import { stmt } from '../preparedStatements';
import { createDraft, postInvoice } from './invoices';

export interface FeeRunInput {
  description: string;
  invoiceDate: string;
  dueDate?: string;
  amount: number;
  amountFromCard?: boolean;
  accountId?: number;
  selection: { mode: 'all' | 'status' | 'tag' | 'selected'; statusIds?: number[]; tags?: string[]; debtorIds?: number[] };
}

function selectDebtors(ctx: Ctx, s: FeeRunInput['selection']): number[] {
  if (s.mode === 'all') return (stmt(ctx.db, 'SELECT id FROM debtors ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  if (s.mode === 'tag') {
    if (!s.tags?.length) throw validationError('selection.tags', 'min', 'Kies minstens één groep', 'Choose at least one group');
    return (
      ctx.db.prepare(`SELECT DISTINCT debtor_id AS id FROM debtor_tags WHERE tag IN (${s.tags.map(() => '?').join(',')}) ORDER BY debtor_id`).all(...s.tags) as { id: number }[]
    ).map((r) => r.id);
  }
  const ids = s.mode === 'status' ? s.statusIds : s.debtorIds;
  if (!ids?.length) {
    throw validationError(s.mode === 'status' ? 'selection.statusIds' : 'selection.debtorIds', 'min', s.mode === 'status' ? 'Kies minstens één status' : 'Kies minstens één debiteur', s.mode === 'status' ? 'Choose at least one status' : 'Choose at least one debtor');
  }
  const column = s.mode === 'status' ? 'status_id' : 'id';
  return (ctx.db.prepare(`SELECT id FROM debtors WHERE ${column} IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids) as { id: number }[]).map((r) => r.id);
}

/** Creates the run and a draft invoice per chosen debtor, for review before posting. */
export function createFeeRun(ctx: Ctx, input: FeeRunInput): number {
  const debtorIds = selectDebtors(ctx, input.selection);
  if (debtorIds.length === 0) throw validationError('selection', 'empty', 'Deze keuze bevat geen debiteuren', 'This selection holds no debtors');
  const accountId = input.accountId ?? accountForRole(ctx, 'feeRevenue');
  const runId = Number(
    stmt(ctx.db, 'INSERT INTO fee_runs (description, invoice_date, due_date, amount, account_id, selection) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.description, input.invoiceDate, input.dueDate ?? null, input.amount, accountId, JSON.stringify(input.selection),
    ).lastInsertRowid,
  );
  const ownFee = stmt(ctx.db, 'SELECT fee_amount AS fee FROM debtors WHERE id = ?');
  let drafts = 0;
  for (const debtorId of debtorIds) {
    const fee = input.amountFromCard ? (ownFee.get(debtorId) as { fee: number | null }).fee : null;
    const amount = fee ?? input.amount;
    if (amount === 0) continue; // exempt on the card (erelid)
    createDraft(ctx, {
      debtorId,
      invoiceDate: input.invoiceDate,
      dueDate: input.dueDate,
      description: input.description,
      feeRunId: runId,
      lines: [{ description: input.description, quantity: 1000, unitPrice: amount, accountId }],
    });
    drafts++;
  }
  if (drafts === 0) throw validationError('selection', 'empty', 'Iedereen in deze keuze is vrijgesteld van contributie', 'Everyone in this selection is exempt from the fee');
  return runId;
}

/** Posts every draft of the run that is not blocked; blocked drafts wait until unblocked. */
export function postFeeRun(ctx: Ctx, runId: number): { posted: number; skippedBlocked: number } {
  getFeeRun(ctx, runId, 0);
  const drafts = stmt(ctx.db, "SELECT id, blocked FROM invoices WHERE fee_run_id = ? AND status = 'draft' ORDER BY id").all(runId) as { id: number; blocked: number }[];
  let posted = 0;
  for (const d of drafts) {
    if (d.blocked === 1) continue;
    postInvoice(ctx, d.id);
    posted++;
  }
  return { posted, skippedBlocked: drafts.length - posted };
}

export function getFeeRun(ctx: Ctx, runId: number, limit = 5000): FeeRunT {
  const run = stmt(ctx.db, 'SELECT id, description, invoice_date AS invoiceDate, due_date AS dueDate, amount, account_id AS accountId, created_at AS createdAt FROM fee_runs WHERE id = ?').get(runId) as
    | Omit<FeeRunT, 'counts' | 'invoices'>
    | undefined;
  if (!run) throw notFoundError({ nl: `Facturatierun ${runId}`, en: `Fee run ${runId}` }, 'id');
  const counts = stmt(
    ctx.db,
    `SELECT SUM(status = 'draft' AND blocked = 0) AS drafts, SUM(status = 'draft' AND blocked = 1) AS blocked, SUM(status = 'posted') AS posted,
            COALESCE(SUM(CASE WHEN status = 'draft' AND blocked = 0 THEN total END), 0) AS draftTotal
       FROM invoices WHERE fee_run_id = ?`,
  ).get(runId) as { drafts: number | null; blocked: number | null; posted: number | null; draftTotal: number };
  const invoices = stmt(
    ctx.db,
    `SELECT i.id, i.debtor_id AS debtorId, d.number AS debtorNumber, d.name AS debtorName, i.status, i.number, i.total, i.blocked,
            i.billing_instruction AS billingInstruction
       FROM invoices i JOIN debtors d ON d.id = i.debtor_id WHERE i.fee_run_id = ? ORDER BY CAST(d.number AS INTEGER), d.number LIMIT ?`,
  ).all(runId, limit) as (Omit<FeeRunT['invoices'][number], 'blocked'> & { blocked: number })[];
  return {
    ...run,
    counts: { drafts: counts.drafts ?? 0, blocked: counts.blocked ?? 0, posted: counts.posted ?? 0, draftTotal: counts.draftTotal },
    invoices: invoices.map((i) => ({ ...i, blocked: i.blocked === 1 })),
  };
}

export function listFeeRuns(ctx: Ctx): Omit<FeeRunT, 'invoices'>[] {
  const ids = (stmt(ctx.db, 'SELECT id FROM fee_runs ORDER BY id DESC').all() as { id: number }[]).map((r) => r.id);
  return ids.map((id) => {
    const { invoices: _ignored, ...run } = getFeeRun(ctx, id, 0);
    return run;
  });
}
