import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBundles } from './helpers/processBundles';

/** The CLI and browser-mode bundles, built once per run from the sources (see processBundles.ts). */
export default function setup(project: TestProject): () => void {
  const dir = path.join(path.resolve(__dirname, '..'), 'node_modules', '.cache', 'penning-test-bundles', `run-${process.pid}`);
  project.provide('penningBundles', buildBundles(dir));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
