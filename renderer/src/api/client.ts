import type { Input, Method, Output } from '../../../shared/api/contract';
import { ApiError, type ApiResult } from '../../../shared/api/errors';

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

let token: string | undefined;

async function send(method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.penning) return window.penning.call(method, input);
  token ??= browserToken();
  const res = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Penning-Token': token },
    body: JSON.stringify(input ?? {}),
  });
  return (await res.json()) as ApiResult<unknown>;
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await send(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Output<M>;
}
