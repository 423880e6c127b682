import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatchAsync } from '../../electron/api';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

/** Real PDFs, read back with poppler's pdftotext and rendered with pdftoppm (apt-get install poppler-utils). */
let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

async function pdfText(invoiceId: number): Promise<{ text: string; file: string }> {
  const r = await dispatchAsync(t.ctx, 'invoices.pdf', { id: invoiceId });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const { fileName, base64 } = r.value as { fileName: string; base64: string };
  const file = path.join(t.dir, fileName);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), file };
}

describe('invoice PDF', () => {
  it('prints the pre-notification for a debtor on direct debit with an active mandate', async () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Zoë van ’t Hof', street: 'Kerkstraat 5', postalCode: '3511 AB', city: 'Utrecht', paymentMethod: 'direct_debit', iban: 'NL20INGB0001234567', accountHolder: 'M. van ’t Hof' });
    call(t.ctx, 'mandates.save', { debtorId: d.id, reference: 'ZWA-1001', signedOn: '2025-09-01' });
    const draft = call(t.ctx, 'invoices.createDraft', { debtorId: d.id, invoiceDate: '2026-09-01', description: 'Contributie 2026-2027', lines: [{ description: 'Contributie senioren', unitPrice: 18_500 }, { description: 'Baanhuur', quantity: 1500, unitPrice: 1_000 }] });
    const inv = call(t.ctx, 'invoices.post', { id: draft.id });
    const { text, file } = await pdfText(inv.id);
    for (const expected of ['Tennisvereniging De Zwaluwen', 'Factuur', '2026-0001', 'Zoë van ’t Hof', 'Contributie senioren', '€ 185,00', '1,5', '€ 15,00', '€ 200,00', '15-09-2026', 'NL20 INGB 0001 2345 67', 'ZWA-1001', 'NL51ZZZ405365330000', 'M. van ’t Hof']) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(t.dir, 'page')]);
    expect(fs.readdirSync(t.dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
  });

  it('asks a debtor on transfer to pay, and prints a credit note as such', async () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Bram Jansen' });
    const inv = call(t.ctx, 'invoices.post', { id: call(t.ctx, 'invoices.createDraft', { debtorId: d.id, invoiceDate: '2026-09-01', description: 'Contributie', lines: [{ description: 'Contributie', unitPrice: 9_500 }] }).id });
    const invoice = (await pdfText(inv.id)).text.replace(/\s+/g, ' ');
    expect(invoice).toContain('over te maken op NL91 ABNA 0417 1643 00');
    expect(invoice).toContain('betalingskenmerk 2026-0001');
    const credit = call(t.ctx, 'invoices.credit', { invoiceId: inv.id, date: '2026-09-10' });
    const creditText = (await pdfText(credit.id)).text.replace(/\s+/g, ' ');
    expect(creditText).toContain('Creditnota');
    expect(creditText).toContain('€ -95,00');
  });

  it("uses the treasurer's own pre-notification text from the settings", async () => {
    const d = call(t.ctx, 'debtors.create', { name: 'Sem', paymentMethod: 'direct_debit', iban: 'NL44RABO0123456789' });
    call(t.ctx, 'mandates.save', { debtorId: d.id, reference: 'M-7', signedOn: '2025-01-01' });
    const s = call(t.ctx, 'settings.update', { preNotificationText: 'Wij incasseren {bedrag} op {datum} onder machtiging {kenmerk} ({factuur}).' });
    expect(s.preNotificationText).toContain('Wij incasseren');
    const inv = call(t.ctx, 'invoices.post', { id: call(t.ctx, 'invoices.createDraft', { debtorId: d.id, invoiceDate: '2026-09-01', dueDate: '2026-09-28', description: 'Contributie', lines: [{ description: 'Contributie', unitPrice: 5_000 }] }).id });
    expect((await pdfText(inv.id)).text.replace(/\s+/g, ' ')).toContain('Wij incasseren € 50,00 op 28-09-2026 onder machtiging M-7 (2026-0001).');
    expect(call(t.ctx, 'settings.update', { preNotificationText: null }).preNotificationText).toContain('automatisch afgeschreven');
  });

  it('is refused for an unknown invoice', async () => {
    expect(await dispatchAsync(t.ctx, 'invoices.pdf', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
