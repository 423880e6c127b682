import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatch, dispatchAsync } from '../../electron/api';
import { collectionCosts } from '../../electron/dunning/collectionCosts';
import { bookDunningRun } from '../../electron/dunning/run';
import { termEndsOn } from '../../electron/dunning/term';
import { addDays } from '../../shared/dates';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { balanceOf, bankFile, batchCredit, importFile, paysByHand, returnOf, statement, transactionsOf } from '../helpers/statements';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

function invariant(): void {
  expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
  expect(unbalancedEntries(t.ledger.db)).toEqual([]);
}

const proposal = (date: string) => call(t.ctx, 'dunning.proposal', { date });
// the booking itself; writing the letters around it is dunningRunFiles.test.ts's
const run = (date: string, debtorIds?: number[]) => bookDunningRun(t.ctx, date, debtorIds ?? proposal(date).debtors.map((d) => d.debtorId));
const reasonsOf = (date: string, debtorId: number) => proposal(date).excluded.filter((e) => e.debtorId === debtorId).map((e) => e.reason);
const levelNames = () => call(t.ctx, 'dunning.levels.list', {}).map((l) => l.name);
const levelId = (name: string) => call(t.ctx, 'dunning.levels.list', {}).find((l) => l.name === name)!.id;
const itemRow = (id: number) => t.ctx.db.prepare('SELECT state, balance, dunning_level_id AS levelId, dunned_on AS dunnedOn FROM open_items WHERE id = ?').get(id) as { state: string; balance: number; levelId: number | null; dunnedOn: string | null };
const itemsOf = (debtorId: number, source: string) => t.ctx.db.prepare('SELECT id, amount, balance, state, document FROM open_items WHERE debtor_id = ? AND source_type = ? ORDER BY id').all(debtorId, source) as { id: number; amount: number; balance: number; state: string; document: string }[];

/** Walks one member up the default ladder: each letter on the first day its level is reached. */
function ladderDates(due: string): { herinnering: string; aanmaning: string; veertien: string; overdracht: string } {
  const herinnering = addDays(due, 14);
  const aanmaning = addDays(herinnering, 14);
  const veertien = addDays(aanmaning, 14);
  const overdracht = addDays(termEndsOn(veertien), 1);
  return { herinnering, aanmaning, veertien, overdracht };
}

describe('default levels', () => {
  it('are installed with a lawful ladder: no fees, costs announced by the veertiendagenbrief and charged only at the hand-over', () => {
    const levels = call(t.ctx, 'dunning.levels.list', {});
    expect(levels.map((l) => [l.position, l.name, l.daysAfter, l.fee, l.collectionCosts, l.handOver])).toEqual([
      [1, 'Herinnering', 14, null, 'none', false],
      [2, 'Aanmaning', 14, null, 'none', false],
      [3, 'Veertiendagenbrief', 14, null, 'announce', false],
      [4, 'Overdracht', 17, null, 'charge', true],
    ]);
    const veertien = levels[2]!;
    expect(veertien.textNl).toContain('vijftien dagen nadat deze brief bij u is bezorgd');
    expect(veertien.textNl).toContain('{incassokosten}');
    expect(veertien.textNl).toContain('{einddatum}');
    expect(veertien.textEn).toContain('fifteen days after this letter has been delivered');
    const statuses = call(t.ctx, 'debtorStatuses.list', {});
    expect(statuses.find((s) => s.id === levels[3]!.setsStatusId)!.name).toBe('Incassobureau');
  });

  it('are edited, added, reordered and deactivated; an unknown placeholder is refused at its field', () => {
    const [first] = call(t.ctx, 'dunning.levels.list', {});
    call(t.ctx, 'dunning.levels.save', { ...first!, daysAfter: 21 });
    call(t.ctx, 'dunning.levels.save', { name: 'Laatste herinnering', daysAfter: 7, textNl: 'Beste {naam}, nog {bedrag}.', textEn: 'Dear {naam}, still {bedrag}.' });
    const added = call(t.ctx, 'dunning.levels.list', {}).at(-1)!;
    expect(added).toMatchObject({ position: 5, name: 'Laatste herinnering', active: true });
    call(t.ctx, 'dunning.levels.move', { id: added.id, direction: 'up' });
    expect(levelNames()).toEqual(['Herinnering', 'Aanmaning', 'Veertiendagenbrief', 'Laatste herinnering', 'Overdracht']);
    call(t.ctx, 'dunning.levels.save', { ...added, active: false });
    expect(call(t.ctx, 'dunning.levels.list', {}).find((l) => l.id === added.id)!.active).toBe(false);
    const bad = dispatch(t.ctx, 'dunning.levels.save', { name: 'X', daysAfter: 7, textNl: 'Beste {voornaam}', textEn: 'Dear {naam}' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'validation', field: 'textNl', rule: 'placeholder' });
    const feeWithCosts = dispatch(t.ctx, 'dunning.levels.save', { ...call(t.ctx, 'dunning.levels.list', {}).at(-1)!, fee: 500 });
    expect(feeWithCosts.ok).toBe(false);
    if (!feeWithCosts.ok) expect(feeWithCosts.error).toMatchObject({ field: 'fee', rule: 'fee_with_costs' });
  });
});

