import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import { CLAIMS_COLUMNS, handOverPackage, handOverTotal, type HandOverInput } from '../../electron/dunning/handOver';
import { sampleLetter } from '../helpers/dunningLetters';
import { pageCount, pageText, savePdf } from '../helpers/pdfRead';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penning-handover-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const flat = (s: string) => s.replace(/\s+/g, ' ');

function input(over: Partial<HandOverInput> = {}): HandOverInput {
  const l = sampleLetter();
  return {
    date: '2027-01-20',
    organisation: l.organisation,
    debtor: { ...l.debtor, organisation: false, iban: 'NL20INGB0001234567', phone: '06-12345678' },
    items: l.items,
    fees: [{ description: 'Aanmaankosten', amount: 500 }],
    collectionCosts: { amount: 4_000, vat: 840, charged: true },
    interest: 212,
    letters: [
      { date: '2026-10-01', levelName: 'Herinnering', total: 18_000, delivery: 'email' },
      { date: '2026-11-26', levelName: 'Veertiendagenbrief', total: 18_500, delivery: 'post' },
    ],
    events: [
      { date: '2026-10-20', kind: 'return', text: 'Storno MD06 van de incasso van 2026-0012 (€ 135,00)' },
      { date: '2026-12-02', kind: 'call', text: 'Gebeld: belooft vóór 15-12 te betalen' },
      { date: '2026-12-03', kind: 'agreement', text: 'Betalingsregeling 3 × € 61,67; eerste termijn niet betaald' },
    ],
    ...over,
  };
}

describe('hand-over package for a collection agency', () => {
  it('writes a dossier PDF with the debtor, the claim, the letters and the contacts', async () => {
    const p = input();
    expect(handOverTotal(p)).toBe(18_000 + 500 + 4_840 + 212);
    const { dossiers } = await handOverPackage([p]);
    expect(dossiers.map((d) => d.fileName)).toEqual(['overdracht-1001.pdf']);
    const file = savePdf(dir, 'overdracht-1001.pdf', dossiers[0]!.pdf);
    expect(pageCount(file)).toBe(1);
    const text = flat(pageText(file, 1));
    for (const expected of ['Overdrachtsdossier lid 1001', 'Overgedragen op 20-01-2027', 'Naam Zoë van ’t Hof', 'Adres Kerkstraat 5, 3511 AB Utrecht', 'Telefoon 06-12345678', 'Rekening NL20 INGB 0001 2345 67', 'natuurlijk persoon (consument)',
      '2026-0012 Contributie 2026-2027 01-09-2026 15-09-2026 € 185,00 € 50,00 € 135,00', 'Hoofdsom € 180,00', 'Aanmaankosten € 5,00', 'Buitengerechtelijke incassokosten € 40,00', 'BTW over de incassokosten € 8,40', 'Wettelijke rente € 2,12', 'Totaal € 235,52',
      '01-10-2026 Herinnering e-mail € 180,00', '26-11-2026 Veertiendagenbrief post € 185,00', '20-10-2026 Storno Storno MD06', '02-12-2026 Telefoon Gebeld: belooft vóór 15-12 te betalen', '03-12-2026 Afspraak Betalingsregeling 3 × € 61,67']) {
      expect(text).toContain(expected);
    }
  });

  it('writes the claims as a CSV Excel opens: BOM, semicolons, decimal comma, quoted text', () => {
    const other = input({ debtor: { ...input().debtor, number: '1002', name: 'Bakker; "De Boer" & Zn', organisation: true, email: null }, items: [{ document: '2026-0300', description: '=HYPERLINK("x")', itemDate: '2026-06-01', dueDate: '2026-06-15', amount: 123_456, paid: 0, open: 123_456 }], fees: [], collectionCosts: null, interest: 0 });
    return handOverPackage([input(), other]).then(({ claims }) => {
      expect(claims.fileName).toBe('vorderingen-overdracht-2027-01-20.csv');
      expect([...claims.csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const raw = claims.csv.toString('utf8');
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const rows = parse(claims.csv, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)).toEqual(CLAIMS_COLUMNS);
      expect(rows.map((r) => [r.Lidnummer, r.Soort, r.Openstaand])).toEqual([
        ['1001', 'hoofdsom', '135,00'],
        ['1001', 'hoofdsom', '45,00'],
        ['1001', 'aanmaankosten', '5,00'],
        ['1001', 'incassokosten', '40,00'],
        ['1001', 'btw incassokosten', '8,40'],
        ['1001', 'rente', '2,12'],
        ['1002', 'hoofdsom', '1234,56'],
      ]);
      expect(rows[0]).toMatchObject({ Naam: 'Zoë van ’t Hof', 'Soort debiteur': 'consument', Datum: '01-09-2026', Vervaldatum: '15-09-2026', Bedrag: '185,00', Betaald: '50,00', IBAN: 'NL20INGB0001234567' });
      expect(rows[6]).toMatchObject({ Naam: 'Bakker; "De Boer" & Zn', 'Soort debiteur': 'organisatie', Omschrijving: '\'=HYPERLINK("x")' });
      const sum = rows.filter((r) => r.Lidnummer === '1001').reduce((s, r) => s + Number(r.Openstaand!.replace(',', '')), 0);
      expect(sum).toBe(handOverTotal(input()));
    });
  });

  it('refuses a package without open items or with a broken date, naming the member', async () => {
    const none = await handOverPackage([input({ items: [] })]).catch((e: ApiError) => e.data);
    expect(none).toMatchObject({ field: 'handOver.1001.items', rule: 'required', message: { nl: 'Overdracht van lid 1001: er is geen openstaande post om over te dragen' } });
    const date = await handOverPackage([input({ events: [{ date: '02-12-2026', kind: 'call', text: 'x' }] })]).catch((e: ApiError) => e.data);
    expect(date).toMatchObject({ field: 'handOver.1001.events.0.date', rule: 'date' });
  });
});
