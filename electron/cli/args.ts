import { defaultLedgerFile } from '../paths';

/** Options that take a value; every other `--x` is a yes/no flag. */
const VALUED = new Set([
  '--db', '--lang', '--out', '--description', '--amount', '--date', '--due', '--group', '--status', '--debtors', '--debtor',
  '--parts', '--amounts', '--first-due', '--every', '--reason', '--bank', '--scheme', '--folder', '--ids', '--due-up-to', '--exclude', '--file',
  '--name', '--creditor-id', '--iban', '--bic', '--bank-name', '--kind', '--text', '--follow-up',
]);

export interface Args {
  db: string;
  lang: 'nl' | 'en';
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** Yes/no flags some command understands; anything else starting with `--` is a typo and refused. */
const FLAGS = new Set(['--demo', '--dry-run', '--help', '--from-card', '--arrangement', '--overdue', '--per-due-date', '--include-not-due', '--no-merge', '--no-net-credits', '--confirm-prenotification', '--progress', '--no-progress']);

/** Wrong use of the command line (exit 1), in both languages like every other message. */
export class UsageError extends Error {
  constructor(
    readonly nl: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** The language asked for, read before the arguments are known to be valid (a usage error needs it too). */
export function requestedLang(argv: string[]): 'nl' | 'en' {
  return argv[argv.indexOf('--lang') + 1] === 'en' && argv.includes('--lang') ? 'en' : 'nl';
}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUED.has(a)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} heeft een waarde nodig`, `${a} needs a value`);
      options.set(a, value);
    } else if (a.startsWith('--')) {
      if (!FLAGS.has(a)) throw new UsageError(`onbekende optie ${a}`, `unknown option ${a}`);
      flags.add(a);
    }
    else positional.push(a);
  }
  const lang = options.get('--lang') ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError('--lang is nl of en', '--lang is nl or en');
  return { db: options.get('--db') ?? defaultLedgerFile(), lang, positional, options, flags };
}

/** "1001,1002 1003" or "50,00;50,00": lists on the command line, split on the given separators. */
export function listOption(value: string | undefined, separators: RegExp): string[] {
  return value === undefined ? [] : value.split(separators).map((s) => s.trim()).filter(Boolean);
}

export function idArgument(value: string | undefined, what: { nl: string; en: string }): number {
  const n = Number(value);
  if (value === undefined) throw new UsageError(`${what.nl} ontbreekt`, `${what.en} is missing`);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) {
    throw new UsageError(`${what.nl} moet een positief geheel getal zijn, niet "${value}"`, `${what.en} must be a positive whole number, not "${value}"`);
  }
  return n;
}
