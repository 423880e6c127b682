import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, MAX_BODIES_IN_FLIGHT, MAX_BODY, startServer, type RunningServer } from '../../electron/server';
import { tempDir } from '../helpers/ledger';
import { rawRequest } from '../helpers/rawHttp';

/** The browser-mode transport over real loopback HTTP (a static folder stands in for the build). */
let server: RunningServer;
const dir = tempDir('penning-server-');

beforeAll(async () => {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Penning</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser');
  server = await startServer({ ledgerFile: path.join(dir, 'ledger.sqlite'), rendererDir });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(method: string, pathname: string, options: { token?: string; host?: string; body?: string; origin?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: pathname,
        headers: {
          host: options.host ?? `127.0.0.1:${server.port}`,
          ...(options.token ? { 'x-penning-token': options.token } : {}),
          ...(options.origin ? { origin: options.origin } : {}),
          'content-type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('browser-mode server', () => {
  it('listens on loopback with a token in the URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('answers API calls with the token, and the same results as the other transports', async () => {
    const r = await request('POST', '/api/ledger.status', { token: server.token, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { initialized: false } });
    const bad = await request('POST', '/api/setup.initialize', { token: server.token, body: JSON.stringify({ organisation: { name: 'X' }, bankAccounts: [{ name: 'B', iban: 'NL91ABNA0417164301' }] }) });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation', field: 'bankAccounts.0.iban', rule: 'checksum' } });
  });

  it('refuses API calls without the right token, from another Host, or with bad JSON', async () => {
    expect((await request('POST', '/api/ledger.status', { body: '{}' })).status).toBe(401);
    expect((await request('POST', '/api/ledger.status', { token: 'f'.repeat(48), body: '{}' })).status).toBe(401);
    expect((await request('POST', '/api/ledger.status', { token: server.token, host: 'evil.example:80', body: '{}' })).status).toBe(403);
    expect((await request('GET', '/api/ledger.status', { token: server.token })).status).toBe(405);
    const json = await request('POST', '/api/ledger.status', { token: server.token, body: '{nope' });
    expect(json.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await request('GET', '/../secret.txt')).status).toBe(404);
    expect((await request('GET', '/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('answers a malformed %-escape with 400 and keeps running (it used to kill the process)', async () => {
    for (const target of ['/%zz', '/%', '/api/%zz', '/%E0%A4%A']) {
      const r = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
      expect(r.status, target).toBe(400);
      expect(r.headers['content-security-policy']).toBe(CSP);
    }
    expect((await request('GET', '/')).status).toBe(200);
  });

  it('answers odd methods with 405 and the methods it allows', async () => {
    const put = await request('PUT', '/');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
    const del = await request('DELETE', '/api/ledger.status', { token: server.token });
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('POST');
    const connect = await rawRequest(server.port, `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
    expect(connect.status).toBe(405);
    const unknown = await rawRequest(server.port, `BREW / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-security-policy']).toBe(CSP);
  });

  it('refuses a request from another website (Origin) and accepts its own', async () => {
    const foreign = await request('POST', '/api/ledger.status', { token: server.token, body: '{}', origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { rule: 'origin' } });
    expect((await request('GET', '/', { origin: 'null' })).status).toBe(403);
    expect((await request('POST', '/api/ledger.status', { token: server.token, body: '{}', origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('puts the CSP on 404s and every error answer', async () => {
    for (const r of [await request('GET', '/nope.js'), await request('POST', '/api/ledger.status', { body: '{}' }), await request('PUT', '/'), await request('GET', '/', { host: 'evil.example' })]) {
      expect(r.headers['content-security-policy']).toBe(CSP);
    }
  });

  it(`answers 413 for a body over ${MAX_BODY / 1024 / 1024} MB, declared or streamed, before reading it all`, async () => {
    const declared = await rawRequest(server.port, `POST /api/ledger.status HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Penning-Token: ${server.token}\r\nContent-Length: ${MAX_BODY + 1}\r\n\r\n`);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { rule: 'max_body' } });
    const streamed = await streamBody(MAX_BODY + 64 * 1024);
    expect(streamed).toBe(413);
    expect((await request('POST', '/api/ledger.status', { token: server.token, body: '{}' })).status).toBe(200);
  });

  it('keeps memory bounded under many concurrent large requests: the ones over the budget are told to wait (503)', async () => {
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 5);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let halves = 0;
    const uploads = Array.from({ length: 12 }, () => streamBody(MAX_BODY - 1024, gate, () => ++halves === 12 && open()));
    setTimeout(() => open(), 3000);
    const statuses = await Promise.all(uploads);
    clearInterval(sampler);
    // -1: the client saw its refused upload's connection reset before the status line (a busy machine)
    expect(statuses.every((s) => s === 400 || s === 503 || s === -1), statuses.join(',')).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    // 12 bodies of ~10 MB would be 120 MB held at once; the budget holds at most 40 MB. The sampler
    // also sees this process's own uploads in their socket buffers (measured up to 50 MB on a busy
    // machine), so the bound stays below the 120 MB an unbudgeted server would hold
    expect(peak - before).toBeLessThan(MAX_BODIES_IN_FLIGHT + 60 * 1024 * 1024);
  });
});

/**
 * A body sent in chunks without a Content-Length, as a streaming upload; the second half only
 * after `halfway` resolves, so several uploads are in flight together. Resolves with the status.
 */
function streamBody(bytes: number, halfway: Promise<void> = Promise.resolve(), sentHalf: () => void = () => undefined): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/ledger.status', headers: { host: `127.0.0.1:${server.port}`, 'x-penning-token': server.token } },
      (res) => {
        res.on('error', () => undefined);
        res.resume();
        resolve(res.statusCode!);
      },
    );
    req.on('error', () => resolve(-1));
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    const send = (upTo: number, then: () => void) => {
      const pump = () => {
        while (sent < upTo) {
          if (req.destroyed) return;
          const n = Math.min(chunk.length, upTo - sent);
          sent += n;
          if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
        }
        then();
      };
      pump();
    };
    send(Math.floor(bytes / 2), () => {
      sentHalf();
      void halfway.then(() => send(bytes, () => req.end()));
    });
  });
}
