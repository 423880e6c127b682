import type { Output } from '../../shared/api/contract';
import type { CollectionPlan } from './plan';

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
    items: d.portions.map((p) => ({ itemId: p.itemId, document: p.document, amount: p.amount, discount: p.discount, part: p.part ? `${p.part.index}/${p.part.of}` : null })),
  }));
  return {
    bankAccount: { id: plan.bankAccount.id, name: plan.bankAccount.name, iban: plan.bankAccount.iban },
    scheme: plan.scheme,
    earliestDate: plan.earliestDate,
    collectionDate: plan.collectionDate,
    debits,
    excluded: plan.excluded,
    totals: {
      count: debits.length,
      amount: debits.reduce((s, d) => s + d.amount, 0),
      discount: debits.reduce((s, d) => s + d.discount, 0),
      items: new Set(debits.flatMap((d) => d.items.map((i) => i.itemId))).size,
      files: plan.fileCount,
    },
  };
}
