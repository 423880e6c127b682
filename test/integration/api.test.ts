import { afterEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { openInitializedLedger, openTempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('first run and settings', () => {
  it('starts empty and uninitialised', () => {
    t = openTempLedger();
    expect(call(t.ctx, 'ledger.status', {})).toEqual({ initialized: false, file: t.file, organisationName: null, language: 'nl', restoredLedger: null });
    expect(call(t.ctx, 'accounts.list', {})).toEqual([]);
  });

  it('initialises organisation, chart, journals and a normalised bank account', () => {
    t = openTempLedger();
    const settings = call(t.ctx, 'setup.initialize', {
      organisation: { name: '  Korfbalclub ’t Centrum ', street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Zeist', email: 'penningmeester@example.nl' },
      creditorId: 'nl51 zzz 405365330000',
      bankAccounts: [{ name: 'Rabo', iban: 'nl44 rabo 0123 4567 89', bic: 'rabonl2u' }],
    });
    expect(settings.initialized).toBe(true);
    expect(settings.organisation.name).toBe('Korfbalclub ’t Centrum');
    expect(settings.creditorId).toBe('NL51ZZZ405365330000');
    expect(settings.bankAccounts).toMatchObject([{ name: 'Rabo', iban: 'NL44RABO0123456789', bic: 'RABONL2U', collection: true, refunds: true, active: true }]);
    const accounts = call(t.ctx, 'accounts.list', {});
    const byRole = (role: string) => accounts.find((a) => a.roles.includes(role as never))?.name;
    expect(byRole('receivables')).toBe('Debiteuren');
    expect(byRole('collectionInTransit')).toBe('Incasso onderweg');
    expect(byRole('refundsPayable')).toBe('Terug te betalen');
    expect(byRole('writeOff')).toBe('Afgeboekte vorderingen');
    expect(call(t.ctx, 'journals.list', {}).map((j) => j.name)).toEqual(['Verkoop', 'Incasso', 'Bank', 'Memoriaal']);
    expect(settings.bankAccounts[0]!.ledgerAccountId).toBe(accounts.find((a) => a.roles.includes('bank'))!.id);
  });

  it('refuses a bad creditor id and a bad IBAN naming the field and rule, and writes nothing', () => {
    t = openTempLedger();
    expect(dispatch(t.ctx, 'setup.initialize', { organisation: { name: 'X' }, creditorId: 'NL98ZZZ999999990000' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'creditorId', rule: 'checksum', message: { en: 'creditorId: Creditor ID NL98ZZZ999999990000: check digits do not match' } },
    });
    expect(
      dispatch(t.ctx, 'setup.initialize', { organisation: { name: 'X' }, bankAccounts: [{ name: 'Bank', iban: 'NL91ABNA0417164301' }] }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'bankAccounts.0.iban',
        rule: 'checksum',
        message: { nl: 'bankAccounts.0.iban: IBAN NL91ABNA0417164301: de controlecijfers kloppen niet', en: 'bankAccounts.0.iban: IBAN NL91ABNA0417164301: check digits do not match' },
      },
    });
    expect(dispatch(t.ctx, 'setup.initialize', { organisation: { name: '   ' } })).toMatchObject({ ok: false, error: { field: 'organisation.name', rule: 'required' } });
    expect(call(t.ctx, 'ledger.status', {}).initialized).toBe(false);
  });

  it('updates settings and bank accounts', () => {
    t = openInitializedLedger();
    const s = call(t.ctx, 'settings.update', { creditorId: 'NL69ZZZ123456780000', defaultPaymentTermDays: 30, language: 'en' });
    expect(s).toMatchObject({ creditorId: 'NL69ZZZ123456780000', defaultPaymentTermDays: 30, language: 'en' });
    const added = call(t.ctx, 'bankAccounts.save', { name: 'Spaar', iban: 'NL20INGB0001234567', collection: false });
    expect(added).toMatchObject({ iban: 'NL20INGB0001234567', collection: false });
    const changed = call(t.ctx, 'bankAccounts.save', { id: added.id, name: 'Spaarrekening', iban: 'NL20INGB0001234567', active: false });
    expect(changed).toMatchObject({ id: added.id, name: 'Spaarrekening', active: false });
    expect(dispatch(t.ctx, 'bankAccounts.save', { name: 'Dubbel', iban: 'NL91ABNA0417164300' })).toMatchObject({ ok: false, error: { field: 'iban', rule: 'unique' } });
  });

  it('edits the chart of accounts and the roles', () => {
    t = openInitializedLedger();
    const kantine = call(t.ctx, 'accounts.save', { code: '8300', name: 'Kantineomzet', type: 'revenue' });
    expect(kantine).toMatchObject({ code: '8300', roles: [], balance: 0, active: true });
    const accounts = call(t.ctx, 'accounts.setRole', { role: 'otherRevenue', accountId: kantine.id });
    expect(accounts.find((a) => a.code === '8300')!.roles).toEqual(['otherRevenue']);
    expect(accounts.find((a) => a.code === '8100')!.roles).toEqual([]);
    expect(dispatch(t.ctx, 'accounts.save', { code: '1300', name: 'Dubbel', type: 'asset' })).toMatchObject({ ok: false, error: { field: 'code', rule: 'unique' } });
    const receivables = accounts.find((a) => a.code === '1300')!;
    expect(dispatch(t.ctx, 'accounts.save', { id: receivables.id, code: '1300', name: 'Debiteuren', type: 'asset', active: false })).toMatchObject({
      ok: false,
      error: { field: 'active', rule: 'role_in_use' },
    });
    const journal = call(t.ctx, 'journals.save', { code: 'KAS', name: 'Kas', kind: 'bank' });
    expect(journal).toMatchObject({ code: 'KAS', entryCount: 0 });
  });
});

describe('debtors (minimal record)', () => {
  it('creates, lists, searches and gets debtors', () => {
    t = openInitializedLedger();
    const a = call(t.ctx, 'debtors.create', { name: 'Jan van der Berg', email: 'jan@example.nl', iban: 'nl20 ingb 0001 2345 67' });
    const b = call(t.ctx, 'debtors.create', { name: 'Zoë in ’t Veld' });
    const c = call(t.ctx, 'debtors.create', { number: '2000', name: 'Kees Çelik' });
    expect([a.number, b.number, c.number]).toEqual(['1001', '1002', '2000']);
    expect(a.iban).toBe('NL20INGB0001234567');
    expect(call(t.ctx, 'debtors.create', { name: 'Volgende' }).number).toBe('2001');
    expect(call(t.ctx, 'debtors.list', {}).total).toBe(4);
    expect(call(t.ctx, 'debtors.list', { search: 'Zoë' }).debtors.map((d) => d.name)).toEqual(['Zoë in ’t Veld']);
    expect(call(t.ctx, 'debtors.list', { search: 'nl20 ingb' }).debtors.map((d) => d.id)).toEqual([a.id]);
    expect(call(t.ctx, 'debtors.get', { id: a.id })).toMatchObject({ name: 'Jan van der Berg', balance: 0 });
  });

  it('refuses a bad IBAN, a duplicate number and a bad e-mail', () => {
    t = openInitializedLedger();
    expect(dispatch(t.ctx, 'debtors.create', { name: 'X', iban: 'NL91ABNA0417164301' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'iban', rule: 'checksum' },
    });
    call(t.ctx, 'debtors.create', { number: '7', name: 'Y' });
    expect(dispatch(t.ctx, 'debtors.create', { number: '7', name: 'Z' })).toMatchObject({ ok: false, error: { field: 'number', rule: 'unique' } });
    expect(dispatch(t.ctx, 'debtors.create', { name: 'Z', email: 'geen-adres' })).toMatchObject({ ok: false, error: { field: 'email', rule: 'email' } });
    expect(dispatch(t.ctx, 'debtors.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(call(t.ctx, 'debtors.list', {}).total).toBe(1);
  });

  it('refuses debtors before the ledger is set up', () => {
    t = openTempLedger();
    expect(dispatch(t.ctx, 'debtors.create', { name: 'Te vroeg' })).toMatchObject({ ok: false, error: { code: 'conflict', rule: 'not_initialized' } });
  });
});

describe('dispatch', () => {
  it('answers unknown methods and wrong input types as data', () => {
    t = openTempLedger();
    expect(dispatch(t.ctx, 'debtors.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(dispatch(t.ctx, 'debtors.get', { id: 'een' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'id', rule: 'type' } });
    expect(dispatch(t.ctx, 'debtors.get', {})).toMatchObject({ ok: false, error: { code: 'validation', field: 'id', rule: 'required' } });
  });
});
