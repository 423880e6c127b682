import { call } from '../../../electron/api';
import { makeIban } from '../../../shared/iban';
import type { TestLedger } from '../ledger';
import { bankCost, batchCredit, refundOut, returnOf, transfer } from './entries';
import { simulatedBank } from './index';
import type { BankAccountSpec, BankEntry, StatementSpec, WrittenFile } from './model';
import type { Reject } from './pain002';
import { loadBatch, type BatchTransaction, type SavedBatch } from './savedBatch';

/**
 * Issue 11's end-to-end story, built through the API on a real ledger: collect 500 items, the
 * bank credits the batch, 12 debits come back with 5 reason codes, 30 members transfer (3 too
 * little, 1 too much), 2 refunds leave. Returns every file the bank sends and the outcome the
 * ledger must show once they are imported — computed from the scenario, not from Penning.
 */

export const RETURN_PLAN = [
  { reason: 'AM04', charges: 250 },
  { reason: 'AM04', charges: 250 },
  { reason: 'AM04', charges: 0 },
  { reason: 'AM04', charges: 0 },
  { reason: 'MD06', charges: 0 },
  { reason: 'MD06', charges: 0 },
  { reason: 'MD06', charges: 0 },
  { reason: 'MS03', charges: 0 },
  { reason: 'MS03', charges: 0 },
  { reason: 'AC04', charges: 0 },
  { reason: 'AC04', charges: 0 },
  { reason: 'MD01', charges: 0 },
] as const;

/** pre-settlement rejects use the codes a bank gives before settlement: MS02 (refused by the payer) where a return would say MD06 */
const REJECT_CODE: Record<string, string> = { MD06: 'MS02' };

/** defaults of SEPA-FACTS.md / the issue: what happens to an item after each code */
export const AFTER_RETURN: Record<string, { representOnce: boolean; dunning: boolean; endsMandate: boolean }> = {
  AM04: { representOnce: true, dunning: false, endsMandate: false },
  MS03: { representOnce: true, dunning: false, endsMandate: false },
  MD06: { representOnce: false, dunning: true, endsMandate: false },
  MS02: { representOnce: false, dunning: true, endsMandate: false },
  AC04: { representOnce: false, dunning: true, endsMandate: true },
  MD01: { representOnce: false, dunning: true, endsMandate: true },
};

export type TransferMatch = 'reference' | 'structuredReference' | 'ibanAndAmount';

export interface StoryMember {
  debtorId: number;
  debtorNumber: string;
  name: string;
  iban: string;
  itemId: number;
  document: string;
  amount: number;
}

export interface StoryExpectation {
  /** the collection batch: its credit clears Incasso onderweg */
  batch: { id: number; reference: string; messageIds: string[]; paymentInfoIds: string[]; total: number; count: number; collectionDate: string };
  /** what the bank credits for the batch (returns variant: the whole batch; rejects variant: minus the rejects) */
  batchCredit: { returns: number; rejects: number };
  /** debits that come back after settlement: the item reopens with the reason */
  returns: Array<{ itemId: number; debtorId: number; endToEndId: string; mandateId: string; reason: string; amount: number; charges: number; representOnce: boolean; dunning: boolean; endsMandate: boolean }>;
  /** the same debits rejected before settlement (pain.002), with the code the bank gives then */
  rejects: Array<{ itemId: number; debtorId: number; endToEndId: string; reason: string; amount: number }>;
  /** items paid by the collection (not returned) */
  paidByCollection: number[];
  transfers: Array<{ debtorId: number; itemId: number; iban: string; name: string; document: string; itemAmount: number; paid: number; matchBy: TransferMatch; remaining: number; credit: number; bookingDate: string }>;
  refunds: Array<{ debtorId: number; endToEndId: string; amount: number; iban: string; bookingDate: string }>;
  bankCosts: { charges: number; other: number };
  /** per item: what is still open after all files are imported (0 = paid) */
  itemBalances: Record<number, number>;
  /** per debtor touched by the story: balance on Debiteuren after import (negative = credit) */
  debtorBalances: Record<number, number>;
  /** ledger account balances (by role) after the import, in cents (debit minus credit) */
  accounts: { collectionInTransit: number; refundsPayable: number; bank: number; bankCostsIncrease: number };
  /** booked entries per file and how they should match */
  matched: { batchCredits: number; returns: number; transfers: number; refunds: number; unmatched: number };
  /** the MT940 writes each return's charges as a line of its own (NCHG, /EREF/ of the return) */
  mt940ChargeLines: number;
  /** the bank's closing balance after the last statement (rejects variant: closingAfterRejects) */
  closing: number;
  closingAfterRejects: number;
}

