/**
 * The places under an Ntry that readEntry looks at, as the states of a small automaton over local
 * element names: the fast path follows it while it scans an entry's bytes, so that an entry is
 * read from a slot per place instead of from a tree of element nodes (5 million of them in a
 * 100 000-entry statement). State 0 is the Ntry itself; an element whose place is not listed
 * here is no state (-1) and nothing under it is kept, as readEntry never asks for it.
 */

const DETAIL = 'NtryDtls/TxDtls';
const CREDITOR_ID_HOLDERS = [`${DETAIL}/RltdPties/Cdtr`, `${DETAIL}/RltdPties/Cdtr/Pty`, `${DETAIL}/CdtrSchmeId`, `${DETAIL}/CdtrSchmeId/Pty`];

const PATHS = {
  amt: 'Amt',
  cdtDbtInd: 'CdtDbtInd',
  rvslInd: 'RvslInd',
  sts: 'Sts',
  stsCd: 'Sts/Cd',
  bookgDt: 'BookgDt',
  bookgDtDt: 'BookgDt/Dt',
  bookgDtDtTm: 'BookgDt/DtTm',
  valDt: 'ValDt',
  valDtDt: 'ValDt/Dt',
  valDtDtTm: 'ValDt/DtTm',
  acctSvcrRef: 'AcctSvcrRef',
  ntryRef: 'NtryRef',
  domain: 'BkTxCd/Domn/Cd',
  family: 'BkTxCd/Domn/Fmly/Cd',
  subFamily: 'BkTxCd/Domn/Fmly/SubFmlyCd',
  proprietary: 'BkTxCd/Prtry/Cd',
  addtlNtryInf: 'AddtlNtryInf',
  charges: 'Chrgs',
  ntryDtls: 'NtryDtls',
  btch: 'NtryDtls/Btch',
  btchNbOfTxs: 'NtryDtls/Btch/NbOfTxs',
  btchPmtInfId: 'NtryDtls/Btch/PmtInfId',
  btchMsgId: 'NtryDtls/Btch/MsgId',
  txDtls: DETAIL,
  endToEndId: `${DETAIL}/Refs/EndToEndId`,
  pmtInfId: `${DETAIL}/Refs/PmtInfId`,
  msgId: `${DETAIL}/Refs/MsgId`,
  mndtId: `${DETAIL}/Refs/MndtId`,
  refAcctSvcrRef: `${DETAIL}/Refs/AcctSvcrRef`,
  txId: `${DETAIL}/Refs/TxId`,
  txAmt: `${DETAIL}/Amt`,
  txAmtDtlsTxAmt: `${DETAIL}/AmtDtls/TxAmt/Amt`,
  txAmtDtlsInstdAmt: `${DETAIL}/AmtDtls/InstdAmt/Amt`,
  txCdtDbtInd: `${DETAIL}/CdtDbtInd`,
  txCharges: `${DETAIL}/Chrgs`,
  dbtr: `${DETAIL}/RltdPties/Dbtr`,
  dbtrNm: `${DETAIL}/RltdPties/Dbtr/Nm`,
  dbtrPty: `${DETAIL}/RltdPties/Dbtr/Pty`,
  dbtrPtyNm: `${DETAIL}/RltdPties/Dbtr/Pty/Nm`,
  dbtrIban: `${DETAIL}/RltdPties/DbtrAcct/Id/IBAN`,
  dbtrBicfi: `${DETAIL}/RltdAgts/DbtrAgt/FinInstnId/BICFI`,
  dbtrBic: `${DETAIL}/RltdAgts/DbtrAgt/FinInstnId/BIC`,
  cdtr: `${DETAIL}/RltdPties/Cdtr`,
  cdtrNm: `${DETAIL}/RltdPties/Cdtr/Nm`,
  cdtrPty: `${DETAIL}/RltdPties/Cdtr/Pty`,
  cdtrPtyNm: `${DETAIL}/RltdPties/Cdtr/Pty/Nm`,
  cdtrIban: `${DETAIL}/RltdPties/CdtrAcct/Id/IBAN`,
  cdtrBicfi: `${DETAIL}/RltdAgts/CdtrAgt/FinInstnId/BICFI`,
  cdtrBic: `${DETAIL}/RltdAgts/CdtrAgt/FinInstnId/BIC`,
  cdtrSchmeId: `${DETAIL}/CdtrSchmeId`,
  cdtrSchmeIdPty: `${DETAIL}/CdtrSchmeId/Pty`,
  ustrd: `${DETAIL}/RmtInf/Ustrd`,
  strdRef: `${DETAIL}/RmtInf/Strd/CdtrRefInf/Ref`,
  rtrInf: `${DETAIL}/RtrInf`,
  rsnCd: `${DETAIL}/RtrInf/Rsn/Cd`,
  rsnPrtry: `${DETAIL}/RtrInf/Rsn/Prtry`,
  rtrAddtlInf: `${DETAIL}/RtrInf/AddtlInf`,
} as const;

