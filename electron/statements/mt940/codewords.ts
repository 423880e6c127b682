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

const CODEWORD = new RegExp(`/(${ALTERNATION})/`, 'g');
const LEADING_CODEWORD = new RegExp(`^\\s*/(${ALTERNATION})/`);

/** A codeword between slashes, "/EREF/": one compiled pattern, rewound for each use (the reader calls this for every line). */
export const codewordPattern = (): RegExp => {
  CODEWORD.lastIndex = 0;
  return CODEWORD;
};

/** Text that starts with a codeword is the structured layout; anything else is free text. */
export const startsWithCodeword = (text: string): boolean => LEADING_CODEWORD.test(text);

/** The codewords by their first letter, so a slash pair is told without cutting its text out first. */
const BY_FIRST = ((): string[][] => {
  const table: string[][] = Array.from({ length: 128 }, () => []);
  for (const code of new Set<string>(CODEWORDS)) table[code.charCodeAt(0)]!.push(code);
  return table;
})();

/** The codeword spelled between the slashes at `open` and `close`, or null. */
function codewordBetween(body: string, open: number, close: number): string | null {
  const candidates = BY_FIRST[body.charCodeAt(open + 1)];
  if (candidates === undefined) return null;
  const length = close - open - 1;
  for (let k = 0; k < candidates.length; k++) {
    const code = candidates[k]!;
    if (code.length === length && body.startsWith(code, open + 1)) return code;
  }
  return null;
}

/**
 * Every codeword in a :86: text with where it starts and where its value begins. A plain scan from
 * slash to slash: a statement of 100 000 entries calls this for each, and a 40-way regular
 * expression tried at every character costs more than the whole rest of the :86: layer. The
 * closing slash of one codeword may open the next ("/ORDP//NAME/", an empty value).
 */
export function findCodewords(body: string): Array<{ code: string; start: number; end: number }> {
  const found: Array<{ code: string; start: number; end: number }> = [];
  let open = body.indexOf('/');
  while (open >= 0) {
    const close = body.indexOf('/', open + 1);
    if (close < 0) break;
    const length = close - open - 1;
    if (length >= 2 && length <= 9) {
      const code = codewordBetween(body, open, close);
      if (code !== null) found.push({ code, start: open, end: close + 1 });
    }
    open = close;
  }
  return found;
}
