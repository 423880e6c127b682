import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server';
import { tempDir } from '../helpers/ledger';

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

function request(method: string, pathname: string, options: { token?: string; host?: string; body?: string } = {}) {
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
});
