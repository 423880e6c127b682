import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type CliResult, cliResult } from './cli';
import { bundled } from './processBundles';

const root = path.resolve(__dirname, '../..');

/**
 * The same CLI as `npm run cli`, bundled with esbuild once per test run (what tsx does per start,
 * see processBundles.ts), so a table of a hundred mistakes runs in seconds instead of minutes, with
 * extra environment variables per call.
 */
export function bundledCli(): { run: (env: NodeJS.ProcessEnv, ...args: string[]) => CliResult; dispose(): void } {
  const outfile = bundled('cli');
  const run = (env: NodeJS.ProcessEnv, ...args: string[]): CliResult => {
    return cliResult(spawnSync(process.execPath, [outfile, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 }));
  };
  // the bundle belongs to the run (globalSetup removes it); nothing of this file's own to remove
  return { run, dispose: () => {} };
}
