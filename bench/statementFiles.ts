import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../db/open';
import { call } from '../electron/api';
import { createContext, type Ctx } from '../electron/context';
import { batchCredit, loadBatch, returnOf, streamCamt053, streamMt940, transfer, type BankAccountSpec, type BankEntry, type StatementSpec } from '../test/helpers/bankSimulator';
import { setupLedger } from './collection';

/**
 * The files for issue 11's import bench (`statements-import`): a camt.053 and an ING MT940 of `n`
 * entries (default 100 000) against the `n` open items of a generated ledger. Only the writing is
 * here; the bench case that imports them lives with the importer.
 *
 * The ledger is bench/collection.ts's (n members with a mandate and a posted invoice each). A fifth
 * of the items is left out of the collection and paid by transfer instead (with the invoice
 * number as betalingskenmerk, every fourth one structured, some too little or too much); the rest
 * is collected in one batch. The bank books most debits one by one (BtchBookg false, each with its
 * TxDtls) and one group of them as a batch entry with details, sized so the file holds exactly
 * `n` entries together with the returns (one in 33 debits, five reason codes).
 */

const FIXED_NOW = new Date('2026-11-24T10:00:00');
const REASONS = ['AM04', 'MD06', 'MS03', 'AC04', 'MD01'] as const;

export interface StatementBenchFiles {
  ledgerFile: string;
  camt053: string;
  mt940: string;
  /** booked entries in each file (MT940 counts :61: lines: the same number, no return charges here) */
  entries: number;
  openItems: number;
  expected: { batchCredits: number; batchEntries: number; returns: number; transfers: number; partialTransfers: number; overpaidTransfers: number; structuredReferences: number; closing: number };
  /** time to write the two files, not the ledger */
  writeMs: number;
}

function debtorsById(ctx: Ctx): Map<number, { name: string; iban: string }> {
  const out = new Map<number, { name: string; iban: string }>();
  for (let offset = 0; ; offset += 1000) {
    const page = call(ctx, 'debtors.list', { limit: 1000, offset });
    for (const d of page.debtors) out.set(d.id, { name: d.accountHolder ?? d.name, iban: d.iban ?? '' });
    if (page.debtors.length < 1000) return out;
  }
}

function openItems(ctx: Ctx) {
  const items: Array<{ id: number; debtorId: number; document: string; balance: number }> = [];
  for (let offset = 0; ; offset += 5000) {
    const page = call(ctx, 'items.list', { status: 'open', sort: 'document', limit: 5000, offset });
    items.push(...page.items.map((i) => ({ id: i.id, debtorId: i.debtorId, document: i.document ?? '', balance: i.balance })));
    if (page.items.length < 5000) return items;
  }
}

function writeStreamed(file: string, encoding: BufferEncoding, write: (sink: (chunk: string) => void) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    write((chunk) => fs.writeSync(fd, Buffer.from(chunk, encoding)));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Builds the ledger (into `dir`) and writes both files; the ledger is left with the batch saved and
 * every item open or in collection. The camt.053 is written without indentation unless `pretty`
 * (many banks send it that way; indented it is about half again as large).
 */
export function writeStatementBenchFiles(dir: string, n = 100_000, options: { pretty?: boolean } = {}): StatementBenchFiles {
  if (n < 100) throw new Error('statement bench files: n must be at least 100');
  const ledgerFile = path.join(dir, `statements-${n}.sqlite`);
  setupLedger(ledgerFile, n);
  const ledger = openLedger(ledgerFile);
  try {
    const ctx = createContext(ledger, () => FIXED_NOW);
    const items = openItems(ctx);
    const debtors = debtorsById(ctx);
    const byTransfer = items.filter((_, i) => i % 5 === 0);
    const saved = call(ctx, 'collections.create', { excludeItemIds: byTransfer.map((i) => i.id), mergeSameDate: false });
    const batch = loadBatch(ctx, saved.id);
    const settings = call(ctx, 'settings.get', {});
    const account: BankAccountSpec = { iban: batch.account, bic: 'INGBNL2A', ownerName: settings.organisation.name };

    const t0 = performance.now();
    const collectionDate = batch.groups[0]!.date;
    const returned = batch.transactions.filter((_, i) => i % 33 === 7);
    // exactly n entries: debits booked singly + one batch entry + returns + transfers
    const grouped = batch.transactions.length - (n - byTransfer.length - returned.length) + 1;
    const groupIds = batch.transactions.slice(0, grouped).map((x) => x.endToEndId);
    const groupSet = new Set(groupIds);
    const single = batch.transactions.filter((x) => !groupSet.has(x.endToEndId)).map((x) => x.endToEndId);
    const credits: BankEntry[] = [...batchCredit(batch, { exclude: single, details: true }), ...batchCredit(batch, { exclude: groupIds, perDebit: true })];

    let partial = 0;
    let overpaid = 0;
    let structured = 0;
    const transfers = byTransfer.map((item, k) => {
      const who = debtors.get(item.debtorId)!;
      const amount = k % 50 === 3 ? Math.floor(item.balance / 2) : k % 97 === 5 ? item.balance + 500 : item.balance;
      if (amount < item.balance) partial++;
      if (amount > item.balance) overpaid++;
      if (k % 4 === 1) structured++;
      return transfer({ from: { name: who.name, iban: who.iban, bic: 'INGBNL2A' }, amount, reference: item.document, structured: k % 4 === 1, text: k % 4 === 1 ? undefined : `Contributie ${item.document}`, bookingDate: k % 2 ? '2026-11-25' : '2026-11-27' });
    });
    const returns = returned.map((tx, k) => returnOf(tx, REASONS[k % REASONS.length]!, { bookingDate: '2026-11-30' }));

    // one statement per booking day, in date order
    const byDay = new Map<string, BankEntry[]>();
    for (const e of [...transfers, ...credits.map((c) => ({ ...c, bookingDate: collectionDate })), ...returns]) {
      const day = e.bookingDate!;
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day)!.push(e);
    }
    const statements: StatementSpec[] = [];
    let balance = 1_000_000;
    for (const day of [...byDay.keys()].sort()) {
      const entries = byDay.get(day)!;
      statements.push({ date: day, opening: balance, entries });
      balance += entries.reduce((s, e) => s + e.amount, 0);
    }

    const camt053 = path.join(dir, `camt053-${n}.xml`);
    writeStreamed(camt053, 'utf8', (sink) => streamCamt053({ account, statements, pretty: options.pretty ?? false }, sink));
    const mt940 = path.join(dir, `mt940-${n}.940`);
    writeStreamed(mt940, 'latin1', (sink) => streamMt940({ account, statements }, sink));
    const writeMs = performance.now() - t0;
    const entries = statements.reduce((s, x) => s + x.entries.length, 0);
    if (entries !== n) throw new Error(`statement bench files: wrote ${entries} entries, expected ${n}`);
    return {
      ledgerFile,
      camt053,
      mt940,
      entries,
      openItems: items.length,
      expected: { batchCredits: credits.length, batchEntries: 1, returns: returns.length, transfers: transfers.length, partialTransfers: partial, overpaidTransfers: overpaid, structuredReferences: structured, closing: balance },
      writeMs,
    };
  } finally {
    ledger.close();
  }
}

// `tsx bench/statementFiles.ts <dir> [n]`: write the files once, to look at them or feed them to the CLI
if (require.main === module) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: tsx bench/statementFiles.ts <folder> [entries]');
    process.exit(2);
  }
  fs.mkdirSync(dir, { recursive: true });
  const r = writeStatementBenchFiles(dir, n ? Number(n) : undefined);
  console.log(JSON.stringify(r, null, 2));
}
