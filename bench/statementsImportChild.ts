import fs from 'node:fs';
import path from 'node:path';
import { subLedgerMismatches, unbalancedEntries } from '../db/checks';
import { openLedger } from '../db/open';
import { createContext } from '../electron/context';
import { importBankFile } from '../electron/statements/import';
import { readBankFile } from '../electron/statements/read';

/** One import of bench/statementsImport.ts in a process of its own: `tsx statementsImportChild.ts <file> <ledger>`. */
function child(file: string, ledgerFile: string): void {
  // another runtime than the bench's own brings a binding built for it (BENCH_SQLITE_BINDING, statementsImport.ts)
  const ledger = openLedger(ledgerFile, { nativeBinding: process.env.BENCH_SQLITE_BINDING || undefined });
  const ctx = createContext(ledger, () => new Date('2026-12-20T10:00:00'));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // as the app's import does it (statements/handlers.ts): the bytes held by nothing once read
  const { bank, bytes } = ((b: Buffer) => ({ bank: readBankFile(b), bytes: b.length }))(fs.readFileSync(file));
  const readMs = performance.now() - t0;
  const readCpu = process.cpuUsage(c0);
  // the peak so far is the reader's; what the import adds on top of it is its own
  const readPeakMB = process.resourceUsage().maxRSS / 1024;
  const t1 = performance.now();
  const result = ledger.db.transaction(() => importBankFile(ctx, bank, { fileName: path.basename(file), sha256: '-', bytes }))();
  const importMs = performance.now() - t1;
  const cpu = process.cpuUsage(c0);
  if (subLedgerMismatches(ledger.db).length || unbalancedEntries(ledger.db).length) throw new Error('bench: the books do not balance after the import');
  ledger.close();
  process.stdout.write(JSON.stringify({ runtime: `Node ${process.version}, V8 ${process.versions.v8}`, readMs, readCpuMs: (readCpu.user + readCpu.system) / 1000, importMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, readPeakMB, matched: result.matched, unmatched: result.unmatched, entries: result.entries }));
}

try {
  child(process.argv[2]!, process.argv[3]!);
} catch (e) {
  // one line for the bench to pass on (a binding built for another runtime, a ledger that does not open); the stack with PENNING_DEBUG=1
  process.stderr.write(process.env.PENNING_DEBUG ? `${(e as Error).stack}\n` : `${(e as Error).message}\n`);
  process.exitCode = 1;
}
