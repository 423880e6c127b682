import { formatDate } from '../../../shared/dates';
import { reasonLabel } from '../../../shared/returnReasons';
import type { Ctx } from '../../context';
import { accountForRole } from '../../ledger/chart';
import { postEntry, type PostingLine } from '../../ledger/post';
import { journalOfKind } from '../../collections/numbering';
import { stmt } from '../../preparedStatements';
import { type EntryToMatch, explainUnmatched, type NewAllocation, recordMatch, type Text } from '../entryRecord';
import type { EntryDetail } from '../model';
import { euro } from '../euro';
import { portionsOf, reopenPortions } from './reopenPortions';
import { flushWrites } from '../writeBehind';

interface RefundTx {
  id: number;
  batchId: number;
  reference: string;
  debtorId: number;
  debtorName: string;
  debtorNumber: string;
  amount: number;
  iban: string;
  returned: number;
}

/**
 * Our own refund coming back: the member's bank returned the credit transfer (account closed,
 * holder deceased, IBAN wrong), a credit carrying our end-to-end id. The member's credit is owed
 * again, so the booking undoes what paying it out did to Debiteuren: Bank / Debiteuren, and the
 * items the refund settled are open credits again (a new credit item when one moved on meanwhile),
 * to be paid back once the treasurer has the right account. It runs before member transfers: by
 * IBAN and amount such a credit looks exactly like the member paying.
 */
export function matchRefundReturn(ctx: Ctx, m: EntryToMatch): boolean {
  const e = m.entry;
  if (e.amount <= 0 || m.preSettlement) return false;
  const details = e.details.filter((d) => d.endToEndId);
  if (details.length === 0) return false;
  flushWrites(ctx);
  const q = stmt(
    ctx.db,
    `SELECT t.id, t.batch_id AS batchId, b.reference, t.debtor_id AS debtorId, d.name AS debtorName, d.number AS debtorNumber, t.amount, t.iban,
            EXISTS (SELECT 1 FROM refund_returns r WHERE r.transaction_id = t.id) AS returned
       FROM batch_transactions t JOIN batches b ON b.id = t.batch_id JOIN debtors d ON d.id = t.debtor_id
      WHERE t.end_to_end_id = ? AND b.kind = 'refund' AND b.status <> 'cancelled'`,
  );
  const found = details.map((d) => ({ d, tx: q.get(d.endToEndId) as RefundTx | undefined }));
  if (found.every((f) => !f.tx)) return false;
  const unknown = found.find((f) => !f.tx);
  if (unknown) {
    explainUnmatched(ctx, m.id, {
      nl: `Teruggekomen betalingen, deels van een terugbetaling van Penning en deels onbekend (end-to-end-id ${unknown.d.endToEndId}); verwerk met de hand`,
      en: `Returned payments, partly of a Penning refund and partly unknown (end-to-end id ${unknown.d.endToEndId}); handle by hand`,
    });
    return true;
  }
  const txs = found.map((f) => ({ d: f.d, tx: f.tx! }));
  const again = txs.find((x) => x.tx.returned === 1);
  if (again) {
    explainUnmatched(ctx, m.id, {
      nl: `Terugbetaling ${again.d.endToEndId} is al eerder teruggekomen; deze regel is niet automatisch verwerkt`,
      en: `Refund ${again.d.endToEndId} already came back before; this entry was not processed automatically`,
    });
    return true;
  }
  const sent = txs.reduce((s, x) => s + x.tx.amount, 0);
  const charges = sent - e.amount;
  if (charges < 0) {
    explainUnmatched(ctx, m.id, {
      nl: `Er kwam ${euro(e.amount)} terug, meer dan de ${euro(sent)} die werd terugbetaald; controleer en verwerk met de hand`,
      en: `${euro(e.amount, 'en')} came back, more than the ${euro(sent, 'en')} refunded; check and handle by hand`,
    });
    return true;
  }

  const refs = [...new Set(txs.map((x) => x.tx.reference))].join(', ');
  const description = `Terugbetaling ${refs} teruggekomen`;
  const receivables = accountForRole(ctx, 'receivables');
  const lines: PostingLine[] = [{ accountId: m.bankLedgerAccountId, debit: e.amount, credit: 0, description }];
  if (charges > 0) lines.push({ accountId: accountForRole(ctx, 'bankCosts'), debit: charges, credit: 0, description: `Kosten teruggekomen terugbetaling ${refs}` });
  for (const { tx } of txs) lines.push({ accountId: receivables, debtorId: tx.debtorId, debit: 0, credit: tx.amount, description });
  const entryId = postEntry(ctx, { journalCode: journalOfKind(ctx, 'bank'), date: e.bookingDate, description, sourceType: 'statement_entry', sourceId: String(m.id), lines });

  const allocations: NewAllocation[] = [];
  const texts: Text[] = [];
  for (const { d, tx } of txs) {
    texts.push(reopenCredit(ctx, m, d, tx, entryId));
    allocations.push({ kind: 'credit', amount: tx.amount, batchId: tx.batchId, transactionId: tx.id });
  }
  if (charges > 0) allocations.push({ kind: 'charges', amount: -charges, accountId: accountForRole(ctx, 'bankCosts') });
  const chargesText = charges > 0 ? { nl: `; kosten ${euro(charges)} naar Bankkosten`, en: `; charges ${euro(charges, 'en')} to bank costs` } : { nl: '', en: '' };
  recordMatch(
    ctx,
    m.id,
    'refund',
    {
      nl: `Terugbetaling ${refs} teruggekomen van de bank van de ontvanger, gevonden op end-to-end-id — ${texts.map((x) => x.nl).join(' · ')}${chargesText.nl}`,
      en: `Refund ${refs} sent back by the beneficiary's bank, found by end-to-end id — ${texts.map((x) => x.en).join(' · ')}${chargesText.en}`,
    },
    entryId,
    allocations,
  );
  return true;
}

/** The items the refund settled are the member's credit again; the refund is marked returned with why. */
function reopenCredit(ctx: Ctx, m: EntryToMatch, d: EntryDetail, tx: RefundTx, entryId: number): Text {
  const code = d.returnInfo?.reasonCode ?? null;
  const label = reasonLabel(code);
  const date = m.entry.bookingDate;
  const why = `${label.nl}${code ? ` (${code})` : ''}${d.returnInfo?.reasonText ? ` — ${d.returnInfo.reasonText}` : ''}`;
  const history = `Terugbetaling ${tx.reference} naar ${tx.iban} teruggekomen op ${formatDate(date)}: ${why}. Het tegoed staat weer open; controleer het IBAN en betaal opnieuw terug`;
  reopenPortions(ctx, tx, portionsOf(ctx, tx.id), ['refunded'], { kind: 'refund_returned', text: history, reason: code, entryId, date }, { document: `RETOUR-${tx.reference}`, description: `Teruggekomen terugbetaling ${tx.reference}` });
  stmt(ctx.db, 'INSERT INTO refund_returns (statement_entry_id, transaction_id, debtor_id, date, amount, reason_code, reason_text, journal_entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    m.id, tx.id, tx.debtorId, date, tx.amount, code, d.returnInfo?.reasonText ?? null, entryId,
  );
  return {
    nl: `${tx.debtorName} (${tx.debtorNumber}): ${why}; tegoed ${euro(tx.amount)} staat weer open, controleer het IBAN en betaal opnieuw terug`,
    en: `${tx.debtorName} (${tx.debtorNumber}): ${label.en}${code ? ` (${code})` : ''}; credit ${euro(tx.amount, 'en')} is open again, check the IBAN and refund again`,
  };
}
