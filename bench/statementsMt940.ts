import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readMt940 } from '../electron/statements/mt940';
import { makeIban } from '../shared/iban';
import type { BenchRow } from './collection';

/**
 * Issue 11's read-only figure for MT940: one file of 100 000 :61: entries in ING's structured
 * layout (every :86: cut at 65 characters, one in ten a return with /RTRN/), read in a child
 * process of its own so that its peak memory (maxRSS) is the reader's. Goal: well under 4 s and
 * 500 MB. `npm run bench -- statements-read-mt940`.
 */
const N = 100_000;
const self = __filename;

export function mt940Of(n: number): string {
  const out: string[] = ['{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXN}{4:', ':20:P261127000000001', ':25:NL36INGB0007654321EUR', ':28C:00001', ':60F:C261126EUR0,00'];
  let balance = 0;
  for (let i = 0; i < n; i++) {
    const cents = 1_000 + (i % 50_000);
    const isReturn = i % 10 === 9;
    balance += isReturn ? -cents : cents;
    const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    const iban = makeIban('NL', `ABNA${String(1_000_000 + (i % 90_000)).padStart(10, '0')}`);
    out.push(`:61:2611271127${isReturn ? 'D' : 'C'}${amount}${isReturn ? 'NRTI' : 'NDDT'}EREF//${String(i).padStart(14, '0')}/TRCD/${isReturn ? '01315' : '01016'}/`);
    const body = `${isReturn ? '/RTRN/AM04/' : ''}/EREF/PEN-${100_000 + i}-20261127//MARF/ZWA-${100_000 + i}//CSID/NL51ZZZ405365330000//CNTP/${iban}/ABNANL2A/Lid ${i} van der Berg-Çelik///REMI/USTD//Contributie 2026-2027 lid ${100_000 + i}/`;
    const lines = body.match(/[^]{1,65}/g)!;
    out.push(`:86:${lines[0]}`, ...lines.slice(1));
  }
  const sign = balance < 0 ? 'D' : 'C';
  const abs = Math.abs(balance);
  out.push(`:62F:${sign}261127EUR${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`, '-}');
  return out.join('\r\n');
}

function child(file: string): void {
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const read = readMt940(bytes);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const s = read.statements[0]!;
  const sum = s.entries.reduce((a, e) => a + e.amount, 0);
  const returns = s.entries.filter((e) => e.details[0]!.returnInfo?.reasonCode === 'AM04').length;
  process.stdout.write(JSON.stringify({ ms, cpuMs, maxRssMB: process.resourceUsage().maxRSS / 1024, entries: s.entries.length, returns, balanced: s.opening!.amount + sum === s.closing!.amount, bytes: bytes.length }));
}

export function benchStatementsReadMt940(dir: string): BenchRow[] {
  const file = path.join(dir, 'statements-100k.940');
  fs.writeFileSync(file, mt940Of(N));
  const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const runs = [0, 1, 2].map(() => {
    const r = spawnSync(tsx, [self, '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`MT940 bench child failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as { ms: number; cpuMs: number; maxRssMB: number; entries: number; returns: number; balanced: boolean; bytes: number };
  });
  const first = runs[0]!;
  if (first.entries !== N || first.returns !== N / 10 || !first.balanced) throw new Error(`MT940 bench read wrongly: ${JSON.stringify(first)}`);
  const ms = [...runs.map((r) => r.ms)].sort((a, b) => a - b)[1]!;
  const rss = Math.max(...runs.map((r) => r.maxRssMB));
  // on the shared build machine the wall clock waits for other processes; the CPU time is the reader's own
  const cpuMs = [...runs.map((r) => r.cpuMs)].sort((a, b) => a - b)[1]!;
  const load = os.loadavg()[0]!.toFixed(1);
  return [
    {
      name: `statements-read-mt940: read a ${(first.bytes / 1024 / 1024).toFixed(1)} MB MT940 (median of 3 processes; CPU ${Math.round(cpuMs).toLocaleString('en')} ms; peak RSS ${Math.round(rss)} MB; load ${load})`,
      n: N,
      ms,
      rate: `${Math.round((N / ms) * 1000).toLocaleString('en')} entries/s`,
    },
  ];
}

if (process.argv[2] === '--child') child(process.argv[3]!);
