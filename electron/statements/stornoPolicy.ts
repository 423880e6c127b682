import type { StornoSettingsT } from '../../shared/api/statements';
import { DEFAULT_STORNO_ACTIONS, reasonLabel, type StornoAction } from '../../shared/returnReasons';
import type { Ctx } from '../context';
import { createItem } from '../items/openItems';
import { accountForRole } from '../ledger/chart';
import { postInTurn } from '../ledger/gatheredEntry';
import { journalOfKind } from '../collections/numbering';
import { stmt } from '../preparedStatements';
import type { Text } from './entryRecord';
import { euro } from './euro';

export function getStornoSettings(ctx: Ctx): StornoSettingsT {
  const org = stmt(ctx.db, 'SELECT storno_refusal_limit AS refusalLimit, storno_fee AS fee, storno_other_codes AS otherCodes FROM organisation WHERE id = 1').get() as
    | { refusalLimit: number | null; fee: number | null; otherCodes: StornoAction }
    | undefined;
  const overrides = stmt(ctx.db, 'SELECT code, action FROM storno_rules ORDER BY code').all() as { code: string; action: StornoAction }[];
  const actions: Record<string, StornoAction> = { ...DEFAULT_STORNO_ACTIONS };
  for (const o of overrides) actions[o.code] = o.action;
  return { actions, otherCodes: org?.otherCodes ?? 'stop', refusalLimit: org ? org.refusalLimit : 3, fee: org?.fee ?? null };
}

export function saveStornoSettings(ctx: Ctx, input: { actions?: Record<string, StornoAction>; otherCodes?: StornoAction; refusalLimit?: number | null; fee?: number | null }): StornoSettingsT {
  const upsert = stmt(ctx.db, 'INSERT INTO storno_rules (code, action) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET action = excluded.action');
  for (const [code, action] of Object.entries(input.actions ?? {})) upsert.run(code, action);
  if (input.otherCodes !== undefined) stmt(ctx.db, 'UPDATE organisation SET storno_other_codes = ? WHERE id = 1').run(input.otherCodes);
  if (input.refusalLimit !== undefined) stmt(ctx.db, 'UPDATE organisation SET storno_refusal_limit = ? WHERE id = 1').run(input.refusalLimit);
  if (input.fee !== undefined) stmt(ctx.db, 'UPDATE organisation SET storno_fee = ? WHERE id = 1').run(input.fee);
  return getStornoSettings(ctx);
}

export function actionFor(settings: StornoSettingsT, code: string | null): StornoAction {
  return (code && settings.actions[code]) || settings.otherCodes;
}

/** What to do now that a debit came back: the outcome in words, and the changes it makes. */
export interface StornoOutcome {
  action: StornoAction;
  outcome: Text;
  b2bRefund: boolean;
}

/**
 * After a returned or refused debit: re-present once (AM04, MS03), leave for dunning (MD06), stop
 * (the others) or end the mandate (account or mandate gone); after the refusal limit the member
 * goes off direct debit; an optional storno fee becomes an item of its own.
 */
