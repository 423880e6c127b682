import type { z } from 'zod';

/**
 * One method of the contract. Each capability declares its methods in shared/api/<capability>.ts
 * with `defineMethods`, and contract.ts spreads them into the one table.
 */
export interface MethodDef {
  /** 'write' methods run in one transaction and are serialised; 'read' methods only read. */
  kind: 'read' | 'write';
  /** manages the ledger file or places files itself: runs outside dispatch's transaction (holding its own), also on a read-only ledger */
  fileOperation?: boolean;
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
}

/** Keeps each method's literal types (for the typed client) while checking the shape. */
export function defineMethods<const T extends Record<string, MethodDef>>(methods: T): T {
  return methods;
}
