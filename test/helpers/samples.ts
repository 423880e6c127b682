import fs from 'node:fs';
import path from 'node:path';

/**
 * The published bank files the readers are tested on: $PENNING_SAMPLES (another set, such as a
 * held-back one), else ../shared/sepa/samples beside the checkout, else the copy committed in
 * test/fixtures/bank-samples so a fresh clone tests the same files on its own.
 */
export function samplesDir(): string {
  if (process.env.PENNING_SAMPLES) return process.env.PENNING_SAMPLES;
  const beside = path.resolve(__dirname, '../../../shared/sepa/samples');
  return fs.existsSync(beside) ? beside : path.resolve(__dirname, '../fixtures/bank-samples');
}
