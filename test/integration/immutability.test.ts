import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call } from '../../electron/api';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

/**
 * Someone with a SQL tool (DB Browser, the sqlite3 shell) tries to change the books behind
 * Penning's back: every UPDATE, DELETE, INSERT OR REPLACE and UPDATE OR REPLACE on every protected
 * table. The tool's own connection does not set recursive_triggers; Penning's does. Both must be
 * refused, and the books must be byte for byte what they were.
 */
let t: TestLedger;
const ids: Record<string, number> = {};

beforeAll(() => {
  t = openInitializedLedger();
  const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
  const bob = member(t, { name: 'Bob Visser', mandate: { reference: 'ZWA-2' } });
  const cas = member(t, { name: 'Cas Smit', mandate: { reference: 'ZWA-3' } });
  invoice(t, anna, 15_000);
  const b = invoice(t, bob, 5_000);
  creditNote(t, bob, b, 2_500);
  const dora = member(t, { name: 'Dora', mandate: null, iban: 'NL44RABO0123456789' });
  call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: 5_000 }, { accountCode: '1300', debtorId: dora, credit: 5_000 }] });
  ids.casItem = invoice(t, cas, 12_000);
  call(t.ctx, 'items.split', { itemId: ids.casItem, parts: [{ dueDate: '2026-11-01' }, { dueDate: '2026-12-01' }] });
  ids.batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' }).id;
  ids.cancelled = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27', includeNotDue: true, confirmPrenotification: true }).id;
  call(t.ctx, 'batches.cancel', { id: ids.cancelled, reason: 'Verkeerde datum' });
  ids.refund = call(t.ctx, 'refunds.create', { debtorIds: [dora] }).id;
  ids.draft = call(t.ctx, 'invoices.createDraft', { debtorId: anna, invoiceDate: '2026-09-01', description: 'Concept', lines: [{ description: 'Concept', unitPrice: 100 }] }).id;
  const one = (sql: string) => (t.ledger.db.prepare(sql).get() as { id: number }).id;
  ids.entry = one('SELECT MAX(id) AS id FROM journal_entries');
  ids.firstEntry = one('SELECT MIN(id) AS id FROM journal_entries');
  ids.line = one('SELECT MIN(id) AS id FROM journal_lines');
  ids.posted = one("SELECT MIN(id) AS id FROM invoices WHERE status = 'posted'");
  ids.postedLine = one(`SELECT MIN(id) AS id FROM invoice_lines WHERE invoice_id = ${ids.posted}`);
  ids.draftLine = one(`SELECT MIN(id) AS id FROM invoice_lines WHERE invoice_id = ${ids.draft}`);
  ids.tx = one(`SELECT MIN(id) AS id FROM batch_transactions WHERE batch_id = ${ids.batch}`);
  ids.portion = one('SELECT MIN(rowid) AS id FROM batch_transaction_items');
  ids.event = one('SELECT MIN(id) AS id FROM open_item_events');
  ids.openItem = one("SELECT MIN(id) AS id FROM open_items WHERE state = 'open'");
  ids.account = one("SELECT id FROM accounts WHERE code = '1100'");
  t.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
});
afterAll(() => t.close());

const PROTECTED = ['journal_entries', 'journal_lines', 'invoices', 'invoice_lines', 'batches', 'batch_transactions', 'batch_transaction_items', 'open_item_events', 'open_items'];

function snapshot(db: Database.Database): string {
  return JSON.stringify(PROTECTED.map((table) => db.prepare(`SELECT rowid AS _rowid, * FROM ${table} ORDER BY rowid`).all()));
}

