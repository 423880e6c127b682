/**
 * Test-only: `PENNING_CRASH_AT=<phase>[:n]` makes the process SIGKILL itself the n-th time it
 * passes the named point, so the crash-safety test can aim at the exact moments that matter
 * (between COMMIT and rename used to lose files). Unset, this costs one string comparison.
 */
export type CrashPhase = 'before-book' | 'during-write' | 'after-temp-write' | 'after-rename' | 'after-commit';

const spec = process.env.PENNING_CRASH_AT;
const wanted = spec ? { phase: spec.split(':')[0], nth: Number(spec.split(':')[1] ?? '1') } : null;
const passes = new Map<string, number>();

export function crashPoint(phase: CrashPhase): void {
  if (!wanted || wanted.phase !== phase) return;
  const n = (passes.get(phase) ?? 0) + 1;
  passes.set(phase, n);
  if (n === wanted.nth) process.kill(process.pid, 'SIGKILL');
}
