import { needsBicAndAddress } from '../../shared/bankIdentity';
import { toSepaText } from '../../shared/sepaText';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

/**
 * The debtor's address as a bank file carries it — only for an account or a debtor outside the
 * EEA, where the EPC rulebook asks for it; inside the EEA the file stays as it was.
 */
export function debtorAddressReader(ctx: Ctx): (debtorId: number, iban: string) => { country: string; lines: string[] } | null {
  const card = stmt(ctx.db, 'SELECT country, street, postal_code AS postalCode, city FROM debtors WHERE id = ?');
  return (debtorId, iban) => {
    const d = card.get(debtorId) as { country: string; street: string | null; postalCode: string | null; city: string | null };
    if (!needsBicAndAddress(iban, d.country)) return null;
    const lines = [d.street ?? '', [d.postalCode, d.city].filter(Boolean).join(' ')].map((l) => toSepaText(l, 70)).filter(Boolean);
    return { country: d.country, lines };
  };
}