/** Each attack in the words a SQL tool would use; `${x}` are ids of real rows. */
const attacks = (): [string, string][] => {
  const i = ids;
  const copy = (table: string, key: string, set: string) => `INSERT OR REPLACE INTO ${table} SELECT ${set} FROM ${table} WHERE ${key}`;
  return [
    ['entry: update', `UPDATE journal_entries SET description = 'x' WHERE id = ${i.firstEntry}`],
    ['entry: delete', `DELETE FROM journal_entries WHERE id = ${i.firstEntry}`],
    ['entry: replace by id', `INSERT OR REPLACE INTO journal_entries (id, journal_id, year, number, date, description, line_count) SELECT id, journal_id, year, number, date, 'x', line_count FROM journal_entries WHERE id = ${i.firstEntry}`],
    ['entry: replace by number', `INSERT OR REPLACE INTO journal_entries (journal_id, year, number, date, description, line_count) SELECT journal_id, year, number, date, 'x', 2 FROM journal_entries WHERE id = ${i.firstEntry}`],
    ['entry: replace a reversal', `INSERT OR REPLACE INTO journal_entries (journal_id, year, number, date, description, reverses_entry_id, line_count) SELECT journal_id, year, 9999, date, 'x', reverses_entry_id, 2 FROM journal_entries WHERE reverses_entry_id IS NOT NULL`],
    ['line: update', `UPDATE journal_lines SET debit = debit + 1 WHERE id = ${i.line}`],
    ['line: delete', `DELETE FROM journal_lines WHERE id = ${i.line}`],
    ['line: replace by id', `INSERT OR REPLACE INTO journal_lines (id, entry_id, line_no, account_id, debit, credit) SELECT id, entry_id, line_no, account_id, debit, credit FROM journal_lines WHERE id = ${i.line}`],
    ['line: replace by entry and line number', `INSERT OR REPLACE INTO journal_lines (entry_id, line_no, account_id, debit, credit) SELECT entry_id, line_no, account_id, credit, debit FROM journal_lines WHERE id = (SELECT MAX(id) FROM journal_lines)`],
    ['line: extra line in the newest entry', `INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit) VALUES (${i.entry}, 99, ${i.account}, 500, 0)`],
    ['line: extra pair in the newest entry (balanced)', `INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit) VALUES (${i.entry}, 0, ${i.account}, 500, 0)`],
    ['line: replace the newest line of the newest entry', `INSERT OR REPLACE INTO journal_lines (entry_id, line_no, account_id, debit, credit) SELECT entry_id, line_no, account_id, debit + 1, 0 FROM journal_lines WHERE id = (SELECT MAX(id) FROM journal_lines WHERE debit > 0)`],
    ['invoice: update posted', `UPDATE invoices SET total = 1 WHERE id = ${i.posted}`],
    ['invoice: delete posted', `DELETE FROM invoices WHERE id = ${i.posted}`],
    ['invoice: replace posted by id', `INSERT OR REPLACE INTO invoices (id, debtor_id, invoice_date, description) SELECT id, debtor_id, invoice_date, 'x' FROM invoices WHERE id = ${i.posted}`],
    ['invoice: replace posted by number', `INSERT OR REPLACE INTO invoices (debtor_id, invoice_date, description, number) SELECT debtor_id, invoice_date, 'x', number FROM invoices WHERE id = ${i.posted}`],
    ['invoice: replace posted by year and sequence', `INSERT OR REPLACE INTO invoices (debtor_id, invoice_date, description, year, sequence) SELECT debtor_id, invoice_date, 'x', year, sequence FROM invoices WHERE id = ${i.posted}`],
    ['invoice: draft takes the number of a posted one', `UPDATE OR REPLACE invoices SET number = (SELECT number FROM invoices WHERE id = ${i.posted}) WHERE id = ${i.draft}`],
    ['invoice: draft takes the id of a posted one', `UPDATE OR REPLACE invoices SET id = ${i.posted} WHERE id = ${i.draft}`],
    ['invoice line: update posted', `UPDATE invoice_lines SET amount = 1 WHERE id = ${i.postedLine}`],
    ['invoice line: delete posted', `DELETE FROM invoice_lines WHERE id = ${i.postedLine}`],
    ['invoice line: replace posted by id, into a draft', `INSERT OR REPLACE INTO invoice_lines (id, invoice_id, line_no, description, unit_price, amount, account_id) SELECT ${i.postedLine}, ${i.draft}, 9, 'x', 1, 1, account_id FROM invoice_lines WHERE id = ${i.postedLine}`],
    ['invoice line: add to posted', `INSERT INTO invoice_lines (invoice_id, line_no, description, unit_price, amount, account_id) SELECT invoice_id, 99, 'x', 1, 1, account_id FROM invoice_lines WHERE id = ${i.postedLine}`],
    ['invoice line: draft line takes the place of a posted one', `UPDATE OR REPLACE invoice_lines SET invoice_id = ${i.posted}, line_no = 1 WHERE id = ${i.draftLine}`],
    ['invoice line: draft line takes the id of a posted one', `UPDATE OR REPLACE invoice_lines SET id = ${i.postedLine} WHERE id = ${i.draftLine}`],
    ...(['control_sum = control_sum + 1', 'transaction_count = 1', "header = '{}'", "requested_date = '2026-12-01'", "file_hashes = '[\"00\"]'", 'entry_id = NULL', 'file_count = 2', 'bank_account_id = 99', "scheme = 'B2B'", "pain_version = '001.08'", "status = 'cancelled'", "reference = 'INC-2026-9999'", 'discount_total = 5'] as const).map(
      (set): [string, string] => [`batch: ${set}`, `UPDATE batches SET ${set} WHERE id = ${i.batch}`],
    ),
    ['batch: cancelled back to saved', `UPDATE batches SET status = 'saved' WHERE id = ${i.cancelled}`],
    ['batch: other cancel reason', `UPDATE batches SET cancel_reason = 'x' WHERE id = ${i.cancelled}`],
    ['batch: delete', `DELETE FROM batches WHERE id = ${i.batch}`],
    ['batch: replace by id', copy('batches', `id = ${i.batch}`, "id, kind, reference, year, seq, bank_account_id, scheme, requested_date, pain_version, created_stamp, header, 'saved', 1, 1, 0, 1, '[]', entry_id, NULL, NULL, NULL, created_at")],
    ['batch: replace by reference', `INSERT OR REPLACE INTO batches (kind, reference, year, seq, bank_account_id, pain_version, created_stamp, header, transaction_count, control_sum, file_count, file_hashes) SELECT kind, reference, year, 999, bank_account_id, pain_version, created_stamp, header, 1, 1, 1, '[]' FROM batches WHERE id = ${i.batch}`],
    ['batch transaction: update', `UPDATE batch_transactions SET amount = 1 WHERE id = ${i.tx}`],
    ['batch transaction: delete', `DELETE FROM batch_transactions WHERE id = ${i.tx}`],
    ['batch transaction: replace by id', `INSERT OR REPLACE INTO batch_transactions (id, batch_id, file_no, end_to_end_id, debtor_id, date, amount, name, iban, remittance) SELECT id, batch_id, file_no, 'X-1', debtor_id, date, 1, name, iban, remittance FROM batch_transactions WHERE id = ${i.tx}`],
    ['batch transaction: replace by end-to-end id', `INSERT OR REPLACE INTO batch_transactions (batch_id, file_no, end_to_end_id, debtor_id, date, amount, name, iban, remittance) SELECT batch_id, file_no, end_to_end_id, debtor_id, date, 1, name, iban, remittance FROM batch_transactions WHERE id = ${i.tx}`],
    ['batch item: update', `UPDATE batch_transaction_items SET amount = 1 WHERE rowid = ${i.portion}`],
    ['batch item: delete', `DELETE FROM batch_transaction_items WHERE rowid = ${i.portion}`],
    ['batch item: replace by rowid', `INSERT OR REPLACE INTO batch_transaction_items (rowid, transaction_id, item_id, amount) SELECT rowid, transaction_id, item_id, 1 FROM batch_transaction_items WHERE rowid = ${i.portion}`],
    ['history: update', `UPDATE open_item_events SET text = 'x' WHERE id = ${i.event}`],
    ['history: delete', `DELETE FROM open_item_events WHERE id = ${i.event}`],
    ['history: replace by id', `INSERT OR REPLACE INTO open_item_events (id, item_id, at, kind, text) SELECT id, item_id, at, kind, 'x' FROM open_item_events WHERE id = ${i.event}`],
    ['item: balance without history', `UPDATE open_items SET balance = balance - 100 WHERE id = ${i.openItem}`],
    ['item: close without history', `UPDATE open_items SET balance = 0, state = 'settled' WHERE id = ${i.openItem}`],
    ['item: amount', `UPDATE open_items SET amount = amount + 100 WHERE id = ${i.openItem}`],
    ['item: other debtor', `UPDATE open_items SET debtor_id = debtor_id + 1 WHERE id = ${i.openItem}`],
    // one of the guarded columns among others the item may change (origin_fixed fires on the columns it guards)
    ['item: other document with a new state', `UPDATE open_items SET state = 'settled', document = document || 'x' WHERE id = ${i.openItem}`],
    ['item: other item date', `UPDATE open_items SET item_date = '2000-01-01' WHERE id = ${i.openItem}`],
    ['item: delete', `DELETE FROM open_items WHERE id = ${i.openItem}`],
    ['item: replace by id', `INSERT OR REPLACE INTO open_items (id, debtor_id, source_type, document, description, item_date, due_date, amount, balance) SELECT id, debtor_id, source_type, document, description, item_date, due_date, amount, 0 FROM open_items WHERE id = ${i.openItem}`],
    ['item: new id', `UPDATE OR REPLACE open_items SET id = ${i.openItem} WHERE id = (SELECT MAX(id) FROM open_items WHERE id <> ${i.openItem})`],
  ];
};

