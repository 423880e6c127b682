import { AsyncLocalStorage } from 'node:async_hooks';
import type { Ctx } from './context';

export interface ProgressUpdate {
  step: string;
  done: number;
  total: number;
}

/** Where a transport sends a request's progress (an IPC message, an HTTP stream, a stderr line). */
export type ProgressSink = (update: ProgressUpdate) => void;

/** At most this often per request: a bar needs ~10 updates a second, not one per member. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * One request's reporter. The first count of a step and its last (done = total) always go out, so a
 * bar appears at once and ends full; in between at most one update per interval.
 */
export class ProgressReporter {
  private lastAt = -Infinity;
  private last: ProgressUpdate | undefined;

  constructor(
    private readonly sink: ProgressSink,
    private readonly clock: () => number = () => performance.now(),
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {}

  /** true when the update went out */
  report(step: string, done: number, total: number): boolean {
    const safeTotal = Math.max(0, Math.floor(total));
    const safeDone = Math.min(Math.max(0, Math.floor(done)), safeTotal);
    const previous = this.last;
    if (previous && previous.step === step && previous.done === safeDone && previous.total === safeTotal) return false;
    const now = this.clock();
    const edge = !previous || previous.step !== step || safeDone === safeTotal;
    if (!edge && now - this.lastAt < this.intervalMs) return false;
    this.last = { step, done: safeDone, total: safeTotal };
    this.lastAt = now;
    try {
      this.sink(this.last);
    } catch {
      // a listener that went away (closed window, dropped connection) must not fail the work itself
    }
    return true;
  }
}

/**
 * The reporter of the request being handled. The session's one Ctx is shared by every request (and a
 * restore swaps its database in place), so the per-request listener travels with the async call
 * chain instead of on a copy of the context.
 */
const current = new AsyncLocalStorage<ProgressReporter>();

/** Runs one request's work with its progress going to `sink`; without a sink progress is a no-op. */
export function withProgress<T>(sink: ProgressSink | undefined, work: () => T): T {
  return sink ? current.run(new ProgressReporter(sink), work) : work();
}

/** What `ctx.progress` does: report to the current request's listener, if any. */
export function reportProgress(step: string, done: number, total: number): boolean {
  return current.getStore()?.report(step, done, total) ?? false;
}

/** Async work lets the event loop turn at least this often, listened to or not. */
export const TURN_MS = 50;
let lastTurn = 0;

/**
 * For async work (PDF rendering): report, and let the event loop turn when an update went out or
 * TURN_MS passed. pdfkit's end resolves without ever reaching the loop (measured: a 224-member
 * specifications ZIP held the main process 3.7 s without one timer firing), so without this turn
 * nothing else is answered, and in Electron the window itself hangs, until the last PDF is done.
 */
export async function progressAndYield(ctx: Pick<Ctx, 'progress'>, step: string, done: number, total: number): Promise<void> {
  const sent = ctx.progress(step, done, total);
  const now = performance.now();
  if (sent || now - lastTurn >= TURN_MS) {
    lastTurn = now;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
