import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { toSepaText } from '../../shared/sepaText';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

/** Issue 8 §1 and §6: what a bank file cannot carry is refused where it is typed in, with the field named. */
let t: TestLedger;
beforeEach(() => (t = openInitializedLedger()));
afterEach(() => t.close());

const card = { country: 'NL', paymentMethod: 'direct_debit' as const, iban: 'NL20INGB0001234567' };
const refused = (method: string, input: unknown) => {
  const r = dispatch(t.ctx, method, input);
  if (r.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  return r.error;
};

describe('names in every script a Dutch club meets', () => {
  it.each([
    ['张伟', 'ZhangWei'],
    ['Дмитрий Иванов', 'Dmitriy Ivanov'],
    ['Γιώργος Παπαδόπουλος', 'Giorgos Papadopoylos'],
    ['محمد علي', "mhmd 'ly"],
    ['Şükrü Öztürk', 'Sukru Ozturk'],
    ['Łukasz Żółć', 'Lukasz Zolc'],
    ['Nguyễn Thị Minh Khai', 'Nguyen Thi Minh Khai'],
    ['Jürgen Groß', 'Jurgen Gross'],
    ['IJsclub Ĳsselstein', 'IJsclub IJsselstein'],
  ])('%s becomes %s, never empty', (name, expected) => {
    expect(toSepaText(name, 70)).toBe(expected);
  });

  it('refuses a name with nothing a bank can read on the card, naming the field', () => {
    const e = refused('debtors.create', { ...card, name: '??? ???' });
    expect(e).toMatchObject({ code: 'validation', field: 'name', rule: 'sepa_text' });
    expect(e.message.nl).toContain('Naam "??? ???"');
    expect(refused('debtors.create', { ...card, name: 'Piet', accountHolder: '🙂🙂' })).toMatchObject({ field: 'accountHolder', rule: 'sepa_text' });
    expect(call(t.ctx, 'debtors.list', { limit: 10 }).total).toBe(0);
    expect(call(t.ctx, 'debtors.create', { ...card, name: '张伟' }).name).toBe('张伟');
  });

  it('refuses such an organisation name and remittance text in the settings', () => {
    expect(refused('settings.update', { organisation: { name: '—…—' } })).toMatchObject({ field: 'organisation.name', rule: 'sepa_text' });
    expect(refused('settings.update', { collection: { remittanceTemplate: '{naam} ★★★' } })).toMatchObject({ field: 'collection.remittanceTemplate', rule: 'sepa_text' });
    expect(call(t.ctx, 'settings.update', { collection: { remittanceTemplate: '{vereniging} {omschrijving}' } }).collection.remittanceTemplate).toBe('{vereniging} {omschrijving}');
    expect(call(t.ctx, 'settings.update', { organisation: { name: 'Спортивный клуб' } }).organisation.name).toBe('Спортивный клуб');
  });
});

describe('BIC and country rules', () => {
  it('refuses a BIC of another bank than the IBAN, for Dutch IBANs by bank code and elsewhere by country', () => {
    expect(refused('debtors.create', { ...card, name: 'A', bic: 'RABONL2U' })).toMatchObject({ field: 'bic', rule: 'bic_bank' });
    expect(refused('debtors.create', { ...card, name: 'A', iban: 'DE89370400440532013000', bic: 'INGBNL2A' })).toMatchObject({ field: 'bic', rule: 'bic_country' });
    expect(call(t.ctx, 'debtors.create', { ...card, name: 'A', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }).bic).toBe('COBADEFFXXX');
    expect(refused('bankAccounts.save', { name: 'Spaar', iban: 'NL44RABO0123456789', bic: 'INGBNL2A' })).toMatchObject({ field: 'bic', rule: 'bic_bank' });
  });

  it('clears the BIC when the IBAN moves to another bank, keeps it within the same bank', () => {
    const d = call(t.ctx, 'debtors.create', { ...card, name: 'A', bic: 'INGBNL2A' });
    const same = call(t.ctx, 'debtors.update', { ...card, id: d.id, name: 'A', iban: 'NL86INGB0002445588', bic: 'INGBNL2A' });
    expect(same.bic).toBe('INGBNL2A');
    const moved = call(t.ctx, 'debtors.update', { ...card, id: d.id, name: 'A', iban: 'NL44RABO0123456789', bic: 'INGBNL2A' });
    expect(moved).toMatchObject({ iban: 'NL44RABO0123456789', bic: null });
  });

  it('asks for BIC and address for a debtor in a SEPA country outside the EEA', () => {
    const ch = { ...card, name: 'Heidi Keller', iban: 'CH9300762011623852957' };
    expect(refused('debtors.create', ch)).toMatchObject({ field: 'bic', rule: 'required_outside_eea' });
    expect(refused('debtors.create', { ...ch, bic: 'POFICHBEXXX' })).toMatchObject({ field: 'street', rule: 'address_outside_eea' });
    expect(refused('debtors.create', { ...card, name: 'Jersey', country: 'JE', street: 'Rue 1', city: 'St Helier' })).toMatchObject({ field: 'bic', rule: 'required_outside_eea' });
    expect(call(t.ctx, 'debtors.create', { ...ch, bic: 'POFICHBEXXX', street: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zürich', country: 'CH' }).bic).toBe('POFICHBEXXX');
    const gb = call(t.ctx, 'debtors.create', { ...card, name: 'Ann', iban: 'GB29NWBK60161331926819', bic: 'NWBKGB2L', street: '1 High St', city: 'London', country: 'GB' });
    // a move to another British bank drops the old BIC, and the card then asks for the new one
    expect(refused('debtors.update', { ...card, id: gb.id, name: 'Ann', iban: 'GB33BUKB20201555555555', bic: 'NWBKGB2L', street: '1 High St', city: 'London', country: 'GB' })).toMatchObject({ field: 'bic', rule: 'required_outside_eea' });
  });

  it('leaves a card from before the rule (CH account without BIC) out of the proposal with the reason', () => {
    const d = call(t.ctx, 'debtors.create', { ...card, name: 'Heidi', bic: 'POFICHBEXXX', iban: 'CH9300762011623852957', street: 'Bahnhofstrasse 1', city: 'Zürich', country: 'CH' });
    call(t.ctx, 'mandates.save', { debtorId: d.id, reference: 'ZW-CH', signedOn: '2025-01-01' });
    const draft = call(t.ctx, 'invoices.createDraft', { debtorId: d.id, invoiceDate: '2026-09-01', dueDate: '2026-11-01', description: 'Contributie', lines: [{ description: 'Contributie', unitPrice: 15_000 }] });
    call(t.ctx, 'invoices.post', { id: draft.id });
    t.ctx.db.prepare('UPDATE debtors SET bic = NULL WHERE id = ?').run(d.id); // as a card saved before the rule
    const plan = call(t.ctx, 'collections.propose', { collectionDate: '2026-11-26' });
    expect(plan.debits).toEqual([]);
    expect(plan.excluded.map((x) => x.reason)).toEqual(['missing_bic_address']);
  });

  it('refuses a creditor id of a country outside SEPA and an IBAN whose layout does not fit its country', () => {
    expect(refused('settings.update', { creditorId: 'US50ZZZ123456789' })).toMatchObject({ field: 'creditorId', rule: 'country' });
    expect(refused('debtors.create', { ...card, name: 'A', iban: 'DE89370400440532013000'.replace('3704', 'AB04') })).toMatchObject({ field: 'iban' });
    // a Belgian account number carries its own check (ibantools knows it): the IBAN check digits alone are not enough
    expect(refused('debtors.create', { ...card, name: 'A', iban: 'BE15539107547034' })).toMatchObject({ field: 'iban', rule: 'national_checksum' });
  });

  it('B2B only for organisations', () => {
    const person = call(t.ctx, 'debtors.create', { ...card, name: 'Piet' });
    expect(refused('mandates.save', { debtorId: person.id, reference: 'B2B-1', signedOn: '2025-01-01', scheme: 'B2B' })).toMatchObject({ field: 'scheme', rule: 'b2b_business_only' });
    const firm = call(t.ctx, 'debtors.create', { ...card, name: 'Bakkerij BV', kind: 'business' });
    expect(call(t.ctx, 'mandates.save', { debtorId: firm.id, reference: 'B2B-2', signedOn: '2025-01-01', scheme: 'B2B' }).scheme).toBe('B2B');
  });
});

describe('member import', () => {
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
  it('refuses a row whose name has nothing usable and warns when a Windows-1252 file lost letters', () => {
    const cp1252 = Buffer.from('Lidnummer;Naam;IBAN;Machtigingskenmerk;Datum machtiging\r\n1;Jos\u00e9 ? Garc?a;NL20INGB0001234567;M-1;01-01-2024\r\n2;?? ??;NL44RABO0123456789;M-2;01-01-2024\r\n3;Dani\u00ebl;NL02ABNA0123456789;;\r\n', 'latin1');
    const r = call(t.ctx, 'imports.members.commit', { content: b64(cp1252) });
    expect(r.encoding).toBe('windows-1252');
    expect(r.created).toBe(2);
    expect(r.rejected).toEqual([expect.objectContaining({ line: 3, field: 'name', column: 'Naam' })]);
    expect(r.warnings).toEqual([expect.objectContaining({ line: 2, field: 'name', column: 'Naam' })]);
    expect(r.warnings[0]!.message.nl).toContain('Windows-1252');
    const utf8 = call(t.ctx, 'imports.members.preview', { content: b64('Lidnummer;Naam\n7;Дмитрий\n8;Wat?\n') });
    expect([utf8.rejected, utf8.warnings]).toEqual([[], []]);
  });
});
