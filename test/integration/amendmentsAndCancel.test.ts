import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { checkPain008Files } from '../checkers/pain008Rules';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';

/** Issue 8 §4, §5 and §8: amendments as the bank last saw them, cancelling without rewinding, BtchBookg. */
let t: TestLedger;
beforeEach(() => (t = openInitializedLedger()));
afterEach(() => t.close());

const debitsOf = (batchId: number) => checkPain008Files([call(t.ctx, 'batches.file', { id: batchId }).xml]).debits;
const mandateOf = (debtorId: number) => call(t.ctx, 'mandates.list', { debtorId })[0]!;
function changeIban(id: number, iban: string): void {
  const c = call(t.ctx, 'debtors.get', { id });
  call(t.ctx, 'debtors.update', { id, name: c.name, paymentMethod: c.paymentMethod, iban, country: c.country });
}

describe('amendments', () => {
  it('a change made while a batch is out is still reported when that batch is cancelled', () => {
    const d = member(t, { name: 'Anna', iban: 'NL20INGB0001234567', mandate: { reference: 'ZW-1' } });
    invoice(t, d, 15_000, '2026-11-01');
    call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    invoice(t, d, 2_000, '2026-11-20');
    const out = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    changeIban(d, 'NL86INGB0002445588');
    call(t.ctx, 'batches.cancel', { id: out.id, reason: 'Verkeerd bedrag' });
    const next = call(t.ctx, 'collections.create', { collectionDate: '2026-11-30' });
    expect(debitsOf(next.id)[0]!.amendment).toMatchObject({ originalIban: 'NL20INGB0001234567', smnda: false });
  });

  it('reports an amendment once: a later change reports the value of the last file, not the first', () => {
    const d = member(t, { name: 'Anna', iban: 'NL20INGB0001234567', mandate: { reference: 'ZW-1' } });
    invoice(t, d, 15_000, '2026-11-01');
    call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    changeIban(d, 'NL86INGB0002445588');
    invoice(t, d, 2_000, '2026-11-20');
    const second = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    expect(debitsOf(second.id)[0]!.amendment).toMatchObject({ originalIban: 'NL20INGB0001234567' });
    expect(mandateOf(d)).toMatchObject({ originalIban: null, amendmentPending: false });
    invoice(t, d, 3_000, '2026-11-25');
    const third = call(t.ctx, 'collections.create', { collectionDate: '2026-11-30' });
    expect(debitsOf(third.id)[0]!.amendment).toBeNull();
    changeIban(d, 'NL45INGB5305055116');
    invoice(t, d, 4_000, '2026-11-25');
    const fourth = call(t.ctx, 'collections.create', { collectionDate: '2026-12-01' });
    expect(debitsOf(fourth.id)[0]!.amendment).toMatchObject({ originalIban: 'NL86INGB0002445588' });
  });

  it.each([
    // the BLZ is 8 digits: 37040044 and 37040000 are other banks although positions 5-8 agree
    ['DE89370400440532013000', 'DE04370400000532013000', true],
    // the Belgian bank code is 3 digits: 539 both times, although position 8 differs
    ['BE68539007547034', 'BE62539107547061', false],
  ])('SMNDA by the bank code of the IBAN in each country, not fixed positions: %s -> %s', (from, to, smnda) => {
    const d = member(t, { name: 'Jürgen', iban: from, mandate: { reference: 'ZW-X' } });
    invoice(t, d, 15_000, '2026-11-01');
    call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    changeIban(d, to);
    invoice(t, d, 2_000, '2026-11-20');
    const b = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    expect(debitsOf(b.id)[0]!.amendment).toMatchObject(smnda ? { smnda: true, originalIban: undefined } : { smnda: false, originalIban: from });
  });

  it("reports a change of the club's creditor id once per mandate", () => {
    const d = member(t, { name: 'Anna', mandate: { reference: 'ZW-1' } });
    invoice(t, d, 15_000, '2026-11-01');
    call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    call(t.ctx, 'settings.update', { creditorId: 'NL69ZZZ123456780000' });
    invoice(t, d, 2_000, '2026-11-20');
    const b2 = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    const xml = call(t.ctx, 'batches.file', { id: b2.id }).xml;
    expect(xml).toContain('<OrgnlCdtrSchmeId><Id><PrvtId><Othr><Id>NL51ZZZ405365330000</Id>');
    invoice(t, d, 3_000, '2026-11-25');
    const b3 = call(t.ctx, 'collections.create', { collectionDate: '2026-11-30' });
    expect(call(t.ctx, 'batches.file', { id: b3.id }).xml).not.toContain('OrgnlCdtrSchmeId');
  });
});

describe('cancelling an older batch', () => {
  it('never rewinds a mandate a newer saved batch still uses', () => {
    call(t.ctx, 'settings.update', { collection: { firstAsFrst: true } });
    const d = member(t, { name: 'Anna', mandate: { reference: 'ZW-1', signedOn: '2026-10-01' } });
    invoice(t, d, 15_000, '2026-11-01');
    const older = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    invoice(t, d, 2_000, '2026-11-20');
    const newer = call(t.ctx, 'collections.create', { collectionDate: '2026-11-30' });
    expect(debitsOf(newer.id)[0]!.sequenceType).toBe('RCUR');
    call(t.ctx, 'batches.cancel', { id: older.id, reason: 'Te vroeg' });
    expect(mandateOf(d).lastCollectedOn).toBe('2026-11-30');
    const again = call(t.ctx, 'collections.create', { collectionDate: '2026-12-01' });
    expect(debitsOf(again.id)[0]!.sequenceType).toBe('RCUR');
    // and the newest cancelled: the one before still stands
    call(t.ctx, 'batches.cancel', { id: again.id, reason: 'x' });
    expect(mandateOf(d).lastCollectedOn).toBe('2026-11-30');
    call(t.ctx, 'batches.cancel', { id: newer.id, reason: 'x' });
    expect(mandateOf(d).lastCollectedOn).toBeNull();
  });
});

describe('BtchBookg', () => {
  it('follows the bank account setting and stays as saved on a re-save', async () => {
    const bank = call(t.ctx, 'settings.get', {}).bankAccounts[0]!;
    expect(bank.batchBooking).toBe(true);
    call(t.ctx, 'bankAccounts.save', { ...bank, bic: undefined, batchBooking: false });
    invoice(t, member(t, { name: 'Anna', mandate: { reference: 'ZW-1' } }), 15_000);
    const b = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    const xml = call(t.ctx, 'batches.file', { id: b.id }).xml;
    expect(xml).toContain('<PmtMtd>DD</PmtMtd><BtchBookg>false</BtchBookg>');
    expect(await xsdErrors(xml)).toEqual([]);
    call(t.ctx, 'bankAccounts.save', { ...bank, bic: undefined, batchBooking: true });
    expect(call(t.ctx, 'batches.file', { id: b.id }).sha256).toBe(b.fileHashes[0]);
  });
});
