import { StatementReadError, type EntryDetail, type Party, type StatementEntry } from '../model';
import { amountOf, signFrom } from './amounts';
import { NO_PARTY, SIDE_BY_FAMILY, endToEnd, isTrue, returnKind, structuredReference, transactionCodeOf, wholeNumber, type PendingParty } from './entries';
import { CREDITOR_ID_PLACES, ENTRY_STATE as S, type CreditorIdPlaces } from './entryPaths';
import type { EntrySlots } from './entrySlots';
import { bicFrom, clean, ibanOf, isoDate, oneText, partyFrom, sepaCreditorId } from './fields';

/**
 * readEntry for an entry the fast path kept in slots (at most one element per place, so "the
 * first" and "all" are that one): the same steps on the same texts with the same helpers, so the
 * same entry. Whatever readEntry would refuse gives null here, and the entry is then read again
 * into a tree for readEntry to refuse it in its own words; so no message is made here.
 */
export function entryFromSlots(f: EntrySlots, source: string, pending: PendingParty[]): StatementEntry | null {
  try {
    return entry(f, source, pending);
  } catch (e) {
    if (e instanceof StatementReadError) return null;
    throw e;
  }
}

const NOWHERE = '';

function entry(f: EntrySlots, source: string, pending: PendingParty[]): StatementEntry | null {
  const amt = amountIn(f, S.amt);
  if (!amt) return null;
  const sign = signFrom(f.trimmed(S.cdtDbtInd), 'CdtDbtInd', NOWHERE);
  const reversal = isTrue(f.trimmed(S.rvslInd));
  const status = f.ref(S.stsCd) ?? f.ref(S.sts);
  const bookingDate = dateIn(f, S.bookgDt, S.bookgDtDt, S.bookgDtDtTm) ?? (status !== null && status !== 'BOOK' ? dateIn(f, S.valDt, S.valDtDt, S.valDtDtTm) : null);
  if (bookingDate === null) return null;

  const family = f.ref(S.family);
  const domain = f.ref(S.domain);
  let transactionCode: string | null = null;
  if (domain) transactionCode = transactionCodeOf(domain, family, f.ref(S.subFamily));

  const count = f.trimmed(S.btchNbOfTxs);
  const transactionCount = count === null ? null : wholeNumber(count, NOWHERE);

  let other: Party | null = null;
  let details: EntryDetail[] = [];
  if (f.has(S.txDtls)) {
    const d = detail(f, sign, reversal, family);
    details = [d.detail];
    other = d.pendingOther;
  }

  const entry: StatementEntry = {
    amount: sign * amt.cents,
    currency: amt.currency ?? '',
    bookingDate,
    valueDate: dateIn(f, S.valDt, S.valDtDt, S.valDtDtTm),
    bankReference: f.ref(S.acctSvcrRef) ?? f.ref(S.ntryRef),
    reversal,
    transactionCode,
    proprietaryCode: f.ref(S.proprietary),
    transactionCount,
    information: textIn(f, S.addtlNtryInf),
    details,
    source,
    status,
    batchPaymentInfoId: f.ref(S.btchPmtInfId),
    batchMessageId: f.ref(S.btchMsgId),
  };
  // only now, with nothing left to refuse: an entry read again into a tree must not leave one behind
  if (other !== null) pending.push({ detail: details[0]!, other });
  return entry;
}

