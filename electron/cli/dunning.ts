import fs from 'node:fs';
import { isIsoDate } from '../../shared/dates';
import { parseEuro } from '../../shared/money';
import { collectionCosts } from '../dunning/collectionCosts';
import { type Args, UsageError } from './args';
import { memberId } from './dossier';
import { type Caller, print, report } from './io';

/**
 * `penning incassokosten <bedrag>`: the statutory collection costs for a principal as the treasurer
 * types it (1.234,56 / 80 / 80,00), without BTW — the function the letters use. Needs no ledger.
 */
export function incassokostenCommand(args: Args): void {
  const text = args.positional[1];
  if (text === undefined) throw new UsageError('incassokosten heeft een bedrag nodig, bijvoorbeeld: penning incassokosten 1.234,56', 'incassokosten needs an amount, for example: penning incassokosten 1.234,56');
  const amount = parseEuro(text);
  const refuse = (rule: string, nl: string, en: string): never => report({ code: 'validation', field: 'bedrag', rule, message: { nl, en } }, args.lang);
  if (!amount.ok) refuse(amount.rule, amount.nl, amount.en);
  const principal = amount.ok ? amount.value : 0;
  if (principal <= 0) refuse('min', `Bedrag "${text}": de hoofdsom moet groter zijn dan 0`, `Amount "${text}": the principal must be more than 0`);
  print({ principal, costs: collectionCosts(principal) });
}

/**
 * `penning dunning-run --date <d> [--dry-run] --out <folder>`: the run for every debtor the proposal
 * names, booked in one transaction (or not at all with --dry-run), the letters written into a folder
 * of the run under --out (per member a PDF and an .eml draft, and one PDF to print); prints the summary.
 */
export async function dunningRunCommand(c: Caller, args: Args): Promise<void> {
  const date = args.options.get('--date');
  const out = args.options.get('--out');
  const dryRun = args.flags.has('--dry-run');
  if (!date) throw new UsageError('dunning-run heeft --date <jjjj-mm-dd> nodig', 'dunning-run needs --date <yyyy-mm-dd>');
  if (!out) throw new UsageError('dunning-run heeft --out <map> nodig (daar komen de brieven)', 'dunning-run needs --out <folder> (where the letters go)');
  if (!isIsoDate(date)) report({ code: 'validation', field: 'date', rule: 'date', message: { nl: `--date "${date}": datum moet JJJJ-MM-DD zijn`, en: `--date "${date}": date must be YYYY-MM-DD` } }, c.lang);
  if (!fs.statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
    report({ code: 'validation', field: 'out', rule: 'folder', message: { nl: `--out "${out}": map bestaat niet`, en: `--out "${out}": folder does not exist` } }, c.lang);
  }
  const proposal = await c.call('dunning.proposal', { date });
  const result = await c.call('dunning.run', { date, debtorIds: proposal.debtors.map((d) => d.debtorId), dryRun, ...(dryRun ? {} : { out }) });
  const byNumber = new Map(proposal.debtors.map((d) => [d.debtorNumber, d]));
  print({
    date,
    dryRun,
    runId: result.runId,
    letters: result.letters.map((l) => {
      const p = byNumber.get(l.debtor.number);
      return {
        debtor: l.debtor.number,
        name: l.debtor.name,
        level: l.levelName,
        delivery: p?.delivery ?? (l.debtor.email ? 'email' : 'print'),
        principal: l.items.reduce((s, i) => s + i.open, 0),
        fees: l.fees.reduce((s, f) => s + f.amount, 0),
        costs: l.collectionCosts,
        interest: l.interest,
        total: l.total,
        paymentReference: l.paymentReference,
        termEndsOn: l.termEndsOn,
      };
    }),
    fees: result.fees,
    costs: result.costs,
    costsVat: result.costsVat,
    interest: result.interest,
    costsLowered: result.costsLowered,
    excluded: result.excluded.map((e) => ({ debtor: e.debtorNumber, name: e.debtorName, document: e.document, amount: e.balance, reason: e.reason, detail: e.detail })),
    folder: result.folder,
    printFile: result.printFile,
    files: result.files.map((f) => ({ debtor: f.debtorNumber, pdf: f.pdf, eml: f.eml })),
  });
}


/**
 * `penning hand-over <member...> --date <d> --out <folder>`: hands the members over to the
 * collection agency (dossier PDF each, one claims CSV, in a folder of the hand-over under --out);
 * prints what was handed over. Members are named by number or unique name, as in `dossier`.
 */
export async function handOverCommand(c: Caller, args: Args): Promise<void> {
  const members = args.positional.slice(1);
  const date = args.options.get('--date');
  const out = args.options.get('--out');
  if (members.length === 0) throw new UsageError('hand-over heeft minstens één lid nodig: penning hand-over <lid...> --date <jjjj-mm-dd> --out <map>', 'hand-over needs at least one member: penning hand-over <member...> --date <yyyy-mm-dd> --out <folder>');
  if (!date) throw new UsageError('hand-over heeft --date <jjjj-mm-dd> nodig', 'hand-over needs --date <yyyy-mm-dd>');
  if (!out) throw new UsageError('hand-over heeft --out <map> nodig (daar komt het overdrachtsdossier)', 'hand-over needs --out <folder> (where the hand-over package goes)');
  if (!isIsoDate(date)) report({ code: 'validation', field: 'date', rule: 'date', message: { nl: `--date "${date}": datum moet JJJJ-MM-DD zijn`, en: `--date "${date}": date must be YYYY-MM-DD` } }, c.lang);
  if (!fs.statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
    report({ code: 'validation', field: 'out', rule: 'folder', message: { nl: `--out "${out}": map bestaat niet`, en: `--out "${out}": folder does not exist` } }, c.lang);
  }
  const debtorIds: number[] = [];
  for (const m of members) debtorIds.push(await memberId(c, m));
  const r = await c.call('dunning.handOver', { date, debtorIds, out });
  print({
    handOverId: r.handOverId,
    date: r.date,
    folder: r.folder,
    claimsFile: r.claimsFile,
    total: r.total,
    debtors: r.debtors.map((d) => ({ debtor: d.debtorNumber, name: d.debtorName, items: d.items, total: d.total, status: d.statusName, pdf: d.pdf })),
  });
}
