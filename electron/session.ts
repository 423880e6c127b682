import { openLedger, type Ledger, type OpenOptions } from '../db/open';
import { call } from './api';
import { createContext, type Ctx } from './context';

/**
 * What every transport does when it opens a ledger: migrate, build the context, and the daily
 * housekeeping that keeps stored states true (a mandate unused for 36 months is expired).
 */
export function openSession(file: string, options: OpenOptions = {}, now?: () => Date): { ledger: Ledger; ctx: Ctx } {
  const ledger = openLedger(file, options);
  const ctx = createContext(ledger, now);
  call(ctx, 'mandates.expireStale', {});
  return { ledger, ctx };
}
