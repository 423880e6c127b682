import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './collection';
import { writeStatementBenchFiles } from './statementFiles';

/**
 * Issue 11's figure: import and match a camt.053 of 100 000 entries against 100 000 open items,
 * and the same for an MT940 (files from bench/statementFiles.ts: batch credits per debit, returns,
 * transfers). Each file is imported into its own copy of the ledger in a child process, so peak
 * memory is the import's; reading is timed apart from booking and matching. BENCH_STATEMENTS_N
 * sets a smaller n for a quick look.
 *
 * The child runs bundled, as the app and the `penning` command run their code (electron-vite
 * bundles it): under tsx the same import carried tsx's on-the-fly transform and source maps,
 * some 70 MB and a little time no user pays.
 */
const N = Number(process.env.BENCH_STATEMENTS_N ?? 100_000);


export function benchStatementsImport(dir: string): BenchRow[] {
  const files = writeStatementBenchFiles(dir, N);
  const rows: BenchRow[] = [];
  const child = path.join(dir, 'statements-import-child.cjs');
  buildSync({ entryPoints: [path.join(__dirname, 'statementsImportChild.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], outfile: child, logLevel: 'warning' });
  for (const [format, file] of [['camt.053', files.camt053], ['MT940', files.mt940]] as const) {
    const copy = path.join(dir, `statements-import-${format}.sqlite`);
    fs.copyFileSync(files.ledgerFile, copy);
    const r = spawnSync(process.execPath, [child, file, copy], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, NODE_PATH: path.join(__dirname, '..', 'node_modules') } });
    if (r.status !== 0) throw new Error(`statements-import child (${format}) failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout) as { readMs: number; readCpuMs: number; importMs: number; cpuMs: number; maxRssMB: number; readPeakMB: number; matched: Record<string, number>; unmatched: number; entries: number };
    const matched = Object.values(m.matched).reduce((a, b) => a + b, 0);
    const size = `${(fs.statSync(file).size / 1e6).toFixed(0)} MB`;
    rows.push({ name: `statements: read a ${format} of ${N} entries (${size}; read only, CPU ${Math.round(m.readCpuMs)} ms)`, n: N, ms: m.readMs, rate: `${Math.round(N / (m.readMs / 1000))}/s` });
    rows.push({ name: `statements: book and match it against ${files.openItems} open items (${matched} matched, ${m.unmatched} left; read + import CPU ${Math.round(m.cpuMs)} ms; peak ${Math.round(m.maxRssMB)} MB, ${Math.round(m.readPeakMB)} MB of it reached while reading)`, n: N, ms: m.importMs, rate: `read + import ${Math.round(m.readMs + m.importMs)} ms` });
    fs.rmSync(copy, { force: true });
  }
  return rows;
}
