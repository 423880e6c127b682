import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api/contract';
import { call, dispatchAsync } from '../../electron/api';
import { collectionCosts, collectionCostsVat } from '../../electron/dunning/collectionCosts';
import { checkLetter } from '../../electron/dunning/letterPdf';
import { bookDunningRun } from '../../electron/dunning/run';
import { termEndsOn } from '../../electron/dunning/term';
import { addDays } from '../../shared/dates';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, tempDir, type TestLedger } from '../helpers/ledger';
import { balanceOf, expectBooksHealthy, paysByHand } from '../helpers/statements';

/**
 * The money rules of dunning beyond the ladder itself: statutory interest booked with the letters,
 * charged collection costs lowered after a part payment, and the organisation's € 40 from the day
 * after the due date. The books stay whole after every step.
 */
let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

const proposal = (date: string) => call(t.ctx, 'dunning.proposal', { date });
const run = (date: string) => bookDunningRun(t.ctx, date, proposal(date).debtors.map((d) => d.debtorId));
const itemsOf = (debtorId: number, source: string) =>
  t.ctx.db.prepare('SELECT id, document, description, amount, balance, state FROM open_items WHERE debtor_id = ? AND source_type = ? ORDER BY id').all(debtorId, source) as { id: number; document: string; description: string; amount: number; balance: number; state: string }[];
const interestThrough = (itemId: number) => (t.ctx.db.prepare('SELECT interest_through AS d FROM open_items WHERE id = ?').get(itemId) as { d: string | null }).d;

/** A rate table of the test's own: 4 % for consumers, 10 % commercial, from 2026. */
function rates(): void {
  t.ctx.db.prepare('DELETE FROM interest_rates').run();
  call(t.ctx, 'dunning.interestRates.save', { kind: 'consumer', startsOn: '2026-01-01', rate: 400 });
  call(t.ctx, 'dunning.interestRates.save', { kind: 'commercial', startsOn: '2026-01-01', rate: 1_000 });
  call(t.ctx, 'dunning.settings.save', { statutoryInterest: true });
}

const pays = (itemId: number, amount: number, date: string, l: TestLedger = t) => paysByHand(l, itemId, amount, date);

