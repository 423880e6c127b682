import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The afterPack hook that electron-builder runs on the packaged app (issue 9, Electron). No Electron
 * binary can be downloaded here, so the hook works on a file that carries Electron's fuse wire
 * exactly as the binary does (sentinel, version, length, one byte per fuse), read back with
 * @electron/fuses itself.
 */
const require = createRequire(import.meta.url);
const afterPack = require('../../scripts/after-pack.cjs') as (context: unknown) => Promise<void>;
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const on = 49;
const off = 48;

/** Electron's defaults for the eight named fuses, plus a ninth the hook does not know. */
function fakeElectron(file: string): void {
  const wire = Buffer.from([1, 9, on, off, on, on, off, off, off, on, on]);
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(1024, 9)]));
}

describe('electron-builder afterPack: fuses of the packaged app', () => {
  it('turns off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges; turns on cookie encryption, asar integrity and asar-only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penning-pack-'));
    try {
      const binary = path.join(dir, 'penning');
      fakeElectron(binary);
      const before = fs.readFileSync(binary);
      await afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Penning' }, executableName: 'penning' } });
      const wire = await getCurrentFuseWire(binary);
      expect(wire[FuseV1Options.RunAsNode]).toBe(off);
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
      expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(off);
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
      expect((wire as Record<number, number>)[8]).toBe(on);
      const after = fs.readFileSync(binary);
      expect(after.length).toBe(before.length);
      // Only the fuse bytes changed.
      const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
      const start = 4096 + SENTINEL.length + 2;
      expect(changed.every((i) => i >= start && i < start + 8)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the build when the binary is not an Electron binary', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penning-pack-'));
    try {
      fs.writeFileSync(path.join(dir, 'Penning.exe'), 'not electron');
      await expect(afterPack({ appOutDir: dir, electronPlatformName: 'win32', arch: 1, packager: { appInfo: { productFilename: 'Penning' } } })).rejects.toThrow(/sentinel/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
