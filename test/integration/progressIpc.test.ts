import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { APP_ORIGIN, type IpcCaller, ipcCall, PROGRESS_CHANNEL } from '../../electron/ipcCall';
import { progressSchema } from '../../shared/api/progress';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

/**
 * Progress over IPC at the handler: what registerIpc's handler does with a call from the page.
 * The event object stands in for Electron's (its `sender.send` is webContents.send); the handler,
 * the dispatch and the ledger are the real ones.
 */
let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
  call(t.ctx, 'imports.members.commit', { content: fs.readFileSync(path.resolve(__dirname, '../fixtures/leden-50.csv')).toString('base64') });
  const run = call(t.ctx, 'feeRuns.create', { description: 'Contributie 2026-2027', invoiceDate: '2026-09-01', amount: 15_000, selection: { mode: 'all' } });
  call(t.ctx, 'feeRuns.post', { id: run.id });
});
afterEach(() => t.close());

function page(url = `${APP_ORIGIN}/index.html`) {
  const sent: { channel: string; payload: unknown }[] = [];
  let destroyed = false;
  const event: IpcCaller = { senderFrame: { url }, sender: { send: (channel, payload) => void sent.push({ channel, payload }), isDestroyed: () => destroyed } };
  return { event, sent, close: () => (destroyed = true) };
}

describe('progress over IPC', () => {
  it('a call with a request id gets its progress on the progress channel, tagged with that id', async () => {
    const p = page();
    const saved = await ipcCall(t.ctx, p.event, 'collections.create', {}, 'c1');
    expect(saved).toMatchObject({ ok: true });
    const debits = (saved as { value: { transactionCount: number } }).value.transactionCount;
    expect(p.sent.every((s) => s.channel === PROGRESS_CHANNEL && progressSchema.safeParse(s.payload).success)).toBe(true);
    const updates = p.sent.map((s) => s.payload as { requestId: string; step: string; done: number; total: number });
    expect(new Set(updates.map((u) => u.requestId))).toEqual(new Set(['c1']));
    expect(updates).toContainEqual({ requestId: 'c1', step: 'collection.debits', done: 0, total: debits });
    expect(updates).toContainEqual({ requestId: 'c1', step: 'collection.debits', done: debits, total: debits });
    expect(updates.at(-1)).toEqual({ requestId: 'c1', step: 'files', done: 1, total: 1 });

    const zip = page();
    const batchId = (saved as { value: { id: number } }).value.id;
    expect(await ipcCall(t.ctx, zip.event, 'batches.specificationsZip', { id: batchId }, 'c2')).toMatchObject({ ok: true, value: { files: debits } });
    const specs = zip.sent.map((s) => s.payload);
    expect(specs[0]).toEqual({ requestId: 'c2', step: 'specifications', done: 0, total: debits });
    expect(specs.at(-1)).toEqual({ requestId: 'c2', step: 'specifications', done: debits, total: debits });
  });

  it('without a request id nothing is sent; a malformed id or a foreign page is refused and nothing runs', async () => {
    const quiet = page();
    expect(await ipcCall(t.ctx, quiet.event, 'batches.report', { id: 1 }, undefined)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ipcCall(t.ctx, quiet.event, 'collections.create', {}, undefined)).toMatchObject({ ok: true });
    expect(quiet.sent).toEqual([]);

    const before = call(t.ctx, 'batches.list', {}).length;
    for (const id of ['', 'x'.repeat(65), 'a b', 42, { id: 'c' }]) {
      expect(await ipcCall(t.ctx, quiet.event, 'collections.create', {}, id)).toMatchObject({ ok: false, error: { field: 'requestId' } });
    }
    const foreign = page('https://evil.example/');
    expect(await ipcCall(t.ctx, foreign.event, 'collections.create', {}, 'c3')).toMatchObject({ ok: false, error: { rule: 'sender' } });
    expect(call(t.ctx, 'batches.list', {}).length).toBe(before);
    expect([...quiet.sent, ...foreign.sent]).toEqual([]);
  });

  it('a window closed while the work runs gets nothing more, and the work still completes', async () => {
    const p = page();
    p.close();
    expect(await ipcCall(t.ctx, p.event, 'collections.create', {}, 'c4')).toMatchObject({ ok: true });
    expect(p.sent).toEqual([]);
  });
});

describe('the IPC sender check', () => {
  it('knows our own app:// page (Node gives such a URL the origin "null") and nothing else', async () => {
    const { originOf } = await import('../../electron/ipcCall');
    expect(new URL(`${APP_ORIGIN}/index.html`).origin).toBe('null');
    expect(originOf(`${APP_ORIGIN}/index.html#/incasso`)).toBe(APP_ORIGIN);
    expect(originOf('app://penning.evil/index.html')).not.toBe(APP_ORIGIN);
    expect(originOf('file:///index.html')).toBe('');
    expect(originOf('data:text/html,x')).toBe('');
    expect(originOf('not a url')).toBe('');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
  });
});
