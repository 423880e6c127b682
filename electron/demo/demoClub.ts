import { makeCreditorId } from '../../shared/creditorId';
import { makeIban } from '../../shared/iban';

/**
 * A believable Dutch tennis club as plain data, the same for every run of a seed, so demos,
 * screenshots and tests can count on it. No database and no I/O here: seed.ts books it through the
 * domain functions, so the demo obeys every rule a real ledger does.
 */
export interface DemoMember {
  number: string;
  name: string;
  email: string;
  iban: string;
  bic: string;
  street: string;
  postalCode: string;
  city: string;
}

export interface DemoOpeningBalance {
  memberNumber: string;
  /** integer cents; negative is a credit balance (paid twice, say) */
  amount: number;
  description: string;
}

export interface DemoClub {
  organisation: { name: string; street: string; postalCode: string; city: string; country: 'NL'; email: string; creditorId: string };
  /** the current account (collections) first, then the savings account */
  bankAccounts: { name: string; iban: string; bic: string }[];
  members: DemoMember[];
  openingBalances: DemoOpeningBalance[];
  /** YYYY-MM-DD, the first day of the season */
  openingDate: string;
}

const DEFAULT_SEED = 2026;
// Exactly 300: the seed books every tenth member as paying by transfer, and the e2e test counts 300.
const MEMBER_COUNT = 300;
const FIRST_MEMBER_NUMBER = 1001;
const OPENING_BALANCE_COUNT = 40;
const CREDIT_BALANCE_COUNT = 4;
// Roughly one member in eight has roots abroad; their first and last names come from the same family.
const SHARE_FROM_ABROAD = 0.12;

type Random = () => number;

/** mulberry32: tiny and seedable; Math.random would make every demo different. */
function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

/** Favours the head of a list: surname lists start with the most common names, as in the population. */
function pickCommon<T>(random: Random, xs: readonly T[]): T {
  return xs[Math.floor(random() ** 1.4 * xs.length)]!;
}

function pickWeighted<T extends { weight: number }>(random: Random, xs: readonly T[]): T {
  let r = random() * xs.reduce((sum, x) => sum + x.weight, 0);
  for (const x of xs) {
    r -= x.weight;
    if (r < 0) return x;
  }
  return xs[xs.length - 1]!;
}

/** Fisher-Yates, on a copy. */
function shuffled<T>(random: Random, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A whole number between from and to inclusive, in steps (cents in half-euro steps, say). */
function between(random: Random, from: number, to: number, step = 1): number {
  return from + step * Math.floor(random() * (Math.floor((to - from) / step) + 1));
}

// Three generations play at a tennis club, so the first names span juniors to veterans. All names
// stay within Windows-1252, which is what a member list exported from Excel is often saved in.
const DUTCH_FIRST_NAMES = [
  'Jan', 'Kees', 'Henk', 'Gerrit', 'Wim', 'Piet', 'Ans', 'Ria', 'Marian', 'Ingrid', 'Anneke', 'Gerda', 'Joop', 'Truus',
  'Jeroen', 'Marieke', 'Wouter', 'Esther', 'Maarten', 'Saskia', 'Mirjam', 'Bas', 'Sander', 'Martijn', 'Linda', 'Petra',
  'Sandra', 'Erik', 'Mark', 'Remco', 'Niels', 'Hanneke', 'Marloes', 'Willemijn', 'Floris', 'Koen', 'Joris', 'Pieter',
  'Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Noah', 'Luuk', 'Bram', 'Thijs', 'Jesse', 'Ruben', 'Lars', 'Stijn', 'Ties', 'Hugo',
  'Emma', 'Julia', 'Mila', 'Sophie', 'Tess', 'Sara', 'Anna', 'Fleur', 'Noor', 'Lotte', 'Sanne', 'Iris', 'Femke', 'Lieke',
  'Roos', 'Evi', 'Yara', 'Jasmijn', 'Floor', 'Isa', 'Anouk', 'Eva', 'Tessa',
  'Zoë', 'Chloë', 'Noël', 'Daniël', 'Joëlle', 'Renée', 'Loïs', 'Maël', 'Michaël', 'Raphaël', 'Anaïs',
];

// Ordered roughly by how common they are in the Netherlands; particles are written as after a first
// name ("Jan van der Berg"), with a plain apostrophe because that is what SEPA files accept.
const DUTCH_SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra',
  'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel',
  'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems',
  'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom',
  'Huisman', 'de Lange', 'van Wijk', 'Kuijpers', 'Postma', 'Kramer', 'van Doorn', 'de Ruiter', 'Timmermans', 'Gerritsen',
  'Hermans', 'Verbeek', 'van Rijn', 'Sanders', 'Evers', 'ter Horst', 'ten Brink', 'ter Haar', 'van Gils', 'van Os',
  'van Loon', 'Bosman', 'Veenstra', 'Boersma', 'Wouters', 'van der Steen', 'van den Bosch', 'van de Kamp', 'van der Berg',
  "in 't Veld", "'t Hart", "van 't Hof", "'t Hooft", "in 't Groen", 'Wijnands', 'IJzerman', 'op den Kamp', 'ten Have',
];

