// `npm start [-- --demo] [-- --db <file>]`: builds the app, makes sure Electron and the Electron
// build of better-sqlite3 are there, and opens the Penning window.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureElectronBinding } from './native-electron.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function electronBinary() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const read = () => {
    try {
      return require('electron'); // the path of the binary, or throws when it was never downloaded
    } catch {
      return undefined;
    }
  };
  let bin = read();
  if (!bin || !fs.existsSync(bin)) {
    console.error('Downloading the Electron binary (it was skipped at install time)...');
    try {
      execFileSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
    } catch {
      /* reported below */
    }
    delete require.cache[require.resolve('electron')];
    bin = read();
  }
  if (!bin || !fs.existsSync(bin)) {
    console.error('The Electron binary is not available (no internet, or ELECTRON_SKIP_BINARY_DOWNLOAD was set).');
    console.error('Run "npm run web" to use Penning in your browser instead.');
    process.exit(1);
  }
  return bin;
}

const electron = electronBinary();
execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
const binding = ensureElectronBinding();
const child = spawn(electron, [root, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PENNING_NATIVE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
