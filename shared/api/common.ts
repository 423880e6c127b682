import { z } from 'zod';

/** Small shapes several capabilities share. */

export const language = z.enum(['nl', 'en']);

export const Bilingual = z.object({ nl: z.string(), en: z.string() });

export const paging = { limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) };
