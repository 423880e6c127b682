/**
 * The codewords of the Dutch structured :86: ("MT940 Structured"/MT940S), as ING, Rabobank,
 * ABN AMRO, BNG, de Volksbank and Triodos write them: /EREF/ end-to-end id, /PREF/ batch (our
 * PmtInfId), /MARF/ mandate, /CSID/ creditor id, /CNTP/ counterparty (ING: IBAN/BIC/name/city),
 * /ORDP/ /BENM/ ordering party and beneficiary (Rabobank, with /NAME/ /ADDR/ /ID/ after them),
 * /IBAN/ /BIC/ /NAME/ (ABN AMRO), /REMI/ remittance (USTD or STRD), /RTRN/ return reason,
 * /RTYP/ return type (ABN AMRO), /TRTP/ transaction type text (ABN AMRO), /ISDT/ settlement date.
 * The rest are read past so that their text does not end up inside another codeword's value.
 */
export const CODEWORDS = [
  'EREF', 'PREF', 'MARF', 'CSID', 'CNTP', 'ORDP', 'BENM', 'NAME', 'ADDR', 'ID', 'IBAN', 'BIC', 'REMI', 'RTRN', 'RTYP', 'RTRC',
  'TRTP', 'ISDT', 'PURP', 'ULTC', 'ULTD', 'ULTB', 'EXCH', 'CHGS', 'OCMT', 'IREF', 'BUSP', 'CDTRREF', 'CDTRREFTP', 'SVCL', 'NRTX',
  'SUM', 'TRCD', 'KREF', 'CREF', 'ISIN', 'NOMI',
] as const;

const ALTERNATION = [...new Set(CODEWORDS)].sort((a, b) => b.length - a.length).join('|');

/** A codeword between slashes, "/EREF/". */
export const codewordPattern = (): RegExp => new RegExp(`/(${ALTERNATION})/`, 'g');

/** Text that starts with a codeword is the structured layout; anything else is free text. */
export const startsWithCodeword = (text: string): boolean => new RegExp(`^\\s*/(${ALTERNATION})/`).test(text);