describe('the proposal', () => {
  it('brings an overdue item to the first level 14 days after its due date, not a day sooner', () => {
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    const item = invoice(t, d, 15_000, '2026-11-01');
    expect(proposal('2026-11-14').debtors).toEqual([]);
    const p = proposal('2026-11-15');
    expect(p.debtors).toEqual([expect.objectContaining({ debtorId: d, levelName: 'Herinnering', principal: 15_000, fee: 0, costs: 0, total: 15_000, delivery: 'print' })]);
    expect(p.debtors[0]!.items).toEqual([expect.objectContaining({ itemId: item, nextLevelName: 'Herinnering' })]);
  });

  it('leaves out a blocked item', () => {
    const d = member(t, { name: 'Bob', mandate: null });
    const item = invoice(t, d, 15_000);
    call(t.ctx, 'items.setBlocked', { itemIds: [item], blocked: true, reason: 'geschil' });
    expect(reasonsOf('2026-11-20', d)).toEqual(['blocked']);
    expect(proposal('2026-11-20').debtors).toEqual([]);
  });

  it('leaves out a member whose arrangement instalments are on time, and dunning resumes when one is late', () => {
    const d = member(t, { name: 'Cas', mandate: null });
    const item = invoice(t, d, 30_000, '2026-10-01');
    call(t.ctx, 'items.split', { itemId: item, parts: [{ dueDate: '2026-12-01' }, { dueDate: '2027-01-01' }, { dueDate: '2027-02-01' }], arrangement: true, reason: 'regeling' });
    invoice(t, d, 5_000, '2026-10-15');
    expect(reasonsOf('2026-11-20', d)).toEqual(['arrangement']);
    // the first instalment is late on 2026-12-16: the arrangement no longer protects
    const late = proposal('2026-12-16').debtors.find((x) => x.debtorId === d)!;
    expect(late.items.map((i) => i.dueDate).sort()).toEqual(['2026-10-15', '2026-12-01']);
  });

  it('leaves out a member below the minimum amount', () => {
    const d = member(t, { name: 'Dirk', mandate: null });
    invoice(t, d, 300);
    expect(reasonsOf('2026-11-20', d)).toEqual(['below_minimum']);
    call(t.ctx, 'dunning.settings.save', { minimum: 200 });
    expect(proposal('2026-11-20').debtors.map((x) => x.debtorId)).toEqual([d]);
  });

  it('leaves out an excluded member, and makes a gentle one wait the extra days', () => {
    const ex = member(t, { name: 'Eva', mandate: null });
    const gentle = member(t, { name: 'Fleur', mandate: null });
    invoice(t, ex, 15_000);
    invoice(t, gentle, 15_000);
    call(t.ctx, 'debtors.update', { id: ex, name: 'Eva', dunningProfile: 'excluded' });
    call(t.ctx, 'debtors.update', { id: gentle, name: 'Fleur', dunningProfile: 'gentle' });
    expect(call(t.ctx, 'debtors.get', { id: gentle }).dunningProfile).toBe('gentle');
    expect(reasonsOf('2026-11-15', ex)).toEqual(['profile_excluded']);
    expect(reasonsOf('2026-11-15', gentle)).toEqual(['gentle_waiting']);
    expect(proposal('2026-11-28').debtors.map((x) => x.debtorId)).toEqual([]);
    expect(proposal('2026-11-29').debtors.map((x) => x.debtorId)).toEqual([gentle]);
  });

  it('leaves out a member contacted recently according to the dossier', () => {
    const d = member(t, { name: 'Gijs', mandate: null });
    invoice(t, d, 15_000);
    t.ctx.db.prepare("INSERT INTO dossier_entries (debtor_id, date, kind, text) VALUES (?, '2026-11-18', 'call', 'belt volgende week')").run(d);
    expect(reasonsOf('2026-11-20', d)).toEqual(['recent_contact']);
    // a note is no contact; after 7 days the call no longer holds the letter back
    expect(reasonsOf('2026-11-25', d)).toEqual([]);
    expect(proposal('2026-11-25').debtors.map((x) => x.debtorId)).toEqual([d]);
  });

  it('leaves out items on direct debit with a valid mandate, items in a collection, and returns that will be re-presented; a return for dunning is dunned', () => {
    const ids = ['Hans', 'Ilse', 'Joost'].map((name, i) => member(t, { name, mandate: { reference: `ZWA-${i + 1}` } }));
    const items = ids.map((d) => invoice(t, d, 10_000, '2026-11-01'));
    expect(reasonsOf('2026-11-20', ids[0]!)).toEqual(['direct_debit']);
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    expect(reasonsOf('2026-11-20', ids[0]!)).toEqual(['in_collection']);
    const txs = transactionsOf(t, batch.id);
    importFile(t, bankFile([statement([batchCredit(t, batch.id)])]));
    const byDebtor = (d: number) => txs.find((x) => x.debtorId === d)!;
    importFile(t, bankFile([statement([returnOf(byDebtor(ids[0]!), 'AM04'), returnOf(byDebtor(ids[1]!), 'MD06')], { id: 'S2', from: '2026-11-30', opening: 30_000 })]));
    expect(itemRow(items[0]!).state).toBe('open');
    expect(reasonsOf('2026-12-05', ids[0]!)).toEqual(['represent']);
    expect(reasonsOf('2026-12-05', ids[1]!)).toEqual([]);
    expect(proposal('2026-12-05').debtors.map((x) => x.debtorId)).toEqual([ids[1]]);
  });

  it('waits the level\'s days after a due date moved after a letter, as the call list counts it', () => {
    const d = member(t, { name: 'Jet', mandate: null });
    const item = invoice(t, d, 15_000, '2026-11-01');
    run('2026-11-15');
    call(t.ctx, 'dossier.moveDueDate', { itemId: item, dueDate: '2026-12-10', reason: 'wacht op toeslag' });
    // overdue again from 11 December, but the Aanmaning comes 14 days after the new due date
    expect(proposal('2026-12-11').debtors).toEqual([]);
    expect(proposal('2026-12-23').debtors).toEqual([]);
    expect(proposal('2026-12-24').debtors.map((x) => x.levelName)).toEqual(['Aanmaning']);
  });

  it('says when the last level has been reached', () => {
    const d = member(t, { name: 'Karin', kind: 'business', mandate: null });
    invoice(t, d, 15_000);
    const dates = ladderDates('2026-11-01');
    for (const date of Object.values(dates)) run(date);
    expect(reasonsOf('2027-06-01', d).filter((r) => r === 'last_level').length).toBeGreaterThan(0);
  });
});

