import { ApiError, exitCodeFor, type ApiErrorData } from '../../shared/api/errors';
import { MigrationError } from '../../db/migrationError';
import { UsageError } from './args';

/**
 * The CLI's one error boundary: whatever goes wrong ends as ONE line on stderr in the chosen
 * language (naming the file or field and the rule) and an exit code — 1 for wrong usage or an
 * internal failure, 2 for input the user can fix. Never a Node stack trace, unless PENNING_DEBUG=1.
 */
export interface Failure {
  exit: number;
  /** The same error as data, shown with PENNING_DEBUG=1 (usage errors have none). */
  error?: ApiErrorData;
  line: string;
}

const FILE_PROBLEMS: Record<string, { nl: string; en: string }> = {
  ENOENT: { nl: 'bestaat niet', en: 'does not exist' },
  EISDIR: { nl: 'is een map, geen bestand', en: 'is a folder, not a file' },
  ENOTDIR: { nl: 'een deel van het pad is een bestand, geen map', en: 'part of the path is a file, not a folder' },
  EACCES: { nl: 'geen toegang (rechten)', en: 'permission denied' },
  EPERM: { nl: 'geen toegang (rechten)', en: 'permission denied' },
  EROFS: { nl: 'staat op een alleen-lezen schijf', en: 'is on a read-only disk' },
  ENOSPC: { nl: 'de schijf is vol', en: 'the disk is full' },
  EEXIST: { nl: 'bestaat al', en: 'already exists' },
  ENAMETOOLONG: { nl: 'de naam is te lang', en: 'the name is too long' },
  EMFILE: { nl: 'te veel open bestanden', en: 'too many open files' },
};

const LEDGER_PROBLEMS: Record<string, { nl: string; en: string }> = {
  SQLITE_READONLY: { nl: 'is alleen-lezen; er is niets opgeslagen', en: 'is read-only; nothing was saved' },
  SQLITE_NOTADB: { nl: 'is beschadigd of geen Penning-grootboek', en: 'is damaged or not a Penning ledger' },
  SQLITE_CORRUPT: { nl: 'is beschadigd', en: 'is damaged' },
  SQLITE_CANTOPEN: { nl: 'kan niet worden geopend', en: 'cannot be opened' },
  SQLITE_BUSY: { nl: 'is in gebruik door een ander programma', en: 'is in use by another program' },
  SQLITE_FULL: { nl: 'de schijf is vol', en: 'the disk is full' },
  SQLITE_IOERR: { nl: 'lees- of schrijffout op de schijf', en: 'disk read or write error' },
};

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function failure(error: ApiErrorData, lang: 'nl' | 'en', exit = exitCodeFor(error.code)): Failure {
  return { exit, error, line: `${lang === 'nl' ? 'Fout' : 'Error'}: ${oneLine(error.message[lang])}` };
}

export function describeFailure(e: unknown, lang: 'nl' | 'en', ledgerFile: string): Failure {
  if (e instanceof UsageError) {
    const text = lang === 'nl' ? e.nl : e.en;
    return { exit: 1, line: lang === 'nl' ? `Gebruik: ${oneLine(text)} (zie "penning help")` : `Usage: ${oneLine(text)} (see "penning help")` };
  }
  if (e instanceof ApiError) return failure(e.data, lang);
  const err = e as NodeJS.ErrnoException & { name?: string };
  if (e instanceof MigrationError) {
    return failure({ code: 'validation', field: 'db', rule: 'migration', message: { nl: `grootboek ${ledgerFile}: ${err.message}`, en: `ledger ${ledgerFile}: ${err.message}` } }, lang);
  }
  const code = typeof err?.code === 'string' ? err.code : '';
  // a rename names both files; the one the user typed is the destination
  const file = (err as { dest?: unknown })?.dest ?? err?.path;
  if (FILE_PROBLEMS[code] && typeof file === 'string') {
    const p = FILE_PROBLEMS[code];
    return failure({ code: 'validation', field: 'file', rule: code.toLowerCase(), message: { nl: `bestand ${file}: ${p.nl}`, en: `file ${file}: ${p.en}` } }, lang);
  }
  const ledgerProblem = Object.entries(LEDGER_PROBLEMS).find(([prefix]) => code.startsWith(prefix));
  if (err?.name === 'SqliteError' && ledgerProblem) {
    const p = ledgerProblem[1];
    return failure({ code: 'validation', field: 'db', rule: code.toLowerCase(), message: { nl: `grootboek ${ledgerFile}: ${p.nl}`, en: `ledger ${ledgerFile}: ${p.en}` } }, lang);
  }
  const message = oneLine(err instanceof Error ? err.message : String(e)) || (err instanceof Error ? err.name : 'onbekend');
  return failure({ code: 'internal', rule: 'internal', message: { nl: `interne fout: ${message}`, en: `internal error: ${message}` } }, lang, 1);
}

/** Prints the failure (and with PENNING_DEBUG=1 the stack) and ends the process. */
export function exitWithFailure(e: unknown, lang: 'nl' | 'en', ledgerFile: string): never {
  const f = describeFailure(e, lang, ledgerFile);
  process.stderr.write(`${f.line}\n`);
  if (process.env.PENNING_DEBUG === '1') {
    if (f.error) process.stderr.write(`${JSON.stringify({ error: f.error })}\n`);
    if (e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  }
  process.exit(f.exit);
}
