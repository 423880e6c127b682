import path from 'node:path';
import { z } from 'zod';
import { api, METHODS } from '../../shared/api/contract';
import { type Args, UsageError } from './args';
import { type Caller, caller, print, readInputFile, report, say } from './io';
import { progressMode } from './progressLine';
import { initCommand, setupFlagErrors } from './init';
import { backupCommand, backupsCommand, openForCommand, refused, restoreCommand, tellStartup } from './ledgerFile';
import { checkOutputTarget, writeFiles } from '../files/atomicOutput';
import { defaultLedgerFile } from '../paths';

/**
 * The CLI transport: `penning [--db <file>] [--lang nl|en] <command>`. Results go to stdout as
 * JSON, messages to stderr. Exit code 2 means the input was refused (nothing was written), 1 an
 * internal failure or wrong usage.
 */
const USAGE = `Usage: penning [--db <file>] [--lang nl|en] <command>

Ledger:
  init [--demo]              create (or open) the ledger; --demo fills an empty one with the demo club
  init --name <organisation> [--creditor-id <id>] [--iban <iban> [--bic <bic>] [--bank-name <text>]]
                             create the ledger and set it up: organisation, creditor id, first bank account
                             (only init creates a ledger; every other command needs an existing one)
  status                     show whether the ledger is set up
  methods                    list the API methods with their input schema
  call <method> ['<json>']   call any API method with JSON input and print the JSON result

Members and invoices:
  import-members <file.csv> [--dry-run]
                             import the member list (matched on member number); prints the report
  debtor <member>            the debtor card: balance, mandates, invoices, items and their history
  fee-run create --description <text> --amount <euro> [--date <d>] [--due <d>]
                 [--group <name> | --status <name> | --debtors <n,n,...>] [--from-card]
                             draft invoices for a choice of members (--from-card: each member's own fee)
  fee-run list | show <run> | block <run> <member> | unblock <run> <member> | post <run>
  invoice show|post|block|unblock <id>
  invoice credit <id> [--amount <euro>] [--description <text>]
                             credit note for all of an invoice, or for the given amount
  invoice-pdf <id> --out <file.pdf>
                             write an invoice or credit note as PDF

Open items:
  items [--debtor <member>] [--status open|blocked|arrangement|closed|all] [--overdue]
  split <item> (--parts <n> [--first-due <d>] [--every <months>] | --due <d1,d2,...>)
        [--amounts "<euro>;<euro>;..."] [--arrangement] [--reason <text>]
  merge <item> <item> [...] [--due <d>] [--reason <text>]

Collection and refunds:
  collect [--bank <iban>] [--date <d> | --per-due-date] [--due-up-to <d>] [--include-not-due]
          [--scheme CORE|B2B] [--exclude <item,...>] [--no-merge] [--no-net-credits]
          [--confirm-prenotification] (--out <file.xml> | --dry-run)
                             save a direct-debit run (pain.008); prints debits, control sum and the
                             items not collected with the reason; more files when the bank's limit asks.
                             A member's items on one date become one debit (--no-merge: one per item),
                             credits are set off (--no-net-credits: they wait for a refund); items
                             collected sooner than their invoice announced are listed, and saving them
                             needs --confirm-prenotification (the specification is the new notice)
  refund [--bank <iban>] [--date <d>] [--debtors <n,n,...>] --out <file.xml>
                             pay back credit balances (pain.001); all members with a credit by default
  batch list | show <batch> | file <batch> [--file <n>] --out <file.xml>
  batch report <batch> --out <file.pdf>
                             the verzamelstaat: every transaction, totals and control sum
  batch specs <batch> --folder <dir>
                             per member a PDF of what is collected, named to be mailed
  batch cancel <batch> [--reason <text>]
                             until the bank confirms: reverse the booking, reopen the items, void the file

Bank statements:
  import-statement <file> [--dry-run]
                             read a bank file (camt.052/053/054, pain.002, MT940; the format from the
                             content), book every new entry once and match it; prints the statements
                             with their balance check and what was matched. --dry-run books nothing
                             and reads any account or currency; a real import takes only the club's
                             own accounts in EUR
  statements list            imported statements with their balance checks
  statement show <id>        one statement with its entries, their match and explanation
  match <entry> <item> [...] match an incoming payment to open items by hand (remembers the IBAN)

Follow-up (debiteurbewaking):
  dossier <member>           the member's dossier as JSON, newest first: calls, e-mails, agreements, notes,
                             and the dunning letters and returned debits (member number, or a unique name)
  dossier add <member> --kind call|email|letter|agreement|note --text <text> [--date <d>] [--follow-up <d>]
                             record a contact (the date defaults to today); --follow-up puts the member on
                             the belrondje on that day

Dunning (aanmaningen):
  dunning-run --date <d> [--dry-run] --out <folder>
                             the dunning run for that date: per member one letter at the level reached,
                             fees and charged collection costs booked, levels and statuses advanced;
                             prints the letters, fees, costs and who was left out and why.
                             --dry-run books nothing
  hand-over <member...> --date <d> --out <folder>
                             hand members whose claim passed the last level over to the collection
                             agency: a dossier PDF each and one claims CSV in a folder under --out;
                             their items are blocked (overgedragen) and the status set; prints JSON
  incassokosten <bedrag>     the statutory collection costs (WIK scale, without BTW) for a principal
                             typed as 1.234,56, 80 or 80,00; prints {"principal": cents, "costs": cents}

Backups (in <ledger>.backups/ beside the ledger):
  backup [--out <file>]      a copy of the ledger now (in the backups folder, or at --out)
  backups                    list the backups, newest first
  restore <file>             put a backup back; the current file is kept aside in the backups folder

Long work (member import, saving a collection, specifications, the batch report) shows its progress
on stderr: one line that updates itself on a terminal; --progress prints plain lines to a pipe or
file too, --no-progress shows none.

Dates are yyyy-mm-dd, amounts Dutch or plain (150,00 or 150.00).
The ledger defaults to ${defaultLedgerFile()} (or $PENNING_DB).`;

