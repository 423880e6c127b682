import type { z } from 'zod';
import type { DunningRunResult } from '../../shared/api/dunning';
import { conflictError, validationError } from '../../shared/api/errors';
import { addDays, formatDate } from '../../shared/dates';
import { journalOfKind } from '../collections/numbering';
import type { Ctx } from '../context';
import { createItem, recordEvent } from '../items/openItems';
import { accountForRole } from '../ledger/chart';
import { postEntry, type PostingLine } from '../ledger/post';
import { stmt } from '../preparedStatements';
import { euro } from '../statements/euro';
import { bookCostsLowering } from './costsLowering';
import { DEFAULT_WINDOW, type DunningLetterData, type LetterParty } from './letterData';
import { fillLetterText } from './levelText';
import { isFee, planDunning, type Exclusion, type PlannedLetter } from './proposal';
import { letterReference } from './reference';

/** Days a letter gives to pay; a fee or costs item falls due after them. */
export const LETTER_TERM_DAYS = 14;

/** the run as booked; where its files went is added by the file step (runFiles.ts) */
type RunResult = Omit<z.output<typeof DunningRunResult>, 'folder' | 'files' | 'printFile'>;

type OrgRow = LetterParty & { left: number | null; top: number | null };

interface DebtorRow extends LetterParty {
  number: string;
  language: 'nl' | 'en';
}

/**
 * Books a dunning run for the chosen debtors in ONE transaction: per debtor one letter with the
 * items it names, fees, charged collection costs and statutory interest as items of their own
 * (receivables against Aanmaankosten, Incassokosten and, when the club cannot reclaim VAT, the BTW
 * liability, and Wettelijke rente), charged costs lowered after a part payment, each item's level
 * advanced, the debtor's status set, and a dossier entry per letter. With dryRun the
 * same letters are built and nothing is written. Writing the PDF and .eml files is the caller's.
 */
export function bookDunningRun(ctx: Ctx, date: string, debtorIds: number[], options: { dryRun?: boolean } = {}): RunResult {
  const run = () => book(ctx, date, debtorIds, options.dryRun === true);
  return ctx.db.inTransaction ? run() : ctx.db.transaction(run)();
}

