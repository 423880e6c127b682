import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { openLedger } from '../../db/open';
import { call } from '../../electron/api';
import { createContext } from '../../electron/context';
import { setupLedger } from '../../bench/collection';
import { bundled } from './processBundles';

/**
 * The crash-safety harness: runs `penning collect|refund` as a real process on a copy of a ledger,
 * kills it (SIGKILL) at a named point (PENNING_CRASH_AT) or after a delay, and checks what is left
 * against the promise: the file is sound, the books balance, the sub-ledger equals the control
 * account, and either the batch is recorded with every file present and its hash matching, or
 * there is neither batch nor file.
 */
const root = path.resolve(__dirname, '../..');

/** One process, no wrapper: a kill hits the process that writes (node running the bundled CLI, no tsx in between). */
function cliArgs(db: string, args: string[]): string[] {
  return [bundled('cli'), '--db', db, ...args];
}

export interface KillOutcome {
  point: string;
  killed: boolean;
  booked: boolean;
  /** what was wrong; empty means consistent */
  problems: string[];
  ms: number;
}

export function runCli(db: string, args: string[], env: Record<string, string> = {}): { code: number | null; signal: string | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs(db, args), { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export function runCliKilledAfter(db: string, args: string[], delayMs: number): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, cliArgs(db, args), { cwd: root, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', ms: Date.now() - t0 });
    });
  });
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Files a run writes for target `x.xml`: x.xml, or x-1.xml, x-2.xml, ... */
function runFiles(target: string): string[] {
  const dir = path.dirname(target);
  const ext = path.extname(target);
  const stem = path.basename(target, ext);
  return fs.readdirSync(dir).filter((f) => f === `${stem}${ext}` || new RegExp(`^${stem}-\\d+\\${ext}$`).test(f)).map((f) => path.join(dir, f));
}

/** Checks the promise; `before` is the number of batches the ledger had before the run. */
export function inspectAfterKill(db: string, target: string, before: number, stage: 'raw' | 'reopened'): { booked: boolean; problems: string[] } {
  const problems: string[] = [];
  const conn = new Database(db);
  try {
    const integrity = conn.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    if (unbalancedEntries(conn).length) problems.push('an entry does not balance');
    if (subLedgerMismatches(conn).length) problems.push('sub-ledger differs from the control account');
    const batches = conn.prepare("SELECT id, file_hashes AS hashes FROM batches WHERE status = 'saved' ORDER BY id").all() as { id: number; hashes: string }[];
    const fresh = batches.slice(before);
    if (fresh.length > 1) problems.push(`${fresh.length} batches booked by one run`);
    const files = runFiles(target);
    const booked = fresh.length === 1;
    if (booked) {
      const hashes = JSON.parse(fresh[0]!.hashes) as string[];
      const outputs = conn.prepare('SELECT file_no AS fileNo, path, sha256 FROM batch_outputs WHERE batch_id = ? ORDER BY file_no').all(fresh[0]!.id) as { fileNo: number; path: string; sha256: string }[];
      if (outputs.length !== hashes.length) problems.push(`batch has ${hashes.length} files but ${outputs.length} recorded places`);
      for (const o of outputs) {
        if (!fs.existsSync(o.path)) problems.push(`booked, but file ${o.fileNo} is missing`);
        else if (sha256(o.path) !== hashes[o.fileNo - 1]) problems.push(`booked, but file ${o.fileNo} differs from its hash`);
      }
    } else if (stage === 'reopened' && files.length > 0) {
      problems.push(`not booked, yet ${files.map((f) => path.basename(f)).join(', ')} in place`);
    }
    if (stage === 'reopened') {
      const temps = fs.readdirSync(path.dirname(target)).filter((f) => f.endsWith('.tmp'));
      if (temps.length) problems.push(`temporaries left: ${temps.join(', ')}`);
    }
    return { booked, problems };
  } finally {
    conn.close();
  }
}

export function batchCount(db: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare("SELECT COUNT(*) FROM batches WHERE status = 'saved'").pluck().get() as number;
  } finally {
    conn.close();
  }
}

