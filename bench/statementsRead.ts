import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { camt053WithEntries } from './camtFile';
import type { BenchRow } from './collection';

/**
 * Issue 11's read-only figure: a camt.053 of 100 000 entries, each with TxDtls, read from disk
 * into the common model. The reader is bundled the way electron-vite bundles the main process (no
 * tsx module getters in the hot path) and runs in a plain `node` of its own, so its peak memory
 * (maxRSS) and CPU time are the reader's alone, not the generator's.
 */
const N = 100_000;

const CHILD = `
const fs = require('node:fs');
const { readBankFile } = require(process.argv[1]);
const t0 = performance.now();
const c0 = process.cpuUsage();
const bytes = fs.readFileSync(process.argv[2]);
const read = readBankFile(bytes);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const s = read.statements[0];
const sum = s.entries.reduce((a, e) => a + e.amount, 0);
if (s.entries.length !== ${N} || s.opening.amount + sum !== s.closing.amount || s.closing.amount !== Number(process.argv[3])) {
  throw new Error('camt bench read wrong: ' + s.entries.length + ' entries, closing ' + s.closing.amount);
}
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: bytes.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
`;

export function benchStatementsReadCamt(dir: string): BenchRow[] {
  const file = path.join(dir, 'camt053-100k.xml');
  const { xml, closingCents } = camt053WithEntries(N);
  fs.writeFileSync(file, xml);
  const bundle = path.join(dir, 'read-bank-file.cjs');
  buildSync({ entryPoints: [path.join(__dirname, '..', 'electron', 'statements', 'read.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
  const runs = [0, 1, 2].map(() => {
    const r = spawnSync(process.execPath, ['-e', CHILD, bundle, file, String(closingCents)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`statements-read-camt child failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as { ms: number; cpuMs: number; bytes: number; maxRssMB: number };
  });
  const m = runs.sort((a, b) => a.ms - b.ms)[1]!;
  return [
    {
      name: `statements-read-camt: read a camt.053 of ${(m.bytes / 1e6).toFixed(0)} MB, every entry with TxDtls (median of 3; ${Math.round(m.cpuMs).toLocaleString('en')} ms CPU, process ${Math.round(m.maxRssMB)} MB peak)`,
      n: N,
      ms: m.ms,
      rate: `${Math.round((N / m.ms) * 1000).toLocaleString('en')} entries/s`,
    },
  ];
}
