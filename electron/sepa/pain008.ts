import { type Emit, agent, amount } from './parts';

export type Pain008Version = '001.02' | '001.08';
export type SequenceType = 'FRST' | 'RCUR' | 'OOFF' | 'FNAL';

export interface DirectDebit {
  endToEndId: string;
  amount: number;
  mandateId: string;
  signedOn: string;
  /** values before an amendment, reported once with the next collection */
  originalMandateId?: string | null;
  originalIban?: string | null;
  /** the debtor changed bank: SMNDA instead of the original account */
  smnda?: boolean;
  /** the club's creditor id as the debtor's bank last saw it (OrgnlCdtrSchmeId) */
  originalCreditorId?: string | null;
  name: string;
  /** a debtor outside the EEA: country and up to two address lines */
  address?: { country: string; lines: string[] } | null;
  iban: string;
  bic: string | null;
  remittance: string;
}

export interface DebitGroup {
  paymentInfoId: string;
  scheme: 'CORE' | 'B2B';
  sequenceType: SequenceType;
  date: string;
  /** an array, or rows streamed from the database with their count and sum given up front */
  debits: DirectDebit[] | Iterable<DirectDebit>;
  count?: number;
  controlSum?: number;
}

export interface Pain008File {
  version: Pain008Version;
  messageId: string;
  /** ISO date-time without zone, as the batch recorded it */
  createdStamp: string;
  initiatingParty: string;
  creditor: { name: string; iban: string; bic: string | null; creditorId: string };
  /** BtchBookg; undefined for batches saved before the setting (their files never had it) */
  batchBooking?: boolean;
  groups: DebitGroup[];
}

/** Count and sum of a group: given with streamed rows, else taken from the array itself. */
function totals(g: DebitGroup): { count: number; sum: number } {
  if (g.count !== undefined && g.controlSum !== undefined) return { count: g.count, sum: g.controlSum };
  const debits = g.debits as DirectDebit[];
  return { count: debits.length, sum: debits.reduce((s, d) => s + d.amount, 0) };
}

const schemeId = (id: string) => `<Id><PrvtId><Othr><Id>${id}</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>`;

/** AmdmntInfDtls in the schema's order: OrgnlMndtId, OrgnlCdtrSchmeId, OrgnlDbtrAcct (SMNDA or IBAN). */
function amendment(d: DirectDebit): string {
  if (!d.originalMandateId && !d.originalIban && !d.smnda && !d.originalCreditorId) return '';
  let details = '';
  if (d.originalMandateId) details += `<OrgnlMndtId>${d.originalMandateId}</OrgnlMndtId>`;
  if (d.originalCreditorId) details += `<OrgnlCdtrSchmeId>${schemeId(d.originalCreditorId)}</OrgnlCdtrSchmeId>`;
  if (d.smnda) details += '<OrgnlDbtrAcct><Id><Othr><Id>SMNDA</Id></Othr></Id></OrgnlDbtrAcct>';
  else if (d.originalIban) details += `<OrgnlDbtrAcct><Id><IBAN>${d.originalIban}</IBAN></Id></OrgnlDbtrAcct>`;
  return `<AmdmntInd>true</AmdmntInd><AmdmntInfDtls>${details}</AmdmntInfDtls>`;
}

/** Ctry and AdrLine exist in both versions' PostalAddress with the same order; the lines are SEPA text of at most 70. */
function postalAddress(a: DirectDebit['address']): string {
  if (!a) return '';
  return `<PstlAdr><Ctry>${a.country}</Ctry>${a.lines.map((l) => `<AdrLine>${l}</AdrLine>`).join('')}</PstlAdr>`;
}

/**
 * A SEPA direct-debit initiation (pain.008.001.02 or .08), streamed in chunks. Counts and sums
 * come from the debits themselves, or from the same rows counted by the database when streamed;
 * a property test holds the two to each other.
 */
export function writePain008(file: Pain008File, emit: Emit): void {
  const bicTag = file.version === '001.02' ? 'BIC' : 'BICFI';
  const sums = file.groups.map(totals);
  const all = sums.reduce((n, t) => n + t.count, 0);
  const total = sums.reduce((n, t) => n + t.sum, 0);
  const c = file.creditor;
  emit(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.${file.version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<CstmrDrctDbtInitn><GrpHdr><MsgId>${file.messageId}</MsgId><CreDtTm>${file.createdStamp}</CreDtTm><NbOfTxs>${all}</NbOfTxs><CtrlSum>${amount(total)}</CtrlSum>` +
      `<InitgPty><Nm>${file.initiatingParty}</Nm></InitgPty></GrpHdr>\n`,
  );
  const creditorBlock =
    `<Cdtr><Nm>${c.name}</Nm></Cdtr><CdtrAcct><Id><IBAN>${c.iban}</IBAN></Id></CdtrAcct><CdtrAgt>${agent(c.bic, bicTag)}</CdtrAgt><ChrgBr>SLEV</ChrgBr>` +
    `<CdtrSchmeId>${schemeId(c.creditorId)}</CdtrSchmeId>\n`;
  const batchBooking = file.batchBooking === undefined ? '' : `<BtchBookg>${file.batchBooking}</BtchBookg>`;
  file.groups.forEach((g, i) => {
    emit(
      `<PmtInf><PmtInfId>${g.paymentInfoId}</PmtInfId><PmtMtd>DD</PmtMtd>${batchBooking}<NbOfTxs>${sums[i]!.count}</NbOfTxs><CtrlSum>${amount(sums[i]!.sum)}</CtrlSum>` +
        `<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>${g.scheme}</Cd></LclInstrm><SeqTp>${g.sequenceType}</SeqTp></PmtTpInf>` +
        `<ReqdColltnDt>${g.date}</ReqdColltnDt>${creditorBlock}`,
    );
    for (const d of g.debits) {
      emit(
        `<DrctDbtTxInf><PmtId><EndToEndId>${d.endToEndId}</EndToEndId></PmtId><InstdAmt Ccy="EUR">${amount(d.amount)}</InstdAmt>` +
          `<DrctDbtTx><MndtRltdInf><MndtId>${d.mandateId}</MndtId><DtOfSgntr>${d.signedOn}</DtOfSgntr>${amendment(d)}</MndtRltdInf></DrctDbtTx>` +
          `<DbtrAgt>${agent(d.bic, bicTag)}</DbtrAgt><Dbtr><Nm>${d.name}</Nm>${postalAddress(d.address)}</Dbtr><DbtrAcct><Id><IBAN>${d.iban}</IBAN></Id></DbtrAcct>` +
          `<RmtInf><Ustrd>${d.remittance}</Ustrd></RmtInf></DrctDbtTxInf>\n`,
      );
    }
    emit('</PmtInf>\n');
  });
  emit('</CstmrDrctDbtInitn></Document>\n');
}
