import { findCodewords, startsWithCodeword } from './codewords';

/** What the Dutch :86: layer says about one transaction. */
export interface Info86 {
  structured: boolean;
  endToEndId: string | null;
  paymentInfoId: string | null;
  mandateId: string | null;
  creditorId: string | null;
  iban: string | null;
  bic: string | null;
  name: string | null;
  /** a pre-IBAN account number, as written */
  account: string | null;
  remittance: string | null;
  creditorReference: string | null;
  returnCode: string | null;
  returnText: string | null;
  /** ABN AMRO's /RTYP/ (RTRN, RJCT, REFD, ...) */
  returnType: string | null;
  /** ABN AMRO's /TRTP/ ("SEPA OVERBOEKING"), or the free text of an unstructured :86: */
  information: string | null;
}

export const emptyInfo = (): Info86 => ({
  structured: false, endToEndId: null, paymentInfoId: null, mandateId: null, creditorId: null, iban: null, bic: null, name: null,
  account: null, remittance: null, creditorReference: null, returnCode: null, returnText: null, returnType: null, information: null,
});

/** References and account numbers are compared character for character: no spaces around (invisible characters left the file on reading). */
const ref = (value: string | undefined | null): string | null => {
  const v = value ? value.trim() : '';
  // only 11 characters can spell NOTPROVIDED in any case: no character upper-cases into two of its letters
  return v && v !== 'NOTPROVIDED' && v !== 'NONREF' && !(v.length === 11 && v.toUpperCase() === 'NOTPROVIDED') ? v : null;
};
const text = (value: string | undefined | null): string | null => {
  if (!value) return null;
  const v = (value.includes('  ') ? value.replace(/\s+/g, ' ') : value).trim();
  return v || null;
};
const ibanOf = (value: string | undefined | null): string | null => {
  const v = ref(value)?.replace(/\s+/g, '').toUpperCase() ?? null;
  return v && /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(v) ? v : null;
};

/** Splits "/EREF/x//CNTP/a/b/c//REMI/..." into codeword → value (ING's closing "/" dropped). A later duplicate counts only when the first was empty. */
export function codewordValues(body: string): Map<string, string> {
  const values = new Map<string, string>();
  const found = findCodewords(body);
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    let value = body.slice(f.end, i + 1 < found.length ? found[i + 1]!.start : body.length);
    if (value.endsWith('/')) value = value.slice(0, -1);
    if (!values.get(f.code)) values.set(f.code, value);
  }
  return values;
}

/** The structured layout: codewords as ING, Rabobank, ABN AMRO (/TRTP/), BNG, de Volksbank and Triodos write them. */
export function readStructured(body: string): Info86 {
  const v = codewordValues(body);
  const info = emptyInfo();
  info.structured = true;
  info.endToEndId = ref(v.get('EREF'));
  info.paymentInfoId = ref(v.get('PREF'));
  info.mandateId = ref(v.get('MARF'));
  info.creditorId = ref(v.get('CSID'))?.replace(/\s+/g, '') ?? null;
  // ING: /CNTP/IBAN/BIC/name/city/; Rabobank and older ING: /BENM/ and /ORDP/ the same way, or empty with /NAME/ after
  const party = v.get('CNTP') ?? v.get('BENM') ?? v.get('ORDP') ?? '';
  const [pIban, pBic, pName] = party.split('/');
  info.iban = ibanOf(pIban) ?? ibanOf(v.get('IBAN'));
  if (!info.iban && ref(pIban) && !ibanOf(pIban)) info.account = ref(pIban);
  info.bic = ref(pBic)?.toUpperCase() ?? ref(v.get('BIC'))?.toUpperCase() ?? null;
  info.name = text(pName) ?? text(v.get('NAME'));
  readRemittance(v, info);
  const rtrn = v.get('RTRN') ?? v.get('RTRC');
  if (rtrn !== undefined) {
    const [code, ...why] = rtrn.split('/');
    info.returnCode = ref(code)?.toUpperCase() ?? null;
    info.returnText = text(why.join(' '));
  }
  // ABN AMRO writes "/RTYP/RTRN/RTRN/AM04/": the type's value is itself a codeword, so it is read directly
  info.returnType = v.has('RTYP') ? (/\/RTYP\/([A-Z]{4})(?![A-Z])/.exec(body)?.[1] ?? null) : null;
  info.information = text(v.get('TRTP'));
  return info;
}

