import { exitCodeFor, type ApiErrorData } from '../../shared/api/errors';
import type { Input, Method, Output } from '../../shared/api/contract';
import { dispatchAsync } from '../api';
import type { Ctx } from '../context';

export function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A refused input ends the command: the message on stderr in the chosen language, exit code 2. */
export function report(error: ApiErrorData, lang: 'nl' | 'en'): never {
  process.stderr.write(`${lang === 'nl' ? 'Fout' : 'Error'}: ${error.message[lang]}\n`);
  process.stderr.write(`${JSON.stringify({ error })}\n`);
  process.exit(exitCodeFor(error.code));
}

/** Every command goes through the same dispatch as IPC and HTTP: validation, one transaction, typed errors. */
export interface Caller {
  ctx: Ctx;
  lang: 'nl' | 'en';
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  callUntyped(method: string, input: unknown): Promise<unknown>;
}

export function caller(ctx: Ctx, lang: 'nl' | 'en'): Caller {
  const callUntyped = async (method: string, input: unknown) => {
    const result = await dispatchAsync(ctx, method, input);
    if (!result.ok) report(result.error, lang);
    return result.value;
  };
  return { ctx, lang, callUntyped, call: (method, input) => callUntyped(method, input) as never };
}
