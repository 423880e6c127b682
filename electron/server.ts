import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatchAsync } from './api';
import type { Ctx } from './context';
import { openSession } from './session';
import type { OpenOptions } from '../db/open';

/**
 * Browser mode: the same contract over loopback HTTP, for testing the UI in Chromium without an
 * Electron binary. Bound to 127.0.0.1 only; every API call needs the per-start token, and the
 * Host header must name the loopback address (a guard against DNS rebinding).
 */
export interface ServerOptions {
  ledgerFile: string;
  rendererDir: string;
  port?: number;
  token?: string;
  now?: () => Date;
  /** e.g. createFolder for the default ledger location */
  open?: OpenOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  ctx: Ctx;
  close(): Promise<void>;
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 10 * 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { ledger, ctx } = openSession(options.ledgerFile, options.open ?? {}, options.now);
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendJson(res, 403, { ok: false, error: { code: 'internal', message: { nl: 'Verboden host', en: 'Forbidden host' } } });
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false });
    return serveStatic(res, url.pathname);
  });

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false });
    const given = req.headers['x-penning-token'];
    if (typeof given !== 'string' || !safeEqual(given, token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'internal', rule: 'token', message: { nl: 'Ongeldige sessie; open de link uit de terminal opnieuw', en: 'Invalid session; open the link from the terminal again' } } });
    }
    const method = decodeURIComponent(url.pathname.slice('/api/'.length));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      let input: unknown = {};
      const body = Buffer.concat(chunks).toString('utf8');
      if (body) {
        try {
          input = JSON.parse(body);
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'validation', field: 'input', rule: 'json', message: { nl: 'Ongeldige JSON', en: 'Invalid JSON' } } });
        }
      }
      void dispatchAsync(ctx, method, input).then((result) => sendJson(res, 200, result));
    });
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Not found');
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          ledger.close();
          resolve();
        });
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
