import type { EntryDetail } from './model';

/**
 * An entry's details as stored with it: only the fields the bank filled in. Most are empty (a
 * credit of one of our debits has no message id, no creditor reference, no return), and written
 * out in full they were half of every stored entry (100 000 entries: 40 MB to write).
 */
export function detailsToStore(details: readonly EntryDetail[]): string {
  // copied without the empty fields rather than with a replacer: a replacer is called for every key of every entry
  return JSON.stringify(details.map(withoutEmpty));
}

function withoutEmpty(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'object' ? withoutEmpty(v as object) : v;
  }
  return out;
}

/** The details of a stored entry, every field present again (null where the bank left it out). */
export function detailsFromStore(json: string): EntryDetail[] {
  return (JSON.parse(json) as Partial<EntryDetail>[]).map((d) => ({
    amount: d.amount ?? null,
    endToEndId: d.endToEndId ?? null,
    paymentInfoId: d.paymentInfoId ?? null,
    messageId: d.messageId ?? null,
    mandateId: d.mandateId ?? null,
    creditorId: d.creditorId ?? null,
    bankReference: d.bankReference ?? null,
    counterparty: { name: d.counterparty?.name ?? null, iban: d.counterparty?.iban ?? null, bic: d.counterparty?.bic ?? null, ...(d.counterparty?.account ? { account: d.counterparty.account } : {}) },
    remittance: d.remittance ?? null,
    creditorReference: d.creditorReference ?? null,
    returnInfo: d.returnInfo ? { reasonCode: d.returnInfo.reasonCode ?? null, reasonText: d.returnInfo.reasonText ?? null, kind: d.returnInfo.kind, charges: d.returnInfo.charges ?? null } : null,
  }));
}
