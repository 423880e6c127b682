import { describe, expect, it } from 'vitest';
import { fourteenDayNotice, interestLabel, longDate, money, splitBody } from '../../electron/dunning/letterText';
import { sampleLetter } from '../helpers/dunningLetters';
import { formatEuro } from '../../shared/money';

describe('letter wording', () => {
  it('writes amounts exactly as formatEuro does, in both languages', () => {
    const amounts = [0, 1, 99, 100, 12_345, 100_000, 123_456_789, 99_999_999_999, -1, -250, -123_456];
    for (let i = 0; i < 200; i++) amounts.push(Math.round(Math.sin(i) * 10 ** (i % 12)) || 0); // not -0: Intl writes "€ -0,00"
    for (const lang of ['nl', 'en'] as const) for (const a of amounts) expect(money(a, lang)).toBe(formatEuro(a, lang).replace(/\u00a0/g, ' '));
  });

  it('writes dates in words and keeps the greeting at the end of a level text for below the figures', () => {
    expect([longDate('2026-12-11', 'nl'), longDate('2026-03-01', 'en')]).toEqual(['11 december 2026', '1 March 2026']);
    expect(splitBody('Beste Anna,\n\nU bent te laat.\r\n\r\nMet vriendelijke groet,\n\nDe penningmeester')).toEqual({ opening: ['Beste Anna,', 'U bent te laat.'], closing: ['Met vriendelijke groet,', 'De penningmeester'] });
    expect(splitBody('Please pay.')).toEqual({ opening: ['Please pay.'], closing: [] });
  });

  it('names the last day the interest counts, and the veertiendagenbrief\'s term in the safe wording, in both languages', () => {
    const nl = sampleLetter({ interest: 153, interestThrough: '2026-11-15', collectionCosts: { amount: 4_000, vat: 0, charged: false }, termEndsOn: '2026-12-11' });
    const en = { ...nl, language: 'en' as const };
    expect([interestLabel(nl), interestLabel(en)]).toEqual(['Wettelijke rente t/m 15-11-2026', 'Statutory interest through 15-11-2026']);
    expect(fourteenDayNotice(nl)).toMatch(/^Betaalt u niet binnen vijftien dagen nadat deze brief bij u is bezorgd, dus uiterlijk op 11 december 2026,/);
    expect(fourteenDayNotice(en)).toMatch(/^If you do not pay within fifteen days after this letter has been delivered to you, that is by 11 December 2026 at the latest,/);
    // a level text that states the costs and the last day itself gets no second notice; one that leaves either out does
    const stated = { ...nl, body: 'Betaal binnen vijftien dagen na bezorging, uiterlijk op 11-12-2026; anders zijn de incassokosten € 40,00.' };
    expect(fourteenDayNotice(stated)).toBeNull();
    expect(fourteenDayNotice({ ...stated, body: 'Betaal uiterlijk op 11-12-2026.' })).toMatch(/^Betaalt u niet binnen vijftien dagen/);
    expect(fourteenDayNotice({ ...stated, body: 'Anders zijn de incassokosten € 40,00.' })).toMatch(/^Betaalt u niet binnen vijftien dagen/);
  });
});
