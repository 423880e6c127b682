import type { DunningLetterData, LetterItem } from '../../electron/dunning/letterData';
import { DEFAULT_WINDOW } from '../../electron/dunning/letterPdf';

/** A realistic dunning letter as the run would hand it over; tests change what they look at. */
export function sampleLetter(over: Partial<DunningLetterData> = {}): DunningLetterData {
  const items: LetterItem[] = over.items ?? [
    { document: '2026-0012', description: 'Contributie 2026-2027', itemDate: '2026-09-01', dueDate: '2026-09-15', amount: 18_500, paid: 5_000, open: 13_500 },
    { document: '2026-0187', description: 'Baanhuur winterseizoen', itemDate: '2026-10-01', dueDate: '2026-10-15', amount: 4_500, paid: 0, open: 4_500 },
  ];
  const fees = over.fees ?? [{ description: 'Aanmaankosten', amount: 500 }];
  const costs = over.collectionCosts === undefined ? null : over.collectionCosts;
  const interest = over.interest ?? 0;
  const total = items.reduce((s, i) => s + i.open, 0) + fees.reduce((s, f) => s + f.amount, 0) + (costs?.charged ? costs.amount + costs.vat : 0) + interest;
  return {
    language: 'nl',
    date: '2026-11-26',
    organisation: { name: 'Tennisvereniging De Zwaluwen', street: 'Sportlaan 12', postalCode: '3584 CS', city: 'Utrecht', country: 'NL', email: 'penningmeester@dezwaluwen.nl', phone: '030 123 4567', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
    debtor: { number: '1001', name: 'Zoë van ’t Hof', street: 'Kerkstraat 5', postalCode: '3511 AB', city: 'Utrecht', country: 'NL', email: 'zoe@example.nl', phone: null },
    levelName: 'Aanmaning',
    body: 'Beste Zoë,\n\nIn onze administratie staan nog posten open waarvan de betaaltermijn is verstreken. Waarschijnlijk is dit aan uw aandacht ontsnapt.\n\nWilt u het openstaande bedrag binnen 14 dagen betalen? Heeft u inmiddels betaald, dan kunt u deze brief als niet verzonden beschouwen.\n\nMet vriendelijke groet,\n\nTennisvereniging De Zwaluwen\nPenningmeester',
    items,
    fees,
    collectionCosts: costs,
    interest,
    interestThrough: interest ? '2026-11-26' : null,
    total,
    paymentReference: 'RF18539007547034',
    termEndsOn: null,
    window: { leftMm: DEFAULT_WINDOW.leftMm, topMm: DEFAULT_WINDOW.topMm },
    ...over,
    ...(over.total === undefined ? { total } : {}),
  };
}
