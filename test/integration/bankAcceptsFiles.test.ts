import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { subLedgerMismatches } from '../../db/checks';
import { call } from '../../electron/api';
import { markLedgerRestored } from '../../electron/backups/restored';
import { createContext } from '../../electron/context';
import { makeCreditorId } from '../../shared/creditorId';
import { makeIban } from '../../shared/iban';
import { checkPain008Files } from '../checkers/pain008Rules';
import { invoice, member } from '../helpers/club';
import { FIXED_NOW, openInitializedLedger, openTempLedger, type TestLedger } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';

/**
 * Issue 8, "Done when": collection files of the demo club and of a club with members in every
 * script, one-off mandates, amendments twice over, Swiss and British members and a restored
 * backup pass the XSD and the independent check of the Dutch rules (test/checkers).
 */
let t: TestLedger;
afterEach(() => t?.close());

function filesOf(batchId: number): string[] {
  const b = call(t.ctx, 'batches.get', { id: batchId, limit: 1 }).batch;
  return Array.from({ length: b.fileCount }, (_, i) => call(t.ctx, 'batches.file', { id: batchId, fileNo: i + 1 }).xml);
}

async function bankAccepts(files: string[]): Promise<void> {
  for (const xml of files) expect(await xsdErrors(xml)).toEqual([]);
  expect(checkPain008Files(files).errors).toEqual([]);
}

function update(id: number, change: { iban: string }): void {
  const c = call(t.ctx, 'debtors.get', { id });
  const opt = (v: string | null) => v ?? undefined;
  call(t.ctx, 'debtors.update', {
    ...c, email: opt(c.email), phone: opt(c.phone), street: opt(c.street), postalCode: opt(c.postalCode), city: opt(c.city), bic: opt(c.bic),
    accountHolder: opt(c.accountHolder), notes: opt(c.notes), statusId: c.statusId ?? undefined, ...change,
  });
}

function renameMandate(debtorId: number, reference: string): void {
  const m = call(t.ctx, 'mandates.list', { debtorId }).find((x) => x.status === 'active')!;
  call(t.ctx, 'mandates.save', { id: m.id, debtorId, reference, signedOn: m.signedOn, type: m.type, scheme: m.scheme });
}

