import { ipcMain } from 'electron';
import { dispatchAsync } from './api';
import type { Ctx } from './context';

export const APP_ORIGIN = 'app://penning';

/**
 * One IPC channel for the whole contract. The sender must be our own page (checked by parsing its
 * URL, not by prefix); the method name and input are validated by dispatch against the contract.
 */
export function registerIpc(ctx: Ctx, devOrigin?: string): void {
  ipcMain.handle('penning:call', (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    let origin = '';
    try {
      origin = new URL(frameUrl).origin;
    } catch {
      origin = '';
    }
    if (origin !== APP_ORIGIN && origin !== devOrigin) {
      return { ok: false, error: { code: 'internal', rule: 'sender', message: { nl: 'Verzoek van onbekende herkomst geweigerd', en: 'Request from unknown origin refused' } } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', field: 'method', rule: 'type', message: { nl: 'Functienaam ontbreekt', en: 'Method name missing' } } };
    }
    return dispatchAsync(ctx, method, input);
  });
}
