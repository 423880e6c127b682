import { describe, expect, it } from 'vitest';
import { earliestCollectionDate, isBusinessDay, latestCollectionDate, MAX_CALENDAR_DAYS_AHEAD, nextBusinessDay, target2Holidays } from '../../shared/businessDays';
import { isSepaText, toSepaText } from '../../shared/sepaText';

describe('SEPA text', () => {
  it('transliterates the NL-RULES §4 vectors', () => {
    expect(toSepaText("Café 't Hoekje & Zn.", 70)).toBe("Cafe 't Hoekje + Zn.");
    expect(toSepaText('Jürgen Groß', 70)).toBe('Jurgen Gross');
    expect(toSepaText('IJsclub Ĳsselstein', 70)).toBe('IJsclub IJsselstein');
    expect(toSepaText('Zoë Çelik', 70)).toBe('Zoe Celik');
  });

  it('leaves only the SEPA set, collapses spaces and cuts to the limit', () => {
    const out = toSepaText('Ørjan “Bob” Łukasz — #1; a_b € 5 <x> {y} * !', 140);
    expect(isSepaText(out)).toBe(true);
    expect(out).toBe("Orjan 'Bob' Lukasz - 1, a-b EUR 5 x y");
    expect(toSepaText('a'.repeat(200), 140)).toHaveLength(140);
    expect(toSepaText('ab   cd ', 3)).toBe('ab');
  });
});

describe('TARGET2 business days', () => {
  it('knows the closing days, Easter included', () => {
    expect([...target2Holidays(2026)].sort()).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2026-12-26']);
    expect([...target2Holidays(2027)]).toContain('2027-03-26'); // Good Friday 2027
    expect(isBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-27')).toBe(true);
  });

  it('suggests the earliest collection date from the lead time', () => {
    expect(earliestCollectionDate('2026-11-24', 2)).toBe('2026-11-26'); // Tue -> Thu
    expect(earliestCollectionDate('2026-11-26', 2)).toBe('2026-11-30'); // Thu -> Mon
    expect(earliestCollectionDate('2026-12-23', 2)).toBe('2026-12-28'); // over Christmas
    expect(earliestCollectionDate('2026-04-01', 1)).toBe('2026-04-02');
    expect(earliestCollectionDate('2026-04-02', 1)).toBe('2026-04-07'); // Good Friday + Easter Monday
    expect(nextBusinessDay('2026-12-25')).toBe('2026-12-28');
  });

  it('counts the lead time from the next business day when the file is saved on a weekend or holiday', () => {
    // saved on Saturday: the bank sees it on Monday 30-11, two business days later is Wednesday
    expect(earliestCollectionDate('2026-11-28', 2)).toBe('2026-12-02');
    expect(earliestCollectionDate('2026-11-29', 1)).toBe('2026-12-01');
    // saved on Good Friday: Easter Monday is no business day either, Tuesday counts as the first
    expect(earliestCollectionDate('2026-04-03', 1)).toBe('2026-04-08');
  });

  it('allows a collection at most 14 calendar days ahead', () => {
    expect(MAX_CALENDAR_DAYS_AHEAD).toBe(14);
    expect(latestCollectionDate('2026-11-24')).toBe('2026-12-08');
  });
});
