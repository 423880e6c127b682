import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOpener, chooseMode, electronBinaryPath, hasDisplay, lastErrorLine } from '../../scripts/start-mode.mjs';

/** Issue 8, point 17: how `npm start` chooses between the Electron window and browser mode. */
describe('npm start: window or browser', () => {
  it('opens the window only when everything it needs is there, else says in one line why not', () => {
    expect(chooseMode({ binary: '/e/electron' })).toEqual({ mode: 'electron', binary: '/e/electron' });
    expect(chooseMode({ electronInstalled: false })).toMatchObject({ mode: 'browser', reason: expect.stringContaining('electron package is not installed') });
    expect(chooseMode({ display: false, binary: '/e/electron' })).toMatchObject({ mode: 'browser', reason: expect.stringContaining('no display') });
    expect(chooseMode({ binary: undefined, downloadError: 'TypeError: fetch failed' })).toEqual({
      mode: 'browser',
      reason: 'the Electron binary is not installed and could not be downloaded (TypeError: fetch failed)',
    });
    expect(chooseMode({ binary: '/e/electron', nativeError: 'make: g++: not found' })).toMatchObject({ mode: 'browser', reason: expect.stringContaining('make: g++: not found') });
    for (const facts of [{ electronInstalled: false }, { display: false }, { binary: undefined, downloadError: 'x\ny' }]) {
      expect(chooseMode(facts)).toMatchObject({ mode: 'browser', reason: expect.not.stringContaining('\n') });
    }
  });

  it('finds the binary the way electron/index.js does, without downloading', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penning-electron-'));
    try {
      expect(electronBinaryPath(dir, {})).toBeUndefined();
      fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
      expect(electronBinaryPath(dir, {})).toBeUndefined();
      fs.mkdirSync(path.join(dir, 'dist'));
      fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
      expect(electronBinaryPath(dir, {})).toBe(path.join(dir, 'dist', 'electron'));
      expect(electronBinaryPath(dir, { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'elsewhere') })).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The worktree itself: this machine has no Electron binary (Electron 42+ has no postinstall).
    const real = path.resolve(__dirname, '../../node_modules/electron');
    if (!fs.existsSync(path.join(real, 'path.txt'))) expect(electronBinaryPath(real, {})).toBeUndefined();
  });

  it('needs a display on Linux only', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });

  it('opens the default browser with the platform command', () => {
    const url = 'http://127.0.0.1:5000/?token=a&b';
    expect(browserOpener('darwin', url, () => false)).toEqual(['open', [url]]);
    expect(browserOpener('win32', url, () => false)).toEqual(['cmd', ['/c', 'start', '""', 'http://127.0.0.1:5000/?token=a^&b']]);
    expect(browserOpener('linux', url, (c: string) => c === 'xdg-open')).toEqual(['xdg-open', [url]]);
    expect(browserOpener('linux', url, (c: string) => c === 'gio')).toEqual(['gio', ['open', url]]);
    expect(browserOpener('linux', url, () => false)).toBeUndefined();
  });

  it('keeps the last meaningful line of a failed download or build, never a stack line', () => {
    const fetchFailed = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async downloadArtifact (file:///x/index.js:154:12)\n';
    expect(lastErrorLine(fetchFailed)).toBe('TypeError: fetch failed');
    const gyp = "gyp info it worked\nmake: g++: No such file or directory\ngyp ERR! stack Error: `make` failed with exit code: 2\ngyp ERR! System Linux 6.1\ngyp ERR! command \"node\"\n";
    expect(lastErrorLine(gyp)).toBe('make: g++: No such file or directory');
    expect(lastErrorLine('Error: x\n  [cause]: Error: connect ECONNREFUSED\n    errno: -111,\n    code: \'ECONNREFUSED\'\n  }\n}')).toBe('[cause]: Error: connect ECONNREFUSED');
  });
});
