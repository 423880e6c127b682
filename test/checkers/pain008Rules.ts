import { XMLParser } from 'fast-xml-parser';

/**
 * An independent check of the Dutch/SEPA rules for pain.008 files (issue 8, "Done when"). It
 * shares no code with the writers or the planner: it parses the XML with a real parser and knows
 * the rules from the EPC rulebook and NL-RULES.md on its own — its own character set, its own
 * mod 97, its own list of countries. Give it every file the bank received, oldest first; it
 * returns one line per broken rule (empty: all is well).
 */

const SEPA_CHARS = /^[A-Za-z0-9/\-?:().,'+ ]+$/;
/** EPC409 list of SEPA countries; the second set is outside the EEA (BIC and address required). */
const SEPA_COUNTRIES = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO CH GB MC SM VA AD GI JE GG IM'.split(' '),
);
const OUTSIDE_EEA = new Set('CH GB MC SM VA AD GI JE GG IM'.split(' '));
const MAX_CENTS = 99_999_999_999;

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}
const lettersToDigits = (s: string) => s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));

export function ibanOk(iban: string): boolean {
  return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban) && SEPA_COUNTRIES.has(iban.slice(0, 2)) && mod97(lettersToDigits(iban.slice(4) + iban.slice(0, 4))) === 1;
}

/** Creditor id: CCkkZZZnational, check digits over the national part and the country (the business code is skipped). */
export function creditorIdOk(id: string): boolean {
  return /^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(id) && SEPA_COUNTRIES.has(id.slice(0, 2)) && mod97(lettersToDigits(id.slice(7) + id.slice(0, 4))) === 1;
}

/** Amount text to cents, or null when it is not a plain amount with at most two decimals. */
function cents(text: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['PmtInf', 'DrctDbtTxInf', 'AdrLine'].includes(name),
});

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const text = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in (v as Node) ? String((v as Node)['#text']) : '');

export interface CheckedDebit {
  file: number;
  endToEndId: string;
  mandateId: string;
  sequenceType: string;
  date: string;
  cents: number;
  iban: string;
  amendment: { originalMandateId?: string; originalIban?: string; smnda: boolean; originalCreditorId?: string } | null;
}

