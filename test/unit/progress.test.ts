import { describe, expect, it } from 'vitest';
import { PROGRESS_INTERVAL_MS, ProgressReporter, progressAndYield, reportProgress, withProgress, type ProgressUpdate } from '../../electron/progress';
import { progressSchema } from '../../shared/api/progress';

/** A reporter on a clock the test moves by hand. */
function reporterAt() {
  let now = 0;
  const sent: ProgressUpdate[] = [];
  const reporter = new ProgressReporter((u) => sent.push(u), () => now);
  return { reporter, sent, advance: (ms: number) => (now += ms) };
}

describe('the progress reporter', () => {
  it('sends the first and the last count of a step at once and at most one update per interval between', () => {
    const { reporter, sent, advance } = reporterAt();
    for (let done = 0; done <= 1000; done++) {
      reporter.report('specifications', done, 1000);
      advance(1); // 1000 members in one second
    }
    expect(sent[0]).toEqual({ step: 'specifications', done: 0, total: 1000 });
    expect(sent.at(-1)).toEqual({ step: 'specifications', done: 1000, total: 1000 });
    // ten a second (every 100 ms) plus the closing one
    expect(sent.length).toBe(1000 / PROGRESS_INTERVAL_MS + 1);
    const gaps = sent.slice(1, -1).map((u, i) => u.done - sent[i]!.done);
    expect(gaps.every((g) => g === PROGRESS_INTERVAL_MS)).toBe(true);
  });

  it('a new step goes out at once, a repeated update never', () => {
    const { reporter, sent } = reporterAt();
    expect(reporter.report('import.plan', 0, 3)).toBe(true);
    expect(reporter.report('import.plan', 1, 3)).toBe(false);
    expect(reporter.report('import.plan', 3, 3)).toBe(true);
    expect(reporter.report('import.plan', 3, 3)).toBe(false);
    expect(reporter.report('import.apply', 0, 3)).toBe(true);
    expect(sent.map((u) => `${u.step} ${u.done}/${u.total}`)).toEqual(['import.plan 0/3', 'import.plan 3/3', 'import.apply 0/3']);
  });

  it('keeps counts whole and done within total, so every update fits the shape the transports check', () => {
    const { reporter, sent, advance } = reporterAt();
    reporter.report('files', 5, 2);
    advance(500);
    reporter.report('files', -1, 2.7);
    advance(500);
    reporter.report('files', 1.5, 4);
    expect(sent).toEqual([
      { step: 'files', done: 2, total: 2 },
      { step: 'files', done: 0, total: 2 },
      { step: 'files', done: 1, total: 4 },
    ]);
    for (const u of sent) expect(progressSchema.safeParse({ requestId: 'r1', ...u }).success).toBe(true);
  });

  it('a listener that fails does not fail the work', () => {
    const reporter = new ProgressReporter(() => {
      throw new Error('window closed');
    });
    expect(reporter.report('report', 0, 10)).toBe(true);
  });

  it('is a no-op without a listener, and each request hears only its own work', async () => {
    expect(reportProgress('report', 1, 2)).toBe(false);
    const heard: Record<string, string[]> = { a: [], b: [] };
    const work = async (name: string, total: number) => {
      for (let i = 0; i <= total; i++) {
        reportProgress(`step.${name}`, i, total);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    // two calls running at the same time, interleaved on the one event loop
    await Promise.all([
      withProgress((u) => heard.a!.push(u.step), () => work('a', 5)),
      withProgress((u) => heard.b!.push(u.step), () => work('b', 7)),
      work('nobody', 3),
    ]);
    expect(new Set(heard.a)).toEqual(new Set(['step.a']));
    expect(new Set(heard.b)).toEqual(new Set(['step.b']));
  });

  it('async work lets the event loop turn while it runs, with or without a listener', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const busyFor = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const ctx = { progress: reportProgress };
    for (let i = 0; i < 30; i++) {
      busyFor(10); // one member's PDF
      await progressAndYield(ctx, 'specifications', i, 30);
    }
    clearInterval(timer);
    // 300 ms of work that would otherwise hold the loop throughout
    expect(ticks).toBeGreaterThanOrEqual(3);
  });
});
