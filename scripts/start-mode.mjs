// The decisions behind `npm start`, kept free of side effects so they are unit-tested: where the
// Electron binary is, whether the Electron window can open, and how to open the default browser.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable that electron's own index.js would return, without requiring it: since
 * Electron 42 that require downloads the binary on the spot and throws with a stack trace when it
 * cannot.
 */
export function electronBinaryPath(electronDir, env = process.env) {
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  const file = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative && path.join(electronDir, 'dist', relative);
  return file && fs.existsSync(file) ? file : undefined;
}

/** A Linux session without X or Wayland cannot show a window; macOS and Windows always can. */
export function hasDisplay(platform = process.platform, env = process.env) {
  return platform !== 'linux' || !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Electron window or browser mode, and in the second case the one line that says why. The facts
 * arrive in the order start.mjs learns them; the first that blocks the window decides.
 */
/**
 * @param {{ electronInstalled?: boolean, display?: boolean, binary?: string, downloadError?: string, nativeError?: string }} facts
 * @returns {{ mode: 'electron', binary: string } | { mode: 'browser', reason: string }}
 */
export function chooseMode({ electronInstalled = true, display = true, binary, downloadError, nativeError }) {
  // One line, whatever a child process printed into it.
  const browser = (reason) => ({ mode: 'browser', reason: reason.replace(/\s*\n\s*/g, ' ') });
  if (!electronInstalled) return browser('the electron package is not installed (npm install left it out)');
  if (!display) return browser('there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set)');
  if (!binary) return browser(`the Electron binary is not installed and could not be downloaded${downloadError ? ` (${downloadError})` : ''}`);
  if (nativeError) return browser(`better-sqlite3 could not be built for Electron (${nativeError})`);
  return { mode: 'electron', binary };
}

/** The platform's own "open this URL in the default browser" command, or undefined when there is none. */
export function browserOpener(platform, url, hasCommand) {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is a cmd builtin; its first quoted argument is a window title, hence the empty one.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  for (const opener of ['xdg-open', 'gio', 'sensible-browser']) {
    if (hasCommand(opener)) return opener === 'gio' ? ['gio', ['open', url]] : [opener, [url]];
  }
  return undefined;
}

/** The last meaningful line a failed child printed, for the one-line reason (never its stack). */
export function lastErrorLine(output) {
  const lines = String(output ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l) && !/^node:internal/.test(l) && !/^Node\.js v/.test(l) && !/^\^+$/.test(l) && !/^[{}[\]]+,?$/.test(l) && !/^\w+: ['"\d-]/.test(l) && !/^gyp ERR! (stack|cwd|node -v|node-gyp -v|System|command)/.test(l));
  const line = lines.at(-1) ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
