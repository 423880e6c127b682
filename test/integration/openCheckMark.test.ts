import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedMarkFile, checkedSinceLastClose } from '../../db/checkedMark';
import { openLedger } from '../../db/open';
import { cleanDemoLedger, tempDir } from '../helpers/ledger';

const dir = tempDir('penning-open-mark-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cleanDemo = (name: string) => cleanDemoLedger(dir, name);

describe('the full open check is skipped only for a file exactly as Penning left it today', () => {
  it('trusts a clean close, and no longer after another program wrote to the file', () => {
    const file = cleanDemo('schoon.sqlite');
    expect(fs.existsSync(checkedMarkFile(file))).toBe(true);
    expect(checkedSinceLastClose(file)).toBe(true);
    // a second open by Penning keeps the trust (it closes cleanly again)
    const again = openLedger(file);
    expect(again.access.readOnly).toBe(false);
    again.close();
    expect(checkedSinceLastClose(file)).toBe(true);

    const tool = new Database(file);
    tool.exec("DROP TRIGGER open_items_balance_with_history; UPDATE open_items SET balance = balance + 1 WHERE id = (SELECT MIN(id) FROM open_items WHERE balance > 0)");
    tool.close();
    expect(checkedSinceLastClose(file)).toBe(false);
    const checked = openLedger(file);
    try {
      expect(checked.access.reason).toBe('damaged');
    } finally {
      checked.close();
    }
  });

  it('checks in full on a new day, after a crash (a -wal left behind) and without a mark', () => {
    const file = cleanDemo('dag.sqlite');
    const mark = JSON.parse(fs.readFileSync(checkedMarkFile(file), 'utf8'));
    fs.writeFileSync(checkedMarkFile(file), JSON.stringify({ ...mark, day: '2000-01-01' }));
    expect(checkedSinceLastClose(file)).toBe(false);
    fs.writeFileSync(checkedMarkFile(file), JSON.stringify(mark));
    expect(checkedSinceLastClose(file)).toBe(true);
    fs.writeFileSync(`${file}-wal`, '');
    expect(checkedSinceLastClose(file)).toBe(false);
    fs.rmSync(`${file}-wal`);
    fs.rmSync(checkedMarkFile(file));
    expect(checkedSinceLastClose(file)).toBe(false);
  });

  it('never marks a damaged ledger', () => {
    const file = cleanDemo('kapot.sqlite');
    const db = new Database(file);
    const page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'open_item_events' AND pagetype = 'leaf' LIMIT 1").pluck().get() as number;
    const size = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size, 0x55), 0, size, (page - 1) * size);
    fs.closeSync(fd);
    const ledger = openLedger(file);
    expect(ledger.access.reason).toBe('damaged');
    ledger.close();
    expect(checkedSinceLastClose(file)).toBe(false);
  });
});
