import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkedMarkFile } from '../db/checkedMark';

/**
 * `penning status` as a user runs the installed command (bin/penning.js → out/main/cli.js) on the
 * demo ledger: median wall time of N runs from spawn to exit, Node's own start included, and the
 * median CPU time of those processes (issue 8, point 20: under 150 ms). The ledger was closed
 * cleanly by Penning, so status takes its quick read-only path; the full start is measured apart.
 */
const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'penning.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function benchCliStatus(dir: string, runs = 21): { name: string; n: number; ms: number; rate?: string }[] {
  if (!fs.existsSync(path.join(root, 'out', 'main', 'cli.js'))) {
    console.error('bench cli status: skipped, run "npm run build" first');
    return [];
  }
  const db = path.join(dir, 'status-demo.sqlite');
  const init = spawnSync(process.execPath, [bin, '--db', db, 'init', '--demo'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`penning init --demo failed: ${init.stderr}`);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', path.join(__dirname, 'cpuAtExit.cjs'), bin, '--db', db, 'status'], { encoding: 'utf8' });
    wall.push(performance.now() - t0);
    if (r.status !== 0 || !r.stdout.includes('"initialized": true')) throw new Error(`penning status failed: ${r.stderr}`);
    cpu.push(Number(/CPU ([\d.]+)/.exec(r.stderr)?.[1]));
  }
  // the first command of a day (or after a crash or an outside change): the full start runs
  const fullWall: number[] = [];
  for (let i = 0; i < Math.min(runs, 7); i++) {
    fs.rmSync(checkedMarkFile(db), { force: true });
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, '--db', db, 'status'], { encoding: 'utf8' });
    fullWall.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`penning status failed: ${r.stderr}`);
  }
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t0);
  }
  return [
    { name: `built \`penning status\` on the demo ledger, spawn to exit (median of ${runs})`, n: 1, ms: median(wall), rate: `CPU ${median(cpu).toFixed(0)} ms` },
    { name: `the same after the file changed outside Penning (full start with the open check; median of ${fullWall.length})`, n: 1, ms: median(fullWall) },
    { name: `for scale: \`node -e 0\`, spawn to exit (median of ${runs})`, n: 1, ms: median(bare) },
  ];
}
