import { StatementReadError, type EntryDetail, type Party, type ReturnInfo, type StatementEntry } from '../model';
import { oneCopy } from '../oneCopy';
import { amountAt, shown, signOf } from './amounts';
import { clean, creditorIdOf, dateOf, joinedText, partyOf, refAt } from './fields';
import { child, childrenNamed, nextNamed, textAt, type XNode } from './xml';

/**
 * A detail whose counterparty could only be told once the statement's own account is known
 * (a proprietary-only bank code and the bank named just the other side): settled per statement.
 */
export interface PendingParty {
  detail: EntryDetail;
  other: Party;
}

export const NO_PARTY: Party = { name: null, iban: null, bic: null };

/**
 * The ISO family says who the other side is: IDDT (direct debits we issued as creditor) and RCDT
 * (transfers we received) have the debtor as counterparty, also when they come back as a return;
 * RDDT and ICDT the creditor. Without a family code the booking direction decides, turned around
 * for a reversal (a reversed credit is money back to the original debtor).
 */
export const SIDE_BY_FAMILY: Record<string, 'Dbtr' | 'Cdtr'> = { IDDT: 'Dbtr', RCDT: 'Dbtr', RDDT: 'Cdtr', ICDT: 'Cdtr' };

export function readEntry(ntry: XNode, where: string, source: string, pending: PendingParty[]): StatementEntry {
  const amt = amountAt(ntry, 'Amt', where);
  if (!amt) throw new StatementReadError(`${where}/Amt`, 'Bedrag (Amt) ontbreekt', 'Amount (Amt) is missing');
  const sign = signOf(ntry, 'CdtDbtInd', where);
  const reversal = isTrue(textAt(ntry, 'RvslInd'));
  const status = refAt(ntry, 'Sts/Cd') ?? refAt(ntry, 'Sts');
  const bookingDate =
    dateOf(child(ntry, 'BookgDt'), `${where}/BookgDt`) ??
    (status !== null && status !== 'BOOK' ? dateOf(child(ntry, 'ValDt'), `${where}/ValDt`) : null);
  if (bookingDate === null) throw new StatementReadError(`${where}/BookgDt`, 'Boekdatum (BookgDt) ontbreekt', 'Booking date (BookgDt) is missing');

  const code = child(ntry, 'BkTxCd');
  const family = refAt(code, 'Domn/Fmly/Cd');
  const domain = refAt(code, 'Domn/Cd');
  let transactionCode: string | null = null;
  if (domain) {
    transactionCode = transactionCodeOf(domain, family, refAt(code, 'Domn/Fmly/SubFmlyCd'));
  }

  // walks over the chain of children rather than arrays of them: a statement of 100 000 entries made millions of small arrays here
  let txCount: number | null = null;
  let detailCount = 0;
  for (let b = child(ntry, 'NtryDtls'); b !== null; b = nextNamed(b, 'NtryDtls')) {
    const count = textAt(child(b, 'Btch'), 'NbOfTxs');
    if (count !== null) txCount = (txCount ?? 0) + wholeNumber(count, `${where}/NtryDtls/Btch/NbOfTxs`);
    for (let t = child(b, 'TxDtls'); t !== null; t = nextNamed(t, 'TxDtls')) detailCount++;
  }
  // sized to fit: an empty array grows to room for 17 on its first push, and the model keeps every entry's
  const details: EntryDetail[] = detailCount === 0 ? [] : new Array<EntryDetail>(detailCount);
  let d = 0;
  for (let b = child(ntry, 'NtryDtls'); b !== null; b = nextNamed(b, 'NtryDtls')) {
    const batch = child(b, 'Btch');
    for (let t = child(b, 'TxDtls'); t !== null; t = nextNamed(t, 'TxDtls')) {
      details[d] = readDetail(t, batch, {
        where: `${where}/TxDtls ${d + 1}`,
        sign,
        reversal,
        family,
        entryCharges: detailCount === 1 ? ntry : null,
        pending,
      });
      d++;
    }
  }

  return {
    amount: sign * amt.cents,
    currency: amt.currency ?? '',
    bookingDate,
    valueDate: dateOf(child(ntry, 'ValDt'), `${where}/ValDt`),
    bankReference: refAt(ntry, 'AcctSvcrRef') ?? refAt(ntry, 'NtryRef'),
    reversal,
    transactionCode,
    proprietaryCode: refAt(code, 'Prtry/Cd'),
    transactionCount: txCount,
    information: joinedText(childrenNamed(ntry, 'AddtlNtryInf')),
    details,
    source,
    status,
    batchPaymentInfoId: firstOfBatches(ntry, 'PmtInfId'),
    batchMessageId: firstOfBatches(ntry, 'MsgId'),
  };
}

