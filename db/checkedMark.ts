import fs from 'node:fs';
import path from 'node:path';

/**
 * The full open check (SQLite's quick_check and the two invariants of the books) reads the whole
 * file: seconds on a ledger of 100 000 items, too long to pay on every command. It is skipped when
 * Penning itself closed the file cleanly today and nothing touched it since: a mark beside the
 * ledger holds the file's size and modification time at that close. A crash (no clean close),
 * another program (a SQL tool, a damaged disk, a copied-in file: another size or time), the -wal of
 * a connection still open elsewhere, or a new day all bring the full check back.
 */
interface Mark {
  day: string;
  size: number;
  mtimeMs: number;
}

export function checkedMarkFile(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), `.${path.basename(ledgerFile)}.penning-checked.json`);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** True when the last clean close by Penning was today and the file is exactly as it left it. */
export function checkedSinceLastClose(ledgerFile: string): boolean {
  try {
    if (fs.existsSync(`${ledgerFile}-wal`)) return false;
    const mark = JSON.parse(fs.readFileSync(checkedMarkFile(ledgerFile), 'utf8')) as Mark;
    const stat = fs.statSync(ledgerFile);
    return mark.day === today() && mark.size === stat.size && mark.mtimeMs === stat.mtimeMs;
  } catch {
    return false;
  }
}

/** After a clean close of a sound ledger (no -wal left): remember how the file looks now. */
export function markCheckedAtClose(ledgerFile: string): void {
  try {
    if (fs.existsSync(`${ledgerFile}-wal`)) return;
    const stat = fs.statSync(ledgerFile);
    const mark: Mark = { day: today(), size: stat.size, mtimeMs: stat.mtimeMs };
    fs.writeFileSync(checkedMarkFile(ledgerFile), JSON.stringify(mark));
  } catch {
    // no mark: the next open simply checks in full
  }
}