function detail(f: EntrySlots, sign: 1 | -1, reversal: boolean, family: string | null): { detail: EntryDetail; pendingOther: Party | null } {
  const debtor = partyIn(f, S.dbtrNm, S.dbtrPty, S.dbtrPtyNm, S.dbtrIban, S.dbtrBicfi, S.dbtrBic);
  const creditor = partyIn(f, S.cdtrNm, S.cdtrPty, S.cdtrPtyNm, S.cdtrIban, S.cdtrBicfi, S.cdtrBic);
  const knownSide = family ? SIDE_BY_FAMILY[family] : undefined;
  const side = knownSide ?? (sign > 0 !== reversal ? 'Dbtr' : 'Cdtr');
  const chosen = side === 'Dbtr' ? debtor : creditor;
  const other = side === 'Dbtr' ? creditor : debtor;

  const detail: EntryDetail = {
    amount: detailAmount(f, sign),
    endToEndId: endToEnd(f.ref(S.endToEndId)),
    paymentInfoId: f.ref(S.pmtInfId) ?? f.ref(S.btchPmtInfId),
    messageId: f.ref(S.msgId) ?? f.ref(S.btchMsgId),
    mandateId: f.ref(S.mndtId),
    creditorId: creditorIdIn(f, S.cdtr, S.cdtrPty, 0) ?? creditorIdIn(f, S.cdtrSchmeId, S.cdtrSchmeIdPty, 2),
    bankReference: f.ref(S.refAcctSvcrRef) ?? f.ref(S.txId),
    counterparty: chosen ?? NO_PARTY,
    remittance: textIn(f, S.ustrd),
    creditorReference: structuredIn(f),
    returnInfo: f.has(S.rtrInf) ? returnInfo(f, sign, reversal) : null,
  };
  return { detail, pendingOther: !chosen && other && !knownSide ? other : null };
}

function amountIn(f: EntrySlots, state: number): { cents: number; currency: string | null } | null {
  return f.has(state) ? amountOf(f.textOf(state), f.ccy(state), NOWHERE, NOWHERE) : null;
}

/** dateOf: Dt, else DtTm, else the element's own text when it has no child elements. */
function dateIn(f: EntrySlots, holder: number, dt: number, dtTm: number): string | null {
  if (!f.has(holder)) return null;
  const raw = f.trimmed(dt) ?? f.trimmed(dtTm) ?? (f.hasChildren(holder) ? null : clean(f.textOf(holder)));
  return raw === null ? null : isoDate(raw, NOWHERE);
}

/** joinedText of the one element at the place, or null. */
function textIn(f: EntrySlots, state: number): string | null {
  return f.has(state) ? oneText(f.textOf(state)) : null;
}

function partyIn(f: EntrySlots, nm: number, pty: number, ptyNm: number, iban: number, bicfi: number, bic: number): Party | null {
  const name = f.has(pty) ? textIn(f, ptyNm) : textIn(f, nm);
  return partyFrom(name, ibanOf(f.ref(iban)), bicFrom(f.ref(bicfi), f.ref(bic)));
}

function detailAmount(f: EntrySlots, entrySign: 1 | -1): number | null {
  const amt = amountIn(f, S.txAmt) ?? amountIn(f, S.txAmtDtlsTxAmt) ?? amountIn(f, S.txAmtDtlsInstdAmt);
  if (!amt) return null;
  const ind = f.trimmed(S.txCdtDbtInd);
  return (ind !== null ? signFrom(ind, 'CdtDbtInd', NOWHERE) : entrySign) * amt.cents;
}

/** creditorIdOf for the holder at `holder` (or its Pty); `first` is its own places in CREDITOR_ID_PLACES, its Pty's follow. */
function creditorIdIn(f: EntrySlots, holder: number, pty: number, first: number): string | null {
  if (!f.has(holder)) return null;
  const places: CreditorIdPlaces = CREDITOR_ID_PLACES[f.has(pty) ? first + 1 : first]!;
  for (const kind of places.kinds) {
    const found = sepaCreditorId(f.ref(kind.schemeCd) ?? f.ref(kind.schemePrtry), f.ref(kind.id));
    if (found !== null) return found;
  }
  return null;
}

function structuredIn(f: EntrySlots): string | null {
  const ref = f.ref(S.strdRef);
  return ref === null ? null : structuredReference(ref);
}

function returnInfo(f: EntrySlots, sign: 1 | -1, reversal: boolean): EntryDetail['returnInfo'] {
  const reasonCode = f.ref(S.rsnCd) ?? f.ref(S.rsnPrtry);
  return {
    reasonCode: reasonCode?.toUpperCase() ?? null,
    reasonText: textIn(f, S.rtrAddtlInf),
    kind: returnKind(reasonCode, sign, reversal),
    // charges send the entry to the tree reader (GIVE_UP_STATES): none here
    charges: null,
  };
}
