import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupsFolder } from '../../db/backups';
import { openLedger } from '../../db/open';
import { call, dispatch } from '../../electron/api';
import { createContext } from '../../electron/context';
import { openSession } from '../../electron/session';
import { cliOn } from '../helpers/cli';
import { tempDir } from '../helpers/ledger';

/**
 * Backups beside the ledger: the copy of the day on opening (one a day), on request, rotation,
 * and restore through the API (connection swapped in place) and the CLI (also when the current
 * ledger is too damaged to open).
 */
const dir = tempDir('penning-backups-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function initialized(name: string): string {
  const file = path.join(dir, name);
  const ledger = openLedger(file);
  call(createContext(ledger), 'setup.initialize', { organisation: { name: 'De Zwaluwen' }, bankAccounts: [] });
  ledger.close();
  return file;
}

const debtorNames = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM debtors ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('makes one copy a day on opening, more on request, and keeps only the newest N', () => {
    const file = initialized('club.sqlite');
    openSession(file).ledger.close();
    const { ledger, ctx } = openSession(file);
    try {
      const first = call(ctx, 'backups.list', {});
      expect(first).toMatchObject({ folder: backupsFolder(file), keep: 10 });
      expect(first.backups.map((b) => b.reason)).toEqual(['daily']);
      expect(call(ctx, 'backups.setKeep', { keep: 2 })).toEqual({ keep: 2 });
      for (let i = 0; i < 3; i++) call(ctx, 'backups.create', {});
      const list = call(ctx, 'backups.list', {}).backups;
      expect(list.map((b) => b.reason)).toEqual(['manual', 'manual']);
      expect(fs.readdirSync(backupsFolder(file)).filter((f) => f.endsWith('.sqlite'))).toHaveLength(2);
      expect(dispatch(ctx, 'backups.setKeep', { keep: 0 })).toMatchObject({ ok: false, error: { code: 'validation', field: 'keep' } });
    } finally {
      ledger.close();
    }
  });

  it('restores a backup in a running session: the current file is kept aside, the restore is noted', () => {
    const file = initialized('herstel.sqlite');
    const { ledger, ctx } = openSession(file);
    try {
      call(ctx, 'debtors.create', { name: 'Voor de kopie' });
      const backup = call(ctx, 'backups.create', {});
      call(ctx, 'debtors.create', { name: 'Na de kopie' });
      const r = call(ctx, 'backups.restore', { name: backup.name });
      expect(r.restored).toBe(backup.name);
      expect(r.keptAside).toMatch(/^herstel-\d{8}T\d{9}Z-before-restore\.sqlite$/);
      expect(r.health).toMatchObject({ readOnly: false, restoredFrom: backup.name });
      expect(r.health.restoredAt).not.toBeNull();
      // the same ctx now reads and writes the restored file
      expect(call(ctx, 'debtors.list', {}).debtors.map((d) => d.name)).toEqual(['Voor de kopie']);
      call(ctx, 'debtors.create', { name: 'Na het terugzetten' });
      expect(debtorNames(path.join(backupsFolder(file), r.keptAside!))).toEqual(['Voor de kopie', 'Na de kopie']);
      expect(dispatch(ctx, 'backups.restore', { name: '../herstel.sqlite' })).toMatchObject({ ok: false, error: { field: 'name', rule: 'exists' } });
    } finally {
      ledger.close();
    }
    expect(debtorNames(file)).toEqual(['Voor de kopie', 'Na het terugzetten']);
  });

  it('refuses to restore a damaged copy and changes nothing', () => {
    const file = initialized('weiger.sqlite');
    const { ledger, ctx } = openSession(file);
    try {
      const backup = call(ctx, 'backups.create', {});
      fs.writeFileSync(backup.file, 'geen database');
      expect(dispatch(ctx, 'backups.restore', { name: backup.name })).toMatchObject({ ok: false, error: { code: 'validation', rule: 'not_sqlite' } });
      expect(call(ctx, 'ledger.status', {}).initialized).toBe(true);
      call(ctx, 'debtors.create', { name: 'Nog steeds schrijfbaar' });
    } finally {
      ledger.close();
    }
  });

  it('penning backup / backups / restore on the command line, also over a ledger too damaged to open', () => {
    const file = initialized('cli.sqlite');
    const penning = cliOn(file);
    const made = penning('backup');
    expect(made.code, made.stderr).toBe(0);
    const listed = penning('backups');
    expect(listed.json.backups.map((b: { name: string }) => b.name)).toContain(made.json.name);
    const copy = path.join(dir, 'los-kopie.sqlite');
    expect(penning('backup', '--out', copy).code).toBe(0);
    expect(penning('backup', '--out', dir).code).toBe(2);

    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x55)]));
    const broken = penning('status');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/is beschadigd \(.*\); zet een reservekopie terug met `penning restore <kopie>`/);
    const restored = penning('restore', made.json.file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/Teruggezet: .*; het vorige bestand staat in .*before-restore\.sqlite/);
    expect(penning('status').json).toMatchObject({ initialized: true, organisationName: 'De Zwaluwen' });
    expect(penning('call', 'ledger.health', '{}').json.restoredFrom).toBe(made.json.name);
  }, 180_000);
});
