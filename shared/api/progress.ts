import { z } from 'zod';

/**
 * Progress of long work in the main process, as every transport carries it to the caller. The
 * `step` names what is counted; the renderer has a plural text per known step and a plain "12 of
 * 250" for any other, so a new capability (statement import, dunning letters) can report before
 * its texts exist.
 */
export const PROGRESS_STEPS = ['import.plan', 'import.apply', 'collection.debits', 'files', 'specifications', 'report', 'upload', 'statements.match'] as const;

/** A caller-chosen id per call, so a page with two calls running tells their events apart. */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const progressSchema = z
  .object({
    requestId: requestIdSchema,
    step: z.string().regex(/^[a-z][A-Za-z0-9.]{0,47}$/),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  })
  .refine((p) => p.done <= p.total, { message: 'done exceeds total' });

export type ProgressEvent = z.infer<typeof progressSchema>;

/** The browser-mode server streams a call that asks for progress as lines of JSON: these, then the result. */
export const PROGRESS_CONTENT_TYPE = 'application/x-ndjson; charset=utf-8';
export const PROGRESS_HEADER = 'x-penning-request';
