import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { bankFile, batchCredit, importFile, statement, transfer } from '../helpers/statements';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

describe('the API entrance', () => {
  it('refuses content that is no bank file, in both languages, and writes nothing', () => {
    const content = Buffer.from('nummer;naam\n1;Anna\n').toString('base64');
    for (const method of ['statements.preview', 'statements.import'] as const) {
      expect(dispatch(t.ctx, method, { content, fileName: 'leden.csv' })).toEqual({
        ok: false,
        error: {
          code: 'validation', field: 'content', rule: 'unreadable',
          message: { nl: 'leden.csv, bestand: Dit is geen bankafschrift dat Penning kent (camt.052/053/054, pain.002 of MT940). Er is niets ingelezen', en: 'leden.csv, bestand: This is not a bank file Penning knows (camt.052/053/054, pain.002 or MT940). Nothing was imported' },
        },
      });
    }
    expect(dispatch(t.ctx, 'statements.import', { content: '%%%', fileName: 'x' })).toMatchObject({ ok: false, error: { rule: 'base64' } });
    expect(t.ctx.db.prepare('SELECT COUNT(*) AS n FROM statement_files').get()).toEqual({ n: 0 });
  });

  it('has the storno policy of SEPA-FACTS by default and lets the treasurer change it', () => {
    const s = call(t.ctx, 'statements.settings.get', {});
    expect(s).toMatchObject({ otherCodes: 'stop', refusalLimit: 3, fee: null });
    expect(s.actions).toMatchObject({ AM04: 'represent', MS03: 'represent', MD06: 'dun', AC01: 'stop', AC06: 'stop', MS02: 'stop', SL01: 'stop', AC04: 'endMandate', MD01: 'endMandate', MD07: 'endMandate' });
    const changed = call(t.ctx, 'statements.settings.save', { actions: { MS03: 'stop', AM05: 'dun' }, refusalLimit: null, fee: 500 });
    expect(changed).toMatchObject({ refusalLimit: null, fee: 500, actions: { MS03: 'stop', AM05: 'dun', AM04: 'represent' } });
    expect(dispatch(t.ctx, 'statements.settings.save', { actions: { am04: 'stop' } })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(dispatch(t.ctx, 'statements.settings.save', { fee: -5 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('what the bank said stays as it said it', () => {
  it('refuses to change or delete imported statements, entries, matches and returns; a confirmed batch never goes back', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    invoice(t, anna, 15_000);
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    importFile(t, bankFile([statement([batchCredit(t, batch.id), transfer(100, { text: 'gift' })])]));
    const db = t.ctx.db;
    const sql = (s: string) => () => db.prepare(s).run();
    expect(sql('UPDATE statement_entries SET amount = 1')).toThrow(/what the bank stated never changes/);
    expect(sql('DELETE FROM statement_entries')).toThrow(/never deleted/);
    expect(sql("UPDATE statement_entries SET state = 'unmatched' WHERE match_kind = 'batchCredit'")).toThrow(/reversing entry/);
    expect(sql('UPDATE bank_statements SET closing = 0')).toThrow(/never changed/);
    expect(sql('DELETE FROM statement_files')).toThrow(/never deleted/);
    expect(sql('UPDATE statement_allocations SET amount = 0')).toThrow(/never changed/);
    expect(sql('DELETE FROM statement_allocations')).toThrow(/never deleted/);
    expect(sql(`UPDATE batches SET status = 'saved' WHERE id = ${batch.id}`)).toThrow(/only goes from saved/);
    expect(sql(`UPDATE batches SET status = 'cancelled', cancel_entry_id = entry_id WHERE id = ${batch.id}`)).toThrow(/only goes from saved/);
    expect(sql(`UPDATE batches SET confirmed_at = '2027-01-01' WHERE id = ${batch.id}`)).toThrow(/confirmed once/);
  });
});