/** Where a creditor id sits in one holder (party, its Pty, CdtrSchmeId): per kind of id, the Othr's Id and scheme. */
export interface CreditorIdPlaces {
  holder: number;
  kinds: Array<{ id: number; schemeCd: number; schemePrtry: number }>;
}

const names = new Map<string, number>();
const transitions: Array<Map<number, number>> = [new Map()];
const pathOfState: string[] = ['Ntry'];

function nameId(name: string): number {
  let id = names.get(name);
  if (id === undefined) names.set(name, (id = names.size));
  return id;
}

/** The state of a path, made with the states of its prefixes when new. */
function stateOf(path: string): number {
  let state = 0;
  for (const step of path.split('/')) {
    const id = nameId(step);
    let next = transitions[state]!.get(id);
    if (next === undefined) {
      next = transitions.length;
      transitions.push(new Map());
      pathOfState.push(`${pathOfState[state]}/${step}`);
      transitions[state]!.set(id, next);
    }
    state = next;
  }
  return state;
}

export const ENTRY_STATE = Object.fromEntries(Object.entries(PATHS).map(([key, path]) => [key, stateOf(path)])) as { readonly [K in keyof typeof PATHS]: number };

export const CREDITOR_ID_PLACES: CreditorIdPlaces[] = CREDITOR_ID_HOLDERS.map((holder) => ({
  holder: stateOf(holder),
  // in readEntry's order: a private person's id before an organisation's
  kinds: ['PrvtId', 'OrgId'].map((kind) => ({
    id: stateOf(`${holder}/Id/${kind}/Othr/Id`),
    schemeCd: stateOf(`${holder}/Id/${kind}/Othr/SchmeNm/Cd`),
    schemePrtry: stateOf(`${holder}/Id/${kind}/Othr/SchmeNm/Prtry`),
  })),
}));

export const ENTRY_STATES = transitions.length;
export const ENTRY_NAMES = names.size;

/** An element name's number in the automaton, -1 for a name it never follows. */
export function entryNameId(localName: string): number {
  return names.get(localName) ?? -1;
}

/** state * ENTRY_NAMES + name → next state, -1 where the automaton does not follow. */
export const NEXT_STATE: Int16Array = (() => {
  const table = new Int16Array(ENTRY_STATES * ENTRY_NAMES).fill(-1);
  transitions.forEach((byName, state) => byName.forEach((next, id) => (table[state * ENTRY_NAMES + id] = next)));
  return table;
})();

/** 1 for places whose element makes the entry one for the tree: charges come in too many shapes to follow here. */
export const GIVE_UP_STATES = new Uint8Array(ENTRY_STATES);
GIVE_UP_STATES[ENTRY_STATE.charges] = 1;
GIVE_UP_STATES[ENTRY_STATE.txCharges] = 1;