describe('statutory interest', () => {
  it('is off by default: no interest in the proposal, the letter or the books', () => {
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    invoice(t, d, 100_000, '2026-11-01');
    expect(proposal('2026-11-15').debtors[0]).toMatchObject({ interest: 0, total: 100_000 });
    expect(run('2026-11-15').letters[0]).toMatchObject({ interest: 0, interestThrough: null, total: 100_000 });
    expect(itemsOf(d, 'interest')).toEqual([]);
  });

  it('books the interest accrued since it was last booked, per principal item, with a rate change inside the period; in the total; never on fees or interest', () => {
    rates();
    const aanmaning = call(t.ctx, 'dunning.levels.list', {}).find((l) => l.name === 'Aanmaning')!;
    call(t.ctx, 'dunning.levels.save', { ...aanmaning, fee: 750 });
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    const item = invoice(t, d, 100_000, '2026-11-01');

    // 2 to 15 November: 14 days at 4 % on € 1.000 = 100 000 × 0,04 × 14 / 365 = 153,42 cents
    expect(proposal('2026-11-15').debtors[0]).toMatchObject({ interest: 153, total: 100_153 });
    const first = run('2026-11-15');
    expect(first.interest).toBe(153);
    expect(first.letters[0]).toMatchObject({ interest: 153, interestThrough: '2026-11-15', total: 100_153 });
    expect(itemsOf(d, 'interest')).toEqual([expect.objectContaining({ amount: 153, balance: 153, state: 'open', description: 'Wettelijke rente t/m 15-11-2026' })]);
    expect(balanceOf(t, '8220')).toBe(-153);
    expect(interestThrough(item)).toBe('2026-11-15');
    expectBooksHealthy(t);

    // the rate goes to 8 % on 20 November: 16-19 November at 4 %, 20-29 at 8 %;
    // 100 000 × (0,04 × 4 + 0,08 × 10) / 365 = 263,01 (and with the first letter's 153: the 416 of one period 2-29 November)
    call(t.ctx, 'dunning.interestRates.save', { kind: 'consumer', startsOn: '2026-11-20', rate: 800 });
    const second = run('2026-11-29').letters[0]!;
    // the unpaid interest and the fee go along, but earn nothing themselves
    expect(second.interest).toBe(263);
    expect(second.interestThrough).toBe('2026-11-29');
    expect(second.fees.map((f) => f.amount)).toEqual([153, 750]);
    expect(second.total).toBe(100_000 + 153 + 750 + 263);
    expect(itemsOf(d, 'interest').map((i) => i.amount)).toEqual([153, 263]);
    expect(balanceOf(t, '8220')).toBe(-416);
    expect(call(t.ctx, 'debtors.get', { id: d }).balance).toBe(second.total);
    expectBooksHealthy(t);

    // a part payment: from then on the interest runs on what is still open (30 November - 13 December at 8 % on € 400,
    // as the difference of what the open balance earns from the first day of default to either end)
    pays(item, 60_000, '2026-12-01');
    const third = run('2026-12-13').letters[0]!;
    expect(third.interest).toBe(122);
    expect(interestThrough(item)).toBe('2026-12-13');
    expectBooksHealthy(t);
  });

  it('goes on where it was booked when the item is split: the parts earn none twice', () => {
    rates();
    const d = member(t, { name: 'Cas Smit', mandate: null });
    const item = invoice(t, d, 100_000, '2026-11-01');
    expect(run('2026-11-15').letters[0]!.interest).toBe(153);
    call(t.ctx, 'items.split', { itemId: item, parts: [{ dueDate: '2026-11-10' }, { dueDate: '2026-11-10' }], reason: 'in twee delen' });
    // each € 500 from 16 November (not from 11 November, the day after the parts' due date) through 24 November:
    // the difference of 14 and 5 days from 11 November at 4 %: 76,71 → 77 minus 27,40 → 27
    const letter = run('2026-11-24').letters[0]!;
    expect(letter.items).toHaveLength(2);
    expect(letter.interest).toBe(2 * 50);
    expectBooksHealthy(t);
  });

  it('takes the commercial rate for an organisation, and a waived interest item goes back out of Wettelijke rente', () => {
    rates();
    const d = member(t, { name: 'Sportschool BV', kind: 'business', mandate: null });
    invoice(t, d, 100_000, '2026-11-01');
    // 14 days at 10 %: 383,56
    const letter = run('2026-11-15').letters[0]!;
    expect(letter.interest).toBe(384);
    const [wr] = itemsOf(d, 'interest');
    call(t.ctx, 'dunning.waiveFee', { itemId: wr!.id, reason: 'goede klant' });
    expect(balanceOf(t, '8220')).toBe(0);
    expect(call(t.ctx, 'debtors.get', { id: d }).balance).toBe(100_000);
    expectBooksHealthy(t);
  });

  it('is on the written letter ("Wettelijke rente t/m"), in its total and in the EPC QR amount; the booking equals the dry run the letters were drawn from', async () => {
    rates();
    call(t.ctx, 'settings.update', { organisation: { name: 'Tennisvereniging De Zwaluwen', city: 'Utrecht', email: 'penningmeester@zwaluwen.example' } });
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    invoice(t, d, 100_000, '2026-11-01');
    const out = tempDir('penning-interest-');
    try {
      const r = await dispatchAsync(t.ctx, 'dunning.run', { date: '2026-11-15', debtorIds: [d], out });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const value = r.value as Output<'dunning.run'>;
      const letter = value.letters[0]!;
      expect(letter.total).toBe(100_153);
      expect(checkLetter(letter)).toContain('\nEUR1001.53\n');
      const text = execFileSync('pdftotext', ['-layout', value.files[0]!.pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Wettelijke rente t/m 15-11-2026 € 1,53');
      expect(text).toContain('Totaal te betalen € 1.001,53');
      const print = execFileSync('pdftotext', ['-layout', value.printFile!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(print).toContain('Wettelijke rente t/m 15-11-2026 € 1,53');
      expectBooksHealthy(t);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('charged collection costs after a part payment', () => {
  /**
   * € 3.000 walked up the default ladder (plus a letter after the hand-over, so one follows the part
   * payment) until the costs are charged, then `paid` of the principal paid two days later.
   */
  function chargedThenPaid(name: string, paid: number) {
    call(t.ctx, 'dunning.levels.save', { name: 'Nazending', daysAfter: 14, textNl: 'Beste {naam}', textEn: 'Dear {naam}' });
    const d = member(t, { name, mandate: null });
    const item = invoice(t, d, 300_000, '2026-11-01');
    const veertien = addDays('2026-11-01', 42);
    const overdracht = addDays(termEndsOn(veertien), 1);
    for (const date of [addDays('2026-11-01', 14), addDays('2026-11-01', 28), veertien, overdracht]) run(date);
    const [ik] = itemsOf(d, 'collection_costs');
    pays(item, paid, addDays(overdracht, 2));
    return { d, item, ik: ik!, overdracht };
  }

  it('are lowered to the WIK scale on the rest at the next letter, with their BTW in proportion; the books stay whole', () => {
    call(t.ctx, 'dunning.settings.save', { collectionCostsVat: true });
    const { d, ik, overdracht } = chargedThenPaid('Lotte de Vries', 200_000);
    // € 3.000: € 425 plus 21 % BTW
    expect(ik).toMatchObject({ amount: 51_425, balance: 51_425 });

    // € 1.000 still open: € 150 plus € 31,50 BTW; lowered by € 332,75 of which € 57,75 BTW
    const next = addDays(overdracht, 14);
    const p = proposal(next).debtors[0]!;
    expect(p).toMatchObject({ levelName: 'Nazending', principal: 100_000, costsLowered: 33_275, openFees: 18_150, total: 118_150 });
    expect(proposal(next).totals.costsLowered).toBe(33_275);
    const letter = run(next).letters[0]!;
    expect(letter.fees).toEqual([{ description: `${ik.document} Incassokosten (incl. € 89,25 btw) (verlaagd na deelbetaling)`, amount: 18_150 }]);
    expect(letter.total).toBe(118_150);
    expect(itemsOf(d, 'collection_costs')).toEqual([expect.objectContaining({ amount: 51_425, balance: 18_150, state: 'open' })]);
    expect(balanceOf(t, '8210')).toBe(-15_000);
    expect(balanceOf(t, '1710')).toBe(-3_150);
    expect(call(t.ctx, 'debtors.get', { id: d }).balance).toBe(118_150);
    const history = call(t.ctx, 'items.history', { itemId: ik.id }).map((h) => h.kind);
    expect(history).toContain('costs_lowered');
    expectBooksHealthy(t);
  });

  it('are never raised: a principal that grows again (merged with a new invoice) leaves the charged costs as they are', () => {
    const { d, item, overdracht } = chargedThenPaid('Olaf Jansen', 200_000);
    const bigger = invoice(t, d, 500_000, addDays(overdracht, 3), 'Baanhuur');
    call(t.ctx, 'items.merge', { itemIds: [item, bigger], dueDate: addDays(overdracht, 3), reason: 'een post' });
    const next = addDays(overdracht, 17);
    const p = proposal(next).debtors.find((x) => x.debtorId === d)!;
    expect(p.costsLowered).toBe(0);
    expect(p.openFees).toBe(42_500);
    run(next);
    expect(itemsOf(d, 'collection_costs')).toEqual([expect.objectContaining({ amount: 42_500, balance: 42_500 })]);
    expect(balanceOf(t, '8210')).toBe(-42_500);
    expectBooksHealthy(t);
  });

  it('stay as charged when the principal is paid in full: there is no rest to compute them on', () => {
    const { d, overdracht } = chargedThenPaid('Pim de Boer', 300_000);
    // the costs item alone climbs on: 14 days after its own due date (14 days after the hand-over letter)
    const p = proposal(addDays(overdracht, 28)).debtors.find((x) => x.debtorId === d)!;
    expect(p).toMatchObject({ principal: 0, costsLowered: 0, openFees: 42_500, total: 42_500 });
  });
});

describe('the books under any sequence of letters and part payments (property)', () => {
  it('stay whole; charged costs only go down, never below the scale on the rest once a letter followed the payment', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 1, max: 30 }), pay: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }) }), { minLength: 4, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom<'person' | 'business'>('person', 'business'),
        (steps, vat, kind) => {
          const l = openInitializedLedger();
          try {
            call(l.ctx, 'dunning.settings.save', { collectionCostsVat: vat, statutoryInterest: true });
            call(l.ctx, 'dunning.levels.save', { name: 'Nazending', daysAfter: 7, textNl: 'Beste {naam}', textEn: 'Dear {naam}' });
            const d = member(l, { name: 'Rens Visser', kind, mandate: null });
            const item = invoice(l, d, 600_000, '2026-11-01');
            let date = '2026-11-01';
            for (const step of steps) {
              date = addDays(date, step.gap);
              const open = (l.ctx.db.prepare('SELECT balance FROM open_items WHERE id = ?').get(item) as { balance: number }).balance;
              if (step.pay && step.pay < open) pays(item, step.pay, date, l);
              const p = call(l.ctx, 'dunning.proposal', { date });
              if (p.debtors.length) bookDunningRun(l.ctx, date, p.debtors.map((x) => x.debtorId));
            }
            expectBooksHealthy(l);
            const costs = l.ctx.db.prepare("SELECT id, amount, balance FROM open_items WHERE source_type = 'collection_costs'").all() as { id: number; amount: number; balance: number }[];
            const rest = (l.ctx.db.prepare('SELECT balance FROM open_items WHERE id = ?').get(item) as { balance: number }).balance;
            const lowered = l.ctx.db.prepare("SELECT COALESCE(SUM(jl.credit), 0) AS n FROM journal_entries e JOIN journal_lines jl ON jl.entry_id = e.id WHERE e.source_type = 'costs_lowered' AND e.source_id = ? AND jl.debtor_id IS NOT NULL");
            for (const c of costs) {
              expect(c.balance).toBeGreaterThanOrEqual(0);
              expect(c.balance).toBeLessThanOrEqual(c.amount);
              const asked = c.amount - (lowered.get(String(c.id)) as { n: number }).n;
              const scale = collectionCosts(rest);
              if (rest > 0) expect(asked).toBeGreaterThanOrEqual(scale + collectionCostsVat(scale, vat));
            }
            // every lowering takes money off the receivable, never puts it on
            const lowerings = l.ctx.db.prepare("SELECT SUM(jl.debit) AS up, SUM(jl.credit) AS down FROM journal_entries e JOIN journal_lines jl ON jl.entry_id = e.id WHERE e.source_type = 'costs_lowered' AND jl.debtor_id IS NOT NULL").get() as { up: number | null; down: number | null };
            expect(lowerings.up ?? 0).toBe(0);
          } finally {
            l.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('the organisation and the consumer', () => {
  it('an organisation owes the € 40 minimum from the day after the due date, without a veertiendagenbrief; a consumer does not', () => {
    // one level only, charging from the first day the item is overdue
    for (const l of call(t.ctx, 'dunning.levels.list', {})) {
      if (l.collectionCosts === 'charge') call(t.ctx, 'dunning.levels.save', { ...l, daysAfter: 0 });
      else call(t.ctx, 'dunning.levels.save', { ...l, active: false });
    }
    const org = member(t, { name: 'Sportschool BV', kind: 'business', mandate: null });
    const person = member(t, { name: 'Rens Visser', mandate: null });
    invoice(t, org, 10_000, '2026-11-01');
    invoice(t, person, 10_000, '2026-11-01');
    expect(proposal('2026-11-01').debtors).toEqual([]);
    const p = proposal('2026-11-02');
    expect(p.debtors.find((x) => x.debtorId === org)).toMatchObject({ costsMode: 'charge', costs: 4_000, total: 14_000 });
    expect(p.debtors.find((x) => x.debtorId === person)).toMatchObject({ costsMode: 'none', costs: 0, total: 10_000 });
    run('2026-11-02');
    expect(itemsOf(org, 'collection_costs').map((i) => i.amount)).toEqual([4_000]);
    expect(itemsOf(person, 'collection_costs')).toEqual([]);
    expectBooksHealthy(t);
  });

  it('a consumer\'s veertiendagenbrief names the term in the safe wording, and the costs wait until the day after it', () => {
    const d = member(t, { name: 'Lotte de Vries', mandate: null });
    invoice(t, d, 15_000, '2026-11-01');
    for (const date of ['2026-11-15', '2026-11-29']) run(date);
    const veertien = run('2026-12-13').letters[0]!;
    expect(veertien.termEndsOn).toBe(termEndsOn('2026-12-13'));
    // a Sunday letter is delivered on the second postal day (no post on Monday): Wednesday 16 December; fifteen days after that
    expect(veertien.termEndsOn).toBe('2026-12-31');
    expect(veertien.body).toContain('vijftien dagen nadat deze brief bij u is bezorgd, uiterlijk op 31-12-2026');
    expect(proposal('2026-12-31').excluded.map((e) => e.reason)).toContain('costs_term_running');
    expect(proposal('2027-01-01').debtors[0]).toMatchObject({ costsMode: 'charge', costs: 4_000 });
  });
});
