import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interestSince, statutoryInterest } from '../../electron/dunning/interest';
import { presumedDelivery, termEndsOn } from '../../electron/dunning/term';
import { addDays } from '../../shared/dates';

describe('statutory interest', () => {
  const flat6 = [{ startsOn: '2020-01-01', rate: 600 }];

  it('is simple daily interest within a year: € 1.000 at 6 % for 73 days is € 12,00', () => {
    // 100 000 × 0,06 × 73 / 365 = 1 200 cents
    expect(statutoryInterest(flat6, 100_000, '2025-01-01', '2025-03-15')).toBe(1_200);
  });

  it('splits a period where the rate changes', () => {
    const rates = [{ startsOn: '2024-01-01', rate: 700 }, { startsOn: '2025-01-01', rate: 600 }];
    // 2024-12-01..2024-12-31: 31 days at 7 %; 2025-01-01..2025-01-30: 30 days at 6 %
    // 100 000 × (0,07 × 31 + 0,06 × 30) / 365 = 100 000 × 3,97 / 365 = 1 087,67 → 1 088
    expect(statutoryInterest(rates, 100_000, '2024-12-01', '2025-01-31')).toBe(1_088);
  });

  it('compounds yearly: the second year earns interest on the first year\'s interest', () => {
    // year 1: 100 000 × 0,06 = 6 000 (365 days, 2025-01-01..2026-01-01); year 2 on 106 000: 6 360
    expect(statutoryInterest(flat6, 100_000, '2025-01-01', '2026-01-01')).toBe(6_000);
    expect(statutoryInterest(flat6, 100_000, '2025-01-01', '2027-01-01')).toBe(12_360);
  });

  it('earns nothing before the first known rate and nothing on nothing', () => {
    expect(statutoryInterest([{ startsOn: '2025-01-01', rate: 600 }], 100_000, '2024-01-01', '2024-12-31')).toBe(0);
    expect(statutoryInterest(flat6, 0, '2025-01-01', '2025-12-31')).toBe(0);
    expect(statutoryInterest(flat6, 100_000, '2025-01-01', '2025-01-01')).toBe(0);
  });
});

describe('interest since it was last booked', () => {
  const rates = [{ startsOn: '2024-01-01', rate: 700 }, { startsOn: '2025-07-01', rate: 600 }, { startsOn: '2026-01-01', rate: 400 }];

  it('counts from the day after the due date through the day named, and from the day after the last booking', () => {
    // 2 to 15 November 2026: 14 days at 4 % on € 1.000
    expect(interestSince(rates, 100_000, '2026-11-01', null, '2026-11-15')).toBe(153);
    expect(interestSince(rates, 100_000, '2026-11-01', '2026-11-15', '2026-11-15')).toBe(0);
    expect(interestSince(rates, 100_000, '2026-11-01', null, '2026-11-01')).toBe(0);
    // a booking before the due date (an item whose due date moved) does not bring the start forward
    expect(interestSince(rates, 100_000, '2026-11-01', '2026-10-01', '2026-11-15')).toBe(153);
  });

  it('adds up over letters on any dates to what one letter at the end charges, across rate changes and years (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 8 }), (balance, gaps) => {
        const due = '2024-03-10';
        let booked: string | null = null;
        let date = due;
        let sum = 0;
        for (const gap of gaps) {
          date = addDays(date, gap);
          sum += interestSince(rates, balance, due, booked, date);
          booked = date;
        }
        expect(sum).toBe(interestSince(rates, balance, due, null, date));
      }),
    );
  });
});

describe('the veertiendagenbrief term (safe count)', () => {
  it('presumes delivery on the second postal day: no post on Sunday and Monday', () => {
    expect(presumedDelivery('2026-11-24')).toBe('2026-11-26'); // Tuesday → Thursday
    expect(presumedDelivery('2026-11-27')).toBe('2026-12-01'); // Friday → Saturday, (Sun, Mon) → Tuesday
    expect(presumedDelivery('2026-12-24')).toBe('2026-12-30'); // Thursday; Christmas, Boxing Day, Sunday, Monday skipped: Tuesday 29th, Wednesday 30th
  });

  it('ends fifteen days after delivery, so always at least 17 days after the letter date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (n) => {
        const letter = addDays('2024-01-01', n);
        const end = termEndsOn(letter);
        expect(end >= addDays(letter, 17)).toBe(true);
        expect(end).toBe(addDays(presumedDelivery(letter), 15));
      }),
    );
  });
});
