import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatch, dispatchAsync } from '../../electron/api';
import type { Output } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { invoice, member } from '../helpers/club';
import { paysByHand } from '../helpers/statements';
import { cliOn } from '../helpers/cli';
import { openInitializedLedger, tempDir, type TestLedger } from '../helpers/ledger';

/**
 * Overdracht aan een incassobureau through the API and the CLI, on the default ladder climbed by
 * real dunning runs: who is ready (after the last letter's term), the package on disk (the dossier
 * PDF read back with pdftotext, the claims CSV with csv-parse) agreeing with the books, the items
 * blocked as overgedragen, the status and the dossier entry, every refusal, and a hand-over that
 * cannot commit leaving neither files nor changes.
 */
let t: TestLedger;
let out: string;
beforeEach(() => {
  t = openInitializedLedger();
  out = tempDir('penning-handover-');
  call(t.ctx, 'settings.update', { organisation: { name: 'Tennisvereniging De Zwaluwen', city: 'Utrecht', email: 'penningmeester@zwaluwen.example' } });
});
afterEach(() => {
  t.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const ok = <T>(r: ApiResult<unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const refusal = async (input: unknown) => {
  const r = await dispatchAsync(t.ctx, 'dunning.handOver', input);
  if (r.ok) throw new Error('the hand-over was accepted');
  return r.error;
};

/** The default ladder climbed: Herinnering, Aanmaning, Veertiendagenbrief (costs announced), Overdracht (costs charged). */
const RUNS = ['2026-09-29', '2026-10-13', '2026-10-27', '2026-11-16'];

async function club() {
  const anna = member(t, { name: 'Anna Bakker', mandate: null });
  t.ctx.db.prepare("UPDATE debtors SET street = 'Kerkstraat 5', postal_code = '3511 AB', city = 'Utrecht', phone = '06-12345678' WHERE id = ?").run(anna);
  const annaItem = invoice(t, anna, 18_000, '2026-09-15');
  // Bob's invoice falls due later: he gets only the first letters
  const bob = member(t, { name: 'Bob Visser', mandate: null });
  invoice(t, bob, 9_000, '2026-10-10');
  const cas = member(t, { name: 'Cas Smit', mandate: null });
  for (const date of RUNS) {
    const debtorIds = call(t.ctx, 'dunning.proposal', { date }).debtors.map((d) => d.debtorId);
    ok(await dispatchAsync(t.ctx, 'dunning.run', { date, debtorIds, out }));
  }
  return { anna, annaItem, bob, cas };
}

describe('dunning.handOver', () => {
  it('lists who passed the last level, hands Anna over after the term: package on disk, items blocked, status, dossier', async () => {
    const { anna, annaItem, bob, cas } = await club();
    call(t.ctx, 'dossier.add', { debtorId: anna, kind: 'call', date: '2026-11-20', text: 'Gebeld: geen gehoor' });
    const levels = t.ctx.db.prepare('SELECT i.id, v.name FROM open_items i JOIN dunning_levels v ON v.id = i.dunning_level_id WHERE i.debtor_id = ? ORDER BY i.id').all(anna);
    expect(levels).toEqual([{ id: annaItem, name: 'Overdracht' }, { id: expect.any(Number), name: 'Overdracht' }]);

    // the veertiendagenbrief's term ran to 13-11, the Overdracht letter of 16-11 gives fourteen days more: Anna is listed, not yet ready
    const early = call(t.ctx, 'dunning.handOver.candidates', { date: '2026-11-20' });
    expect(early).toEqual([
      expect.objectContaining({ debtorId: anna, levelName: 'Overdracht', lastLetterOn: '2026-11-16', readyOn: '2026-12-01', ready: false, items: 2, principal: 18_000, fees: 0, costs: 4_000, interest: 0, total: 22_000 }),
    ]);
    expect(await refusal({ date: '2026-11-30', debtorIds: [anna], out })).toMatchObject({ code: 'conflict', field: 'debtorIds.0', rule: 'term_running', message: { nl: expect.stringContaining('overdragen kan vanaf 01-12-2026') } });
    expect(await refusal({ date: '2026-12-01', debtorIds: [bob], out })).toMatchObject({ field: 'debtorIds.0', rule: 'not_last_level' });
    expect(await refusal({ date: '2026-12-01', debtorIds: [anna, cas], out })).toMatchObject({ field: 'debtorIds.1', rule: 'nothing_open', message: { nl: expect.stringMatching(/Cas Smit heeft niets openstaan/) } });
    expect(await refusal({ date: '2026-12-01', debtorIds: [], out })).toMatchObject({ field: 'debtorIds', rule: 'min' });
    expect(fs.readdirSync(out).filter((f) => f.startsWith('overdracht'))).toEqual([]);
    expect(t.ctx.db.prepare('SELECT COUNT(*) AS n FROM open_items WHERE blocked = 1').get()).toEqual({ n: 0 });

    const r = ok<Output<'dunning.handOver'>>(await dispatchAsync(t.ctx, 'dunning.handOver', { date: '2026-12-01', debtorIds: [anna], out }));
    const folder = path.join(out, `overdracht-2026-12-01-${r.handOverId}`);
    expect(r).toMatchObject({ date: '2026-12-01', folder, total: 22_000, debtors: [{ debtorId: anna, items: 2, total: 22_000, statusName: 'Incassobureau' }] });
    expect(fs.readdirSync(folder).sort()).toEqual([`overdracht-${r.debtors[0]!.debtorNumber}.pdf`, 'vorderingen-overdracht-2026-12-01.csv']);

    const rows = parse(fs.readFileSync(r.claimsFile), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.Naam, row.Soort, row.Openstaand])).toEqual([
      ['Anna Bakker', 'hoofdsom', '180,00'],
      ['Anna Bakker', 'incassokosten', '40,00'],
    ]);
    const text = execFileSync('pdftotext', ['-layout', r.debtors[0]!.pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['Overdrachtsdossier lid', 'Overgedragen op 01-12-2026', 'Anna Bakker', 'Kerkstraat 5, 3511 AB Utrecht', '06-12345678', 'Buitengerechtelijke incassokosten € 40,00', 'Totaal € 220,00', '29-09-2026 Herinnering post', '16-11-2026 Overdracht post', '20-11-2026 Telefoon Gebeld: geen gehoor']) {
      expect(text).toContain(expected);
    }

    // the books: every claimed item blocked as overgedragen, the status, one dossier entry; no money moved
    const items = call(t.ctx, 'items.list', { debtorId: anna, status: 'all', limit: 50 }).items;
    expect(items.map((i) => [i.status, i.blocked])).toEqual([['blocked', true], ['blocked', true]]);
    expect(call(t.ctx, 'items.history', { itemId: annaItem }).at(-1)).toMatchObject({ kind: 'blocked', reason: 'overgedragen' });
    expect(call(t.ctx, 'debtors.get', { id: anna }).statusName).toBe('Incassobureau');
    expect(call(t.ctx, 'dossier.list', { debtorId: anna }).entries[0]).toMatchObject({ kind: 'handover', date: '2026-12-01', text: { nl: expect.stringMatching(/^Overgedragen aan het incassobureau: € 220,00 \(2 posten\); dossier overdracht-\d+\.pdf$/) } });
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    expect(unbalancedEntries(t.ledger.db)).toEqual([]);

    // gone from the candidates and from the next dunning runs; a second hand-over is refused
    expect(call(t.ctx, 'dunning.handOver.candidates', { date: '2026-12-20' })).toEqual([]);
    expect(call(t.ctx, 'dunning.proposal', { date: '2026-12-20' }).excluded.filter((e) => e.debtorId === anna).map((e) => e.reason)).toEqual(['blocked', 'blocked']);
    expect(await refusal({ date: '2026-12-20', debtorIds: [anna], out })).toMatchObject({ rule: 'already_handed_over', message: { nl: expect.stringContaining('is al overgedragen aan het incassobureau (01-12-2026)') } });

    // the files read back unchanged, refused once changed
    const csv = call(t.ctx, 'dunning.handOverFile', { handOverId: r.handOverId });
    expect(csv).toMatchObject({ fileName: 'vorderingen-overdracht-2026-12-01.csv', mediaType: 'text/csv' });
    expect(Buffer.from(csv.base64, 'base64').equals(fs.readFileSync(r.claimsFile))).toBe(true);
    expect(call(t.ctx, 'dunning.handOverFile', { handOverId: r.handOverId, debtorId: anna }).mediaType).toBe('application/pdf');
    fs.appendFileSync(r.debtors[0]!.pdf, '%');
    const changed = dispatch(t.ctx, 'dunning.handOverFile', { handOverId: r.handOverId, debtorId: anna });
    expect(changed.ok ? null : changed.error.rule).toBe('file_changed');
  });

  it('books nothing and leaves no file when the hand-over cannot commit', async () => {
    const { anna } = await club();
    const before = () => t.ctx.db.prepare("SELECT (SELECT COUNT(*) FROM open_items WHERE blocked = 1) AS blocked, (SELECT COUNT(*) FROM hand_overs) AS handOvers, (SELECT COUNT(*) FROM dossier_entries WHERE kind = 'handover') AS entries, (SELECT status_id FROM debtors WHERE id = ?) AS status").get(anna);
    const was = before();
    t.ctx.db.exec("CREATE TRIGGER fail_hand_over BEFORE INSERT ON hand_over_debtors BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END");
    expect((await dispatchAsync(t.ctx, 'dunning.handOver', { date: '2026-12-01', debtorIds: [anna], out })).ok).toBe(false);
    expect(before()).toEqual(was);
    expect(fs.readdirSync(out).filter((f) => f.startsWith('overdracht'))).toEqual([]);
    t.ctx.db.exec('DROP TRIGGER fail_hand_over');
    expect(ok<Output<'dunning.handOver'>>(await dispatchAsync(t.ctx, 'dunning.handOver', { date: '2026-12-01', debtorIds: [anna], out })).handOverId).toBe(1);
  });

  it('with statutory interest on, the claim carries the interest up to the hand-over date, in the total and in the CSV', async () => {
    const { anna } = await club();
    call(t.ctx, 'dunning.settings.save', { statutoryInterest: true });
    const [c] = call(t.ctx, 'dunning.handOver.candidates', { date: '2026-12-01' });
    expect(c!.interest).toBeGreaterThan(0);
    expect(c!.total).toBe(c!.principal + c!.fees + c!.costs + c!.interest);
    // a later day owes more interest
    expect(call(t.ctx, 'dunning.handOver.candidates', { date: '2027-03-01' })[0]!.interest).toBeGreaterThan(c!.interest);
    const r = ok<Output<'dunning.handOver'>>(await dispatchAsync(t.ctx, 'dunning.handOver', { date: '2026-12-01', debtorIds: [anna], out }));
    expect(r.total).toBe(c!.total);
    const rows = parse(fs.readFileSync(r.claimsFile), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    const cents = (v: string) => Number(v.replace(',', ''));
    expect(rows.find((row) => row.Soort === 'rente')!.Openstaand).toBe(`${Math.floor(c!.interest / 100)},${String(c!.interest % 100).padStart(2, '0')}`);
    expect(rows.reduce((s, row) => s + cents(row.Openstaand!), 0)).toBe(c!.total);
  });

  it('hands over charged costs as recalculated on what is still owed after a part payment, and books the lowering with it', async () => {
    const dirk = member(t, { name: 'Dirk Jansen', mandate: null });
    const item = invoice(t, dirk, 300_000, '2026-09-15');
    for (const date of RUNS) {
      const debtorIds = call(t.ctx, 'dunning.proposal', { date }).debtors.map((d) => d.debtorId);
      ok(await dispatchAsync(t.ctx, 'dunning.run', { date, debtorIds, out }));
    }
    // the Overdracht letter charged the scale on € 3.000: € 425
    const costs = () => t.ctx.db.prepare("SELECT id, amount, balance FROM open_items WHERE debtor_id = ? AND source_type = 'collection_costs'").get(dirk) as { id: number; amount: number; balance: number };
    expect(costs()).toMatchObject({ amount: 42_500, balance: 42_500 });
    paysByHand(t, item, 200_000, '2026-11-20');

    // € 1.000 still owed: the agency claims € 150 of costs, not € 425
    const [c] = call(t.ctx, 'dunning.handOver.candidates', { date: '2026-12-01' });
    expect(c).toMatchObject({ debtorId: dirk, principal: 100_000, costs: 15_000, total: 115_000 });
    const r = ok<Output<'dunning.handOver'>>(await dispatchAsync(t.ctx, 'dunning.handOver', { date: '2026-12-01', debtorIds: [dirk], out }));
    expect(r.total).toBe(115_000);
    const rows = parse(fs.readFileSync(r.claimsFile), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.Soort, row.Openstaand])).toEqual([['hoofdsom', '1000,00'], ['incassokosten', '150,00']]);
    expect(costs()).toMatchObject({ amount: 42_500, balance: 15_000 });
    expect(call(t.ctx, 'items.history', { itemId: costs().id }).map((h) => h.kind)).toEqual(expect.arrayContaining(['costs_lowered', 'blocked']));
    expect(call(t.ctx, 'debtors.get', { id: dirk }).balance).toBe(115_000);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    expect(unbalancedEntries(t.ledger.db)).toEqual([]);
  });

  it('claims only the interest the letters have not booked yet: booked and unbooked add up to the interest of the whole time', async () => {
    t.ctx.db.prepare('DELETE FROM interest_rates').run();
    call(t.ctx, 'dunning.interestRates.save', { kind: 'consumer', startsOn: '2026-01-01', rate: 800 });
    call(t.ctx, 'dunning.settings.save', { statutoryInterest: true });
    const { anna } = await club();
    const booked = (t.ctx.db.prepare("SELECT COALESCE(SUM(amount), 0) AS n FROM open_items WHERE debtor_id = ? AND source_type = 'interest'").get(anna) as { n: number }).n;
    expect(booked).toBeGreaterThan(0);
    const [c] = call(t.ctx, 'dunning.handOver.candidates', { date: '2026-12-01' });
    // € 180 at 8 % from 16-09 through 01-12 (77 days): € 3,04 in all, of which the letters booked most
    expect(c!.fees).toBe(booked);
    expect(booked + c!.interest).toBe(Math.round((18_000 * 0.08 * 77) / 365));
    expect(c!.total).toBe(18_000 + 4_000 + booked + c!.interest);
  });

  it('penning hand-over prints JSON; a member not at the last level is refused in one line, Dutch or English', async () => {
    await club();
    const numbers = t.ctx.db.prepare('SELECT number FROM debtors ORDER BY id').all() as { number: string }[];
    t.ledger.close();
    const cli = cliOn(t.file);
    const refused = cli('hand-over', numbers[1]!.number, '--date', '2026-12-01', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(/^Fout: \d+ Bob Visser heeft het laatste aanmaanniveau nog niet gehad/);
    const en = cli('--lang', 'en', 'hand-over', 'Anna Bakker', '--date', '2026-11-30', '--out', out);
    expect(en.stderr.trim()).toMatch(/^Error: .*Anna Bakker: the term of the last letter \(16-11-2026\) is still running; hand-over is possible from 01-12-2026$/);
    expect(cli('hand-over', '--date', '2026-12-01', '--out', out).code).toBe(1);
    const done = cli('hand-over', 'Anna Bakker', '--date', '2026-12-01', '--out', out);
    expect(done.stderr).toBe('');
    expect(done.json).toMatchObject({ handOverId: 1, date: '2026-12-01', total: 22_000, debtors: [{ name: 'Anna Bakker', items: 2, total: 22_000, status: 'Incassobureau' }] });
    expect(fs.existsSync(done.json.claimsFile)).toBe(true);
  });
});
