import { isIsoDate } from '../../shared/dates';
import { notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { fixedLookup } from '../fixedLookups';
import { stmt } from '../preparedStatements';
import { postGathered } from './gatheredEntry';
import { RowBuffer } from '../rowBuffer';

const LINE_COLUMNS = ['entry_id', 'line_no', 'account_id', 'debtor_id', 'debit', 'credit', 'description'] as const;

export interface PostingLine {
  accountId: number;
  debtorId?: number | null;
  debit: number;
  credit: number;
  description?: string | null;
}

export interface Posting {
  journalCode: string;
  date: string;
  description: string;
  sourceType?: string | null;
  sourceId?: string | null;
  reversesEntryId?: number | null;
  lines: PostingLine[];
}

/**
 * Posts one journal entry: checks that it balances and that every line is well-formed, numbers it
 * within its journal and year (no gaps), and writes entry and lines in one transaction. Every
 * domain module books through here, so these rules hold for the whole ledger. `gatheredId`: the id
 * handed out in advance to an entry gathered line by line (gatheredEntry.ts).
 */
export function postEntry(ctx: Ctx, posting: Posting, gatheredId?: number): number {
  const { db } = ctx;
  // an entry still being gathered comes first: ids and numbers stay in the order of posting
  if (gatheredId === undefined) postGathered(ctx);
  if (!isIsoDate(posting.date)) throw validationError('date', 'date', `Datum ${posting.date} is geen geldige datum (JJJJ-MM-DD)`, `Date ${posting.date} is not a valid date (YYYY-MM-DD)`);
  const journal = fixedLookup(db, `journal|${posting.journalCode}`, () => stmt(db, 'SELECT id FROM journals WHERE code = ?').get(posting.journalCode) as { id: number } | undefined);
  if (!journal) throw notFoundError({ nl: `Dagboek ${posting.journalCode}`, en: `Journal ${posting.journalCode}` }, 'journalCode');
  if (posting.lines.length < 2) throw validationError('lines', 'min_lines', 'Een boeking heeft minstens twee regels', 'An entry needs at least two lines');

  const receivables = fixedLookup(db, 'role|receivables', () => stmt(db, "SELECT account_id AS id FROM account_roles WHERE role = 'receivables'").get() as { id: number } | undefined)?.id;
  const accountById = (id: number) => fixedLookup(db, `account|${id}`, () => stmt(db, 'SELECT active FROM accounts WHERE id = ?').get(id) as { active: number } | undefined);
  const debtorExists = (id: number) => fixedLookup(db, `debtor|${id}`, () => stmt(db, 'SELECT 1 FROM debtors WHERE id = ?').get(id) !== undefined);

  let debit = 0;
  let credit = 0;
  posting.lines.forEach((line, i) => {
    const field = `lines.${i}`;
    if (!Number.isSafeInteger(line.debit) || !Number.isSafeInteger(line.credit) || line.debit < 0 || line.credit < 0) {
      throw validationError(`${field}.debit`, 'cents', 'Bedragen zijn hele centen en niet negatief', 'Amounts are whole cents and not negative');
    }
    if ((line.debit === 0) === (line.credit === 0)) {
      throw validationError(`${field}.debit`, 'one_side', `Regel ${i + 1}: vul debet óf credit in (niet beide, niet geen)`, `Line ${i + 1}: fill in debit or credit (not both, not neither)`);
    }
    const account = accountById(line.accountId);
    if (!account) throw notFoundError({ nl: `Grootboekrekening ${line.accountId}`, en: `Account ${line.accountId}` }, `${field}.accountId`);
    if (account.active !== 1) throw validationError(`${field}.accountId`, 'inactive', `Regel ${i + 1}: de grootboekrekening is inactief`, `Line ${i + 1}: the account is inactive`);
    if (line.accountId === receivables && line.debtorId == null) {
      throw validationError(`${field}.debtorId`, 'debtor_required', `Regel ${i + 1}: een boeking op Debiteuren hoort bij een debiteur`, `Line ${i + 1}: a line on the receivables account needs a debtor`);
    }
    if (line.debtorId != null && !debtorExists(line.debtorId)) {
      throw notFoundError({ nl: `Debiteur ${line.debtorId}`, en: `Debtor ${line.debtorId}` }, `${field}.debtorId`);
    }
    debit += line.debit;
    credit += line.credit;
  });
  if (debit !== credit) {
    throw validationError('lines', 'balanced', `Boeking is niet in balans: debet ${debit / 100} en credit ${credit / 100} verschillen`, `Entry does not balance: debit ${debit / 100} and credit ${credit / 100} differ`);
  }

  const year = Number(posting.date.slice(0, 4));
  const write = () => {
    const next = stmt(db, 'SELECT COALESCE(MAX(number), 0) + 1 AS n FROM journal_entries WHERE journal_id = ? AND year = ?').get(journal.id, year) as { n: number };
    const entryId = Number(
      stmt(
        db,
        `INSERT INTO journal_entries (id, journal_id, year, number, date, description, source_type, source_id, reverses_entry_id, line_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(gatheredId ?? null, journal.id, year, next.n, posting.date, posting.description, posting.sourceType ?? null, posting.sourceId ?? null, posting.reversesEntryId ?? null, posting.lines.length).lastInsertRowid,
    );
    // many lines to an INSERT: an import's gathered entry has a line per member's payment
    const lines = new RowBuffer(db, 'journal_lines', LINE_COLUMNS);
    posting.lines.forEach((line, i) => lines.add([entryId, i + 1, line.accountId, line.debtorId ?? null, line.debit, line.credit, line.description ?? null]));
    lines.flush();
    return entryId;
  };
  // Callers that book many entries (a fee run) already hold a transaction; a savepoint per entry
  // would cost more than the inserts themselves.
  return db.inTransaction ? write() : db.transaction(write)();
}
