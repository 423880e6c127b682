import fs from 'node:fs';
import path from 'node:path';
import { call } from './api';
import { defaultLedgerFile } from './paths';
import { startServer } from './server';

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
  const server = await startServer({ ledgerFile, rendererDir, port: Number(value('--port') ?? 0) });
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
