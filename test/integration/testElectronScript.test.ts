import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath } from '../../scripts/start-mode.mjs';

/**
 * `npm run test:electron` on a machine without Electron's binary (these build machines): one line
 * saying so and exit code 1, at once, without building anything or a stack trace.
 */
const root = path.resolve(__dirname, '../..');
const noBinary = !electronBinaryPath(path.join(root, 'node_modules', 'electron'));

describe('npm run test:electron without an Electron binary', () => {
  it.runIf(noBinary)('stops at once with one line', () => {
    const started = Date.now();
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'test-electron.mjs')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stderr.trim()).toBe('test:electron: no Electron binary is installed (node_modules/electron/dist); on a machine that can download it run "npx install-electron" once, then try again.');
    expect(r.stdout).toBe('');
  });
});
