import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedMarkFile, checkedSinceLastClose } from '../../db/checkedMark';
import { openLedger } from '../../db/open';
import { call } from '../../electron/api';
import { markLedgerRestored } from '../../electron/backups/restored';
import { quickStatus } from '../../electron/cli/quickStatus';
import { createContext } from '../../electron/context';
import { cleanDemoLedger, tempDir } from '../helpers/ledger';

const dir = tempDir('penning-quick-status-');
const root = path.resolve(__dirname, '..', '..');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cleanDemo = (name: string) => cleanDemoLedger(dir, name);

function statusThroughTheApi(file: string) {
  const ledger = openLedger(file);
  try {
    return call(createContext(ledger), 'ledger.status', {});
  } finally {
    ledger.close();
  }
}

describe('penning status from a read-only look answers what ledger.status answers', () => {
  it('gives the same answer, for a fresh and for a restored ledger, and leaves the file trusted', () => {
    const file = cleanDemo('zwaluwen.sqlite');
    expect(quickStatus(file)).toEqual(statusThroughTheApi(file));
    const ledger = openLedger(file);
    markLedgerRestored(ledger.db, 'kopie.sqlite', new Date('2026-11-01T10:00:00Z'));
    ledger.close();
    const quick = quickStatus(file);
    expect(quick?.restoredLedger?.restoredAt).toBe('2026-11-01T10:00:00.000Z');
    expect(quick).toEqual(statusThroughTheApi(file));
    // the look leaves no -wal behind, so the next command may trust the file too
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(checkedSinceLastClose(file)).toBe(true);
  });

  it('says an empty (not set up) ledger is not initialized', () => {
    const file = path.join(dir, 'leeg.sqlite');
    openLedger(file).close();
    expect(quickStatus(file)).toEqual({ initialized: false, file, organisationName: null, language: 'nl', restoredLedger: null });
  });

  it('leaves the answer to the full start when that has work to do', () => {
    const file = cleanDemo('werk.sqlite');
    fs.writeFileSync(`${file}-wal`, '');
    expect(quickStatus(file)).toBeNull(); // another connection, or a crash
    fs.rmSync(`${file}-wal`);
    const mark = fs.readFileSync(checkedMarkFile(file), 'utf8');
    fs.writeFileSync(checkedMarkFile(file), JSON.stringify({ ...JSON.parse(mark), day: '2000-01-01' }));
    expect(quickStatus(file)).toBeNull(); // a new day: open check and daily backup are due
    fs.writeFileSync(checkedMarkFile(file), mark);
    expect(quickStatus(file)).not.toBeNull();
    expect(quickStatus(path.join(dir, 'bestaat-niet.sqlite'))).toBeNull();

    // a version of Penning with a newer migration: the full start migrates first
    const migrations = path.join(dir, 'migrations');
    fs.cpSync(path.join(root, 'db', 'migrations'), migrations, { recursive: true });
    const journalFile = path.join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_later' });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    process.env.PENNING_MIGRATIONS = migrations;
    try {
      expect(quickStatus(file)).toBeNull();
    } finally {
      delete process.env.PENNING_MIGRATIONS;
    }
    expect(quickStatus(file)).not.toBeNull();
  });
});
