import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { bundled } from './processBundles';

const root = path.resolve(__dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/**
 * The CLI as a child process on one ledger file, as the installed `penning` runs it: today's
 * electron/cli.ts bundled (processBundles.ts) and started with node. `npm run cli` (tsx) itself is
 * tested in cli.test.ts.
 */
export function cliOn(db?: string): (...args: string[]) => CliResult {
  return (...args) => {
    const r = spawnSync(process.execPath, [bundled('cli'), ...(db ? ['--db', db] : []), ...args], { cwd: root, encoding: 'utf8' });
    return cliResult(r);
  };
}

/**
 * A finished CLI process as the tests read it, with stdout parsed when it is JSON. A process ended
 * by a signal has the exit status a shell reports for it: 128 + the signal's number (137 for SIGKILL).
 */
export function cliResult(r: SpawnSyncReturns<string>): CliResult {
  let json: unknown;
  try {
    json = r.stdout ? JSON.parse(r.stdout) : undefined;
  } catch {
    json = undefined;
  }
  const code = r.status ?? (r.signal ? 128 + os.constants.signals[r.signal] : null);
  return { code, stdout: r.stdout, stderr: r.stderr, json };
}
