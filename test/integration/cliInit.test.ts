import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../helpers/cli';
import { tempDir } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';

/**
 * Issue 8, point 19: `penning init --name --creditor-id --iban [--bic]` sets up a ledger from the
 * command line alone, refusing each bad flag by name before any file is made.
 */
const dir = tempDir('penning-cli-init-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const root = path.resolve(__dirname, '../..');

describe('penning init with the organisation and the first bank account', () => {
  it('names every bad flag with its rule, exits 2 and leaves no ledger behind', () => {
    const db = path.join(dir, 'typo.sqlite');
    const r = cliOn(db)('init', '--name', '', '--creditor-id', 'NL00ZZZ000000000000', '--iban', 'NL91ABNA0417164301', '--bic', 'NOT A BIC');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Fout: --name: /);
    expect(lines.find((l) => l.startsWith('Fout: --creditor-id: '))).toBeDefined();
    expect(lines).toContain('Fout: --iban: IBAN NL91ABNA0417164301: de controlecijfers kloppen niet');
    expect(lines.find((l) => l.startsWith('Fout: --bic: '))).toBeDefined();
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(db)).toBe(false);

    const en = cliOn(db)('--lang', 'en', 'init', '--name', 'VV De Zwaluwen', '--iban', 'NL91ABNA0417164301');
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe('Error: --iban: IBAN NL91ABNA0417164301: check digits do not match');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('refuses --demo together with --name', () => {
    const db = path.join(dir, 'both.sqlite');
    const r = cliOn(db)('init', '--demo', '--name', 'VV De Zwaluwen');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--demo');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('sets up a ledger that can collect after the member import', async () => {
    const db = path.join(dir, 'club.sqlite');
    const penning = cliOn(db);
    const init = penning('init', '--name', 'VV De Zwaluwen', '--creditor-id', 'NL51ZZZ405365330000', '--iban', 'NL91 ABNA 0417 1643 00', '--bic', 'ABNANL2A');
    expect(init.code, init.stderr).toBe(0);
    expect(init.json).toMatchObject({ initialized: true, organisationName: 'VV De Zwaluwen' });
    const settings = penning('call', 'settings.get').json;
    expect(settings.creditorId).toBe('NL51ZZZ405365330000');
    expect(settings.bankAccounts).toMatchObject([{ iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', name: 'Hoofdrekening' }]);

    const again = penning('init', '--name', 'Andere club');
    expect(again.code).toBe(2);
    expect(penning('call', 'settings.get').json.organisation.name).toBe('VV De Zwaluwen');

    expect(penning('import-members', path.join(root, 'test', 'fixtures', 'leden-50.csv')).code).toBe(0);
    const run = penning('fee-run', 'create', '--description', 'Contributie 2026-2027', '--amount', '150,00', '--from-card').json;
    expect(penning('fee-run', 'post', String(run.id)).code).toBe(0);
    const out = path.join(dir, 'incasso.xml');
    const collect = penning('collect', '--include-not-due', '--confirm-prenotification', '--out', out);
    expect(collect.code, collect.stderr).toBe(0);
    expect(collect.json.transactions).toBeGreaterThan(30);
    const xml = fs.readFileSync(out, 'utf8');
    expect(xml).toContain('<Id>NL51ZZZ405365330000</Id>');
    expect(xml).toContain('<IBAN>NL91ABNA0417164300</IBAN>');
    expect(await xsdErrors(xml)).toEqual([]);
  });
});
