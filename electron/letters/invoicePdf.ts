import PDFDocument from 'pdfkit';
import type { InvoiceT } from '../../shared/api/contract';
import { formatDate } from '../../shared/dates';
import { formatIban } from '../../shared/iban';
import { formatEuro } from '../../shared/money';
import type { Ctx } from '../context';
import { getDebtor } from '../debtors/debtors';
import { getInvoice } from '../invoices/invoices';
import { getSettings } from '../settings/settings';
import { stmt } from '../preparedStatements';


const euro = (cents: number) => formatEuro(cents).replace(/\u00a0/g, ' ');

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}

/**
 * The invoice (or credit note) as a PDF: organisation, debtor, lines, total, due date and payment
 * reference, and for debtors on direct debit with an active mandate the pre-notification SEPA
 * requires (amount, collection date, mandate reference, creditor ID).
 */
export function renderInvoicePdf(ctx: Ctx, invoiceId: number): Promise<{ fileName: string; pdf: Buffer }> {
  const invoice: InvoiceT = getInvoice(ctx, invoiceId);
  const settings = getSettings(ctx);
  const debtor = getDebtor(ctx, invoice.debtorId);
  const mandate = stmt(ctx.db, "SELECT reference FROM mandates WHERE debtor_id = ? AND status = 'active' ORDER BY id DESC LIMIT 1").get(debtor.id) as { reference: string } | undefined;
  const template = settings.preNotificationText;
  const bank = settings.bankAccounts.find((b) => b.active && b.collection) ?? settings.bankAccounts[0];
  const credit = invoice.kind === 'credit_note';
  const title = credit ? 'Creditnota' : invoice.status === 'draft' ? 'Conceptfactuur' : 'Factuur';
  const number = invoice.number ?? 'concept';

  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${title} ${number}`, Author: settings.organisation.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const o = settings.organisation;
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#16324a').text(o.name, 56, 56);
  doc.font('Helvetica').fontSize(9).fillColor('#444');
  [o.street, [o.postalCode, o.city].filter(Boolean).join('  '), o.email, settings.creditorId ? `Incassant-ID ${settings.creditorId}` : null, bank ? `IBAN ${formatIban(bank.iban)}` : null]
    .filter(Boolean)
    .forEach((l) => doc.text(l!));

  doc.fillColor('#000').font('Helvetica').fontSize(10);
  const addressTop = 160;
  doc.text(debtor.name, 56, addressTop);
  [debtor.street, [debtor.postalCode, debtor.city].filter(Boolean).join('  ')].filter(Boolean).forEach((l) => doc.text(l!));

  doc.font('Helvetica-Bold').fontSize(18).text(title, 56, 250);
  doc.font('Helvetica').fontSize(10);
  const meta: [string, string][] = [
    [credit ? 'Creditnotanummer' : 'Factuurnummer', number],
    ['Datum', formatDate(invoice.invoiceDate)],
    ['Lidnummer', debtor.number],
  ];
  if (!credit && invoice.dueDate) meta.push(['Vervaldatum', formatDate(invoice.dueDate)]);
  let y = 280;
  for (const [k, v] of meta) {
    doc.fillColor('#555').text(k, 56, y, { width: 120 }).fillColor('#000').text(v, 180, y);
    y += 15;
  }

  y += 20;
  const cols = { desc: 56, qty: 330, price: 390, amount: 470 };
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#555');
  doc.text('Omschrijving', cols.desc, y).text('Aantal', cols.qty, y, { width: 50, align: 'right' }).text('Prijs', cols.price, y, { width: 70, align: 'right' }).text('Bedrag', cols.amount, y, { width: 70, align: 'right' });
  y += 14;
  doc.moveTo(56, y).lineTo(540, y).strokeColor('#ccc').stroke();
  y += 6;
  doc.font('Helvetica').fontSize(10).fillColor('#000');
  for (const l of invoice.lines) {
    const qty = l.quantity % 1000 === 0 ? String(l.quantity / 1000) : (l.quantity / 1000).toFixed(3).replace(/0+$/, '').replace('.', ',');
    doc.text(l.description, cols.desc, y, { width: 260 });
    doc.text(qty, cols.qty, y, { width: 50, align: 'right' }).text(euro(l.unitPrice), cols.price, y, { width: 70, align: 'right' }).text(euro(credit ? -l.amount : l.amount), cols.amount, y, { width: 70, align: 'right' });
    y = Math.max(doc.y, y + 14) + 4;
  }
  doc.moveTo(330, y).lineTo(540, y).strokeColor('#ccc').stroke();
  y += 8;
  doc.font('Helvetica-Bold').text('Totaal', cols.price, y, { width: 70, align: 'right' }).text(euro(credit ? -invoice.total : invoice.total), cols.amount, y, { width: 70, align: 'right' });
  y += 40;

  doc.font('Helvetica').fontSize(10).fillColor('#000');
  let payment: string;
  if (credit) {
    payment = 'Dit bedrag wordt verrekend met uw openstaande posten of aan u terugbetaald.';
  } else if (debtor.paymentMethod === 'direct_debit' && mandate && debtor.iban) {
    payment = fill(template, {
      bedrag: euro(invoice.total),
      datum: invoice.dueDate ? formatDate(invoice.dueDate) : '',
      iban: formatIban(debtor.iban),
      rekeninghouder: debtor.accountHolder ?? debtor.name,
      kenmerk: mandate.reference,
      incassant: settings.creditorId ?? '',
      factuur: number,
    });
  } else {
    payment = `Wij verzoeken u het bedrag van ${euro(invoice.total)} vóór ${invoice.dueDate ? formatDate(invoice.dueDate) : ''} over te maken op ${bank ? formatIban(bank.iban) : 'onze rekening'} t.n.v. ${o.name}, onder vermelding van betalingskenmerk ${number}.`;
  }
  doc.font('Helvetica-Bold').text(credit ? 'Verrekening' : 'Betaling', 56, y);
  doc.font('Helvetica').text(payment, 56, doc.y + 4, { width: 484 });
  if (!credit) doc.moveDown().fillColor('#555').text(`Betalingskenmerk: ${number}`);
  doc.end();
  return done.then((pdf) => ({ fileName: `${title.toLowerCase()}-${number}-${debtor.number}.pdf`, pdf }));
}