describe('files a bank accepts', () => {
  it('the demo club', async () => {
    t = openTempLedger();
    call(t.ctx, 'setup.demo', {});
    const batch = call(t.ctx, 'collections.create', {});
    expect(batch.transactionCount).toBeGreaterThan(100);
    await bankAccepts(filesOf(batch.id));
  });

  it('every script, one-off mandates, amendments twice over, CH and GB members, and a restored backup', async () => {
    t = openInitializedLedger();
    call(t.ctx, 'settings.update', { organisation: { name: 'Σύλλογος De Zwaluwen' }, collection: { firstAsFrst: true, remittanceTemplate: '{vereniging} {naam} {omschrijving}' } });
    const names = ['张伟', 'Дмитрий Иванов', 'Γιώργος Παπαδόπουλος', 'محمد علي', 'Şükrü Öztürk', 'Łukasz Żółć', 'Nguyễn Thị Minh Khai'];
    const ibans = ['NL20INGB0001234567', 'NL44RABO0123456789', 'NL02ABNA0123456789', 'NL39RABO0300065264', 'NL86INGB0002445588', 'NL71RABO5901576359', 'NL45INGB5305055116'];
    const ids = names.map((name, i) => member(t, { name, iban: ibans[i], mandate: { reference: `ZW-${i + 1}` } }));
    const once = [member(t, { name: 'Ольга Эйнмалиг', iban: 'NL73RABO8435206720', mandate: { reference: 'ZW-OOFF-1', type: 'one_off' } })];
    const swiss = call(t.ctx, 'debtors.create', { name: 'Heidi Müller', paymentMethod: 'direct_debit', iban: 'CH9300762011623852957', bic: 'POFICHBEXXX', street: 'Bahnhofstrasse 12', postalCode: '8001', city: 'Zürich', country: 'CH' }).id;
    const british = call(t.ctx, 'debtors.create', { name: 'Siobhán O’Neill', paymentMethod: 'direct_debit', iban: 'GB29NWBK60161331926819', bic: 'NWBKGB2L', street: '1 High Street', postalCode: 'SW1A 1AA', city: 'London', country: 'GB' }).id;
    for (const [i, d] of [swiss, british].entries()) call(t.ctx, 'mandates.save', { debtorId: d, reference: `ZW-X${i}`, signedOn: '2024-01-15' });
    const everyone = [...ids, ...once, swiss, british];
    for (const d of everyone) invoice(t, d, 15_000, '2026-11-01', 'Contributie 2026 – 2027');

    const b1 = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    const f1 = filesOf(b1.id);
    expect(f1.join('')).toContain('<Nm>ZhangWei</Nm>');
    expect(f1.join('')).toContain('<PstlAdr><Ctry>CH</Ctry><AdrLine>Bahnhofstrasse 12</AdrLine><AdrLine>8001 Zurich</AdrLine></PstlAdr>');

    // first round of amendments: same bank, other bank, new mandate reference, and the club's new creditor id
    update(ids[0]!, { iban: makeIban('NL', 'INGB0123456789') });
    update(ids[2]!, { iban: makeIban('NL', 'RABO0123459876') });
    renameMandate(ids[1]!, 'ZW-2-B');
    const newCreditorId = makeCreditorId('NL', '123456780000');
    call(t.ctx, 'settings.update', { creditorId: newCreditorId });
    for (const d of everyone) invoice(t, d, 2_000 + d, '2026-11-20', 'Bardienst');
    const b2 = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    const f2 = filesOf(b2.id);
    const second = checkPain008Files([...f1, ...f2]).debits.filter((d) => d.file > f1.length);
    const of = (debits: typeof second, mandate: string) => debits.find((d) => d.mandateId === mandate)!;
    expect(of(second, 'ZW-1').amendment).toMatchObject({ originalIban: ibans[0], smnda: false, originalCreditorId: 'NL51ZZZ405365330000' });
    expect(of(second, 'ZW-3').amendment).toMatchObject({ smnda: true, originalIban: undefined });
    expect(of(second, 'ZW-2-B').amendment).toMatchObject({ originalMandateId: 'ZW-2' });
    expect(second.some((d) => d.mandateId === 'ZW-OOFF-1')).toBe(false);

    // second round: the originals are what the bank saw in the second file, not the first
    const backup = path.join(t.dir, 'backup.sqlite');
    t.ledger.db.exec(`VACUUM INTO '${backup}'`);
    update(ids[0]!, { iban: makeIban('NL', 'RABO0987654321') });
    renameMandate(ids[1]!, 'ZW-2-C');
    for (const d of everyone) invoice(t, d, 3_000 + d, '2026-11-25', 'Toernooi');
    const b3 = call(t.ctx, 'collections.create', { collectionDate: '2026-11-30' });
    const f3 = filesOf(b3.id);
    const third = checkPain008Files([...f1, ...f2, ...f3]).debits.filter((d) => d.file > f1.length + f2.length);
    expect(of(third, 'ZW-1').amendment).toMatchObject({ smnda: true });
    expect(of(third, 'ZW-2-C').amendment).toEqual({ originalMandateId: 'ZW-2-B', originalIban: undefined, smnda: false, originalCreditorId: undefined });
    expect(of(third, 'ZW-3').amendment).toBeNull();
    await bankAccepts([...f1, ...f2, ...f3]);

    // the treasurer restores the backup made before the third file: the same batch number comes
    // again, at the same moment even, but no id the bank already has
    t.ledger.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(t.file + suffix, { force: true });
    fs.copyFileSync(backup, t.file);
    const restored = openLedger(t.file);
    markLedgerRestored(restored.db, 'backup-voor-derde-batch.sqlite', FIXED_NOW);
    // one mark, both outputs: ledger.health says when and from which copy, the batch list warns
    expect(call(createContext(restored, () => FIXED_NOW), 'ledger.health', {})).toMatchObject({ restoredAt: FIXED_NOW.toISOString(), restoredFrom: 'backup-voor-derde-batch.sqlite' });
    t.ledger = restored;
    t.ctx = createContext(restored, () => FIXED_NOW);
    expect(call(t.ctx, 'ledger.status', {}).restoredLedger?.message.nl).toContain('teruggezet uit een back-up');
    expect(call(t.ctx, 'batches.list', {})[0]!.restoredLedger?.restoredAt).toBe(FIXED_NOW.toISOString());
    for (const d of everyone) invoice(t, d, 3_000 + d, '2026-11-25', 'Toernooi');
    const b3again = call(t.ctx, 'collections.create', { collectionDate: '2026-12-01' });
    expect(b3again.reference).toBe(b3.reference);
    const f3again = filesOf(b3again.id);
    await bankAccepts([...f1, ...f2, ...f3again]);
    expect(checkPain008Files([...f1, ...f2, ...f3, ...f3again]).errors.filter((e) => e.includes('already used'))).toEqual([]);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
  });

  it('the check is real: the same restore without a new salt would reuse ids, and the checker says so', async () => {
    t = openInitializedLedger();
    const d = member(t, { name: 'Anna', mandate: { reference: 'ZW-1' } });
    invoice(t, d, 15_000);
    const backup = path.join(t.dir, 'backup.sqlite');
    t.ledger.db.exec(`VACUUM INTO '${backup}'`);
    const first = filesOf(call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' }).id);
    t.ledger.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(t.file + suffix, { force: true });
    fs.copyFileSync(backup, t.file);
    t.ledger = openLedger(t.file);
    t.ctx = createContext(t.ledger, () => FIXED_NOW);
    const again = filesOf(call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' }).id);
    const errors = checkPain008Files([...first, ...again]).errors;
    expect(errors).toHaveLength(4);
    for (const rule of ['MsgId', 'PmtInfId', 'EndToEndId', 'duplicate debit']) expect(errors.some((e) => e.includes(rule)), rule).toBe(true);
  });
});
