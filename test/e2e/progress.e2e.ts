import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { openSession, type Session } from './harness';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s?.close();
});

/**
 * The specifications ZIP of the demo club's collection (one PDF per member, seconds of work in the
 * main process): the batch list shows a bar with the counts as the server reports them, the page
 * keeps drawing frames meanwhile, and the bar goes once the ZIP is downloaded.
 */
describe('progress of long work', () => {
  it('shows "n van N specificaties" while the specifications ZIP of a big batch is made', async () => {
    const { page, server } = s;
    call(server.ctx, 'setup.demo', {});
    const batch = call(server.ctx, 'collections.create', {});
    expect(batch.transactionCount).toBeGreaterThan(150);
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Incasso' }).click();
    const specsButton = page.getByRole('button', { name: `Specificaties per lid ${batch.reference}` });
    await specsButton.waitFor();

    // the longest gap between two frames the page draws while the main process works
    await page.evaluate(() => {
      const w = globalThis as unknown as { maxFrameGap: number; watching: boolean; requestAnimationFrame(cb: (now: number) => void): void };
      w.maxFrameGap = 0;
      w.watching = true;
      let last = performance.now();
      const frame = (now: number) => {
        w.maxFrameGap = Math.max(w.maxFrameGap, now - last);
        last = now;
        if (w.watching) w.requestAnimationFrame(frame);
      };
      w.requestAnimationFrame(frame);
    });
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await specsButton.click();
    const bar = page.getByRole('progressbar', { name: `Specificaties ${batch.reference} maken` });
    await bar.waitFor({ timeout: 30_000 });
    const seen: number[] = [];
    const total = Number(await bar.getAttribute('aria-valuemax'));
    expect(total).toBe(batch.transactionCount);
    // the count moves while the work runs: several different counts, each one shown as text too
    while (seen.length < 4) {
      const now = Number(await bar.getAttribute('aria-valuenow').catch(() => 'NaN'));
      if (Number.isNaN(now)) break;
      if (!seen.includes(now)) seen.push(now);
      if (seen.length === 3) {
        await s.shot('70-voortgang-specificaties');
        const text = await page.getByTestId('work-progress').innerText();
        expect(text).toContain(`Specificaties ${batch.reference} maken`);
        expect(text).toMatch(new RegExp(`\\b\\d+ van ${total} specificaties\\b`));
        expect(await bar.getAttribute('aria-valuetext')).toMatch(new RegExp(`^\\d+ van ${total} specificaties$`));
      }
      await page.waitForTimeout(60);
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const zip = await download;
    expect(zip.suggestedFilename()).toBe(`specificaties-${batch.reference}.zip`);
    expect(fs.readFileSync((await zip.path())!).subarray(0, 4).toString('hex')).toBe('504b0304');
    await bar.waitFor({ state: 'detached' });
    const gap = await page.evaluate(() => {
      const w = globalThis as unknown as { maxFrameGap: number; watching: boolean; requestAnimationFrame(cb: (now: number) => void): void };
      w.watching = false;
      return w.maxFrameGap;
    });
    // the page never froze: no frame waited more than half a second
    expect(gap).toBeLessThan(500);
    expect(s.problems).toEqual([]);
  });
});
