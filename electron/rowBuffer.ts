import type Database from 'better-sqlite3';
import { stmt } from './preparedStatements';

/**
 * Rows of one table gathered and written many at a time with one multi-row INSERT. Each INSERT
 * statement carries its own fixed cost (the statement's program, its triggers set up, the
 * AUTOINCREMENT counter written back, the call into SQLite); for the small rows an import writes
 * per entry (an allocation, a line in an item's history) that cost was most of the write.
 */
export class RowBuffer {
  private values: unknown[] = [];
  private rows = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly perInsert = 64,
  ) {}

  add(row: readonly unknown[]): void {
    if (row.length !== this.columns.length) throw new Error(`${this.table}: ${row.length} values for ${this.columns.length} columns`);
    for (const v of row) this.values.push(v);
    if (++this.rows === this.perInsert) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    const one = `(${this.columns.map(() => '?').join(', ')})`;
    stmt(this.db, `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(this.rows).fill(one).join(', ')}`).run(this.values);
    this.values = [];
    this.rows = 0;
  }
}
