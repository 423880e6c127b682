import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches } from '../../db/checks';
import { call, dispatch } from '../../electron/api';
import { MAX_ATTACHMENT_BYTES } from '../../shared/api/dossier';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { bankFile, batchCredit, expectBooksHealthy, importFile, returnOf, statement, transactionsOf } from '../helpers/statements';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger(); // today is 2026-11-24
});
afterEach(() => t.close());

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);
const EML = 'From: Anna Bakker <anna@example.nl>\r\nTo: penningmeester@zwaluwen.nl\r\nSubject: Betaling contributie\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n\r\nIk betaal volgende week.\r\n';
const ZIP = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 0)]);

function errorOf(method: string, input: unknown) {
  const r = dispatch(t.ctx, method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error;
}
const count = (sql: string, ...p: unknown[]) => (t.ctx.db.prepare(sql).get(...p) as { n: number }).n;

/** A ladder of the test's own instead of the default one (the table is what the call list reads). */
function levels(spec: { name: string; daysAfter: number; handOver?: boolean; active?: boolean }[]): number[] {
  t.ctx.db.prepare('DELETE FROM dunning_levels').run();
  return spec.map((l, i) =>
    Number(
      t.ctx.db
        .prepare('INSERT INTO dunning_levels (position, name, days_after, text_nl, text_en, hand_over, active) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(i + 1, l.name, l.daysAfter, 'Tekst', 'Text', l.handOver ? 1 : 0, l.active === false ? 0 : 1).lastInsertRowid,
    ),
  );
}

/** A letter as the dunning run leaves it: the run, the letter, and the item's level and date. */
function letterSent(debtorId: number, itemId: number, levelId: number, date: string, total: number): number {
  const run = Number(t.ctx.db.prepare('INSERT INTO dunning_runs (run_date, letters, fees, costs) VALUES (?, 1, 0, 0)').run(date).lastInsertRowid);
  const letter = Number(
    t.ctx.db
      .prepare("INSERT INTO dunning_letters (run_id, debtor_id, level_id, date, language, principal, fees, costs, total, payment_reference, delivery) VALUES (?, ?, ?, ?, 'nl', ?, 0, 0, ?, 'RF18', 'print')")
      .run(run, debtorId, levelId, date, total, total).lastInsertRowid,
  );
  t.ctx.db.prepare('UPDATE open_items SET dunning_level_id = ?, dunned_on = ? WHERE id = ?').run(levelId, date, itemId);
  return letter;
}

describe('dossier.add and dossier.list', () => {
  it('keeps entries newest first with their follow-up and attachments, and gives each file back byte for byte', () => {
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    call(t.ctx, 'dossier.add', { debtorId: d, kind: 'note', date: '2026-11-01', text: 'Lid sinds 2010' });
    const { entryId } = call(t.ctx, 'dossier.add', {
      debtorId: d, kind: 'call', date: '2026-11-20', text: 'Gebeld: betaalt na salaris', followUpOn: '2026-11-30',
      attachments: [
        { fileName: 'regeling.pdf', mediaType: 'application/pdf', content: b64(PDF) },
        { fileName: 'C:\\Users\\anna\\foto.png', content: b64(PNG) },
        { fileName: 'bon.jpg', content: b64(JPEG) },
        { fileName: 'notitie.txt', content: b64('Afspraak: 25 euro per maand\n') },
        { fileName: 'mail.eml', content: b64(EML) },
      ],
    });
    const list = call(t.ctx, 'dossier.list', { debtorId: d });
    expect(list.entries.map((e) => [e.date, e.kind, e.text.nl])).toEqual([
      ['2026-11-20', 'call', 'Gebeld: betaalt na salaris'],
      ['2026-11-01', 'note', 'Lid sinds 2010'],
    ]);
    const e = list.entries[0]!;
    expect([e.entryId, e.followUpOn, e.followUpDone]).toEqual([entryId, '2026-11-30', false]);
    expect(e.attachments.map((a) => [a.fileName, a.mediaType])).toEqual([
      ['regeling.pdf', 'application/pdf'],
      ['foto.png', 'image/png'],
      ['bon.jpg', 'image/jpeg'],
      ['notitie.txt', 'text/plain'],
      ['mail.eml', 'message/rfc822'],
    ]);
    const got = call(t.ctx, 'dossier.attachment', { id: e.attachments[0]!.id });
    expect(Buffer.from(got.base64, 'base64').equals(PDF)).toBe(true);
    expect([got.fileName, got.mediaType, got.size]).toEqual(['regeling.pdf', 'application/pdf', PDF.length]);
  });

  it('decides the type from the content: a zip named .pdf is refused naming the file, a PDF named .txt is kept as PDF', () => {
    const d = member(t, { name: 'Bob Visser', mandate: null });
    const err = errorOf('dossier.add', { debtorId: d, kind: 'email', date: '2026-11-20', text: 'Mail', attachments: [{ fileName: 'brief.pdf', mediaType: 'application/pdf', content: b64(ZIP) }] });
    expect(err).toMatchObject({ code: 'validation', field: 'attachments.0.content', rule: 'file_type' });
    expect(err.message.nl).toBe('brief.pdf is geen PDF, PNG, JPEG, tekstbestand of e-mail (.eml); alleen die worden bewaard');
    // a binary file that decodes as text is still no text
    expect(errorOf('dossier.add', { debtorId: d, kind: 'note', date: '2026-11-20', text: 'x', attachments: [{ fileName: 'a.txt', content: b64(Buffer.from([0x41, 0x00, 0x42])) }] }).rule).toBe('file_type');
    expect(count('SELECT COUNT(*) AS n FROM dossier_entries')).toBe(0);
    call(t.ctx, 'dossier.add', { debtorId: d, kind: 'note', date: '2026-11-20', text: 'Scan', attachments: [{ fileName: 'scan.txt', mediaType: 'text/plain', content: b64(PDF) }] });
    expect(call(t.ctx, 'dossier.list', { debtorId: d }).entries[0]!.attachments[0]!.mediaType).toBe('application/pdf');
  });

  it('refuses a file above 5 MB and more than 25 MB per debtor, naming the file and the limit, writing nothing', () => {
    const d = member(t, { name: 'Cas Smit', mandate: null });
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    big.write('%PDF-1.4\n');
    const tooBig = errorOf('dossier.add', { debtorId: d, kind: 'note', date: '2026-11-20', text: 'Groot', attachments: [{ fileName: 'groot.pdf', content: b64(big) }] });
    expect(tooBig).toMatchObject({ field: 'attachments.0.content', rule: 'max_size', message: { nl: 'groot.pdf is 5 MB; een bijlage mag hoogstens 5 MB zijn' } });
    const max = big.subarray(0, MAX_ATTACHMENT_BYTES);
    // 5 files of exactly 5 MB fill the debtor's 25 MB
    call(t.ctx, 'dossier.add', { debtorId: d, kind: 'note', date: '2026-11-20', text: 'Scans', attachments: [1, 2, 3].map((i) => ({ fileName: `scan${i}.pdf`, content: b64(max) })) });
    call(t.ctx, 'dossier.add', { debtorId: d, kind: 'note', date: '2026-11-21', text: 'Scans', attachments: [4, 5].map((i) => ({ fileName: `scan${i}.pdf`, content: b64(max) })) });
    const full = errorOf('dossier.add', { debtorId: d, kind: 'note', date: '2026-11-22', text: 'Nog een', attachments: [{ fileName: 'briefje.txt', content: b64('hallo') }] });
    expect(full).toMatchObject({ field: 'attachments.0.content', rule: 'max_debtor_size', message: { nl: 'briefje.txt past niet meer: de bijlagen van één debiteur mogen samen hoogstens 25 MB zijn' } });
    expect(count('SELECT COUNT(*) AS n FROM dossier_entries')).toBe(2);
    // another debtor has room of their own
    const other = member(t, { name: 'Dirk Mol', mandate: null });
    call(t.ctx, 'dossier.add', { debtorId: other, kind: 'note', date: '2026-11-22', text: 'Briefje', attachments: [{ fileName: 'briefje.txt', content: b64('hallo') }] });
  });

  it('names the field of every bad input and writes nothing', () => {
    const d = member(t, { name: 'Eva Kok', mandate: null });
    expect(errorOf('dossier.add', { debtorId: d, kind: 'call', date: '2026-11-20', text: '   ' })).toMatchObject({ field: 'text', rule: 'required' });
    expect(errorOf('dossier.add', { debtorId: d, kind: 'return', date: '2026-11-20', text: 'x' }).field).toBe('kind');
    expect(errorOf('dossier.add', { debtorId: d, kind: 'call', date: '20-11-2026', text: 'x' }).field).toBe('date');
    expect(errorOf('dossier.add', { debtorId: d, kind: 'call', date: '2026-11-25', text: 'x' })).toMatchObject({ field: 'date', rule: 'future' });
    expect(errorOf('dossier.add', { debtorId: d, kind: 'call', date: '2026-11-20', text: 'x', followUpOn: '2026-11-19' })).toMatchObject({ field: 'followUpOn', rule: 'after_date' });
    expect(errorOf('dossier.add', { debtorId: 999, kind: 'call', date: '2026-11-20', text: 'x' })).toMatchObject({ code: 'not_found', field: 'debtorId' });
    expect(errorOf('dossier.add', { debtorId: d, kind: 'call', date: '2026-11-20', text: 'x', attachments: [{ fileName: 'a.txt', content: 'niet base64!' }] })).toMatchObject({ field: 'attachments.0.content', rule: 'base64' });
    expect(errorOf('dossier.attachment', { id: 77 })).toMatchObject({ code: 'not_found', field: 'id' });
    expect(count('SELECT COUNT(*) AS n FROM dossier_entries')).toBe(0);
  });

  it('marks a follow-up done, once and only where there is one', () => {
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    const { entryId } = call(t.ctx, 'dossier.add', { debtorId: d, kind: 'call', date: '2026-11-20', text: 'Terugbellen', followUpOn: '2026-11-23' });
    const plain = call(t.ctx, 'dossier.add', { debtorId: d, kind: 'note', date: '2026-11-20', text: 'Notitie' });
    call(t.ctx, 'dossier.followUpDone', { entryId });
    call(t.ctx, 'dossier.followUpDone', { entryId });
    expect(call(t.ctx, 'dossier.list', { debtorId: d }).entries.find((e) => e.entryId === entryId)!.followUpDone).toBe(true);
    expect(errorOf('dossier.followUpDone', { entryId: plain.entryId })).toMatchObject({ code: 'conflict', rule: 'no_follow_up' });
    expect(errorOf('dossier.followUpDone', { entryId: 999 })).toMatchObject({ code: 'not_found', field: 'entryId' });
  });
});

describe('letters and returns appear by themselves', () => {
  it('reads a returned debit from the real statement import and a dunning letter beside the entries, each once, with refusals per mandate', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    const bob = member(t, { name: 'Bob Visser', mandate: { reference: 'ZWA-2' } });
    invoice(t, anna, 15_000);
    invoice(t, bob, 12_500);
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    const txs = transactionsOf(t, batch.id);
    const annaTx = txs.find((x) => x.debtorId === anna)!;
    importFile(t, bankFile([statement([batchCredit(t, batch.id)])]));
    importFile(t, bankFile([statement([returnOf(annaTx, 'AM04')], { id: 'S2', from: '2026-11-30' })]));

    const [level] = levels([{ name: 'Herinnering', daysAfter: 14 }]);
    const itemId = call(t.ctx, 'items.list', { debtorId: anna, status: 'open' }).items[0]!.id;
    const letterId = letterSent(anna, itemId, level!, '2026-12-01', 15_000);
    call(t.ctx, 'dossier.add', { debtorId: anna, kind: 'call', date: '2026-11-24', text: 'Gebeld over de contributie' });

    const list = call(t.ctx, 'dossier.list', { debtorId: anna });
    expect(list.entries.map((e) => [e.date, e.kind, e.source])).toEqual([
      ['2026-12-01', 'letter', 'letter'],
      ['2026-11-30', 'return', 'return'],
      ['2026-11-24', 'call', 'entry'],
    ]);
    expect(list.entries[0]!.text.nl).toBe('Herinnering verstuurd per post: € 150,00');
    expect(list.entries[1]!.text.nl).toMatch(/^Incasso INC-2026-0001 van € 150,00 teruggeboekt: onvoldoende saldo \(AM04\)\. wordt bij de volgende incasso één keer opnieuw aangeboden/);
    expect(list.entries[1]!.text.en).toMatch(/^Direct debit INC-2026-0001 of €150\.00 returned: insufficient funds \(AM04\)\./);
    const returnId = list.entries[1]!.returnId!;
    expect(list.refusals).toEqual([{ mandateId: expect.any(Number), reference: 'ZWA-1', status: 'active', returns: 1, lastDate: '2026-11-30', lastReason: { nl: 'onvoldoende saldo', en: 'insufficient funds' } }]);
    expect(call(t.ctx, 'dossier.list', { debtorId: bob })).toEqual({ entries: [], refusals: [] });

    // when someone does write an entry pointing at the letter or the return, the list still shows each once
    t.ctx.db.prepare("INSERT INTO dossier_entries (debtor_id, date, kind, text, letter_id) VALUES (?, '2026-12-01', 'letter', 'Herinnering (eigen tekst)', ?)").run(anna, letterId);
    t.ctx.db.prepare("INSERT INTO dossier_entries (debtor_id, date, kind, text, return_id) VALUES (?, '2026-11-30', 'return', 'Storno (eigen tekst)', ?)").run(anna, returnId);
    const again = call(t.ctx, 'dossier.list', { debtorId: anna }).entries;
    expect(again.map((e) => [e.kind, e.source, e.text.nl])).toEqual([
      ['letter', 'entry', 'Herinnering (eigen tekst)'],
      ['return', 'entry', 'Storno (eigen tekst)'],
      ['call', 'entry', 'Gebeld over de contributie'],
    ]);
    expectBooksHealthy(t);
  });
});

describe('the call list (belrondje)', () => {
  it('lists debtors whose next letter is the hand-over level within 7 days, and due follow-ups, with phone, overdue amount and last entry', () => {
    const [l1, l2] = levels([{ name: 'Herinnering', daysAfter: 14 }, { name: 'Aanmaning', daysAfter: 14 }, { name: 'Overdracht', daysAfter: 14, handOver: true }, { name: 'Nooit', daysAfter: 1, active: false }]);
    const mk = (name: string, phone?: string) => {
      const id = member(t, { name, mandate: null });
      if (phone) t.ctx.db.prepare('UPDATE debtors SET phone = ? WHERE id = ?').run(phone, id);
      return id;
    };
    // at the level before hand-over, letter 2026-11-15: hand-over due 11-29, within 7 days of 11-24
    const soon = mk('Anna Bakker', '06 12345678');
    const soonItem = invoice(t, soon, 15_000, '2026-10-01');
    letterSent(soon, soonItem, l2!, '2026-11-15', 15_000);
    // at the same level but the letter only on 11-20: hand-over on 12-04, too far
    const later = mk('Bob Visser');
    letterSent(later, invoice(t, later, 9_000, '2026-10-01'), l2!, '2026-11-20', 9_000);
    // only at the first level: the next letter is not the last
    const early = mk('Cas Smit');
    letterSent(early, invoice(t, early, 5_000, '2026-09-01'), l1!, '2026-10-01', 5_000);
    // would be due, but blocked
    const blocked = mk('Dirk Mol');
    const blockedItem = invoice(t, blocked, 7_000, '2026-10-01');
    letterSent(blocked, blockedItem, l2!, '2026-11-01', 7_000);
    call(t.ctx, 'items.setBlocked', { itemIds: [blockedItem], blocked: true, reason: 'Geschil' });
    // excluded from dunning altogether
    const excluded = mk('Eva Kok');
    letterSent(excluded, invoice(t, excluded, 7_000, '2026-10-01'), l2!, '2026-11-01', 7_000);
    t.ctx.db.prepare("UPDATE debtors SET dunning_profile = 'excluded' WHERE id = ?").run(excluded);
    // gentle: 14 extra days, so 11-15 + 28 is out of reach
    const gentle = mk('Fleur de Wit');
    letterSent(gentle, invoice(t, gentle, 7_000, '2026-10-01'), l2!, '2026-11-15', 7_000);
    t.ctx.db.prepare("UPDATE debtors SET dunning_profile = 'gentle' WHERE id = ?").run(gentle);
    // follow-ups: one due today, one done, one next week
    const callBack = mk('Gijs Jansen', '030 1234567');
    invoice(t, callBack, 2_500, '2026-12-15');
    const due = call(t.ctx, 'dossier.add', { debtorId: callBack, kind: 'call', date: '2026-11-10', text: 'Terugbellen na vakantie', followUpOn: '2026-11-24' });
    const done = call(t.ctx, 'dossier.add', { debtorId: later, kind: 'call', date: '2026-11-10', text: 'Afgehandeld', followUpOn: '2026-11-20' });
    call(t.ctx, 'dossier.followUpDone', { entryId: done.entryId });
    call(t.ctx, 'dossier.add', { debtorId: early, kind: 'call', date: '2026-11-10', text: 'Volgende week', followUpOn: '2026-12-01' });

    const list = call(t.ctx, 'dossier.callList', { date: '2026-11-24' });
    expect(list.map((r) => r.name)).toEqual(['Gijs Jansen', 'Anna Bakker']);
    const [g, a] = list;
    expect(a).toMatchObject({ debtorId: soon, phone: '06 12345678', overdue: 15_000, reasons: [{ kind: 'last_level', levelName: 'Overdracht', letterOn: '2026-11-29', handOver: true }] });
    expect(a!.lastEntry).toMatchObject({ kind: 'letter', date: '2026-11-15' });
    expect(g).toMatchObject({ phone: '030 1234567', overdue: 0, reasons: [{ kind: 'follow_up', entryId: due.entryId, followUpOn: '2026-11-24', text: 'Terugbellen na vakantie' }] });
    expect(g!.items.map((i) => i.balance)).toEqual([2_500]);

    // a week later Bob's hand-over comes in reach, Cas's follow-up is due; the gentle debtor still waits; soonest first
    expect(call(t.ctx, 'dossier.callList', { date: '2026-12-01' }).map((r) => r.name)).toEqual(['Gijs Jansen', 'Anna Bakker', 'Cas Smit', 'Bob Visser']);
    // recording the call that answers the follow-up takes it off the list
    call(t.ctx, 'dossier.add', { debtorId: callBack, kind: 'call', date: '2026-11-24', text: 'Gebeld, betaalt 15-12', completesFollowUp: due.entryId });
    expect(call(t.ctx, 'dossier.callList', { date: '2026-11-24' }).map((r) => r.name)).toEqual(['Anna Bakker']);
    expect(errorOf('dossier.add', { debtorId: soon, kind: 'call', date: '2026-11-24', text: 'x', completesFollowUp: due.entryId })).toMatchObject({ field: 'completesFollowUp', rule: 'one_debtor' });
    // a due date moved from the list holds: the hand-over waits until 14 days after the new date
    call(t.ctx, 'dossier.moveDueDate', { itemId: soonItem, dueDate: '2026-12-10', reason: 'Wacht op toeslag' });
    expect(call(t.ctx, 'dossier.callList', { date: '2026-11-24' }).map((r) => r.name)).toEqual([]);
    expect(call(t.ctx, 'dossier.callList', { date: '2026-12-17' }).find((r) => r.name === 'Anna Bakker')!.reasons).toEqual([{ kind: 'last_level', levelName: 'Overdracht', letterOn: '2026-12-24', handOver: true }]);
  });

  it('takes the highest active level as the last one when none hands over, counting from the due date when it is the first', () => {
    levels([{ name: 'Enige brief', daysAfter: 10 }]);
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    invoice(t, d, 4_000, '2026-11-20'); // letter on 11-30: within 7 days of 11-24
    const far = member(t, { name: 'Bob Visser', mandate: null });
    invoice(t, far, 4_000, '2026-11-25'); // letter on 12-05
    expect(call(t.ctx, 'dossier.callList', { date: '2026-11-24' })).toMatchObject([{ name: 'Anna Bakker', overdue: 4_000, reasons: [{ kind: 'last_level', levelName: 'Enige brief', letterOn: '2026-11-30', handOver: false }] }]);
  });

  it('is empty without levels and without follow-ups', () => {
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    invoice(t, d, 4_000, '2026-01-01');
    expect(call(t.ctx, 'dossier.callList', { date: '2026-11-24' })).toEqual([]);
  });
});

describe('actions from the call list, each one transaction', () => {
  it('moves a due date with the reason in the item history and the dossier; a failing dossier write undoes the move', () => {
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    const item = invoice(t, d, 15_000, '2026-11-01');
    t.ctx.db.exec("CREATE TEMP TRIGGER fail_dossier BEFORE INSERT ON dossier_entries BEGIN SELECT RAISE(ABORT, 'schijf vol'); END");
    expect(dispatch(t.ctx, 'dossier.moveDueDate', { itemId: item, dueDate: '2026-12-15', reason: 'Wacht op salaris' }, () => undefined).ok).toBe(false);
    expect(call(t.ctx, 'items.list', { debtorId: d }).items[0]!.dueDate).toBe('2026-11-01');
    expect(call(t.ctx, 'items.history', { itemId: item }).some((h) => h.kind === 'due_date_changed')).toBe(false);
    t.ctx.db.exec('DROP TRIGGER fail_dossier');

    const r = call(t.ctx, 'dossier.moveDueDate', { itemId: item, dueDate: '2026-12-15', reason: 'Wacht op salaris' });
    expect(call(t.ctx, 'items.list', { debtorId: d }).items[0]!.dueDate).toBe('2026-12-15');
    expect(call(t.ctx, 'items.history', { itemId: item }).find((h) => h.kind === 'due_date_changed')).toMatchObject({ reason: 'Wacht op salaris', text: 'Vervaldatum 01-11-2026 gewijzigd in 15-12-2026' });
    const doc = call(t.ctx, 'items.list', { debtorId: d }).items[0]!.document;
    expect(call(t.ctx, 'dossier.list', { debtorId: d }).entries[0]).toMatchObject({ entryId: r.entryId, kind: 'due_date', date: '2026-11-24', text: { nl: `Vervaldatum ${doc} verschoven van 01-11-2026 naar 15-12-2026: Wacht op salaris` } });
    expect(errorOf('dossier.moveDueDate', { itemId: item, dueDate: '2026-12-20', reason: '' })).toMatchObject({ field: 'reason', rule: 'required' });
    expect(subLedgerMismatches(t.ctx.db)).toEqual([]);
  });

  it('makes an arrangement of two items: merged, split into instalments marked as arrangement, the agreement with dates and amounts in the dossier', () => {
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    const a = invoice(t, d, 10_000, '2026-10-01');
    const b = invoice(t, d, 5_001, '2026-11-01');
    const r = call(t.ctx, 'dossier.arrangement', { itemIds: [a, b], parts: [{ dueDate: '2026-12-01' }, { dueDate: '2027-01-01' }, { dueDate: '2027-02-01' }], reason: 'Afgesproken aan de telefoon', followUpOn: '2026-12-02' });
    const open = call(t.ctx, 'items.list', { debtorId: d, status: 'all' }).items.filter((i) => i.status !== 'merged' && i.status !== 'split');
    expect(open.map((i) => [i.id, i.dueDate, i.balance, i.arrangement]).sort()).toEqual(
      [[r.itemIds[0], '2026-12-01', 5_001, true], [r.itemIds[1], '2027-01-01', 5_000, true], [r.itemIds[2], '2027-02-01', 5_000, true]].sort(),
    );
    const entry = call(t.ctx, 'dossier.list', { debtorId: d }).entries[0]!;
    expect(entry).toMatchObject({ entryId: r.entryId, kind: 'agreement', followUpOn: '2026-12-02' });
    expect(entry.text.nl).toMatch(/^Betalingsregeling voor .+, .+ \(€ 150,01\) in 3 termijnen: 1\. 01-12-2026 € 50,01; 2\. 01-01-2027 € 50,00; 3\. 01-02-2027 € 50,00\. Afgesproken aan de telefoon$/);
    expect(subLedgerMismatches(t.ctx.db)).toEqual([]);
  });

  it('undoes the split when the agreement cannot be written, and refuses amounts that do not add up naming the field', () => {
    const d = member(t, { name: 'Bob Visser', mandate: null });
    const a = invoice(t, d, 10_000, '2026-10-01');
    // the follow-up before today fails after the split has run: nothing may stay
    const late = errorOf('dossier.arrangement', { itemIds: [a], parts: [{}, {}], followUpOn: '2026-11-01' });
    expect(late).toMatchObject({ field: 'followUpOn', rule: 'after_date' });
    expect(call(t.ctx, 'items.list', { debtorId: d, status: 'all' }).items.map((i) => [i.id, i.status, i.balance])).toEqual([[a, 'open', 10_000]]);
    expect(count('SELECT COUNT(*) AS n FROM dossier_entries')).toBe(0);
    expect(errorOf('dossier.arrangement', { itemIds: [a], parts: [{ amount: 5_000 }, { amount: 4_000 }] })).toMatchObject({ field: 'parts', rule: 'sum' });
    expect(errorOf('dossier.arrangement', { itemIds: [], parts: [{}, {}] })).toMatchObject({ field: 'itemIds' });
    expect(subLedgerMismatches(t.ctx.db)).toEqual([]);
  });
});
