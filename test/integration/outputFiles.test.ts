import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitWithFiles } from '../../electron/files/atomicOutput';
import { cliOn } from '../helpers/cli';
import { openInitializedLedger, tempDir } from '../helpers/ledger';

/**
 * A booked run always has its file: the target is checked before booking, the file is in place
 * before COMMIT and removed when COMMIT fails, the place is recorded with the batch, a missing
 * file is reported on opening with the command that re-creates it, and Penning's stale
 * temporaries are cleaned up.
 */
const dir = tempDir('penning-output-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('commitWithFiles', () => {
  it('removes the placed file when COMMIT fails, and leaves no temporary', () => {
    const t = openInitializedLedger();
    try {
      const target = path.join(t.dir, 'uit.xml');
      expect(() =>
        commitWithFiles(t.ledger.db, t.file, t.dir, (out) => {
          out.put(target, '<Document/>');
          // a broken reference checked only at COMMIT: the commit itself fails
          t.ledger.db.pragma('defer_foreign_keys = ON');
          t.ledger.db.prepare('INSERT INTO batch_outputs (batch_id, file_no, path, sha256) VALUES (999, 1, ?, ?)').run(target, 'x');
        }),
      ).toThrow(/FOREIGN KEY/);
      expect(fs.readdirSync(t.dir).filter((f) => f.includes('uit.xml') || f.endsWith('.tmp') || f.includes('pending'))).toEqual([]);
      expect(t.ledger.db.prepare('SELECT COUNT(*) FROM batch_outputs').pluck().get()).toBe(0);
    } finally {
      t.close();
    }
  });
});

describe('collect over the CLI', { timeout: 180_000 }, () => {
  const ledger = path.join(dir, 'club.sqlite');
  const penning = cliOn(ledger);

  it('refuses a folder, a missing folder or an unwritable one as --out before booking anything', () => {
    expect(penning('init', '--demo').code).toBe(0);
    const proposed = penning('collect', '--dry-run').json.count;
    const asFolder = penning('collect', '--out', dir);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toMatch(new RegExp(`Fout: --out: ${dir} is een map; geef een bestandsnaam in die map`));
    expect(asFolder.stderr).not.toMatch(/\n\s+at /);
    const noFolder = penning('collect', '--out', path.join(dir, 'bestaat-niet', 'incasso.xml'));
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/de map .*bestaat-niet bestaat niet/);
    expect(fs.existsSync(path.join(dir, 'bestaat-niet'))).toBe(false);
    const locked = path.join(dir, 'dicht');
    fs.mkdirSync(locked, { mode: 0o555 });
    const unwritable = penning('--lang', 'en', 'collect', '--out', path.join(locked, 'incasso.xml'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/Error: --out: the folder .*dicht is not writable/);
    expect(penning('batch', 'list').json).toEqual([]);
    expect(penning('collect', '--dry-run').json.count).toBe(proposed);
  });

  it('records where each file went; a missing file is reported with the command that re-creates it byte for byte', () => {
    const out = path.join(dir, 'incasso.xml');
    const run = penning('collect', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const hash = sha(out);
    expect(run.json.sha256).toEqual([hash]);
    expect(penning('call', 'ledger.health', '{}').json.missingFiles).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'club.sqlite.backups')).some((f) => f.endsWith('-before-collect.sqlite'))).toBe(true);

    fs.rmSync(out);
    fs.writeFileSync(path.join(dir, '.incasso.xml.penning-999999-0badf00d.tmp'), 'half');
    const status = penning('status');
    const command = `penning batch file INC-2026-0001 --out ${out}`;
    expect(status.stderr).toContain(`Let op: bestand 1 van INC-2026-0001 ontbreekt (${out}); maak het opnieuw met: ${command}`);
    expect(fs.existsSync(path.join(dir, '.incasso.xml.penning-999999-0badf00d.tmp'))).toBe(false);
    expect(penning('call', 'ledger.health', '{}').json.missingFiles).toEqual([
      { batchId: 1, reference: 'INC-2026-0001', fileNo: 1, fileCount: 1, path: out, problem: 'missing', command },
    ]);

    const again = penning(...command.split(' ').slice(1));
    expect(again.code, again.stderr).toBe(0);
    expect(sha(out)).toBe(hash);
    expect(penning('status').stderr).not.toMatch(/ontbreekt/);

    // the button in the UI: the same through the API, to the place it was last written
    fs.writeFileSync(out, 'iets anders');
    expect(penning('call', 'ledger.health', '{}').json.missingFiles[0].problem).toBe('changed');
    expect(penning('call', 'batches.recreateFile', '{"id":1}').json).toEqual({ path: out, sha256: hash, messageId: expect.stringMatching(/^INC-2026-0001-/) });
    expect(sha(out)).toBe(hash);
  });

  it('a run killed between rename and COMMIT leaves no file once the ledger is opened again', () => {
    const out = path.join(dir, 'terug.xml');
    const killed = cliOn(ledger);
    const r = (() => {
      process.env.PENNING_CRASH_AT = 'after-rename';
      try {
        return killed('refund', '--out', out);
      } finally {
        delete process.env.PENNING_CRASH_AT;
      }
    })();
    expect(r.code).toBe(137); // killed by SIGKILL (128 + 9), as a shell reports it
    expect(fs.existsSync(out)).toBe(true);
    const status = penning('status');
    expect(status.stderr).toContain(`Verwijderd: ${out} (van een run die niet is geboekt)`);
    expect(fs.existsSync(out)).toBe(false);
    expect(penning('batch', 'list').json.map((b: { reference: string }) => b.reference)).toEqual(['INC-2026-0001']);
  });
});
