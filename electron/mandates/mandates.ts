import type { MandateT } from '../../shared/api/contract';
import { addMonths, formatDate } from '../../shared/dates';
import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

/** SEPA: a recurring mandate unused for 36 months may no longer be collected on. */
export const MANDATE_EXPIRY_MONTHS = 36;

const MANDATE_SELECT = `SELECT id, debtor_id AS debtorId, reference, signed_on AS signedOn, type, scheme, status,
        ended_on AS endedOn, last_collected_on AS lastCollectedOn, original_reference AS originalReference,
        original_iban AS originalIban, amendment_pending AS amendmentPending
   FROM mandates`;

type MandateRow = Omit<MandateT, 'amendmentPending'> & { amendmentPending: number };
const fromRow = (r: MandateRow): MandateT => ({ ...r, amendmentPending: r.amendmentPending === 1 });

export function getMandate(ctx: Ctx, id: number): MandateT {
  const row = stmt(ctx.db, `${MANDATE_SELECT} WHERE id = ?`).get(id) as MandateRow | undefined;
  if (!row) throw notFoundError({ nl: `Machtiging ${id}`, en: `Mandate ${id}` }, 'id');
  return fromRow(row);
}

export function listMandates(ctx: Ctx, debtorId: number): MandateT[] {
  return (stmt(ctx.db, `${MANDATE_SELECT} WHERE debtor_id = ? ORDER BY id DESC`).all(debtorId) as MandateRow[]).map(fromRow);
}

export interface MandateInput {
  id?: number;
  debtorId: number;
  reference: string;
  signedOn: string;
  type: 'recurring' | 'one_off';
  scheme: 'CORE' | 'B2B';
}

export function saveMandate(ctx: Ctx, input: MandateInput): MandateT {
  const debtor = stmt(ctx.db, 'SELECT kind FROM debtors WHERE id = ?').get(input.debtorId) as { kind: 'person' | 'business' } | undefined;
  if (!debtor) throw notFoundError({ nl: `Debiteur ${input.debtorId}`, en: `Debtor ${input.debtorId}` }, 'debtorId');
  if (input.scheme === 'B2B' && debtor.kind !== 'business') {
    throw validationError('scheme', 'b2b_business_only', 'Een B2B-machtiging is alleen voor een organisatie of bedrijf; zet de debiteur op "organisatie" of kies CORE', 'A B2B mandate is only for an organisation or business; mark the debtor as an organisation or choose CORE');
  }
  if (input.signedOn > ctx.today()) {
    throw validationError('signedOn', 'future', `Ondertekend op ${formatDate(input.signedOn)} ligt in de toekomst`, `Signed on ${formatDate(input.signedOn)} is in the future`);
  }
  if (stmt(ctx.db, 'SELECT 1 FROM mandates WHERE reference = ? AND id IS NOT ?').get(input.reference, input.id ?? null)) {
    throw validationError('reference', 'unique', `Machtigingskenmerk ${input.reference} is al in gebruik`, `Mandate reference ${input.reference} is already in use`);
  }
  if (input.id === undefined) {
    const active = stmt(ctx.db, "SELECT reference FROM mandates WHERE debtor_id = ? AND scheme = ? AND status = 'active'").get(input.debtorId, input.scheme) as
      | { reference: string }
      | undefined;
    if (active) {
      throw conflictError('active_mandate_exists', `Deze debiteur heeft al een actieve ${input.scheme}-machtiging (${active.reference}); trek die eerst in`, `This debtor already has an active ${input.scheme} mandate (${active.reference}); revoke it first`, 'reference');
    }
    const id = Number(
      stmt(ctx.db, 'INSERT INTO mandates (debtor_id, reference, signed_on, type, scheme) VALUES (?, ?, ?, ?, ?)').run(input.debtorId, input.reference, input.signedOn, input.type, input.scheme).lastInsertRowid,
    );
    return getMandate(ctx, id);
  }
  const current = getMandate(ctx, input.id);
  if (current.debtorId !== input.debtorId) throw validationError('debtorId', 'immutable', 'Een machtiging hoort bij één debiteur', 'A mandate belongs to one debtor');
  if (current.status !== 'active') throw conflictError('not_active', 'Een ingetrokken of verlopen machtiging kan niet meer worden gewijzigd', 'A revoked or expired mandate can no longer be changed', 'id');
  stmt(ctx.db, 'UPDATE mandates SET reference = ?, signed_on = ?, type = ?, scheme = ? WHERE id = ?').run(input.reference, input.signedOn, input.type, input.scheme, input.id);
  if (current.reference !== input.reference) recordAmendment(ctx, current, 'original_reference', current.reference, input.reference);
  return getMandate(ctx, input.id);
}

