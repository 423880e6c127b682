import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 8, point 18, as a user meets it: `npm test` (scripts/test.mjs) on a machine whose PATH has
 * node but no pdftotext, pdftoppm, apt-get or sudo. It stops at once with the command to run.
 */
const root = path.resolve(__dirname, '../..');
const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'penning-bare-path-'));
afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

describe('npm test without poppler-utils', () => {
  it('stops before running any test, naming the tools and the install command, without a stack trace', () => {
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const started = Date.now();
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'test.mjs')], { cwd: root, encoding: 'utf8', env: { PATH: bin, HOME: os.tmpdir() } });
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stderr).toContain('npm test needs pdftotext, pdftoppm');
    expect(r.stderr).toContain('apt-get install -y poppler-utils');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toContain('tests:');
  });
});
