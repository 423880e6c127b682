import { StatementReadError, type StatedBalance, type Statement, type StatementEntry } from '../model';
import { amountAt, signOf } from './amounts';
import { readEntry, type PendingParty } from './entries';
import { entryFromSlots } from './entryFromSlots';
import type { EntrySlots } from './entrySlots';
import { dateOf, ibanAt, refAt } from './fields';
import { child, childrenNamed, type XNode } from './xml';

/** Entries of one Stmt/Rpt/Ntfctn block, read while the file streams by. */
export interface BlockEntries {
  entries: StatementEntry[];
  pending: PendingParty[];
}

export function newBlock(): BlockEntries {
  return { entries: [], pending: [] };
}

/** One Ntry, read as soon as it closes so its element tree can be dropped. */
export function addEntry(block: BlockEntries, ntry: XNode, blockName: string, blockIndex: number): void {
  const n = block.entries.length + 1;
  block.entries.push(readEntry(ntry, `${blockName} ${blockIndex}/Ntry ${n}`, sourceOf(n, blockName, blockIndex), block.pending));
}

/** One Ntry the fast path read into slots; false when only its tree can tell (readEntry's refusals, unusual shapes). */
export function addEntryFromSlots(block: BlockEntries, slots: EntrySlots, blockName: string, blockIndex: number): boolean {
  const entry = entryFromSlots(slots, sourceOf(block.entries.length + 1, blockName, blockIndex), block.pending);
  if (entry === null) return false;
  block.entries.push(entry);
  return true;
}

// joined into one flat string, not a template's chain of pieces: the model keeps one per entry
const sourceOf = (n: number, blockName: string, blockIndex: number): string => ['Ntry ', n, ' in ', blockName, ' ', blockIndex].join('');

/**
 * A camt.053 Stmt, camt.052 Rpt or camt.054 Ntfctn, with its entries read already. Balances are
 * the booked ones: opening OPBD (or PRCD, the previous closing, which some banks give instead),
 * closing CLBD; a camt.054 has none.
 */
export function readBlock(node: XNode, blockName: string, index: number, block: BlockEntries): Statement {
  const where = `${blockName} ${index}`;
  const acct = child(node, 'Acct');
  const account = ibanAt(acct, 'Id/IBAN') ?? refAt(acct, 'Id/Othr/Id');
  if (account === null) throw new StatementReadError(`${where}/Acct`, 'Rekeningnummer (Acct/Id/IBAN) ontbreekt', 'Account number (Acct/Id/IBAN) is missing');
  const id = refAt(node, 'Id');
  if (id === null) throw new StatementReadError(`${where}/Id`, 'Afschriftnummer (Id) ontbreekt', 'Statement id (Id) is missing');

  const balances = childrenNamed(node, 'Bal');
  const opening = balance(balances, 'OPBD', where) ?? balance(balances, 'PRCD', where);
  const closing = balance(balances, 'CLBD', where);
  const { entries } = block;

  const currency =
    refAt(acct, 'Ccy') ??
    opening?.currency ??
    closing?.currency ??
    entries.find((e) => e.currency !== '')?.currency ??
    null;
  if (currency === null) throw new StatementReadError(`${where}/Acct/Ccy`, 'Valuta onbekend: geen Acct/Ccy, saldo of boeking met Ccy', 'Currency unknown: no Acct/Ccy, balance or entry with Ccy');
  for (const e of entries) if (e.currency === '') e.currency = currency;

  // the one party the bank named is the counterparty, unless it is this account itself
  for (const p of block.pending) if (p.other.iban !== account) p.detail.counterparty = p.other;

  const dates = entries.map((e) => e.bookingDate).sort();
  const period = child(node, 'FrToDt');
  const from = dateOf(child(period, 'FrDtTm'), `${where}/FrToDt/FrDtTm`) ?? opening?.date ?? dates[0] ?? null;
  const to = dateOf(child(period, 'ToDtTm'), `${where}/FrToDt/ToDtTm`) ?? closing?.date ?? dates[dates.length - 1] ?? null;

  return {
    account,
    currency,
    id,
    sequence: refAt(node, 'ElctrncSeqNb') ?? refAt(node, 'LglSeqNb'),
    from,
    to,
    opening: opening && { date: opening.date, amount: opening.amount },
    closing: closing && { date: closing.date, amount: closing.amount },
    entries,
  };
}

function balance(balances: XNode[], code: string, where: string): (StatedBalance & { currency: string | null }) | null {
  const i = balances.findIndex((b) => (refAt(b, 'Tp/CdOrPrtry/Cd') ?? refAt(b, 'Tp/CdOrPrtry/Prtry')) === code);
  if (i < 0) return null;
  const b = balances[i]!;
  const w = `${where}/Bal ${i + 1} (${code})`;
  const amt = amountAt(b, 'Amt', w);
  if (!amt) throw new StatementReadError(`${w}/Amt`, 'Saldobedrag (Amt) ontbreekt', 'Balance amount (Amt) is missing');
  const date = dateOf(child(b, 'Dt'), `${w}/Dt`);
  if (date === null) throw new StatementReadError(`${w}/Dt`, 'Saldodatum (Dt) ontbreekt', 'Balance date (Dt) is missing');
  return { date, amount: signOf(b, 'CdtDbtInd', w) * amt.cents, currency: amt.currency };
}
