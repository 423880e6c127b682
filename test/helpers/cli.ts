import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** The CLI as a child process, exactly as a user runs it (`npm run cli` = tsx electron/cli.ts), on one ledger file. */
export function cliOn(db?: string): (...args: string[]) => CliResult {
  return (...args) => {
    const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'electron', 'cli.ts'), ...(db ? ['--db', db] : []), ...args], { cwd: root, encoding: 'utf8' });
    return cliResult(r);
  };
}

/** A finished CLI process as the tests read it, with stdout parsed when it is JSON. */
export function cliResult(r: SpawnSyncReturns<string>): CliResult {
  let json: unknown;
  try {
    json = r.stdout ? JSON.parse(r.stdout) : undefined;
  } catch {
    json = undefined;
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json };
}
