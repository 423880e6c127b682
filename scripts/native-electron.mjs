// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/ without touching
// node_modules, which always keeps the Node build (tests, CLI, browser mode). The app passes the
// result to better-sqlite3 as `nativeBinding` (db/open.ts). Re-runs only when Electron or
// better-sqlite3 changed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { lastErrorLine } from './start-mode.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * With `quiet`, the output of prebuild-install and node-gyp is kept back and only its last
 * meaningful line is thrown, so `npm start` can say in one line why it falls back to the browser.
 */
export function ensureElectronBinding({ quiet = false } = {}) {
  const electronVersion = require('electron/package.json').version;
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
  const targetDir = path.join(root, '.native', `electron-${electronVersion}-${process.platform}-${process.arch}`);
  const binding = path.join(targetDir, 'better_sqlite3.node');
  const stamp = path.join(targetDir, 'stamp.json');
  const wanted = JSON.stringify({ electronVersion, sqliteVersion });
  if (fs.existsSync(binding) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return binding;

  console.error(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)...`);
  const work = path.join(root, '.native', 'build-tmp');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });
  // npm may export a nodedir pointing at Node's headers; Electron needs its own.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(key)) delete env[key];
  const stdio = quiet ? 'pipe' : 'inherit';
  const prebuild = require.resolve('prebuild-install/bin.js');
  try {
    execFileSync(process.execPath, [prebuild, '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`], { cwd: work, env, stdio });
  } catch {
    console.error('No prebuilt binary for this Electron; compiling with node-gyp (needs python3, make and a C++ compiler).');
    try {
      execFileSync(process.execPath, [findNodeGyp(), 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], {
        cwd: work,
        env,
        stdio,
      });
    } catch (e) {
      fs.rmSync(work, { recursive: true, force: true });
      if (!quiet) throw e;
      throw new Error(lastErrorLine(`${e.stdout ?? ''}\n${e.stderr ?? ''}`) || e.message);
    }
  }
  fs.mkdirSync(targetDir, { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), binding);
  fs.writeFileSync(stamp, wanted);
  fs.rmSync(work, { recursive: true, force: true });
  return binding;
}

function findNodeGyp() {
  const candidates = [];
  if (process.env.npm_execpath) candidates.push(path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  for (const c of candidates) if (fs.existsSync(c)) return c;
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    throw new Error('node-gyp not found; install it with "npm install -g node-gyp".');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureElectronBinding());
