import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatch } from '../../electron/api';
import { renderSpecifications } from '../../electron/letters/batchReport';
import { MAX_CENTS } from '../../shared/money';
import { cliOn } from '../helpers/cli';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';

/** The collection planner's rules (issue 8): what becomes one debit, what waits, and why. Today is Tuesday 24-11-2026. */
let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

/** An invoice dated `invoiceDate` (the helper's are all dated 01-09-2026). */
function invoiceOn(debtorId: number, cents: number, invoiceDate: string, dueDate: string, description = 'Bardienst'): number {
  const draft = call(t.ctx, 'invoices.createDraft', { debtorId, invoiceDate, dueDate, description, lines: [{ description, unitPrice: cents }] });
  const posted = call(t.ctx, 'invoices.post', { id: draft.id });
  return call(t.ctx, 'items.list', { debtorId, status: 'open', limit: 5000 }).items.find((i) => i.invoiceId === posted.id)!.id;
}

async function filesOf(batchId: number): Promise<string[]> {
  const batch = call(t.ctx, 'batches.get', { id: batchId, limit: 1, offset: 0 }).batch;
  const out: string[] = [];
  for (let fileNo = 1; fileNo <= batch.fileCount; fileNo++) {
    const xml = call(t.ctx, 'batches.file', { id: batchId, fileNo }).xml;
    expect(await xsdErrors(xml)).toEqual([]);
    out.push(xml);
  }
  return out;
}

const amountsIn = (xml: string) => [...xml.matchAll(/<InstdAmt Ccy="EUR">(\d+)\.(\d\d)<\/InstdAmt>/g)].map((m) => Number(m[1]) * 100 + Number(m[2]));

function booksAgree(): void {
  expect(unbalancedEntries(t.ledger.db)).toEqual([]);
  expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
}

describe('one-off mandates', () => {
  it('carry one debit: two items in one batch become one, and on different dates the later one waits', async () => {
    const ilse = member(t, { name: 'Ilse Post', mandate: { reference: 'ZWA-OOFF-1', type: 'one_off' } });
    const a = invoice(t, ilse, 4_500);
    const b = invoice(t, ilse, 1_500, '2026-11-02', 'Bardienst');
    const p = call(t.ctx, 'collections.propose', {});
    expect(p.debits.map((d) => [d.sequenceType, d.amount, d.items.map((i) => i.itemId)])).toEqual([['OOFF', 6_000, [a, b]]]);
    expect(p.debits[0]!.remittance).toContain('2026-0001, 2026-0002');

    const perDue = call(t.ctx, 'collections.propose', { perDueDate: true, dueUpTo: '2026-12-08', includeNotDue: true });
    expect(perDue.debits).toHaveLength(1);
    const c = invoice(t, ilse, 2_000, '2026-12-04', 'Toernooi');
    const later = call(t.ctx, 'collections.propose', { perDueDate: true, dueUpTo: '2026-12-08' });
    expect(later.debits.map((d) => [d.sequenceType, d.date, d.amount])).toEqual([['OOFF', '2026-11-26', 6_000]]);
    expect(later.excluded.filter((x) => x.itemId === c).map((x) => x.reason)).toEqual(['one_off_once']);

    const batch = call(t.ctx, 'collections.create', {});
    const [xml] = await filesOf(batch.id);
    expect(xml!.match(/<SeqTp>OOFF<\/SeqTp>/g)).toHaveLength(1);
    expect(amountsIn(xml!)).toEqual([6_000]);
    // the mandate is used: the third item stays out with the reason
    expect(call(t.ctx, 'collections.propose', { perDueDate: true, dueUpTo: '2026-12-08' }).excluded.find((x) => x.itemId === c)?.reason).toBe('mandate_used');
    booksAgree();
  });
});

