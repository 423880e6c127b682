import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server';
import { tempDir } from '../helpers/ledger';
import { rawRequest } from '../helpers/rawHttp';
import { fuzzRuns, fuzzSeed, STACK_FRAME } from './runs';

/**
 * Hostile and clumsy requests against the browser-mode server over real loopback sockets: odd
 * methods, malformed %-escapes and request lines, foreign Host and Origin headers, wrong tokens,
 * junk bodies. The server must answer every one (no 5xx, the CSP on every answer, never a stack
 * trace) and still serve the app afterwards.
 */
const RUNS = fuzzRuns(2000);
let server: RunningServer;
const dir = tempDir('penning-server-fuzz-');
let tried = 0;

beforeAll(async () => {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Penning</title>');
  server = await startServer({ ledgerFile: path.join(dir, 'ledger.sqlite'), rendererDir });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`server fuzz: ${tried} requests tried`);
});

const pathChar = fc.constantFrom(...'abcxyz019./-_~%?#&=+:;@!$\'()*,[]{}|\\^`"<> \t'.split(''), 'é', '€', '\u0000', '\u00ff', '%zz', '%e2%82', '%2e%2e', '%00', '%2F', '..');
const pathArb = fc.oneof(
  fc.constantFrom('/', '/index.html', '/%zz', '/%', '/api/%zz', '/api/', '/api', '/api/ledger.status', '/api/debtors.list', '/api/imports.members.preview', '/api/no.such.method', '/..%2f..%2fetc/passwd', '//', '/%00', '*', 'http://evil.example/', ''),
  fc.array(pathChar, { maxLength: 40 }).map((cs) => `/${cs.join('')}`),
  fc.array(pathChar, { maxLength: 20 }).map((cs) => `/api/${cs.join('')}`),
);
const methodArb = fc.oneof(
  fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'get', 'POST ', ''),
  fc.stringMatching(/^[A-Z]{1,12}$/),
);
const bodyArb = fc.oneof(
  fc.constant(Buffer.alloc(0)),
  fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)),
  fc.json().map((j) => Buffer.from(j)),
  fc.constantFrom('{}', '{"limit":-1}', '{"search":"\u0000"}', '[]', 'null', '{"content":"!!!","fileName":"x.csv"}', '{'.repeat(5000)).map((s) => Buffer.from(s)),
);

interface Case {
  method: string;
  target: string;
  host: 'own' | 'localhost' | 'evil' | 'none';
  origin: 'own' | 'evil' | 'null' | 'none';
  token: 'right' | 'wrong' | 'none';
  extraHeader: string | null;
  body: Buffer;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  method: methodArb,
  target: pathArb,
  host: fc.constantFrom('own', 'localhost', 'evil', 'none'),
  origin: fc.constantFrom('own', 'evil', 'null', 'none'),
  token: fc.constantFrom('right', 'right', 'wrong', 'none'),
  extraHeader: fc.option(fc.constantFrom('Transfer-Encoding: chunked', 'Content-Length: abc', 'Expect: 100-continue', 'Connection: Upgrade\r\nUpgrade: websocket', 'X-Penning-Token: ', 'Cookie: a=b', `X-Long: ${'x'.repeat(20_000)}`, 'Bad Header', ': empty')),
  body: bodyArb,
});

function head(c: Case): string {
  const own = `127.0.0.1:${server.port}`;
  const host = { own, localhost: `localhost:${server.port}`, evil: 'evil.example', none: null }[c.host];
  const origin = { own: `http://${own}`, evil: 'http://evil.example', null: 'null', none: null }[c.origin];
  const token = { right: server.token, wrong: 'f'.repeat(48), none: null }[c.token];
  const lines = [`${c.method} ${c.target} HTTP/1.1`];
  if (host) lines.push(`Host: ${host}`);
  if (origin) lines.push(`Origin: ${origin}`);
  if (token) lines.push(`X-Penning-Token: ${token}`);
  // a lying Content-Length or chunked header would leave the server waiting for bytes we never send
  if (c.extraHeader && !/^(Transfer-Encoding|Content-Length)/.test(c.extraHeader)) lines.push(c.extraHeader);
  lines.push(`Content-Length: ${c.body.length}`, 'Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

describe('browser-mode server under generated requests', () => {
  it(`answers every one of ${RUNS} generated requests without a 5xx or a stack trace, and stays up`, { timeout: Math.max(60_000, RUNS * 30) }, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        tried++;
        const r = await rawRequest(server.port, head(c), c.body);
        expect(r.status, `${c.method} ${c.target}`).toBeGreaterThanOrEqual(200);
        expect(r.status).toBeLessThan(500);
        expect(r.headers['content-security-policy']).toContain("default-src 'self'");
        expect(r.body).not.toMatch(STACK_FRAME);
        if (c.host === 'evil' || c.host === 'none') expect(r.status).toBeGreaterThanOrEqual(400);
        if (c.origin === 'evil' || c.origin === 'null') expect(r.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS, seed: fuzzSeed() },
    );
    const alive = await rawRequest(server.port, `POST /api/ledger.status HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Penning-Token: ${server.token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n`, Buffer.from('{}'));
    expect(alive.status).toBe(200);
    expect(JSON.parse(alive.body)).toMatchObject({ ok: true });
  });
});
