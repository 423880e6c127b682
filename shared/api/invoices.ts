import { z } from 'zod';
import { centsField, idField, isoDateField, optionalText, requiredText } from './fields';
import { defineMethods } from './method';

/** Invoices, credit notes and fee runs (contributie). */

export const InvoiceLine = z.object({
  description: z.string(),
  /** thousandths: 1000 is one */
  quantity: z.number(),
  unitPrice: z.number(),
  amount: z.number(),
  accountId: z.number(),
});

export const Invoice = z.object({
  id: z.number(),
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  status: z.enum(['draft', 'posted']),
  number: z.string().nullable(),
  invoiceDate: z.string(),
  dueDate: z.string().nullable(),
  description: z.string(),
  billingInstruction: z.string().nullable(),
  blocked: z.boolean(),
  feeRunId: z.number().nullable(),
  creditsInvoiceId: z.number().nullable(),
  total: z.number(),
  entryId: z.number().nullable(),
  lines: z.array(InvoiceLine),
});

export const FeeRun = z.object({
  id: z.number(),
  description: z.string(),
  invoiceDate: z.string(),
  dueDate: z.string().nullable(),
  amount: z.number(),
  accountId: z.number(),
  createdAt: z.string(),
  counts: z.object({ drafts: z.number(), blocked: z.number(), posted: z.number(), draftTotal: z.number() }),
  invoices: z.array(
    z.object({
      id: z.number(),
      debtorId: z.number(),
      debtorNumber: z.string(),
      debtorName: z.string(),
      status: z.enum(['draft', 'posted']),
      number: z.string().nullable(),
      total: z.number(),
      blocked: z.boolean(),
      billingInstruction: z.string().nullable(),
    }),
  ),
});

export const InvoiceLineInput = z.object({
  description: requiredText(140),
  quantity: z.number().int().min(1).max(1_000_000_000).default(1000),
  unitPrice: centsField.min(0),
  accountId: idField.optional(),
});

export const DraftInput = z.object({
  debtorId: idField,
  invoiceDate: isoDateField,
  dueDate: isoDateField.optional(),
  description: requiredText(140),
  billingInstruction: optionalText(500),
  lines: z.array(InvoiceLineInput).refine((l) => l.length > 0, { params: { rule: 'min', nl: 'een factuur heeft minstens één regel', en: 'an invoice needs at least one line' } }),
});

export const invoicesMethods = defineMethods({
  'invoices.createDraft': {
    kind: 'write',
    summary: 'A draft invoice with lines (description, quantity in thousandths, unit price in cents, revenue account).',
    input: DraftInput,
    output: Invoice,
  },
  'invoices.updateDraft': { kind: 'write', summary: 'Corrects a draft invoice.', input: DraftInput.extend({ id: idField }), output: Invoice },
  'invoices.deleteDraft': { kind: 'write', summary: 'Throws a draft away.', input: z.object({ id: idField }), output: z.object({ deleted: z.number() }) },
  'invoices.setBlocked': {
    kind: 'write',
    summary: 'Factuurblokkade: a blocked draft is skipped when its fee run is posted.',
    input: z.object({ id: idField, blocked: z.boolean() }),
    output: Invoice,
  },
  'invoices.post': {
    kind: 'write',
    summary: 'Posts a draft: next number of the year, receivables against revenue, open item with due date.',
    input: z.object({ id: idField }),
    output: Invoice,
  },
  'invoices.credit': {
    kind: 'write',
    summary: 'Crediteren: posts a credit note for all (no lines) or part (given lines) of a posted invoice.',
    input: z.object({ invoiceId: idField, date: isoDateField.optional(), description: optionalText(140), lines: z.array(InvoiceLineInput).optional() }),
    output: Invoice,
  },
  'invoices.list': {
    kind: 'read',
    summary: "A debtor's invoices and credit notes (drafts and posted), newest first.",
    input: z.object({ debtorId: idField }),
    output: z.array(Invoice.omit({ lines: true })),
  },
  'invoices.pdf': {
    kind: 'read',
    summary: 'The invoice or credit note as a PDF (base64), with the pre-notification for debtors on direct debit.',
    input: z.object({ id: idField }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  'invoices.get': { kind: 'read', summary: 'One invoice or credit note with its lines.', input: z.object({ id: idField }), output: Invoice },
  'feeRuns.create': {
    kind: 'write',
    summary: 'Massa factureren: a draft invoice per chosen debtor (all, by status, or selected) for one description and amount.',
    input: z.object({
      description: requiredText(140),
      invoiceDate: isoDateField,
      dueDate: isoDateField.optional(),
      amount: centsField.min(1),
      /** bill each member's own contributie from the card where one is set (0 = exempt, no invoice) */
      amountFromCard: z.boolean().default(false),
      accountId: idField.optional(),
      selection: z.object({ mode: z.enum(['all', 'status', 'tag', 'selected']), statusIds: z.array(idField).optional(), tags: z.array(z.string()).optional(), debtorIds: z.array(idField).optional() }),
    }),
    output: FeeRun,
  },
  'feeRuns.list': { kind: 'read', summary: 'Fee runs with their counts.', input: z.object({}), output: z.array(FeeRun.omit({ invoices: true })) },
  'feeRuns.get': { kind: 'read', summary: 'A fee run with its invoices (drafts with billing instruction and block).', input: z.object({ id: idField }), output: FeeRun },
  'feeRuns.post': {
    kind: 'write',
    summary: 'Posts every unblocked draft of the run in one transaction; blocked drafts are skipped until unblocked.',
    input: z.object({ id: idField }),
    output: z.object({ posted: z.number(), skippedBlocked: z.number(), run: FeeRun }),
  },
});

export type InvoiceT = z.output<typeof Invoice>;
export type FeeRunT = z.output<typeof FeeRun>;
