import { validationError } from '../../shared/api/errors';
import { formatDate, isIsoDate } from '../../shared/dates';
import { formatIban } from '../../shared/iban';
import { newPdf, table } from '../letters/pdfDoc';
import type { LetterItem, LetterParty } from './letterData';
import { addressLines, money } from './letterText';
import { handOverTotal } from './handOverTotal';
import { winAnsi } from './winAnsi';

/**
 * What goes to a collection agency when the last level has passed: a dossier per debtor (who, what
 * is owed, which letters went out, calls, agreements and returns) as a PDF, and the claims of all
 * handed-over debtors as one CSV the agency loads in Excel or its own system. Dutch only: the
 * agency is Dutch, whatever language the member reads.
 */
export interface HandOverDebtor extends LetterParty {
  number: string;
  /** an organisation owes the costs from the day after the due date; a consumer only after the 14-day letter */
  organisation: boolean;
  iban: string | null;
}

export interface HandOverEvent {
  date: string;
  kind: 'call' | 'email' | 'letter' | 'agreement' | 'return' | 'note';
  text: string;
}

export interface HandOverInput {
  date: string;
  organisation: LetterParty & { iban: string; bic: string | null };
  debtor: HandOverDebtor;
  items: LetterItem[];
  fees: { description: string; amount: number }[];
  collectionCosts: { amount: number; vat: number; charged: boolean } | null;
  interest: number;
  letters: { date: string; levelName: string; total: number; delivery: 'post' | 'email' }[];
  events: HandOverEvent[];
}

const KIND = { call: 'Telefoon', email: 'E-mail', letter: 'Brief', agreement: 'Afspraak', return: 'Storno', note: 'Notitie' } as const;
const NAVY = '#16324a';

function check(p: HandOverInput): void {
  const refuse = (field: string, rule: string, nl: string, en: string): never => {
    throw validationError(`handOver.${p.debtor.number}.${field}`, rule, `Overdracht van lid ${p.debtor.number}: ${nl}`, `Hand-over of member ${p.debtor.number}: ${en}`);
  };
  const dates: [string, string][] = [['date', p.date], ...p.items.flatMap((i, n): [string, string][] => [[`items.${n}.itemDate`, i.itemDate], [`items.${n}.dueDate`, i.dueDate]]), ...p.letters.map((l, n): [string, string] => [`letters.${n}.date`, l.date]), ...p.events.map((e, n): [string, string] => [`events.${n}.date`, e.date])];
  for (const [field, date] of dates) if (!isIsoDate(date)) refuse(field, 'date', `"${date}" is geen datum (JJJJ-MM-DD)`, `"${date}" is not a date (YYYY-MM-DD)`);
  if (!p.items.length) refuse('items', 'required', 'er is geen openstaande post om over te dragen', 'there is no open item to hand over');
  for (const [n, i] of p.items.entries()) {
    if (![i.amount, i.paid, i.open].every(Number.isSafeInteger)) refuse(`items.${n}`, 'cents', 'bedragen zijn hele centen', 'amounts are whole cents');
    if (i.open <= 0) refuse(`items.${n}.open`, 'positive', `post ${i.document} staat niet open`, `item ${i.document} is not open`);
  }
}

export { handOverTotal };

