import { defineConfig } from 'vitest/config';

/**
 * The real Electron app (playwright-core's Electron support) on a demo ledger. Run through
 * `npm run test:electron`, which finds the binary, builds the app and the Electron build of
 * better-sqlite3 first.
 */
export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
