import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { api, METHODS } from '../shared/api/contract';
import { type Args, parseArgs, UsageError } from './cli/args';
import { type Caller, caller, print, report, say, writeAtomically } from './cli/io';
import { batchCommand, collectCommand, refundCommand } from './cli/collection';
import { debtorCommand, feeRunCommand, invoiceCommand, itemsCommand, mergeCommand, splitCommand } from './cli/receivables';
import { openSession } from './session';
import { defaultLedgerFile } from './paths';

/**
 * The CLI transport: `penning [--db <file>] [--lang nl|en] <command>`. Results go to stdout as
 * JSON, messages to stderr. Exit code 2 means the input was refused (nothing was written), 1 an
 * internal failure or wrong usage.
 */
const USAGE = `Usage: penning [--db <file>] [--lang nl|en] <command>

Ledger:
  init [--demo]              create (or open) the ledger; --demo fills an empty one with the demo club
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
  split <item> (--parts <n> --first-due <d> [--every <months>] | --due <d1,d2,...>)
        [--amounts "<euro>;<euro>;..."] [--arrangement] [--reason <text>]
  merge <item> <item> [...] [--due <d>] [--reason <text>]

Collection and refunds:
  collect [--bank <iban>] [--date <d> | --per-due-date] [--due-up-to <d>] [--include-not-due]
          [--scheme CORE|B2B] [--exclude <item,...>] (--out <file.xml> | --dry-run)
                             save a direct-debit run (pain.008); prints debits, control sum and the
                             items not collected with the reason; more files when the bank's limit asks
  refund [--bank <iban>] [--date <d>] [--debtors <n,n,...>] --out <file.xml>
                             pay back credit balances (pain.001); all members with a credit by default
  batch list | show <batch> | file <batch> [--file <n>] --out <file.xml>
  batch report <batch> --out <file.pdf>
                             the verzamelstaat: every transaction, totals and control sum
  batch specs <batch> --folder <dir>
                             per member a PDF of what is collected, named to be mailed
  batch cancel <batch> [--reason <text>]
                             until the bank confirms: reverse the booking, reopen the items, void the file

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
  if (!method) throw new UsageError('call needs a method name (see "penning methods")');
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
  if (!file) throw new UsageError('import-members needs a CSV file');
  if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
  const dryRun = args.flags.has('--dry-run');
  const input = { content: fs.readFileSync(file).toString('base64'), fileName: path.basename(file) };
  const result = dryRun ? await c.call('imports.members.preview', input) : await c.call('imports.members.commit', input);
  say(`${result.created} new, ${result.updated} updated, ${result.rejected.length} refused, ${result.warnings.length} warnings${dryRun ? ' (dry run: nothing written)' : ''}`);
  for (const w of result.warnings) say(`${c.lang === 'en' ? 'Line' : 'Regel'} ${w.line}: ${w.message[c.lang]}`);
  print(result);
}

async function invoicePdfCommand(c: Caller, args: Args): Promise<void> {
  const id = args.positional[1];
  const out = args.options.get('--out');
  if (!id || !out) throw new UsageError('invoice-pdf needs an invoice id and --out <file.pdf>');
  const { base64 } = await c.call('invoices.pdf', { id: Number(id) });
  writeAtomically(out, Buffer.from(base64, 'base64'));
  print({ file: path.resolve(out), bytes: Buffer.byteLength(base64, 'base64') });
}

const COMMANDS: Record<string, (c: Caller, args: Args) => Promise<void>> = {
  status: async (c) => print(await c.call('ledger.status', {})),
  call: callCommand,
  'import-members': importMembersCommand,
  'invoice-pdf': invoicePdfCommand,
  'fee-run': feeRunCommand,
  invoice: invoiceCommand,
  items: itemsCommand,
  split: splitCommand,
  merge: mergeCommand,
  debtor: debtorCommand,
  collect: collectCommand,
  refund: refundCommand,
  batch: batchCommand,
};

export async function main(argv: string[]): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return usage((e as Error).message);
  }
  const command = args.positional[0];
  if (!command || command === 'help' || args.flags.has('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'methods') return print(methodsListing());
  if (command !== 'init' && !COMMANDS[command]) return usage(`Unknown command: ${command}`);

  const { ledger, ctx } = openSession(args.db);
  try {
    const c = caller(ctx, args.lang);
    if (command === 'init') {
      for (const m of ledger.migration.applied) say(`migration applied: ${m}`);
      if (args.flags.has('--demo')) {
        const demo = await c.call('setup.demo', {});
        say(`Demo club created: ${demo.members} members, ${demo.openingBalances} opening balances.`);
      }
      print(await c.call('ledger.status', {}));
    } else {
      await COMMANDS[command]!(c, args);
    }
  } catch (e) {
    if (e instanceof UsageError) usage(e.message);
    throw e;
  } finally {
    ledger.close();
  }
}

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(1);
}

void main(process.argv.slice(2));
