import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { cliOn } from '../helpers/cli';
import { openInitializedLedger, tempDir } from '../helpers/ledger';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('penning incassokosten', () => {
  const cli = cliOn();
  it('reads the amount as a treasurer types it and prints principal and costs in cents', () => {
    // 1.234,56: 15 % = 185,184 → € 185,18; € 80: 15 % = € 12, so the € 40 minimum
    expect(cli('incassokosten', '1.234,56').json).toEqual({ principal: 123_456, costs: 18_518 });
    expect(cli('incassokosten', '80').json).toEqual({ principal: 8_000, costs: 4_000 });
    expect(cli('incassokosten', '80,00').json).toEqual({ principal: 8_000, costs: 4_000 });
  });

  it('refuses what is no amount in one line naming the amount, Dutch by default, English with --lang en', () => {
    const nl = cli('incassokosten', '12,345');
    expect(nl.code).toBe(2);
    expect(nl.stdout).toBe('');
    expect(nl.stderr.trim()).toBe('Fout: Bedrag "12,345": schrijf het als 1.234,56');
    const en = cli('--lang', 'en', 'incassokosten', '0');
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe('Error: Amount "0": the principal must be more than 0');
  });
});

describe('penning dunning-run', () => {
  it('prints the summary; --dry-run books nothing, the real run books the letters', () => {
    const t = openInitializedLedger();
    const out = tempDir('penning-letters-');
    dirs.push(t.dir, out);
    const d = member(t, { name: 'Anna Bakker', mandate: null });
    invoice(t, d, 15_000, '2026-11-01');
    const blocked = member(t, { name: 'Bob Visser', mandate: null });
    call(t.ctx, 'items.setBlocked', { itemIds: [invoice(t, blocked, 9_000, '2026-11-01')], blocked: true });
    t.ledger.close();
    const cli = cliOn(t.file);
    const dry = cli('dunning-run', '--date', '2026-11-20', '--dry-run', '--out', out);
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({
      dryRun: true,
      runId: null,
      letters: [{ name: 'Anna Bakker', level: 'Herinnering', principal: 15_000, interest: 0, total: 15_000, delivery: 'print' }],
      fees: 0,
      costs: 0,
      interest: 0,
      costsLowered: 0,
      excluded: [{ name: 'Bob Visser', reason: 'blocked', amount: 9_000 }],
    });
    const real = cli('dunning-run', '--date', '2026-11-20', '--out', out);
    expect(real.stderr).toBe('');
    expect(real.json).toMatchObject({ dryRun: false, runId: 1, letters: [{ level: 'Herinnering' }] });
    // the letters are on disk in a folder of the run: one PDF for the member (no e-mail, so no draft) and the print file
    const folder = path.join(out, 'aanmaningen-2026-11-20-run-1');
    expect(real.json.folder).toBe(folder);
    expect(fs.readdirSync(folder).sort()).toEqual(['aanmaningen-2026-11-20-run-1.pdf', `herinnering-${real.json.files[0].debtor.toLowerCase()}.pdf`]);
    expect(real.json.files).toEqual([{ debtor: real.json.letters[0].debtor, pdf: path.join(folder, `herinnering-${real.json.files[0].debtor.toLowerCase()}.pdf`), eml: null }]);
    const text = execFileSync('pdftotext', ['-layout', real.json.files[0].pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Anna Bakker');
    expect(text).toContain('Herinnering');
    expect(fs.readFileSync(real.json.printFile).subarray(0, 5).toString()).toBe('%PDF-');
    const again = cli('dunning-run', '--date', '2026-11-20', '--dry-run', '--out', out);
    expect(again.json.letters).toEqual([]);
    const missing = cli('dunning-run', '--date', '2026-11-20', '--out', path.join(out, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Fout: --out ".*nope": map bestaat niet/);
  });
});
