import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildProcess, spawn } from 'node:child_process';
import { openLedger } from '../../db/open';
import { call } from '../../electron/api';
import { createContext } from '../../electron/context';
import { PROGRESS_INTERVAL_MS } from '../../electron/progress';
import { PROGRESS_HEADER } from '../../shared/api/progress';
import { tempDir } from '../helpers/ledger';
import { bundled } from '../helpers/processBundles';

/**
 * Progress over the browser-mode server: the call's own answer streams its progress, then the
 * result. The server runs in its own process, as in browser mode, so the arrival times this test
 * notes are not held up by the server's own work.
 */
let server: ChildProcess;
let port = 0;
let token = '';
let batchId = 0;
let debits = 0;
let members = 0;
const dir = tempDir('penning-progress-');
const ledgerFile = path.join(dir, 'ledger.sqlite');
const root = path.resolve(__dirname, '../..');

beforeAll(async () => {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Penning</title>');
  const ledger = openLedger(ledgerFile);
  const ctx = createContext(ledger);
  call(ctx, 'setup.initialize', { organisation: { name: 'Tennisvereniging De Zwaluwen', city: 'Utrecht' }, creditorId: 'NL51ZZZ405365330000', bankAccounts: [{ name: 'Betaalrekening', iban: 'NL91ABNA0417164300' }] });
  // the members on incasso get a fee each: one specification per debit
  call(ctx, 'imports.members.commit', { content: fs.readFileSync(path.join(root, 'test/fixtures/leden-50.csv')).toString('base64') });
  const run = call(ctx, 'feeRuns.create', { description: 'Contributie 2026-2027', invoiceDate: '2026-09-01', amount: 15_000, selection: { mode: 'all' } });
  call(ctx, 'feeRuns.post', { id: run.id });
  const batch = call(ctx, 'collections.create', {});
  batchId = batch.id;
  debits = batch.transactionCount;
  members = call(ctx, 'debtors.list', {}).total;
  ledger.close();
  server = spawn(process.execPath, [bundled('web'), '--db', ledgerFile, '--renderer', rendererDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(out);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`server ended (${code})`)));
  });
  const parsed = new URL(url);
  port = Number(parsed.port);
  token = parsed.searchParams.get('token')!;
}, 120_000);
afterAll(async () => {
  if (server.exitCode === null) {
    const ended = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await ended;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Line {
  at: number;
  value: { progress?: { requestId: string; step: string; done: number; total: number }; result?: { ok: boolean; value?: unknown; error?: unknown } };
}

/** A real HTTP call that notes when each line of the answer arrived. */
function streamed(method: string, input: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; contentType: string; lines: Line[]; body: string; started: number }>((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { host: `127.0.0.1:${port}`, 'x-penning-token': token, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const lines: Line[] = [];
        let body = '';
        let pending = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const at = performance.now();
          body += chunk;
          pending += chunk;
          let nl: number;
          while ((nl = pending.indexOf('\n')) >= 0) {
            lines.push({ at, value: JSON.parse(pending.slice(0, nl)) as Line['value'] });
            pending = pending.slice(nl + 1);
          }
        });
        res.on('end', () => resolve({ status: res.statusCode!, contentType: String(res.headers['content-type']), lines, body, started }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

const header = 'Lidnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Straat;Huisnummer;Postcode;Woonplaats;IBAN;Betaalwijze;Machtigingskenmerk;Datum machtiging;Contributie;Incassokorting';
const IMPORTED = 10_000;

function memberList(count: number, first: number): string {
  const rows = Array.from({ length: count }, (_, i) => `${first + i};Lid;;Nummer ${i};;Dorpsstraat;${i + 1};3511 AB;Utrecht;;Overschrijving;;;150,00;`);
  return Buffer.from([header, ...rows].join('\n')).toString('base64');
}

describe('progress in browser mode', () => {
  it('a synchronous write transaction (10 000 members imported) streams its progress while it runs', async () => {
    // large enough to last several progress intervals on a fast machine too: 3000 members took
    // 200 ms on one, too short for more than three updates (numbers clear of the guards' test below)
    const r = await streamed('imports.members.commit', { content: memberList(IMPORTED, 20_000) }, { [PROGRESS_HEADER]: 'import-1' });
    expect(r.status).toBe(200);
    expect(r.contentType).toContain('application/x-ndjson');
    const progress = r.lines.filter((l) => l.value.progress).map((l) => ({ at: l.at, ...l.value.progress! }));
    const result = r.lines.at(-1)!;
    expect(result.value.result).toMatchObject({ ok: true, value: { created: IMPORTED } });
    expect(new Set(progress.map((p) => p.requestId))).toEqual(new Set(['import-1']));
    expect(progress.map((p) => p.step)).toContain('import.plan');
    expect(progress.at(-1)).toMatchObject({ step: 'import.apply', done: IMPORTED, total: IMPORTED });
    const counts = progress.filter((p) => p.step === 'import.apply').map((p) => p.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // live: the first update reached the client long before the transaction ended (Node corks a
    // response until the loop turns, which it does not inside the transaction; the server uncorks)
    // one update per interval arrives as it is sent, not in a burst at the end; as many as the run's
    // length allows, up to four, so a faster machine asks fewer rather than failing
    const arrivals = new Set(progress.map((p) => Math.round(p.at)));
    expect(arrivals.size).toBeGreaterThan(Math.min(3, Math.floor((result.at - progress[0]!.at) / PROGRESS_INTERVAL_MS)));
    expect(result.at - progress[0]!.at).toBeGreaterThan(0.5 * (result.at - r.started) - 50);
    const list = await streamed('debtors.list', {});
    expect((JSON.parse(list.body) as { value: { total: number } }).value.total).toBe(members + IMPORTED);
  });

  it('the specifications ZIP reports per member PDF, live', async () => {
    // once before measuring: loading pdfkit on the first PDF request is not the rendering whose
    // progress must arrive live (with the letters' faster PDFs it came to outweigh the rendering)
    await streamed('batches.specificationsZip', { id: batchId });
    const r = await streamed('batches.specificationsZip', { id: batchId }, { [PROGRESS_HEADER]: 'zip-7' });
    const progress = r.lines.filter((l) => l.value.progress).map((l) => ({ at: l.at, ...l.value.progress! }));
    const { at: firstAt, ...first } = progress[0]!;
    expect(first).toEqual({ requestId: 'zip-7', step: 'specifications', done: 0, total: debits });
    expect(progress.at(-1)).toMatchObject({ requestId: 'zip-7', step: 'specifications', done: debits, total: debits });
    const result = r.lines.at(-1)!;
    expect(result.value.result).toMatchObject({ ok: true, value: { files: debits } });
    expect(result.at - firstAt).toBeGreaterThan(0.5 * (result.at - r.started) - 50);
  });

  it('keeps its guards: a bad request id or another website is refused before anything runs', async () => {
    const count = async () => (JSON.parse((await streamed('debtors.list', {})).body) as { value: { total: number } }).value.total;
    const before = await count();
    const bad = await streamed('imports.members.commit', { content: memberList(5, 7000) }, { [PROGRESS_HEADER]: 'not a valid id!' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { rule: 'request_id' } });
    const foreign = await streamed('imports.members.commit', { content: memberList(5, 7000) }, { [PROGRESS_HEADER]: 'x1', origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const noToken = await streamed('imports.members.commit', { content: memberList(5, 7000) }, { [PROGRESS_HEADER]: 'x2', 'x-penning-token': 'wrong' });
    expect(noToken.status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('a refused call streams its refusal as the result; a call without request id answers plain JSON', async () => {
    const refused = await streamed('batches.specificationsZip', { id: 999 }, { [PROGRESS_HEADER]: 'r-3' });
    expect(refused.lines.at(-1)!.value.result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const plain = await streamed('ledger.status', {});
    expect(plain.contentType).toContain('application/json');
    expect(JSON.parse(plain.body)).toMatchObject({ ok: true, value: { initialized: true } });
  });
});
