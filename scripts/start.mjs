// `npm start [-- --demo] [-- --db <file>]`: builds the app and opens the Penning window. When the
// window cannot open here (no Electron binary and no way to download it, no display, no Electron
// build of better-sqlite3) it starts browser mode instead, opens the default browser and prints the
// URL, with one line saying why. Never a dead end, never a stack trace.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ensureElectronBinding } from './native-electron.mjs';
import { browserOpener, chooseMode, electronBinaryPath, hasDisplay, lastErrorLine } from './start-mode.mjs';
import { onPath } from './test-deps.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** Electron's own installer, run once when the binary is missing; its failure becomes one line. */
function downloadElectron(dir) {
  console.error('Downloading the Electron binary (once)...');
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { encoding: 'utf8', timeout: 300_000 });
  if (r.status === 0) return undefined;
  return r.error?.code === 'ETIMEDOUT' ? 'the download took longer than 5 minutes' : lastErrorLine(`${r.stdout}\n${r.stderr}`) || `exit code ${r.status}`;
}

function decide() {
  const dir = electronDir();
  if (!dir) return chooseMode({ electronInstalled: false });
  if (!hasDisplay()) return chooseMode({ display: false });
  let binary = electronBinaryPath(dir);
  let downloadError;
  if (!binary) {
    downloadError = downloadElectron(dir);
    binary = electronBinaryPath(dir);
  }
  if (!binary) return chooseMode({ binary, downloadError });
  try {
    return { ...chooseMode({ binary }), nativeBinding: ensureElectronBinding({ quiet: true }) };
  } catch (e) {
    return chooseMode({ binary, nativeError: e.message });
  }
}

function startElectron(binary, nativeBinding) {
  const started = Date.now();
  const child = spawn(binary, [root, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, PENNING_NATIVE_BINDING: nativeBinding } });
  child.on('error', (e) => startBrowser(`Electron could not be started (${e.code ?? e.message})`));
  child.on('exit', (code) => {
    // A binary that dies at once (missing system libraries, a sandbox it cannot set up) is no window either.
    if (code !== 0 && code !== null && Date.now() - started < 10_000) return startBrowser(`Electron stopped right after starting (exit code ${code})`);
    process.exit(code ?? 0);
  });
}

/** Browser mode from the build (out/main/web.js): the server prints its URL; we open it and stay in front. */
function startBrowser(reason) {
  console.error(`Penning opens in your browser instead of its own window: ${reason}.`);
  const server = spawn(process.execPath, [path.join(root, 'out', 'main', 'web.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  const onData = (chunk) => {
    buffered += chunk;
    const url = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(buffered)?.[0];
    if (!url) return;
    server.stdout.off('data', onData);
    server.stdout.pipe(process.stdout);
    console.log(url);
    const opener = browserOpener(process.platform, url, (cmd) => onPath(cmd));
    if (!opener) return console.error('No program to open a browser was found; open the URL above yourself.');
    const open = spawn(opener[0], opener[1], { stdio: 'ignore', detached: true });
    open.on('error', () => console.error('The browser could not be opened; open the URL above yourself.'));
    open.unref();
  };
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', onData);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

try {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
} catch {
  console.error('npm start: building Penning failed (the reason is above).');
  process.exit(1);
}
const choice = decide();
if (choice.mode === 'electron') startElectron(choice.binary, choice.nativeBinding);
else startBrowser(choice.reason);