describe('the run', () => {
  it('walks a consumer up the ladder: letters, levels, status, dossier; costs announced, then charged only after the term; the books stay whole', () => {
    const d = member(t, { name: 'Lotte de Vries', mandate: null });
    const item = invoice(t, d, 300_000, '2026-11-01');
    const dates = ladderDates('2026-11-01');
    const first = run(dates.herinnering);
    expect(first.letters).toHaveLength(1);
    expect(first.letters[0]).toMatchObject({ levelName: 'Herinnering', total: 300_000, collectionCosts: null, language: 'nl' });
    expect(first.letters[0]!.body).toContain('Beste Lotte de Vries');
    expect(first.letters[0]!.body).toContain('€ 3.000,00');
    expect(first.letters[0]!.body).toContain('01-11-2026');
    expect(first.letters[0]!.body).not.toMatch(/\{[a-z]+\}/);
    expect(first.letters[0]!.paymentReference).toMatch(/^RF\d{2}AM\d{6}$/);
    expect(itemRow(item)).toMatchObject({ levelId: levelId('Herinnering'), dunnedOn: dates.herinnering });
    expect(call(t.ctx, 'debtors.get', { id: d }).statusName).toBe('Herinnering');
    expect(proposal(dates.herinnering).debtors).toEqual([]); // once per level
    run(dates.aanmaning);
    const veertien = run(dates.veertien).letters[0]!;
    expect(veertien.levelName).toBe('Veertiendagenbrief');
    // € 3.000: € 375 + 10 % of € 500 = € 425, announced, not charged
    expect(veertien.collectionCosts).toEqual({ amount: 42_500, vat: 0, charged: false });
    expect(veertien.termEndsOn).toBe(termEndsOn(dates.veertien));
    expect(veertien.total).toBe(300_000);
    expect(veertien.body).toContain('€ 425,00');
    expect(itemsOf(d, 'collection_costs')).toEqual([]);
    // on the last day of the term the hand-over waits
    expect(reasonsOf(veertien.termEndsOn!, d)).toEqual(['costs_term_running']);
    const over = run(dates.overdracht).letters[0]!;
    expect(over).toMatchObject({ levelName: 'Overdracht', collectionCosts: { amount: 42_500, vat: 0, charged: true }, total: 342_500 });
    expect(itemsOf(d, 'collection_costs')).toEqual([expect.objectContaining({ amount: 42_500, balance: 42_500, state: 'open' })]);
    expect(balanceOf(t, '8210')).toBe(-42_500);
    expect(call(t.ctx, 'debtors.get', { id: d })).toMatchObject({ statusName: 'Incassobureau', balance: 342_500 });
    const dossier = t.ctx.db.prepare("SELECT kind, letter_id AS letterId FROM dossier_entries WHERE debtor_id = ? ORDER BY id").all(d) as { kind: string; letterId: number }[];
    expect(dossier.map((e) => e.kind)).toEqual(['letter', 'letter', 'letter', 'letter']);
    expect(dossier.every((e) => e.letterId > 0)).toBe(true);
    invariant();
  });

  it('charges an organisation the costs at the charging level without a veertiendagenbrief', () => {
    const d = member(t, { name: 'Sportschool BV', kind: 'business', mandate: null });
    invoice(t, d, 10_000, '2026-11-01');
    // only a charging level: the organisation owes at least € 40 from the day after the due date
    for (const l of call(t.ctx, 'dunning.levels.list', {})) if (l.collectionCosts !== 'charge') call(t.ctx, 'dunning.levels.save', { ...l, active: false });
    const over = run('2026-11-18').letters[0]!;
    expect(over.collectionCosts).toEqual({ amount: 4_000, vat: 0, charged: true });
    invariant();
  });

  it('adds BTW to a liability when the club cannot reclaim it, and says so in the letter', () => {
    call(t.ctx, 'dunning.settings.save', { collectionCostsVat: true });
    const d = member(t, { name: 'Mila', mandate: null });
    invoice(t, d, 10_000, '2026-11-01');
    const dates = ladderDates('2026-11-01');
    run(dates.herinnering);
    run(dates.aanmaning);
    const v = run(dates.veertien).letters[0]!;
    expect(v.collectionCosts).toEqual({ amount: 4_000, vat: 840, charged: false });
    expect(v.body).toContain('€ 48,40 (€ 40,00 plus € 8,40 btw, omdat de vereniging deze btw niet kan verrekenen)');
    run(dates.overdracht);
    expect(balanceOf(t, '8210')).toBe(-4_000);
    expect(balanceOf(t, '1710')).toBe(-840);
    expect(call(t.ctx, 'debtors.get', { id: d }).balance).toBe(14_840);
    invariant();
  });

  it('books a fee as an item of its own, lets it follow the dunning, waives it back out of Aanmaankosten', () => {
    const aanmaning = call(t.ctx, 'dunning.levels.list', {}).find((l) => l.name === 'Aanmaning')!;
    call(t.ctx, 'dunning.levels.save', { ...aanmaning, fee: 750 });
    const d = member(t, { name: 'Noor', mandate: null });
    invoice(t, d, 15_000, '2026-11-01');
    const dates = ladderDates('2026-11-01');
    run(dates.herinnering);
    const second = run(dates.aanmaning);
    expect(second.fees).toBe(750);
    expect(second.letters[0]).toMatchObject({ total: 15_750, fees: [expect.objectContaining({ amount: 750 })] });
    const [fee] = itemsOf(d, 'dunning_fee');
    expect(fee).toMatchObject({ amount: 750, balance: 750, state: 'open' });
    expect(balanceOf(t, '8200')).toBe(-750);
    invariant();
    // the unpaid fee goes along with the next letter
    const third = run(dates.veertien).letters[0]!;
    expect(third.fees).toEqual([expect.objectContaining({ amount: 750 })]);
    expect(third.total).toBe(15_750);
    // costs are computed on the principal only: € 150 → € 40 minimum, not on € 157,50
    expect(third.collectionCosts!.amount).toBe(collectionCosts(15_000));
    const waived = call(t.ctx, 'dunning.waiveFee', { itemId: fee!.id, reason: 'eerste keer, lid belde' });
    expect(waived.amount).toBe(750);
    expect(itemsOf(d, 'dunning_fee')[0]).toMatchObject({ state: 'written_off', balance: 0 });
    expect(balanceOf(t, '8200')).toBe(0);
    expect(call(t.ctx, 'debtors.get', { id: d }).balance).toBe(15_000);
    invariant();
    const again = dispatch(t.ctx, 'dunning.waiveFee', { itemId: fee!.id, reason: 'nog eens' });
    expect(again.ok).toBe(false);
  });

  it('lets an unpaid fee go along with the principal\'s letters, one letter per run; once the principal is paid the fee climbs on its own', () => {
    const aanmaning = call(t.ctx, 'dunning.levels.list', {}).find((l) => l.name === 'Aanmaning')!;
    call(t.ctx, 'dunning.levels.save', { ...aanmaning, fee: 750 });
    const d = member(t, { name: 'Pim', mandate: null });
    const item = invoice(t, d, 15_000, '2026-11-01');
    const dates = ladderDates('2026-11-01');
    run(dates.herinnering);
    run(dates.aanmaning);
    const [fee] = itemsOf(d, 'dunning_fee');
    // the fee fell due 14 days after the Aanmaning; on every later run date there is one letter, for the principal with the fee in it
    for (const date of [addDays(dates.aanmaning, 15), addDays(dates.aanmaning, 29), dates.veertien, addDays(dates.veertien, 10)]) {
      expect(proposal(date).debtors.filter((p) => p.debtorId === d).length).toBeLessThanOrEqual(1);
    }
    const third = run(dates.veertien);
    expect(third.letters).toHaveLength(1);
    expect(third.letters[0]).toMatchObject({ levelName: 'Veertiendagenbrief', fees: [expect.objectContaining({ amount: 750 })] });
    // at the last level the fee does not bring another Overdracht letter of its own
    run(dates.overdracht);
    expect(proposal(addDays(dates.overdracht, 60)).debtors.filter((p) => p.debtorId === d)).toEqual([]);
    // the principal paid: what is left of the fees climbs the ladder by itself
    paysByHand(t, item, 15_000, addDays(dates.overdracht, 5));
    const later = addDays(dates.overdracht, 60);
    expect(proposal(later).debtors).toEqual([expect.objectContaining({ debtorId: d, principal: 0, items: [expect.objectContaining({ document: fee!.document, nextLevelName: 'Veertiendagenbrief' })] })]);
    invariant();
  });

  it('adds no fee on top of charged statutory costs, and waives charged costs with their BTW', () => {
    call(t.ctx, 'dunning.settings.save', { collectionCostsVat: true });
    const over = call(t.ctx, 'dunning.levels.list', {}).find((l) => l.name === 'Overdracht')!;
    // a later level with a fee after the hand-over
    call(t.ctx, 'dunning.levels.save', { name: 'Nazending', daysAfter: 14, fee: 500, textNl: 'Beste {naam}', textEn: 'Dear {naam}' });
    const d = member(t, { name: 'Olaf', mandate: null });
    invoice(t, d, 20_000, '2026-11-01');
    const dates = ladderDates('2026-11-01');
    for (const date of Object.values(dates)) run(date);
    expect(over.collectionCosts).toBe('charge');
    const after = run(addDays(dates.overdracht, 14)).letters[0]!;
    expect(after.levelName).toBe('Nazending');
    expect(after.fees.every((f) => !f.description.startsWith('AK-'))).toBe(true);
    expect(itemsOf(d, 'dunning_fee')).toEqual([]);
    const [costs] = itemsOf(d, 'collection_costs');
    expect(costs!.amount).toBe(4_000 + 840);
    call(t.ctx, 'dunning.waiveFee', { itemId: costs!.id, reason: 'regeling getroffen' });
    expect(balanceOf(t, '8210')).toBe(0);
    expect(balanceOf(t, '1710')).toBe(0);
    invariant();
  });

  it('books nothing on a dry run, and refuses a debtor the proposal does not name at its field', async () => {
    const d = member(t, { name: 'Pim', mandate: null });
    const other = member(t, { name: 'Quinten', mandate: null });
    invoice(t, d, 15_000);
    const before = t.ctx.db.prepare('SELECT COUNT(*) AS n FROM dunning_letters').get();
    const dry = bookDunningRun(t.ctx, '2026-11-20', [d], { dryRun: true });
    expect(dry).toMatchObject({ runId: null, dryRun: true, letters: [expect.objectContaining({ levelName: 'Herinnering' })] });
    expect(t.ctx.db.prepare('SELECT COUNT(*) AS n FROM dunning_letters').get()).toEqual(before);
    expect(itemRow(itemsOf(d, 'invoice')[0]!.id).levelId).toBeNull();
    const bad = await dispatchAsync(t.ctx, 'dunning.run', { date: '2026-11-20', debtorIds: [d, other] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'validation', field: 'debtorIds.1', rule: 'not_proposed' });
    expect(t.ctx.db.prepare('SELECT COUNT(*) AS n FROM dunning_letters').get()).toEqual(before);
  });

  it('the 14-day rule: whatever the run dates, a consumer is never charged costs before the term of a veertiendagenbrief naming the item has passed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 3, maxLength: 9 }), fc.constantFrom<'person' | 'business'>('person', 'person', 'business'), (gaps, kind) => {
        const local = openInitializedLedger();
        try {
          const d = member(local, { name: 'Rens', kind, mandate: null });
          invoice(local, d, 50_000, '2026-11-01');
          let date = '2026-11-01';
          for (const gap of gaps) {
            date = addDays(date, gap);
            const p = call(local.ctx, 'dunning.proposal', { date });
            if (p.debtors.length) bookDunningRun(local.ctx, date, p.debtors.map((x) => x.debtorId));
          }
          const charges = local.ctx.db
            .prepare("SELECT l.id, l.date FROM dunning_letters l WHERE l.costs > 0 AND l.term_ends_on IS NULL")
            .all() as { id: number; date: string }[];
          for (const c of charges) {
            if (kind === 'business') continue;
            const announced = local.ctx.db
              .prepare(
                `SELECT MIN(a.term_ends_on) AS term FROM dunning_letters a JOIN dunning_letter_items ai ON ai.letter_id = a.id
                  WHERE a.term_ends_on IS NOT NULL AND ai.item_id IN (SELECT item_id FROM dunning_letter_items WHERE letter_id = ?)`,
              )
              .get(c.id) as { term: string | null };
            expect(announced.term).not.toBeNull();
            expect(announced.term! < c.date).toBe(true);
          }
          expect(subLedgerMismatches(local.ledger.db)).toEqual([]);
        } finally {
          local.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