export interface StornoStory {
  account: BankAccountSpec;
  batch: SavedBatch;
  refundBatch: SavedBatch;
  members: { directDebit: StoryMember[]; transfer: StoryMember[]; refund: Array<{ debtorId: number; credit: number }> };
  /** the statement days (camt.053 Stmt / MT940 statements) of the returns story */
  statements: StatementSpec[];
  files: {
    /** returns variant: one camt.053, three daily statements, batch credit with TxDtls */
    camt053: WrittenFile;
    /** the same without TxDtls in the batch entry and without AcctSvcrRef */
    camt053NoDetails: WrittenFile;
    /** the same, the bank booking per debit (BtchBookg false): 500 credit entries */
    camt053PerDebit: WrittenFile;
    /** the last two days again (a later download that repeats days): every entry was imported before */
    camt053Overlap: WrittenFile;
    /** the 12 returns as a camt.054 notification (same bank references as in the camt.053) */
    camt054: WrittenFile;
    /** the same statements as ING MT940, plain and in SWIFT blocks */
    mt940: WrittenFile;
    mt940Envelope: WrittenFile;
    /** rejects variant: pain.002 with 12 rejects, then the camt.053 crediting only what was settled */
    pain002: { fileName: string; xml: string; rejects: number };
    camt053AfterRejects: WrittenFile;
  };
  expected: StoryExpectation;
}

export interface StoryOptions {
  directDebits?: number;
  transfers?: number;
}

function iban(n: number, bank: 'INGB' | 'RABO'): string {
  return makeIban('NL', `${bank}${String(n).padStart(10, '0')}`);
}

function createDebtor(t: TestLedger, name: string, ibanValue: string, mandate: string | null, amount: number): number {
  const d = call(t.ctx, 'debtors.create', { name, iban: ibanValue, paymentMethod: mandate ? 'direct_debit' : 'transfer', collect: true, consolidate: false, kind: 'person', feeAmount: amount });
  if (mandate) call(t.ctx, 'mandates.save', { debtorId: d.id, reference: mandate, signedOn: '2024-03-15', type: 'recurring', scheme: 'CORE' });
  return d.id;
}

/** one fee run (massa factureren) for the story's members, each billed their own contributie */
function invoiceAll(t: TestLedger, people: Array<{ debtorId: number; name: string; iban: string; amount: number }>): StoryMember[] {
  const run = call(t.ctx, 'feeRuns.create', { description: 'Contributie 2026-2027', invoiceDate: '2026-09-01', dueDate: '2026-11-01', amount: 1, amountFromCard: true, selection: { mode: 'selected', debtorIds: people.map((p) => p.debtorId) } });
  call(t.ctx, 'feeRuns.post', { id: run.id });
  const items = new Map<number, { id: number; document: string; amount: number }>();
  for (let offset = 0; ; offset += 5000) {
    const page = call(t.ctx, 'items.list', { status: 'open', limit: 5000, offset });
    for (const it of page.items) items.set(it.debtorId, { id: it.id, document: it.document ?? '', amount: it.amount });
    if (page.items.length < 5000) break;
  }
  return people.map((p) => {
    const item = items.get(p.debtorId);
    if (!item || item.amount !== p.amount) throw new Error(`storno story: no open item of ${p.amount} cents for ${p.name}`);
    const number = call(t.ctx, 'debtors.get', { id: p.debtorId }).number;
    return { ...p, debtorNumber: number, itemId: item.id, document: item.document };
  });
}

