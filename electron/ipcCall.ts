import { dispatchAsync } from './api';
import type { Ctx } from './context';
import { withProgress } from './progress';
import type { ApiResult } from '../shared/api/errors';
import { requestIdSchema } from '../shared/api/progress';

export const APP_ORIGIN = 'app://penning';
export const PROGRESS_CHANNEL = 'penning:progress';

/**
 * A page's origin. Node's URL gives "null" as the origin of every non-special scheme, app:// too
 * (Chromium knows app:// as a standard scheme, Node does not), so app:// is rebuilt from its parts;
 * without this every call from the packaged window was refused.
 */
export function originOf(url: string): string {
  try {
    const u = new URL(url);
    return u.origin !== 'null' ? u.origin : u.protocol === 'app:' && u.host ? `app://${u.host}` : '';
  } catch {
    return '';
  }
}

/** The part of Electron's IpcMainInvokeEvent a call needs (kept apart so tests run under plain Node). */
export interface IpcCaller {
  senderFrame?: { url: string } | null;
  sender: { send(channel: string, payload: unknown): void; isDestroyed(): boolean };
}

/**
 * One call over IPC. The sender must be our own page (checked by parsing its URL, not by prefix);
 * the method name and input are validated by dispatch against the contract. With a request id the
 * call's progress goes back to the same page on PROGRESS_CHANNEL, tagged with that id;
 * webContents.send hands the message to Chromium at once, also while a write transaction holds
 * the main process's event loop.
 */
export function ipcCall(ctx: Ctx, event: IpcCaller, method: unknown, input: unknown, requestId: unknown, devOrigin?: string): Promise<ApiResult<unknown>> | ApiResult<unknown> {
  const origin = originOf(event.senderFrame?.url ?? '');
  if (origin !== APP_ORIGIN && origin !== devOrigin) {
    return { ok: false, error: { code: 'internal', rule: 'sender', message: { nl: 'Verzoek van onbekende herkomst geweigerd', en: 'Request from unknown origin refused' } } };
  }
  if (typeof method !== 'string') {
    return { ok: false, error: { code: 'unknown_method', field: 'method', rule: 'type', message: { nl: 'Functienaam ontbreekt', en: 'Method name missing' } } };
  }
  if (requestId === undefined) return dispatchAsync(ctx, method, input);
  const id = requestIdSchema.safeParse(requestId);
  if (!id.success) {
    return { ok: false, error: { code: 'validation', field: 'requestId', rule: 'format', message: { nl: 'Ongeldig verzoeknummer', en: 'Invalid request id' } } };
  }
  const sender = event.sender;
  return withProgress(
    (p) => {
      if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { requestId: id.data, ...p });
    },
    () => dispatchAsync(ctx, method, input),
  );
}
