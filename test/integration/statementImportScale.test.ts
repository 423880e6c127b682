import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeStatementBenchFiles } from '../../bench/statementFiles';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { openLedger } from '../../db/open';
import { call } from '../../electron/api';
import { createContext } from '../../electron/context';
import { importBankFile } from '../../electron/statements/import';
import { readBankFile } from '../../electron/statements/read';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, tempDir, type TestLedger } from '../helpers/ledger';
import { balanceOf, bankFile, detail, entry, expectBooksHealthy, importFile, returnOf, statement, transactionsOf, transfer } from '../helpers/statements';

const dir = tempDir('penning-import-scale-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let t: TestLedger | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

interface JournalRow { id: number; number: number; sourceType: string; lineCount: number }

describe('the credits of a collection booked debit by debit', () => {
  it('share one journal entry per statement, day and batch, beside one for the members\u2019 transfers; a return among them is an entry of its own after them and does not cut them short, ids and numbers in posting order', () => {
    t = openInitializedLedger();
    const l = t;
    const debtors = ['Anna Bakker', 'Bob Visser', 'Cas Smit', 'Dirk Mol'].map((name, i) => member(l, { name, mandate: { reference: `ZWA-${i + 1}` } }));
    debtors.forEach((d, i) => invoice(l, d, 10_000 + i * 1_000));
    const payer = member(l, { name: 'Eva Kok', iban: 'NL20INGB0001234567', mandate: null });
    const owed = invoice(l, payer, 5_000);
    const batch = call(l.ctx, 'collections.create', { collectionDate: '2026-11-26', excludeItemIds: [owed] });
    const txs = transactionsOf(l, batch.id);
    expect(txs).toHaveLength(4);
    const credit = (x: (typeof txs)[number]) => entry({ amount: x.amount, details: [detail({ endToEndId: x.endToEndId, amount: x.amount })] });
    const before = (l.ctx.db.prepare('SELECT MAX(id) AS id FROM journal_entries').get() as { id: number }).id;

    const { document } = l.ctx.db.prepare('SELECT document FROM open_items WHERE id = ?').get(owed) as { document: string };
    const paid = transfer(2_000, { name: 'Eva Kok', iban: 'NL20INGB0001234567', text: `Contributie ${document}`, date: '2026-11-26' });
    const returned = returnOf(txs[0]!, 'MD06', { date: '2026-11-26' });
    const file = bankFile([statement([credit(txs[0]!), paid, credit(txs[1]!), returned, credit(txs[2]!), credit(txs[3]!)])]);
    const r = importFile(l, file);
    expect(r.matched).toEqual({ batchCredits: 4, returns: 1, transfers: 1, refunds: 0 });

    const posted = l.ctx.db.prepare('SELECT id, number, source_type AS sourceType, line_count AS lineCount FROM journal_entries WHERE id > ? ORDER BY id').all(before) as JournalRow[];
    // the four credits and the transfer gathered side by side, the return (an entry of its own)
    // after them: Bank / Incasso onderweg each added up, the transfer a line for the member beside
    // the bank's total
    expect(posted.map((e) => [e.sourceType, e.lineCount])).toEqual([['bank_statement', 2], ['bank_statement', 2], ['statement_entry', 2]]);
    expect(posted.map((e) => e.number)).toEqual([...posted.map((e) => e.number)].sort((a, b) => a - b));
    const byEntry = l.ctx.db.prepare("SELECT s.journal_entry_id AS j, (SELECT COUNT(*) FROM statement_allocations a WHERE a.statement_entry_id = s.id AND a.journal_entry_id = s.journal_entry_id) AS allocations FROM statement_entries s WHERE s.match_kind = 'batchCredit' ORDER BY s.id").all() as { j: number; allocations: number }[];
    expect(byEntry).toEqual([posted[0]!.id, posted[0]!.id, posted[0]!.id, posted[0]!.id].map((j) => ({ j, allocations: 1 })));
    expect(l.ctx.db.prepare("SELECT journal_entry_id AS j FROM statement_entries WHERE match_kind = 'return'").get()).toEqual({ j: posted[2]!.id });
    expect(l.ctx.db.prepare('SELECT journal_entry_id AS j FROM collection_returns').all()).toEqual([{ j: posted[2]!.id }]);
    expect(l.ctx.db.prepare("SELECT journal_entry_id AS j FROM statement_entries WHERE match_kind = 'transfer'").get()).toEqual({ j: posted[1]!.id });
    const bankLine = l.ctx.db.prepare("SELECT l.debit FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? AND a.code = '1100'").all(posted[0]!.id) as { debit: number }[];
    const credited = txs.reduce((s, x) => s + x.amount, 0);
    expect(bankLine).toEqual([{ debit: credited }]);
    const transitLine = l.ctx.db.prepare("SELECT l.credit FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? AND a.code = '1400'").all(posted[0]!.id) as { credit: number }[];
    expect(transitLine).toEqual([{ credit: credited }]);
    expect(balanceOf(l, '1400')).toBe(0);
    expect(call(l.ctx, 'batches.get', { id: batch.id, limit: 1, offset: 0 }).batch.status).toBe('confirmed');
    expectBooksHealthy(l);

    // the same file again books nothing
    expect(importFile(l, file)).toMatchObject({ skipped: 6, matched: { batchCredits: 0, returns: 0, transfers: 0, refunds: 0 } });
    expect(l.ctx.db.prepare('SELECT COUNT(*) AS n FROM journal_entries WHERE id > ?').get(before)).toEqual({ n: 3 });
  });
});

describe('an import of the bench files', () => {
  it('does per entry only work that does not grow with the ledger: no scan of a growing table, a batch counted once', () => {
    const files = writeStatementBenchFiles(dir, 300);
    const copy = path.join(dir, 'scale.sqlite');
    fs.copyFileSync(files.ledgerFile, copy);
    const ledger = openLedger(copy);
    const runs = new Map<string, { n: number; args: unknown[] }>();
    const proto = (Database as unknown as { prototype: { prepare: (sql: string) => Database.Statement } }).prototype;
    const prepare = proto.prepare;
    proto.prepare = function (this: Database.Database, sql: string) {
      const s = prepare.call(this, sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const m of ['run', 'get', 'all', 'iterate']) {
        const f = s[m]!;
        s[m] = (...a: unknown[]) => {
          const r = runs.get(sql) ?? { n: 0, args: a };
          r.n++;
          runs.set(sql, r);
          return f.apply(s, a);
        };
      }
      return s as unknown as Database.Statement;
    };
    try {
      const ctx = createContext(ledger, () => new Date('2026-12-20T10:00:00'));
      const result = ledger.db.transaction(() => importBankFile(ctx, readBankFile(fs.readFileSync(files.camt053)), { fileName: 'bench.xml', sha256: '-' }))();
      expect(result.matched).toEqual({ batchCredits: files.expected.batchCredits, returns: files.expected.returns, transfers: files.expected.transfers, refunds: 0 });
    } finally {
      proto.prepare = prepare;
    }
    try {
      // a full scan of anything but the few rows of the settings tables grows with the ledger; an
      // INSERT's plan lists only the foreign-key look-ups SQLite runs when a deferred violation is outstanding
      const small = new Set(['journals', 'accounts', 'account_roles', 'organisation', 'bank_accounts', 'batches', 'b', 'storno_rules']);
      const growing = { test: (d: string) => (/^SCAN (\w+)/.exec(d) !== null && !small.has(/^SCAN (\w+)/.exec(d)![1]!)) || /\(batch_id=\?\)/.test(d) };
      const perEntry = [...runs].filter(([sql, r]) => r.n >= 50 && !/^\s*INSERT/i.test(sql));
      expect(perEntry.length).toBeGreaterThan(1);
      const scanning = perEntry.flatMap(([sql, r]) => {
        const plan = (ledger.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...r.args) as { detail: string }[]).map((p) => p.detail);
        return plan.some((d) => growing.test(d)) ? [{ sql: sql.replace(/\s+/g, ' ').slice(0, 120), runs: r.n, plan }] : [];
      });
      expect(scanning).toEqual([]);
      // each entry is written once, in the state its matching left it in: never updated afterwards
      expect([...runs.keys()].filter((sql) => /^\s*UPDATE statement_entries/i.test(sql))).toEqual([]);
      // (many rows to an INSERT: each of its row tuples is one entry)
      const entryRows = [...runs].filter(([sql]) => /^\s*INSERT INTO statement_entries/i.test(sql)).reduce((n, [sql, r]) => n + r.n * sql.split('), (').length, 0);
      expect(entryRows).toBe(files.entries);
      // a batch's debits are gone through once per batch (to know which are open), not once per credit
      const wholeBatch = [...runs].filter(([sql]) => /FROM batch_transactions t WHERE t\.batch_id = \?/.test(sql.replace(/\s+/g, ' ')));
      expect(wholeBatch.length).toBeGreaterThan(0);
      for (const [, r] of wholeBatch) expect(r.n).toBeLessThanOrEqual(3);
      expect(unbalancedEntries(ledger.db)).toEqual([]);
      expect(subLedgerMismatches(ledger.db)).toEqual([]);
    } finally {
      ledger.close();
    }
  });
});
