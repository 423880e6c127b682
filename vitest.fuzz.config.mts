import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the long forms (more kills, more inputs) of the tests whose short forms run in `npm test`. */
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['test/globalSetup.ts'],
    env: { PENNING_FUZZ: 'long', FUZZ_RUNS: '50000' },
    testTimeout: 3_600_000,
  },
});
