import fs from 'node:fs';
import path from 'node:path';
import { call } from './api';
import { defaultLedgerFile } from './paths';
import { startServer } from './server';
import { ApiError } from '../shared/api/errors';

/**
 * `npm run web [-- --db <file>] [--demo] [--port N]`: browser mode for the built renderer.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const ledgerFile = value('--db') ?? defaultLedgerFile();
  const rendererDir = path.resolve(value('--renderer') ?? 'out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`No built renderer in ${rendererDir}: run "npm run build" first.`);
    process.exit(1);
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ ledgerFile, rendererDir, port: Number(value('--port') ?? 0), open: { createFolder: ledgerFile === defaultLedgerFile() } });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    console.error(`Fout: ${e.data.message.nl}\nError: ${e.data.message.en}`);
    process.exit(2);
  }
  const health = call(server.ctx, 'ledger.health', {});
  if (health.message) console.error(`Let op: ${health.message.nl}`);
  for (const m of health.missingFiles) console.error(`Let op: bestand ${m.fileNo} van ${m.reference} ontbreekt of is gewijzigd (${m.path}); maak het opnieuw met: ${m.command}`);
  if (args.includes('--demo') && !call(server.ctx, 'ledger.status', {}).initialized) {
    call(server.ctx, 'setup.demo', {});
    console.error('Demo club created.');
  }
  console.error(`Ledger: ${ledgerFile}`);
  console.error('Penning browser mode (loopback only). Open:');
  console.log(server.url);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