describe('one mandate in one file', () => {
  it('is FRST or RCUR, never both, when a first mandate has debits on two dates', async () => {
    call(t.ctx, 'settings.update', { collection: { firstAsFrst: true } });
    const nova = member(t, { name: 'Nova Lid', mandate: { reference: 'ZWA-NEW-1', signedOn: '2026-11-01' } });
    invoice(t, nova, 15_000, '2026-11-01');
    invoice(t, nova, 2_000, '2026-12-01', 'Bardienst');
    const p = call(t.ctx, 'collections.propose', { perDueDate: true, dueUpTo: '2026-12-08' });
    expect(p.debits.map((d) => [d.date, d.sequenceType])).toEqual([['2026-11-26', 'FRST'], ['2026-12-01', 'FRST']]);
    const batch = call(t.ctx, 'collections.create', { perDueDate: true, dueUpTo: '2026-12-08' });
    const [xml] = await filesOf(batch.id);
    expect(xml).not.toContain('<SeqTp>RCUR</SeqTp>');
  });

  it('merges a member\'s items on one date into one debit that names them, unless the treasurer chose one per item', async () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    const a = invoice(t, anna, 15_000);
    const b = invoice(t, anna, 2_500, '2026-11-10', 'Bardienst');
    const merged = call(t.ctx, 'collections.propose', {});
    expect(merged.debits.map((d) => [d.amount, d.items.map((i) => i.itemId)])).toEqual([[17_500, [a, b]]]);
    expect(merged.debits[0]!.remittance).toMatch(/2026-0001, 2026-0002/);
    const apart = call(t.ctx, 'collections.propose', { mergeSameDate: false });
    expect(apart.debits.map((d) => d.amount)).toEqual([15_000, 2_500]);
  });

  it('never sends two equal debits of one mandate on one date: equal instalments go a business day apart', async () => {
    const bram = member(t, { name: 'Bram', mandate: { reference: 'ZWA-2' } });
    const item = invoice(t, bram, 9_000, '2026-10-01');
    call(t.ctx, 'items.split', { itemId: item, parts: [{ dueDate: '2026-10-01' }, { dueDate: '2026-10-01' }, { dueDate: '2026-10-15' }], arrangement: false });
    const apart = call(t.ctx, 'collections.propose', { mergeSameDate: false });
    expect(apart.debits.map((d) => [d.date, d.amount])).toEqual([['2026-11-26', 3_000], ['2026-11-27', 3_000], ['2026-11-30', 3_000]]);
    const batch = call(t.ctx, 'collections.create', { mergeSameDate: false });
    const [xml] = await filesOf(batch.id);
    const groups = [...xml!.matchAll(/<ReqdColltnDt>([^<]+)<\/ReqdColltnDt>/g)].map((m) => m[1]);
    expect(groups).toEqual(['2026-11-26', '2026-11-27', '2026-11-30']);
    booksAgree();
  });
});

describe('amount limits', () => {
  it('keeps every debit at or under 999 999 999,99, a consolidated member too', async () => {
    const rich = member(t, { name: 'Groot Bedrijf', mandate: { reference: 'ZWA-BIG' }, consolidate: true });
    invoice(t, rich, 60_000_000_000);
    invoice(t, rich, 50_000_000_000, '2026-11-02', 'Sponsoring');
    const p = call(t.ctx, 'collections.propose', {});
    expect(p.debits.map((d) => d.amount)).toEqual([60_000_000_000, 50_000_000_000]);
    const batch = call(t.ctx, 'collections.create', {});
    const amounts = (await filesOf(batch.id)).flatMap(amountsIn);
    for (const a of amounts) expect(a).toBeLessThanOrEqual(MAX_CENTS);
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(110_000_000_000);
    booksAgree();
  });

  it('refuses what a one-off mandate cannot carry in one debit, with the reason', () => {
    const once = member(t, { name: 'Eenmalig', mandate: { reference: 'ZWA-OOFF-2', type: 'one_off' } });
    const a = invoice(t, once, 60_000_000_000);
    const b = invoice(t, once, 50_000_000_000, '2026-11-02');
    const p = call(t.ctx, 'collections.propose', {});
    expect(p.debits.map((d) => [d.amount, d.items.map((i) => i.itemId)])).toEqual([[60_000_000_000, [a]]]);
    expect(p.excluded.find((x) => x.itemId === b)?.reason).toBe('one_off_once');
    call(t.ctx, 'settings.update', { collection: { maxAmount: 50_000 } });
    expect(call(t.ctx, 'collections.propose', {}).excluded.filter((x) => x.debtorName === 'Eenmalig').map((x) => x.reason)).toEqual(['above_maximum', 'above_maximum']);
  });
});

