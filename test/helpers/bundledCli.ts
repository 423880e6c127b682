import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { type CliResult, cliResult } from './cli';

const root = path.resolve(__dirname, '../..');

/**
 * The same CLI as `npm run cli`, bundled once with esbuild (what tsx does per start), so a table
 * of a hundred mistakes runs in seconds instead of minutes. Packages stay external and resolve
 * from the project's node_modules, exactly as in the built app.
 */
export function bundledCli(): { run: (env: NodeJS.ProcessEnv, ...args: string[]) => CliResult; dispose(): void } {
  const dir = path.join(root, 'node_modules', '.cache', 'penning-test-cli');
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `cli-${process.pid}.cjs`);
  buildSync({ entryPoints: [path.join(root, 'electron', 'cli.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', outfile, logLevel: 'error' });
  const run = (env: NodeJS.ProcessEnv, ...args: string[]): CliResult => {
    return cliResult(spawnSync(process.execPath, [outfile, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 }));
  };
  return { run, dispose: () => fs.rmSync(outfile, { force: true }) };
}
