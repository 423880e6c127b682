import type { InvoiceT } from '../../shared/api/contract';
import { addDays } from '../../shared/dates';
import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { accountForRole } from '../ledger/chart';
import { postEntry } from '../ledger/post';
import { createItem } from '../items/openItems';
import { stmt } from '../preparedStatements';

export interface InvoiceLineInput {
  description: string;
  /** thousandths: 1000 is one */
  quantity: number;
  unitPrice: number;
  accountId?: number;
}

export interface DraftInput {
  debtorId: number;
  invoiceDate: string;
  dueDate?: string;
  description: string;
  billingInstruction?: string;
  lines: InvoiceLineInput[];
  feeRunId?: number;
}

const lineAmount = (l: { quantity: number; unitPrice: number }) => Math.round((l.quantity * l.unitPrice) / 1000);

function requireDebtor(ctx: Ctx, id: number): { paymentTermDays: number | null } {
  const row = stmt(ctx.db, 'SELECT payment_term_days AS paymentTermDays FROM debtors WHERE id = ?').get(id) as { paymentTermDays: number | null } | undefined;
  if (!row) throw notFoundError({ nl: `Debiteur ${id}`, en: `Debtor ${id}` }, 'debtorId');
  return row;
}

function writeLines(ctx: Ctx, invoiceId: number, lines: InvoiceLineInput[]): number {
  const revenue = lines.some((l) => l.accountId === undefined) ? accountForRole(ctx, 'feeRevenue') : 0;
  const accountType = stmt(ctx.db, 'SELECT type, active FROM accounts WHERE id = ?');
  const insert = stmt(ctx.db, 'INSERT INTO invoice_lines (invoice_id, line_no, description, quantity, unit_price, amount, account_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let total = 0;
  lines.forEach((l, i) => {
    const accountId = l.accountId ?? revenue;
    const account = accountType.get(accountId) as { type: string; active: number } | undefined;
    if (!account) throw notFoundError({ nl: `Grootboekrekening ${accountId}`, en: `Account ${accountId}` }, `lines.${i}.accountId`);
    if (account.type !== 'revenue' || account.active !== 1) {
      throw validationError(`lines.${i}.accountId`, 'revenue', 'Een factuurregel boekt op een actieve opbrengstenrekening', 'An invoice line books on an active revenue account');
    }
    const amount = lineAmount(l);
    insert.run(invoiceId, i + 1, l.description, l.quantity, l.unitPrice, amount, accountId);
    total += amount;
  });
  return total;
}

export function createDraft(ctx: Ctx, input: DraftInput, kind: 'invoice' | 'credit_note' = 'invoice', creditsInvoiceId: number | null = null): number {
  requireDebtor(ctx, input.debtorId);
  if (input.lines.length === 0) throw validationError('lines', 'min', 'Een factuur heeft minstens één regel', 'An invoice needs at least one line');
  const id = Number(
    stmt(
      ctx.db,
      'INSERT INTO invoices (debtor_id, kind, invoice_date, due_date, description, billing_instruction, fee_run_id, credits_invoice_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(input.debtorId, kind, input.invoiceDate, input.dueDate ?? null, input.description, input.billingInstruction ?? null, input.feeRunId ?? null, creditsInvoiceId).lastInsertRowid,
  );
  const total = writeLines(ctx, id, input.lines);
  stmt(ctx.db, 'UPDATE invoices SET total = ? WHERE id = ?').run(total, id);
  return id;
}

function requireDraft(ctx: Ctx, id: number): { status: string; kind: string } {
  const row = stmt(ctx.db, 'SELECT status, kind FROM invoices WHERE id = ?').get(id) as { status: string; kind: string } | undefined;
  if (!row) throw notFoundError({ nl: `Factuur ${id}`, en: `Invoice ${id}` }, 'id');
  if (row.status !== 'draft') throw conflictError('posted', 'Een geboekte factuur wijzigt niet meer; crediteer haar en maak een nieuwe', 'A posted invoice never changes; credit it and make a new one', 'id');
  return row;
}

export function updateDraft(ctx: Ctx, id: number, input: DraftInput): void {
  requireDraft(ctx, id);
  requireDebtor(ctx, input.debtorId);
  stmt(ctx.db, 'DELETE FROM invoice_lines WHERE invoice_id = ?').run(id);
  const total = writeLines(ctx, id, input.lines);
  stmt(ctx.db, 'UPDATE invoices SET debtor_id = ?, invoice_date = ?, due_date = ?, description = ?, billing_instruction = ?, total = ? WHERE id = ?').run(
    input.debtorId, input.invoiceDate, input.dueDate ?? null, input.description, input.billingInstruction ?? null, total, id,
  );
}

export function deleteDraft(ctx: Ctx, id: number): void {
  requireDraft(ctx, id);
  stmt(ctx.db, 'DELETE FROM invoice_lines WHERE invoice_id = ?').run(id);
  stmt(ctx.db, 'DELETE FROM invoices WHERE id = ?').run(id);
}

export function setDraftBlocked(ctx: Ctx, id: number, blocked: boolean): void {
  requireDraft(ctx, id);
  stmt(ctx.db, 'UPDATE invoices SET blocked = ? WHERE id = ?').run(blocked ? 1 : 0, id);
}

/**
 * Posts a draft: the next number of the year's series (no gaps, since numbering and booking share
 * one transaction), receivables against revenue in Verkoop, and the open item with its due date.
 */
export function postInvoice(ctx: Ctx, id: number): void {
  const draft = requireDraft(ctx, id);
  const inv = stmt(ctx.db, 'SELECT debtor_id AS debtorId, invoice_date AS invoiceDate, due_date AS dueDate, description, total FROM invoices WHERE id = ?').get(id) as {
    debtorId: number;
    invoiceDate: string;
    dueDate: string | null;
    description: string;
    total: number;
  };
  if (inv.total <= 0) throw validationError('lines', 'positive', 'Het totaal van een factuur moet groter dan nul zijn', 'An invoice total must be more than zero');
  const year = Number(inv.invoiceDate.slice(0, 4));
  const sequence = (stmt(ctx.db, 'SELECT COALESCE(MAX(sequence), 0) + 1 AS n FROM invoices WHERE year = ?').get(year) as { n: number }).n;
  const number = `${year}-${String(sequence).padStart(4, '0')}`;
  const debtor = requireDebtor(ctx, inv.debtorId);
  const term = debtor.paymentTermDays ?? (stmt(ctx.db, 'SELECT default_payment_term_days AS d FROM organisation WHERE id = 1').get() as { d: number } | undefined)?.d ?? 14;
  const dueDate = inv.dueDate ?? addDays(inv.invoiceDate, term);
  const credit = draft.kind === 'credit_note';
  const receivables = accountForRole(ctx, 'receivables');
  const lines = stmt(ctx.db, 'SELECT account_id AS accountId, SUM(amount) AS amount FROM invoice_lines WHERE invoice_id = ? GROUP BY account_id ORDER BY MIN(line_no)').all(id) as {
    accountId: number;
    amount: number;
  }[];
  const label = credit ? 'Creditnota' : 'Factuur';
  const entryId = postEntry(ctx, {
    journalCode: 'VRK',
    date: inv.invoiceDate,
    description: `${label} ${number}: ${inv.description}`.slice(0, 140),
    sourceType: credit ? 'credit_note' : 'invoice',
    sourceId: String(id),
    lines: [
      { accountId: receivables, debtorId: inv.debtorId, debit: credit ? 0 : inv.total, credit: credit ? inv.total : 0 },
      ...lines.map((l) => ({ accountId: l.accountId, debit: credit ? l.amount : 0, credit: credit ? 0 : l.amount })),
    ],
  });
  stmt(ctx.db, "UPDATE invoices SET status = 'posted', number = ?, year = ?, sequence = ?, due_date = ?, entry_id = ?, posted_at = ? WHERE id = ?").run(
    number, year, sequence, dueDate, entryId, ctx.now().toISOString(), id,
  );
  createItem(
    ctx,
    {
      debtorId: inv.debtorId,
      sourceType: credit ? 'credit_note' : 'invoice',
      invoiceId: id,
      entryId,
      document: number,
      description: inv.description,
      itemDate: inv.invoiceDate,
      dueDate,
      amount: credit ? -inv.total : inv.total,
    },
    { kind: 'created', text: `${label} ${number} geboekt` },
  );
}

/** Crediteren: a credit note for all or part of a posted invoice, posted at once. */
export function creditInvoice(ctx: Ctx, input: { invoiceId: number; date?: string; lines?: InvoiceLineInput[]; description?: string }): number {
  const original = getInvoice(ctx, input.invoiceId);
  if (original.status !== 'posted' || original.kind !== 'invoice') {
    throw conflictError('not_posted_invoice', 'Alleen een geboekte factuur kan worden gecrediteerd', 'Only a posted invoice can be credited', 'invoiceId');
  }
  const already = (stmt(ctx.db, "SELECT COALESCE(SUM(total), 0) AS s FROM invoices WHERE credits_invoice_id = ? AND status = 'posted'").get(original.id) as { s: number }).s;
  const lines = input.lines ?? original.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, accountId: l.accountId }));
  const amount = lines.reduce((s, l) => s + lineAmount(l), 0);
  if (already + amount > original.total) {
    throw validationError('lines', 'more_than_invoiced', 'Er wordt meer gecrediteerd dan er is gefactureerd', 'More would be credited than was invoiced');
  }
  const id = createDraft(
    ctx,
    { debtorId: original.debtorId, invoiceDate: input.date ?? ctx.today(), dueDate: input.date ?? ctx.today(), description: input.description ?? `Creditering van factuur ${original.number}`, lines },
    'credit_note',
    original.id,
  );
  postInvoice(ctx, id);
  return id;
}