describe('collection dates', () => {
  it('counts the lead time from Monday when the file is made on a Saturday', () => {
    const sat = openInitializedLedger(new Date('2026-11-28T10:00:00Z'));
    try {
      expect(call(sat.ctx, 'collections.calendar', {})).toMatchObject({ today: '2026-11-28', earliestDate: '2026-12-02', latestDate: '2026-12-12' });
      const r = dispatch(sat.ctx, 'collections.propose', { collectionDate: '2026-12-01' });
      expect(r).toMatchObject({ ok: false, error: { field: 'collectionDate', rule: 'too_early' } });
    } finally {
      sat.close();
    }
  });

  it('refuses a date more than 14 days ahead, and leaves items due that far out of a per-due-date run', () => {
    const anna = member(t, { name: 'Anna', mandate: { reference: 'ZWA-1' } });
    const far = invoice(t, anna, 1_000, '2026-12-20');
    const r = dispatch(t.ctx, 'collections.create', { collectionDate: '2026-12-09' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'collectionDate', rule: 'too_late' } });
    expect(JSON.stringify(r)).toContain('uiterlijk 08-12-2026');
    expect(call(t.ctx, 'batches.list', {})).toEqual([]);
    expect(call(t.ctx, 'collections.propose', { collectionDate: '2026-12-08' }).collectionDate).toBe('2026-12-08');
    const p = call(t.ctx, 'collections.propose', { perDueDate: true, dueUpTo: '2026-12-31' });
    expect(p.excluded.find((x) => x.itemId === far)?.reason).toBe('too_far_ahead');
  });
});

describe('pre-notification', () => {
  it('flags items collected sooner than announced, refuses to save them unconfirmed, and says so on the specification', async () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    const bas = member(t, { name: 'Bas Smit', mandate: { reference: 'ZWA-2' } });
    const recent = invoiceOn(anna, 2_500, '2026-11-20', '2026-11-25', 'Bardienst');
    const early = invoiceOn(bas, 4_000, '2026-09-01', '2026-12-01', 'Toernooi');
    invoice(t, bas, 15_000);

    const p = call(t.ctx, 'collections.propose', { includeNotDue: true });
    expect(p.prenotification.map((f) => [f.document, f.date, f.announcedDate, f.invoiceDate, f.noticeFrom])).toEqual([
      ['2026-0001', '2026-11-26', '2026-11-25', '2026-11-20', '2026-12-04'],
      ['2026-0002', '2026-11-26', '2026-12-01', '2026-09-01', '2026-12-01'],
    ]);
    expect(p.totals.prenotification).toBe(2);
    const basDebit = p.debits.find((d) => d.debtorName === 'Bas Smit')!;
    expect(basDebit.items.map((i) => [i.itemId, i.prenotification?.noticeFrom ?? null])).toEqual([[expect.any(Number), null], [early, '2026-12-01']]);

    const refused = dispatch(t.ctx, 'collections.create', { includeNotDue: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'confirmPrenotification', rule: 'required' } });
    expect(JSON.stringify(refused)).toContain('2026-0001 (lid 1001: 26-11-2026, aangekondigd 04-12-2026)');
    expect(call(t.ctx, 'batches.list', {})).toEqual([]);
    expect(call(t.ctx, 'items.list', { status: 'open', limit: 100 }).items.map((i) => i.id)).toContain(recent);

    const batch = call(t.ctx, 'collections.create', { includeNotDue: true, confirmPrenotification: true });
    const specs = await renderSpecifications(t.ctx, batch.id);
    const text = specs.map((s) => {
      const file = path.join(t.dir, s.fileName);
      fs.writeFileSync(file, s.pdf);
      return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    });
    expect(text[0]).toContain('Deze specificatie geldt als nieuwe vooraankondiging: wij incasseren 2026-0001 op 26-11-2026 (aangekondigd voor 04-12-2026)');
    expect(text[1]).toContain('2026-0002 op 26-11-2026 (aangekondigd voor 01-12-2026)');
    expect(text[1]).not.toContain('2026-0003 op');
  });

  it('takes a shorter agreed period from the settings', () => {
    call(t.ctx, 'settings.update', { collection: { prenotificationDays: 5 } });
    expect(call(t.ctx, 'settings.get', {}).collection.prenotificationDays).toBe(5);
    const anna = member(t, { name: 'Anna', mandate: { reference: 'ZWA-1' } });
    invoiceOn(anna, 2_500, '2026-11-20', '2026-11-25');
    expect(call(t.ctx, 'collections.propose', {}).prenotification).toEqual([]);
    expect(dispatch(t.ctx, 'settings.update', { collection: { prenotificationDays: 30 } })).toMatchObject({ ok: false, error: { field: 'collection.prenotificationDays' } });
  });
});

