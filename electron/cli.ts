import { parseArgs, requestedLang } from './cli/args';
import { exitWithFailure } from './cli/boundary';
import { quickStatus } from './cli/quickStatus';
import { defaultLedgerFile } from './paths';

/**
 * The CLI transport's entrance: `penning [--db <file>] [--lang nl|en] <command>`. Only what every
 * command needs is loaded here; the commands, the contract and the domain come with cli/run.ts,
 * so `penning status` on a ledger that needs nothing at start answers without them.
 */
async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.positional[0] === 'status' && args.positional.length === 1) {
    const status = quickStatus(args.db);
    if (status) {
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      return;
    }
  }
  await (await import('./cli/run')).run(args);
}

const argv = process.argv.slice(2);
const dbIndex = argv.indexOf('--db');
const fail = (e: unknown) => exitWithFailure(e, requestedLang(argv), (dbIndex >= 0 ? argv[dbIndex + 1] : undefined) ?? defaultLedgerFile());
// `penning ... | head`: the reader went away after what it wanted; the command's work is done and nothing is wrong
process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : fail(e)));
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main(argv).catch(fail);
