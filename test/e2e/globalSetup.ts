import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import provideBundles from '../globalSetup';
import { findChromium } from './chromium';

/** The e2e tests drive the built renderer: build it when it is missing, and fail early without Chromium. */
export default function setup(project: TestProject): () => void {
  findChromium();
  const root = path.resolve(__dirname, '../..');
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  }
  fs.mkdirSync(path.join(root, 'test', 'e2e', 'screenshots'), { recursive: true });
  // browser mode as its own process (progress.e2e.ts) starts from the same bundle as in the unit run
  return provideBundles(project);
}
