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
/**
 * Imports per format. On a shared 2-core machine the same import takes from 8 to 13 s from one run
 * to the next (the CPU time swings with it: other tenants, not this process): the median run is
 * reported, with the fastest and slowest totals beside it.
 */
const RUNS = Number(process.env.BENCH_STATEMENTS_RUNS ?? 3);
/**
 * The runtime the import child runs on: this Node, or the one BENCH_NODE names, with
 * BENCH_SQLITE_BINDING a better_sqlite3.node built for it. The app runs on Electron's Node and
 * V8, not on the Node that runs the bench, and the same import's time and memory differ between
 * them. Electron itself runs as Node here (ELECTRON_RUN_AS_NODE), with the binding
 * scripts/native-electron.mjs builds for it.
 */
const RUNTIME = process.env.BENCH_NODE ?? process.execPath;

/** BENCH_NODE and BENCH_SQLITE_BINDING name files: a typo is said once, before any file is written. */
function checkRuntimeFiles(): void {
  for (const name of ['BENCH_NODE', 'BENCH_SQLITE_BINDING'] as const) {
    const file = process.env[name];
    if (!file) continue;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${name} ${file}: no such file`);
    if (!stat.isFile()) throw new Error(`${name} ${file}: a folder, not a file`);
  }
}

interface ChildRun { runtime: string; readMs: number; readCpuMs: number; importMs: number; cpuMs: number; maxRssMB: number; readPeakMB: number; matched: Record<string, number>; unmatched: number; entries: number }


/** The bench's import child, bundled into `dir`; returns its path. */
export function buildImportChild(dir: string): string {
  const child = path.join(dir, 'statements-import-child.cjs');
  buildSync({ entryPoints: [path.join(__dirname, 'statementsImportChild.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], outfile: child, logLevel: 'warning' });
  return child;
}

export function childOptions() {
  return { encoding: 'utf8' as const, maxBuffer: 1 << 24, env: { ...process.env, NODE_PATH: path.join(__dirname, '..', 'node_modules'), ELECTRON_RUN_AS_NODE: '1' } };
}

export function benchStatementsImport(dir: string): BenchRow[] {
  checkRuntimeFiles();
  const files = writeStatementBenchFiles(dir, N);
  const rows: BenchRow[] = [];
  const child = buildImportChild(dir);
  for (const [format, file] of [['camt.053', files.camt053], ['MT940', files.mt940]] as const) {
    const runs: ChildRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const copy = path.join(dir, `statements-import-${format}.sqlite`);
      fs.copyFileSync(files.ledgerFile, copy);
      const r = spawnSync(RUNTIME, [child, file, copy], childOptions());
      fs.rmSync(copy, { force: true });
      if (r.error) throw new Error(`statements-import: cannot run ${RUNTIME} (BENCH_NODE): ${r.error.message}`);
      if (r.status !== 0) throw new Error(`statements-import child (${format}) failed: ${r.stderr.trim()}`);
      runs.push(JSON.parse(r.stdout) as ChildRun);
    }
    const total = (x: ChildRun) => x.readMs + x.importMs;
    runs.sort((a, b) => total(a) - total(b));
    const m = runs[Math.floor((runs.length - 1) / 2)]!;
    const spread = runs.length > 1 ? `; ${runs.length} runs, total ${(total(runs[0]!) / 1000).toFixed(1)}\u2013${(total(runs.at(-1)!) / 1000).toFixed(1)} s, peak up to ${Math.round(Math.max(...runs.map((x) => x.maxRssMB)))} MB` : '';
    const matched = Object.values(m.matched).reduce((a, b) => a + b, 0);
    const size = `${(fs.statSync(file).size / 1e6).toFixed(0)} MB`;
    rows.push({ name: `statements: read a ${format} of ${N} entries (${size}; on ${m.runtime}; read only, CPU ${Math.round(m.readCpuMs)} ms)`, n: N, ms: m.readMs, rate: `${Math.round(N / (m.readMs / 1000))}/s` });
    rows.push({ name: `statements: book and match it against ${files.openItems} open items (${matched} matched, ${m.unmatched} left; read + import CPU ${Math.round(m.cpuMs)} ms; peak ${Math.round(m.maxRssMB)} MB, ${Math.round(m.readPeakMB)} MB of it reached while reading; the median run${spread})`, n: N, ms: m.importMs, rate: `read + import ${Math.round(total(m))} ms` });
  }
  return rows;
}
