// What `npm test` needs from the system besides node_modules: poppler's pdftotext/pdftoppm (the PDF
// tests read real PDFs back) and a Chromium (the end-to-end tests). On a fresh Debian/Ubuntu machine
// they are installed when we may (root, or sudo without a password); otherwise the run stops at
// once with the exact command, instead of failing later with a stack trace from a missing tool.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Each need: how to find it, and the Debian package that provides it. */
export const NEEDS = [
  { what: 'pdftotext', pkg: 'poppler-utils', find: (env) => onPath('pdftotext', env) },
  { what: 'pdftoppm', pkg: 'poppler-utils', find: (env) => onPath('pdftoppm', env) },
  {
    what: 'Chromium',
    pkg: 'chromium',
    // The same places test/e2e/chromium.ts looks, Playwright's own download included.
    find: (env) => [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightChromium()].some((p) => !!p && isExecutable(p)),
  },
];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function onPath(command, env = process.env) {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, command)));
}

function playwrightChromium() {
  try {
    return require('playwright-core').chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The missing needs, and the packages (each once) that bring them. */
export function missingNeeds(env = process.env, needs = NEEDS) {
  const missing = needs.filter((n) => !n.find(env));
  return { what: missing.map((n) => n.what), packages: [...new Set(missing.map((n) => n.pkg))] };
}

/**
 * What to do about missing packages: install them (as root, or with sudo when it needs no
 * password) or stop with the command to run. Pure, so it is tested without touching the system.
 */
export function installPlan({ packages, isRoot, canSudo, hasAptGet }) {
  if (packages.length === 0) return { action: 'none' };
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];
  if (hasAptGet && isRoot) return { action: 'install', steps: [['apt-get', 'update', '-q'], install] };
  if (hasAptGet && canSudo) return { action: 'install', steps: [['sudo', '-n', 'apt-get', 'update', '-q'], ['sudo', '-n', ...install]] };
  const command = hasAptGet ? `sudo apt-get install -y ${packages.join(' ')}` : `apt-get install -y ${packages.join(' ')} (Debian/Ubuntu; elsewhere install ${packages.join(', ')} with your package manager)`;
  return { action: 'stop', command };
}

function canSudoWithoutPassword(env) {
  if (!onPath('sudo', env)) return false;
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', env }).status === 0;
}

/**
 * Checks, installs when allowed, and returns true when the tests can run; false after printing
 * one line with the command to run.
 */
export function ensureTestDependencies(env = process.env, log = console.error) {
  const missing = missingNeeds(env);
  const plan = installPlan({
    packages: missing.packages,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    canSudo: missing.packages.length > 0 && canSudoWithoutPassword(env),
    hasAptGet: onPath('apt-get', env),
  });
  if (plan.action === 'none') return true;
  if (plan.action === 'stop') {
    log(`npm test needs ${missing.what.join(', ')}, which this machine lacks. Install with: ${plan.command}`);
    return false;
  }
  log(`npm test: installing ${missing.packages.join(' ')} (for ${missing.what.join(', ')})...`);
  for (const [cmd, ...args] of plan.steps) {
    const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) {
      log(`npm test: "${[cmd, ...args].join(' ')}" failed; install ${missing.packages.join(' ')} yourself and run npm test again.`);
      return false;
    }
  }
  const still = missingNeeds(env);
  if (still.what.length > 0) {
    log(`npm test: ${still.what.join(', ')} still not found after installing ${missing.packages.join(' ')}.`);
    return false;
  }
  return true;
}