const FAMILIES_FROM_ABROAD: { firstNames: string[]; surnames: string[] }[] = [
  { firstNames: ['Mehmet', 'Emre', 'Elif', 'Zeynep', 'Burak', 'Selin'], surnames: ['Çelik', 'Ünal', 'Öztürk', 'Yilmaz', 'Demir', 'Kaya'] },
  { firstNames: ['Youssef', 'Mohamed', 'Fatima', 'Nadia', 'Karim', 'Samira'], surnames: ['El Amrani', 'Bouzid', 'El Idrissi', 'Benali', 'Ouali'] },
  { firstNames: ['Inês', 'João', 'Tiago', 'Beatriz', 'Gonçalo'], surnames: ['Pereira', 'Gonçalves', 'Rodrigues', 'Sousa', 'Simões'] },
  { firstNames: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Alessandro'], surnames: ["D'Angelo", "D'Amico", 'Esposito', 'Romano', 'Bianchi'] },
  { firstNames: ['Jürgen', 'Jörg', 'Sabine', 'Uwe', 'Björn', 'Katrin'], surnames: ['Müller', 'Schröder', 'Weiß', 'Schäfer', 'Köhler'] },
  { firstNames: ['Amélie', 'Benoît', 'Céline', 'François', 'Hélène'], surnames: ['Dubois', 'Lefèvre', 'Lambert', 'Mertens', 'Peeters'] },
];

/** Bank code, BIC and a weight close to Dutch retail market share. */
const BANKS: { code: string; bic: string; weight: number }[] = [
  { code: 'INGB', bic: 'INGBNL2A', weight: 34 },
  { code: 'RABO', bic: 'RABONL2U', weight: 28 },
  { code: 'ABNA', bic: 'ABNANL2A', weight: 20 },
  { code: 'SNSB', bic: 'SNSBNL2A', weight: 6 },
  { code: 'ASNB', bic: 'ASNBNL21', weight: 3 },
  { code: 'KNAB', bic: 'KNABNL2H', weight: 3 },
  { code: 'BUNQ', bic: 'BUNQNL2A', weight: 3 },
  { code: 'TRIO', bic: 'TRIONL2U', weight: 2 },
  { code: 'RBRB', bic: 'RBRBNL21', weight: 1 },
];

/** Amounts in cents, in half-euro steps, as a treasurer carries them over from the old books. */
const DEBTS = [
  { description: 'Beginbalans contributie 2025-2026', from: 4_750, to: 18_500, weight: 6 },
  { description: 'Beginbalans contributie 2024-2025 en 2025-2026', from: 27_000, to: 37_000, weight: 1 },
  { description: 'Beginbalans baanhuur', from: 2_500, to: 12_000, weight: 2 },
  { description: 'Beginbalans competitiebijdrage voorjaar 2026', from: 3_500, to: 7_000, weight: 2 },
  { description: 'Beginbalans lesgeld voorjaar 2026', from: 12_000, to: 45_000, weight: 2 },
  { description: 'Beginbalans afkoop bardiensten', from: 2_500, to: 7_500, weight: 1 },
];

const CREDITS = [
  { description: 'Beginbalans tegoed: contributie 2025-2026 dubbel betaald', from: 9_500, to: 18_500, weight: 2 },
  { description: 'Beginbalans tegoed: te veel betaald lesgeld', from: 2_500, to: 6_000, weight: 1 },
];

/** Lower-case ASCII for an e-mail address: "Zoë van 't Hof" becomes "zoevanthof". */
function asciiSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function memberName(random: Random): { first: string; surname: string } {
  if (random() < SHARE_FROM_ABROAD) {
    const family = pick(random, FAMILIES_FROM_ABROAD);
    return { first: pick(random, family.firstNames), surname: pick(random, family.surnames) };
  }
  return { first: pick(random, DUTCH_FIRST_NAMES), surname: pickCommon(random, DUTCH_SURNAMES) };
}

/**
 * Dutch account numbers from before IBAN pass the eleven test (elfproef), which some bank software
 * still applies to NL IBANs; old Postbank (now ING) giro numbers are the exception.
 */
function passesElevenTest(account: string): boolean {
  let sum = 0;
  for (let i = 0; i < account.length; i++) sum += Number(account[i]) * (account.length - i);
  return sum % 11 === 0;
}

function accountNumber(random: Random, bankCode: string): string {
  if (bankCode === 'INGB' && random() < 0.4) return String(between(random, 10_000, 9_999_999)).padStart(10, '0');
  let account: string;
  do account = '0' + String(between(random, 100_000_000, 999_999_999));
  while (!passesElevenTest(account));
  return account;
}

const STREETS = ['Oudegracht', 'Biltstraat', 'Amsterdamsestraatweg', 'Kanaalweg', 'Nachtegaalstraat', 'Burgemeester Reigerstraat', 'Lange Nieuwstraat', 'Vleutenseweg', 'Adelaarstraat', 'Wittevrouwenkade', 'Mecklenburglaan', 'Prins Hendriklaan'];
const PLACES = [{ city: 'Utrecht', postal: 3511 }, { city: 'Utrecht', postal: 3581 }, { city: 'Zeist', postal: 3701 }, { city: 'De Bilt', postal: 3731 }, { city: 'Nieuwegein', postal: 3431 }];

/**
 * A member's address, drawn from the member's place in the list rather than the random stream, so
 * adding addresses left every name, IBAN and balance of the demo as it was (screenshots and tests count on them).
 */
function addressOf(index: number): Pick<DemoMember, 'street' | 'postalCode' | 'city'> {
  const place = PLACES[index % PLACES.length]!;
  const letters = String.fromCharCode(65 + (index % 23), 65 + ((index * 7) % 23));
  return { street: `${STREETS[(index * 5) % STREETS.length]} ${1 + ((index * 37) % 180)}`, postalCode: `${place.postal + (index % 40)} ${letters}`, city: place.city };
}

function generateMembers(random: Random, takenIbans: Set<string>): DemoMember[] {
  const members: DemoMember[] = [];
  const names = new Set<string>();
  const emails = new Set<string>();
  while (members.length < MEMBER_COUNT) {
    const { first, surname } = memberName(random);
    const name = `${first} ${surname}`;
    if (names.has(name)) continue;
    names.add(name);

    // Distinct names can still fold to the same address ("Zoë" and "Zoe"); a digit keeps it unique.
    const local = `${asciiSlug(first)}.${asciiSlug(surname)}`;
    let email = `${local}@example.nl`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@example.nl`;
    emails.add(email);

    const bank = pickWeighted(random, BANKS);
    let iban: string;
    do iban = makeIban('NL', bank.code + accountNumber(random, bank.code));
    while (takenIbans.has(iban));
    takenIbans.add(iban);

    members.push({ number: String(FIRST_MEMBER_NUMBER + members.length), name, email, iban, bic: bank.bic, ...addressOf(members.length) });
  }
  return members;
}

/** Forty members carry a balance over from the old administration; four of them paid twice. */
function generateOpeningBalances(random: Random, members: readonly DemoMember[]): DemoOpeningBalance[] {
  const chosen = shuffled(random, members).slice(0, OPENING_BALANCE_COUNT);
  return chosen
    .map((member, i) => {
      const credit = i < CREDIT_BALANCE_COUNT;
      const kind = pickWeighted(random, credit ? CREDITS : DEBTS);
      const amount = between(random, kind.from, kind.to, 50);
      return { memberNumber: member.number, amount: credit ? -amount : amount, description: kind.description };
    })
    .sort((a, b) => Number(a.memberNumber) - Number(b.memberNumber));
}

export function generateDemoClub(seed: number = DEFAULT_SEED): DemoClub {
  const random = mulberry32(seed);
  // The club itself is the same for every seed; only its members vary.
  const bankAccounts = [
    { name: 'Betaalrekening', iban: makeIban('NL', 'RABO0312345658'), bic: 'RABONL2U' },
    { name: 'Spaarrekening', iban: makeIban('NL', 'RABO0387654321'), bic: 'RABONL2U' },
  ];
  const members = generateMembers(random, new Set(bankAccounts.map((b) => b.iban)));
  return {
    organisation: {
      name: 'Tennisvereniging De Zwaluwen',
      street: 'Sportlaan 12',
      postalCode: '3511 AB',
      city: 'Utrecht',
      country: 'NL',
      email: 'penningmeester@dezwaluwen.example.nl',
      // KvK number 40536533, main establishment (0000).
      creditorId: makeCreditorId('NL', '405365330000'),
    },
    bankAccounts,
    members,
    openingBalances: generateOpeningBalances(random, members),
    openingDate: '2026-07-01',
  };
}
