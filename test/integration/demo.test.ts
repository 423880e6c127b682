import { afterEach, describe, expect, it } from 'vitest';
import { entriesWithoutLines, receivableLinesWithoutDebtor, subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatch } from '../../electron/api';
import { generateDemoClub } from '../../electron/demo/demoClub';
import { validateCreditorId } from '../../shared/creditorId';
import { validateIban } from '../../shared/iban';
import { openTempLedger, type TestLedger } from '../helpers/ledger';

describe('demo club data', () => {
  const club = generateDemoClub();

  it('is deterministic per seed', () => {
    expect(generateDemoClub()).toEqual(club);
    expect(generateDemoClub(7).members).not.toEqual(club.members);
  });

  it('has about 300 believable members with unique, valid identifiers', () => {
    expect(club.members.length).toBeGreaterThanOrEqual(280);
    expect(club.members.length).toBeLessThanOrEqual(320);
    for (const key of ['number', 'name', 'email', 'iban'] as const) {
      expect(new Set(club.members.map((m) => m[key])).size, key).toBe(club.members.length);
    }
    for (const m of club.members) expect(validateIban(m.iban), m.iban).toEqual({ ok: true, value: m.iban });
    expect(new Set(club.members.map((m) => m.iban.slice(4, 8))).size).toBeGreaterThanOrEqual(5);
    expect(club.members.some((m) => / (van|de|van der|van den|ter|in ’t|’t) /.test(m.name))).toBe(true);
    expect(club.members.some((m) => /[^\x00-\x7f]/.test(m.name))).toBe(true);
    expect(club.members.every((m) => /^[a-z0-9.]+@example\.nl$/.test(m.email))).toBe(true);
    expect(validateCreditorId(club.organisation.creditorId).ok).toBe(true);
  });

  it('has about 40 opening balances in whole cents, some of them credit balances', () => {
    const numbers = new Set(club.members.map((m) => m.number));
    expect(club.openingBalances.length).toBeGreaterThanOrEqual(35);
    expect(club.openingBalances.length).toBeLessThanOrEqual(45);
    for (const b of club.openingBalances) {
      expect(Number.isSafeInteger(b.amount) && b.amount !== 0).toBe(true);
      expect(numbers.has(b.memberNumber)).toBe(true);
    }
    expect(club.openingBalances.some((b) => b.amount < 0)).toBe(true);
  });
});

describe('seeding the demo club into a ledger', () => {
  let t: TestLedger;
  afterEach(() => t.close());

  it('books opening balances in Memoriaal so the sub-ledger equals the control account', () => {
    t = openTempLedger();
    const result = call(t.ctx, 'setup.demo', {});
    const club = generateDemoClub();
    expect(result.members).toBe(club.members.length);
    expect(result.settings.creditorId).toBe(club.organisation.creditorId);
    expect(result.settings.bankAccounts).toHaveLength(2);

    const memorial = call(t.ctx, 'entries.list', { journalCode: 'MEM', limit: 1000 });
    expect(memorial.total).toBe(club.openingBalances.length);
    expect(unbalancedEntries(t.ledger.db)).toEqual([]);
    expect(entriesWithoutLines(t.ledger.db)).toEqual([]);
    expect(receivableLinesWithoutDebtor(t.ledger.db)).toEqual([]);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    const control = call(t.ctx, 'accounts.list', {}).find((a) => a.roles.includes('receivables'))!.balance;
    expect(call(t.ctx, 'items.list', { limit: 5000 }).totalBalance).toBe(control);
  });

  it('holds a living season: fee runs, payments, credit notes, two arrangements, mandates in every state', () => {
    t = openTempLedger();
    call(t.ctx, 'setup.demo', {});
    const runs = call(t.ctx, 'feeRuns.list', {});
    expect(runs.map((r) => r.description)).toEqual(['Kersttoernooi 2026', 'Competitiebijdrage najaar 2026', 'Contributie 2026-2027 junioren', 'Contributie 2026-2027 senioren']);
    expect(runs.reduce((s, r) => s + r.counts.posted, 0)).toBeGreaterThan(400);
    const open = call(t.ctx, 'items.list', { limit: 5000 });
    expect(open.items.filter((i) => i.status === 'arrangement')).toHaveLength(6);
    expect(new Set(open.items.filter((i) => i.status === 'arrangement').map((i) => i.debtorId)).size).toBe(2);
    expect(open.items.some((i) => i.daysOverdue > 60)).toBe(true);
    expect(open.items.some((i) => i.dueDate > '2026-12-01')).toBe(true);
    const closed = call(t.ctx, 'items.list', { status: 'closed', limit: 5000 }).items;
    expect(closed.filter((i) => i.status === 'settled').length).toBeGreaterThan(100);
    expect(open.items.filter((i) => i.sourceType === 'credit_note').length).toBeGreaterThanOrEqual(5);
    const mandateStates = t.ledger.db.prepare('SELECT status, COUNT(*) AS n FROM mandates GROUP BY status ORDER BY status').all();
    expect(mandateStates).toEqual([
      { status: 'active', n: expect.any(Number) },
      { status: 'expired', n: expect.any(Number) },
      { status: 'revoked', n: expect.any(Number) },
    ]);
    const transfer = call(t.ctx, 'debtors.list', { limit: 1000 }).debtors.filter((d) => d.paymentMethod === 'transfer').length;
    expect(transfer).toBe(30);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);

    const debtors = call(t.ctx, 'debtors.list', { limit: 1000 }).debtors;
    const subLedger = debtors.reduce((s, d) => s + d.balance, 0);
    const control = call(t.ctx, 'accounts.list', {}).find((a) => a.roles.includes('receivables'))!.balance;
    expect(subLedger).toBe(control);

    const overview = call(t.ctx, 'overview.get', {});
    expect(overview.receivables - overview.creditBalances).toBe(control);
  });

  it('is refused in a ledger that is already set up', () => {
    t = openTempLedger();
    call(t.ctx, 'setup.demo', {});
    expect(dispatch(t.ctx, 'setup.demo', {})).toMatchObject({ ok: false, error: { code: 'conflict', rule: 'already_initialized' } });
  });
});
