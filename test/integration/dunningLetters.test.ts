import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import { epcPayload } from '../../electron/dunning/epcQr';
import type { LetterItem } from '../../electron/dunning/letterData';
import { combinedLettersPdf, DEFAULT_WINDOW, letterPdf } from '../../electron/dunning/letterPdf';
import { renderDunningLetters } from '../../electron/dunning/renderLetters';
import { sampleLetter } from '../helpers/dunningLetters';
import { decodeQr, pageCount, pageText, savePdf, words } from '../helpers/pdfRead';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penning-letters-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const MM = 72 / 25.4;
const flat = (s: string) => s.replace(/\s+/g, ' ');

function longList(n: number): LetterItem[] {
  return Array.from({ length: n }, (_, i) => ({ document: `2026-${String(i + 1).padStart(4, '0')}`, description: `Baanhuur week ${i + 1}`, itemDate: '2026-01-05', dueDate: '2026-01-19', amount: 1_250 + i, paid: i % 3 === 0 ? 250 : 0, open: 1_250 + i - (i % 3 === 0 ? 250 : 0) }));
}

async function refusal(fn: () => Promise<unknown>): Promise<ApiError['data']> {
  try {
    await fn();
  } catch (e) {
    return (e as ApiError).data;
  }
  throw new Error('not refused');
}

