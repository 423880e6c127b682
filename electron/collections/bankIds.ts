import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

/**
 * The ids a bank keeps forever (MsgId, PmtInfId, EndToEndId) carry a key of the ledger's random
 * salt and the batch's creation time. A ledger restored from an older copy numbers its batches
 * again from where the copy stood — INC-2026-0007 a second time — but the key differs: the
 * restore rotates the salt, and the clock has moved on anyway.
 */
export function newIdSalt(): string {
  return randomBytes(2).toString('hex').toUpperCase();
}

const EPOCH_2020 = Date.UTC(2020, 0, 1) / 1000;

/** 4 hex digits of salt + seconds since 2020 in base 36 (6 characters until 2088): 10 characters in the set SEPA allows. */
export function batchIdKey(ctx: Ctx): string {
  let salt = (stmt(ctx.db, 'SELECT id_salt AS salt FROM organisation WHERE id = 1').get() as { salt: string | null } | undefined)?.salt ?? null;
  if (!salt) {
    salt = newIdSalt();
    stmt(ctx.db, 'UPDATE organisation SET id_salt = ? WHERE id = 1').run(salt);
  }
  const seconds = Math.max(0, Math.floor(ctx.now().getTime() / 1000 - EPOCH_2020));
  return `${salt}${seconds.toString(36).toUpperCase().padStart(6, '0')}`;
}

/**
 * For the restore (Instellingen > Back-up terugzetten): a new salt means no id the bank already
 * received from the lost later copy can come back. backups/restored.ts calls it with the mark.
 */
export function rotateIdSalt(db: Database.Database): void {
  db.prepare('UPDATE organisation SET id_salt = ? WHERE id = 1').run(newIdSalt());
}
