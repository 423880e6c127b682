import { defaultLedgerFile } from '../paths';

/** Options that take a value; every other `--x` is a yes/no flag. */
const VALUED = new Set([
  '--db', '--lang', '--out', '--description', '--amount', '--date', '--due', '--group', '--status', '--debtors', '--debtor',
  '--parts', '--amounts', '--first-due', '--every', '--reason', '--bank', '--scheme', '--folder', '--ids', '--due-up-to', '--exclude', '--file',
  '--name', '--creditor-id', '--iban', '--bic', '--bank-name',
]);

export interface Args {
  db: string;
  lang: 'nl' | 'en';
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUED.has(a)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a value`);
      options.set(a, value);
    } else if (a.startsWith('--')) flags.add(a);
    else positional.push(a);
  }
  const lang = options.get('--lang') ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError('--lang is nl or en');
  return { db: options.get('--db') ?? defaultLedgerFile(), lang, positional, options, flags };
}

/** "1001,1002 1003" or "50,00;50,00": lists on the command line, split on the given separators. */
export function listOption(value: string | undefined, separators: RegExp): string[] {
  return value === undefined ? [] : value.split(separators).map((s) => s.trim()).filter(Boolean);
}

export function idArgument(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!value || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${what} must be a number`);
  return n;
}
