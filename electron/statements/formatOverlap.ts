import { validationError } from '../../shared/api/errors';
import { formatDate } from '../../shared/dates';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { euro } from './euro';
import type { StatementEntry, StatementFormat } from './model';

/**
 * A treasurer who downloads both the camt.053 and the MT940 of the same days would otherwise get
 * those days twice: the two formats do not share the bank's references (ING's MT940 has none where
 * camt has AcctSvcrRef), detail entries differently, and MT940 books a return's charges as a line
 * of its own. Entry keys cannot see that, but the day's total can: both formats are the bank's full
 * account of the day, so per account and booking date, once the ledger holds that day from a file
 * of the other format, the incoming day is the same day when its total is the same (skipped as a
 * whole, whatever the number of lines), and a contradiction when it is not (the file is refused).
 * camt.052/054 are partial (intraday, notifications) and take part only through the keys.
 */
const OTHER_FORMAT: Partial<Record<StatementFormat, StatementFormat>> = { 'camt.053': 'mt940', mt940: 'camt.053' };

export interface SkippedDay {
  account: string;
  date: string;
  /** the format the day was imported from before */
  importedFrom: string;
  entries: number;
  explanation: { nl: string; en: string };
}

interface PlannedDay {
  statement: { account: string; entries: StatementEntry[] };
  account: { id: number };
  preSettlement: boolean;
}

export interface DayOverlap {
  skipped: SkippedDay[];
  /** whether entry i of planned statement si belongs to a day already imported from the other format */
  skips(si: number, i: number): boolean;
}

const NONE: DayOverlap = { skipped: [], skips: () => false };

/** Throws (nothing written yet) when a day contradicts the other format's; else says which days to skip. */
export function daysFromOtherFormat(ctx: Ctx, format: StatementFormat, planned: PlannedDay[]): DayOverlap {
  const other = OTHER_FORMAT[format];
  if (!other || !stmt(ctx.db, 'SELECT 1 FROM statement_files WHERE format = ? LIMIT 1').get(other)) return NONE;
  const incoming = new Map<string, { account: string; accountId: number; date: string; sum: number; count: number }>();
  planned.forEach((p) => {
    if (p.preSettlement) return;
    for (const e of p.statement.entries) {
      const k = `${p.account.id}|${e.bookingDate}`;
      const day = incoming.get(k) ?? { account: p.statement.account, accountId: p.account.id, date: e.bookingDate, sum: 0, count: 0 };
      day.sum += e.amount;
      day.count++;
      incoming.set(k, day);
    }
  });
  const fromOther = stmt(
    ctx.db,
    `SELECT 1 FROM statement_entries e JOIN bank_statements s ON s.id = e.statement_id JOIN statement_files f ON f.id = s.file_id
      WHERE e.bank_account_id = ? AND e.booking_date = ? AND f.format = ? LIMIT 1`,
  );
  const ledgerDay = stmt(
    ctx.db,
    `SELECT COALESCE(SUM(e.amount), 0) AS sum, COUNT(*) AS count FROM statement_entries e JOIN bank_statements s ON s.id = e.statement_id JOIN statement_files f ON f.id = s.file_id
      WHERE e.bank_account_id = ? AND e.booking_date = ? AND f.format <> 'pain.002'`,
  );
  const skippedDays = new Set<string>();
  const skipped: SkippedDay[] = [];
  for (const [k, day] of incoming) {
    if (!fromOther.get(day.accountId, day.date, other)) continue;
    const have = ledgerDay.get(day.accountId, day.date) as { sum: number; count: number };
    const when = formatDate(day.date);
    if (have.sum !== day.sum) {
      throw validationError(
        'content',
        'other_format_total',
        `Rekening ${day.account}, ${when}: deze dag is al ingelezen uit een ${other}-bestand met een ander totaal (${euro(have.sum)} in ${have.count} regels; dit ${format}-bestand: ${euro(day.sum)} in ${day.count} regels). Controleer welk bestand klopt. Er is niets ingelezen`,
        `Account ${day.account}, ${when}: this day was already imported from a ${other} file with a different total (${euro(have.sum, 'en')} in ${have.count} entries; this ${format} file: ${euro(day.sum, 'en')} in ${day.count} entries). Check which file is right. Nothing was imported`,
      );
    }
    skippedDays.add(k);
    const lines = have.count === day.count ? { nl: '', en: '' } : { nl: ` (${have.count} regels tegen ${day.count} hier: MT940 boekt kosten als aparte regels)`, en: ` (${have.count} entries against ${day.count} here: MT940 books charges as entries of their own)` };
    skipped.push({
      account: day.account,
      date: day.date,
      importedFrom: other,
      entries: day.count,
      explanation: {
        nl: `${when} van ${day.account} is al ingelezen uit een ${other}-bestand met hetzelfde totaal (${euro(day.sum)})${lines.nl}; de ${day.count} regels van die dag zijn overgeslagen`,
        en: `${when} of ${day.account} was already imported from a ${other} file with the same total (${euro(day.sum, 'en')})${lines.en}; that day's ${day.count} entries were skipped`,
      },
    });
  }
  if (skipped.length === 0) return NONE;
  return { skipped, skips: (si, i) => !planned[si]!.preSettlement && skippedDays.has(`${planned[si]!.account.id}|${planned[si]!.statement.entries[i]!.bookingDate}`) };
}
