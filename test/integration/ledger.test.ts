import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entriesWithoutLines, receivableLinesWithoutDebtor, subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatch } from '../../electron/api';
import { gatherLines, postInTurn, withGatheredEntries } from '../../electron/ledger/gatheredEntry';
import { postEntry } from '../../electron/ledger/post';
import { openInitializedLedger, openTempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

function accountId(code: string): number {
  return (t.ledger.db.prepare('SELECT id FROM accounts WHERE code = ?').get(code) as { id: number }).id;
}

function healthy(): void {
  expect(unbalancedEntries(t.ledger.db)).toEqual([]);
  expect(entriesWithoutLines(t.ledger.db)).toEqual([]);
  expect(receivableLinesWithoutDebtor(t.ledger.db)).toEqual([]);
  expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
}

describe('posting journal entries', () => {
  it('posts a balanced entry with gap-free numbering per journal and year', () => {
    const debtor = call(t.ctx, 'debtors.create', { name: 'Anouk de Vries' });
    const first = call(t.ctx, 'entries.post', {
      journalCode: 'MEM',
      date: '2026-07-01',
      description: 'Beginbalans',
      lines: [
        { accountCode: '1300', debtorId: debtor.id, debit: 12_500 },
        { accountCode: '0990', credit: 12_500 },
      ],
    });
    expect(first.reference).toBe('MEM 2026/0001');
    expect(first.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['1300', 12_500, 0],
      ['0990', 0, 12_500],
    ]);
    const second = call(t.ctx, 'entries.post', {
      journalCode: 'MEM',
      date: '2026-07-02',
      description: 'Tweede',
      lines: [
        { accountCode: '1100', debit: 1 },
        { accountCode: '8100', credit: 1 },
      ],
    });
    expect(second.reference).toBe('MEM 2026/0002');
    const nextYear = call(t.ctx, 'entries.post', {
      journalCode: 'MEM',
      date: '2027-01-02',
      description: 'Nieuw jaar',
      lines: [
        { accountCode: '1100', debit: 1 },
        { accountCode: '8100', credit: 1 },
      ],
    });
    expect(nextYear.reference).toBe('MEM 2027/0001');
    expect(call(t.ctx, 'debtors.get', { id: debtor.id }).balance).toBe(12_500);
    healthy();
  });

  it('refuses an unbalanced entry and writes nothing', () => {
    const result = dispatch(t.ctx, 'entries.post', {
      journalCode: 'MEM',
      date: '2026-07-01',
      description: 'Scheef',
      lines: [
        { accountCode: '1100', debit: 1000 },
        { accountCode: '8100', credit: 999 },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'lines', rule: 'balanced' } });
    expect(t.ledger.db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get()).toEqual({ n: 0 });
    expect(t.ledger.db.prepare('SELECT COUNT(*) AS n FROM journal_lines').get()).toEqual({ n: 0 });
  });

  it.each([
    [{ accountCode: '1100', debit: 10, credit: 10 }, 'lines.0.debit', 'one_side'],
    [{ accountCode: '1300', debit: 10 }, 'lines.0.debtorId', 'debtor_required'],
    [{ accountCode: '9999', debit: 10 }, 'lines.0.accountCode', 'exists'],
    [{ accountCode: '1100', debit: 10.5 }, 'lines.0.debit', 'int'],
  ])('refuses a malformed line %j', (line, field, rule) => {
    const result = dispatch(t.ctx, 'entries.post', {
      journalCode: 'MEM',
      date: '2026-07-01',
      description: 'Fout',
      lines: [line, { accountCode: '8100', credit: 10 }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe(field);
      if (rule !== 'int') expect(result.error.rule).toBe(rule);
    }
  });

  it('refuses a single-line entry and an impossible date', () => {
    expect(dispatch(t.ctx, 'entries.post', { journalCode: 'MEM', date: '2026-07-01', description: 'x', lines: [{ accountCode: '1100', debit: 1 }] })).toMatchObject({
      ok: false,
      error: { field: 'lines', rule: 'min_lines' },
    });
    expect(
      dispatch(t.ctx, 'entries.post', { journalCode: 'MEM', date: '2026-02-30', description: 'x', lines: [{ accountCode: '1100', debit: 1 }, { accountCode: '8100', credit: 1 }] }),
    ).toMatchObject({ ok: false, error: { field: 'date', rule: 'date' } });
  });

  it('corrects by a reversing entry, once', () => {
    const entry = call(t.ctx, 'entries.post', {
      journalCode: 'BNK',
      date: '2026-08-01',
      description: 'Ontvangst',
      lines: [
        { accountCode: '1100', debit: 5000 },
        { accountCode: '8100', credit: 5000 },
      ],
    });
    const reversal = call(t.ctx, 'entries.reverse', { entryId: entry.id, date: '2026-08-02' });
    expect(reversal.reversesEntryId).toBe(entry.id);
    expect(reversal.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['1100', 0, 5000],
      ['8100', 5000, 0],
    ]);
    expect(call(t.ctx, 'entries.list', { journalCode: 'BNK' }).entries.find((e) => e.id === entry.id)?.reversedByEntryId).toBe(reversal.id);
    expect(dispatch(t.ctx, 'entries.reverse', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'conflict', rule: 'already_reversed' } });
    const bank = call(t.ctx, 'accounts.list', {}).find((a) => a.code === '1100')!;
    expect(bank.balance).toBe(0);
    healthy();
  });
});

