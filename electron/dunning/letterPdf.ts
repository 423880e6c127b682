import { validationError } from '../../shared/api/errors';
import { isIsoDate } from '../../shared/dates';
import { formatIban } from '../../shared/iban';
import { PdfConcat } from '../letters/pdfConcat';
import { fitsOneLine, newPdf, table, textLine } from '../letters/pdfDoc';
import { epcPayload, letterPayment } from './epcQr';
import { DEFAULT_WINDOW, type DunningLetterData } from './letterData';
import { addressLines, chargedVatNote, expectedTotal, formatDate, fourteenDayNotice, interestLabel, LABELS, money, needsGreeting, paymentSentence, splitBody } from './letterText';
import { drawQr, MM } from './qrPdf';
import { winAnsi } from './winAnsi';

/**
 * One dunning letter on A4, laid out from its data alone: letterhead, the member's address in the
 * envelope window, reference block, the level as subject, its text, the overdue items (header
 * repeated on every sheet), fees, costs, interest and total, and a payment block with the EPC QR
 * code for the total.
 */

export { DEFAULT_WINDOW } from './letterData';

const MARGINS = { left: 20 * MM, right: 20 * MM, top: 26 * MM, bottom: 18 * MM };
const NAVY = '#16324a';
const GREY = '#555555';
const QR_SIDE = 32 * MM;

function refuse(d: DunningLetterData, field: string, rule: string, nl: string, en: string): never {
  throw validationError(`letters.${d.debtor.number}.${field}`, rule, `Brief voor lid ${d.debtor.number}: ${nl}`, `Letter for member ${d.debtor.number}: ${en}`);
}

/** Refuses a letter that would contradict itself or cannot be printed; returns the QR payload. */
export function checkLetter(d: DunningLetterData): string {
  for (const [field, date] of [['date', d.date], ['termEndsOn', d.termEndsOn]] as const) {
    if (date !== null && !isIsoDate(date)) refuse(d, field, 'date', `datum "${date}" is geen datum (JJJJ-MM-DD)`, `"${date}" is not a date (YYYY-MM-DD)`);
  }
  const sum = expectedTotal(d);
  if (sum !== d.total) refuse(d, 'total', 'sum', `het totaal ${money(d.total, 'nl')} is niet de som van posten, kosten en rente (${money(sum, 'nl')})`, `the total ${money(d.total, 'en')} is not the sum of items, fees, costs and interest (${money(sum, 'en')})`);
  if (d.collectionCosts && !d.collectionCosts.charged && !d.termEndsOn) refuse(d, 'termEndsOn', 'required', 'een veertiendagenbrief noemt de laatste dag van de termijn', 'a 14-day letter states the last day of the term');
  const { leftMm, topMm } = d.window;
  if (!(leftMm >= 0 && leftMm <= 210 - DEFAULT_WINDOW.widthMm && topMm >= 0 && topMm <= 297 - DEFAULT_WINDOW.heightMm)) {
    refuse(d, 'window', 'range', `het venster (${leftMm} mm van links, ${topMm} mm van boven) valt buiten het A4-vel`, `the window (${leftMm} mm from the left, ${topMm} mm from the top) is off the A4 sheet`);
  }
  if (!d.paymentReference.trim()) refuse(d, 'paymentReference', 'required', 'het betalingskenmerk ontbreekt', 'the payment reference is missing');
  return epcPayload(letterPayment({ ...d.organisation, name: d.organisation.name.slice(0, 70) }, d.total, d.paymentReference));
}