/**
 * One kill: copy the base ledger, run, kill, check the raw state (a booked batch must have its
 * files), open again as a user would (`penning status`), check again (now: both or neither).
 */
export async function killOnce(base: string, work: string, point: string, command: string[], kill: { crashAt: string } | { afterMs: number }): Promise<KillOutcome> {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const db = path.join(work, 'ledger.sqlite');
  fs.copyFileSync(base, db);
  const target = path.join(work, 'out.xml');
  const before = batchCount(db);
  const t0 = Date.now();
  let killed: boolean;
  if ('crashAt' in kill) {
    const r = runCli(db, [...command, '--out', target], { PENNING_CRASH_AT: kill.crashAt });
    killed = r.signal === 'SIGKILL';
    if (!killed && r.code !== 0) throw new Error(`${point}: exit ${r.code}: ${r.stderr}`);
  } else {
    killed = (await runCliKilledAfter(db, [...command, '--out', target], kill.afterMs)).killed;
  }
  const ms = Date.now() - t0;
  const raw = inspectAfterKill(db, target, before, 'raw');
  const status = runCli(db, ['status']);
  const problems = raw.problems.map((p) => `before reopening: ${p}`);
  if (status.code !== 0) problems.push(`status after the kill: exit ${status.code}: ${status.stderr}`);
  const reopened = inspectAfterKill(db, target, before, 'reopened');
  problems.push(...reopened.problems);
  if (raw.booked !== reopened.booked) problems.push('reopening changed whether the batch is booked');
  return { point, killed, booked: reopened.booked, problems, ms };
}

/** A small seeded generator, so a failing run can be repeated with the same delays. */
export function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

export interface CrashPlan {
  /** PENNING_CRASH_AT values for the collection run */
  collectionPoints: string[];
  /** kills at random moments of the collection run */
  timedKills: number;
  refundPoints: string[];
  seed: number;
}

/**
 * Runs the plan over two base ledgers (one to collect from, one with credit balances to refund)
 * and returns every outcome. A first, unkilled run of each measures how long a run takes, so the
 * timed kills fall inside it.
 */
export async function runCrashPlan(work: string, collectionBase: string, refundBase: string, plan: CrashPlan): Promise<{ outcomes: KillOutcome[]; collectMs: number }> {
  const outcomes: KillOutcome[] = [];
  const t0 = Date.now();
  const whole = await killOnce(collectionBase, path.join(work, 'whole'), 'no kill', ['collect'], { crashAt: 'none' });
  const collectMs = Date.now() - t0;
  if (!whole.booked || whole.problems.length) throw new Error(`the unkilled run is wrong: ${JSON.stringify(whole)}`);
  for (const point of plan.collectionPoints) outcomes.push(await killOnce(collectionBase, path.join(work, 'kill'), `collect ${point}`, ['collect'], { crashAt: point }));
  const random = seeded(plan.seed);
  for (let i = 0; i < plan.timedKills; i++) {
    const afterMs = Math.round(whole.ms * (0.15 + 0.9 * random()));
    outcomes.push(await killOnce(collectionBase, path.join(work, 'kill'), `collect after ${afterMs} ms`, ['collect'], { afterMs }));
  }
  for (const point of plan.refundPoints) outcomes.push(await killOnce(refundBase, path.join(work, 'kill'), `refund ${point}`, ['refund'], { crashAt: point }));
  return { outcomes, collectMs };
}

/** `n` members to collect from, files cut at a quarter so a run writes four of them. */
export function buildCollectionBase(file: string, n: number): void {
  setupLedger(file, n);
  const conn = new Database(file);
  conn.prepare('UPDATE bank_accounts SET max_transactions_per_file = ?').run(Math.ceil(n / 4));
  conn.close();
}

/** The demo club: members with a credit balance to refund. */
export function buildRefundBase(file: string): void {
  const ledger = openLedger(file);
  call(createContext(ledger), 'setup.demo', {});
  ledger.close();
}
