import fs from 'node:fs';
import path from 'node:path';
import { call } from '../electron/api';
import { startServer } from '../electron/server';
import { launchChromium } from '../test/e2e/chromium';

/**
 * The open-item grid with 100 000 items in browser mode, in real Chromium: time from navigation to
 * the first rows on screen, and frame times while scrolling (requestAnimationFrame deltas).
 */
export async function benchGrid(dir: string): Promise<{ name: string; n: number; ms: number; rate?: string }[]> {
  const rendererDir = path.resolve(__dirname, '..', 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('grid bench needs the built renderer: run "npm run build" first');
  const server = await startServer({ ledgerFile: path.join(dir, 'grid.sqlite'), rendererDir });
  const ctx = server.ctx;
  call(ctx, 'setup.initialize', { organisation: { name: 'Grid bench' } });
  ctx.db.transaction(() => {
    for (let i = 0; i < 10_000; i++) call(ctx, 'debtors.create', { name: `Lid ${i}` });
  })();
  for (let month = 1; month <= 10; month++) {
    const run = call(ctx, 'feeRuns.create', { description: `Termijn ${month}`, invoiceDate: `2026-${String(month).padStart(2, '0')}-01`, amount: 1_000 + month, selection: { mode: 'all' } });
    call(ctx, 'feeRuns.post', { id: run.id });
  }
  const total = call(ctx, 'items.list', { limit: 1 }).total;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Overzicht' }).waitFor();
    const t0 = performance.now();
    await page.evaluate("window.location.hash = '#/openstaande-posten'");
    await page.getByRole('grid').getByRole('rowgroup').getByRole('row').first().waitFor();
    const firstRows = performance.now() - t0;
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const grid = document.querySelector('[role="grid"]');
      const deltas = [];
      let last = performance.now();
      const end = last + 3000;
      const step = (now) => {
        deltas.push(now - last);
        last = now;
        grid.scrollTop += 240; // about seven rows a frame: a brisk scroll
        if (now < end) requestAnimationFrame(step);
        else resolve(deltas);
      };
      requestAnimationFrame(step);
    })`)) as number[];
    const sorted = [...frames].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
    return [
      { name: 'open-item grid (browser mode, Chromium): navigation to first rows visible', n: total, ms: firstRows },
      { name: 'open-item grid: frame time while scrolling 3 s, median / p95 / max', n: frames.length, ms: pct(0.5), rate: `p95 ${pct(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms` },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
