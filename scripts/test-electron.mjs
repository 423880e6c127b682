// `npm run test:electron`: the real Electron app, driven by Playwright's Electron support, on a
// demo ledger (test/electron/). Not part of `npm test`: it needs Electron's binary, which cannot be
// downloaded everywhere. Without it this stops at once with one line and exit code 1.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ensureElectronBinding } from './native-electron.mjs';
import { electronBinaryPath, hasDisplay } from './start-mode.mjs';
import { onPath } from './test-deps.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

const binary = electronBinaryPath(path.dirname(require.resolve('electron/package.json')));
if (!binary) {
  console.error('test:electron: no Electron binary is installed (node_modules/electron/dist); on a machine that can download it run "npx install-electron" once, then try again.');
  process.exit(1);
}
// A Linux machine without a screen runs the window in a virtual one.
const display = hasDisplay() ? [] : onPath('xvfb-run') ? ['xvfb-run', '-a'] : undefined;
if (!display) {
  console.error('test:electron: there is no display and no xvfb-run; install it with "sudo apt-get install -y xvfb" or run from a desktop session.');
  process.exit(1);
}

let nativeBinding;
try {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  nativeBinding = ensureElectronBinding({ quiet: true });
} catch (e) {
  console.error(`test:electron: ${e.stdout === undefined ? `better-sqlite3 could not be built for Electron (${e.message})` : 'building Penning failed (the reason is above)'}.`);
  process.exit(1);
}
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const [cmd, ...args] = [...display, process.execPath, vitest, 'run', '-c', 'vitest.electron.config.mts', ...process.argv.slice(2)];
const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PENNING_ELECTRON_BINARY: binary, PENNING_NATIVE_BINDING: nativeBinding } });
process.exit(run.status ?? 1);
