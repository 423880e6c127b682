import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findMigrationsFolder, openLedger } from '../../db/open';
import { markLedgerRestored, restoredInfo, restoreNotice } from '../../electron/backups/restored';
import type { Ctx } from '../../electron/context';
import { tempDir } from '../helpers/ledger';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = tempDir('penning-migrate-');
  dirs.push(d);
  return d;
}

/** A copy of the shipped migrations that a test may extend with a migration of its own. */
function copyMigrations(into: string): string {
  const target = path.join(into, 'migrations');
  fs.cpSync(findMigrationsFolder(), target, { recursive: true });
  return target;
}

function addMigration(folder: string, tag: string, sql: string): void {
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries[journal.entries.length - 1];
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
}

describe('opening a ledger', () => {
  it('creates a new file with WAL, foreign keys and all migrations, without a backup', () => {
    const file = path.join(scratch(), 'new.sqlite');
    const ledger = openLedger(file);
    const journal = JSON.parse(fs.readFileSync(path.join(findMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    expect(ledger.migration.applied).toEqual(journal.entries.map((e) => e.tag));
    expect(ledger.migration.applied.slice(0, 3)).toEqual(['0000_initial', '0001_immutable_journal', '0002_debtor_card_and_mandates']);
    expect(ledger.migration.backupFile).toBeNull();
    expect(ledger.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.db.pragma('foreign_keys', { simple: true })).toBe(1);
    ledger.close();
    const again = openLedger(file);
    expect(again.migration.applied).toEqual([]);
    again.close();
  });

  it('backs up the file before a pending migration and keeps the data through it', () => {
    const dir = scratch();
    const folder = copyMigrations(dir);
    const file = path.join(dir, 'ledger.sqlite');
    const first = openLedger(file, { migrationsFolder: folder });
    first.db.prepare("INSERT INTO debtors (number, name) VALUES ('1', 'Anouk')").run();
    first.close();

    addMigration(folder, '0099_debtor_nickname', 'ALTER TABLE `debtors` ADD `nickname` text;');
    const second = openLedger(file, { migrationsFolder: folder });
    expect(second.migration.applied).toEqual(['0099_debtor_nickname']);
    expect(second.migration.backupFile).toMatch(/ledger\.sqlite\.backups\/ledger-\d{8}T\d{9}Z-before-migration-0099_debtor_nickname\.sqlite$/);
    expect(second.db.prepare('SELECT number, name, nickname FROM debtors').all()).toEqual([{ number: '1', name: 'Anouk', nickname: null }]);
    const backup = new Database(second.migration.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT name FROM debtors').all()).toEqual([{ name: 'Anouk' }]);
    expect(() => backup.prepare('SELECT nickname FROM debtors').all()).toThrow(/no such column/);
    backup.close();
    second.close();
  });

  it('rolls back a migration that would leave broken references', () => {
    const dir = scratch();
    const folder = copyMigrations(dir);
    const file = path.join(dir, 'ledger.sqlite');
    openLedger(file, { migrationsFolder: folder }).close();
    addMigration(folder, '0099_broken', "INSERT INTO account_roles (role, account_id) VALUES ('bank', 4242);");
    expect(() => openLedger(file, { migrationsFolder: folder })).toThrow(/broken references; rolled back/);
    const db = new Database(file);
    expect(db.prepare('SELECT COUNT(*) AS n FROM account_roles').get()).toEqual({ n: 0 });
    const shipped = JSON.parse(fs.readFileSync(path.join(findMigrationsFolder(), 'meta', '_journal.json'), 'utf8')).entries.length;
    expect(db.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: shipped });
    db.close();
  });

  it('refuses a ledger written by a newer version, and one whose migration was altered', () => {
    const dir = scratch();
    const folder = copyMigrations(dir);
    const file = path.join(dir, 'ledger.sqlite');
    addMigration(folder, '0099_future', 'CREATE TABLE future (id integer);');
    openLedger(file, { migrationsFolder: folder }).close();
    expect(() => openLedger(file)).toThrow(/newer version of Penning/);

    const other = path.join(dir, 'other.sqlite');
    openLedger(other).close();
    fs.appendFileSync(path.join(folder, '0000_initial.sql'), '\n-- edited');
    expect(() => openLedger(other, { migrationsFolder: folder })).toThrow(/differs from the one this version of Penning ships/);
  });

  it('0002 keeps existing debtors and gives them the default status Normaal', () => {
    const dir = scratch();
    const folder = copyMigrations(dir);
    // Cut the copy back to the migrations before 0002, as an old installation had them.
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const full = structuredClone(journal);
    journal.entries = journal.entries.slice(0, 2);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const file = path.join(dir, 'old.sqlite');
    const old = openLedger(file, { migrationsFolder: folder });
    old.db.prepare("INSERT INTO debtors (number, name, email, iban) VALUES ('1001', 'Anouk de Vries', 'anouk@example.nl', 'NL91ABNA0417164300')").run();
    old.close();
    fs.writeFileSync(journalFile, JSON.stringify(full));
    const upgraded = openLedger(file, { migrationsFolder: folder });
    expect(upgraded.migration.applied[0]).toBe('0002_debtor_card_and_mandates');
    expect(upgraded.migration.backupFile).not.toBeNull();
    expect(
      upgraded.db.prepare('SELECT d.number, d.name, d.email, d.iban, d.payment_method AS pm, d.collect, s.name AS status FROM debtors d JOIN debtor_statuses s ON s.id = d.status_id').all(),
    ).toEqual([{ number: '1001', name: 'Anouk de Vries', email: 'anouk@example.nl', iban: 'NL91ABNA0417164300', pm: 'transfer', collect: 1, status: 'Normaal' }]);
    upgraded.close();
  });

  it('0009/0010 close the entries and record the item balances of a ledger with history, then guard them', () => {
    const dir = scratch();
    const folder = copyMigrations(dir);
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const full = structuredClone(journal);
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0009');
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const file = path.join(dir, 'old.sqlite');
    const old = openLedger(file, { migrationsFolder: folder });
    // what an installation of before issue 9 holds: a posted entry, an item with two history lines
    old.db.exec(`
      INSERT INTO journals (code, name, kind) VALUES ('XMEM', 'Memoriaal', 'memorial');
      INSERT INTO accounts (code, name, type) VALUES ('9100', 'Debiteuren', 'asset'), ('9800', 'Omzet', 'revenue');
      INSERT INTO debtors (number, name) VALUES ('1001', 'Anouk');
      INSERT INTO journal_entries (journal_id, year, number, date, description) VALUES ((SELECT id FROM journals WHERE code = 'XMEM'), 2026, 1, '2026-01-01', 'Beginbalans');
      INSERT INTO account_roles (role, account_id) VALUES ('receivables', (SELECT id FROM accounts WHERE code = '9100'));
      INSERT INTO journal_lines (entry_id, line_no, account_id, debtor_id, debit, credit) VALUES (1, 1, (SELECT id FROM accounts WHERE code = '9100'), 1, 5000, 0);
      INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit) VALUES (1, 2, (SELECT id FROM accounts WHERE code = '9800'), 0, 5000);
      INSERT INTO open_items (debtor_id, source_type, entry_id, document, description, item_date, due_date, amount, balance) VALUES (1, 'journal', 1, 'MEM-2026-0001', 'Beginbalans', '2026-01-01', '2026-01-01', 5000, 5000);
      INSERT INTO open_item_events (item_id, at, kind, text) VALUES (1, '2026-01-01T00:00:00Z', 'created', 'Geboekt'), (1, '2026-01-02T00:00:00Z', 'blocked', 'Geblokkeerd');
    `);
    old.close();
    fs.writeFileSync(journalFile, JSON.stringify(full));
    const upgraded = openLedger(file, { migrationsFolder: folder });
    try {
      expect(upgraded.migration.applied.slice(0, 2)).toEqual(['0009_entry_line_count_event_balance', '0010_immutable_books']);
      expect(upgraded.db.prepare('SELECT line_count AS n FROM journal_entries WHERE id = 1').get()).toEqual({ n: 2 });
      expect(upgraded.db.prepare('SELECT balance_after AS b FROM open_item_events WHERE item_id = 1 ORDER BY id').all()).toEqual([{ b: null }, { b: 5000 }]);
      expect(() => upgraded.db.prepare('INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit) VALUES (1, 3, 1, 1, 0)').run()).toThrow(/closed/);
      expect(() => upgraded.db.prepare('UPDATE open_items SET balance = 1 WHERE id = 1').run()).toThrow(/history/);
      upgraded.db.prepare("INSERT INTO open_item_events (item_id, at, kind, text, balance_after) VALUES (1, '2026-02-01T00:00:00Z', 'settled', 'Vereffend', 0)").run();
      upgraded.db.prepare("UPDATE open_items SET balance = 0, state = 'settled' WHERE id = 1").run();
    } finally {
      upgraded.close();
    }
  });

  it('0019-0024 give a ledger of before them the default dunning levels, the Incassokosten and Wettelijke rente accounts and the interest rates, and leave the treasurer\'s own alone', () => {
    const dir = scratch();
    const folder = copyMigrations(dir);
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const full = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    fs.writeFileSync(journalFile, JSON.stringify({ ...full, entries: full.entries.filter((e: { tag: string }) => e.tag < '0019') }));
    const file = path.join(dir, 'before-dunning.sqlite');
    const old = openLedger(file, { migrationsFolder: folder });
    // a chart of before the collection costs, and a rate the treasurer already entered
    old.db.exec(`
      INSERT INTO accounts (code, name, type) VALUES ('1300', 'Debiteuren', 'asset'), ('8200', 'Aanmaankosten/boetes', 'revenue');
      INSERT INTO account_roles (role, account_id) VALUES ('receivables', (SELECT id FROM accounts WHERE code = '1300'));
      INSERT INTO interest_rates (kind, starts_on, rate) VALUES ('consumer', '2025-01-01', 650);
    `);
    old.close();
    fs.writeFileSync(journalFile, JSON.stringify(full));
    const upgraded = openLedger(file, { migrationsFolder: folder });
    try {
      const levels = upgraded.db.prepare('SELECT position, name, collection_costs AS costs, sets_status_id IS NOT NULL AS status FROM dunning_levels ORDER BY position').all();
      expect(levels).toEqual([
        { position: 1, name: 'Herinnering', costs: 'none', status: 1 },
        { position: 2, name: 'Aanmaning', costs: 'none', status: 1 },
        { position: 3, name: 'Veertiendagenbrief', costs: 'announce', status: 1 },
        { position: 4, name: 'Overdracht', costs: 'charge', status: 1 },
      ]);
      const roles = upgraded.db.prepare("SELECT r.role, a.code, a.type FROM account_roles r JOIN accounts a ON a.id = r.account_id WHERE r.role LIKE 'collectionCosts%' OR r.role = 'statutoryInterest' ORDER BY r.role").all();
      expect(roles).toEqual([
        { role: 'collectionCosts', code: '8210', type: 'revenue' },
        { role: 'collectionCostsVat', code: '1710', type: 'liability' },
        { role: 'statutoryInterest', code: '8220', type: 'revenue' },
      ]);
      expect(upgraded.db.prepare("SELECT rate FROM interest_rates WHERE kind = 'consumer' AND starts_on = '2025-01-01'").get()).toEqual({ rate: 650 });
      expect((upgraded.db.prepare("SELECT COUNT(*) AS n FROM interest_rates WHERE kind = 'commercial'").get() as { n: number }).n).toBe(4);
    } finally {
      upgraded.close();
    }
  });

  it('0017 keeps the restore mark of a ledger restored before it, in ledger_meta where health and the batch list read it', () => {
    const dir = scratch();
    const folder = copyMigrations(dir);
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const full = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    fs.writeFileSync(journalFile, JSON.stringify({ ...full, entries: full.entries.filter((e: { tag: string }) => e.tag < '0017') }));
    const file = path.join(dir, 'restored.sqlite');
    const old = openLedger(file, { migrationsFolder: folder });
    // restored under the old code: the mark only on the organisation row
    old.db.prepare("INSERT INTO organisation (id, name, initialized_at, restored_at) VALUES (1, 'De Zwaluwen', '2026-01-01T00:00:00.000Z', '2026-10-01T08:00:00.000Z')").run();
    old.close();
    fs.writeFileSync(journalFile, JSON.stringify(full));
    const upgraded = openLedger(file, { migrationsFolder: folder });
    try {
      expect(upgraded.migration.applied).toContain('0017_restored_mark_in_ledger_meta');
      expect(restoredInfo(upgraded.db)).toEqual({ restoredAt: '2026-10-01T08:00:00.000Z', restoredFrom: null });
      expect(restoreNotice({ db: upgraded.db } as Ctx)?.restoredAt).toBe('2026-10-01T08:00:00.000Z');
      // a restore after the upgrade writes the one place; the old column is left alone
      markLedgerRestored(upgraded.db, 'kopie.sqlite', new Date('2026-11-20T09:00:00Z'));
      expect(restoredInfo(upgraded.db)).toEqual({ restoredAt: '2026-11-20T09:00:00.000Z', restoredFrom: 'kopie.sqlite' });
      expect(upgraded.db.prepare('SELECT restored_at AS at FROM organisation').get()).toEqual({ at: '2026-10-01T08:00:00.000Z' });
    } finally {
      upgraded.close();
    }
  });

  it('ships no generated migration that drops a table (drizzle-kit rebuilds cascade-delete child rows)', () => {
    const folder = findMigrationsFolder();
    for (const f of fs.readdirSync(folder).filter((n) => n.endsWith('.sql'))) {
      expect(fs.readFileSync(path.join(folder, f), 'utf8'), f).not.toMatch(/DROP TABLE/i);
    }
  });
});

describe('the schema', () => {
  it('has an index on every foreign-key column that names a table the books grow in: while an import holds its checks to the commit, every new parent row looks for the rows naming it', () => {
    const dir = scratch();
    const ledger = openLedger(path.join(dir, 'l.sqlite'));
    try {
      // reference tables a treasurer keeps by hand: a handful of rows, never written in bulk
      const small = new Set(['accounts', 'bank_accounts', 'statement_files', 'dunning_levels', 'debtor_statuses']);
      const unindexed = ledger.db.prepare(
        `WITH fk AS (SELECT m.name AS child, f."from" AS col, f."table" AS parent FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'),
              first AS (SELECT m.name AS t, c.name AS col FROM sqlite_master m JOIN pragma_index_list(m.name) i JOIN pragma_index_info(i.name) c WHERE m.type = 'table' AND c.seqno = 0)
         SELECT child, col, parent FROM fk WHERE NOT EXISTS (SELECT 1 FROM first WHERE first.t = fk.child AND first.col = fk.col)`,
      ).all() as { child: string; col: string; parent: string }[];
      expect(unindexed.filter((x) => !small.has(x.parent)).map((x) => `${x.child}.${x.col} -> ${x.parent}`)).toEqual([]);
    } finally {
      ledger.close();
    }
  });
});
