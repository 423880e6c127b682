import type Database from 'better-sqlite3';
import { localDate } from '../shared/dates';
import type { Ledger, Orm } from '../db/open';
import { reportProgress } from './progress';

/** What every handler gets: the open ledger and a clock (injected so tests can fix "today"). */
export interface Ctx {
  file: string;
  db: Database.Database;
  orm: Orm;
  now(): Date;
  today(): string;
  /** the open ledger itself: whether it is read-only, and what a restore swaps */
  ledger?: Ledger;
  /**
   * Long work tells how far it is (`ctx.progress('specifications', 12, 250)`): throttled, and a no-op
   * when the caller does not listen. Returns whether an update went out.
   */
  progress(step: string, done: number, total: number): boolean;
}

export function createContext(ledger: Ledger, now: () => Date = () => new Date()): Ctx {
  return { file: ledger.file, db: ledger.db, orm: ledger.orm, now, today: () => localDate(now()), ledger, progress: reportProgress };
}
