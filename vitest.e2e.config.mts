import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real Chromium (playwright-core) against browser mode on a temp ledger. They
 * need the built renderer (npm run build); globalSetup builds it when out/renderer is missing.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/e2e/globalSetup.ts'],
    setupFiles: ['test/e2e/setup.ts'],
  },
});