/**
 * Keeps what the next collection must report after a change (SEPA AmdmntInfDtls): the value as the
 * debtor's bank last saw it. A second change before that collection keeps the first original; a
 * change back to the original cancels the amendment.
 */
function recordAmendment(ctx: Ctx, mandate: MandateT, column: 'original_reference' | 'original_iban', before: string | null, after: string | null): void {
  if (mandate.lastCollectedOn === null || before === null) return; // never collected: the bank knows no old value
  const original = column === 'original_reference' ? mandate.originalReference : mandate.originalIban;
  const kept = original ?? before;
  stmt(ctx.db, `UPDATE mandates SET ${column} = ? WHERE id = ?`).run(kept === after ? null : kept, mandate.id);
  stmt(ctx.db, 'UPDATE mandates SET amendment_pending = (original_reference IS NOT NULL OR original_iban IS NOT NULL) WHERE id = ?').run(mandate.id);
}

export function recordIbanAmendment(ctx: Ctx, debtorId: number, before: string | null, after: string | null): void {
  for (const m of listMandates(ctx, debtorId).filter((x) => x.status === 'active')) recordAmendment(ctx, m, 'original_iban', before, after);
}

/**
 * A signed mandate is meant to be collected on: for a member who still pays by transfer the
 * result offers the switch, and makes it when asked (the card then needs an IBAN, as always).
 */
export function saveMandateForCollection(ctx: Ctx, input: MandateInput & { switchToDirectDebit: boolean }) {
  const mandate = saveMandate(ctx, input);
  const debtor = stmt(ctx.db, 'SELECT number, name, payment_method AS method, iban FROM debtors WHERE id = ?').get(input.debtorId) as { number: string; name: string; method: string; iban: string | null };
  let paymentMethod = debtor.method as 'direct_debit' | 'transfer';
  if (mandate.status === 'active' && paymentMethod === 'transfer' && input.switchToDirectDebit) {
    if (!debtor.iban) throw validationError('switchToDirectDebit', 'required_for_direct_debit', `${debtor.name} (${debtor.number}) heeft geen IBAN; vul die eerst in op de debiteurkaart`, `${debtor.name} (${debtor.number}) has no IBAN; fill it in on the debtor card first`);
    stmt(ctx.db, "UPDATE debtors SET payment_method = 'direct_debit', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(input.debtorId);
    paymentMethod = 'direct_debit';
  }
  const offered = mandate.status === 'active' && paymentMethod === 'transfer';
  return {
    ...mandate,
    paymentMethod,
    switchToDirectDebitOffered: offered,
    message: offered
      ? {
          nl: `${debtor.name} (${debtor.number}) betaalt per overboeking: de machtiging ${mandate.reference} wordt pas gebruikt als de betaalwijze incasso is. Betaalwijze op incasso zetten?`,
          en: `${debtor.name} (${debtor.number}) pays by transfer: mandate ${mandate.reference} is only used once the payment method is direct debit. Switch the payment method to direct debit?`,
        }
      : null,
  };
}

export function revokeMandate(ctx: Ctx, id: number, date: string | undefined): MandateT {
  const m = getMandate(ctx, id);
  if (m.status !== 'active') throw conflictError('not_active', `Machtiging ${m.reference} is al beëindigd`, `Mandate ${m.reference} has already ended`, 'id');
  stmt(ctx.db, "UPDATE mandates SET status = 'revoked', ended_on = ? WHERE id = ?").run(date ?? ctx.today(), id);
  return getMandate(ctx, id);
}

export function expireStaleMandates(ctx: Ctx, today: string = ctx.today()): { expired: string[] } {
  const cutoff = addMonths(today, -MANDATE_EXPIRY_MONTHS);
  const stale = stmt(
    ctx.db,
    "SELECT id, reference FROM mandates WHERE status = 'active' AND type = 'recurring' AND COALESCE(last_collected_on, signed_on) <= ?",
  ).all(cutoff) as { id: number; reference: string }[];
  const expire = stmt(ctx.db, "UPDATE mandates SET status = 'expired', ended_on = ? WHERE id = ?");
  for (const m of stale) expire.run(today, m.id);
  return { expired: stale.map((m) => m.reference) };
}
