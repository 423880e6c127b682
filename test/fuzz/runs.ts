/**
 * How many generated cases each fuzz test tries: a short form that keeps `npm test` within a
 * minute, and the long form with `npm run fuzz` (FUZZ_RUNS). A reader added later (bank
 * statements, …) gets its own `*.fuzz.test.ts` here and takes its count from this.
 */
export function fuzzRuns(short: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : short;
}

/** The seed is printed with every failure by fast-check; FUZZ_SEED replays one. */
export function fuzzSeed(): number | undefined {
  const seed = Number(process.env.FUZZ_SEED);
  return Number.isSafeInteger(seed) ? seed : undefined;
}

/** A Node stack frame ("    at fn (file.ts:1:2)") anywhere in a text meant for a person. */
export const STACK_FRAME = /\n\s+at .+(:\d+:\d+|\(native\))/;