describe('immutability, enforced by the database', () => {
  beforeEach(() => {
    call(t.ctx, 'entries.post', {
      journalCode: 'MEM',
      date: '2026-07-01',
      description: 'Vast',
      lines: [
        { accountCode: '1100', debit: 700 },
        { accountCode: '8100', credit: 700 },
      ],
    });
  });

  it.each([
    'UPDATE journal_lines SET debit = 1 WHERE debit = 700',
    'UPDATE journal_lines SET account_id = account_id',
    'DELETE FROM journal_lines',
    "UPDATE journal_entries SET description = 'anders'",
    'DELETE FROM journal_entries',
  ])('refuses raw SQL: %s', (sql) => {
    expect(() => t.ledger.db.prepare(sql).run()).toThrow(/immutable/);
    expect(t.ledger.db.prepare('SELECT SUM(debit) AS d, SUM(credit) AS c FROM journal_lines').get()).toEqual({ d: 700, c: 700 });
  });

  it('refuses adding a line to an entry that is already posted', () => {
    call(t.ctx, 'entries.post', {
      journalCode: 'MEM',
      date: '2026-07-02',
      description: 'Later',
      lines: [
        { accountCode: '1100', debit: 1 },
        { accountCode: '8100', credit: 1 },
      ],
    });
    const firstId = (t.ledger.db.prepare('SELECT MIN(id) AS id FROM journal_entries').get() as { id: number }).id;
    expect(() =>
      t.ledger.db.prepare('INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit) VALUES (?, 9, ?, 5, 0)').run(firstId, accountId('1100')),
    ).toThrow(/only be added to the entry being posted|entry is closed/);
  });

  it('refuses a line with both or neither side, or a negative amount (CHECK)', () => {
    // a fresh entry that still expects its lines, so only the CHECK stands in the way
    const journal = (t.ledger.db.prepare("SELECT id FROM journals WHERE code = 'MEM'").get() as { id: number }).id;
    const id = Number(
      t.ledger.db.prepare("INSERT INTO journal_entries (journal_id, year, number, date, description, line_count) VALUES (?, 2026, 999, '2026-07-03', 'x', 3)").run(journal).lastInsertRowid,
    );
    const insert = t.ledger.db.prepare('INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit) VALUES (?, ?, ?, ?, ?)');
    expect(() => insert.run(id, 1, accountId('1100'), 5, 5)).toThrow(/CHECK/);
    expect(() => insert.run(id, 1, accountId('1100'), 0, 0)).toThrow(/CHECK/);
    expect(() => insert.run(id, 1, accountId('1100'), -5, 0)).toThrow(/CHECK/);
  });
});