function roleBalance(t: TestLedger, role: string): number {
  return call(t.ctx, 'accounts.list', {}).filter((a) => a.roles.includes(role as never)).reduce((s, a) => s + a.balance, 0);
}

const FIRST = ['Anna', 'Bram', 'Chantal', 'Daan', 'Eline', 'Fatima', 'Gert', 'Hanna', 'Ibrahim', 'Joke', 'Kees', 'Lotte', 'Mehmet', 'Noor', 'Otto', 'Priya'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'van den Berg', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Yılmaz', 'Bos', 'Vos', 'Peters', 'Hendriks', "van 't Hof", 'Dekker'];
const personName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;

/** Builds the story on `t` (a ledger after setup.initialize, see openInitializedLedger). */
export function stornoStory(t: TestLedger, o: StoryOptions = {}): StornoStory {
  const nDebits = o.directDebits ?? 500;
  const nTransfers = o.transfers ?? 30;
  if (nDebits < RETURN_PLAN.length + 1) throw new Error(`storno story: needs more than ${RETURN_PLAN.length} direct debits`);
  if (nTransfers < 6) throw new Error('storno story: needs at least 6 transfers');
  const bankIban = call(t.ctx, 'settings.get', {}).bankAccounts[0]!.iban;
  const org = call(t.ctx, 'settings.get', {}).organisation.name;
  const account: BankAccountSpec = { iban: bankIban, bic: 'INGBNL2A', ownerName: org };

  const people = (from: number, n: number, bank: 'INGB' | 'RABO', mandate: (i: number) => string | null, amount: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => {
      const name = personName(from + i);
      const ibanValue = iban(from + i + (bank === 'INGB' ? 2_000_000 : 3_000_000), bank);
      return { name, iban: ibanValue, amount: amount(i), debtorId: createDebtor(t, name, ibanValue, mandate(i), amount(i)) };
    });
  let directDebit: StoryMember[] = [];
  let transferMembers: StoryMember[] = [];
  const refundMembers: Array<{ debtorId: number; credit: number }> = [];
  t.ledger.db.transaction(() => {
    const dd = people(0, nDebits, 'INGB', (i) => `ZWA-S${String(i + 1).padStart(4, '0')}`, (i) => 5_000 + (i % 7) * 1_250);
    const tr = people(nDebits, nTransfers, 'RABO', () => null, (j) => 4_500 + j * 100);
    const invoiced = invoiceAll(t, [...dd, ...tr]);
    directDebit = invoiced.slice(0, nDebits);
    transferMembers = invoiced.slice(nDebits);
    // two members paid twice before: their credit goes back in a refund batch (pain.001)
    for (const [k, credit] of [[0, 2_500], [1, 4_000]] as const) {
      const d = call(t.ctx, 'debtors.create', { name: personName(nDebits + nTransfers + k), iban: iban(4_000_000 + k, 'INGB'), paymentMethod: 'transfer', collect: true, consolidate: false, kind: 'person', feeAmount: 0 });
      call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: credit }, { accountCode: '1300', debtorId: d.id, credit }] });
      refundMembers.push({ debtorId: d.id, credit });
    }
  })();

  const refundBatchRow = call(t.ctx, 'refunds.create', { debtorIds: refundMembers.map((r) => r.debtorId) });
  const batchRow = call(t.ctx, 'collections.create', {});
  const batch = loadBatch(t.ctx, batchRow.id);
  const refundBatch = loadBatch(t.ctx, refundBatchRow.id);
  if (batch.transactions.length !== nDebits) throw new Error(`storno story: the batch holds ${batch.transactions.length} debits, expected ${nDebits}`);
  const itemOf = new Map(directDebit.map((m) => [m.debtorId, m]));

  // the 12 returns, spread over the batch
  const step = Math.floor(nDebits / RETURN_PLAN.length);
  const returned = RETURN_PLAN.map((plan, k) => ({ ...plan, tx: batch.transactions[k * step + 3]! }));
  const returnedIds = new Set(returned.map((r) => r.tx.endToEndId));

  const collectionDate = batch.groups[0]!.date;
  const refundDate = refundBatch.groups[0]!.date;
  const returnDate = addDays(collectionDate, 4);
  const dayOf = (j: number) => (j < nTransfers / 3 ? refundDate : j < (2 * nTransfers) / 3 ? collectionDate : returnDate);

  // transfers: mostly with the invoice number, a few structured, two by IBAN and amount only;
  // three pay too little (half), one too much (+ 10,00)
  const partial = new Set([3, 10, 17].filter((j) => j < nTransfers));
  const overpaid = 5;
  const transferPlan = transferMembers.map((m, j) => {
    const matchBy: TransferMatch = j >= nTransfers - 2 ? 'ibanAndAmount' : j >= nTransfers - 6 ? 'structuredReference' : 'reference';
    const paid = partial.has(j) ? Math.floor(m.amount / 2) : j === overpaid ? m.amount + 1_000 : m.amount;
    return { m, j, matchBy, paid, bookingDate: dayOf(j) };
  });
  const transferEntry = (p: (typeof transferPlan)[number]): BankEntry =>
    transfer({
      from: { name: p.m.name, iban: p.m.iban, bic: 'RABONL2U' },
      amount: p.paid,
      reference: p.matchBy === 'ibanAndAmount' ? undefined : p.m.document,
      structured: p.matchBy === 'structuredReference',
      text: p.matchBy === 'reference' ? `Contributie 2026-2027 factuur ${p.m.document}` : p.matchBy === 'ibanAndAmount' ? 'contributie' : undefined,
      bookingDate: p.bookingDate,
    });

  const opening = roleBalance(t, 'bank');
  const costs = bankCost({ amount: 1_250, text: 'Kosten betaalrekening november' });
  const days = (credit: BankEntry[], rest: (d: string) => BankEntry[]): StatementSpec[] => {
    const specs: StatementSpec[] = [];
    let balance = opening;
    for (const date of [...new Set([refundDate, collectionDate, returnDate])].sort()) {
      const entries: BankEntry[] = [
        ...(date === refundDate ? refundBatch.transactions.map((tx) => refundOut(tx, { bookingDate: date })) : []),
        ...(date === collectionDate ? credit.map((e) => ({ ...e, bookingDate: date })) : []),
        ...transferPlan.filter((p) => p.bookingDate === date).map(transferEntry),
        ...rest(date),
      ];
      specs.push({ date, opening: balance, entries });
      balance += entries.reduce((s, e) => s + e.amount, 0);
    }
    return specs;
  };
  const returnEntries = (date: string) => (date === returnDate ? [...returned.map((r) => returnOf(r.tx, r.reason, { charges: r.charges, bookingDate: date })), costs] : []);
  const statements = days(batchCredit(batch, { details: true }), returnEntries);
  const noDetails = days(batchCredit(batch, { details: false }), returnEntries);
  const perDebit = days(batchCredit(batch, { perDebit: true }), returnEntries);
  const afterRejects = days(batchCredit(batch, { details: true, exclude: returnedIds }), (date) => (date === returnDate ? [costs] : []));

  const bank = simulatedBank(account);
  const rejects: Reject[] = returned.map((r) => ({ tx: r.tx, reason: REJECT_CODE[r.reason] ?? r.reason }));
  const files: StornoStory['files'] = {
    camt053: bank.statements(statements),
    camt053NoDetails: bank.statements(noDetails, { bankReferences: false, fileName: `camt053_${bankIban}_${returnDate}_zonder-details.xml` }),
    camt053PerDebit: bank.statements(perDebit, { fileName: `camt053_${bankIban}_${returnDate}_per-incasso.xml` }),
    camt053Overlap: bank.statements(statements.slice(1), { fileName: `camt053_${bankIban}_${returnDate}_herhaald.xml` }),
    camt054: bank.notification({ date: returnDate, entries: returned.map((r) => returnOf(r.tx, r.reason, { charges: r.charges, bookingDate: returnDate })) }),
    mt940: bank.mt940(statements),
    mt940Envelope: bank.mt940(statements, { envelope: true, fileName: `mt940_${bankIban}_${returnDate}_swift.940` }),
    pain002: bank.statusReport(batch, rejects),
    camt053AfterRejects: bank.statements(afterRejects, { fileName: `camt053_${bankIban}_${returnDate}_na-weigeringen.xml` }),
  };

  const charges = returned.reduce((s, r) => s + r.charges, 0);
  const itemBalances: Record<number, number> = {};
  const debtorBalances: Record<number, number> = {};
  for (const tx of batch.transactions) {
    const m = itemOf.get(tx.debtorId)!;
    const back = returnedIds.has(tx.endToEndId);
    itemBalances[m.itemId] = back ? m.amount : 0;
    debtorBalances[m.debtorId] = back ? m.amount : 0;
  }
  const transfers = transferPlan.map((p) => {
    const remaining = Math.max(0, p.m.amount - p.paid);
    const credit = Math.max(0, p.paid - p.m.amount);
    itemBalances[p.m.itemId] = remaining;
    debtorBalances[p.m.debtorId] = remaining - credit;
    return { debtorId: p.m.debtorId, itemId: p.m.itemId, iban: p.m.iban, name: p.m.name, document: p.m.document, itemAmount: p.m.amount, paid: p.paid, matchBy: p.matchBy, remaining, credit, bookingDate: p.bookingDate };
  });
  for (const r of refundMembers) debtorBalances[r.debtorId] = 0;
  const last = files.camt053.statements.at(-1)!;

  const expected: StoryExpectation = {
    batch: {
      id: batch.id,
      reference: batch.reference,
      messageIds: batch.files.map((f) => f.messageId),
      paymentInfoIds: batch.groups.map((g) => g.paymentInfoId),
      total: batch.total,
      count: batch.transactions.length,
      collectionDate,
    },
    batchCredit: { returns: batch.total, rejects: batch.total - returned.reduce((s, r) => s + r.tx.amount, 0) },
    returns: returned.map((r) => ({
      itemId: itemOf.get(r.tx.debtorId)!.itemId,
      debtorId: r.tx.debtorId,
      endToEndId: r.tx.endToEndId,
      mandateId: r.tx.mandateId ?? '',
      reason: r.reason,
      amount: r.tx.amount,
      charges: r.charges,
      ...AFTER_RETURN[r.reason]!,
    })),
    rejects: rejects.map((r) => ({ itemId: itemOf.get(r.tx.debtorId)!.itemId, debtorId: r.tx.debtorId, endToEndId: r.tx.endToEndId, reason: r.reason, amount: r.tx.amount })),
    paidByCollection: batch.transactions.filter((tx) => !returnedIds.has(tx.endToEndId)).map((tx) => itemOf.get(tx.debtorId)!.itemId),
    transfers,
    refunds: refundBatch.transactions.map((tx) => ({ debtorId: tx.debtorId, endToEndId: tx.endToEndId, amount: tx.amount, iban: tx.iban, bookingDate: refundDate })),
    bankCosts: { charges, other: 1_250 },
    itemBalances,
    debtorBalances,
    accounts: {
      collectionInTransit: roleBalance(t, 'collectionInTransit') - batch.total,
      refundsPayable: roleBalance(t, 'refundsPayable') + refundBatch.total,
      bank: last.closing,
      bankCostsIncrease: charges + 1_250,
    },
    matched: { batchCredits: 1, returns: returned.length, transfers: nTransfers, refunds: refundBatch.transactions.length, unmatched: 1 },
    mt940ChargeLines: returned.filter((r) => r.charges > 0).length,
    closing: last.closing,
    closingAfterRejects: files.camt053AfterRejects.statements.at(-1)!.closing,
  };
  return { account, batch, refundBatch, members: { directDebit, transfer: transferMembers, refund: refundMembers }, statements, files, expected };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type { BatchTransaction };
