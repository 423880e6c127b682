import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './collection';

/**
 * Issue 12's figure: 1 000 dunning letters with EPC QR codes, one PDF per member (and an .eml
 * draft for those with e-mail) plus the combined print file, written to a folder, in a child
 * process so its peak memory is the letters' own. Budget: under 10 s and under 500 MB.
 * BENCH_LETTERS_N sets another n for a quick look.
 */
const N = Number(process.env.BENCH_LETTERS_N ?? 1000);

export function benchDunningLetters(dir: string): BenchRow[] {
  const out = path.join(dir, 'dunning-letters');
  fs.mkdirSync(out, { recursive: true });
  const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [path.join(__dirname, 'dunningLettersChild.ts'), String(N), out], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`dunning-letters child failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout) as { ms: number; renderMs: number; renderCpuMs: number; cpuMs: number; maxRssMB: number; letters: number; emls: number; perLetterBytes: number; combinedBytes: number };
  const files = fs.readdirSync(out).length;
  fs.rmSync(out, { recursive: true, force: true });
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  return [
    {
      name: `dunning letters: ${m.letters} letters with EPC QR code, a PDF each (${mb(m.perLetterBytes)}), ${m.emls} .eml drafts, one print PDF (${mb(m.combinedBytes)}), ${files} files written (render ${Math.round(m.renderMs)} ms, CPU ${Math.round(m.cpuMs)} ms; peak ${Math.round(m.maxRssMB)} MB)`,
      n: m.letters,
      ms: m.ms,
      rate: `${Math.round(m.letters / (m.ms / 1000))}/s`,
    },
  ];
}
