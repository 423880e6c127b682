import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatch } from '../../electron/api';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

function invariant(): void {
  expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
  expect(unbalancedEntries(t.ledger.db)).toEqual([]);
}

function postInvoice(debtorId: number, cents: number, date = '2026-09-01') {
  const draft = call(t.ctx, 'invoices.createDraft', { debtorId, invoiceDate: date, description: 'Contributie 2026-2027', lines: [{ description: 'Contributie', unitPrice: cents }] });
  return call(t.ctx, 'invoices.post', { id: draft.id });
}

function openItems(debtorId: number) {
  return call(t.ctx, 'items.list', { debtorId }).items;
}

describe('invoices', () => {
  it('posts a draft: gap-free number, receivables against revenue, an open item due after the payment term', () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Anouk', paymentTermDays: 30 });
    const draft = call(t.ctx, 'invoices.createDraft', {
      debtorId: d.id,
      invoiceDate: '2026-09-01',
      description: 'Seizoen 2026-2027',
      billingInstruction: 'Lang ziek geweest: halve contributie',
      lines: [
        { description: 'Contributie', unitPrice: 12_000 },
        { description: 'Baanhuur 1,5 uur', quantity: 1500, unitPrice: 1_250, accountId: call(t.ctx, 'accounts.list', {}).find((a) => a.code === '8100')!.id },
      ],
    });
    expect(draft).toMatchObject({ status: 'draft', number: null, total: 13_875 });
    const posted = call(t.ctx, 'invoices.post', { id: draft.id });
    expect(posted).toMatchObject({ status: 'posted', number: '2026-0001', dueDate: '2026-10-01' });
    expect(postInvoice(d.id, 500).number).toBe('2026-0002');
    const entry = call(t.ctx, 'entries.list', { journalCode: 'VRK' }).entries.find((e) => e.id === posted.entryId)!;
    expect(entry.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['1300', 13_875, 0],
      ['8000', 0, 12_000],
      ['8100', 0, 1_875],
    ]);
    expect(openItems(d.id).map((i) => [i.document, i.balance, i.dueDate])).toEqual([
      ['2026-0001', 13_875, '2026-10-01'],
      ['2026-0002', 500, '2026-10-01'],
    ]);
    invariant();
  });

  it('never edits a posted invoice, not even with raw SQL; a credit note corrects it', () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Bram' });
    const inv = postInvoice(d.id, 8_000);
    expect(dispatch(t.ctx, 'invoices.updateDraft', { id: inv.id, debtorId: d.id, invoiceDate: '2026-09-01', description: 'x', lines: [{ description: 'x', unitPrice: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', rule: 'posted' },
    });
    expect(() => t.ledger.db.prepare('UPDATE invoices SET total = 1 WHERE id = ?').run(inv.id)).toThrow(/immutable/);
    expect(() => t.ledger.db.prepare('UPDATE invoice_lines SET amount = 1 WHERE invoice_id = ?').run(inv.id)).toThrow(/immutable/);
    expect(() => t.ledger.db.prepare('DELETE FROM invoices WHERE id = ?').run(inv.id)).toThrow(/immutable/);

    const credit = call(t.ctx, 'invoices.credit', { invoiceId: inv.id, date: '2026-09-10', lines: [{ description: 'Korting', unitPrice: 3_000 }] });
    expect(credit).toMatchObject({ kind: 'credit_note', status: 'posted', number: '2026-0002', total: 3_000, creditsInvoiceId: inv.id });
    expect(openItems(d.id).map((i) => i.balance)).toEqual([-3_000, 8_000]); // the credit note falls due first
    expect(dispatch(t.ctx, 'invoices.credit', { invoiceId: inv.id, lines: [{ description: 'Te veel', unitPrice: 5_001 }] })).toMatchObject({ ok: false, error: { rule: 'more_than_invoiced' } });
    invariant();
  });
});

