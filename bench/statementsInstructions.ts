import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './collection';
import { writeStatementBenchFiles } from './statementFiles';
import { buildImportChild, childOptions } from './statementsImport';

/**
 * Issue 11's import counted in instructions (valgrind's callgrind) instead of timed. On a shared
 * 2-core machine the same 100 000-entry import took from 11.5 to 14.9 s, so two builds cannot be told apart
 * by time; the instructions SQLite executes are the same from run to run (0.002 % apart), and
 * the whole process's (V8 included) within about 1 %. Compare builds on these figures, then take
 * the time from `statements-import`.
 *
 * Only when asked for (`npm run bench -- statements-instructions`): it needs valgrind
 * (`apt-get install valgrind`) and takes 2 to 3 minutes at the default of 10 000 entries
 * (BENCH_INSTRUCTIONS_N). An MT940 only: its reading is light, so most of what is counted is the
 * booking and matching.
 */
const N = Number(process.env.BENCH_INSTRUCTIONS_N ?? 10_000);

export function benchStatementsInstructions(dir: string): BenchRow[] {
  if (spawnSync('valgrind', ['--version']).status !== 0 || spawnSync('callgrind_annotate', ['--version']).error) {
    throw new Error('statements-instructions needs valgrind (apt-get install valgrind)');
  }
  const files = writeStatementBenchFiles(dir, N);
  const child = buildImportChild(dir);
  const copy = path.join(dir, 'statements-instructions.sqlite');
  const counts = path.join(dir, 'statements-instructions.callgrind');
  fs.copyFileSync(files.ledgerFile, copy);
  const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${counts}`, process.execPath, child, files.mt940, copy], childOptions());
  fs.rmSync(copy, { force: true });
  if (r.status !== 0) throw new Error(`statements-instructions: the import under valgrind failed: ${r.stderr.slice(-2000)}`);
  const run = JSON.parse(r.stdout) as { matched: Record<string, number>; unmatched: number; importMs: number };
  const { total, sqlite } = instructions(counts);
  const matched = Object.values(run.matched).reduce((a, b) => a + b, 0);
  return [{
    name: `statements (callgrind): open the ledger, read, book and match an MT940 of ${N} entries (${matched} matched, ${run.unmatched} left): ${millions(sqlite)} instructions in SQLite, ${millions(total)} in all`,
    n: N,
    ms: run.importMs,
    rate: 'booking under valgrind, not a speed',
  }];
}

/** The program's instructions in all, and those in better-sqlite3's library (SQLite and its bindings). */
function instructions(file: string): { total: number; sqlite: number } {
  const a = spawnSync('callgrind_annotate', ['--threshold=100', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (a.status !== 0) throw new Error(`callgrind_annotate failed: ${a.stderr}`);
  const count = (line: string) => Number(line.trim().split(/\s+/)[0]!.replace(/,/g, ''));
  const lines = a.stdout.split('\n');
  const totals = lines.find((l) => l.includes('PROGRAM TOTALS'));
  if (!totals) throw new Error('callgrind_annotate: no PROGRAM TOTALS line');
  const sqlite = lines.filter((l) => l.includes('better_sqlite3.node]')).reduce((s, l) => s + count(l), 0);
  return { total: count(totals), sqlite };
}

const millions = (n: number) => `${Math.round(n / 1e6).toLocaleString('en')} M`;
