import { api } from '../../shared/api/contract';
import { issueText } from '../../shared/api/zodError';
import type { Args } from './args';
import { type Caller, print, say } from './io';

/**
 * `penning init [--demo] [--name <org> [--creditor-id <id>] [--iban <iban> [--bic <bic>] [--bank-name <text>]]]`:
 * creates (or opens) the ledger and, with --name, sets it up the way the first-run screen does,
 * so the CLI alone makes a ledger that can collect.
 */

/** Where each flag lands in setup.initialize's input, so a refusal names the flag the user typed. */
const FLAG_OF_FIELD: Record<string, string> = {
  'organisation.name': '--name',
  creditorId: '--creditor-id',
  'bankAccounts.0.iban': '--iban',
  'bankAccounts.0.bic': '--bic',
  'bankAccounts.0.name': '--bank-name',
};

const SETUP_FLAGS = ['--name', '--creditor-id', '--iban', '--bic', '--bank-name'];

export function setupInput(args: Args): unknown {
  const o = args.options;
  const bankAccounts = o.has('--iban') || o.has('--bic') || o.has('--bank-name')
    ? [{ name: o.get('--bank-name') ?? (args.lang === 'nl' ? 'Hoofdrekening' : 'Main account'), iban: o.get('--iban'), bic: o.get('--bic') }]
    : [];
  return { organisation: { name: o.get('--name') }, creditorId: o.get('--creditor-id'), bankAccounts };
}

/**
 * Every bad flag on its own line (not only the first). Checked before the ledger is opened, so a
 * typo in --iban does not leave a new, empty ledger behind.
 */
export function setupFlagErrors(args: Args): string[] {
  const setup = SETUP_FLAGS.some((f) => args.options.has(f));
  const nl = args.lang === 'nl';
  if (!setup) return [];
  if (args.flags.has('--demo')) return [nl ? '--demo en --name gaan niet samen: de demovereniging heeft haar eigen gegevens' : '--demo and --name do not go together: the demo club has its own details'];
  const parsed = api['setup.initialize'].input.safeParse(setupInput(args));
  if (parsed.success) return [];
  const lines = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const text = issueText(issue);
    const flag = FLAG_OF_FIELD[text.field] ?? text.field;
    if (!lines.has(flag)) lines.set(flag, `${flag}: ${nl ? text.nl : text.en}`);
  }
  return [...lines.values()];
}

export async function initCommand(c: Caller, args: Args, appliedMigrations: string[]): Promise<void> {
  for (const m of appliedMigrations) say(`migration applied: ${m}`);
  if (SETUP_FLAGS.some((f) => args.options.has(f))) {
    const settings = await c.call('setup.initialize', setupInput(args) as never);
    say(c.lang === 'nl' ? `Administratie ingericht voor ${settings.organisation.name}.` : `Ledger set up for ${settings.organisation.name}.`);
  }
  if (args.flags.has('--demo')) {
    const demo = await c.call('setup.demo', {});
    say(`Demo club created: ${demo.members} members, ${demo.openingBalances} opening balances.`);
  }
  print(await c.call('ledger.status', {}));
}
