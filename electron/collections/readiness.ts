import type { Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { stmt } from '../preparedStatements';

export interface ReadinessCheck {
  key: 'creditorId' | 'bankAccount' | 'interimAccount' | 'journal' | 'debtors';
  ok: boolean;
  /** what is there, or what is missing, in the treasurer's words */
  detail: { nl: string; en: string };
  /** where to fix it: a route of the app */
  fix: string;
}

/** What a first collection run needs, checked the same way before the wizard and inside it. */
export function collectionReadiness(ctx: Ctx): ReadinessCheck[] {
  const s = getSettings(ctx);
  const banks = s.bankAccounts.filter((b) => b.active && b.collection);
  const interim = stmt(
    ctx.db,
    "SELECT a.code, a.name, a.active FROM account_roles r JOIN accounts a ON a.id = r.account_id WHERE r.role = 'collectionInTransit'",
  ).get() as { code: string; name: string; active: number } | undefined;
  const journal = stmt(ctx.db, "SELECT code, name FROM journals WHERE kind = 'collection' ORDER BY id LIMIT 1").get() as { code: string; name: string } | undefined;
  const counts = stmt(
    ctx.db,
    `SELECT COUNT(*) AS total,
            SUM(d.payment_method = 'direct_debit' AND d.collect = 1 AND d.iban IS NOT NULL
                AND EXISTS (SELECT 1 FROM mandates m WHERE m.debtor_id = d.id AND m.status = 'active')) AS ready
       FROM debtors d`,
  ).get() as { total: number; ready: number | null };
  const ready = counts.ready ?? 0;
  return [
    {
      key: 'creditorId',
      ok: s.creditorId !== null,
      detail: s.creditorId ? { nl: s.creditorId, en: s.creditorId } : { nl: 'Het incassant-ID ontbreekt (u krijgt het van uw bank)', en: 'The creditor identifier is missing (your bank issues it)' },
      fix: 'instellingen/organisation',
    },
    {
      key: 'bankAccount',
      ok: banks.length > 0,
      detail: banks.length
        ? { nl: banks.map((b) => `${b.name} (${b.iban})`).join(', '), en: banks.map((b) => `${b.name} (${b.iban})`).join(', ') }
        : { nl: 'Geen bankrekening staat aan voor incasso', en: 'No bank account is enabled for collection' },
      fix: 'instellingen/bankAccounts',
    },
    {
      key: 'interimAccount',
      ok: interim !== undefined && interim.active === 1,
      detail: interim ? { nl: `${interim.code} ${interim.name}`, en: `${interim.code} ${interim.name}` } : { nl: 'Geen rekening met de rol Incasso onderweg', en: 'No account has the role Collection in transit' },
      fix: 'instellingen/chart',
    },
    {
      key: 'journal',
      ok: journal !== undefined,
      detail: journal ? { nl: `${journal.code} ${journal.name}`, en: `${journal.code} ${journal.name}` } : { nl: 'Geen incassodagboek', en: 'No collection journal' },
      fix: 'instellingen/journals',
    },
    {
      key: 'debtors',
      ok: ready > 0,
      detail: {
        nl: `${ready} van ${counts.total} debiteuren hebben automatische incasso, een IBAN en een actieve machtiging`,
        en: `${ready} of ${counts.total} debtors have direct debit, an IBAN and an active mandate`,
      },
      fix: 'debiteuren',
    },
  ];
}
