import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installPlan, missingNeeds, onPath } from '../../scripts/test-deps.mjs';

/** Issue 8, point 18: what `npm test` does about missing system tools, decided without touching the system. */
describe('npm test: missing system tools', () => {
  it('installs as root, with sudo when it needs no password, else stops with the command', () => {
    const packages = ['poppler-utils', 'chromium'];
    expect(installPlan({ packages: [], isRoot: false, canSudo: false, hasAptGet: true })).toEqual({ action: 'none' });
    expect(installPlan({ packages, isRoot: true, canSudo: false, hasAptGet: true })).toEqual({
      action: 'install',
      steps: [['apt-get', 'update', '-q'], ['apt-get', 'install', '-y', '--no-install-recommends', 'poppler-utils', 'chromium']],
    });
    expect(installPlan({ packages, isRoot: false, canSudo: true, hasAptGet: true })).toEqual({
      action: 'install',
      steps: [['sudo', '-n', 'apt-get', 'update', '-q'], ['sudo', '-n', 'apt-get', 'install', '-y', '--no-install-recommends', 'poppler-utils', 'chromium']],
    });
    expect(installPlan({ packages, isRoot: false, canSudo: false, hasAptGet: true })).toEqual({ action: 'stop', command: 'sudo apt-get install -y poppler-utils chromium' });
    expect(installPlan({ packages: ['poppler-utils'], isRoot: true, canSudo: false, hasAptGet: false })).toMatchObject({ action: 'stop', command: expect.stringContaining('poppler-utils') });
  });

  it('finds tools on PATH only when they are executable files, and names each package once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penning-path-'));
    try {
      fs.writeFileSync(path.join(dir, 'pdftotext'), '#!/bin/sh\n', { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'pdftoppm'), 'not executable', { mode: 0o644 });
      fs.mkdirSync(path.join(dir, 'chromium'));
      const env = { PATH: dir };
      expect(onPath('pdftotext', env)).toBe(true);
      expect(onPath('pdftoppm', env)).toBe(false);
      expect(onPath('chromium', env)).toBe(false);
      const needs = [
        { what: 'pdftotext', pkg: 'poppler-utils', find: (e: NodeJS.ProcessEnv) => onPath('pdftotext', e) },
        { what: 'pdftoppm', pkg: 'poppler-utils', find: (e: NodeJS.ProcessEnv) => onPath('pdftoppm', e) },
        { what: 'pdfinfo', pkg: 'poppler-utils', find: (e: NodeJS.ProcessEnv) => onPath('pdfinfo', e) },
      ];
      expect(missingNeeds(env, needs)).toEqual({ what: ['pdftoppm', 'pdfinfo'], packages: ['poppler-utils'] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
