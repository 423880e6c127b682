import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { api, METHODS } from '../shared/api/contract';
import { exitCodeFor, type ApiErrorData } from '../shared/api/errors';
import { dispatchAsync } from './api';
import type { Ctx } from './context';
import { openSession } from './session';
import { defaultLedgerFile } from './paths';

/**
 * The CLI transport: `penning [--db <file>] [--lang nl|en] <command>`. Results go to stdout as
 * JSON, messages to stderr. Exit code 2 means the input was refused (nothing was written), 1 an
 * internal failure or wrong usage.
 */
const USAGE = `Usage: penning [--db <file>] [--lang nl|en] <command>

Commands:
  init [--demo]              create (or open) the ledger; --demo fills an empty one with the demo club
  status                     show whether the ledger is set up
  methods                    list the API methods with their input schema
  call <method> ['<json>']   call an API method with JSON input and print the JSON result
  invoice-pdf <id> --out <file.pdf>
                             write an invoice or credit note as PDF
  import-members <file.csv> [--dry-run]
                             import the member list (matched on member number); prints the report
  help                       this text

The ledger defaults to ${defaultLedgerFile()} (or $PENNING_DB).`;

interface Parsed {
  db: string;
  lang: 'nl' | 'en';
  command: string | undefined;
  rest: string[];
  flags: Set<string>;
}

function parseArgs(argv: string[]): Parsed {
  let db = defaultLedgerFile();
  let lang: 'nl' | 'en' = 'nl';
  const positional: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') db = argv[++i] ?? fail('--db needs a file name');
    else if (a === '--lang') {
      const l = argv[++i];
      if (l !== 'nl' && l !== 'en') fail('--lang is nl or en');
      lang = l;
    } else if (a.startsWith('--')) flags.add(a);
    else positional.push(a);
  }
  return { db, lang, command: positional[0], rest: positional.slice(1), flags };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(1);
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function report(error: ApiErrorData, lang: 'nl' | 'en'): never {
  process.stderr.write(`${lang === 'nl' ? 'Fout' : 'Error'}: ${error.message[lang]}\n`);
  process.stderr.write(`${JSON.stringify({ error })}\n`);
  process.exit(exitCodeFor(error.code));
}

async function run(ctx: Ctx, method: string, input: unknown, lang: 'nl' | 'en'): Promise<unknown> {
  const result = await dispatchAsync(ctx, method, input);
  if (!result.ok) report(result.error, lang);
  return result.value;
}

function outFile(argv: string[]): string | undefined {
  const i = argv.indexOf('--out');
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Files that leave the app are written to a temporary name and renamed, so none is ever half written. */
function writeAtomically(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function methodsListing(): unknown[] {
  return METHODS.map((name) => ({
    name,
    kind: api[name].kind,
    summary: api[name].summary,
    input: z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' }),
  }));
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (!args.command || args.command === 'help' || args.flags.has('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.command === 'methods') return print(methodsListing());

  const { ledger, ctx } = openSession(args.db);
  try {
    switch (args.command) {
      case 'init': {
        for (const m of ledger.migration.applied) process.stderr.write(`migration applied: ${m}\n`);
        if (args.flags.has('--demo')) {
          const demo = await run(ctx, 'setup.demo', {}, args.lang) as { members: number; openingBalances: number };
          process.stderr.write(`Demo club created: ${demo.members} members, ${demo.openingBalances} opening balances.\n`);
        }
        print(await run(ctx, 'ledger.status', {}, args.lang));
        break;
      }
      case 'status':
        print(await run(ctx, 'ledger.status', {}, args.lang));
        break;
      case 'call': {
        const [method, json] = args.rest;
        if (!method) fail('call needs a method name (see "penning methods")');
        let input: unknown = {};
        if (json !== undefined) {
          try {
            input = JSON.parse(json);
          } catch (e) {
            report({ code: 'validation', field: 'input', rule: 'json', message: { nl: `Ongeldige JSON: ${(e as Error).message}`, en: `Invalid JSON: ${(e as Error).message}` } }, args.lang);
          }
        }
        print(await run(ctx, method, input, args.lang));
        break;
      }
      case 'import-members': {
        const [file] = args.rest;
        if (!file) fail('import-members needs a CSV file');
        if (!fs.existsSync(file)) fail(`No such file: ${file}`);
        const content = fs.readFileSync(file).toString('base64');
        const report = await run(ctx, args.flags.has('--dry-run') ? 'imports.members.preview' : 'imports.members.commit', { content, fileName: path.basename(file) }, args.lang) as {
          created: number;
          updated: number;
          rejected: unknown[];
        };
        process.stderr.write(`${report.created} new, ${report.updated} updated, ${report.rejected.length} refused${args.flags.has('--dry-run') ? ' (dry run: nothing written)' : ''}\n`);
        print(report);
        break;
      }
      case 'invoice-pdf': {
        const [id] = args.rest;
        const out = outFile(argv);
        if (!id || !out) fail('invoice-pdf needs an invoice id and --out <file.pdf>');
        const { base64 } = (await run(ctx, 'invoices.pdf', { id: Number(id) }, args.lang)) as { base64: string };
        writeAtomically(out, Buffer.from(base64, 'base64'));
        print({ file: path.resolve(out), bytes: Buffer.byteLength(base64, 'base64') });
        break;
      }
      default:
        fail(`Unknown command: ${args.command}`);
    }
  } finally {
    ledger.close();
  }
}

void main(process.argv.slice(2));