describe('credits', () => {
  it('are set off against any member\'s debit by default: one debit for the rest, naming the items', async () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    const a = invoice(t, anna, 15_000);
    const credit = creditNote(t, anna, a, 5_000);
    const p = call(t.ctx, 'collections.propose', {});
    expect(p.debits.map((d) => [d.amount, d.credits, d.items.map((i) => [i.itemId, i.amount])])).toEqual([[10_000, -5_000, [[a, 15_000], [credit, -5_000]]]]);
    expect(p.debits[0]!.remittance).toContain('2026-0001, 2026-0002');
    expect(p.totals.credits).toBe(-5_000);

    const waiting = call(t.ctx, 'collections.propose', { netCredits: false });
    expect(waiting.debits.map((d) => d.amount)).toEqual([15_000]);
    expect(waiting.excluded.find((x) => x.itemId === credit)?.reason).toBe('credit');

    const batch = call(t.ctx, 'collections.create', {});
    expect(batch.controlSum).toBe(10_000);
    expect(amountsIn((await filesOf(batch.id))[0]!)).toEqual([10_000]);
    expect(call(t.ctx, 'items.list', { debtorId: anna, status: 'open', limit: 10 }).items).toEqual([]);
    booksAgree();
    // cancelled, the invoice and the credit are open again with their own balances
    call(t.ctx, 'batches.cancel', { id: batch.id, reason: 'Verkeerde datum' });
    expect(call(t.ctx, 'items.list', { debtorId: anna, status: 'open', limit: 10 }).items.map((i) => [i.id, i.balance])).toEqual([[a, 15_000], [credit, -5_000]]);
    booksAgree();
  });

  it('never sit beside the parts of an item above the maximum (found by the property test)', async () => {
    call(t.ctx, 'settings.update', { collection: { maxAmount: 49_856 } });
    const lid = member(t, { name: 'Lid', mandate: { reference: 'ZWA-1' }, discountAmount: 1 });
    const item = invoice(t, lid, 149_566);
    const credit = creditNote(t, lid, item, 49_855);
    const p = call(t.ctx, 'collections.propose', { mergeSameDate: false });
    expect(p.debits.map((d) => [d.amount, d.items.map((i) => i.part)])).toEqual([[49_855, ['1/3']], [49_854, ['2/3']], [49_854, ['3/3']]]);
    expect(p.excluded.find((x) => x.itemId === credit)?.reason).toBe('credit');
    const batch = call(t.ctx, 'collections.create', { mergeSameDate: false });
    expect(batch.controlSum).toBe(149_566 - 3);
    await filesOf(batch.id);
    booksAgree();
  });

  it('leave a member out with "tegoed groter dan vordering" when the credit is larger', () => {
    const bas = member(t, { name: 'Bas Smit', mandate: { reference: 'ZWA-2' } });
    const a = invoice(t, bas, 5_000);
    const b = invoice(t, bas, 20_000, '2026-10-01');
    creditNote(t, bas, b, 20_000);
    call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: 7_500 }, { accountCode: '1300', debtorId: bas, credit: 7_500 }] });
    void a;
    const p = call(t.ctx, 'collections.propose', {});
    expect(p.debits).toEqual([]);
    const reasons = p.excluded.filter((x) => x.debtorName === 'Bas Smit').map((x) => x.reason);
    expect(new Set(reasons)).toEqual(new Set(['credit_exceeds']));
    expect(reasons.length).toBeGreaterThanOrEqual(3);
  });
});

