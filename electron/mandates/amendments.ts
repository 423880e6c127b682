import { sameBank } from '../../shared/bankIdentity';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

/** What a debit reports of a changed mandate (AmdmntInfDtls), as the debtor's bank last saw it. */
export interface Amendment {
  originalMandateReference: string | null;
  /** also kept when the debtor moved bank (smnda), so a cancelled batch can give it back */
  originalIban: string | null;
  smnda: boolean;
  originalCreditorId: string | null;
}

export const NO_AMENDMENT: Amendment = { originalMandateReference: null, originalIban: null, smnda: false, originalCreditorId: null };

export interface MandateState {
  id: number;
  reference: string;
  lastCollectedOn: string | null;
  originalReference: string | null;
  originalIban: string | null;
  amendmentPending: number;
}

/**
 * The originals come from the last debit of the mandate in a batch that still stands: that is
 * what the bank saw. So a reported amendment is never reported again, a change made while a batch
 * is out is still reported when that batch is cancelled, and a new creditor id is reported once
 * per mandate. A mandate collected before Penning kept its ledger (imported, demo) has no such
 * debit: then the originals recorded on the mandate at the change stand in.
 */
export function amendmentReader(ctx: Ctx, creditorId: string): (mandate: MandateState, debtor: { iban: string; bic: string | null }) => Amendment {
  const lastSeen = stmt(
    ctx.db,
    `SELECT t.mandate_reference AS reference, t.iban, t.bic, b.header FROM batch_transactions t JOIN batches b ON b.id = t.batch_id
      WHERE t.mandate_id = ? AND b.kind = 'collection' AND b.status = 'saved' ORDER BY t.id DESC LIMIT 1`,
  );
  return (mandate, debtor) => {
    if (mandate.lastCollectedOn === null) return NO_AMENDMENT; // the bank has never seen this mandate
    const seen = lastSeen.get(mandate.id) as { reference: string; iban: string; bic: string | null; header: string } | undefined;
    const before = seen
      ? { reference: seen.reference, iban: seen.iban, bic: seen.bic, creditorId: (JSON.parse(seen.header) as { creditorId: string }).creditorId }
      : mandate.amendmentPending === 1
        ? { reference: mandate.originalReference ?? mandate.reference, iban: mandate.originalIban ?? debtor.iban, bic: null, creditorId }
        : null;
    if (!before) return NO_AMENDMENT;
    const ibanChanged = before.iban !== debtor.iban;
    return {
      originalMandateReference: before.reference !== mandate.reference ? before.reference : null,
      originalIban: ibanChanged ? before.iban : null,
      smnda: ibanChanged && !sameBank(before, debtor),
      originalCreditorId: before.creditorId && before.creditorId !== creditorId ? before.creditorId : null,
    };
  };
}

/**
 * A cancelled batch hands each of its mandates back as the remaining batches leave it: the last
 * use is the newest debit that still stands (or the state before Penning's first debit), so
 * cancelling an older batch never rewinds a mandate a newer batch used — no FRST after RCUR, no
 * expiry although it was used last month. Amendments then follow from what still stands; a
 * mandate with nothing left standing gets back the originals this batch reported.
 */
export function restoreMandatesAfterCancel(ctx: Ctx, batchId: number): void {
  const firstOfMandate = stmt(
    ctx.db,
    `SELECT mandate_id AS mandateId, MIN(id) AS txId FROM batch_transactions WHERE batch_id = ? AND mandate_id IS NOT NULL GROUP BY mandate_id`,
  ).all(batchId) as { mandateId: number; txId: number }[];
  const newestStanding = stmt(
    ctx.db,
    `SELECT MAX(t.date) AS date FROM batch_transactions t JOIN batches b ON b.id = t.batch_id WHERE t.mandate_id = ? AND b.status = 'saved' AND b.id <> ?`,
  );
  const beforePenning = stmt(ctx.db, 'SELECT previous_last_collected_on AS last FROM batch_transactions WHERE mandate_id = ? ORDER BY id LIMIT 1');
  const reported = stmt(ctx.db, 'SELECT original_mandate_reference AS reference, original_iban AS iban FROM batch_transactions WHERE id = ?');
  const mandate = stmt(ctx.db, 'SELECT m.reference, m.original_reference AS originalReference, m.original_iban AS originalIban, d.iban FROM mandates m JOIN debtors d ON d.id = m.debtor_id WHERE m.id = ?');
  const update = stmt(ctx.db, 'UPDATE mandates SET last_collected_on = ?, original_reference = ?, original_iban = ?, amendment_pending = ? WHERE id = ?');
  for (const { mandateId, txId } of firstOfMandate) {
    const standing = (newestStanding.get(mandateId, batchId) as { date: string | null }).date;
    const last = standing ?? (beforePenning.get(mandateId) as { last: string | null }).last;
    const m = mandate.get(mandateId) as { reference: string; originalReference: string | null; originalIban: string | null; iban: string | null };
    let reference = m.originalReference;
    let iban = m.originalIban;
    if (last === null) {
      reference = iban = null; // never collected after all: the bank knows no old values
    } else if (standing === null) {
      const r = reported.get(txId) as { reference: string | null; iban: string | null };
      reference = r.reference ?? reference;
      iban = r.iban ?? iban;
    }
    if (reference === m.reference) reference = null;
    if (iban === m.iban) iban = null;
    update.run(last, reference, iban, reference !== null || iban !== null ? 1 : 0, mandateId);
  }
}
