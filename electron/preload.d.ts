import type { ApiResult } from '../shared/api/errors';

/** What preload.ts exposes as window.penning (absent in browser mode). */
export interface PenningBridge {
  /** onProgress hears this call's progress (throttled, from the main process) while it runs */
  call(method: string, input: unknown, onProgress?: (update: { step: string; done: number; total: number }) => void): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    penning?: PenningBridge;
  }
}
