import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { balanceOf, bankFile, detail, entry, expectBooksHealthy, importFile, statement, transactionsOf, transfer } from '../helpers/statements';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

const doc = (itemId: number) => (t.ctx.db.prepare('SELECT document FROM open_items WHERE id = ?').get(itemId) as { document: string }).document;
const item = (id: number) => t.ctx.db.prepare('SELECT state, balance FROM open_items WHERE id = ?').get(id) as { state: string; balance: number };
const entries = () => call(t.ctx, 'statements.entries', { filter: 'all' }).entries;

describe('member transfers', () => {
  it('by the invoice number in the text: full, partial (oldest first), several items, overpaid leaves a credit', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: null, iban: 'NL20INGB0001234567' });
    const bob = member(t, { name: 'Bob Visser', mandate: null });
    const cas = member(t, { name: 'Cas Smit', mandate: null });
    const a1 = invoice(t, anna, 15_000);
    const b1 = invoice(t, bob, 15_000, '2026-10-01');
    const b2 = invoice(t, bob, 5_000, '2026-11-01', 'Bardienst');
    const c1 = invoice(t, cas, 4_500);
    const r = importFile(t, bankFile([statement([
      transfer(15_000, { name: 'A Bakker', text: `Contributie factuur ${doc(a1)}` }),
      transfer(12_000, { name: 'Bob Visser', text: `${doc(b2)}/${doc(b1)} deel` }),
      transfer(5_000, { name: 'C. Smit', text: `Betalingskenmerk ${doc(c1)} lid 1003` }),
    ])]));
    expect(r.matched.transfers).toBe(3);
    expect(item(a1)).toEqual({ state: 'settled', balance: 0 });
    // the older item first: b1 (due 1 October) is partly paid, b2 untouched
    expect(item(b1)).toEqual({ state: 'open', balance: 3_000 });
    expect(item(b2)).toEqual({ state: 'open', balance: 5_000 });
    expect(item(c1).state).toBe('settled');
    expect(call(t.ctx, 'refunds.candidates', {})).toEqual([expect.objectContaining({ debtorId: cas, credit: 500 })]);
    const [c, b, a] = entries();
    expect(a!.explanation.nl).toBe(`Betaling van Anna Bakker (1001), gevonden op het kenmerk ${doc(a1)} in de omschrijving; 1 post betaald`);
    expect(b!.explanation.nl).toMatch(/deels betaald, de rest staat open/);
    expect(c!.explanation.nl).toMatch(/te veel betaald: tegoed € 5,00/);
    expect(balanceOf(t, '1100')).toBe(32_000);
    expectBooksHealthy(t);
  });

  it('one payment for several items, and by known IBAN plus amount, then by name plus amount; a year or amount in the text is no reference', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: null, iban: 'NL20INGB0001234567' });
    const bob = member(t, { name: 'Bob Visser', mandate: null, holder: 'J. Visser' });
    const a1 = invoice(t, anna, 15_000);
    const a2 = invoice(t, anna, 2_500, '2026-11-10', 'Bardienst');
    const b1 = invoice(t, bob, 4_500);
    importFile(t, bankFile([statement([
      transfer(17_500, { name: 'Bakker', iban: 'NL20INGB0001234567', text: 'contributie 2026 en 175 euro' }),
      transfer(4_500, { name: 'J. Visser', iban: 'NL44RABO0123456789', text: 'lidmaatschap' }),
    ])]));
    expect([item(a1).state, item(a2).state, item(b1).state]).toEqual(['settled', 'settled', 'settled']);
    const [b, a] = entries();
    expect(a!.explanation.nl).toMatch(/gevonden op de bekende IBAN NL20INGB0001234567 en het bedrag; 2 posten betaald/);
    expect(b!.explanation.nl).toMatch(/gevonden op de naam J. Visser en het bedrag/);
    expectBooksHealthy(t);
  });

  it('several payments of one member in one file each see what the one before left open', () => {
    // an import writes its payments many at a time: the next payment of the same item or member must not read the balance from before
    const anna = member(t, { name: 'Anna Bakker', mandate: null, iban: 'NL20INGB0001234567' });
    const a1 = invoice(t, anna, 15_000, '2026-10-01');
    const a2 = invoice(t, anna, 2_500, '2026-11-10', 'Bardienst');
    const r = importFile(t, bankFile([statement([
      transfer(6_000, { name: 'Anna Bakker', text: `Eerste termijn ${doc(a1)}` }),
      transfer(6_000, { name: 'Anna Bakker', text: `Tweede termijn ${doc(a1)}` }),
      // the rest of a1 and all of a2, by IBAN and amount: only right once both payments above count
      transfer(5_500, { name: 'Bakker', iban: 'NL20INGB0001234567', text: 'rest' }),
      transfer(1_000, { name: 'Anna Bakker', text: `Nog eens ${doc(a1)}` }),
    ])]));
    expect(r.matched.transfers).toBe(3);
    expect(r.unmatched).toBe(1);
    expect(item(a1)).toEqual({ state: 'settled', balance: 0 });
    expect(item(a2)).toEqual({ state: 'settled', balance: 0 });
    const paid = call(t.ctx, 'items.history', { itemId: a1 }).filter((h) => h.kind === 'payment').map((h) => h.text);
    expect(paid).toEqual([
      'Betaling € 60,00 ontvangen op 27-11-2026, nog open € 90,00',
      'Betaling € 60,00 ontvangen op 27-11-2026, nog open € 30,00',
      'Betaling € 30,00 ontvangen op 27-11-2026',
    ]);
    expect(balanceOf(t, '1100')).toBe(17_500);
    expectBooksHealthy(t);
  });
});

