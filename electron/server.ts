import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { dispatchAsync } from './api';
import type { Ctx } from './context';
import { withProgress } from './progress';
import { PROGRESS_CONTENT_TYPE, PROGRESS_HEADER, requestIdSchema } from '../shared/api/progress';
import { openSession } from './session';
import { handleUpload } from './uploadRoute';
import { removeLeftoverUploads } from './statements/stagedUpload';
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

/** The stated limit of one API request body; the member import of a big club is well under it. */
export const MAX_BODY = 10 * 1024 * 1024;
/**
 * All request bodies being read at the same time together stay under this, so many concurrent
 * large requests cannot exhaust memory; the ones over it are told to come back later (503).
 */
export const MAX_BODIES_IN_FLIGHT = 4 * MAX_BODY;

type Res = http.ServerResponse;

function refusal(nl: string, en: string, rule: string): unknown {
  return { ok: false, error: { code: 'validation', rule, message: { nl, en } } };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { ledger, ctx } = openSession(options.ledgerFile, options.open ?? {}, options.now);
  removeLeftoverUploads(ctx.file);
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;
  let bytesInFlight = 0;

  // without a Host header our own check answers (403, with the CSP), not Node's bare 400
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    try {
      route(req, res);
    } catch {
      // a request we did not foresee must never take the server (and the treasurer's session) down
      sendJson(res, 500, refusal('Er ging iets mis met dit verzoek', 'Something went wrong with this request', 'internal'));
    }
  });
  // CONNECT and Upgrade never reach the request handler; without these Node just drops the socket
  const refuseTunnel = (_req: http.IncomingMessage, socket: Duplex) => {
    if (socket.writable) socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST\r\nContent-Security-Policy: ${CSP}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  };
  server.on('connect', refuseTunnel);
  server.on('upgrade', refuseTunnel);
  // requests Node's parser already refuses (an unknown method, a broken request line, huge headers)
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nContent-Security-Policy: ${CSP}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });

  function route(req: http.IncomingMessage, res: Res): void {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-store');
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendJson(res, 403, refusal('Verboden host', 'Forbidden host', 'host'));
    }
    // a page from another site may send requests here; only our own pages may
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return sendJson(res, 403, refusal('Verzoek van een andere website geweigerd', 'Request from another website refused', 'origin'));
    }
    const pathname = decodedPath(req.url ?? '/');
    if (pathname === null) return sendJson(res, 400, refusal('Ongeldig adres', 'Invalid address', 'url'));
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    if (pathname === '/upload') {
      if (authorized(req, res)) handleUpload(req, res, ctx.file, (status, body) => sendJson(res, status, body), () => discardRest(req, res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, refusal('Methode niet toegestaan', 'Method not allowed', 'method'));
    }
    return serveStatic(req, res, pathname);
  }

  /** POST with the session's token: the door of /api/ and of /upload alike. */
  function authorized(req: http.IncomingMessage, res: Res): boolean {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendJson(res, 405, refusal('Methode niet toegestaan', 'Method not allowed', 'method'));
      return false;
    }
    const given = req.headers['x-penning-token'];
    if (typeof given !== 'string' || !safeEqual(given, token)) {
      sendJson(res, 401, { ok: false, error: { code: 'internal', rule: 'token', message: { nl: 'Ongeldige sessie; open de link uit de terminal opnieuw', en: 'Invalid session; open the link from the terminal again' } } });
      return false;
    }
    return true;
  }

  function handleApi(req: http.IncomingMessage, res: Res, method: string): void {
    if (!authorized(req, res)) return;
    const requestId = req.headers[PROGRESS_HEADER];
    if (requestId !== undefined && !requestIdSchema.safeParse(requestId).success) {
      return sendJson(res, 400, refusal('Ongeldig verzoeknummer', 'Invalid request id', 'request_id'));
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) {
      discardRest(req, res);
      return tooLarge(res);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const release = () => {
      bytesInFlight -= size;
      size = 0;
    };
    const refuse = (answer: () => void) => {
      refused = true;
      release();
      chunks.length = 0;
      discardRest(req, res);
      answer();
    };
    req.on('data', (c: Buffer) => {
      if (refused) return;
      if (size + c.length > MAX_BODY) return refuse(() => tooLarge(res));
      if (bytesInFlight + c.length > MAX_BODIES_IN_FLIGHT) {
        return refuse(() => {
          res.setHeader('Retry-After', '1');
          sendJson(res, 503, refusal('Penning is bezig; probeer het zo opnieuw', 'Penning is busy; try again in a moment', 'busy'));
        });
      }
      size += c.length;
      bytesInFlight += c.length;
      chunks.push(c);
    });
    req.on('error', () => {
      if (!refused) release();
    });
    req.on('close', () => {
      if (!refused) release();
    });
    req.on('end', () => {
      if (refused) return;
      const body = Buffer.concat(chunks).toString('utf8');
      release();
      chunks.length = 0;
      let input: unknown = {};
      if (body) {
        try {
          input = JSON.parse(body);
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'validation', field: 'input', rule: 'json', message: { nl: 'Ongeldige JSON', en: 'Invalid JSON' } } });
        }
      }
      if (typeof requestId === 'string') return streamCall(res, requestId, method, input);
      dispatchAsync(ctx, method, input).then(
        (result) => sendJson(res, 200, result),
        () => sendJson(res, 500, refusal('Er ging iets mis; er is niets opgeslagen', 'Something went wrong; nothing was saved', 'internal')),
      );
    });
  }

  /**
   * A call that names a request id is answered as lines of JSON: its progress while it runs, then
   * `{ result }`. Same route, token and origin checks as any call, so no second door to guard.
   */
  function streamCall(res: Res, requestId: string, method: string, input: unknown): void {
    res.writeHead(200, { 'Content-Type': PROGRESS_CONTENT_TYPE });
    res.flushHeaders();
    const line = (value: unknown) => {
      if (res.destroyed || res.writableEnded) return;
      res.write(`${JSON.stringify(value)}\n`);
      // Node corks the socket on write until the next tick; a write transaction blocks the loop for
      // seconds, so without this every update would arrive together at the end (measured: 1 ms
      // instead of up to the whole run's delay; see test/integration/progressServer.test.ts)
      res.socket?.uncork();
    };
    withProgress(
      (p) => line({ progress: { requestId, ...p } }),
      () => dispatchAsync(ctx, method, input),
    ).then(
      (result) => {
        line({ result });
        res.end();
      },
      () => {
        line({ result: refusal('Er ging iets mis; er is niets opgeslagen', 'Something went wrong; nothing was saved', 'internal') });
        res.end();
      },
    );
  }

  function serveStatic(req: http.IncomingMessage, res: Res, pathname: string): void {
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (relative.includes('\0') || !file.startsWith(rendererDir + path.sep) || !isFile(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(req.method === 'HEAD' ? undefined : 'Not found');
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function tooLarge(res: Res): void {
    sendJson(res, 413, refusal(`Verzoek te groot: hoogstens ${MAX_BODY / 1024 / 1024} MB`, `Request too large: at most ${MAX_BODY / 1024 / 1024} MB`, 'max_body'));
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
          removeLeftoverUploads(ctx.file);
          ledger.close();
          resolve();
        });
      }),
  };
}

/**
 * After a refusal the rest of the body is read and thrown away, so the client gets to read the
 * answer (closing at once makes most clients report a reset instead); memory stays flat, and a
 * client that keeps sending is cut off after a while.
 */
function discardRest(req: http.IncomingMessage, res: Res): void {
  res.setHeader('Connection', 'close');
  req.removeAllListeners('data');
  req.resume();
  setTimeout(() => req.socket.destroy(), 10_000).unref();
}

/** The request's path with its %-escapes decoded, or null when it is not a valid path at all. */
function decodedPath(rawUrl: string): string | null {
  const raw = rawUrl.split(/[?#]/, 1)[0]!;
  if (!raw.startsWith('/')) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length });
  res.end(data);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
