import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // the CLI and browser mode bundled once per run for the tests that start them as processes
    globalSetup: ['test/globalSetup.ts'],
    // The CLI tests spawn a process per step (tsx, about 5 s each when six engineers share two
    // cores); the limit is a guard against hangs, not a speed test.
    testTimeout: 180_000,
  },
});
