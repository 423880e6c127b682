import { makeCreditorId } from '../../shared/creditorId';
import { makeIban } from '../../shared/iban';

/**
 * A believable Dutch tennis club as plain data, the same for every run of a seed, so demos,
 * screenshots and tests can count on it. No database here: seed.ts books it through the domain.
 */
export interface DemoMember {
  number: string;
  name: string;
  email: string;
  iban: string;
  bic: string;
}

export interface DemoOpeningBalance {
  memberNumber: string;
  /** integer cents; negative is a credit balance (paid twice, say) */
  amount: number;
  description: string;
}

export interface DemoClub {
  organisation: { name: string; street: string; postalCode: string; city: string; country: 'NL'; email: string; creditorId: string };
  bankAccounts: { name: string; iban: string; bic: string }[];
  members: DemoMember[];
  openingBalances: DemoOpeningBalance[];
  openingDate: string;
}

/** mulberry32: tiny, seedable, good enough to pick names. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Jan', 'Anouk', 'Kees', 'Sanne', 'Pieter', 'Lotte', 'Daan', 'Fleur', 'Bram', 'Eva', 'Joris', 'Iris', 'Sem', 'Noor', 'Thijs',
  'Julia', 'Ruben', 'Emma', 'Lars', 'Sophie', 'Jeroen', 'Marieke', 'Wouter', 'Femke', 'Bas', 'Lieke', 'Maarten', 'Esther',
  'Gerrit', 'Willemijn', 'Henk', 'Ingrid', 'Koen', 'Anneke', 'Tim', 'Roos', 'Hugo', 'Saskia', 'Floris', 'Mirjam', 'Niels',
  'Hanneke', 'Stijn', 'Marloes', 'Ties', 'Jasmijn', 'Luuk', 'Yara', 'Sven', 'Tessa', 'Zoë', 'Chloë', 'Noël', 'Inês', 'Hélène',
  'José', 'Renée', 'Loïs', 'Jürgen', 'Mehmet', 'Fatma', 'Youssef', 'Amira', 'Priya', 'Wei', 'Siem', 'Joëlle', 'Maël',
];

const SURNAMES: [particle: string, name: string][] = [
  ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'], ['', 'Janssen'], ['', 'Visser'],
  ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'], ['', 'Bos'], ['', 'Vos'], ['', 'Peters'],
  ['', 'Hendriks'], ['van', 'Leeuwen'], ['', 'Dekker'], ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'],
  ['de', 'Graaf'], ['van der', 'Meer'], ['van der', 'Linden'], ['', 'Kok'], ['', 'Jacobs'], ['de', 'Haan'], ['', 'Vermeulen'],
  ['van den', 'Heuvel'], ['van der', 'Veen'], ['van den', 'Broek'], ['de', 'Bruijn'], ['de', 'Jong'], ['van', 'Beek'],
  ['', 'Schouten'], ['ter', 'Horst'], ['in ’t', 'Veld'], ['’t', 'Hart'], ['van ’t', 'Hof'], ['', 'Ünal'], ['', 'Çelik'],
  ['', 'Yılmaz'], ['', 'D’Angelo'], ['', 'Müller'], ['', 'Nguyễn'], ['', 'Pereira'], ['', 'Öztürk'], ['', 'Wijnands'],
  ['van', 'Oosterhout'], ['', 'Kuijpers'], ['ten', 'Brink'], ['van der', 'Heijden'], ['', 'IJzerman'], ['', 'Prins'],
];

/** Bank code, BIC and a weight close to the Dutch market share. */
const BANKS: [code: string, bic: string, weight: number][] = [
  ['INGB', 'INGBNL2A', 34],
  ['RABO', 'RABONL2U', 28],
  ['ABNA', 'ABNANL2A', 20],
  ['SNSB', 'SNSBNL2A', 6],
  ['ASNB', 'ASNBNL21', 3],
  ['TRIO', 'TRIONL2U', 2],
  ['KNAB', 'KNABNL2H', 3],
  ['BUNQ', 'BUNQNL2A', 3],
  ['RBRB', 'RBRBNL21', 1],
];

const OPENING_REASONS = ['Beginbalans contributie 2025-2026', 'Beginbalans baanhuur', 'Beginbalans competitiebijdrage', 'Beginbalans lesgeld'];

function asciiSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function generateDemoClub(seed = 2026): DemoClub {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const totalWeight = BANKS.reduce((s, b) => s + b[2], 0);
  const pickBank = () => {
    let r = random() * totalWeight;
    for (const b of BANKS) {
      r -= b[2];
      if (r < 0) return b;
    }
    return BANKS[0]!;
  };

  const members: DemoMember[] = [];
  const names = new Set<string>();
  const emails = new Set<string>();
  const ibans = new Set<string>();
  while (members.length < 300) {
    const first = pick(FIRST_NAMES);
    const [particle, surname] = pick(SURNAMES);
    const name = [first, particle, surname].filter(Boolean).join(' ');
    if (names.has(name)) continue;
    names.add(name);
    let email = `${asciiSlug(first)}.${asciiSlug(particle + surname)}@example.nl`;
    for (let n = 2; emails.has(email); n++) email = `${asciiSlug(first)}.${asciiSlug(particle + surname)}${n}@example.nl`;
    emails.add(email);
    const [code, bic] = pickBank();
    let iban: string;
    do iban = makeIban('NL', code + String(Math.floor(random() * 1e10)).padStart(10, '0'));
    while (ibans.has(iban));
    ibans.add(iban);
    members.push({ number: String(1001 + members.length), name, email, iban, bic });
  }

  // Every seventh-or-so member carries a balance over from the old administration; a few paid twice.
  const openingBalances: DemoOpeningBalance[] = [];
  for (const m of members) {
    if (openingBalances.length >= 40) break;
    if (random() > 0.15) continue;
    const credit = openingBalances.length % 10 === 3;
    const euros = credit ? 25 + Math.floor(random() * 8) * 5 : 25 + Math.floor(random() * 850) / 2;
    openingBalances.push({ memberNumber: m.number, amount: Math.round(euros * 100) * (credit ? -1 : 1), description: credit ? 'Beginbalans: dubbel betaalde contributie' : pick(OPENING_REASONS) });
  }

  return {
    organisation: {
      name: 'Tennisvereniging De Zwaluwen',
      street: 'Sportlaan 12',
      postalCode: '3511 AB',
      city: 'Utrecht',
      country: 'NL',
      email: 'penningmeester@dezwaluwen.example.nl',
      creditorId: makeCreditorId('NL', '405365330000'),
    },
    bankAccounts: [
      { name: 'Betaalrekening', iban: makeIban('NL', 'RABO0312345678'), bic: 'RABONL2U' },
      { name: 'Spaarrekening', iban: makeIban('NL', 'RABO0387654321'), bic: 'RABONL2U' },
    ],
    members,
    openingBalances,
    openingDate: '2026-07-01',
  };
}