function methodsListing(): unknown[] {
  return METHODS.map((name) => ({
    name,
    kind: api[name].kind,
    summary: api[name].summary,
    input: z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' }),
  }));
}

async function callCommand(c: Caller, args: Args): Promise<void> {
  const [, method, json] = args.positional;
  if (!method) throw new UsageError('call heeft een functienaam nodig (zie "penning methods")', 'call needs a method name (see "penning methods")');
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch (e) {
      report({ code: 'validation', field: 'input', rule: 'json', message: { nl: `Ongeldige JSON: ${(e as Error).message}`, en: `Invalid JSON: ${(e as Error).message}` } }, c.lang);
    }
  }
  print(await c.callUntyped(method, input));
}

async function importMembersCommand(c: Caller, args: Args): Promise<void> {
  const file = args.positional[1];
  if (!file) throw new UsageError('import-members heeft een CSV-bestand nodig', 'import-members needs a CSV file');
  const dryRun = args.flags.has('--dry-run');
  const input = { content: readInputFile(file, c.lang).toString('base64'), fileName: path.basename(file) };
  const result = dryRun ? await c.call('imports.members.preview', input) : await c.call('imports.members.commit', input);
  say(`${result.created} new, ${result.updated} updated, ${result.rejected.length} refused, ${result.warnings.length} warnings${dryRun ? ' (dry run: nothing written)' : ''}`);
  for (const w of result.warnings) say(`${c.lang === 'en' ? 'Line' : 'Regel'} ${w.line}: ${w.message[c.lang]}`);
  print(result);
}

async function invoicePdfCommand(c: Caller, args: Args): Promise<void> {
  const id = args.positional[1];
  const out = args.options.get('--out');
  if (!id || !out) throw new UsageError('invoice-pdf heeft een factuurnummer en --out <bestand.pdf> nodig', 'invoice-pdf needs an invoice id and --out <file.pdf>');
  const target = refused(c.lang, () => checkOutputTarget(out));
  const { base64 } = await c.call('invoices.pdf', { id: Number(id) });
  refused(c.lang, () => writeFiles([{ path: target, data: Buffer.from(base64, 'base64') }]));
  print({ file: target, bytes: Buffer.byteLength(base64, 'base64') });
}

type Command = (c: Caller, args: Args) => Promise<void>;

/**
 * Each command's module is loaded only when that command runs (`penning status` must answer in
 * well under 150 ms; the collection and receivables commands bring more code with them).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  status: async () => async (c) => print(await c.call('ledger.status', {})),
  call: async () => callCommand,
  'import-members': async () => importMembersCommand,
  'invoice-pdf': async () => invoicePdfCommand,
  'fee-run': async () => (await import('./receivables')).feeRunCommand,
  invoice: async () => (await import('./receivables')).invoiceCommand,
  items: async () => (await import('./receivables')).itemsCommand,
  split: async () => (await import('./receivables')).splitCommand,
  merge: async () => (await import('./receivables')).mergeCommand,
  debtor: async () => (await import('./receivables')).debtorCommand,
  collect: async () => (await import('./collection')).collectCommand,
  refund: async () => (await import('./collection')).refundCommand,
  batch: async () => (await import('./collection')).batchCommand,
  'import-statement': async () => (await import('./statements')).importStatementCommand,
  statements: async () => (await import('./statements')).statementsCommand,
  statement: async () => (await import('./statements')).statementCommand,
  match: async () => (await import('./statements')).matchCommand,
  dossier: async () => (await import('./dossier')).dossierCommand,
  'dunning-run': async () => (await import('./dunning')).dunningRunCommand,
  'hand-over': async () => (await import('./dunning')).handOverCommand,
  backup: async () => backupCommand,
  backups: async () => backupsCommand,
};

export async function run(args: Args): Promise<void> {
  const command = args.positional[0];
  if (!command || command === 'help' || args.flags.has('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'methods') return print(methodsListing());
  // a calculation, not a ledger question: it answers without a ledger file
  if (command === 'incassokosten') return (await import('./dunning')).incassokostenCommand(args);
  if (command !== 'init' && command !== 'restore' && !Object.hasOwn(COMMANDS, command)) throw new UsageError(`onbekend commando: ${command}`, `unknown command: ${command}`);
  if (command === 'restore') return restoreCommand(args);
  if (command === 'init') {
    const errors = setupFlagErrors(args);
    for (const line of errors) say(`${args.lang === 'nl' ? 'Fout' : 'Error'}: ${line}`);
    if (errors.length > 0) process.exit(2);
  }
  const run = command === 'init' ? undefined : await COMMANDS[command]!();

  const { ledger, ctx, startup } = openForCommand(args, command);
  tellStartup(args.lang, ctx, startup);
  try {
    const c = caller(ctx, args.lang, progressMode(args.flags, process.stderr.isTTY === true));
    if (run) await run(c, args);
    else await initCommand(c, args, ledger.migration.applied);
  } finally {
    ledger.close();
  }
}
