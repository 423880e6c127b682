import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../db/open';
import { unbalancedEntries } from '../db/checks';
import { call, dispatch } from '../electron/api';
import { createContext } from '../electron/context';
import { postEntry } from '../electron/ledger/post';
import { makeIban } from '../shared/iban';
import { benchCliStatus } from './cliStatus';
import { benchCollection } from './collection';
import { benchStatementsImport } from './statementsImport';
import { benchStatementsInstructions } from './statementsInstructions';
import { benchStatementMatching } from './statements';
import { benchBundle } from './bundle';
import { benchGrid } from './grid';
import { benchBackup, benchOpenCheck } from './ledgerFile';
import { benchStatementsReadCamt } from './statementsRead';
import { benchStatementsReadMt940 } from './statementsMt940';
import { benchDunningLetters } from './dunningLetters';
import { measureHostSpeed, type HostSpeed } from './hostSpeed';

/**
 * `npm run bench`: the figures the issues ask for, measured on real SQLite files in a temp folder.
 * Each row: what, how many, total time, rate. Results also go to bench/results/latest.json.
 */
interface Row {
  name: string;
  n: number;
  ms: number;
  rate?: string;
}

const rows: Row[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penning-bench-'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeIt<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function benchOpen(): void {
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < 15; i++) {
    const file = path.join(dir, `open-${i}.sqlite`);
    const [ledger, ms] = timeIt(() => openLedger(file));
    fresh.push(ms);
    ledger.close();
    const [again, ms2] = timeIt(() => openLedger(file));
    existing.push(ms2);
    again.close();
  }
  rows.push({ name: 'open new ledger + run all migrations (median of 15)', n: 1, ms: median(fresh) });
  rows.push({ name: 'open existing ledger, nothing to migrate (median of 15)', n: 1, ms: median(existing) });
}

function setupLedger(name: string) {
  const ledger = openLedger(path.join(dir, name));
  const ctx = createContext(ledger);
  call(ctx, 'setup.initialize', { organisation: { name: 'Bench' }, bankAccounts: [{ name: 'Bank', iban: 'NL91ABNA0417164300' }] });
  const debtorIds: number[] = [];
  ledger.db.transaction(() => {
    for (let i = 0; i < 1000; i++) debtorIds.push(call(ctx, 'debtors.create', { name: `Lid ${i}` }).id);
  })();
  const id = (code: string) => (ledger.db.prepare('SELECT id FROM accounts WHERE code = ?').get(code) as { id: number }).id;
  return { ledger, ctx, debtorIds, receivables: id('1300'), revenue: id('8000') };
}

const N = 100_000;

function benchPostBulk(): void {
  const { ledger, ctx, debtorIds, receivables, revenue } = setupLedger('post-bulk.sqlite');
  const [, ms] = timeIt(() =>
    ledger.db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const amount = 1000 + (i % 5000);
        postEntry(ctx, {
          journalCode: 'VRK',
          date: '2026-09-01',
          description: `Contributie ${i}`,
          lines: [
            { accountId: receivables, debtorId: debtorIds[i % debtorIds.length]!, debit: amount, credit: 0 },
            { accountId: revenue, debit: 0, credit: amount },
          ],
        });
      }
    })(),
  );
  if (unbalancedEntries(ledger.db).length !== 0) throw new Error('bench produced unbalanced entries');
  rows.push({ name: 'post journal entries, domain call, one transaction (a fee run)', n: N, ms, rate: `${Math.round((N / ms) * 1000).toLocaleString('en')} entries/s` });
  ledger.close();
}

