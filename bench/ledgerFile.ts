import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createBackup } from '../db/backups';
import { checkedMarkFile } from '../db/checkedMark';
import { bookProblems, pageProblems } from '../db/health';
import { openLedger } from '../db/open';
import { call } from '../electron/api';
import { createContext } from '../electron/context';
import { type BenchRow, setupLedger } from './collection';

/**
 * Issue 9's figures: what the open check (quick_check + the two invariants) adds to opening a
 * ledger of 100 000 open items, and how long a backup of the demo club takes.
 */
function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

function timed(fn: () => void, times: number): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

export function benchOpenCheck(dir: string): BenchRow[] {
  const file = path.join(dir, 'open-check-100k.sqlite');
  setupLedger(file, 100_000);
  const items = (() => {
    const db = new Database(file, { readonly: true });
    const n = db.prepare('SELECT COUNT(*) FROM open_items').pluck().get() as number;
    db.close();
    return n;
  })();
  const plain = timed(() => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.prepare('SELECT COUNT(*) FROM __drizzle_migrations').get();
    db.close();
  }, 5);
  // the first open of a day (or after a crash, or a change by another program) checks in full
  const full = timed(() => {
    fs.rmSync(checkedMarkFile(file), { force: true });
    openLedger(file).close();
  }, 3);
  // every later open of a file Penning closed cleanly itself
  const trusted = timed(() => openLedger(file).close(), 5);
  const db = new Database(file, { readonly: true });
  const quick = timed(() => pageProblems(db), 5);
  const books = timed(() => bookProblems(db), 5);
  db.close();
  const mb = (fs.statSync(file).size / 1e6).toFixed(0);
  return [
    { name: `open a ${mb} MB ledger of ${items.toLocaleString('en')} open items with every check (probe, quick_check, invariants, migrations check; first open of the day, median of 3)`, n: items, ms: full },
    { name: '  the same, a later open of the file as Penning left it (median of 5)', n: items, ms: trusted },
    { name: '  the same file opened bare (no checks), for comparison', n: items, ms: plain },
    { name: '  of which PRAGMA quick_check', n: items, ms: quick },
    { name: '  of which the invariants (entries balance, sub-ledger = control account)', n: items, ms: books },
  ];
}

export function benchBackup(dir: string): BenchRow[] {
  const file = path.join(dir, 'demo-backup.sqlite');
  const ledger = openLedger(file);
  call(createContext(ledger), 'setup.demo', {});
  let bytes = 0;
  const ms = timed(() => (bytes = createBackup(ledger.db, file, 'manual').bytes), 5);
  ledger.close();
  return [{ name: `backup of the demo club (${(bytes / 1e6).toFixed(1)} MB, VACUUM INTO + fsync + rename + rotation; median of 5)`, n: 1, ms }];
}
