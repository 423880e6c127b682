import fs from 'node:fs';
import path from 'node:path';

/** Where the committed migrations are: beside the sources in development, beside the bundle when built, or $PENNING_MIGRATIONS. */
export function findMigrationsFolder(): string {
  const fromEnv = process.env.PENNING_MIGRATIONS;
  if (fromEnv) return fromEnv;
  const starts = [typeof __dirname !== 'undefined' ? __dirname : undefined, process.cwd()];
  for (const start of starts) {
    let dir = start;
    while (dir) {
      for (const candidate of [path.join(dir, 'db', 'migrations'), path.join(dir, 'migrations')]) {
        if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('Cannot find the database migrations (db/migrations). Set PENNING_MIGRATIONS.');
}
