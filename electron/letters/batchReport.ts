import { entryReference } from '../ledger/entries';
import { formatDate } from '../../shared/dates';
import { formatIban } from '../../shared/iban';
import { groupBy } from '../../shared/grouping';
import { formatEuro } from '../../shared/money';
import { toSepaText } from '../../shared/sepaText';
import { batchFiles } from '../collections/files';
import { batchTransactions, getBatch } from '../collections/queries';
import type { Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { stmt } from '../preparedStatements';
import { newPdf, table } from './pdfDoc';
import { progressAndYield } from '../progress';

const euro = (cents: number) => formatEuro(cents).replace(/\u00a0/g, ' ');

/**
 * De verzamelstaat: what a batch holds, for the treasurer's records and the audit committee — per
 * transaction the debtor, IBAN, mandate, items and amount, then the totals and the control sum.
 */
export async function renderBatchReport(ctx: Ctx, batchId: number): Promise<{ fileName: string; pdf: Buffer }> {
  const batch = getBatch(ctx, batchId);
  const settings = getSettings(ctx);
  const collection = batch.kind === 'collection';
  const title = `Verzamelstaat ${collection ? 'incasso' : 'terugbetaling'} ${batch.reference}`;
  const { doc, done } = newPdf({ Title: title, Author: settings.organisation.name });

  doc.font('Helvetica-Bold').fontSize(15).fillColor('#16324a').text(title);
  doc.font('Helvetica').fontSize(9).fillColor('#333');
  const files = batchFiles(ctx, batchId);
  const lines = [
    settings.organisation.name + (settings.creditorId ? `, incassant-ID ${settings.creditorId}` : ''),
    `Rekening ${formatIban(batch.bankAccountIban)}, ${collection ? `${batch.scheme}, ` : ''}pain.${collection ? '008' : '001'}.${batch.painVersion}`,
    `${collection ? 'Incassodatum' : 'Uitvoerdatum'}: ${batch.requestedDate ? formatDate(batch.requestedDate) : 'per post op de vervaldatum'}; aangemaakt ${formatDate(batch.createdAt.slice(0, 10))}`,
    batch.status === 'cancelled' ? `GEANNULEERD op ${formatDate(batch.cancelledAt!.slice(0, 10))}: ${batch.cancelReason ?? ''} (het bestand is vervallen)` : 'Status: opgeslagen, wacht op de bank',
    ...files.map((f, i) => `Bestand ${f.fileName}: bericht-ID ${f.messageId}, sha-256 ${batch.fileHashes[i]?.slice(0, 16) ?? ''}…`),
  ];
  lines.forEach((l) => doc.text(l));
  doc.moveDown(0.8);

  const txs = batchTransactions(ctx, batchId, 1_000_000, 0);
  const rows = txs.map((t) => [
    String(Number(t.endToEndId.slice(-6))),
    `${t.debtorNumber} ${t.debtorName}${t.name !== toSepaText(t.debtorName, 70) ? `\n(rekeninghouder ${t.name})` : ''}`,
    formatIban(t.iban),
    collection ? `${t.mandateReference ?? ''} ${t.sequenceType ?? ''}${t.amendment ? ' (gewijzigd)' : ''}` : '',
    t.documents ?? '',
    t.discount ? euro(t.discount) : '',
    euro(t.amount),
  ]);
  table(
    doc,
    [
      { title: 'Nr', width: 26 },
      { title: 'Debiteur', width: 116 },
      { title: 'IBAN', width: 108 },
      { title: collection ? 'Machtiging' : '', width: 78 },
      { title: 'Posten', width: 70 },
      { title: 'Korting', width: 44, align: 'right' },
      { title: 'Bedrag', width: 56, align: 'right' },
    ],
    rows,
    { onRow: (done, total) => ctx.progress('report', done, total) },
  );
  const booked = batch.entryId ? (stmt(ctx.db, "SELECT number, year, (SELECT code FROM journals j WHERE j.id = e.journal_id) AS code FROM journal_entries e WHERE id = ?").get(batch.entryId) as { number: number; year: number; code: string }) : null;
  doc.font('Helvetica-Bold').fontSize(10).text(`Aantal transacties: ${batch.transactionCount}`);
  doc.text(`Controletotaal: ${euro(batch.controlSum)}`);
  if (batch.discountTotal) doc.font('Helvetica').text(`Incassokorting: ${euro(batch.discountTotal)}`);
  if (booked) doc.font('Helvetica').fontSize(9).text(`Geboekt als ${entryReference(booked.code, booked.year, booked.number)}: ${collection ? 'Debiteuren aan Incasso onderweg' : 'Terug te betalen aan Debiteuren'}.`);
  doc.end();
  return { fileName: `verzamelstaat-${batch.reference}.pdf`, pdf: await done };
}

/**
 * Per member, what this collection takes and for which items (the "specificatie" treasurers send
 * with a collection), one PDF each, named by member number so they can be mailed.
 */
export async function renderSpecifications(ctx: Ctx, batchId: number): Promise<{ fileName: string; debtorNumber: string; pdf: Buffer }[]> {
  const batch = getBatch(ctx, batchId);
  const settings = getSettings(ctx);
  const rows = stmt(
    ctx.db,
    `SELECT d.id AS debtorId, d.number, d.name, t.date, t.mandate_reference AS mandate, t.iban, i.document, i.description, p.amount, p.discount, p.announced_date AS announcedDate
       FROM batch_transactions t JOIN debtors d ON d.id = t.debtor_id JOIN batch_transaction_items p ON p.transaction_id = t.id JOIN open_items i ON i.id = p.item_id
      WHERE t.batch_id = ? ORDER BY CAST(d.number AS INTEGER), d.number, t.id, i.id`,
  ).all(batchId) as { debtorId: number; number: string; name: string; date: string; mandate: string | null; iban: string; document: string; description: string; amount: number; discount: number; announcedDate: string | null }[];
  const byDebtor = groupBy(rows, (r) => r.debtorId);
  const out: { fileName: string; debtorNumber: string; pdf: Buffer }[] = [];
  for (const items of byDebtor.values()) {
    await progressAndYield(ctx, 'specifications', out.length, byDebtor.size);
    const first = items[0]!;
    const title = `Specificatie ${batch.kind === 'collection' ? 'incasso' : 'terugbetaling'} ${batch.reference}`;
    const { doc, done } = newPdf({ Title: title, Author: settings.organisation.name });
    doc.font('Helvetica-Bold').fontSize(14).fillColor('#16324a').text(settings.organisation.name);
    doc.font('Helvetica').fontSize(9).fillColor('#333').text(settings.creditorId ? `Incassant-ID ${settings.creditorId}` : '');
    doc.moveDown(1.5).fillColor('#000').fontSize(10).text(`${first.name} (lidnummer ${first.number})`);
    doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text(title);
    doc.font('Helvetica').fontSize(10).moveDown(0.5);
    const total = items.reduce((s, r) => s + r.amount - r.discount, 0);
    if (batch.kind === 'collection') {
      doc.text(`Op ${formatDate(first.date)} schrijven wij ${euro(total)} af van rekening ${formatIban(first.iban)}, onder machtiging ${first.mandate ?? ''}. Het gaat om deze posten:`);
    } else {
      doc.text(`Op ${formatDate(first.date)} maken wij ${euro(-total)} over naar rekening ${formatIban(first.iban)}. Dit verrekent deze posten:`);
    }
    doc.moveDown(0.6);
    table(
      doc,
      [{ title: 'Document', width: 90 }, { title: 'Omschrijving', width: 250 }, { title: 'Bedrag', width: 70, align: 'right' }, { title: 'Korting', width: 70, align: 'right' }],
      items.map((r) => [r.document, r.description, euro(r.amount), r.discount ? euro(r.discount) : '']),
      { fontSize: 9 },
    );
    doc.font('Helvetica-Bold').text(`Totaal: ${euro(batch.kind === 'collection' ? total : -total)}`);
    const early = items.filter((r) => r.announcedDate);
    if (early.length) {
      // collected sooner than the invoice said: this letter is the member's new pre-notification
      doc.moveDown(0.8).font('Helvetica').fontSize(10).text(
        'Deze specificatie geldt als nieuwe vooraankondiging: ' +
          `wij incasseren ${early.map((r) => `${r.document} op ${formatDate(r.date)} (aangekondigd voor ${formatDate(r.announcedDate!)})`).join(', ')}, eerder dan op de factuur stond. ` +
          'Niet akkoord? Neem dan vóór de incassodatum contact met ons op; u kunt een incasso ook binnen 8 weken laten terugboeken.',
      );
    }
    doc.end();
    out.push({ fileName: `specificatie-${batch.reference}-${first.number}.pdf`, debtorNumber: first.number, pdf: await done });
  }
  ctx.progress('specifications', out.length, byDebtor.size);
  return out;
}
