import { ipcMain } from 'electron';
import type { Ctx } from './context';
import { ipcCall } from './ipcCall';

export { APP_ORIGIN } from './ipcCall';

/** One IPC channel for the whole contract; ipcCall checks the sender and validates. */
export function registerIpc(ctx: Ctx, devOrigin?: string): void {
  ipcMain.handle('penning:call', (event, method: unknown, input: unknown, requestId: unknown) => ipcCall(ctx, event, method, input, requestId, devOrigin));
}
