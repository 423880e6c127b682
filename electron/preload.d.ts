import type { ApiResult } from '../shared/api/errors';

/** What preload.ts exposes as window.penning (absent in browser mode). */
export interface PenningBridge {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    penning?: PenningBridge;
  }
}