describe('what Penning cannot match', () => {
  it('suggests ranked matches with reasons; a manual match settles the items and teaches the IBAN', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: null, iban: 'NL20INGB0001234567' });
    const anne = member(t, { name: 'Anne Bakker', mandate: null, iban: 'NL86INGB0002445588' });
    const a1 = invoice(t, anna, 15_000);
    invoice(t, anne, 9_000);
    const r = importFile(t, bankFile([statement([transfer(15_000, { name: 'FAM BAKKER', iban: 'NL71RABO5901576359', text: 'contributie' })])]));
    expect(r.unmatched).toBe(1);
    const e = entries()[0]!;
    expect(e).toMatchObject({ state: 'unmatched', kind: null, counterpartyIban: 'NL71RABO5901576359' });
    const s = call(t.ctx, 'statements.suggestions', { entryId: e.id });
    expect(s.map((x) => [x.debtorName, x.score, x.reasons.map((r) => r.key)])).toEqual([
      ['Anna Bakker', 33, ['amount', 'name', 'date']],
      ['Anne Bakker', 13, ['name', 'date']],
    ]);
    const matched = call(t.ctx, 'statements.match', { entryId: e.id, itemIds: [a1] });
    expect(matched).toMatchObject({ state: 'matched', kind: 'manual' });
    expect(matched.explanation.nl).toMatch(/koppeling met de hand; 1 post betaald; IBAN NL71RABO5901576359 onthouden voor dit lid/);
    expect(item(a1).state).toBe('settled');
    // the next payment from that IBAN matches by itself
    const a2 = invoice(t, anna, 2_500, '2026-11-20', 'Bardienst');
    importFile(t, bankFile([statement([transfer(2_500, { name: 'FAM BAKKER', iban: 'NL71RABO5901576359', text: 'bar', date: '2026-11-28' })], { id: 'S2' })]));
    expect(item(a2).state).toBe('settled');
    // and a match can be undone by a reversing entry
    const undone = call(t.ctx, 'statements.unmatch', { entryId: e.id, reason: 'verkeerd lid' });
    expect(undone).toMatchObject({ state: 'unmatched', allocations: [] });
    expect(item(a1)).toEqual({ state: 'open', balance: 15_000 });
    // the undone payment is on the bank again as unmatched money, no longer booked
    expect(balanceOf(t, '1100')).toBe(2_500);
    expectBooksHealthy(t);
  });

  it('books bank costs and other income to a chosen account, refusing receivables and the bank itself', () => {
    importFile(t, bankFile([statement([entry({ amount: -1_250, details: [detail({ remittance: 'Kosten betaalpakket' })] }), entry({ amount: 10_000, details: [detail({ counterparty: { name: 'Gemeente', iban: null, bic: null }, remittance: 'subsidie' })] })])]));
    const [income, costs] = entries();
    const account = (code: string) => call(t.ctx, 'accounts.list', {}).find((a) => a.code === code)!.id;
    expect(dispatch(t.ctx, 'statements.bookToAccount', { entryId: costs!.id, accountId: account('1300') })).toMatchObject({ ok: false, error: { rule: 'receivables' } });
    expect(dispatch(t.ctx, 'statements.bookToAccount', { entryId: costs!.id, accountId: account('1100') })).toMatchObject({ ok: false, error: { rule: 'same_account' } });
    expect(call(t.ctx, 'statements.bookToAccount', { entryId: costs!.id, accountId: account('4800') })).toMatchObject({ state: 'matched', kind: 'account', explanation: { nl: 'Met de hand geboekt op 4800 Bankkosten' } });
    call(t.ctx, 'statements.bookToAccount', { entryId: income!.id, accountId: account('8100') });
    expect([balanceOf(t, '4800'), balanceOf(t, '8100'), balanceOf(t, '1100')]).toEqual([1_250, -10_000, 8_750]);
    expect(dispatch(t.ctx, 'statements.bookToAccount', { entryId: costs!.id, accountId: account('4800') })).toMatchObject({ ok: false, error: { rule: 'already_matched' } });
    expect(call(t.ctx, 'statements.entries', { filter: 'unmatched' }).total).toBe(0);
    expectBooksHealthy(t);
  });
});

