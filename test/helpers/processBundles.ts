import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { inject } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

export type BundleName = 'cli' | 'web';

declare module 'vitest' {
  export interface ProvidedContext {
    penningBundles?: Record<BundleName, string>;
  }
}

/**
 * electron/cli.ts and electron/web.ts bundled from the sources, the way `npm run build` bundles them
 * for the installed `penning` command and browser mode: runtime dependencies stay external and
 * resolve from node_modules, zod and drizzle-orm are bundled in (electron.vite.config.ts). A test
 * starts `node <bundle>` as one process in a fraction of the time tsx needs to compile the sources
 * on every start (seconds a start on a busy machine; the CLI tests start hundreds).
 */
export function buildBundles(dir: string): Record<BundleName, string> {
  fs.mkdirSync(dir, { recursive: true });
  const external = Object.keys(pkg.dependencies).filter((d) => d !== 'zod' && d !== 'drizzle-orm');
  const out = { cli: path.join(dir, 'cli.cjs'), web: path.join(dir, 'web.cjs') };
  for (const name of ['cli', 'web'] as const) {
    buildSync({ entryPoints: [path.join(root, 'electron', `${name}.ts`)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external, outfile: out[name], logLevel: 'error' });
  }
  return out;
}

let own: Record<BundleName, string> | undefined;

/**
 * The bundle the run's globalSetup (test/globalSetup.ts) made from today's sources; a test run
 * without it (another config) builds its own once per worker process. Bundles live under
 * node_modules so the external packages resolve exactly as for the sources.
 */
export function bundled(name: BundleName): string {
  const provided = inject('penningBundles');
  if (provided) return provided[name];
  if (!own) {
    const dir = path.join(root, 'node_modules', '.cache', 'penning-test-bundles', `worker-${process.pid}`);
    own = buildBundles(dir);
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return own[name];
}
