import { describe, it, expect } from 'vitest';
import { generateDemoClub, type DemoClub } from '../../electron/demo/demoClub';
import { validateCreditorId } from '../../shared/creditorId';
import { validateIban } from '../../shared/iban';

const PARTICLE = / (van|de|van der|van den|van de|ter|ten|in 't|van 't|'t|op den) /;

describe('generateDemoClub', () => {
  const club = generateDemoClub();

  it('is deterministic: the same seed gives the same club, another seed other members', () => {
    expect(generateDemoClub()).toEqual(club);
    expect(JSON.stringify(generateDemoClub(7))).toBe(JSON.stringify(generateDemoClub(7)));
    expect(generateDemoClub(7).members).not.toEqual(club.members);
    expect(generateDemoClub(7).openingBalances).not.toEqual(club.openingBalances);
  });

  it('describes a Dutch club with a valid creditor id, two bank accounts and a season start', () => {
    expect(club.organisation).toMatchObject({ name: 'Tennisvereniging De Zwaluwen', country: 'NL' });
    expect(club.organisation.postalCode).toMatch(/^[1-9][0-9]{3} [A-Z]{2}$/);
    // every member can be sent a letter in a window envelope
    for (const m of club.members) expect([m.street, m.postalCode, m.city]).toEqual([expect.stringMatching(/^\D+ \d+$/), expect.stringMatching(/^[1-9][0-9]{3} [A-Z]{2}$/), expect.any(String)]);
    expect(validateCreditorId(club.organisation.creditorId)).toEqual({ ok: true, value: club.organisation.creditorId });
    expect(club.bankAccounts).toHaveLength(2);
    for (const b of club.bankAccounts) expect(validateIban(b.iban), b.iban).toEqual({ ok: true, value: b.iban });
    expect(club.openingDate).toBe('2026-07-01');
  });

  // The structure must hold for any seed, not just the one the demo uses.
  describe.each([
    ['the default seed', club],
    ['seed 7', generateDemoClub(7)],
    ['seed 123456', generateDemoClub(123456)],
  ] as [string, DemoClub][])('members with %s', (_, c) => {
    it('has about 300 members numbered 1001 upwards', () => {
      expect(c.members.length).toBeGreaterThanOrEqual(280);
      expect(c.members.length).toBeLessThanOrEqual(320);
      expect(c.members.map((m) => m.number)).toEqual(c.members.map((_, i) => String(1001 + i)));
    });

    it('has unique numbers, names, e-mail addresses and IBANs', () => {
      for (const key of ['number', 'name', 'email', 'iban'] as const) {
        expect(new Set(c.members.map((m) => m[key])).size, key).toBe(c.members.length);
      }
    });

    it('gives every member a valid NL IBAN with the BIC of its bank, at five banks or more', () => {
      const bicByBank: Record<string, string> = {
        ABNA: 'ABNANL2A', INGB: 'INGBNL2A', RABO: 'RABONL2U', SNSB: 'SNSBNL2A', ASNB: 'ASNBNL21',
        TRIO: 'TRIONL2U', KNAB: 'KNABNL2H', BUNQ: 'BUNQNL2A', RBRB: 'RBRBNL21',
      };
      for (const m of c.members) {
        expect(validateIban(m.iban), m.iban).toEqual({ ok: true, value: m.iban });
        expect(m.iban.startsWith('NL')).toBe(true);
        expect(m.bic, m.iban).toBe(bicByBank[m.iban.slice(4, 8)]);
      }
      expect(new Set(c.members.map((m) => m.iban.slice(4, 8))).size).toBeGreaterThanOrEqual(5);
    });

    it('writes names the Dutch way, some with a particle, some with accents or an apostrophe', () => {
      expect(c.members.filter((m) => PARTICLE.test(m.name)).length).toBeGreaterThan(30);
      expect(c.members.some((m) => /[^\x00-\x7f]/.test(m.name))).toBe(true);
      expect(c.members.some((m) => m.name.includes("'"))).toBe(true);
      // Particles stay lower case after a first name: "Jan van der Berg", never "Jan Van Der Berg".
      expect(c.members.some((m) => / (Van|De|Ter|Ten) /.test(m.name))).toBe(false);
    });

    it('derives lower-case ASCII e-mail addresses from the name, at a reserved domain', () => {
      for (const m of c.members) expect(m.email).toMatch(/^[a-z0-9]+\.[a-z0-9]+@example\.(nl|com)$/);
      const jan = c.members.find((m) => PARTICLE.test(m.name))!;
      const surname = jan.name.slice(jan.name.indexOf(' ') + 1).replace(/[ ']/g, '').toLowerCase();
      expect(jan.email).toContain(surname.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
    });

    it('carries about 40 opening balances in whole cents, never zero, a few of them credit balances', () => {
      const numbers = new Set(c.members.map((m) => m.number));
      expect(c.openingBalances.length).toBeGreaterThanOrEqual(35);
      expect(c.openingBalances.length).toBeLessThanOrEqual(45);
      for (const b of c.openingBalances) {
        expect(Number.isSafeInteger(b.amount), String(b.amount)).toBe(true);
        expect(b.amount).not.toBe(0);
        expect(Math.abs(b.amount) % 50, 'whole or half euros').toBe(0);
        expect(Math.abs(b.amount)).toBeGreaterThanOrEqual(2_500);
        expect(Math.abs(b.amount)).toBeLessThanOrEqual(45_000);
        expect(numbers.has(b.memberNumber), b.memberNumber).toBe(true);
        expect(b.description).toMatch(/^Beginbalans /);
      }
      expect(new Set(c.openingBalances.map((b) => b.memberNumber)).size).toBe(c.openingBalances.length);
      const credits = c.openingBalances.filter((b) => b.amount < 0).length;
      expect(credits).toBeGreaterThanOrEqual(1);
      expect(credits).toBeLessThanOrEqual(6);
    });
  });
});