describe.each([
  ['a SQL tool (recursive_triggers off)', false],
  ["Penning's own connection (recursive_triggers on)", true],
])('changing the books behind Penning\'s back, from %s', (_name, recursive) => {
  it('is refused for every UPDATE, DELETE and REPLACE, and nothing changes', () => {
    const db = new Database(t.file);
    try {
      db.pragma(`recursive_triggers = ${recursive ? 'ON' : 'OFF'}`);
      const before = snapshot(db);
      const allowed: string[] = [];
      for (const [name, sql] of attacks()) {
        try {
          db.exec(sql);
          allowed.push(name);
        } catch {
          // refused, as it should be
        }
      }
      expect(allowed).toEqual([]);
      expect(snapshot(db)).toBe(before);
    } finally {
      db.close();
    }
  });
});

describe('what stays allowed', () => {
  it('Penning sets recursive_triggers on every connection it opens', () => {
    expect(t.ledger.db.pragma('recursive_triggers', { simple: true })).toBe(1);
  });

  it('the operations that record history still change items, and the books still add up', () => {
    const item = call(t.ctx, 'items.list', { status: 'open', limit: 100 }).items[0]!;
    call(t.ctx, 'items.writeOff', { itemId: item.id, reason: 'Oninbaar' });
    const history = call(t.ctx, 'items.history', { itemId: item.id });
    expect(history.at(-1)).toMatchObject({ kind: 'written_off' });
    const last = t.ledger.db.prepare('SELECT balance_after AS b FROM open_item_events WHERE item_id = ? ORDER BY id DESC LIMIT 1').get(item.id) as { b: number };
    expect(last.b).toBe(0);
    expect(unbalancedEntries(t.ledger.db)).toEqual([]);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
  });
});
