import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../db/open';
import { subLedgerMismatches } from '../db/checks';
import { createContext } from '../electron/context';
import { importBankFile } from '../electron/statements/import';
import type { BankFile, StatementEntry } from '../electron/statements/model';
import { setupLedger, type BenchRow } from './collection';

/**
 * Issue 11's import-and-match figure without the readers (they live on other branches): n member
 * transfers, each naming its invoice, against n open items, booked and matched in one transaction.
 * Reading time is reported by the readers' own bench once merged.
 */
export function benchStatementMatching(dir: string, n = 100_000): BenchRow[] {
  const file = path.join(dir, `statements-${n}.sqlite`);
  setupLedger(file, n);
  const ledger = openLedger(file);
  const ctx = createContext(ledger, () => new Date('2026-12-15T10:00:00'));
  try {
    const items = ledger.db.prepare("SELECT document, balance, d.name FROM open_items i JOIN debtors d ON d.id = i.debtor_id WHERE i.state = 'open' ORDER BY i.id").all() as { document: string; balance: number; name: string }[];
    const entries: StatementEntry[] = items.map((it, i) => ({
      amount: it.balance, currency: 'EUR', bookingDate: '2026-12-14', valueDate: null, bankReference: `B${i}`, reversal: false, transactionCode: 'PMNT/RCDT/ESCT', proprietaryCode: null,
      transactionCount: null, information: null, source: `Ntry ${i + 1}`,
      details: [{ amount: it.balance, endToEndId: null, paymentInfoId: null, messageId: null, mandateId: null, creditorId: null, bankReference: null, counterparty: { name: it.name, iban: null, bic: null }, remittance: `Contributie ${it.document}`, creditorReference: null, returnInfo: null }],
    }));
    const total = entries.reduce((s, e) => s + e.amount, 0);
    const bank: BankFile = {
      format: 'camt.053', variant: 'bench', encoding: 'UTF-8', statusReport: null,
      statements: [{ account: 'NL91ABNA0417164300', currency: 'EUR', id: 'BENCH', sequence: null, from: '2026-12-14', to: '2026-12-14', opening: { date: '2026-12-14', amount: 0 }, closing: { date: '2026-12-14', amount: total }, entries }],
    };
    const rssBefore = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = ledger.db.transaction(() => importBankFile(ctx, bank, { fileName: 'bench.xml', sha256: '-' }))();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    if (r.matched.transfers !== n || subLedgerMismatches(ledger.db).length) throw new Error(`bench: ${r.matched.transfers} of ${n} matched`);
    const t1 = performance.now();
    const again = ledger.db.transaction(() => importBankFile(ctx, bank, { fileName: 'bench.xml', sha256: '-' }))();
    const ms2 = performance.now() - t1;
    if (again.skipped !== n) throw new Error('bench: second import booked something');
    const mb = Math.round((process.memoryUsage().rss - rssBefore) / 1e6);
    return [
      { name: `statements: import + match ${n} transfers against ${n} open items (model, no reading; ${cpuMs} ms CPU; +${mb} MB rss)`, n, ms, rate: `${Math.round(n / (ms / 1000))}/s` },
      { name: `statements: the same file again, all ${n} skipped`, n, ms: ms2, rate: `${Math.round(n / (ms2 / 1000))}/s` },
    ];
  } finally {
    ledger.close();
    fs.rmSync(file, { force: true });
  }
}

if (require.main === module) {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'penning-bench-stmt-'));
  const n = Number(process.argv[2] ?? 100_000);
  for (const row of benchStatementMatching(dir, n)) console.log(`${row.name}: ${Math.round(row.ms)} ms (${row.rate})`);
  fs.rmSync(dir, { recursive: true, force: true });
}
