import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/**
 * The same fixed work on every machine, timed: what the bench's figures are to be read against.
 * The same import of 100 000 entries took 13 to 17 s on one session's shared machine and 6 to 7 s
 * on the next one's, with the same code (and the same instructions under callgrind); a figure
 * without its machine's speed beside it cannot say whether a change or the host moved it.
 *
 * The work is a small model of what the bench measures: JavaScript building strings, hashing and
 * filling a Map, and SQLite inserting rows with an index in one transaction, all in memory.
 */
function referenceWork(): number {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, amount INTEGER NOT NULL, note TEXT)');
    const insert = db.prepare('INSERT INTO t (k, amount, note) VALUES (?, ?, ?)');
    const seen = new Map<string, number>();
    let seed = 12_345;
    db.transaction(() => {
      for (let i = 0; i < 40_000; i++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        const key = createHash('sha1').update(`NL91ABNA0417164300|${i}|${seed}`).digest('hex');
        seen.set(key, (seen.get(key) ?? 0) + 1);
        insert.run(key, seed % 100_000, `Contributie ${i} lid ${seed % 997}`);
      }
    })();
    return seen.size;
  } finally {
    db.close();
  }
}

export interface HostSpeed {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

/** The reference work `runs` times (after one warm-up): its median and range in ms. */
export function measureHostSpeed(runs = 5): HostSpeed {
  referenceWork();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (referenceWork() !== 40_000) throw new Error('host speed: the reference work did not make its 40 000 keys');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)]!, minMs: times[0]!, maxMs: times[runs - 1]!, runs };
}