describe('dunning letter PDF', () => {
  it('prints the letter, the address inside the envelope window and a QR code that decodes to the payment byte for byte', async () => {
    const letter = sampleLetter();
    const { fileName, pdf } = await letterPdf(letter);
    expect(fileName).toBe('aanmaning-1001.pdf');
    const file = savePdf(dir, fileName, pdf);
    expect(pageCount(file)).toBe(1);
    const text = flat(pageText(file, 1));
    for (const expected of ['Tennisvereniging De Zwaluwen', 'Sportlaan 12', 'penningmeester@dezwaluwen.nl', 'IBAN NL91 ABNA 0417 1643 00', 'Aanmaning', '26-11-2026', 'Zoë van ’t Hof', 'Kerkstraat 5', '3511 AB Utrecht',
      'Document Omschrijving Datum Vervaldatum Bedrag Betaald Open', '2026-0012 Contributie 2026-2027 01-09-2026 15-09-2026 € 185,00 € 50,00 € 135,00', 'Aanmaankosten € 5,00', 'Totaal te betalen € 185,00',
      'Betalingskenmerk RF18539007547034', 'Scan en betaal met je bank-app', 'Met vriendelijke groet']) {
      expect(text).toContain(expected);
    }
    const payload = epcPayload({ bic: 'ABNANL2A', name: 'Tennisvereniging De Zwaluwen', iban: 'NL91ABNA0417164300', amount: 18_500, reference: 'RF18539007547034' });
    expect(decodeQr(file, 1)?.equals(Buffer.from(payload, 'utf8'))).toBe(true);

    // the address: every word of it within the window's 85 x 40 mm from the setting
    const address = words(file).filter((w) => ['Zoë', 'van', '’t', 'Hof', 'Kerkstraat', '5', '3511', 'AB', 'Utrecht'].includes(w.text) && w.yMin > 45 * MM && w.yMin < 100 * MM);
    expect(address.length).toBeGreaterThanOrEqual(9);
    for (const w of address) {
      expect(w.xMin).toBeGreaterThanOrEqual(DEFAULT_WINDOW.leftMm * MM - 0.5);
      expect(w.xMax).toBeLessThanOrEqual((DEFAULT_WINDOW.leftMm + DEFAULT_WINDOW.widthMm) * MM);
      expect(w.yMin).toBeGreaterThanOrEqual(DEFAULT_WINDOW.topMm * MM - 0.5);
      expect(w.yMax).toBeLessThanOrEqual((DEFAULT_WINDOW.topMm + DEFAULT_WINDOW.heightMm) * MM);
    }
    // the first line starts at the window's top-left corner (within 4 mm)
    const first = address.find((w) => w.text === 'Zoë')!;
    expect(first.xMin - DEFAULT_WINDOW.leftMm * MM).toBeLessThan(4 * MM);
    expect(first.yMin - DEFAULT_WINDOW.topMm * MM).toBeLessThan(4 * MM);
  });

  it('moves the address with the window setting', async () => {
    const file = savePdf(dir, 'moved.pdf', (await letterPdf(sampleLetter({ window: { leftMm: 110, topMm: 60 } }))).pdf);
    const street = words(file).find((w) => w.text === 'Kerkstraat')!;
    expect(street.xMin).toBeGreaterThanOrEqual(110 * MM - 0.5);
    expect(street.xMin).toBeLessThan(114 * MM);
    expect(street.yMin).toBeGreaterThanOrEqual(60 * MM);
    expect(street.yMax).toBeLessThanOrEqual(100 * MM);
    expect(await refusal(() => letterPdf(sampleLetter({ window: { leftMm: 150, topMm: 50 } })))).toMatchObject({ field: 'letters.1001.window', rule: 'range' });
  });

  it('wraps a long name inside the window and a long fee description in its column, never over the next line', async () => {
    const name = 'Stichting Vrienden van de Koninklijke Nederlandse Zwem- en Reddingsbond Afdeling Utrecht';
    const letter = sampleLetter({ fees: [{ description: 'Aanmaankosten voor de herinnering van oktober en de aanmaning van november samen', amount: 500 }], debtor: { ...sampleLetter().debtor, name } });
    const file = savePdf(dir, 'wrap.pdf', (await letterPdf(letter)).pdf);
    const all = words(file);
    const inWindow = all.filter((w) => w.yMin > 45 * MM && w.yMin < 93 * MM && w.xMin < 110 * MM); // the subject stands at 95 mm
    expect(inWindow.map((w) => w.text).join(' ')).toBe(`${name} Kerkstraat 5 3511 AB Utrecht`);
    for (const w of inWindow) {
      expect(w.xMax).toBeLessThanOrEqual((DEFAULT_WINDOW.leftMm + DEFAULT_WINDOW.widthMm) * MM);
      expect(w.yMax).toBeLessThanOrEqual((DEFAULT_WINDOW.topMm + DEFAULT_WINDOW.heightMm) * MM);
    }
    const lines = [...new Set(inWindow.map((w) => Math.round(w.yMin)))];
    expect(lines.length).toBe(4);
    const samen = all.find((w) => w.text === 'samen')!;
    const totaal = all.find((w) => w.text === 'Totaal')!;
    expect(totaal.yMin).toBeGreaterThan(samen.yMax);
    expect(all.find((w) => w.text === '€' && Math.abs(w.yMin - all.find((v) => v.text === 'voor')!.yMin) < 1)).toBeDefined();
  });

  it('breaks a long list over pages with the column header on every page, and keeps the QR code readable', async () => {
    const items = longList(90);
    const letter = sampleLetter({ items, fees: [] });
    const file = savePdf(dir, 'long.pdf', (await letterPdf(letter)).pdf);
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    const texts = Array.from({ length: pages }, (_, i) => pageText(file, i + 1));
    const withItems = texts.filter((t) => /2026-\d{4} +Baanhuur/.test(t));
    expect(withItems.length).toBeGreaterThanOrEqual(2);
    for (const t of withItems) expect(flat(t)).toContain('Document Omschrijving Datum Vervaldatum Bedrag Betaald Open');
    for (const [i, t] of texts.entries()) if (i > 0) expect(flat(t)).toContain(`Aanmaning (vervolg) · Zoë van ’t Hof, lidnummer 1001 · 26-11-2026 blad ${i + 1}`);
    const all = flat(texts.join('\n'));
    for (const i of items) expect(all).toContain(i.document);
    const total = items.reduce((s, i) => s + i.open, 0);
    expect(letter.total).toBe(total);
    expect(all).toContain(`Totaal te betalen € ${(total / 100).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`);
    const payload = Buffer.from(epcPayload({ bic: 'ABNANL2A', name: 'Tennisvereniging De Zwaluwen', iban: 'NL91ABNA0417164300', amount: total, reference: 'RF18539007547034' }));
    const qrPage = texts.findIndex((t) => t.includes('Scan en betaal')) + 1;
    expect(decodeQr(file, qrPage)?.equals(payload)).toBe(true);
  });

  it('writes an English letter for an English-speaking member', async () => {
    const letter = sampleLetter({
      language: 'en',
      levelName: 'Final notice',
      body: 'Our records show amounts that are past their due date.\n\nPlease pay within 14 days.',
      fees: [{ description: 'Reminder fee', amount: 500 }],
      collectionCosts: { amount: 4_000, vat: 840, charged: false },
      termEndsOn: '2026-12-11',
      paymentReference: '2026-0012',
      debtor: { number: '1002', name: 'Jamie O’Neill', street: '12 Rue Haute', postalCode: '1000', city: 'Bruxelles', country: 'BE', email: null, phone: null },
    });
    const file = savePdf(dir, 'en.pdf', (await letterPdf(letter)).pdf);
    const text = flat(pageText(file, 1));
    for (const expected of ['Final notice', 'Dear Jamie O’Neill,', 'Member number 1002', 'Payment reference 2026-0012', 'Pay by 11-12-2026', 'Document Description Date Due date Amount Paid Open', 'Reminder fee € 5.00', 'Total due €185.00'.replace('€', '€'),
      'If you do not pay within fifteen days after this letter has been delivered to you, that is by 11 December 2026 at the latest, we will charge you the extrajudicial collection costs of €48.40 (including €8.40 VAT)', 'Scan and pay with your banking app', 'Kind regards,', 'Treasurer', 'BELGIUM']) {
      expect(text.replace(/€ /g, '€')).toContain(expected.replace(/€ /g, '€'));
    }
    for (const dutch of ['Totaal', 'Betalingskenmerk', 'Beste', 'Vervaldatum']) expect(text).not.toContain(dutch);
    // not an RF reference: the betalingskenmerk travels as the remittance text
    const payload = Buffer.from('BCD\n002\n1\nSCT\nABNANL2A\nTennisvereniging De Zwaluwen\nNL91ABNA0417164300\nEUR185\n\n\n2026-0012');
    expect(decodeQr(file, 1)?.equals(payload)).toBe(true);
  });

  it('announces the costs in the 14-day letter and shows charged costs with BTW', async () => {
    const announced = flat(pageText(savePdf(dir, 'veertien.pdf', (await letterPdf(sampleLetter({ levelName: 'Veertiendagenbrief', collectionCosts: { amount: 4_000, vat: 0, charged: false }, termEndsOn: '2026-12-11' }))).pdf), 1));
    expect(announced).toContain('Betaalt u niet binnen vijftien dagen nadat deze brief bij u is bezorgd, dus uiterlijk op 11 december 2026, dan brengen wij de buitengerechtelijke incassokosten van € 40,00 bij u in rekening');
    expect(announced).toContain('Totaal te betalen € 185,00');
    expect(announced).not.toContain('btw');

    const charged = sampleLetter({ levelName: 'Laatste aanmaning', fees: [], collectionCosts: { amount: 4_000, vat: 840, charged: true }, interest: 123 });
    expect(charged.total).toBe(18_000 + 4_840 + 123);
    const text = flat(pageText(savePdf(dir, 'kosten.pdf', (await letterPdf(charged)).pdf), 1));
    for (const expected of ['Buitengerechtelijke incassokosten € 40,00', 'BTW over de incassokosten € 8,40', 'Wettelijke rente t/m 26-11-2026 € 1,23', 'Totaal te betalen € 229,63', 'De incassokosten zijn € 48,40 incl. BTW']) expect(text).toContain(expected);
    expect(text).not.toContain('nadat deze brief bij u is bezorgd');
  });

  it('refuses a letter that contradicts itself, naming the member and the field', async () => {
    const wrong = await refusal(() => letterPdf(sampleLetter({ total: 99 })));
    expect(wrong).toMatchObject({ code: 'validation', field: 'letters.1001.total', rule: 'sum' });
    expect(wrong.message.nl).toBe('Brief voor lid 1001: het totaal € 0,99 is niet de som van posten, kosten en rente (€ 185,00)');
    expect(await refusal(() => letterPdf(sampleLetter({ collectionCosts: { amount: 4_000, vat: 0, charged: false } })))).toMatchObject({ field: 'letters.1001.termEndsOn', rule: 'required' });
    expect(await refusal(() => letterPdf(sampleLetter({ organisation: { ...sampleLetter().organisation, iban: 'NL00ABNA0417164300' } })))).toMatchObject({ field: 'epcQr.iban' });
  });

  it('prints all letters in one PDF, each from a new sheet, and on an odd page for duplex', async () => {
    const long = sampleLetter({ items: longList(40), fees: [], debtor: { ...sampleLetter().debtor, number: '1003', name: 'Lange Lijst' } });
    const a = sampleLetter({ debtor: { ...sampleLetter().debtor, number: '1004', name: 'Anna Bakker' } });
    const b = sampleLetter({ debtor: { ...sampleLetter().debtor, number: '1005', name: 'Bas Smit' } });
    const longPages = pageCount(savePdf(dir, 'l.pdf', (await letterPdf(long)).pdf));
    expect(longPages).toBe(2);
    const simplex = savePdf(dir, 'simplex.pdf', await combinedLettersPdf([long, a, b]));
    expect(pageCount(simplex)).toBe(4);
    // the copied pages make a sound file: poppler reads it without a complaint, and (poppler would
    // quietly rebuild a broken table) every cross-reference entry points at its own object
    for (const tool of ['pdfinfo', 'pdftotext']) expect(spawnSync(tool, [simplex, tool === 'pdftotext' ? '/dev/null' : '-box'], { encoding: 'utf8' }).stderr).toBe('');
    const bytes = fs.readFileSync(simplex);
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(bytes.toString('latin1'))![1]);
    const table = bytes.subarray(xrefAt).toString('latin1');
    const size = Number(/^xref\n0 (\d+)\n/.exec(table)![1]);
    expect(Number(/\/Size (\d+)/.exec(table)![1])).toBe(size);
    for (let n = 1; n < size; n++) {
      const offset = Number(table.slice(table.indexOf('\n', 5) + 1 + n * 20, table.indexOf('\n', 5) + 11 + n * 20));
      expect(bytes.subarray(offset, offset + 12).toString('latin1').startsWith(`${n} 0 obj\n`)).toBe(true);
    }
    expect(flat(pageText(simplex, 2))).toContain('Lange Lijst, lidnummer 1003');
    expect([3, 4].map((p) => /Anna Bakker|Bas Smit/.exec(pageText(simplex, p))?.[0])).toEqual(['Anna Bakker', 'Bas Smit']);
    const duplex = savePdf(dir, 'duplex.pdf', await combinedLettersPdf([long, a, b], { duplex: true }));
    expect(pageCount(duplex)).toBe(5);
    expect(pageText(duplex, 3)).toContain('Anna Bakker');
    expect(pageText(duplex, 4).trim()).toBe('');
    expect(pageText(duplex, 5)).toContain('Bas Smit');
  });

  it('renders a run: a PDF per member, an .eml draft for those with e-mail, the combined PDF, progress on the way', async () => {
    const letters = [
      sampleLetter(),
      sampleLetter({ debtor: { ...sampleLetter().debtor, number: '1002', name: 'Пётр Иванов', email: null } }),
      sampleLetter({ levelName: 'Herinnering', debtor: { ...sampleLetter().debtor, number: '1003', email: 'bas@example.nl' } }),
    ];
    const progress: string[] = [];
    const run = await renderDunningLetters(letters, (done, total) => progress.push(`${done}/${total}`));
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(run.letters.map((l) => [l.fileName, l.emlFileName ?? null])).toEqual([['aanmaning-1001.pdf', 'aanmaning-1001.eml'], ['aanmaning-1002.pdf', null], ['herinnering-1003.pdf', 'herinnering-1003.eml']]);
    // a name in another script is transliterated for Helvetica rather than printed as boxes
    expect(flat(pageText(savePdf(dir, 'petr.pdf', run.letters[1]!.pdf), 1))).toContain('Petr Ivanov');
    const combined = savePdf(dir, run.combined.fileName, run.combined.pdf);
    expect(pageCount(combined)).toBe(3);
    for (const page of [1, 2, 3]) expect(decodeQr(combined, page)?.toString()).toContain('EUR185');

    // one bad letter: nothing is rendered, the message names it
    const bad = [...letters, sampleLetter({ debtor: { ...sampleLetter().debtor, number: '1009' }, total: 1 })];
    const seen: number[] = [];
    await expect(renderDunningLetters(bad, (d) => seen.push(d))).rejects.toMatchObject({ data: { field: 'letters.1009.total' } });
    expect(seen).toEqual([]);
  });
});
