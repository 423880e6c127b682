import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn, cliResult } from '../helpers/cli';
import { bundled } from '../helpers/processBundles';
import { tempDir } from '../helpers/ledger';

/** Progress on the CLI: stderr only, stdout keeps carrying just the JSON. */
const root = path.resolve(__dirname, '../..');
const dir = tempDir('penning-cli-progress-');
const db = path.join(dir, 'ledger.sqlite');
const cli = cliOn(db);
let reference = '';
let debits = 0;

beforeAll(() => {
  expect(cli('init', '--name', 'De Zwaluwen', '--creditor-id', 'NL51ZZZ405365330000', '--iban', 'NL91ABNA0417164300').code).toBe(0);
  const imported = cli('--progress', 'import-members', path.join(root, 'test/fixtures/leden-50.csv'));
  expect(imported.code).toBe(0);
  // the import's own lines: reading the list, then taking each member in
  expect(imported.stderr).toMatch(/^Ledenlijst lezen: 0 van 50 \(0%\)$/m);
  expect(imported.stderr).toMatch(/^Ledenlijst lezen: 50 van 50 \(100%\)$/m);
  // five rows of the list are refused (and said so); the others are taken in
  const taken = imported.json.created as number;
  expect(taken).toBe(50 - imported.json.rejected.length);
  expect(imported.stderr).toMatch(new RegExp(`^Leden inlezen: ${taken} van ${taken} \\(100%\\)$`, 'm'));
  expect(cli('fee-run', 'create', '--description', 'Contributie', '--amount', '150', '--date', '2026-09-01').code).toBe(0);
  expect(cli('fee-run', 'post', '1').code).toBe(0);
  const collected = cli('--progress', 'collect', '--out', path.join(dir, 'incasso.xml'), '--confirm-prenotification');
  expect(collected.code, collected.stderr).toBe(0);
  debits = collected.json.transactions;
  reference = collected.json.batch;
  expect(debits).toBeGreaterThan(10);
  expect(collected.stderr).toMatch(new RegExp(`^Incasso's boeken: ${debits} van ${debits} \\(100%\\)$`, 'm'));
  expect(collected.stderr).toMatch(/^Bestanden schrijven: 1 van 1 \(100%\)$/m);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('progress on the CLI', () => {
  it('--progress prints plain lines on a pipe, from the first count of a step to its last', () => {
    const r = cli('--progress', '--lang', 'en', 'batch', 'specs', reference, '--folder', path.join(dir, 'specs'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toHaveLength(debits);
    const lines = r.stderr.trim().split('\n');
    const progress = lines.filter((l) => l.startsWith('Specifications: '));
    expect(progress[0]).toBe(`Specifications: 0 of ${debits} (0%)`);
    expect(progress.at(-1)).toBe(`Specifications: ${debits} of ${debits} (100%)`);
    expect(lines.at(-1)).toBe(`${debits} specifications written to ${path.join(dir, 'specs')}`);
    // stdout is only the JSON list of files
    expect(r.stdout.trim().startsWith('[')).toBe(true);
  });

  it('prints nothing on a pipe without --progress, nor with --no-progress', () => {
    for (const flags of [[], ['--no-progress']]) {
      const r = cli(...flags, 'batch', 'report', reference, '--out', path.join(dir, `report${flags.length}.pdf`));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/Verzamelstaat: /);
    }
  });

  it('on a terminal one line rewrites itself and is wiped at the end', () => {
    // `script` gives the CLI a real pseudo-terminal as stderr
    const command = [process.execPath, bundled('cli'), '--db', db, 'batch', 'specs', reference, '--folder', path.join(dir, 'specs-tty')].map((a) => `'${a}'`).join(' ');
    const r = cliResult(spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8' }));
    expect(r.code, r.stdout).toBe(0);
    const rewrites = r.stdout.split('\r\x1b[2K');
    expect(rewrites.some((part) => part.startsWith(`Specificaties: 0 van ${debits} (0%)`))).toBe(true);
    expect(rewrites.some((part) => part.startsWith(`Specificaties: ${debits} van ${debits} (100%)`))).toBe(true);
    // no progress text ever ends a line: each update overwrites the last, the final one is wiped
    expect(r.stdout).not.toMatch(/\(\d+%\)\r?\n/);
  });
});
