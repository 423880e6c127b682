import type Database from 'better-sqlite3';
import { subLedgerMismatches, unbalancedEntries } from './checks';

/**
 * The checks every open runs before the ledger may be written: SQLite's own page check, then the
 * two invariants of the books (every entry balances; per debtor the open items add up to the
 * control account). Each problem is one line in Dutch and English; none means healthy.
 */
export interface Problem {
  nl: string;
  en: string;
}

const MAX_LINES = 5;

export function pageProblems(db: Database.Database): Problem[] {
  let rows: string[];
  try {
    rows = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (e) {
    return [{ nl: `SQLite kan het bestand niet controleren: ${(e as Error).message}`, en: `SQLite cannot check the file: ${(e as Error).message}` }];
  }
  if (rows.length === 1 && rows[0] === 'ok') return [];
  return rows.slice(0, MAX_LINES).map((r) => ({ nl: `SQLite-controle: ${r}`, en: `SQLite check: ${r}` }));
}

export function bookProblems(db: Database.Database): Problem[] {
  try {
    const problems: Problem[] = [];
    for (const e of unbalancedEntries(db).slice(0, MAX_LINES)) {
      problems.push({ nl: `Boeking ${e.entryId} is niet in evenwicht (debet ${e.debit}, credit ${e.credit} cent)`, en: `Entry ${e.entryId} does not balance (debit ${e.debit}, credit ${e.credit} cents)` });
    }
    for (const m of subLedgerMismatches(db).slice(0, MAX_LINES)) {
      problems.push({
        nl: `Debiteur ${m.debtorId}: openstaande posten ${m.items} cent, maar de rekening Debiteuren zegt ${m.control} cent`,
        en: `Debtor ${m.debtorId}: open items ${m.items} cents, but the receivables account says ${m.control} cents`,
      });
    }
    return problems;
  } catch (e) {
    return [{ nl: `De boekhouding kan niet worden gecontroleerd: ${(e as Error).message}`, en: `The books cannot be checked: ${(e as Error).message}` }];
  }
}
