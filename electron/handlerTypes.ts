import type { z } from 'zod';
import type { MethodDef } from '../shared/api/method';
import type { Ctx } from './context';

/**
 * The handlers of one capability's methods: each gets the validated input and returns the output
 * its schema describes. Read methods may answer later (a PDF being rendered); writes stay
 * synchronous inside their transaction.
 */
export type HandlersFor<D extends Record<string, MethodDef>> = {
  [M in keyof D]: (ctx: Ctx, input: z.output<D[M]['input']>) => z.output<D[M]['output']> | Promise<z.output<D[M]['output']>>;
};