describe('our refunds leaving the account', () => {
  it('are matched by end-to-end id: Terug te betalen / Bank, the run confirmed', () => {
    const bob = member(t, { name: 'Bob Visser', mandate: null, iban: 'NL44RABO0123456789' });
    const b1 = invoice(t, bob, 5_000);
    importFile(t, bankFile([statement([transfer(7_500, { text: doc(b1) })])]));
    const refund = call(t.ctx, 'refunds.create', { debtorIds: [bob] });
    expect(balanceOf(t, '1600')).toBe(-2_500);
    const tx = transactionsOf(t, refund.id)[0]!;
    const r = importFile(t, bankFile([statement([entry({ amount: -2_500, bookingDate: '2026-11-26', details: [detail({ endToEndId: tx.endToEndId, counterparty: { name: 'Bob Visser', iban: tx.iban, bic: null } })] })], { id: 'S2' })]));
    expect(r.matched.refunds).toBe(1);
    expect(balanceOf(t, '1600')).toBe(0);
    expect(call(t.ctx, 'batches.get', { id: refund.id, limit: 1, offset: 0 }).batch.status).toBe('confirmed');
    expect(entries().find((e) => e.kind === 'refund')!.explanation.nl).toMatch(/^Terugbetaling TRB-2026-0001 \(1 betaling\) afgeschreven/);
    expectBooksHealthy(t);
  });
});

interface Posted { id: number; reference: string; sourceType: string | null; lineCount: number; reversesEntryId: number | null }
const posted = () =>
  t.ctx.db.prepare(
    `SELECT e.id, j.code || ' ' || e.year || '/' || substr('0000' || e.number, -4) AS reference, e.source_type AS sourceType, e.line_count AS lineCount, e.reverses_entry_id AS reversesEntryId
       FROM journal_entries e JOIN journals j ON j.id = e.journal_id ORDER BY e.id`,
  ).all() as Posted[];
const linesOf = (entryId: number) =>
  t.ctx.db.prepare('SELECT a.code, l.debtor_id AS debtorId, l.debit, l.credit FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.line_no').all(entryId) as { code: string; debtorId: number | null; debit: number; credit: number }[];

