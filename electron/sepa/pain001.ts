import { type Emit, agent, amount } from './parts';

export type Pain001Version = '001.03' | '001.09';

export interface CreditTransfer {
  endToEndId: string;
  amount: number;
  name: string;
  iban: string;
  bic: string | null;
  remittance: string;
}

export interface Pain001File {
  version: Pain001Version;
  messageId: string;
  createdStamp: string;
  initiatingParty: string;
  paymentInfoId: string;
  executionDate: string;
  debtor: { name: string; iban: string; bic: string | null };
  /** BtchBookg; undefined for batches saved before the setting */
  batchBooking?: boolean;
  transfers: CreditTransfer[];
}

/** A SEPA credit transfer initiation (pain.001.001.03 or .09): the club pays members back. */
export function writePain001(file: Pain001File, emit: Emit): void {
  const bicTag = file.version === '001.03' ? 'BIC' : 'BICFI';
  const total = amount(file.transfers.reduce((s, t) => s + t.amount, 0));
  const n = file.transfers.length;
  const date = file.version === '001.03' ? `<ReqdExctnDt>${file.executionDate}</ReqdExctnDt>` : `<ReqdExctnDt><Dt>${file.executionDate}</Dt></ReqdExctnDt>`;
  const d = file.debtor;
  emit(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.${file.version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<CstmrCdtTrfInitn><GrpHdr><MsgId>${file.messageId}</MsgId><CreDtTm>${file.createdStamp}</CreDtTm><NbOfTxs>${n}</NbOfTxs><CtrlSum>${total}</CtrlSum>` +
      `<InitgPty><Nm>${file.initiatingParty}</Nm></InitgPty></GrpHdr>\n` +
      `<PmtInf><PmtInfId>${file.paymentInfoId}</PmtInfId><PmtMtd>TRF</PmtMtd>${file.batchBooking === undefined ? '' : `<BtchBookg>${file.batchBooking}</BtchBookg>`}<NbOfTxs>${n}</NbOfTxs><CtrlSum>${total}</CtrlSum>` +
      `<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>${date}` +
      `<Dbtr><Nm>${d.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${d.iban}</IBAN></Id></DbtrAcct><DbtrAgt>${agent(d.bic, bicTag)}</DbtrAgt><ChrgBr>SLEV</ChrgBr>\n`,
  );
  for (const t of file.transfers) {
    emit(
      `<CdtTrfTxInf><PmtId><EndToEndId>${t.endToEndId}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">${amount(t.amount)}</InstdAmt></Amt>` +
        (t.bic ? `<CdtrAgt>${agent(t.bic, bicTag)}</CdtrAgt>` : '') +
        `<Cdtr><Nm>${t.name}</Nm></Cdtr><CdtrAcct><Id><IBAN>${t.iban}</IBAN></Id></CdtrAcct><RmtInf><Ustrd>${t.remittance}</Ustrd></RmtInf></CdtTrfTxInf>\n`,
    );
  }
  emit('</PmtInf></CstmrCdtTrfInitn></Document>\n');
}
