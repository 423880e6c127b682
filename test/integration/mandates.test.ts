import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

describe('debtor card', () => {
  it('keeps every field of the card and the default status', () => {
    const d = call(t.ctx, 'debtors.create', {
      name: 'Daan van ’t Hof',
      street: 'Kerkstraat 5',
      postalCode: '3511 AB',
      city: 'Utrecht',
      phone: '030-1234567',
      language: 'en',
      kind: 'person',
      paymentMethod: 'direct_debit',
      iban: 'NL20INGB0001234567',
      bic: 'INGBNL2A',
      accountHolder: 'M. van ’t Hof',
      consolidate: true,
      paymentTermDays: 30,
      notes: 'Betaalt voor zijn zoon',
    });
    expect(d).toMatchObject({
      number: '1001',
      language: 'en',
      paymentMethod: 'direct_debit',
      accountHolder: 'M. van ’t Hof',
      collect: true,
      consolidate: true,
      paymentTermDays: 30,
      statusName: 'Normaal',
      activeMandate: null,
    });
  });

  it('needs an IBAN for direct debit', () => {
    expect(dispatch(t.ctx, 'debtors.create', { name: 'X', paymentMethod: 'direct_debit' })).toMatchObject({
      ok: false,
      error: { field: 'iban', rule: 'required_for_direct_debit', message: { nl: 'Voor automatische incasso is een IBAN nodig' } },
    });
  });

  it('updates the card and refuses a taken number', () => {
    const a = call(t.ctx, 'debtors.create', { name: 'A' });
    call(t.ctx, 'debtors.create', { name: 'B' });
    const updated = call(t.ctx, 'debtors.update', { id: a.id, name: 'A. Jansen', city: 'Zeist' });
    expect(updated).toMatchObject({ id: a.id, number: a.number, name: 'A. Jansen', city: 'Zeist' });
    expect(dispatch(t.ctx, 'debtors.update', { id: a.id, number: '1002', name: 'A' })).toMatchObject({ ok: false, error: { field: 'number', rule: 'unique' } });
  });

  it('lets the treasurer edit the status table', () => {
    const statuses = call(t.ctx, 'debtorStatuses.list', {});
    expect(statuses.map((s) => s.name)).toEqual(['Normaal', 'Betalingsregeling', 'Herinnering', 'Aanmaning', 'Incassobureau', 'Oninbaar']);
    const next = call(t.ctx, 'debtorStatuses.save', { name: 'Opgezegd' });
    const opgezegd = next.find((s) => s.name === 'Opgezegd')!;
    expect(opgezegd.sortOrder).toBe(7);
    call(t.ctx, 'debtorStatuses.save', { id: opgezegd.id, name: 'Opgezegd', isDefault: true });
    expect(call(t.ctx, 'debtorStatuses.list', {}).filter((s) => s.isDefault).map((s) => s.name)).toEqual(['Opgezegd']);
    expect(call(t.ctx, 'debtors.create', { name: 'Nieuw' }).statusName).toBe('Opgezegd');
    expect(dispatch(t.ctx, 'debtorStatuses.save', { name: 'Aanmaning' })).toMatchObject({ ok: false, error: { field: 'name', rule: 'unique' } });
    const arrangement = statuses.find((s) => s.name === 'Betalingsregeling')!;
    const d = call(t.ctx, 'debtors.create', { name: 'Regeling', statusId: arrangement.id });
    expect(d.statusName).toBe('Betalingsregeling');
    expect(call(t.ctx, 'debtorStatuses.list', {}).find((s) => s.id === arrangement.id)!.debtorCount).toBe(1);
  });
});

