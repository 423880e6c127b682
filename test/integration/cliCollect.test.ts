import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../helpers/cli';
import { tempDir } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';

/** Collection and refund over the CLI on the demo club, files checked against the XSD. */
const dir = tempDir('penning-cli-collect-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const penning = cliOn(path.join(dir, 'club.sqlite'));

describe('collect, cancel, re-run and refund over the CLI', () => {
  // a dozen CLI processes one after another: on a busy machine that is more than the default 30 s
  it('writes valid files, books them, and never reuses an id', { timeout: 300_000 }, async () => {
    expect(penning('init', '--demo').code).toBe(0);
    const dry = penning('collect', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.json.count).toBeGreaterThan(200);
    expect(fs.readdirSync(dir)).not.toContain('incasso.xml');

    const out = path.join(dir, 'incasso.xml');
    const run = penning('collect', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ batch: 'INC-2026-0001', transactions: dry.json.count, controlSum: dry.json.amount, files: [out] });
    expect([...new Set(run.json.excluded.map((x: { reason: string }) => x.reason))]).toEqual(expect.arrayContaining(['not_direct_debit', 'mandate_expired', 'mandate_revoked', 'arrangement']));
    const xml = fs.readFileSync(out, 'utf8');
    expect(await xsdErrors(xml)).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const again = path.join(dir, 'opnieuw.xml');
    expect(penning('batch', 'file', 'INC-2026-0001', '--out', again).code).toBe(0);
    expect(fs.readFileSync(again, 'utf8')).toBe(xml);

    const cancel = penning('batch', 'cancel', 'INC-2026-0001', '--reason', 'Verkeerde datum');
    expect(cancel.json).toMatchObject({ status: 'cancelled' });
    expect(penning('batch', 'file', 'INC-2026-0001', '--out', again).code).toBe(2);

    const second = penning('collect', '--out', path.join(dir, 'incasso-2.xml'));
    expect(second.json).toMatchObject({ batch: 'INC-2026-0002', transactions: run.json.transactions, controlSum: run.json.controlSum });
    const xml2 = fs.readFileSync(path.join(dir, 'incasso-2.xml'), 'utf8');
    const ids = (s: string) => [...s.matchAll(/<(?:MsgId|PmtInfId|EndToEndId)>([^<]+)</g)].map((m) => m[1]);
    expect(ids(xml2).filter((id) => ids(xml).includes(id))).toEqual([]);

    const refund = penning('refund', '--out', path.join(dir, 'terug.xml'));
    expect(refund.code, refund.stderr).toBe(0);
    expect(refund.json.batch).toBe('TRB-2026-0001');
    expect(await xsdErrors(fs.readFileSync(path.join(dir, 'terug.xml'), 'utf8'))).toEqual([]);
  });

  it('refuses a collection date that is too early, writing nothing', () => {
    const r = penning('collect', '--date', '2020-01-02', '--out', path.join(dir, 'te-vroeg.xml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Fout: Incassodatum 02-01-2020 is te vroeg/);
    expect(fs.existsSync(path.join(dir, 'te-vroeg.xml'))).toBe(false);
  });
});