function book(ctx: Ctx, date: string, debtorIds: number[], dryRun: boolean): RunResult {
  if (debtorIds.length === 0 && !dryRun) throw validationError('debtorIds', 'min', 'Kies minstens één debiteur', 'Choose at least one debtor');
  const plan = planDunning(ctx, date);
  const chosen = new Set(debtorIds);
  const planned = new Set(plan.letters.map((l) => l.debtorId));
  debtorIds.forEach((id, i) => {
    if (!planned.has(id)) {
      const name = (stmt(ctx.db, 'SELECT number || \' \' || name AS n FROM debtors WHERE id = ?').get(id) as { n: string } | undefined)?.n ?? String(id);
      throw validationError(`debtorIds.${i}`, 'not_proposed', `Debiteur ${name} krijgt op ${date} geen aanmaning (zie het voorstel)`, `Debtor ${name} gets no letter on ${date} (see the proposal)`);
    }
  });
  const letters = plan.letters.filter((l) => chosen.has(l.debtorId));
  const excluded: Exclusion[] = [
    ...plan.excluded,
    ...plan.letters
      .filter((l) => !chosen.has(l.debtorId))
      .map((l) => ({ debtorId: l.debtorId, debtorNumber: l.debtorNumber, debtorName: l.debtorName, itemId: null, document: null, balance: l.principal + l.openFees, reason: 'deselected' as const, detail: null })),
  ];
  const org = stmt(
    ctx.db,
    `SELECT name, street, postal_code AS postalCode, city, country, email, phone, letter_window_left_mm AS "left", letter_window_top_mm AS "top" FROM organisation WHERE id = 1`,
  ).get() as OrgRow | undefined;
  if (!org) throw conflictError('not_initialized', 'Richt eerst de administratie in', 'Set up the ledger first');
  const bank = stmt(ctx.db, 'SELECT iban, bic FROM bank_accounts WHERE active = 1 ORDER BY id LIMIT 1').get() as { iban: string; bic: string | null } | undefined;
  if (!bank && letters.length > 0) {
    throw conflictError('no_bank_account', 'Een aanmaning noemt de rekening waarop het lid betaalt: voeg eerst een bankrekening toe (Instellingen)', 'A letter names the account the member pays to: add a bank account first (Settings)');
  }
  const debtorOf = stmt(ctx.db, 'SELECT number, name, street, postal_code AS postalCode, city, country, email, phone, language FROM debtors WHERE id = ?');
  const fees = letters.reduce((s, l) => s + l.fee, 0);
  const charged = letters.filter((l) => l.costsMode === 'charge');
  const costs = charged.reduce((s, l) => s + l.costs, 0);
  const costsVat = charged.reduce((s, l) => s + l.costsVat, 0);
  const interest = letters.reduce((s, l) => s + l.interest, 0);
  const costsLowered = letters.reduce((s, l) => s + l.costsLowered, 0);

  const letterData = (l: PlannedLetter, reference: string, newItems: { document: string; description: string; amount: number }[]): DunningLetterData => {
    const d = debtorOf.get(l.debtorId) as DebtorRow;
    const level = l.level;
    const dueDates = [...l.items.map((c) => c.dueDate)].sort();
    const body = fillLetterText(d.language === 'en' ? level.textEn : level.textNl, {
      language: d.language,
      name: d.name,
      number: d.number,
      outstanding: l.principal + l.openFees,
      total: l.total,
      dueDate: dueDates[0] ?? date,
      reference,
      termDays: LETTER_TERM_DAYS,
      termEndsOn: l.termEndsOn,
      costs: l.costs,
      costsVat: l.costsVat,
      organisation: org.name,
      iban: bank!.iban,
      date,
    });
    return {
      language: d.language,
      date,
      organisation: { name: org.name, street: org.street, postalCode: org.postalCode, city: org.city, country: org.country, email: org.email, phone: org.phone, iban: bank!.iban, bic: bank!.bic },
      debtor: { name: d.name, street: d.street, postalCode: d.postalCode, city: d.city, country: d.country, email: d.email, phone: d.phone, number: d.number },
      levelName: level.name,
      body,
      items: l.items
        .filter((c) => !isFee(c.sourceType))
        .map((c) => ({ document: c.document, description: c.description, itemDate: c.itemDate, dueDate: c.dueDate, amount: c.amount, paid: c.amount - c.balance, open: c.balance })),
      fees: [...l.openFeeItems.map((f) => ({ description: `${f.document} ${f.description}`, amount: f.balance })), ...newItems.filter((n) => n.document.startsWith('AK-')).map((n) => ({ description: `${n.document} ${n.description}`, amount: n.amount }))],
      collectionCosts: l.costsMode === 'none' ? null : { amount: l.costs, vat: l.costsVat, charged: l.costsMode === 'charge' },
      interest: l.interest,
      interestThrough: l.interestThrough,
      total: l.total,
      paymentReference: reference,
      termEndsOn: l.termEndsOn,
      window: { leftMm: org.left ?? DEFAULT_WINDOW.leftMm, topMm: org.top ?? DEFAULT_WINDOW.topMm },
    };
  };

  if (dryRun) {
    const next = ((stmt(ctx.db, "SELECT seq FROM sqlite_sequence WHERE name = 'dunning_letters'").get() as { seq: number } | undefined)?.seq ?? 0) + 1;
    return {
      runId: null,
      dryRun: true,
      date,
      letters: letters.map((l, i) => letterData(l, letterReference(next + i), l.fee ? [{ document: `AK-${next + i}`, description: `Aanmaankosten ${l.level.name}`, amount: l.fee }] : [])),
      fees,
      costs,
      costsVat,
      interest,
      costsLowered,
      excluded,
    };
  }

  const runId = Number(stmt(ctx.db, 'INSERT INTO dunning_runs (run_date, letters, fees, costs) VALUES (?, ?, ?, ?)').run(date, letters.length, fees, costs + costsVat).lastInsertRowid);
  // one entry for the run's money: per debtor the receivable against fees, costs, their BTW and interest
  const lines: PostingLine[] = [];
  const receivables = fees + costs + costsVat + interest > 0 ? accountForRole(ctx, 'receivables') : 0;
  for (const l of letters) {
    const costsHere = l.costsMode === 'charge' ? l.costs : 0;
    const vatHere = l.costsMode === 'charge' ? l.costsVat : 0;
    if (l.fee + costsHere + vatHere + l.interest === 0) continue;
    lines.push({ accountId: receivables, debtorId: l.debtorId, debit: l.fee + costsHere + vatHere + l.interest, credit: 0, description: `${l.debtorNumber} ${l.level.name}` });
    if (l.fee) lines.push({ accountId: accountForRole(ctx, 'dunningFees'), debit: 0, credit: l.fee, description: `Aanmaankosten ${l.debtorNumber}` });
    if (costsHere) lines.push({ accountId: accountForRole(ctx, 'collectionCosts'), debit: 0, credit: costsHere, description: `Incassokosten ${l.debtorNumber}` });
    if (vatHere) lines.push({ accountId: accountForRole(ctx, 'collectionCostsVat'), debit: 0, credit: vatHere, description: `Btw incassokosten ${l.debtorNumber}` });
    if (l.interest) lines.push({ accountId: accountForRole(ctx, 'statutoryInterest'), debit: 0, credit: l.interest, description: `Wettelijke rente ${l.debtorNumber}` });
  }
  const entryId = lines.length
    ? postEntry(ctx, { journalCode: journalOfKind(ctx, 'sales'), date, description: `Aanmaningen ${date}`, sourceType: 'dunning_run', sourceId: String(runId), lines })
    : null;
  if (entryId !== null) stmt(ctx.db, 'UPDATE dunning_runs SET journal_entry_id = ? WHERE id = ?').run(entryId, runId);

  const insertLetter = stmt(
    ctx.db,
    `INSERT INTO dunning_letters (run_id, debtor_id, level_id, date, language, principal, fees, costs, costs_vat, interest, total, payment_reference, term_ends_on, delivery)
     VALUES (?, ?, ?, ?, (SELECT language FROM debtors WHERE id = ?), ?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const setReference = stmt(ctx.db, 'UPDATE dunning_letters SET payment_reference = ? WHERE id = ?');
  const insertLetterItem = stmt(ctx.db, 'INSERT INTO dunning_letter_items (letter_id, item_id, open, charged_costs) VALUES (?, ?, ?, ?)');
  const bookedThrough = stmt(ctx.db, 'UPDATE open_items SET interest_through = ? WHERE id = ?');
  const advance = stmt(ctx.db, 'UPDATE open_items SET dunning_level_id = ?, dunned_on = ? WHERE id = ?');
  const setStatus = stmt(ctx.db, 'UPDATE debtors SET status_id = ? WHERE id = ?');
  const dossier = stmt(ctx.db, "INSERT INTO dossier_entries (debtor_id, date, kind, text, letter_id) VALUES (?, ?, 'letter', ?, ?)");
  const out: DunningLetterData[] = [];
  for (const l of letters) {
    const costsHere = l.costsMode === 'none' ? 0 : l.costs;
    const vatHere = l.costsMode === 'none' ? 0 : l.costsVat;
    const letterId = Number(
      insertLetter.run(runId, l.debtorId, l.level.id, date, l.debtorId, l.principal, l.fee + l.openFees, costsHere, vatHere, l.interest, l.total, l.termEndsOn, l.delivery).lastInsertRowid,
    );
    const reference = letterReference(letterId);
    setReference.run(reference, letterId);
    const newItems: { id: number; document: string; description: string; amount: number }[] = [];
    const addItem = (sourceType: 'dunning_fee' | 'collection_costs' | 'interest', document: string, description: string, amount: number) => {
      const id = createItem(
        ctx,
        { debtorId: l.debtorId, sourceType, entryId, document, description, itemDate: date, dueDate: addDays(date, LETTER_TERM_DAYS), amount },
        { kind: 'created', text: `${description}: ${euro(amount)}` },
      );
      // the fee follows the same dunning from the level that asked for it
      advance.run(l.level.id, date, id);
      newItems.push({ id, document, description, amount });
    };
    if (l.fee) addItem('dunning_fee', `AK-${letterId}`, `Aanmaankosten ${l.level.name}`, l.fee);
    if (l.costsMode === 'charge') addItem('collection_costs', `IK-${letterId}`, l.costsVat ? `Incassokosten (incl. ${euro(l.costsVat)} btw)` : 'Incassokosten', l.costs + l.costsVat);
    if (l.interest) addItem('interest', `WR-${letterId}`, `Wettelijke rente t/m ${formatDate(l.interestThrough!)}`, l.interest);
    for (const i of l.interestItems) bookedThrough.run(l.interestThrough, i.itemId);
    for (const c of l.costsLowerings) bookCostsLowering(ctx, l.debtorId, c, date);
    const charging = new Set(l.costsMode === 'charge' ? l.costItemIds : []);
    for (const c of l.items) {
      insertLetterItem.run(letterId, c.itemId, l.openFeeItems.find((f) => f.itemId === c.itemId)?.balance ?? c.balance, charging.has(c.itemId) ? 1 : 0);
      advance.run(c.nextLevel.id, date, c.itemId);
      recordEvent(ctx, c.itemId, 'dunned', `${c.nextLevel.name} (${reference})`);
    }
    const named = new Set(l.items.map((c) => c.itemId));
    for (const f of l.openFeeItems) if (!named.has(f.itemId)) insertLetterItem.run(letterId, f.itemId, f.balance, 0);
    for (const n of newItems) insertLetterItem.run(letterId, n.id, n.amount, 0);
    if (l.level.setsStatusId !== null) setStatus.run(l.level.setsStatusId, l.debtorId);
    dossier.run(l.debtorId, date, `${l.level.name}: ${euro(l.total)} (${reference})`, letterId);
    out.push(letterData(l, reference, newItems));
  }
  return { runId, dryRun: false, date, letters: out, fees, costs, costsVat, interest, costsLowered, excluded };
}