interface DetailContext {
  where: string;
  sign: 1 | -1;
  reversal: boolean;
  family: string | null;
  /** the entry, when it has exactly one detail: its charges are that detail's */
  entryCharges: XNode | null;
  pending: PendingParty[];
}

function readDetail(t: XNode, batch: XNode | null, c: DetailContext): EntryDetail {
  const refs = child(t, 'Refs');
  const parties = child(t, 'RltdPties');
  const agents = child(t, 'RltdAgts');
  const debtor = partyOf(child(parties, 'Dbtr'), child(parties, 'DbtrAcct'), child(agents, 'DbtrAgt'));
  const creditor = partyOf(child(parties, 'Cdtr'), child(parties, 'CdtrAcct'), child(agents, 'CdtrAgt'));
  const knownSide = c.family ? SIDE_BY_FAMILY[c.family] : undefined;
  const side = knownSide ?? (c.sign > 0 !== c.reversal ? 'Dbtr' : 'Cdtr');
  const chosen = side === 'Dbtr' ? debtor : creditor;
  const other = side === 'Dbtr' ? creditor : debtor;

  const remittance = child(t, 'RmtInf');
  const detail: EntryDetail = {
    amount: detailAmount(t, c),
    endToEndId: endToEnd(refAt(refs, 'EndToEndId')),
    paymentInfoId: refAt(refs, 'PmtInfId') ?? refAt(batch, 'PmtInfId'),
    messageId: refAt(refs, 'MsgId') ?? refAt(batch, 'MsgId'),
    mandateId: refAt(refs, 'MndtId'),
    creditorId: creditorIdOf(child(parties, 'Cdtr')) ?? creditorIdOf(child(t, 'CdtrSchmeId')),
    bankReference: refAt(refs, 'AcctSvcrRef') ?? refAt(refs, 'TxId'),
    counterparty: chosen ?? NO_PARTY,
    remittance: joinedText(childrenNamed(remittance, 'Ustrd')),
    creditorReference: creditorReference(remittance),
    returnInfo: returnInfo(t, c),
  };
  if (!chosen && other && !knownSide) c.pending.push({ detail, other });
  return detail;
}

/** TxDtls/Amt (camt .03 and later), else AmtDtls/TxAmt, else the instructed amount. */
function detailAmount(t: XNode, c: DetailContext): number | null {
  const amt = amountAt(t, 'Amt', c.where) ?? amountAt(t, 'AmtDtls/TxAmt/Amt', c.where) ?? amountAt(t, 'AmtDtls/InstdAmt/Amt', c.where);
  if (!amt) return null;
  const sign = textAt(t, 'CdtDbtInd') !== null ? signOf(t, 'CdtDbtInd', c.where) : c.sign;
  return sign * amt.cents;
}

/** "NOTPROVIDED" is the ISO way to say there is no end-to-end id; it must never match an item. */
export function endToEnd(id: string | null): string | null {
  // only 11 characters can spell NOTPROVIDED in any case: no character upper-cases into two of its letters
  // and as banks write it, in capitals, it needs no upper-cased copy (one per entry otherwise)
  return id === null || (id.length === 11 && (id === 'NOTPROVIDED' || id.toUpperCase() === 'NOTPROVIDED')) ? null : id;
}

/**
 * The structured reference (betalingskenmerk or RF creditor reference). Banks print both in
 * groups ("RF18 5390 0754 7034", "0010 0083 4691 2014"): those spaces are dropped; any other
 * reference is kept as written.
 */
function creditorReference(remittance: XNode | null): string | null {
  for (const strd of childrenNamed(remittance, 'Strd')) {
    const ref = refAt(strd, 'CdtrRefInf/Ref');
    if (ref !== null) return structuredReference(ref);
  }
  return null;
}

