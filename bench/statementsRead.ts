import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readBankFile } from '../electron/statements/read';
import { camt053WithEntries } from './camtFile';
import type { BenchRow } from './collection';

/**
 * Issue 11's read-only figure: a camt.053 of 100 000 entries, each with TxDtls, read from disk
 * into the common model. The read runs in its own process so its peak memory (maxRSS) is the
 * reader's alone, not the generator's.
 */
const N = 100_000;
const self = __filename;

function child(file: string, closingCents: number): void {
  const t0 = performance.now();
  const bytes = fs.readFileSync(file);
  const read = readBankFile(bytes);
  const ms = performance.now() - t0;
  const s = read.statements[0]!;
  const sum = s.entries.reduce((a, e) => a + e.amount, 0);
  if (s.entries.length !== N || s.opening!.amount + sum !== s.closing!.amount || s.closing!.amount !== closingCents) {
    throw new Error(`camt bench read wrong: ${s.entries.length} entries, closing ${s.closing?.amount} (expected ${closingCents})`);
  }
  process.stdout.write(JSON.stringify({ ms, bytes: bytes.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

export function benchStatementsReadCamt(dir: string): BenchRow[] {
  const file = path.join(dir, 'camt053-100k.xml');
  const { xml, closingCents } = camt053WithEntries(N);
  fs.writeFileSync(file, xml);
  const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [self, '--child', file, String(closingCents)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`statements-read-camt child failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout) as { ms: number; bytes: number; maxRssMB: number };
  return [
    {
      name: `statements-read-camt: read a camt.053 of ${(m.bytes / 1e6).toFixed(0)} MB, every entry with TxDtls (process ${Math.round(m.maxRssMB)} MB peak, under tsx)`,
      n: N,
      ms: m.ms,
      rate: `${Math.round((N / m.ms) * 1000).toLocaleString('en')} entries/s`,
    },
  ];
}

if (process.argv[2] === '--child') child(process.argv[3]!, Number(process.argv[4]));
