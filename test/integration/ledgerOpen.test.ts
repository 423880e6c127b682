import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { call, dispatch } from '../../electron/api';
import { createContext } from '../../electron/context';
import { openSession } from '../../electron/session';
import { ApiError } from '../../shared/api/errors';
import { cliOn } from '../helpers/cli';
import { tempDir } from '../helpers/ledger';

/**
 * Opening a ledger: what cannot be a ledger is refused with one message and left untouched; a
 * damaged or read-only one opens read-only and every write is refused; only `init` creates one.
 */
const dir = tempDir('penning-open-');
afterAll(() => {
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    try {
      fs.chmodSync(path.join(dir, f), 0o755);
    } catch {
      // already gone
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const sidecars = (file: string) => ['-wal', '-shm'].filter((s) => fs.existsSync(file + s));

function refusal(open: () => unknown): { rule?: string; nl: string } {
  try {
    open();
  } catch (e) {
    if (e instanceof ApiError) return { rule: e.data.rule, nl: e.data.message.nl };
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The demo club, closed (so the -wal is folded into the file). */
function demoLedger(name: string): string {
  const file = path.join(dir, name);
  const ledger = openLedger(file);
  call(createContext(ledger), 'setup.demo', {});
  ledger.close();
  return file;
}

/** Overwrites one leaf page of `table` with garbage: the file still opens, a quick_check fails. */
function corruptLeafPage(file: string, table: string): void {
  const db = new Database(file);
  const page = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' LIMIT 1").pluck().get(table) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(size, 0x55), 0, size, (page - 1) * size);
  fs.closeSync(fd);
}

describe('files that cannot be a ledger', () => {
  it('refuses a 0-byte file, a non-SQLite file and a ledger from a newer Penning, changing none of them', () => {
    const empty = path.join(dir, 'leeg.sqlite');
    fs.writeFileSync(empty, '');
    expect(refusal(() => openLedger(empty))).toMatchObject({ rule: 'empty', nl: expect.stringContaining('is leeg (0 bytes)') });
    expect(fs.statSync(empty).size).toBe(0);

    const text = path.join(dir, 'leden.sqlite');
    fs.writeFileSync(text, 'Lidnummer;Naam\n1001;Anouk\n');
    expect(refusal(() => openLedger(text))).toMatchObject({ rule: 'not_sqlite', nl: expect.stringContaining('geen SQLite-bestand') });

    const newer = path.join(dir, 'nieuwer.sqlite');
    openLedger(newer).close();
    const raw = new Database(newer);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now());
    raw.close();
    const before = sha(newer);
    expect(refusal(() => openLedger(newer))).toMatchObject({ rule: 'newer', nl: expect.stringContaining('nieuwere versie van Penning') });
    expect(sha(newer)).toBe(before);
    expect(sidecars(newer)).toEqual([]);
  });

  it('creates a ledger only when asked, and never a folder from a typo', () => {
    const missing = path.join(dir, 'typo', 'deeper', 'club.sqlite');
    expect(refusal(() => openLedger(missing, { create: false }))).toMatchObject({ rule: 'missing', nl: expect.stringContaining('maak er een met `penning init`') });
    expect(refusal(() => openLedger(missing))).toMatchObject({ rule: 'folder_missing' });
    expect(fs.existsSync(path.join(dir, 'typo'))).toBe(false);
  });
});

describe('a damaged ledger is never written', { timeout: 180_000 }, () => {
  it('opens a ledger with a corrupted page read-only, refuses a new member and offers the last good backup', () => {
    const file = demoLedger('beschadigd.sqlite');
    openSession(file).ledger.close(); // the copy of the day, while the file is still sound
    corruptLeafPage(file, 'open_item_events');
    const { ledger, ctx } = openSession(file);
    try {
      expect(ledger.access).toMatchObject({ readOnly: true, reason: 'damaged' });
      const r = dispatch(ctx, 'debtors.create', { name: 'Nieuw lid' });
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict', rule: 'read_only' } });
      const health = call(ctx, 'ledger.health', {});
      expect(health.readOnly).toBe(true);
      expect(health.message?.nl).toMatch(/beschadigd .* alleen-lezen geopend\. Zet de laatste goede reservekopie terug: beschadigd-\d{8}T\d{9}Z-daily\.sqlite/);
      expect(health.lastGoodBackup?.reason).toBe('daily');
    } finally {
      ledger.close();
    }
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT COUNT(*) FROM debtors WHERE name = 'Nieuw lid'").pluck().get()).toBe(0);
    raw.close();
  });

  it('opens read-only when the books do not add up (sub-ledger differs from the control account)', () => {
    const file = demoLedger('scheef.sqlite');
    const raw = new Database(file);
    // someone with a SQL tool who first removes the guard: the books must still be caught on open
    raw.exec('DROP TRIGGER open_items_balance_with_history');
    raw.prepare("UPDATE open_items SET balance = balance + 100 WHERE id = (SELECT MIN(id) FROM open_items WHERE state = 'open')").run();
    raw.close();
    const ledger = openLedger(file);
    try {
      expect(ledger.access.reason).toBe('damaged');
      expect(ledger.access.problems[0]!.nl).toMatch(/openstaande posten .* rekening Debiteuren/);
    } finally {
      ledger.close();
    }
  });

  it('the CLI says so and refuses the write with exit 2; a read still works', () => {
    const file = demoLedger('cli-beschadigd.sqlite');
    corruptLeafPage(file, 'open_item_events');
    const penning = cliOn(file);
    const write = penning('call', 'debtors.create', '{"name":"Nieuw lid"}');
    expect(write.code).toBe(2);
    expect(write.stderr).toMatch(/Let op: Administratie .* is beschadigd/);
    expect(write.stderr).toMatch(/Fout: De administratie is alleen-lezen geopend \(het bestand is beschadigd\); er is niets opgeslagen/);
    expect(write.stderr).not.toMatch(/\n\s+at /);
    expect(penning('status').code).toBe(0);
    expect(sidecars(file)).toEqual([]);
  });
});

describe('a read-only ledger', { timeout: 180_000 }, () => {
  it('opens read-only, says "alleen-lezen", refuses writes and leaves the file and folder as they were', () => {
    const folder = path.join(dir, 'ro');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'club.sqlite');
    const l = openLedger(file);
    call(createContext(l), 'setup.initialize', { organisation: { name: 'De Zwaluwen' }, bankAccounts: [] });
    l.close();
    fs.chmodSync(file, 0o444);
    const before = sha(file);
    const listing = fs.readdirSync(folder);
    const penning = cliOn(file);
    const status = penning('status');
    expect(status.code).toBe(0);
    expect(status.stderr).toMatch(/alleen-lezen/);
    const write = penning('call', 'debtors.create', '{"name":"Nieuw lid"}');
    expect(write.code).toBe(2);
    expect(write.stderr).toMatch(/alleen-lezen geopend \(het bestand is alleen-lezen\)/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(folder)).toEqual(listing);
  });
});

describe('the CLI and a ledger that does not exist', { timeout: 180_000 }, () => {
  it('refuses every command but init, creating nothing; init creates it', () => {
    const file = path.join(dir, 'nieuw.sqlite');
    const penning = cliOn(file);
    const r = penning('items');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Fout: Administratie ${file} bestaat niet; maak er een met \`penning init\``);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('nieuw.sqlite'))).toEqual([]);
    const typo = cliOn(path.join(dir, 'tpyo', 'club.sqlite'))('init');
    expect(typo.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'tpyo'))).toBe(false);
    expect(penning('init').code).toBe(0);
    expect(penning('items').code).toBe(0);
    expect(sidecars(file)).toEqual([]);
  });
});