export function structuredReference(ref: string): string {
  return /^(RF\d{2}[\sA-Z0-9]+|[\d\s]+)$/i.test(ref) ? ref.replace(/\s+/g, '').toUpperCase() : ref;
}

function returnInfo(t: XNode, c: DetailContext): ReturnInfo | null {
  const rtr = child(t, 'RtrInf');
  if (!rtr) return null;
  const reasonCode = refAt(rtr, 'Rsn/Cd') ?? refAt(rtr, 'Rsn/Prtry');
  return {
    reasonCode: reasonCode?.toUpperCase() ?? null,
    reasonText: joinedText(childrenNamed(rtr, 'AddtlInf')),
    kind: returnKind(reasonCode, c.sign, c.reversal),
    charges: charges(t, c.where) ?? (c.entryCharges ? charges(c.entryCharges, c.where.replace(/\/TxDtls \d+$/, '')) : null),
  };
}

export function returnKind(reasonCode: string | null, sign: 1 | -1, reversal: boolean): 'refund' | 'return' {
  // MD06 is the payer taking a direct debit back: a refund, booked as a reversed credit
  return reasonCode?.toUpperCase() === 'MD06' && sign < 0 && reversal ? 'refund' : 'return';
}

/**
 * Charges the bank took, in cents: camt .02 repeats Chrgs with an Amt each; .03 and later have
 * one Chrgs with a total (TtlChrgsAndTaxAmt) or records (Rcrd/Amt).
 */
function charges(node: XNode, where: string): number | null {
  const all = childrenNamed(node, 'Chrgs');
  if (!all.length) return null;
  let total = 0;
  let found = false;
  for (const ch of all) {
    const w = `${where}/Chrgs`;
    const stated = amountAt(ch, 'TtlChrgsAndTaxAmt', w);
    const records = childrenNamed(ch, 'Rcrd')
      .map((r) => amountAt(r, 'Amt', `${w}/Rcrd`))
      .filter((a) => a !== null);
    const single = amountAt(ch, 'Amt', w);
    const cents = stated ? stated.cents : records.length ? records.reduce((s, a) => s + a.cents, 0) : single ? single.cents : null;
    if (cents !== null) {
      total += cents;
      found = true;
    }
  }
  return found ? total : null;
}

/** The first value of `name` among the entry's batch details (NtryDtls/Btch), in their order. */
function firstOfBatches(ntry: XNode, name: string): string | null {
  for (let b = child(ntry, 'NtryDtls'); b !== null; b = nextNamed(b, 'NtryDtls')) {
    const v = refAt(child(b, 'Btch'), name);
    if (v !== null) return v;
  }
  return null;
}

/**
 * A statement has a handful of distinct codes: each entry shares its code's one string instead of
 * holding three joined, found by its parts (the parser hands over the same strings for the same
 * values) without joining them first.
 */
const transactionCodes = new Map<string, Map<string | null, Map<string | null, string>>>();
/** Bounds each level of transactionCodes: a file of only distinct codes costs the joining each time and nothing more. */
const MAX_CODES = 100;

export function transactionCodeOf(domain: string, family: string | null, subFamily: string | null): string {
  let byFamily = transactionCodes.get(domain);
  if (byFamily === undefined && transactionCodes.size < MAX_CODES) transactionCodes.set(domain, (byFamily = new Map()));
  let bySub = byFamily?.get(family);
  if (byFamily !== undefined && bySub === undefined && byFamily.size < MAX_CODES) byFamily.set(family, (bySub = new Map()));
  const known = bySub?.get(subFamily);
  if (known !== undefined) return known;
  const code = oneCopy(family === null ? (subFamily === null ? domain : `${domain}/${subFamily}`) : subFamily === null ? `${domain}/${family}` : `${domain}/${family}/${subFamily}`);
  if (bySub !== undefined && bySub.size < MAX_CODES) bySub.set(subFamily, code);
  return code;
}

export function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}

export function wholeNumber(raw: string, where: string): number {
  const s = clean(raw) ?? '';
  if (!/^\d{1,9}$/.test(s)) throw new StatementReadError(where, `"${shown(s)}" is geen aantal`, `"${shown(s)}" is not a count`);
  return Number(s);
}
