import { afterAll } from 'vitest';
import { closeSharedChromium } from './chromium';

// runs in every e2e file: the file's shared Chromium (harness.ts sessions) goes when the file is done
afterAll(async () => {
  await closeSharedChromium();
});
