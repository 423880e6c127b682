import { call } from '../../electron/api';
import type { TestLedger } from './ledger';

/** Members and invoices through the API, the way the UI makes them. */
export interface MemberSpec {
  name: string;
  iban?: string;
  holder?: string;
  method?: 'direct_debit' | 'transfer';
  mandate?: { reference: string; signedOn?: string; type?: 'recurring' | 'one_off'; scheme?: 'CORE' | 'B2B' } | null;
  consolidate?: boolean;
  collect?: boolean;
  kind?: 'person' | 'business';
  discountPercent?: number;
  discountAmount?: number;
}

const IBANS = ['NL20INGB0001234567', 'NL44RABO0123456789', 'NL02ABNA0123456789', 'NL39RABO0300065264', 'NL86INGB0002445588', 'NL71RABO5901576359', 'NL45INGB5305055116', 'NL73RABO8435206720'];
let next = 0;

export function member(t: TestLedger, spec: MemberSpec): number {
  const method = spec.method ?? (spec.mandate === null ? 'transfer' : 'direct_debit');
  const iban = spec.iban ?? IBANS[next++ % IBANS.length]!;
  const d = call(t.ctx, 'debtors.create', {
    name: spec.name,
    iban,
    accountHolder: spec.holder,
    paymentMethod: method,
    consolidate: spec.consolidate ?? false,
    collect: spec.collect ?? true,
    kind: spec.kind ?? 'person',
    discountPercent: spec.discountPercent ?? null,
    discountAmount: spec.discountAmount ?? null,
  });
  if (spec.mandate) {
    call(t.ctx, 'mandates.save', { debtorId: d.id, reference: spec.mandate.reference, signedOn: spec.mandate.signedOn ?? '2024-01-15', type: spec.mandate.type ?? 'recurring', scheme: spec.mandate.scheme ?? 'CORE' });
  }
  return d.id;
}

/** A posted invoice; returns its open item id. */
export function invoice(t: TestLedger, debtorId: number, cents: number, dueDate = '2026-11-01', description = 'Contributie 2026-2027'): number {
  const draft = call(t.ctx, 'invoices.createDraft', { debtorId, invoiceDate: '2026-09-01', dueDate, description, lines: [{ description, unitPrice: cents }] });
  const posted = call(t.ctx, 'invoices.post', { id: draft.id });
  return call(t.ctx, 'items.list', { debtorId, status: 'open', limit: 5000 }).items.find((i) => i.invoiceId === posted.id)!.id;
}

export function creditNote(t: TestLedger, debtorId: number, itemId: number, cents: number): number {
  const item = call(t.ctx, 'items.list', { debtorId, status: 'all', limit: 5000 }).items.find((i) => i.id === itemId)!;
  const note = call(t.ctx, 'invoices.credit', { invoiceId: item.invoiceId!, lines: [{ description: 'Correctie', unitPrice: cents }] });
  return call(t.ctx, 'items.list', { debtorId, status: 'open', limit: 5000 }).items.find((i) => i.invoiceId === note.id)!.id;
}
