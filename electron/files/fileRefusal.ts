import { ApiError, validationError } from '../../shared/api/errors';

const FILE_ERRORS: Record<string, { nl: string; en: string }> = {
  ENOSPC: { nl: 'de schijf is vol', en: 'the disk is full' },
  EACCES: { nl: 'geen toestemming', en: 'permission denied' },
  EPERM: { nl: 'geen toestemming', en: 'permission denied' },
  EROFS: { nl: 'de schijf is alleen-lezen', en: 'the disk is read-only' },
  EISDIR: { nl: 'het is een map', en: 'it is a folder' },
  ENOENT: { nl: 'de map bestaat niet', en: 'the folder does not exist' },
  EDQUOT: { nl: 'de schijfruimte is op', en: 'the disk quota is used up' },
};

/**
 * A file the system would not let us write (a full disk between check and write) as a refusal:
 * the run was rolled back, so the message says so. Anything else is not a file problem: null.
 */
export function fileRefusal(e: unknown): ApiError | null {
  if (e instanceof ApiError) return e;
  const err = e as NodeJS.ErrnoException;
  const why = err?.code ? FILE_ERRORS[err.code] : undefined;
  if (!why || !err.path) return null;
  return validationError('file', err.code!.toLowerCase(), `${err.path} kan niet worden geschreven: ${why.nl}; er is niets opgeslagen`, `${err.path} cannot be written: ${why.en}; nothing was saved`);
}

/** Runs file-writing work; file-system refusals become ApiErrors with one clear message. */
export function asFileRefusal<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw fileRefusal(e) ?? e;
  }
}