describe('members\u2019 transfers of one statement and day', () => {
  it('share one journal entry, a line per payment; undoing one reverses only its share, the others stay booked', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: null });
    const bob = member(t, { name: 'Bob Visser', mandate: null });
    const cas = member(t, { name: 'Cas Smit', mandate: null });
    const a1 = invoice(t, anna, 15_000);
    const b1 = invoice(t, bob, 5_000);
    const c1 = invoice(t, cas, 4_500);
    const before = posted().length;
    const r = importFile(t, bankFile([statement([
      transfer(15_000, { name: 'A Bakker', text: `Contributie ${doc(a1)}` }),
      transfer(7_500, { name: 'B Visser', text: `Contributie ${doc(b1)}` }),
      transfer(4_500, { name: 'C Smit', text: `Contributie ${doc(c1)}` }),
    ])]));
    expect(r.matched.transfers).toBe(3);
    const gathered = posted().slice(before);
    expect(gathered.map((e) => [e.sourceType, e.lineCount])).toEqual([['bank_statement', 4]]);
    const g = gathered[0]!;
    expect(linesOf(g.id)).toEqual([
      { code: '1300', debtorId: anna, debit: 0, credit: 15_000 },
      { code: '1300', debtorId: bob, debit: 0, credit: 7_500 },
      { code: '1300', debtorId: cas, debit: 0, credit: 4_500 },
      { code: '1100', debtorId: null, debit: 27_000, credit: 0 },
    ]);
    expect(entries().map((e) => e.journalEntryId)).toEqual([g.id, g.id, g.id]);
    // a member's card shows the entry with that member's line only, which says whose payment
    const annasEntry = call(t.ctx, 'entries.list', { debtorId: anna, limit: 10 }).entries.find((e) => e.id === g.id)!;
    expect(annasEntry.lines).toEqual([expect.objectContaining({ debtorId: anna, credit: 15_000, description: expect.stringMatching(/^Betaling Anna Bakker \(\d+\), afschriftregel \d+$/) })]);
    // Bob paid 25 too much: his credit is named after the gathered entry, posted only at the end
    const credit = t.ctx.db.prepare('SELECT id, document, balance FROM open_items WHERE debtor_id = ? AND amount < 0').get(bob) as { id: number; document: string; balance: number };
    expect(credit).toMatchObject({ document: g.reference.replace(' ', '-').replace('/', '-'), balance: -2_500 });

    const [, bobEntry, annaEntry] = entries();
    const undone = call(t.ctx, 'statements.unmatch', { entryId: annaEntry!.id, reason: 'verkeerd lid' });
    expect(undone).toMatchObject({ state: 'unmatched', allocations: [] });
    expect(item(a1)).toEqual({ state: 'open', balance: 15_000 });
    const reversal = posted().at(-1)!;
    // its own entry, the amount back from Anna to the bank; the gathered entry is not reversed
    expect(reversal).toMatchObject({ sourceType: 'statement_entry', lineCount: 2, reversesEntryId: null });
    expect(linesOf(reversal.id)).toEqual([
      { code: '1300', debtorId: anna, debit: 15_000, credit: 0 },
      { code: '1100', debtorId: null, debit: 0, credit: 15_000 },
    ]);
    expect(posted().find((e) => e.id === g.id)).toEqual(g);
    expect(linesOf(g.id)).toHaveLength(4);
    expect(item(b1).state).toBe('settled');
    expect(item(c1).state).toBe('settled');
    expect(entries().filter((e) => e.state === 'matched').map((e) => e.journalEntryId)).toEqual([g.id, g.id]);
    expect(balanceOf(t, '1100')).toBe(12_000);
    expectBooksHealthy(t);

    // a second share of the same entry: Bob's payment and the credit it left
    call(t.ctx, 'statements.unmatch', { entryId: bobEntry!.id, reason: 'dubbel' });
    expect(item(b1)).toEqual({ state: 'open', balance: 5_000 });
    expect(item(credit.id)).toEqual({ state: 'settled', balance: 0 });
    expect(linesOf(posted().at(-1)!.id)).toEqual([
      { code: '1300', debtorId: bob, debit: 7_500, credit: 0 },
      { code: '1100', debtorId: null, debit: 0, credit: 7_500 },
    ]);
    expect(balanceOf(t, '1100')).toBe(4_500);
    expectBooksHealthy(t);

    // and Anna's payment matched again by hand: booked in an entry of its own
    expect(call(t.ctx, 'statements.match', { entryId: annaEntry!.id, itemIds: [a1], learnIban: false })).toMatchObject({ state: 'matched', kind: 'manual' });
    expect(item(a1)).toEqual({ state: 'settled', balance: 0 });
    expect(balanceOf(t, '1100')).toBe(19_500);
    expectBooksHealthy(t);
  });
});