function benchPostApi(): void {
  const { ledger, ctx, debtorIds } = setupLedger('post-api.sqlite');
  const [, ms] = timeIt(() => {
    for (let i = 0; i < N; i++) {
      const amount = 1000 + (i % 5000);
      const r = dispatch(ctx, 'entries.post', {
        journalCode: 'MEM',
        date: '2026-09-01',
        description: `Boeking ${i}`,
        lines: [
          { accountCode: '1300', debtorId: debtorIds[i % debtorIds.length]!, debit: amount },
          { accountCode: '8000', credit: amount },
        ],
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
  });
  rows.push({ name: 'post journal entries via the API (validate + own transaction each)', n: N, ms, rate: `${Math.round((N / ms) * 1000).toLocaleString('en')} entries/s` });
  ledger.close();
}

function benchImport(): void {
  const { ledger, ctx } = setupLedger('import.sqlite');
  const lines = ['Lidnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Straat;Huisnummer;Postcode;Woonplaats;IBAN;Betaalwijze;Machtigingskenmerk;Datum machtiging'];
  for (let i = 0; i < 10_000; i++) {
    const account = String(1_000_000 + i).padStart(10, '0');
    lines.push(`${50_000 + i};Anouk;van der;Berg ${i};lid${i}@example.nl;Kerkstraat;${i % 200};3511 AB;Utrecht;${makeIban('NL', `INGB${account}`)};Automatische incasso;ZWA-${50_000 + i};15-03-2024`);
  }
  const content = Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
  const [first, ms] = timeIt(() => call(ctx, 'imports.members.commit', { content }));
  if (first.created !== 10_000 || first.rejected.length) throw new Error(`import bench: ${JSON.stringify(first).slice(0, 300)}`);
  rows.push({ name: 'import member list CSV (with mandates), new members', n: 10_000, ms, rate: `${Math.round((10_000 / ms) * 1000).toLocaleString('en')} rows/s` });
  const [again, ms2] = timeIt(() => call(ctx, 'imports.members.commit', { content }));
  if (again.updated !== 10_000) throw new Error('re-import bench did not update');
  rows.push({ name: 'import the same list again (all updates)', n: 10_000, ms: ms2, rate: `${Math.round((10_000 / ms2) * 1000).toLocaleString('en')} rows/s` });
  ledger.close();
}

function benchFeeRun(): void {
  const { ledger, ctx } = setupLedger('feerun.sqlite');
  ledger.db.transaction(() => {
    for (let i = 0; i < 9_000; i++) call(ctx, 'debtors.create', { name: `Lid ${i + 1000}` });
  })();
  const [run, ms] = timeIt(() => call(ctx, 'feeRuns.create', { description: 'Contributie 2026-2027', invoiceDate: '2026-09-01', amount: 15_000, selection: { mode: 'all' } }));
  if (run.counts.drafts !== 10_000) throw new Error(`fee run bench drafted ${run.counts.drafts}`);
  rows.push({ name: 'fee run: draft an invoice for every member', n: 10_000, ms, rate: `${Math.round((10_000 / ms) * 1000).toLocaleString('en')} invoices/s` });
  const [posted, ms2] = timeIt(() => call(ctx, 'feeRuns.post', { id: run.id }));
  if (posted.posted !== 10_000) throw new Error('fee run bench did not post all');
  rows.push({ name: 'fee run: post (numbers, journal entries, open items)', n: 10_000, ms: ms2, rate: `${Math.round((10_000 / ms2) * 1000).toLocaleString('en')} invoices/s` });
  ledger.close();
}

function benchCollectionRun(): void {
  rows.push(...benchCollection(dir));
}

function benchBundleSize(): void {
  rows.push(...benchBundle());
}

function benchCliStatusRun(): void {
  rows.push(...benchCliStatus(dir));
}

function benchOpenCheckOf100k(): void {
  rows.push(...benchOpenCheck(dir));
}

function benchBackupOfDemo(): void {
  rows.push(...benchBackup(dir));
}

// named so that `npm run bench -- statements-read-camt` (or `-- camt`) runs it alone
const benchStatementsReadCamtRun = Object.defineProperty(() => void rows.push(...benchStatementsReadCamt(dir)), 'name', { value: 'statements-read-camt' });

function benchStatementsReadMt940Run(): void {
  rows.push(...benchStatementsReadMt940(dir));
}

function benchStatementsImportRun(): void {
  rows.push(...benchStatementsImport(dir));
}

// only when named: it needs valgrind and minutes (statementsInstructions.ts)
function benchStatementsInstructionsRun(): void {
  rows.push(...benchStatementsInstructions(dir));
}

function benchDunningLettersRun(): void {
  rows.push(...benchDunningLetters(dir));
}

function benchStatementMatch(): void {
  rows.push(...benchStatementMatching(dir));
}

async function benchGridInChromium(): Promise<void> {
  rows.push(...(await benchGrid(dir)));
}

// `npm run bench -- import` runs only the benchmarks whose name contains "import".
const only = process.argv[2];
async function main(): Promise<void> {
  const hostAtStart = measureHostSpeed();
  for (const bench of [benchBundleSize, benchOpen, benchImport, benchFeeRun, benchPostBulk, benchPostApi, benchCollectionRun, benchCliStatusRun, benchOpenCheckOf100k, benchBackupOfDemo, benchStatementsReadCamtRun, benchStatementsReadMt940Run, benchStatementMatch, benchStatementsImportRun, benchDunningLettersRun, benchGridInChromium]) {
    // "statements-read-mt940" finds benchStatementsReadMt940Run: names are compared without dashes
    if (!only || bench.name.toLowerCase().replace(/-/g, '').includes(only.toLowerCase().replace(/-/g, ''))) await bench();
  }
  if (only?.toLowerCase().includes('instructions')) benchStatementsInstructionsRun();
  report(hostAtStart, measureHostSpeed());
}

const speedOf = (h: HostSpeed) => `${Math.round(h.medianMs)} ms (${Math.round(h.minMs)}\u2013${Math.round(h.maxMs)})`;

/** The machine's speed at both ends, since a shared host's speed can change during a long bench. */
function report(hostAtStart: HostSpeed, hostAtEnd: HostSpeed): void {
const table = [
  '| benchmark | n | time | rate |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${r.n.toLocaleString('en')} | ${r.ms < 100 ? r.ms.toFixed(1) : Math.round(r.ms).toLocaleString('en')} ms | ${r.rate ?? ''} |`),
].join('\n');
console.log(`Penning bench — Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
console.log(`This machine's speed (bench/hostSpeed.ts, the same work everywhere, median of ${hostAtStart.runs}; read the figures against it, lower is faster): ${speedOf(hostAtStart)} at the start, ${speedOf(hostAtEnd)} at the end\n`);
console.log(table);
fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, hostSpeed: { atStart: hostAtStart, atEnd: hostAtEnd }, rows }, null, 2));
fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  // one line, as the CLI says its errors; the stack with PENNING_DEBUG=1
  console.error(`bench: ${process.env.PENNING_DEBUG ? (e as Error).stack : (e as Error).message}`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