/** "aanmaning-1001.pdf": the level and the member number, safe on every file system. */
export function letterFileName(d: DunningLetterData): string {
  const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug(d.levelName) || 'brief'}-${slug(d.debtor.number) || 'lid'}.pdf`;
}

/** pdfkit keeps the current font in its own state; a page header drawn mid-paragraph must give it back. */
interface FontState {
  _font: unknown;
  _fontSize: number;
}

function continuationHeader(doc: PDFKit.PDFDocument, d: DunningLetterData, sheet: number): void {
  const L = LABELS[d.language];
  const state = doc as unknown as FontState;
  const [x, y, font, size] = [doc.x, doc.y, state._font, state._fontSize];
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  doc.save();
  doc.font('Helvetica').fontSize(8).fillColor(GREY);
  textLine(doc, winAnsi(`${d.organisation.name} · ${d.levelName} (${L.continued}) · ${d.debtor.name}, ${L.member.toLowerCase()} ${d.debtor.number} · ${formatDate(d.date)}`), MARGINS.left, 12 * MM, { width: width - 25 * MM });
  textLine(doc, `${L.sheet} ${sheet}`, MARGINS.left, 12 * MM, { width, align: 'right' });
  doc.moveTo(MARGINS.left, 17 * MM).lineTo(MARGINS.left + width, 17 * MM).lineWidth(0.4).strokeColor('#c9d1db').stroke();
  doc.restore();
  state._font = font;
  state._fontSize = size;
  doc.x = x;
  doc.y = y;
}

function letterhead(doc: PDFKit.PDFDocument, d: DunningLetterData): void {
  const o = d.organisation;
  const right = doc.page.width - MARGINS.right;
  doc.font('Helvetica-Bold').fontSize(17).fillColor(NAVY);
  textLine(doc, winAnsi(o.name), MARGINS.left, 16 * MM, { width: 100 * MM });
  const contact = [o.street, [o.postalCode, o.city].filter(Boolean).join('  '), o.email, o.phone, `IBAN ${formatIban(o.iban)}${o.bic ? `  BIC ${o.bic}` : ''}`].filter((l): l is string => !!l && l.trim() !== '');
  doc.font('Helvetica').fontSize(8.5).fillColor(GREY);
  contact.forEach((line, i) => textLine(doc, winAnsi(line), right - 75 * MM, 16 * MM + i * 11, { width: 75 * MM, align: 'right' }));
  doc.moveTo(MARGINS.left, 42 * MM).lineTo(right, 42 * MM).lineWidth(0.8).strokeColor(NAVY).stroke();
}

/** The address at the window setting, and the reference block beside it; returns where the letter text may start. */
function addressAndReferences(doc: PDFKit.PDFDocument, d: DunningLetterData): number {
  const L = LABELS[d.language];
  const wx = d.window.leftMm * MM;
  const wy = d.window.topMm * MM;
  doc.font('Helvetica').fontSize(10).fillColor('#000000');
  // a line too wide for the window wraps inside it; what would fall below the window is cut off
  const windowWidth = (DEFAULT_WINDOW.widthMm - 2) * MM;
  let ay = wy;
  for (const line of addressLines(d.debtor, d.language).map(winAnsi)) {
    const height = fitsOneLine(doc, line, windowWidth) ? 13 : doc.heightOfString(line, { width: windowWidth, lineGap: 1.5 });
    if (ay + height > wy + DEFAULT_WINDOW.heightMm * MM) break;
    if (height === 13) textLine(doc, line, wx, ay);
    else doc.text(line, wx, ay, { width: windowWidth, lineGap: 1.5 });
    ay += height;
  }
  const refs: [string, string][] = [
    [L.date, formatDate(d.date)],
    [L.member, d.debtor.number],
    [L.reference, d.paymentReference],
  ];
  if (d.termEndsOn) refs.push([L.payBy, formatDate(d.termEndsOn)]);
  // beside a left window, or under the letterhead on the left when the window sits right
  const rx = wx < 100 * MM ? 125 * MM : MARGINS.left;
  let y = wy;
  for (const [label, value] of refs) {
    doc.font('Helvetica').fontSize(8).fillColor(GREY);
    textLine(doc, label, rx, y, { width: 30 * MM });
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#000000');
    textLine(doc, winAnsi(value), rx + 30 * MM, y - 0.5, { width: doc.page.width - MARGINS.right - rx - 30 * MM });
    y += 14;
  }
  return Math.max(wy + DEFAULT_WINDOW.heightMm * MM, y) + 5 * MM;
}

const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - MARGINS.bottom;

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function amounts(doc: PDFKit.PDFDocument, d: DunningLetterData): void {
  const L = LABELS[d.language];
  const lang = d.language;
  const rows: [string, number][] = [[L.openItems, d.items.reduce((s, i) => s + i.open, 0)]];
  for (const f of d.fees) rows.push([f.description, f.amount]);
  const c = d.collectionCosts;
  if (c?.charged) {
    rows.push([L.costs, c.amount]);
    if (c.vat > 0) rows.push([L.costsVat, c.vat]);
  }
  if (d.interest) rows.push([interestLabel(d), d.interest]);
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const labelX = MARGINS.left + width - 95 * MM;
  // amounts end where the table's Open column ends (its cells keep 4 pt from the column's edge)
  const amountX = MARGINS.left + width - 4 - 30 * MM;
  ensureSpace(doc, rows.length * 14 + 30);
  let y = doc.y + 2;
  doc.font('Helvetica').fontSize(9.5).fillColor('#000000');
  for (const [label, amount] of rows) {
    // a long fee description wraps in its column rather than running into the amount
    const text = winAnsi(label);
    const one = fitsOneLine(doc, text, 63 * MM);
    if (one) textLine(doc, text, labelX, y);
    else doc.text(text, labelX, y, { width: 63 * MM });
    textLine(doc, money(amount, lang), amountX, y, { width: 30 * MM, align: 'right' });
    y += one ? 14 : doc.heightOfString(text, { width: 63 * MM }) + 3;
  }
  doc.moveTo(labelX, y).lineTo(MARGINS.left + width - 4, y).lineWidth(0.6).strokeColor(NAVY).stroke();
  y += 5;
  doc.font('Helvetica-Bold').fontSize(11).fillColor(NAVY);
  textLine(doc, L.total, labelX, y, { width: 63 * MM });
  textLine(doc, money(d.total, lang), amountX - 10 * MM, y, { width: 40 * MM, align: 'right' });
  doc.x = MARGINS.left;
  doc.y = y + 22;
}

/** `keepWith`: the height of what must stay on the same sheet (the closing), so a signature never stands alone. */
function paymentBlock(doc: PDFKit.PDFDocument, d: DunningLetterData, payload: string, keepWith: number): void {
  const L = LABELS[d.language];
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const pad = 4 * MM;
  const height = QR_SIDE * 1.25 + 12 * MM;
  ensureSpace(doc, height + 6 * MM + keepWith);
  const top = doc.y;
  doc.roundedRect(MARGINS.left, top, width, height, 4).fill('#eef2f6');
  const textWidth = width - QR_SIDE * 1.25 - 3 * pad;
  doc.font('Helvetica-Bold').fontSize(11).fillColor(NAVY);
  textLine(doc, L.payment, MARGINS.left + pad, top + pad, { width: textWidth });
  doc.font('Helvetica').fontSize(9).fillColor('#000000').text(winAnsi(paymentSentence(d)), MARGINS.left + pad, top + pad + 16, { width: textWidth, lineGap: 1 });
  let y = doc.y + 6;
  const rows: [string, string][] = [
    [L.iban, formatIban(d.organisation.iban) + (d.organisation.bic ? `  (BIC ${d.organisation.bic})` : '')],
    [L.beneficiary, d.organisation.name],
    [L.amount, money(d.total, d.language)],
    [L.reference, d.paymentReference],
  ];
  for (const [label, value] of rows) {
    doc.font('Helvetica').fontSize(8.5).fillColor(GREY);
    textLine(doc, label, MARGINS.left + pad, y, { width: 32 * MM });
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor('#000000');
    textLine(doc, winAnsi(value), MARGINS.left + pad + 32 * MM, y - 0.5, { width: textWidth - 32 * MM });
    y += 14;
  }
  const qrX = MARGINS.left + width - pad - QR_SIDE * 1.25;
  const outer = drawQr(doc, payload, qrX, top + 2 * MM, QR_SIDE);
  doc.font('Helvetica').fontSize(8).fillColor(NAVY);
  textLine(doc, L.qrCaption, qrX - 5 * MM, top + 2 * MM + outer + 1 * MM, { width: outer + 10 * MM, align: 'center' });
  doc.x = MARGINS.left;
  doc.y = top + height + 6 * MM;
}

/** Draws one letter from a fresh page of `doc` (a letter of its own or one of many). */
export function drawLetter(doc: PDFKit.PDFDocument, d: DunningLetterData, payload = checkLetter(d)): void {
  const L = LABELS[d.language];
  const lang = d.language;
  let sheet = 1;
  const onPage = () => continuationHeader(doc, d, ++sheet);
  doc.addPage();
  doc.on('pageAdded', onPage);
  try {
    letterhead(doc, d);
    const start = addressAndReferences(doc, d);
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    doc.font('Helvetica-Bold').fontSize(13).fillColor(NAVY).text(winAnsi(d.levelName), MARGINS.left, start, { width });
    doc.moveDown(0.6).font('Helvetica').fontSize(10).fillColor('#000000');
    doc.x = MARGINS.left;
    const text = { width, lineGap: 2, paragraphGap: 6 };
    const { opening, closing } = splitBody(d.body);
    if (needsGreeting(d.body)) doc.text(winAnsi(L.greeting(d.debtor.name)), MARGINS.left, doc.y, text);
    for (const p of opening) doc.text(winAnsi(p), MARGINS.left, doc.y, text);
    doc.moveDown(0.5);

    if (d.items.length) {
      ensureSpace(doc, 50);
      const w = [62, 132, 52, 58, 60, 58, 60];
      table(
        doc,
        L.columns.map((title, i) => ({ title, width: w[i]!, align: i >= 4 ? ('right' as const) : ('left' as const) })),
        d.items.map((i) => [winAnsi(i.document), winAnsi(i.description), formatDate(i.itemDate), formatDate(i.dueDate), money(i.amount, lang), money(i.paid, lang), money(i.open, lang)]),
        { fontSize: 8.5 },
      );
    }
    amounts(doc, d);
    for (const note of [fourteenDayNotice(d), chargedVatNote(d)]) {
      if (note) doc.font('Helvetica').fontSize(10).fillColor('#000000').text(winAnsi(note), MARGINS.left, doc.y, text);
    }
    doc.moveDown(0.4);
    doc.font('Helvetica').fontSize(10);
    const closingHeight = closing.length ? closing.reduce((h, p) => h + doc.heightOfString(winAnsi(p), text) + 6, 0) : 50;
    paymentBlock(doc, d, payload, closingHeight);
    doc.font('Helvetica').fontSize(10).fillColor('#000000');
    if (closing.length) {
      for (const p of closing) doc.text(winAnsi(p), MARGINS.left, doc.y, text);
    } else {
      doc.text(L.closing, MARGINS.left, doc.y, { width });
      doc.moveDown(1.2).text(winAnsi(d.organisation.name), { width }).fillColor(GREY).text(L.treasurer, { width });
    }
  } finally {
    doc.off('pageAdded', onPage);
  }
}

// `margin: undefined` so newPdf's single margin does not win over the four given here
const documentOptions: PDFKit.PDFDocumentOptions = { margin: undefined, margins: MARGINS, autoFirstPage: false };

/** One letter as its own PDF. */
export async function letterPdf(d: DunningLetterData): Promise<{ fileName: string; pdf: Buffer }> {
  const payload = checkLetter(d);
  const { doc, done } = newPdf({ Title: `${d.levelName} ${d.debtor.number}`, Author: d.organisation.name }, documentOptions);
  drawLetter(doc, d, payload);
  doc.end();
  return { fileName: letterFileName(d), pdf: await done };
}

/** Appends a letter's pages to the print file; with `duplex` it fills the back of its last sheet, so the next letter never starts on the back of someone else's. */
export function appendLetter(combined: PdfConcat, pdf: Buffer, duplex: boolean): void {
  if (duplex && combined.pageCount % 2 === 1) combined.addBlankPage();
  combined.add(pdf);
}

/** All letters in one PDF for printing, each from a new sheet (odd pages only with `duplex`). */
export async function combinedLettersPdf(letters: DunningLetterData[], options: { duplex?: boolean } = {}): Promise<Buffer> {
  letters.forEach(checkLetter);
  const combined = new PdfConcat(combinedInfo(letters));
  for (const d of letters) appendLetter(combined, (await letterPdf(d)).pdf, !!options.duplex);
  return combined.end();
}

export function combinedInfo(letters: DunningLetterData[]): { Title: string; Author: string } {
  const first = letters[0];
  return { Title: first ? `${first.levelName} (${letters.length})` : 'Brieven', Author: first?.organisation.name ?? 'Penning' };
}