const INVOICE_SELECT = `SELECT i.id, i.debtor_id AS debtorId, d.number AS debtorNumber, d.name AS debtorName, i.kind, i.status, i.number, i.invoice_date AS invoiceDate,
            i.due_date AS dueDate, i.description, i.billing_instruction AS billingInstruction, i.blocked, i.fee_run_id AS feeRunId,
            i.credits_invoice_id AS creditsInvoiceId, i.total, i.entry_id AS entryId
       FROM invoices i JOIN debtors d ON d.id = i.debtor_id`;

type InvoiceRow = Omit<InvoiceT, 'blocked' | 'lines'> & { blocked: number };

export function listInvoices(ctx: Ctx, debtorId: number): Omit<InvoiceT, 'lines'>[] {
  return (stmt(ctx.db, `${INVOICE_SELECT} WHERE i.debtor_id = ? ORDER BY i.invoice_date DESC, i.id DESC`).all(debtorId) as InvoiceRow[]).map((r) => ({ ...r, blocked: r.blocked === 1 }));
}

export function getInvoice(ctx: Ctx, id: number): InvoiceT {
  const row = stmt(ctx.db, `${INVOICE_SELECT} WHERE i.id = ?`).get(id) as InvoiceRow | undefined;
  if (!row) throw notFoundError({ nl: `Factuur ${id}`, en: `Invoice ${id}` }, 'id');
  const lines = stmt(
    ctx.db,
    'SELECT description, quantity, unit_price AS unitPrice, amount, account_id AS accountId FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no',
  ).all(id) as InvoiceT['lines'];
  return { ...row, blocked: row.blocked === 1, lines };
}
