import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findMigrationsFolder, openLedger } from '../../db/open';
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
    expect(ledger.migration.applied).toEqual(['0000_initial', '0001_immutable_journal']);
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

    addMigration(folder, '0099_debtor_phone', 'ALTER TABLE `debtors` ADD `phone` text;');
    const second = openLedger(file, { migrationsFolder: folder });
    expect(second.migration.applied).toEqual(['0099_debtor_phone']);
    expect(second.migration.backupFile).toMatch(/before-0099_debtor_phone$/);
    expect(second.db.prepare('SELECT number, name, phone FROM debtors').all()).toEqual([{ number: '1', name: 'Anouk', phone: null }]);
    const backup = new Database(second.migration.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT name FROM debtors').all()).toEqual([{ name: 'Anouk' }]);
    expect(() => backup.prepare('SELECT phone FROM debtors').all()).toThrow(/no such column/);
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
    expect(db.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 2 });
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

  it('ships no generated migration that drops a table (drizzle-kit rebuilds cascade-delete child rows)', () => {
    const folder = findMigrationsFolder();
    for (const f of fs.readdirSync(folder).filter((n) => n.endsWith('.sql'))) {
      expect(fs.readFileSync(path.join(folder, f), 'utf8'), f).not.toMatch(/DROP TABLE/i);
    }
  });
});