export function applyStornoPolicy(
  ctx: Ctx,
  r: { debtorId: number; mandateId: number | null; reasonCode: string | null; date: string; itemIds: number[]; reference: string; kind: string },
): StornoOutcome {
  const settings = getStornoSettings(ctx);
  let action = actionFor(settings, r.reasonCode);
  const nl: string[] = [];
  const en: string[] = [];
  const code = r.reasonCode ?? '?';

  if (action === 'represent') {
    // re-presented once: an item that already came back after a re-presentation is not collected again
    const before = r.itemIds.length === 0 ? 0 : (stmt(
      ctx.db,
      `SELECT COUNT(DISTINCT r.id) AS n FROM collection_returns r JOIN batch_transaction_items p ON p.transaction_id = r.transaction_id
        WHERE p.item_id IN (${r.itemIds.map(() => '?').join(',')})`,
    ).get(...r.itemIds) as { n: number }).n;
    if (before >= 1) {
      action = 'stop';
      nl.push('al eens opnieuw aangeboden: wordt niet meer automatisch geïncasseerd');
      en.push('already re-presented once: not collected automatically again');
    } else {
      nl.push('wordt bij de volgende incasso één keer opnieuw aangeboden');
      en.push('will be re-presented once in the next collection');
    }
  } else if (action === 'dun') {
    nl.push('staat weer open voor een herinnering of aanmaning; wordt niet automatisch opnieuw geïncasseerd');
    en.push('is open again for a reminder; not collected again automatically');
  } else if (action === 'stop') {
    nl.push('wordt niet opnieuw geïncasseerd: neem contact op met het lid');
    en.push('will not be collected again: contact the member');
  } else if (r.mandateId !== null) {
    const ended = stmt(ctx.db, "UPDATE mandates SET status = 'revoked', ended_on = ? WHERE id = ? AND status = 'active'").run(r.date, r.mandateId).changes;
    nl.push(ended ? 'de machtiging is beëindigd; vraag een nieuwe machtiging of rekening' : 'wordt niet opnieuw geïncasseerd (de machtiging was al beëindigd)');
    en.push(ended ? 'the mandate has been ended; ask for a new mandate or account' : 'will not be collected again (the mandate had already ended)');
  }

  const scheme = r.mandateId === null ? null : (stmt(ctx.db, 'SELECT scheme FROM mandates WHERE id = ?').get(r.mandateId) as { scheme: string } | undefined)?.scheme;
  const b2bRefund = r.reasonCode === 'MD06' && scheme === 'B2B';
  if (b2bRefund) {
    nl.push('let op: een zakelijke (B2B) incasso kent geen terugboekrecht; vraag de bank waarom');
    en.push('note: a B2B debit has no refund right; ask the bank why');
  }

  const refusals = (stmt(ctx.db, 'SELECT COUNT(*) AS n FROM collection_returns WHERE debtor_id = ?').get(r.debtorId) as { n: number }).n + 1;
  if (settings.refusalLimit !== null && refusals >= settings.refusalLimit) {
    const changed = stmt(ctx.db, 'UPDATE debtors SET collect = 0 WHERE id = ? AND collect = 1').run(r.debtorId).changes;
    if (changed) {
      nl.push(`${refusals} keer geweigerd: het lid staat niet meer op incasso tot u anders beslist`);
      en.push(`refused ${refusals} times: the member is off direct debit until you decide otherwise`);
    }
  }

  if (settings.fee && settings.fee > 0) {
    const label = reasonLabel(r.reasonCode);
    const receivables = accountForRole(ctx, 'receivables');
    const entryId = postInTurn(ctx, {
      journalCode: journalOfKind(ctx, 'memorial'),
      date: r.date,
      description: `Stornokosten ${r.reference} (${code})`,
      sourceType: 'storno_fee',
      sourceId: r.reference,
      lines: [
        { accountId: receivables, debtorId: r.debtorId, debit: settings.fee, credit: 0, description: `Stornokosten ${r.reference}` },
        { accountId: accountForRole(ctx, 'dunningFees'), debit: 0, credit: settings.fee, description: `Stornokosten ${r.reference}` },
      ],
    });
    createItem(
      ctx,
      { debtorId: r.debtorId, sourceType: 'journal', entryId, document: `STORNO-${r.reference}`, description: `Stornokosten (${label.nl})`, itemDate: r.date, dueDate: r.date, amount: settings.fee },
      { kind: 'created', text: `Stornokosten na teruggeboekte incasso ${r.reference} (${code})` },
    );
    nl.push(`stornokosten ${euro(settings.fee)} in rekening gebracht`);
    en.push(`storno fee ${euro(settings.fee, 'en')} charged`);
  }
  return { action, outcome: { nl: nl.join('; '), en: en.join('; ') }, b2bRefund };
}
