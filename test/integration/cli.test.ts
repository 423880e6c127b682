import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../helpers/cli';
import { tempDir } from '../helpers/ledger';

/**
 * The CLI as a child process. `npm run cli` (tsx electron/cli.ts) starts it from the sources: the
 * first steps go that way, exactly as a user runs it; the rest through the same sources bundled
 * (cliOn, as the installed `penning` runs), because tsx compiles on every start (seconds each on a
 * busy machine).
 */
const dir = tempDir('penning-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function npmRunCli(...args: string[]) {
  const r = spawnSync(tsx, [path.join(root, 'electron', 'cli.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const penning = cliOn();

describe('penning CLI', () => {
  const db = path.join(dir, 'club.sqlite');

  it('init creates an empty ledger file', () => {
    const r = npmRunCli('--db', db, 'init');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ initialized: false, file: db });
    expect(fs.existsSync(db)).toBe(true);
  });

  it('lists the methods with their input schema', () => {
    const r = penning('methods');
    expect(r.code).toBe(0);
    const methods = JSON.parse(r.stdout) as { name: string; kind: string; input: { type: string; properties?: Record<string, unknown> } }[];
    const create = methods.find((m) => m.name === 'debtors.create')!;
    expect(create.kind).toBe('write');
    expect(Object.keys(create.input.properties!)).toEqual(expect.arrayContaining(['name', 'iban', 'email']));
    expect(methods.map((m) => m.name)).toEqual(expect.arrayContaining(['setup.initialize', 'entries.post', 'entries.reverse']));
  });

  it('calls methods with JSON and prints JSON', () => {
    const setup = npmRunCli('--db', db, 'call', 'setup.initialize', JSON.stringify({ organisation: { name: 'VV De Zwaluwen' }, bankAccounts: [{ name: 'Bank', iban: 'NL91ABNA0417164300' }] }));
    expect(setup.code, setup.stderr).toBe(0);
    expect(JSON.parse(setup.stdout).bankAccounts[0].iban).toBe('NL91ABNA0417164300');
    const created = npmRunCli('--db', db, 'call', 'debtors.create', '{"name":"Anouk de Vries","iban":"NL20 INGB 0001 2345 67"}');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ number: '1001', iban: 'NL20INGB0001234567' });
    const list = npmRunCli('--db', db, 'call', 'debtors.list');
    expect(JSON.parse(list.stdout).total).toBe(1);
  });

  it('rejects an invalid IBAN with exit code 2 and a message naming the field', () => {
    const r = penning('--db', db, '--lang', 'en', 'call', 'debtors.create', '{"name":"X","iban":"NL91ABNA0417164301"}');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Error: iban: IBAN NL91ABNA0417164301: check digits do not match');
    const nl = penning('--db', db, 'call', 'debtors.create', '{"name":"X","iban":"NL91ABNA0417164301"}');
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain('Fout: iban: IBAN NL91ABNA0417164301: de controlecijfers kloppen niet');
    expect(JSON.parse(penning('--db', db, 'call', 'debtors.list').stdout).total).toBe(1);
  });

  it('exits 2 on invalid JSON and on an unknown method', () => {
    expect(penning('--db', db, 'call', 'debtors.create', '{name:').code).toBe(2);
    expect(penning('--db', db, 'call', 'debtors.drop', '{}').code).toBe(2);
  });

  it('imports a member list and prints the report, refusing bad rows with their line', () => {
    const fixture = path.join(root, 'test', 'fixtures', 'leden-50.csv');
    const dry = penning('--db', db, 'import-members', fixture, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ created: 45, updated: 0 });
    expect(dry.stderr).toContain('dry run: nothing written');
    const r = penning('--db', db, 'import-members', fixture);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ created: 45, updated: 0 });
    expect(report.rejected.map((x: { line: number }) => x.line)).toEqual([8, 15, 23, 32, 44]);
    expect(JSON.parse(penning('--db', db, 'import-members', fixture).stdout)).toMatchObject({ created: 0, updated: 45 });
  });

  it('init --demo fills an empty ledger with the demo club', () => {
    const demo = path.join(dir, 'demo.sqlite');
    const r = penning('--db', demo, 'init', '--demo');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ initialized: true });
    const overview = JSON.parse(penning('--db', demo, 'call', 'overview.get').stdout);
    expect(overview.debtorCount).toBeGreaterThanOrEqual(280);
    expect(overview.entryCount).toBeGreaterThanOrEqual(35);
    expect(penning('--db', demo, 'init', '--demo').code).toBe(2);
  });
});
