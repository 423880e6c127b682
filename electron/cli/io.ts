import fs from 'node:fs';
import { exitCodeFor, type ApiErrorData } from '../../shared/api/errors';
import type { Input, Method, Output } from '../../shared/api/contract';
import { dispatchAsync } from '../api';
import type { Ctx } from '../context';
import { withProgress } from '../progress';
import type { ProgressMode } from './progressLine';
import { progressPrinter } from './progressLine';

export function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * A refused input ends the command: one line on stderr in the chosen language, exit code 2; stdout
 * stays empty. PENNING_DEBUG=1 adds the error as data (field, rule) on a second line.
 */
export function report(error: ApiErrorData, lang: 'nl' | 'en'): never {
  process.stderr.write(`${lang === 'nl' ? 'Fout' : 'Error'}: ${error.message[lang].replace(/\s+/g, ' ').trim()}\n`);
  if (process.env.PENNING_DEBUG === '1') process.stderr.write(`${JSON.stringify({ error })}\n`);
  process.exit(exitCodeFor(error.code));
}

/** A file the user names as input, read whole; what is wrong with it is a refusal naming the file. */
export function readInputFile(file: string, lang: 'nl' | 'en'): Buffer {
  const refuse = (rule: string, nl: string, en: string): never => report({ code: 'validation', field: 'file', rule, message: { nl: `bestand ${file}: ${nl}`, en: `file ${file}: ${en}` } }, lang);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refuse('exists', 'bestaat niet', 'does not exist');
  }
  if (stat.isDirectory()) refuse('file', 'is een map, geen bestand', 'is a folder, not a file');
  if (!stat.isFile()) refuse('file', 'is geen gewoon bestand', 'is not a regular file');
  try {
    return fs.readFileSync(file);
  } catch (e) {
    return refuse('readable', `kan niet worden gelezen (${(e as NodeJS.ErrnoException).code ?? 'fout'})`, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Every command goes through the same dispatch as IPC and HTTP: validation, one transaction, typed errors. */
export interface Caller {
  ctx: Ctx;
  lang: 'nl' | 'en';
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  callUntyped(method: string, input: unknown): Promise<unknown>;
}

export function caller(ctx: Ctx, lang: 'nl' | 'en', progress: ProgressMode = 'off'): Caller {
  const callUntyped = async (method: string, input: unknown) => {
    const printer = progressPrinter(progress, lang);
    const result = await withProgress(printer?.sink, () => dispatchAsync(ctx, method, input));
    printer?.end();
    if (!result.ok) report(result.error, lang);
    return result.value;
  };
  return { ctx, lang, callUntyped, call: (method, input) => callUntyped(method, input) as never };
}