describe('mandates', () => {
  function debtor(iban = 'NL20INGB0001234567') {
    return call(t.ctx, 'debtors.create', { name: 'Lid', paymentMethod: 'direct_debit', iban });
  }

  it('records a signed mandate, shows it on the card, and refuses a second active one', () => {
    // an organisation: it may hold a B2B mandate beside the CORE one
    const d = call(t.ctx, 'debtors.create', { name: 'Lid', paymentMethod: 'direct_debit', iban: 'NL20INGB0001234567', kind: 'business' });
    const m = call(t.ctx, 'mandates.save', { debtorId: d.id, reference: 'ZWA-1001', signedOn: '2025-09-01' });
    expect(m).toMatchObject({ reference: 'ZWA-1001', type: 'recurring', scheme: 'CORE', status: 'active', amendmentPending: false });
    expect(call(t.ctx, 'debtors.get', { id: d.id }).activeMandate).toBe('ZWA-1001');
    expect(dispatch(t.ctx, 'mandates.save', { debtorId: d.id, reference: 'ZWA-1001-B', signedOn: '2025-10-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', rule: 'active_mandate_exists' },
    });
    const b2b = call(t.ctx, 'mandates.save', { debtorId: d.id, reference: 'ZWA-1001-B2B', signedOn: '2025-10-01', scheme: 'B2B' });
    expect(b2b.scheme).toBe('B2B');
  });

  it.each([
    ['', 'required'],
    ['ZWA 1001', 'charset'],
    ['Zoë-1', 'charset'],
    ['/ZWA1', 'slashes'],
    ['ZWA//1', 'slashes'],
    ['A'.repeat(36), 'max'],
  ])('refuses reference %j (%s)', (reference, rule) => {
    const d = debtor();
    expect(dispatch(t.ctx, 'mandates.save', { debtorId: d.id, reference, signedOn: '2025-09-01' })).toMatchObject({ ok: false, error: { field: 'reference', rule } });
  });

  it('refuses a duplicate reference and a signature date in the future', () => {
    const a = debtor();
    const b = debtor('NL44RABO0123456789');
    call(t.ctx, 'mandates.save', { debtorId: a.id, reference: 'M1', signedOn: '2025-09-01' });
    expect(dispatch(t.ctx, 'mandates.save', { debtorId: b.id, reference: 'M1', signedOn: '2025-09-01' })).toMatchObject({ ok: false, error: { field: 'reference', rule: 'unique' } });
    expect(dispatch(t.ctx, 'mandates.save', { debtorId: b.id, reference: 'M2', signedOn: '2026-12-01' })).toMatchObject({ ok: false, error: { field: 'signedOn', rule: 'future' } });
  });

  it('records an IBAN or reference change after a collection as an amendment, once, and forgets a change back', () => {
    const d = debtor('NL20INGB0001234567');
    const m = call(t.ctx, 'mandates.save', { debtorId: d.id, reference: 'M1', signedOn: '2025-09-01' });
    // Before any collection the bank knows no old value: nothing to report.
    call(t.ctx, 'debtors.update', { id: d.id, name: 'Lid', paymentMethod: 'direct_debit', iban: 'NL44RABO0123456789' });
    expect(call(t.ctx, 'mandates.list', { debtorId: d.id })[0]!.amendmentPending).toBe(false);

    t.ledger.db.prepare("UPDATE mandates SET last_collected_on = '2026-10-01' WHERE id = ?").run(m.id);
    call(t.ctx, 'debtors.update', { id: d.id, name: 'Lid', paymentMethod: 'direct_debit', iban: 'NL91ABNA0417164300' });
    call(t.ctx, 'debtors.update', { id: d.id, name: 'Lid', paymentMethod: 'direct_debit', iban: 'NL02ABNA0123456789' });
    let [mandate] = call(t.ctx, 'mandates.list', { debtorId: d.id });
    expect(mandate).toMatchObject({ amendmentPending: true, originalIban: 'NL44RABO0123456789', originalReference: null });

    call(t.ctx, 'mandates.save', { id: m.id, debtorId: d.id, reference: 'M1-NEW', signedOn: '2025-09-01' });
    [mandate] = call(t.ctx, 'mandates.list', { debtorId: d.id });
    expect(mandate).toMatchObject({ reference: 'M1-NEW', originalReference: 'M1', originalIban: 'NL44RABO0123456789', amendmentPending: true });

    call(t.ctx, 'debtors.update', { id: d.id, name: 'Lid', paymentMethod: 'direct_debit', iban: 'NL44RABO0123456789' });
    call(t.ctx, 'mandates.save', { id: m.id, debtorId: d.id, reference: 'M1', signedOn: '2025-09-01' });
    [mandate] = call(t.ctx, 'mandates.list', { debtorId: d.id });
    expect(mandate).toMatchObject({ originalReference: null, originalIban: null, amendmentPending: false });
  });

  it('revokes a mandate for good', () => {
    const d = debtor();
    const m = call(t.ctx, 'mandates.save', { debtorId: d.id, reference: 'M1', signedOn: '2025-09-01' });
    expect(call(t.ctx, 'mandates.revoke', { id: m.id, date: '2026-11-01' })).toMatchObject({ status: 'revoked', endedOn: '2026-11-01' });
    expect(call(t.ctx, 'debtors.get', { id: d.id }).activeMandate).toBeNull();
    expect(dispatch(t.ctx, 'mandates.revoke', { id: m.id })).toMatchObject({ ok: false, error: { rule: 'not_active' } });
    expect(dispatch(t.ctx, 'mandates.save', { id: m.id, debtorId: d.id, reference: 'M9', signedOn: '2025-09-01' })).toMatchObject({ ok: false, error: { rule: 'not_active' } });
  });

  it('expires recurring mandates unused for 36 months, and only those', () => {
    const refs = ['OLD-SIGNED', 'OLD-USED', 'RECENT-USED', 'ONE-OFF'];
    const ids = refs.map((reference, i) => {
      const d = debtor(['NL20INGB0001234567', 'NL44RABO0123456789', 'NL91ABNA0417164300', 'NL02ABNA0123456789'][i]);
      return call(t.ctx, 'mandates.save', { debtorId: d.id, reference, signedOn: '2020-01-10', type: reference === 'ONE-OFF' ? 'one_off' : 'recurring' }).id;
    });
    t.ledger.db.prepare("UPDATE mandates SET last_collected_on = '2023-11-24' WHERE id = ?").run(ids[1]);
    t.ledger.db.prepare("UPDATE mandates SET last_collected_on = '2023-11-25' WHERE id = ?").run(ids[2]);
    expect(call(t.ctx, 'mandates.expireStale', { today: '2026-11-24' })).toEqual({ expired: ['OLD-SIGNED', 'OLD-USED'] });
    expect(call(t.ctx, 'mandates.expireStale', { today: '2026-11-24' })).toEqual({ expired: [] });
    const statuses = ids.map((id) => (t.ledger.db.prepare('SELECT status FROM mandates WHERE id = ?').get(id) as { status: string }).status);
    expect(statuses).toEqual(['expired', 'expired', 'active', 'active']);
  });
});