/** The dossier of one debtor as a PDF. */
export async function handOverDossierPdf(p: HandOverInput): Promise<{ fileName: string; pdf: Buffer }> {
  check(p);
  const { doc, done } = newPdf({ Title: `Overdrachtsdossier ${p.debtor.number}`, Author: p.organisation.name });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const heading = (title: string) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11.5).fillColor(NAVY).text(title, doc.page.margins.left, doc.y, { width });
    doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#000000');
  };
  doc.font('Helvetica-Bold').fontSize(16).fillColor(NAVY).text(`Overdrachtsdossier lid ${p.debtor.number}`);
  doc.font('Helvetica').fontSize(9).fillColor('#444444').text(winAnsi(`${p.organisation.name}, ${addressLines(p.organisation, 'nl').slice(1).join(', ')}`), { width });
  doc.text(winAnsi([p.organisation.email, p.organisation.phone, `IBAN ${formatIban(p.organisation.iban)}`].filter(Boolean).join(' · ')), { width });
  doc.text(`Overgedragen op ${formatDate(p.date)}`);

  heading('Debiteur');
  const d = p.debtor;
  const facts: [string, string][] = [
    ['Naam', d.name],
    ['Lidnummer', d.number],
    ['Adres', addressLines(d, 'nl').slice(1).join(', ') || '(onbekend)'],
    ['E-mail', d.email ?? '—'],
    ['Telefoon', d.phone ?? '—'],
    ['Rekening', d.iban ? formatIban(d.iban) : '—'],
    ['Soort', d.organisation ? 'organisatie (handelsvordering)' : 'natuurlijk persoon (consument)'],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.fillColor('#555555').text(label, doc.page.margins.left, y, { width: 90 }).fillColor('#000000').text(winAnsi(value), doc.page.margins.left + 90, y, { width: width - 90 });
  }

  heading('Vordering');
  table(
    doc,
    [{ title: 'Document', width: 64 }, { title: 'Omschrijving', width: 150 }, { title: 'Datum', width: 54 }, { title: 'Vervaldatum', width: 58 }, { title: 'Bedrag', width: 58, align: 'right' }, { title: 'Betaald', width: 58, align: 'right' }, { title: 'Open', width: 57, align: 'right' }],
    p.items.map((i) => [winAnsi(i.document), winAnsi(i.description), formatDate(i.itemDate), formatDate(i.dueDate), money(i.amount, 'nl'), money(i.paid, 'nl'), money(i.open, 'nl')]),
    { fontSize: 8.5 },
  );
  const sums: [string, number][] = [['Hoofdsom', p.items.reduce((s, i) => s + i.open, 0)], ...p.fees.map((f): [string, number] => [f.description, f.amount])];
  const c = p.collectionCosts;
  if (c?.charged) sums.push(['Buitengerechtelijke incassokosten', c.amount], ...(c.vat > 0 ? [['BTW over de incassokosten', c.vat] as [string, number]] : []));
  if (p.interest) sums.push(['Wettelijke rente', p.interest]);
  sums.push(['Totaal', handOverTotal(p)]);
  doc.y += 2;
  for (const [i, [label, amount]] of sums.entries()) {
    const y = doc.y + (i === sums.length - 1 ? 3 : 0);
    doc.font(i === sums.length - 1 ? 'Helvetica-Bold' : 'Helvetica').text(winAnsi(label), doc.page.margins.left + width - 260, y, { width: 180 }).text(money(amount, 'nl'), doc.page.margins.left + width - 80, y, { width: 80, align: 'right' });
    doc.y += 2;
  }
  if (c && !c.charged) doc.font('Helvetica').fillColor('#555555').text(`Incassokosten van ${money(c.amount + c.vat, 'nl')} zijn aangekondigd, nog niet in rekening gebracht.`, doc.page.margins.left, doc.y + 4, { width });

  heading('Verstuurde brieven');
  if (p.letters.length) {
    table(doc, [{ title: 'Datum', width: 70 }, { title: 'Brief', width: 250 }, { title: 'Verstuurd', width: 80 }, { title: 'Bedrag', width: 99, align: 'right' }], p.letters.map((l) => [formatDate(l.date), winAnsi(l.levelName), l.delivery === 'email' ? 'e-mail' : 'post', money(l.total, 'nl')]), { fontSize: 8.5 });
  } else doc.text('Geen.');

  heading('Contacten, afspraken en storno’s');
  if (p.events.length) {
    table(doc, [{ title: 'Datum', width: 70 }, { title: 'Soort', width: 70 }, { title: 'Wat', width: 359 }], p.events.map((e) => [formatDate(e.date), KIND[e.kind], winAnsi(e.text)]), { fontSize: 8.5 });
  } else doc.text('Geen.');
  doc.end();
  return { fileName: `overdracht-${d.number}.pdf`, pdf: await done };
}

/** A cell for Excel: quoted when it holds the separator, a quote or a line break; text that Excel would run as a formula is defused. */
function cell(value: string | number, text = true): string {
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** 1234,56: Dutch Excel reads a decimal comma as a number; no thousands separator to misread. */
const decimal = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

export const CLAIMS_COLUMNS = ['Lidnummer', 'Naam', 'Soort debiteur', 'Straat', 'Postcode', 'Plaats', 'Land', 'E-mail', 'Telefoon', 'IBAN', 'Soort', 'Document', 'Omschrijving', 'Datum', 'Vervaldatum', 'Bedrag', 'Betaald', 'Openstaand'];

/**
 * The claims of every handed-over debtor, one row per open item, fee, cost and interest:
 * semicolon-separated UTF-8 with a byte-order mark (so Excel shows é and €), CRLF, dates dd-mm-jjjj.
 */
export function claimsCsv(packages: HandOverInput[]): { fileName: string; csv: Buffer } {
  packages.forEach(check);
  const lines = [CLAIMS_COLUMNS.join(';')];
  for (const p of packages) {
    const d = p.debtor;
    const who = [d.number, d.name, d.organisation ? 'organisatie' : 'consument', d.street ?? '', d.postalCode ?? '', d.city ?? '', d.country, d.email ?? '', d.phone ?? '', d.iban ?? ''].map((v) => cell(v));
    const row = (kind: string, document: string, description: string, date: string, due: string, amount: number, paid: number, open: number) =>
      lines.push([...who, cell(kind), cell(document), cell(description), date ? formatDate(date) : '', due ? formatDate(due) : '', decimal(amount), decimal(paid), decimal(open)].join(';'));
    for (const i of p.items) row('hoofdsom', i.document, i.description, i.itemDate, i.dueDate, i.amount, i.paid, i.open);
    for (const f of p.fees) row('aanmaankosten', '', f.description, '', '', f.amount, 0, f.amount);
    const c = p.collectionCosts;
    if (c?.charged) {
      row('incassokosten', '', 'Buitengerechtelijke incassokosten', p.date, '', c.amount, 0, c.amount);
      if (c.vat > 0) row('btw incassokosten', '', 'BTW over de incassokosten', p.date, '', c.vat, 0, c.vat);
    }
    if (p.interest) row('rente', '', 'Wettelijke rente', p.date, '', p.interest, 0, p.interest);
  }
  const date = packages[0]?.date ?? '';
  return { fileName: `vorderingen-overdracht${date ? `-${date}` : ''}.csv`, csv: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]) };
}

/** The whole package: a dossier PDF per debtor and one CSV of all claims. */
export async function handOverPackage(packages: HandOverInput[]): Promise<{ dossiers: { debtorNumber: string; fileName: string; pdf: Buffer }[]; claims: { fileName: string; csv: Buffer } }> {
  const claims = claimsCsv(packages);
  const dossiers = [];
  for (const p of packages) dossiers.push({ debtorNumber: p.debtor.number, ...(await handOverDossierPdf(p)) });
  return { dossiers, claims };
}
