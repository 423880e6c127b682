import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { cliOn } from '../helpers/cli';
import { openInitializedLedger } from '../helpers/ledger';
import { bankFile, importFile, statement, transfer } from '../helpers/statements';

/**
 * The statement commands over the CLI. Reading a real camt/MT940 file needs the readers (other
 * branches); until they are merged these tests cover the refusals and the commands on entries
 * imported through the domain, and the import itself is tested on the model in statement*.test.ts.
 */
const t = openInitializedLedger();
const anna = member(t, { name: 'Anna Bakker', mandate: null });
const itemId = invoice(t, anna, 15_000);
importFile(t, bankFile([statement([transfer(15_000, { name: 'Fam. Bakker', iban: 'NL71RABO5901576359', text: 'contributie' })], { id: 'CLI-1', opening: 1_000 })]));
const entryId = call(t.ctx, 'statements.entries', { filter: 'unmatched' }).entries[0]!.id;
const statementId = call(t.ctx, 'statements.list', {})[0]!.id;
t.ledger.close();
afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));
const penning = cliOn(t.file);

describe('import-statement refuses what it cannot read, with one line and exit 2', { timeout: 120_000 }, () => {
  it('names a missing file, a file that is no bank file, and writes nothing', () => {
    const missing = penning('import-statement', path.join(t.dir, 'weg.xml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`Fout: bestand ${path.join(t.dir, 'weg.xml')}: bestaat niet\n`);
    const csv = path.join(t.dir, 'leden.csv');
    fs.writeFileSync(csv, 'nummer;naam\n1;Anna\n');
    for (const extra of [[], ['--dry-run']]) {
      const r = penning('import-statement', csv, ...extra);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('Fout: leden.csv, bestand: Dit is geen bankafschrift dat Penning kent (camt.052/053/054, pain.002 of MT940). Er is niets ingelezen\n');
    }
    const en = penning('--lang', 'en', 'import-statement', csv);
    expect(en.stderr).toBe('Error: leden.csv, bestand: This is not a bank file Penning knows (camt.052/053/054, pain.002 or MT940). Nothing was imported\n');
    const empty = path.join(t.dir, 'leeg.940');
    fs.writeFileSync(empty, '');
    expect(penning('import-statement', empty)).toMatchObject({ code: 2, stderr: 'Fout: leeg.940, bestand: Het bestand is leeg. Er is niets ingelezen\n' });
    expect(penning('import-statement').code).toBe(1);
    expect(penning('statements', 'list').json).toHaveLength(1);
  });
});

describe('statements, statement show and match', { timeout: 120_000 }, () => {
  it('lists, shows and matches by hand', () => {
    const list = penning('statements', 'list');
    expect(list.code).toBe(0);
    expect(list.json[0]).toMatchObject({ id: statementId, statementId: 'CLI-1', opening: 1_000, closing: 16_000, balanceOk: true, unmatched: 1 });
    const show = penning('statement', 'show', String(statementId));
    expect(show.json.entries).toEqual([expect.objectContaining({ id: entryId, amount: 15_000, state: 'unmatched', counterpartyName: 'Fam. Bakker' })]);
    expect(penning('statement', 'show', '999')).toMatchObject({ code: 2, stderr: 'Fout: Afschrift 999 bestaat niet\n' });
    expect(penning('match', String(entryId)).code).toBe(1);
    expect(penning('match', String(entryId), 'abc').code).toBe(1);
    const m = penning('match', String(entryId), String(itemId));
    expect(m.code, m.stderr).toBe(0);
    expect(m.json).toMatchObject({ state: 'matched', kind: 'manual', allocations: [expect.objectContaining({ kind: 'item', itemId, amount: 15_000 })] });
    expect(m.stderr).toMatch(/IBAN NL71RABO5901576359 onthouden voor dit lid/);
    expect(penning('match', String(entryId), String(itemId))).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Fout: Afschriftregel \d+ is al verwerkt/) });
  });
});
