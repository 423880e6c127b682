import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatchAsync } from '../../electron/api';
import { renderBatchReport, renderSpecifications } from '../../electron/letters/batchReport';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

/** The real PDF, read back as text with poppler's pdftotext. */
function pdfText(pdf: Buffer): string {
  const file = path.join(t.dir, 'x.pdf');
  fs.writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('batch report and specifications', () => {
  it('lists every debit with totals and control sum, and gives each member a specification', async () => {
    const anna = member(t, { name: 'Anna Bakker', iban: 'NL20INGB0001234567', mandate: { reference: 'ZWA-1' }, discountAmount: 250 });
    const bas = member(t, { name: 'Bas Smit', holder: 'M. Smit-de Vries', iban: 'NL44RABO0123456789', mandate: { reference: 'ZWA-2' } });
    invoice(t, anna, 15_000);
    invoice(t, anna, 3_500, '2026-11-02', 'Competitiebijdrage');
    invoice(t, bas, 7_500);
    const batch = call(t.ctx, 'collections.create', {});
    const report = pdfText((await renderBatchReport(t.ctx, batch.id)).pdf);
    expect(report).toContain('Verzamelstaat incasso INC-2026-0001');
    // Anna's two items on one date are one debit, her fixed discount once on it
    expect(report).toMatch(/1 +1001 Anna Bakker\s+NL20 INGB 0001 2345 67\s+ZWA-1 RCUR\s+2026-0001,\s+€ 2,50\s+€ 182,50\s+2026-0002/);
    expect(report).toContain('(rekeninghouder M. Smit-de');
    expect(report).toContain('Aantal transacties: 2');
    expect(report).toContain('Controletotaal: € 257,50');
    expect(report).toContain('Incassokorting: € 2,50');
    expect(report).toContain('Geboekt als INC 2026/0001');

    const specs = await renderSpecifications(t.ctx, batch.id);
    expect(specs.map((s) => s.fileName)).toEqual(['specificatie-INC-2026-0001-1001.pdf', 'specificatie-INC-2026-0001-1002.pdf']);
    const first = pdfText(specs[0]!.pdf);
    expect(first).toMatch(/Op 26-11-2026 schrijven wij € 182,50 af van rekening NL20 INGB 0001 2345 67, onder machtiging ZWA-1/);
    expect(first).toContain('Competitiebijdrage');
    expect(first).toContain('Totaal: € 182,50');
    expect(first).not.toContain('vooraankondiging');

    // all of them as one ZIP: checked by Python's zipfile (CRCs, names, sizes)
    const zip = await dispatchAsync(t.ctx, 'batches.specificationsZip', { id: batch.id });
    if (!zip.ok) throw new Error(JSON.stringify(zip.error));
    const { fileName, files, base64 } = zip.value as { fileName: string; files: number; base64: string };
    expect([fileName, files]).toEqual(['specificaties-INC-2026-0001.zip', 2]);
    const file = path.join(t.dir, fileName);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    const check = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(chr(10).join(f"{i.filename} {i.file_size}" for i in z.infolist()))', file], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout.trim().split('\n')).toEqual(specs.map((s) => `${s.fileName} ${s.pdf.length}`));
  });
});
