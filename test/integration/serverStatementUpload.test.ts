import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { call } from '../../electron/api';
import { createContext } from '../../electron/context';
import { MAX_BODY, startServer, type RunningServer } from '../../electron/server';
import { MAX_UPLOAD } from '../../electron/uploadRoute';
import { PROGRESS_HEADER } from '../../shared/api/progress';
import { streamCamt053, transfer } from '../helpers/bankSimulator';
import { tempDir } from '../helpers/ledger';
import { rawRequest } from '../helpers/rawHttp';

/**
 * Browser mode and a statement file far over the server's request-body cap: the file is streamed
 * to POST /upload (to disk in the ledger's folder, never whole in the server's memory), and the
 * statement calls name the upload; the import's progress comes back as lines of JSON.
 */
const IBAN = 'NL91ABNA0417164300';
const dir = tempDir('penning-upload-');
const ledgerFile = path.join(dir, 'ledger.sqlite');
const camtFile = path.join(dir, 'jaar.xml');
let server: RunningServer;
let entries = 0;

beforeAll(async () => {
  const ledger = openLedger(ledgerFile);
  call(createContext(ledger), 'setup.initialize', { organisation: { name: 'Tennisvereniging De Zwaluwen', city: 'Utrecht' }, creditorId: 'NL51ZZZ405365330000', bankAccounts: [{ name: 'Betaalrekening', iban: IBAN }] });
  ledger.close();
  // a year of payments from people Penning does not know: ~30 MB of camt.053
  const fd = fs.openSync(camtFile, 'w');
  const days = Array.from({ length: 20 }, (_, d) => {
    const date = `2026-10-${String(d + 1).padStart(2, '0')}`;
    return { date, opening: 0, entries: Array.from({ length: 1_050 }, (_, i) => transfer({ from: { name: `Betaler ${d}-${i}`, iban: 'NL02ABNA0123456789' }, amount: 1_000 + i, text: `Gift ${d}-${i} voor de jeugdafdeling van de vereniging`, bookingDate: date })) };
  });
  let balance = 0;
  for (const d of days) {
    d.opening = balance;
    balance += d.entries.reduce((s, e) => s + e.amount, 0);
  }
  entries = streamCamt053({ account: { iban: IBAN, bic: 'ABNANL2A', ownerName: 'TV De Zwaluwen' }, statements: days }, (chunk) => fs.writeSync(fd, chunk)).reduce((n, s) => n + s.entries, 0);
  fs.closeSync(fd);
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Penning</title>');
  server = await startServer({ ledgerFile, rendererDir });
}, 120_000);
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function post(pathname: string, headers: Record<string, string>, body: fs.ReadStream | string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: pathname, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    if (typeof body === 'string') req.end(body);
    else body.pipe(req);
  });
}
// live memory, not garbage not yet collected: what a server holding the upload would keep
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const staged = () => fs.readdirSync(dir).filter((n) => n.startsWith('.penning-upload-'));

describe('a large bank file in browser mode', () => {
  it('is over the request-body cap as base64 in a JSON call', () => {
    expect(fs.statSync(camtFile).size).toBeGreaterThan(Math.max(2 * MAX_BODY, 28 * 1024 * 1024));
  });

  it('streams to the ledger\u2019s folder without the server holding it, then imports by upload id with progress', { timeout: 400_000 }, async () => {
    const size = fs.statSync(camtFile).size;
    gc();
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 20);
    const up = await post('/upload', { 'x-penning-token': server.token, 'content-type': 'application/octet-stream', 'content-length': String(size) }, fs.createReadStream(camtFile));
    clearInterval(sampler);
    expect(up.status).toBe(200);
    const { value } = JSON.parse(up.body) as { value: { upload: string; size: number } };
    expect(value.size).toBe(size);
    expect(staged()).toEqual([`.penning-upload-${value.upload}`]);
    // the file went to disk as it came: far less than the file itself was ever held
    expect(peak - before).toBeLessThan(size / 3);

    const imported = await post('/api/statements.import', { 'x-penning-token': server.token, 'content-type': 'application/json', [PROGRESS_HEADER]: 'upload-1' }, JSON.stringify({ upload: value.upload, fileName: 'jaar.xml' }));
    const lines = imported.body.trim().split('\n').map((l) => JSON.parse(l) as { progress?: { step: string; done: number; total: number }; result?: { ok: boolean; value: { entries: number; unmatched: number; skipped: number } } });
    const progress = lines.filter((l) => l.progress).map((l) => l.progress!);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ requestId: 'upload-1', step: 'statements.match', done: entries, total: entries });
    expect(lines.at(-1)!.result).toMatchObject({ ok: true, value: { entries, unmatched: entries, skipped: 0 } });
    // imported: the staged copy is gone, and naming it again says so
    expect(staged()).toEqual([]);
    const again = await post('/api/statements.import', { 'x-penning-token': server.token, 'content-type': 'application/json' }, JSON.stringify({ upload: value.upload, fileName: 'jaar.xml' }));
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { field: 'upload', rule: 'gone' } });
  });

  it('asks the token, refuses more than the readers take before storing anything, and never names a file outside the upload pattern', async () => {
    const noToken = await post('/upload', { 'content-type': 'application/octet-stream' }, 'x');
    expect(noToken.status).toBe(401);
    const huge = await rawRequest(server.port, `POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Penning-Token: ${server.token}\r\nContent-Length: ${MAX_UPLOAD + 1}\r\n\r\n`);
    expect(huge.status).toBe(413);
    expect(staged()).toEqual([]);
    // a small file previews by its upload id and stays staged for the import
    const head = await post('/upload', { 'x-penning-token': server.token, 'content-type': 'application/octet-stream' }, '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId><CreDtTm>2026-11-26T06:00:00</CreDtTm></GrpHdr><Stmt><Id>S1</Id><CreDtTm>2026-11-26T06:00:00</CreDtTm><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct><Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-26</Dt></Dt></Bal><Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-26</Dt></Dt></Bal></Stmt></BkToCstmrStmt></Document>');
    const id = (JSON.parse(head.body) as { value: { upload: string } }).value.upload;
    const preview = await post('/api/statements.preview', { 'x-penning-token': server.token, 'content-type': 'application/json' }, JSON.stringify({ upload: id, fileName: 'klein.xml' }));
    expect(JSON.parse(preview.body)).toMatchObject({ ok: true, value: { format: 'camt.053', entries: 0, statements: [{ account: IBAN, balanceOk: true }] } });
    expect(staged()).toEqual([`.penning-upload-${id}`]);
    fs.rmSync(path.join(dir, staged()[0]!));

    const traversal = await post('/api/statements.preview', { 'x-penning-token': server.token, 'content-type': 'application/json' }, JSON.stringify({ upload: '../ledger.sqlite', fileName: 'x' }));
    expect(JSON.parse(traversal.body)).toMatchObject({ ok: false, error: { code: 'validation', field: 'upload' } });
  });
});
