import { z } from 'zod';
import { api, isMethod, type Api, type Method, type Output } from '../shared/api/contract';
import { ApiError, type ApiErrorData, type ApiResult } from '../shared/api/errors';
import { toValidationError } from '../shared/api/zodError';
import type { Ctx } from './context';
import type { HandlersFor } from './handlerTypes';
import { assertWritable } from './ledgerHealth';
import { settingsHandlers } from './settings/handlers';
import { bookkeepingHandlers } from './ledger/handlers';
import { debtorsHandlers } from './debtors/handlers';
import { invoicesHandlers } from './invoices/handlers';
import { itemsHandlers } from './items/handlers';
import { importsHandlers } from './imports/handlers';
import { ledgerFileHandlers } from './backups/handlers';
import { collectionsHandlers } from './collections/handlers';
import { overviewHandlers } from './overview/handlers';
import { statementHandlers } from './statements/handlers';
import { dossierHandlers } from './dossier/handlers';
import { dunningHandlers } from './dunning/handlers';

type Handlers = HandlersFor<Api>;

/**
 * The handler table: the one implementation of the contract. Every transport (IPC, browser-mode
 * HTTP, CLI) calls `dispatch`, which validates, runs writes in one transaction and turns every
 * failure into error data.
 */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...bookkeepingHandlers,
  ...debtorsHandlers,
  ...invoicesHandlers,
  ...itemsHandlers,
  ...importsHandlers,
  ...collectionsHandlers,
  ...overviewHandlers,
  ...ledgerFileHandlers,
  ...statementHandlers,
  ...dossierHandlers,
  ...dunningHandlers,
};

export type Logger = (message: string, error?: unknown) => void;

const defaultLogger: Logger = (message, error) => console.error(`[penning] ${message}`, error ?? '');

function invoke(ctx: Ctx, method: string, rawInput: unknown, log: Logger): ApiResult<unknown> | Promise<ApiResult<unknown>> {
  if (!isMethod(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', field: 'method', rule: 'exists', message: { nl: `Onbekende functie: ${method}`, en: `Unknown method: ${method}` } },
    };
  }
  const def = api[method];
  const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, error: toValidationError(parsed.error).data };
  const handler = handlers[method] as (ctx: Ctx, input: unknown) => unknown;
  const fileOperation = 'fileOperation' in def && def.fileOperation;
  try {
    if (def.kind === 'write' && !fileOperation) assertWritable(ctx);
    const value = def.kind === 'write' && !fileOperation ? ctx.db.transaction(() => handler(ctx, parsed.data))() : handler(ctx, parsed.data);
    if (value instanceof Promise) {
      return value.then(
        (v): ApiResult<unknown> => ({ ok: true, value: v }),
        (e: unknown): ApiResult<unknown> => ({ ok: false, error: toErrorData(e, method, log) }),
      );
    }
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toErrorData(e, method, log) };
  }
}

/** What the transports call: every method, including the ones that answer later. */
export async function dispatchAsync(ctx: Ctx, method: string, rawInput: unknown, log: Logger = defaultLogger): Promise<ApiResult<unknown>> {
  return invoke(ctx, method, rawInput, log);
}

/** In-process and synchronous, for tests, the demo seeder and the bench. */
export function dispatch(ctx: Ctx, method: string, rawInput: unknown, log: Logger = defaultLogger): ApiResult<unknown> {
  const result = invoke(ctx, method, rawInput, log);
  if (result instanceof Promise) {
    void result.catch(() => undefined);
    return { ok: false, error: { code: 'internal', message: { nl: `${method} werkt alleen asynchroon`, en: `${method} only works asynchronously` } } };
  }
  return result;
}

/** Typed in-process call: throws ApiError. For tests, the demo seeder and scripts. */
export function call<M extends Method>(ctx: Ctx, method: M, input: z.input<(typeof api)[M]['input']>): Output<M> {
  const result = dispatch(ctx, method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Output<M>;
}

function toErrorData(e: unknown, method: string, log: Logger): ApiErrorData {
  if (e instanceof ApiError) return e.data;
  const code = (e as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    log(`${method}: constraint`, e);
    return {
      code: 'conflict',
      rule: code.toLowerCase(),
      message: {
        nl: 'De wijziging is geweigerd omdat ze de administratie inconsistent zou maken; er is niets opgeslagen',
        en: 'The change was refused because it would make the books inconsistent; nothing was saved',
      },
    };
  }
  log(`${method} failed`, e);
  return {
    code: 'internal',
    message: { nl: 'Er ging iets mis; er is niets opgeslagen. Details staan in het logboek', en: 'Something went wrong; nothing was saved. Details are in the log' },
  };
}
