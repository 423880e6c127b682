import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixedLookup, withFixedLookups } from '../../electron/fixedLookups';

describe('fixed lookups', () => {
  it('are looked up once inside one operation and afresh after it, so a change between two operations is seen', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE roles (role TEXT PRIMARY KEY, account INTEGER); INSERT INTO roles VALUES ('receivables', 1300)");
    let asked = 0;
    const receivables = () => fixedLookup(db, 'role|receivables', () => (asked++, db.prepare("SELECT account FROM roles WHERE role = 'receivables'").pluck().get()));
    withFixedLookups(db, () => {
      expect([receivables(), receivables(), receivables()]).toEqual([1300, 1300, 1300]);
      // nested operations share the outer one's answers
      withFixedLookups(db, () => expect(receivables()).toBe(1300));
    });
    expect(asked).toBe(1);
    db.exec("UPDATE roles SET account = 1310 WHERE role = 'receivables'");
    expect(receivables()).toBe(1310);
    withFixedLookups(db, () => expect(receivables()).toBe(1310));
    expect(asked).toBe(3);
    db.close();
  });
});
