import type { Input, Method, Output } from '../../../shared/api/contract';
import { ApiError, type ApiResult } from '../../../shared/api/errors';
import { PROGRESS_HEADER, progressSchema } from '../../../shared/api/progress';

/**
 * The renderer's one typed client. Under Electron it goes through window.penning (IPC); in
 * browser mode it posts to the loopback server with the token from the start URL.
 */
const TOKEN_KEY = 'penning.token';

function browserToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** How far a running call is, as the main process reports it. */
export interface Progress {
  step: string;
  done: number;
  total: number;
}

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
}

let token: string | undefined;
let calls = 0;

async function send(method: string, input: unknown, onProgress?: (p: Progress) => void): Promise<ApiResult<unknown>> {
  if (window.penning) return window.penning.call(method, input, onProgress);
  token ??= browserToken();
  const requestId = onProgress ? `b${++calls}-${Date.now().toString(36)}` : undefined;
  const res = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Penning-Token': token, ...(requestId ? { [PROGRESS_HEADER]: requestId } : {}) },
    body: JSON.stringify(input ?? {}),
  });
  if (!requestId || !onProgress || !res.body || !res.headers.get('content-type')?.includes('ndjson')) return (await res.json()) as ApiResult<unknown>;
  return readProgressStream(res.body, requestId, onProgress);
}

/** The streamed answer: progress lines for this call, then `{ result }`. */
async function readProgressStream(body: ReadableStream<Uint8Array>, requestId: string, onProgress: (p: Progress) => void): Promise<ApiResult<unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const message = JSON.parse(line) as { progress?: unknown; result?: ApiResult<unknown> };
      if (message.result) return message.result;
      const update = progressSchema.safeParse(message.progress);
      if (update.success && update.data.requestId === requestId) onProgress({ step: update.data.step, done: update.data.done, total: update.data.total });
    }
    if (done) break;
  }
  throw new Error('the answer ended before its result');
}

export async function call<M extends Method>(method: M, input: Input<M>, options: CallOptions = {}): Promise<Output<M>> {
  const result = await send(method, input, options.onProgress);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Output<M>;
}

/**
 * Browser mode only: streams a file the treasurer chose to the server's POST /upload (the browser
 * reads it from disk as it sends; no copy in this page's memory) and returns the upload id the
 * statement calls take instead of the content. Progress counts whole MB sent.
 */
export function uploadFile(file: File, onProgress?: (p: Progress) => void): Promise<string> {
  token ??= browserToken();
  const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/upload');
    xhr.setRequestHeader('X-Penning-Token', token!);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress?.({ step: 'upload', done: Math.min(mb(e.loaded), mb(file.size)), total: mb(file.size) });
    xhr.onerror = () => reject(new ApiError({ code: 'internal', rule: 'upload', message: { nl: 'Het bestand kon niet naar Penning worden gestuurd', en: 'The file could not be sent to Penning' } }));
    xhr.onload = () => {
      try {
        const result = JSON.parse(xhr.responseText) as ApiResult<{ upload: string }>;
        if (result.ok) resolve(result.value.upload);
        else reject(new ApiError(result.error));
      } catch {
        reject(new ApiError({ code: 'internal', rule: 'upload', message: { nl: 'Onverwacht antwoord op de upload', en: 'Unexpected answer to the upload' } }));
      }
    };
    xhr.send(file);
  });
}

/** Whether calls go to the loopback server (browser mode) rather than over Electron's IPC. */
export const isBrowserMode = () => !window.penning;
