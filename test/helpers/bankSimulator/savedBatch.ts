import { call } from '../../../electron/api';
import type { Ctx } from '../../../electron/context';
import { readSentFile, type SentFile, type SentGroup, type SentTransaction } from './painFile';

/**
 * A saved batch as the bank received it (its pain files), joined with who is who in the ledger
 * (debtor ids), which only the tests need for their expectations.
 */
export interface BatchTransaction extends SentTransaction {
  batchId: number;
  batchReference: string;
  debtorId: number;
  debtorNumber: string;
  /** the documents (invoice numbers) the debit or refund pays, as the ledger lists them */
  documents: string | null;
  creditorId: string | null;
}

export interface SavedBatch {
  id: number;
  kind: 'collection' | 'refund';
  reference: string;
  account: string;
  accountHolder: string;
  creditorId: string | null;
  files: Array<SentFile & { fileNo: number; fileName: string }>;
  groups: Array<SentGroup & { messageId: string }>;
  transactions: BatchTransaction[];
  total: number;
}

const PAGE = 5000;

export function loadBatch(ctx: Ctx, batchId: number): SavedBatch {
  const first = call(ctx, 'batches.get', { id: batchId, limit: PAGE, offset: 0 });
  const ledgerTxs = [...first.transactions];
  while (ledgerTxs.length < first.batch.transactionCount) {
    const page = call(ctx, 'batches.get', { id: batchId, limit: PAGE, offset: ledgerTxs.length });
    if (page.transactions.length === 0) break;
    ledgerTxs.push(...page.transactions);
  }
  const byE2e = new Map(ledgerTxs.map((t) => [t.endToEndId, t]));
  const files: SavedBatch['files'] = [];
  for (let fileNo = 1; fileNo <= first.batch.fileCount; fileNo++) {
    const f = call(ctx, 'batches.file', { id: batchId, fileNo });
    files.push({ ...readSentFile(f.xml), fileNo, fileName: f.fileName });
  }
  const creditorId = files.find((f) => f.creditorId)?.creditorId ?? null;
  const transactions: BatchTransaction[] = files.flatMap((f) =>
    f.transactions.map((t) => {
      const known = byE2e.get(t.endToEndId);
      if (!known) throw new Error(`bank simulator: ${t.endToEndId} is in the file but not in batch ${first.batch.reference}`);
      return { ...t, batchId, batchReference: first.batch.reference, debtorId: known.debtorId, debtorNumber: known.debtorNumber, documents: known.documents, creditorId: f.creditorId };
    }),
  );
  return {
    id: batchId,
    kind: first.batch.kind,
    reference: first.batch.reference,
    account: files[0]?.account ?? first.batch.bankAccountIban,
    accountHolder: files[0]?.accountHolder ?? '',
    creditorId,
    files,
    groups: files.flatMap((f) => f.groups.map((g) => ({ ...g, messageId: f.messageId }))),
    transactions,
    total: transactions.reduce((s, t) => s + t.amount, 0),
  };
}
