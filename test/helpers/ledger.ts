import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedger, type Ledger } from '../../db/open';
import { call } from '../../electron/api';
import { createContext, type Ctx } from '../../electron/context';

/** A real ledger file in a fresh temp folder, with a fixed clock. */
export interface TestLedger {
  dir: string;
  file: string;
  ledger: Ledger;
  ctx: Ctx;
  close(): void;
}

export const FIXED_NOW = new Date('2026-11-24T10:00:00Z');

export function tempDir(prefix = 'penning-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTempLedger(now: Date = FIXED_NOW): TestLedger {
  const dir = tempDir();
  const file = path.join(dir, 'ledger.sqlite');
  const ledger = openLedger(file);
  const ctx = createContext(ledger, () => now);
  return {
    dir,
    file,
    ledger,
    ctx,
    close: () => {
      ledger.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A set-up ledger with one bank account, as after the first-run screen. */
export function openInitializedLedger(now: Date = FIXED_NOW): TestLedger {
  const t = openTempLedger(now);
  call(t.ctx, 'setup.initialize', {
    organisation: { name: 'Tennisvereniging De Zwaluwen', city: 'Utrecht' },
    creditorId: 'NL51ZZZ405365330000',
    bankAccounts: [{ name: 'Betaalrekening', iban: 'NL91ABNA0417164300' }],
  });
  return t;
}

/** A demo-club ledger file in `dir`, closed cleanly by Penning (so it carries the open-check mark). */
export function cleanDemoLedger(dir: string, name: string): string {
  const file = path.join(dir, name);
  const ledger = openLedger(file);
  call(createContext(ledger), 'setup.demo', {});
  ledger.close();
  return file;
}