/**
 * /REMI/USTD//free text/ or /REMI/STRD/CUR/betalingskenmerk/ (ING), /REMI/free text (Rabobank,
 * ABN AMRO), and Rabobank's /CDTRREF/ for the structured reference. The betalingskenmerk (or RF
 * reference) is what a member's transfer is matched on, so it goes to creditorReference.
 */
function readRemittance(v: Map<string, string>, info: Info86): void {
  const remi = v.get('REMI');
  if (remi !== undefined) {
    const strd = /^STRD\/+(?:([A-Z]{2,4})\/)?(.*)$/s.exec(remi);
    if (strd) info.creditorReference = ref(strd[2]!.split('/').filter(Boolean).pop())?.replace(/\s+/g, '') ?? null;
    else info.remittance = text(remi.replace(/^USTD\/+/, ''));
  }
  const cdtrref = ref(v.get('CDTRREF'));
  if (cdtrref && !info.creditorReference) info.creditorReference = cdtrref.replace(/\s+/g, '');
}

/**
 * Free text (the older layouts): kept as information, and only what the bank labelled is taken out:
 * "BETALINGSKENM." (ABN AMRO, Rabobank), ABN AMRO's SEPA labels (IBAN: BIC: Naam: Omschrijving:
 * Kenmerk: Machtiging: Incassant:), Knab's "REK:"/"NAAM:", Triodos' >20..>33 subfields.
 */
export function readFreeText(body: string, bank: string): Info86 {
  const info = emptyInfo();
  info.information = text(body);
  const kenmerk = /BETALINGSKENM(?:ERK)?\.?:?\s*((?:\d ?){7,16}\d?)\b/i.exec(body);
  if (kenmerk) info.creditorReference = kenmerk[1]!.replace(/\s+/g, '');
  if (bank === 'abnamro') readAbnLabels(body, info);
  if (bank === 'knab') {
    const rek = /REK:\s*([A-Z]{2}\d{2}[A-Z0-9]{8,30})/.exec(body);
    const naam = /NAAM:\s*(.+)$/.exec(body);
    if (rek) info.iban = rek[1]!;
    if (naam) info.name = text(naam[1]);
    const before = /^(.*?)\s*REK:/s.exec(body);
    info.remittance = text(before ? before[1] : body);
  }
  if (bank === 'triodos') readTriodosSubfields(body, info);
  return info;
}

// ABN AMRO fills its columns to the brim, so a label may touch the text before it ("doorlopendIncassant:")
const ABN_LABELS = /(IBAN|BIC|Naam|Omschrijving|Kenmerk|Machtiging|Incassant)\s?:/g;

function readAbnLabels(body: string, info: Info86): void {
  const hits = [...body.matchAll(ABN_LABELS)];
  if (!hits.length) return;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const value = body.slice(h.index! + h[0].length, i + 1 < hits.length ? hits[i + 1]!.index : body.length);
    switch (h[1]) {
      case 'IBAN': info.iban ??= ibanOf(value); break;
      case 'BIC': info.bic ??= ref(value)?.toUpperCase() ?? null; break;
      case 'Naam': info.name ??= text(value); break;
      case 'Omschrijving': info.remittance ??= text(value); break;
      case 'Kenmerk': info.endToEndId ??= ref(value.replace(/\s+/g, ' ')); break;
      case 'Machtiging': info.mandateId ??= ref(value.replace(/\s+/g, ' ')); break;
      case 'Incassant': info.creditorId ??= ref(value)?.replace(/\s+/g, '') ?? null; break;
    }
  }
}

/** Triodos' legacy :86: uses the German ?NN layout with ">" : >20-29 and >60-63 text, >30 BIC, >31 account, >32-33 name. */
function readTriodosSubfields(body: string, info: Info86): void {
  const parts = [...body.matchAll(/>(\d{2})([^>]*)/g)];
  if (!parts.length) return;
  const get = (from: number, to: number) => parts.filter((p) => Number(p[1]) >= from && Number(p[1]) <= to).map((p) => p[2]!).join('');
  info.remittance = text(get(20, 29) + get(60, 63));
  info.name = text(get(32, 33));
  const account = ref(get(31, 31));
  info.iban = ibanOf(account);
  if (!info.iban) info.account = account;
  info.bic = ref(get(30, 30));
}

export function readInfo86(body: string, bank: string): Info86 {
  return startsWithCodeword(body) ? readStructured(body) : readFreeText(body, bank);
}
