import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { balanceOf, bankFile, expectBooksHealthy, importFile, statement, transfer } from '../helpers/statements';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

const doc = (itemId: number) => (t.ctx.db.prepare('SELECT document FROM open_items WHERE id = ?').get(itemId) as { document: string }).document;
const item = (id: number) => t.ctx.db.prepare('SELECT state, balance FROM open_items WHERE id = ?').get(id) as { state: string; balance: number };
const entries = () => call(t.ctx, 'statements.entries', { filter: 'all' }).entries;
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