describe('open-item operations', () => {
  it('merges an invoice with a credit note into the difference (seeds/004 point 8: -55 and +80 become +25)', () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Lotte' });
    const inv = postInvoice(d.id, 8_000);
    call(t.ctx, 'invoices.credit', { invoiceId: inv.id, lines: [{ description: 'Correctie', unitPrice: 5_500 }] });
    const [a, b] = openItems(d.id);
    const { itemId } = call(t.ctx, 'items.merge', { itemIds: [a!.id, b!.id] });
    expect(openItems(d.id).map((i) => [i.id, i.balance, i.dueDate])).toEqual([[itemId, 2_500, inv.dueDate]]);
    expect(call(t.ctx, 'items.list', { debtorId: d.id, status: 'closed' }).items.map((i) => i.status)).toEqual(['merged', 'merged']);
    expect(call(t.ctx, 'items.history', { itemId: a!.id }).map((h) => h.kind)).toEqual(['created', 'merged_into']);
    invariant();
  });

  it('splits into three instalments preserving the cent, as a payment arrangement', () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Koen' });
    postInvoice(d.id, 10_000);
    const [item] = openItems(d.id);
    const { itemIds } = call(t.ctx, 'items.split', {
      itemId: item!.id,
      arrangement: true,
      reason: 'Betalingsregeling afgesproken',
      parts: [{ dueDate: '2026-10-01' }, { dueDate: '2026-11-01' }, { dueDate: '2026-12-01' }],
    });
    const parts = openItems(d.id);
    expect(parts.map((p) => [p.balance, p.dueDate, p.status])).toEqual([
      [3_334, '2026-10-01', 'arrangement'],
      [3_333, '2026-11-01', 'arrangement'],
      [3_333, '2026-12-01', 'arrangement'],
    ]);
    expect(parts.map((p) => p.id)).toEqual(itemIds);
    expect(call(t.ctx, 'debtors.get', { id: d.id }).statusName).toBe('Betalingsregeling');
    expect(dispatch(t.ctx, 'items.split', { itemId: itemIds[0]!, parts: [{ amount: 1, dueDate: '2026-10-01' }, { amount: 2, dueDate: '2026-10-02' }] })).toMatchObject({
      ok: false,
      error: { field: 'parts', rule: 'sum' },
    });
    invariant();
  });

  it('settles items that net to zero, writes off with a reason, moves a due date, blocks', () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Iris' });
    const inv = postInvoice(d.id, 4_000);
    call(t.ctx, 'invoices.credit', { invoiceId: inv.id });
    const [x, y] = openItems(d.id);
    expect(dispatch(t.ctx, 'items.settle', { itemIds: [x!.id] })).toMatchObject({ ok: false, error: { rule: 'min' } });
    call(t.ctx, 'items.settle', { itemIds: [x!.id, y!.id], reason: 'Factuur volledig gecrediteerd' });
    expect(openItems(d.id)).toEqual([]);

    postInvoice(d.id, 1_999);
    const [z] = openItems(d.id);
    call(t.ctx, 'items.changeDueDate', { itemId: z!.id, dueDate: '2026-12-31', reason: 'Uitstel gevraagd' });
    call(t.ctx, 'items.setBlocked', { itemIds: [z!.id], blocked: true, reason: 'Geschil' });
    expect(openItems(d.id)[0]).toMatchObject({ dueDate: '2026-12-31', status: 'blocked' });
    const { entryId } = call(t.ctx, 'items.writeOff', { itemId: z!.id, reason: 'Oninbaar: lid vertrokken' });
    const entry = call(t.ctx, 'entries.list', { journalCode: 'MEM' }).entries.find((e) => e.id === entryId)!;
    expect(entry.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['4910', 1_999, 0],
      ['1300', 0, 1_999],
    ]);
    expect(call(t.ctx, 'items.history', { itemId: z!.id }).map((h) => [h.kind, h.reason])).toEqual([
      ['created', null],
      ['due_date_changed', 'Uitstel gevraagd'],
      ['blocked', 'Geschil'],
      ['written_off', 'Oninbaar: lid vertrokken'],
    ]);
    // the history is read by the treasurer: dates in dd-mm-jjjj, no ISO
    expect(call(t.ctx, 'items.history', { itemId: z!.id }).find((h) => h.kind === 'due_date_changed')!.text).toMatch(/^Vervaldatum \d\d-\d\d-\d{4} gewijzigd in 31-12-2026$/);
    expect(call(t.ctx, 'debtors.get', { id: d.id }).balance).toBe(0);
    invariant();
  });

  it('refuses to mix debtors and to touch a closed item', () => {
    const a = call(t.ctx, 'debtors.create', { name: 'A' });
    const b = call(t.ctx, 'debtors.create', { name: 'B' });
    postInvoice(a.id, 100);
    postInvoice(b.id, 200);
    const [ia] = openItems(a.id);
    const [ib] = openItems(b.id);
    expect(dispatch(t.ctx, 'items.merge', { itemIds: [ia!.id, ib!.id] })).toMatchObject({ ok: false, error: { rule: 'one_debtor' } });
    call(t.ctx, 'items.writeOff', { itemId: ia!.id, reason: 'test' });
    expect(dispatch(t.ctx, 'items.writeOff', { itemId: ia!.id, reason: 'nog eens' })).toMatchObject({ ok: false, error: { code: 'conflict', rule: 'closed' } });
  });

  it('keeps a document and description readable through rounds of split and merge (they multiplied with every round)', () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Anouk' }).id;
    postInvoice(d, 90_000);
    postInvoice(d, 60_000);
    for (let round = 0; round < 8; round++) {
      const open = openItems(d);
      const merged = open.length > 1 ? call(t.ctx, 'items.merge', { itemIds: open.map((i) => i.id) }).itemId : open[0]!.id;
      call(t.ctx, 'items.split', { itemId: merged, parts: [{ dueDate: '2027-01-01' }, { dueDate: '2027-02-01' }, { dueDate: '2027-03-01' }] });
    }
    const items = call(t.ctx, 'items.list', { debtorId: d, status: 'all', limit: 5000 }).items;
    expect(Math.max(...items.map((i) => i.document.length))).toBeLessThanOrEqual(100);
    expect(Math.max(...items.map((i) => i.description.length))).toBeLessThanOrEqual(140);
    // the first merge still names both invoices in full; a long one ends in an ellipsis
    const first = items.find((i) => i.sourceType === 'merge')!;
    expect(first.document).toMatch(/^\d{4}-\d{4} \+ \d{4}-\d{4}$/);
    expect(items.some((i) => i.sourceType === 'merge' && i.document.endsWith('\u2026'))).toBe(true);
    expect(openItems(d).reduce((s, i) => s + i.balance, 0)).toBe(150_000);
    invariant();
  });

  it('keeps the sub-ledger equal to the control account through any sequence of operations (property)', () => {
    const debtors = [1, 2, 3].map((i) => call(t.ctx, 'debtors.create', { name: `Lid ${i}` }).id);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('invoice' as const), debtor: fc.integer({ min: 0, max: 2 }), cents: fc.integer({ min: 1, max: 500_000 }) }),
      fc.record({ kind: fc.constant('credit' as const), pick: fc.nat(), part: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), n: fc.integer({ min: 2, max: 5 }) }),
      fc.record({ kind: fc.constant('merge' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('settle' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('writeOff' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        for (const o of ops) {
          const open = call(t.ctx, 'items.list', { limit: 5000 }).items;
          const item = open.length ? open[('pick' in o ? o.pick : 0) % open.length]! : undefined;
          const before = open.filter((i) => i.debtorId === item?.debtorId).reduce((s, i) => s + i.balance, 0);
          if (o.kind === 'invoice') postInvoice(debtors[o.debtor]!, o.cents);
          else if (!item) continue;
          else if (o.kind === 'credit' && item.invoiceId && item.sourceType === 'invoice') {
            dispatch(t.ctx, 'invoices.credit', { invoiceId: item.invoiceId, lines: [{ description: 'deel', unitPrice: Math.max(1, Math.floor((item.amount * o.part) / 100)) }] });
          } else if (o.kind === 'split') {
            const r = dispatch(t.ctx, 'items.split', { itemId: item.id, parts: Array.from({ length: o.n }, (_, i) => ({ dueDate: `2027-0${i + 1}-01` })) });
            // Equal parts of a balance smaller than the number of parts would be zero: refused.
            expect(r.ok).toBe(Math.abs(item.balance) >= o.n);
          } else if (o.kind === 'merge' || o.kind === 'settle') {
            const same = open.filter((i) => i.debtorId === item.debtorId).map((i) => i.id);
            if (same.length >= 2) dispatch(t.ctx, o.kind === 'merge' ? 'items.merge' : 'items.settle', { itemIds: same });
          } else if (o.kind === 'writeOff') call(t.ctx, 'items.writeOff', { itemId: item.id, reason: 'test' });
          if (item && o.kind !== 'invoice' && o.kind !== 'credit' && o.kind !== 'writeOff') {
            // split, merge and settle move money between items, never create or destroy it
            const after = call(t.ctx, 'items.list', { debtorId: item.debtorId, limit: 5000 }).items.reduce((s, i) => s + i.balance, 0);
            expect(after).toBe(before);
          }
          invariant();
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('a sane number of parts', () => {
  it('refuses more than 120 parts at the API, before looking at the item', () => {
    const parts = Array.from({ length: 121 }, () => ({ dueDate: '2026-12-01' }));
    expect(dispatch(t.ctx, 'items.split', { itemId: 999_999, parts })).toMatchObject({ ok: false, error: { code: 'validation', field: 'parts', rule: 'max' } });
  });
});
