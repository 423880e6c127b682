import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, net, protocol, session } from 'electron';
import { pathToFileURL } from 'node:url';
import type { Ledger } from '../db/open';
import { call } from './api';
import type { Ctx } from './context';
import { openSession } from './session';
import { APP_ORIGIN, registerIpc } from './ipc';
import { CSP } from './server';
import { ApiError } from '../shared/api/errors';

/**
 * The Electron shell: opens the ledger, serves the renderer from app://penning (not file://), and
 * keeps Electron's security defaults on and written out.
 */
app.setName('Penning');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = path.join(__dirname, '../renderer');
let ledger: Ledger | undefined;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function serveRenderer(): void {
  protocol.handle('app', (request) => {
    const { pathname } = new URL(request.url);
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file)) {
      return new Response('Not found', { status: 404 });
    }
    return net.fetch(pathToFileURL(file).toString()).then((res) => {
      const headers = new Headers(res.headers);
      headers.set('Content-Security-Policy', CSP);
      return new Response(res.body, { status: res.status, headers });
    });
  });
}

function createWindow(devUrl: string | undefined): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Penning',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const allowedOrigin = devUrl ? new URL(devUrl).origin : APP_ORIGIN;
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== allowedOrigin) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const typed = argValue('--db') ?? process.env.PENNING_DB;
  const file = typed ?? path.join(app.getPath('userData'), 'penning.sqlite');
  let ctx: Ctx;
  try {
    ({ ledger, ctx } = openSession(file, {
      nativeBinding: process.env.PENNING_NATIVE_BINDING || undefined,
      migrationsFolder: app.isPackaged ? path.join(process.resourcesPath, 'migrations') : undefined,
      createFolder: typed === undefined,
    }));
  } catch (e) {
    dialog.showErrorBox('Penning', `De administratie ${file} kan niet worden geopend.\n\n${e instanceof ApiError ? e.data.message.nl : (e as Error).message}`);
    app.exit(1);
    return;
  }
  if (process.argv.includes('--demo') && !call(ctx, 'ledger.status', {}).initialized) call(ctx, 'setup.demo', {});
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  registerIpc(ctx, devUrl ? new URL(devUrl).origin : undefined);
  serveRenderer();
  createWindow(devUrl);
});

app.on('window-all-closed', () => {
  ledger?.close();
  app.quit();
});
