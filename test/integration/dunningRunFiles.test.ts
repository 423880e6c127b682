import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatchAsync } from '../../electron/api';
import type { Output } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, tempDir, type TestLedger } from '../helpers/ledger';

/**
 * The dunning run through the API, with its letters on disk: the files and the books agree (the
 * PDFs are read back with pdftotext/pdfinfo, the drafts with mailparser, both written apart from
 * our writers), and a run that cannot write or cannot commit leaves neither files nor bookings.
 */
let t: TestLedger;
let out: string;
beforeEach(() => {
  t = openInitializedLedger();
  out = tempDir('penning-letters-');
  call(t.ctx, 'settings.update', { organisation: { name: 'Tennisvereniging De Zwaluwen', city: 'Utrecht', email: 'penningmeester@zwaluwen.example' } });
});
afterEach(() => {
  t.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const counts = () => t.ctx.db.prepare('SELECT (SELECT COUNT(*) FROM dunning_letters) AS letters, (SELECT COUNT(*) FROM dunning_runs) AS runs, (SELECT COUNT(*) FROM journal_entries) AS entries').get();
const ok = (r: ApiResult<unknown>): Output<'dunning.run'> => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as Output<'dunning.run'>;
};

function twoMembers(): { anna: number; bob: number; ids: number[] } {
  const anna = member(t, { name: 'Anna Bakker', mandate: null });
  const bob = member(t, { name: 'Bob Visser', mandate: null });
  t.ctx.db.prepare("UPDATE debtors SET email = 'anna@example.nl', street = 'Kerkstraat 5', postal_code = '3511 AB', city = 'Utrecht' WHERE id = ?").run(anna);
  invoice(t, anna, 15_000, '2026-11-01');
  invoice(t, bob, 9_000, '2026-11-01');
  return { anna, bob, ids: call(t.ctx, 'dunning.proposal', { date: '2026-11-20' }).debtors.map((d) => d.debtorId) };
}

describe('dunning.run writes its letters', () => {
  it('per member a PDF, a draft for the member with e-mail, one print file; each recorded with the letter and read back', async () => {
    const { ids } = twoMembers();
    const result = ok(await dispatchAsync(t.ctx, 'dunning.run', { date: '2026-11-20', debtorIds: ids, out }));
    expect(result.letters).toHaveLength(2);
    const folder = path.join(out, `aanmaningen-2026-11-20-run-${result.runId}`);
    expect(result.folder).toBe(folder);
    const anna = result.files.find((f) => f.eml !== null)!;
    const bob = result.files.find((f) => f.eml === null)!;
    expect(fs.readdirSync(folder).sort()).toEqual([path.basename(result.printFile!), path.basename(anna.pdf), path.basename(anna.eml!), path.basename(bob.pdf)].sort());

    const annaText = execFileSync('pdftotext', ['-layout', anna.pdf, '-'], { encoding: 'utf8' });
    expect(annaText).toContain('Anna Bakker');
    expect(annaText).toContain('Kerkstraat 5');
    expect(annaText).toContain(result.letters.find((l) => l.debtor.name === 'Anna Bakker')!.paymentReference);
    const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages(result.printFile!)).toBeGreaterThanOrEqual(pages(anna.pdf) + pages(bob.pdf));
    const printText = execFileSync('pdftotext', [result.printFile!, '-'], { encoding: 'utf8' });
    expect(printText).toContain('Anna Bakker');
    expect(printText).toContain('Bob Visser');

    const mail = await simpleParser(fs.readFileSync(anna.eml!));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('anna@example.nl');
    expect(mail.attachments.map((a) => a.filename)).toEqual([path.basename(anna.pdf)]);
    expect(mail.attachments[0]!.content.equals(fs.readFileSync(anna.pdf))).toBe(true);

    const stored = call(t.ctx, 'dunning.letterFile', { letterId: anna.letterId, kind: 'pdf' });
    expect(Buffer.from(stored.base64, 'base64').equals(fs.readFileSync(anna.pdf))).toBe(true);
    expect(call(t.ctx, 'dunning.letterFile', { letterId: anna.letterId, kind: 'eml' }).mediaType).toBe('message/rfc822');
    expect(call(t.ctx, 'dunning.letterFile', { letterId: bob.letterId, kind: 'print' }).fileName).toBe(path.basename(result.printFile!));
    expect(() => call(t.ctx, 'dunning.letterFile', { letterId: bob.letterId, kind: 'eml' })).toThrow(/No e-mail draft/);

    fs.appendFileSync(anna.pdf, '%');
    expect(() => call(t.ctx, 'dunning.letterFile', { letterId: anna.letterId, kind: 'pdf' })).toThrow(/changed since the run wrote it/);
    fs.rmSync(bob.pdf);
    expect(() => call(t.ctx, 'dunning.letterFile', { letterId: bob.letterId, kind: 'pdf' })).toThrow(/is gone/);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    expect(unbalancedEntries(t.ledger.db)).toEqual([]);
  });

  it('writes beside the ledger in "Aanmaningen" when no folder is named', async () => {
    const { ids } = twoMembers();
    const result = ok(await dispatchAsync(t.ctx, 'dunning.run', { date: '2026-11-20', debtorIds: ids }));
    expect(path.dirname(result.folder!)).toBe(path.join(path.dirname(t.file), 'Aanmaningen'));
    expect(fs.existsSync(result.printFile!)).toBe(true);
  });

  it('books nothing and leaves no file when the folder cannot be written or the booking cannot commit', async () => {
    const { ids } = twoMembers();
    const before = counts();
    const missing = await dispatchAsync(t.ctx, 'dunning.run', { date: '2026-11-20', debtorIds: ids, out: path.join(out, 'nope') });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ code: 'validation', field: 'out', rule: 'folder_missing' });
    expect(counts()).toEqual(before);

    // a real failure inside the booking, after the letters were drawn and written under temporary names
    t.ctx.db.exec("CREATE TRIGGER fail_folder BEFORE UPDATE OF folder ON dunning_runs BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END");
    const failed = await dispatchAsync(t.ctx, 'dunning.run', { date: '2026-11-20', debtorIds: ids, out });
    expect(failed.ok).toBe(false);
    expect(counts()).toEqual(before);
    expect(fs.readdirSync(out)).toEqual([]);
    t.ctx.db.exec('DROP TRIGGER fail_folder');
    expect(ok(await dispatchAsync(t.ctx, 'dunning.run', { date: '2026-11-20', debtorIds: ids, out })).letters).toHaveLength(2);
  });
});