export function checkPain008Files(files: string[]): { errors: string[]; debits: CheckedDebit[] } {
  const errors: string[] = [];
  const debits: CheckedDebit[] = [];
  const ids = new Map<string, string>();
  const unique = (kind: string, id: string, where: string) => {
    const earlier = ids.get(`${kind}:${id}`);
    if (earlier) errors.push(`${where}: ${kind} ${id} was already used (${earlier})`);
    else ids.set(`${kind}:${id}`, where);
  };
  const textRule = (where: string, value: string, max: number) => {
    if (!value.trim()) errors.push(`${where}: empty`);
    else if (!SEPA_CHARS.test(value)) errors.push(`${where}: "${value}" has characters outside the SEPA set`);
    if (value.length > max) errors.push(`${where}: longer than ${max}`);
  };
  const idRule = (where: string, value: string) => {
    textRule(where, value, 35);
    if (value.startsWith('/') || value.includes('//')) errors.push(`${where}: "${value}" starts with / or holds //`);
  };

  files.forEach((xml, f) => {
    const fileNo = f + 1;
    let doc: Node;
    try {
      doc = parser.parse(xml, true) as Node;
    } catch (e) {
      errors.push(`file ${fileNo}: not well-formed XML (${(e as Error).message})`);
      return;
    }
    const root = doc.Document?.CstmrDrctDbtInitn as Node | undefined;
    if (!root) {
      errors.push(`file ${fileNo}: no CstmrDrctDbtInitn`);
      return;
    }
    const hdr = root.GrpHdr as Node;
    const msgId = text(hdr.MsgId);
    idRule(`file ${fileNo} MsgId`, msgId);
    unique('MsgId', msgId, `file ${fileNo}`);
    textRule(`file ${fileNo} InitgPty/Nm`, text(hdr.InitgPty?.Nm), 70);
    let fileCount = 0;
    let fileSum = 0;
    const seqOfMandate = new Map<string, string>();
    for (const pmt of (root.PmtInf ?? []) as Node[]) {
      const pid = text(pmt.PmtInfId);
      const at = `file ${fileNo} PmtInf ${pid}`;
      idRule(`${at} PmtInfId`, pid);
      unique('PmtInfId', pid, at);
      const seq = text(pmt.PmtTpInf?.SeqTp);
      if (!['FRST', 'RCUR', 'OOFF', 'FNAL'].includes(seq)) errors.push(`${at}: SeqTp ${seq}`);
      if (pmt.BtchBookg !== undefined && !['true', 'false'].includes(text(pmt.BtchBookg))) errors.push(`${at}: BtchBookg ${text(pmt.BtchBookg)}`);
      textRule(`${at} Cdtr/Nm`, text(pmt.Cdtr?.Nm), 70);
      const creditorId = text(pmt.CdtrSchmeId?.Id?.PrvtId?.Othr?.Id);
      if (!creditorIdOk(creditorId)) errors.push(`${at}: creditor id ${creditorId} is not a valid SEPA creditor id`);
      if (!ibanOk(text(pmt.CdtrAcct?.Id?.IBAN))) errors.push(`${at}: creditor IBAN ${text(pmt.CdtrAcct?.Id?.IBAN)} invalid`);
      const date = text(pmt.ReqdColltnDt?.Dt ?? pmt.ReqdColltnDt);
      let count = 0;
      let sum = 0;
      for (const tx of (pmt.DrctDbtTxInf ?? []) as Node[]) {
        const e2e = text(tx.PmtId?.EndToEndId);
        const where = `${at} ${e2e}`;
        idRule(`${where} EndToEndId`, e2e);
        unique('EndToEndId', e2e, where);
        const amount = cents(text(tx.InstdAmt));
        if (amount === null || amount <= 0 || amount > MAX_CENTS) errors.push(`${where}: amount ${text(tx.InstdAmt)} not within 0,01 .. 999 999 999,99`);
        count++;
        sum += amount ?? 0;
        const mri = tx.DrctDbtTx?.MndtRltdInf as Node;
        const mandateId = text(mri?.MndtId);
        idRule(`${where} MndtId`, mandateId);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text(mri?.DtOfSgntr))) errors.push(`${where}: DtOfSgntr ${text(mri?.DtOfSgntr)}`);
        const nm = text(tx.Dbtr?.Nm);
        textRule(`${where} Dbtr/Nm`, nm, 70);
        const ustrd = text(tx.RmtInf?.Ustrd);
        if (tx.RmtInf !== undefined) textRule(`${where} Ustrd`, ustrd, 140);
        const iban = text(tx.DbtrAcct?.Id?.IBAN);
        if (!ibanOk(iban)) errors.push(`${where}: debtor IBAN ${iban} invalid`);
        const agent = tx.DbtrAgt?.FinInstnId as Node;
        const bic = text(agent?.BIC ?? agent?.BICFI);
        if (bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) errors.push(`${where}: BIC ${bic} malformed`);
        if (OUTSIDE_EEA.has(iban.slice(0, 2))) {
          if (!bic) errors.push(`${where}: debtor account in ${iban.slice(0, 2)} (outside the EEA) without BIC`);
          const adr = tx.Dbtr?.PstlAdr as Node | undefined;
          const lines = ((adr?.AdrLine ?? []) as unknown[]).map(text);
          if (!adr || !text(adr.Ctry) || lines.length === 0) errors.push(`${where}: debtor account in ${iban.slice(0, 2)} (outside the EEA) without address`);
          for (const l of lines) textRule(`${where} AdrLine`, l, 70);
        }
        // sequence types per mandate: one per file, OOFF once ever, never FRST after a debit
        const inFile = seqOfMandate.get(mandateId);
        if (inFile && inFile !== seq) errors.push(`${where}: mandate ${mandateId} is both ${inFile} and ${seq} in one file`);
        seqOfMandate.set(mandateId, seq);
        const earlier = debits.filter((d) => d.mandateId === mandateId);
        if (seq === 'OOFF' && earlier.length > 0) errors.push(`${where}: one-off mandate ${mandateId} debited more than once`);
        if (seq !== 'OOFF' && earlier.some((d) => d.sequenceType === 'OOFF')) errors.push(`${where}: mandate ${mandateId} was one-off before`);
        if (seq === 'FRST' && earlier.some((d) => d.file < fileNo)) errors.push(`${where}: FRST for mandate ${mandateId} that was debited in an earlier file`);
        if (amount !== null && earlier.some((d) => d.date === date && d.cents === amount)) errors.push(`${where}: duplicate debit (${mandateId}, ${date}, ${text(tx.InstdAmt)})`);
        // amendments well-formed: a flag with details, details that differ from the current values
        const ind = text(mri?.AmdmntInd);
        const det = mri?.AmdmntInfDtls as Node | undefined;
        let amendment: CheckedDebit['amendment'] = null;
        if (ind === 'true' || det) {
          if (ind !== 'true' || !det) errors.push(`${where}: AmdmntInd and AmdmntInfDtls must come together`);
          const origMandate = det?.OrgnlMndtId !== undefined ? text(det.OrgnlMndtId) : undefined;
          const origAcct = det?.OrgnlDbtrAcct?.Id as Node | undefined;
          const origIban = origAcct?.IBAN !== undefined ? text(origAcct.IBAN) : undefined;
          const smnda = origAcct?.Othr !== undefined;
          const origCreditor = det?.OrgnlCdtrSchmeId !== undefined ? text(det.OrgnlCdtrSchmeId?.Id?.PrvtId?.Othr?.Id) : undefined;
          if (origMandate === undefined && origAcct === undefined && origCreditor === undefined && det?.OrgnlDbtrAgt === undefined) errors.push(`${where}: amendment without any original value`);
          if (origMandate !== undefined && (origMandate === mandateId || !origMandate)) errors.push(`${where}: OrgnlMndtId ${origMandate} equals the mandate id or is empty`);
          if (origIban !== undefined && (origIban === iban || !ibanOk(origIban))) errors.push(`${where}: OrgnlDbtrAcct ${origIban} equals the IBAN or is invalid`);
          if (smnda && text(origAcct?.Othr?.Id) !== 'SMNDA') errors.push(`${where}: OrgnlDbtrAcct/Othr must be SMNDA`);
          if (origCreditor !== undefined && (!creditorIdOk(origCreditor) || origCreditor === creditorId)) errors.push(`${where}: OrgnlCdtrSchmeId ${origCreditor} invalid or equal to the creditor id`);
          amendment = { originalMandateId: origMandate, originalIban: origIban, smnda, originalCreditorId: origCreditor };
        }
        debits.push({ file: fileNo, endToEndId: e2e, mandateId, sequenceType: seq, date, cents: amount ?? 0, iban, amendment });
      }
      if (text(pmt.NbOfTxs) !== String(count)) errors.push(`${at}: NbOfTxs ${text(pmt.NbOfTxs)} but ${count} debits`);
      if (pmt.CtrlSum !== undefined && cents(text(pmt.CtrlSum)) !== sum) errors.push(`${at}: CtrlSum ${text(pmt.CtrlSum)} but the debits add up to ${(sum / 100).toFixed(2)}`);
      fileCount += count;
      fileSum += sum;
    }
    if (text(hdr.NbOfTxs) !== String(fileCount)) errors.push(`file ${fileNo}: NbOfTxs ${text(hdr.NbOfTxs)} but ${fileCount} debits`);
    if (hdr.CtrlSum !== undefined && cents(text(hdr.CtrlSum)) !== fileSum) errors.push(`file ${fileNo}: CtrlSum ${text(hdr.CtrlSum)} but the debits add up to ${(fileSum / 100).toFixed(2)}`);
  });
  return { errors, debits };
}
