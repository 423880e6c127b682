/**
 * Errors are data: they cross IPC, HTTP and the CLI unchanged, and the UI shows `message.nl` or
 * `message.en`. A closed set of codes lets every transport map them the same way.
 */
export type ApiErrorCode = 'validation' | 'conflict' | 'not_found' | 'internal' | 'unknown_method';

export interface ApiErrorData {
  code: ApiErrorCode;
  /** The input field the error is about, as a dotted path ("bankAccounts.0.iban"). */
  field?: string;
  /** Stable machine name of the broken rule ("checksum", "required", "balanced"). */
  rule?: string;
  message: { nl: string; en: string };
}

export class ApiError extends Error {
  readonly data: ApiErrorData;
  constructor(data: ApiErrorData) {
    super(data.message.en);
    this.name = 'ApiError';
    this.data = data;
  }
}

export function validationError(field: string, rule: string, nl: string, en: string): ApiError {
  return new ApiError({ code: 'validation', field, rule, message: { nl, en } });
}

export function conflictError(rule: string, nl: string, en: string, field?: string): ApiError {
  return new ApiError({ code: 'conflict', rule, field, message: { nl, en } });
}

export function notFoundError(what: { nl: string; en: string }, field?: string): ApiError {
  return new ApiError({
    code: 'not_found',
    field,
    rule: 'exists',
    message: { nl: `${what.nl} bestaat niet`, en: `${what.en} does not exist` },
  });
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** Process exit code the CLI uses per error code: 2 for anything the user can fix in the input. */
export function exitCodeFor(code: ApiErrorCode): number {
  return code === 'internal' ? 1 : 2;
}