describe('a failing write leaves nothing behind', () => {
  it('rolls back the whole first-run set-up when its last bank account is refused', () => {
    const fresh = openTempLedger();
    try {
      const result = dispatch(fresh.ctx, 'setup.initialize', {
        organisation: { name: 'VV Oranje' },
        bankAccounts: [
          { name: 'Betaalrekening', iban: 'NL91ABNA0417164300' },
          { name: 'Dubbel', iban: 'NL91 ABNA 0417 1643 00' },
        ],
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'bankAccounts.1.iban', rule: 'unique' } });
      expect(call(fresh.ctx, 'settings.get', {}).initialized).toBe(false);
      for (const table of ['organisation', 'accounts', 'journals', 'bank_accounts', 'account_roles']) {
        expect(fresh.ledger.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
      }
    } finally {
      fresh.close();
    }
  });
});

describe('entries gathered during an import', () => {
  it('take an entry of its own (postInTurn) after them without being cut short; anything posted directly posts them first; ids and numbers in posting order', () => {
    const db = t.ledger.db;
    const bank = accountId('1100');
    const transit = accountId('1400');
    const costs = accountId('4800');
    const head = { journalCode: 'BNK', date: '2026-11-26', description: 'Bijschrijving incasso', sourceType: 'bank_statement', sourceId: '1' };
    const credit = (cents: number) => [
      { accountId: bank, debit: cents, credit: 0 },
      { accountId: transit, debit: 0, credit: cents },
    ];
    const sums = [{ accountId: bank, description: 'Bank' }, { accountId: transit, description: 'Incasso onderweg' }];
    const own = (cents: number, description: string) => ({
      journalCode: 'BNK', date: '2026-11-26', description, lines: [
        { accountId: costs, debit: cents, credit: 0 },
        { accountId: bank, debit: 0, credit: cents },
      ],
    });
    const ids = db.transaction(() => withGatheredEntries(t.ctx, () => {
      const a = gatherLines(t.ctx, 'credits', head, credit(1_000), sums);
      const x = postInTurn(t.ctx, own(5, 'Kosten x'));
      // still the same entry: the one posted in turn did not close it
      const a2 = gatherLines(t.ctx, 'credits', head, credit(2_000), sums);
      expect(a2).toEqual(a);
      expect(db.prepare('SELECT COUNT(*) AS n FROM journal_entries WHERE id >= ?').get(a.id)).toEqual({ n: 0 });
      const y = postEntry(t.ctx, own(7, 'Kosten y'));
      const b = gatherLines(t.ctx, 'credits', head, credit(4_000), sums);
      return { a: a.id, x, y, b: b.id };
    }))();
    expect([ids.x, ids.y, ids.b]).toEqual([ids.a + 1, ids.a + 2, ids.a + 3]);
    const rows = db.prepare('SELECT id, number, description FROM journal_entries WHERE id >= ? ORDER BY id').all(ids.a) as { id: number; number: number; description: string }[];
    expect(rows.map((r) => r.description)).toEqual(['Bijschrijving incasso', 'Kosten x', 'Kosten y', 'Bijschrijving incasso']);
    expect(rows.map((r) => r.number - rows[0]!.number)).toEqual([0, 1, 2, 3]);
    const debitOf = (entry: number) => db.prepare('SELECT SUM(debit) AS d FROM journal_lines WHERE entry_id = ? AND account_id = ?').get(entry, bank);
    expect(debitOf(ids.a)).toEqual({ d: 3_000 });
    expect(debitOf(ids.b)).toEqual({ d: 4_000 });
    healthy();
  });
});