describe('arrangements', () => {
  it('collects due instalments on their own dates; only those not yet due wait', () => {
    const hans = member(t, { name: 'Hans Vos', mandate: { reference: 'ZWA-8' } });
    const item = invoice(t, hans, 15_000, '2026-10-01');
    const [first, second, third] = call(t.ctx, 'items.split', { itemId: item, parts: [{ dueDate: '2026-11-01' }, { dueDate: '2026-12-01' }, { dueDate: '2027-01-01' }], arrangement: true }).itemIds;
    const p = call(t.ctx, 'collections.propose', { perDueDate: true, dueUpTo: '2026-12-08', includeNotDue: true });
    expect(p.debits.map((d) => [d.date, d.items.map((i) => i.itemId)])).toEqual([['2026-11-26', [first]], ['2026-12-01', [second]]]);
    expect(p.excluded.find((x) => x.itemId === third)?.reason).toBe('arrangement');
    // the instalments keep the invoice's date, so agreeing new dates does not look like a short notice
    expect(p.prenotification).toEqual([]);
  });

  it('split into instalments: the first due date defaults to the next possible date, not the past', () => {
    const hans = member(t, { name: 'Hans Vos', mandate: { reference: 'ZWA-8' } });
    const bob = member(t, { name: 'Bob', mandate: null });
    const item = invoice(t, hans, 15_000, '2026-10-01');
    const ids = call(t.ctx, 'items.split', { itemId: item, parts: [{}, {}, {}], arrangement: true }).itemIds;
    const due = (id: number) => call(t.ctx, 'items.list', { status: 'all', limit: 100 }).items.find((i) => i.id === id)!.dueDate;
    expect(ids.map(due)).toEqual(['2026-11-26', '2026-12-26', '2027-01-26']);
    const own = call(t.ctx, 'items.split', { itemId: invoice(t, bob, 1_000, '2026-10-01'), parts: [{}, {}], arrangement: false }).itemIds;
    expect(own.map(due)).toEqual(['2026-11-24', '2026-12-24']);
  });
});

describe('collection discount', () => {
  it('a percentage of what is collected after credits, a fixed amount once per debit', () => {
    const pct = member(t, { name: 'Procent', mandate: { reference: 'ZWA-P' }, discountPercent: 1_000 });
    const i1 = invoice(t, pct, 10_000);
    creditNote(t, pct, i1, 4_000);
    const fixed = member(t, { name: 'Vast', mandate: { reference: 'ZWA-F' }, discountAmount: 250 });
    invoice(t, fixed, 10_000);
    invoice(t, fixed, 5_000, '2026-11-02');
    const p = call(t.ctx, 'collections.propose', {});
    expect(p.debits.map((d) => [d.debtorName, d.gross, d.discount, d.amount])).toEqual([
      ['Procent', 6_000, 600, 5_400],
      ['Vast', 15_000, 250, 14_750],
    ]);
    const batch = call(t.ctx, 'collections.create', {});
    expect(batch.discountTotal).toBe(850);
    booksAgree();
  });
});

describe('the CLI', () => {
  it('shows netted credits, merged items and pre-notification flags, and saves only with --confirm-prenotification', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    const a = invoice(t, anna, 15_000);
    creditNote(t, anna, a, 5_000);
    invoiceOn(anna, 2_500, '2026-11-20', '2026-11-25');
    const file = t.file;
    t.ledger.close();
    const penning = cliOn(file);
      const dry = penning('collect', '--dry-run', '--lang', 'en');
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.json.debits).toHaveLength(1);
      expect(dry.json.debits[0]).toMatchObject({ amount: 12_500, credits: -5_000 });
      expect(dry.json.debits[0].items.map((i: { document: string }) => i.document)).toEqual(['2026-0001', '2026-0003', '2026-0002']);
      expect(dry.json.prenotification).toEqual([expect.objectContaining({ document: '2026-0003', noticeFrom: '2026-12-04' })]);
      expect(dry.stderr).toContain('--confirm-prenotification');

      const out = path.join(t.dir, 'incasso.xml');
      const refused = penning('collect', '--out', out);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/Fout: .*eerder geïncasseerd dan aangekondigd: 2026-0003/);
      expect(fs.existsSync(out)).toBe(false);

      const saved = penning('collect', '--out', out, '--confirm-prenotification');
      expect(saved.code, saved.stderr).toBe(0);
      expect(saved.json).toMatchObject({ transactions: 1, controlSum: 12_500 });
  }, 180_000);
});
