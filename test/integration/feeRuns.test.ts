import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatch } from '../../electron/api';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

describe('fee runs (massa factureren)', () => {
  it('drafts one invoice per member, skips a blocked draft when posting, posts it after unblocking', () => {
    const ids = ['Anouk', 'Bram', 'Cas', 'Daan'].map((name) => call(t.ctx, 'debtors.create', { name }).id);
    const run = call(t.ctx, 'feeRuns.create', { description: 'Contributie 2026-2027', invoiceDate: '2026-09-01', amount: 15_000, selection: { mode: 'all' } });
    expect(run.counts).toEqual({ drafts: 4, blocked: 0, posted: 0, draftTotal: 60_000 });
    expect(call(t.ctx, 'items.list', {}).total).toBe(0);

    const [first, second] = run.invoices;
    const draft = call(t.ctx, 'invoices.get', { id: first!.id });
    call(t.ctx, 'invoices.updateDraft', {
      id: draft.id,
      debtorId: draft.debtorId,
      invoiceDate: draft.invoiceDate,
      description: draft.description,
      billingInstruction: 'Lang ziek geweest: halve contributie',
      lines: [{ description: draft.description, unitPrice: 7_500 }],
    });
    call(t.ctx, 'invoices.setBlocked', { id: second!.id, blocked: true });
    const reviewed = call(t.ctx, 'feeRuns.get', { id: run.id });
    expect(reviewed.invoices[0]).toMatchObject({ billingInstruction: 'Lang ziek geweest: halve contributie', total: 7_500 });
    expect(reviewed.counts).toEqual({ drafts: 3, blocked: 1, posted: 0, draftTotal: 37_500 });

    const result = call(t.ctx, 'feeRuns.post', { id: run.id });
    expect(result).toMatchObject({ posted: 3, skippedBlocked: 1 });
    expect(result.run.invoices.map((i) => [i.status, i.number])).toEqual([
      ['posted', '2026-0001'],
      ['draft', null],
      ['posted', '2026-0002'],
      ['posted', '2026-0003'],
    ]);
    call(t.ctx, 'invoices.setBlocked', { id: second!.id, blocked: false });
    expect(call(t.ctx, 'feeRuns.post', { id: run.id })).toMatchObject({ posted: 1, skippedBlocked: 0 });
    expect(call(t.ctx, 'items.list', {}).totalBalance).toBe(52_500);
    expect(call(t.ctx, 'debtors.get', { id: ids[1]! }).balance).toBe(15_000);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    expect(unbalancedEntries(t.ledger.db)).toEqual([]);
  });

  it('chooses debtors by status or by hand, and refuses an empty choice', () => {
    const statuses = call(t.ctx, 'debtorStatuses.list', {});
    const arrangement = statuses.find((s) => s.name === 'Betalingsregeling')!.id;
    const a = call(t.ctx, 'debtors.create', { name: 'A', statusId: arrangement }).id;
    const b = call(t.ctx, 'debtors.create', { name: 'B' }).id;
    expect(call(t.ctx, 'feeRuns.create', { description: 'X', invoiceDate: '2026-09-01', amount: 100, selection: { mode: 'status', statusIds: [arrangement] } }).invoices.map((i) => i.debtorId)).toEqual([a]);
    expect(call(t.ctx, 'feeRuns.create', { description: 'Y', invoiceDate: '2026-09-01', amount: 100, selection: { mode: 'selected', debtorIds: [b] } }).invoices.map((i) => i.debtorId)).toEqual([b]);
    const c = call(t.ctx, 'debtors.create', { name: 'C', tags: ['Jeugd', ' jeugd  D1 ', 'Jeugd'] });
    expect(c.tags).toEqual(['Jeugd', 'jeugd D1']);
    call(t.ctx, 'debtors.update', { id: b, name: 'B', tags: ['Senioren', 'Competitie'] });
    expect(call(t.ctx, 'debtors.tags', {})).toEqual([
      { tag: 'Competitie', count: 1 },
      { tag: 'Jeugd', count: 1 },
      { tag: 'jeugd D1', count: 1 },
      { tag: 'Senioren', count: 1 },
    ]);
    expect(call(t.ctx, 'feeRuns.create', { description: 'Competitie', invoiceDate: '2026-09-01', amount: 100, selection: { mode: 'tag', tags: ['Competitie', 'Jeugd'] } }).invoices.map((i) => i.debtorId)).toEqual([b, c.id]);
    expect(dispatch(t.ctx, 'feeRuns.create', { description: 'Z', invoiceDate: '2026-09-01', amount: 100, selection: { mode: 'tag', tags: [] } })).toMatchObject({ ok: false, error: { field: 'selection.tags' } });
    expect(dispatch(t.ctx, 'feeRuns.create', { description: 'Z', invoiceDate: '2026-09-01', amount: 100, selection: { mode: 'selected' } })).toMatchObject({ ok: false, error: { field: 'selection.debtorIds' } });
    expect(dispatch(t.ctx, 'feeRuns.create', { description: 'Z', invoiceDate: '2026-09-01', amount: 0, selection: { mode: 'all' } })).toMatchObject({ ok: false, error: { field: 'amount' } });
  });
});
