import type { Output } from '../../shared/api/contract';
import type { CollectionPlan } from './plan';
import type { ShortNotice } from './prenotification';

/** Every item the plan collects sooner than announced, with its member and date. */
export function prenotificationFlags(plan: CollectionPlan): (ShortNotice & { itemId: number; document: string; debtorId: number; debtorNumber: string; debtorName: string; date: string })[] {
  return plan.debits.flatMap((d) =>
    d.portions.flatMap((p) => (p.notice ? [{ ...p.notice, itemId: p.itemId, document: p.document, debtorId: d.debtorId, debtorNumber: d.debtorNumber, debtorName: d.debtorName, date: d.date }] : [])),
  );
}

/** The plan as the wizard shows it: debits with their items, the why-not list, totals. */
export function proposalOf(plan: CollectionPlan): Output<'collections.propose'> {
  const debits = plan.debits.map((d) => ({
    debtorId: d.debtorId,
    debtorNumber: d.debtorNumber,
    debtorName: d.debtorName,
    name: d.name,
    iban: d.iban,
    mandateReference: d.mandateReference,
    sequenceType: d.sequenceType,
    date: d.date,
    gross: d.gross,
    discount: d.discount,
    amount: d.amount,
    amendment: d.originalIban !== null || d.originalMandateReference !== null || d.smnda || d.originalCreditorId !== null,
    remittance: d.remittance,
    fileNo: d.fileNo,
    credits: d.credits,
    items: d.portions.map((p) => ({ itemId: p.itemId, document: p.document, amount: p.amount, discount: p.discount, part: p.part ? `${p.part.index}/${p.part.of}` : null, prenotification: p.notice, represented: plan.represented.has(p.itemId) })),
  }));
  const prenotification = prenotificationFlags(plan);
  return {
    bankAccount: { id: plan.bankAccount.id, name: plan.bankAccount.name, iban: plan.bankAccount.iban },
    scheme: plan.scheme,
    earliestDate: plan.earliestDate,
    latestDate: plan.latestDate,
    collectionDate: plan.collectionDate,
    debits,
    excluded: plan.excluded,
    prenotification,
    totals: {
      count: debits.length,
      amount: debits.reduce((s, d) => s + d.amount, 0),
      discount: debits.reduce((s, d) => s + d.discount, 0),
      credits: debits.reduce((s, d) => s + d.credits, 0),
      items: new Set(debits.flatMap((d) => d.items.map((i) => i.itemId))).size,
      files: plan.fileCount,
      prenotification: prenotification.length,
    },
  };
}
