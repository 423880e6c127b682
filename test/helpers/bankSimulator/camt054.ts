import { balanceOf, flattenEntries, type BankAccountSpec, type BankEntry, type WrittenFile } from './model';
import { writeEntry } from './camtEntry';
import { bankReferences } from './references';
import { writeAccount, writeSummary } from './camt053';
import { isoDocumentString, leaf } from './xml';

/**
 * camt.054.001.02 BkToCstmrDbtCdtNtfctn: the debit/credit notification a bank sends for returns
 * (and batch credits). No balances: a notification says what happened, not where the account stands.
 */
export interface Camt054Options {
  account: BankAccountSpec;
  date: string;
  entries: Array<BankEntry | BankEntry[]>;
  id?: string;
  messageId?: string;
  bankReferences?: boolean;
  fileName?: string;
}

export function writeCamt054(o: Camt054Options): WrittenFile {
  const currency = o.account.currency ?? 'EUR';
  const entries = flattenEntries(o.entries);
  const { credits, debits } = balanceOf(0, entries);
  const created = `${o.date}T18:00:00`;
  const id = o.id ?? `NTF${o.date.replace(/-/g, '')}${o.account.iban.slice(-8)}`;
  const owner = { name: o.account.ownerName ?? '', iban: o.account.iban };
  const xml = isoDocumentString('camt.054.001.02', (x) => {
    x.ele('BkToCstmrDbtCdtNtfctn');
    x.ele('GrpHdr');
    leaf(x, 'MsgId', o.messageId ?? id);
    leaf(x, 'CreDtTm', created);
    x.up();
    x.ele('Ntfctn');
    leaf(x, 'Id', id);
    leaf(x, 'CreDtTm', created);
    writeAccount(x, o.account);
    writeSummary(x, entries, credits, debits);
    const refs = bankReferences(entries, o.date);
    entries.forEach((e, i) => writeEntry(x, e, { currency, date: o.date, owner, bankReference: o.bankReferences === false ? null : refs[i]! }));
    x.up();
    x.up();
  });
  return { fileName: o.fileName ?? `camt054_${o.account.iban}_${o.date}.xml`, xml, statements: [{ id, date: o.date, opening: 0, closing: credits - debits, entries: entries.length, credits, debits }] };
}
