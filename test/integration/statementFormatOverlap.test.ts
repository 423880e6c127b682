import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { balanceOf, expectBooksHealthy } from '../helpers/statements';
import { simulatedBank, transfer } from '../helpers/bankSimulator';
import { stornoStory, type StornoStory } from '../helpers/bankSimulator/story';

/**
 * The camt.053 and the MT940 of the same account and days, both imported (a treasurer downloads
 * both): the formats do not share the bank's references and MT940 books a return's charges as a
 * line of its own, so entry keys alone would book days twice. Per account and booking date the
 * day's total decides: equal, the day is skipped as already imported; different, the file is refused.
 */
let t: TestLedger;
let story: StornoStory;
beforeEach(() => {
  t = openInitializedLedger();
  story = stornoStory(t, { directDebits: 40, transfers: 10 });
});
afterEach(() => t.close());

const upload = (text: string, fileName: string) => ({ content: Buffer.from(text).toString('base64'), fileName });
const importText = (text: string, fileName: string) => call(t.ctx, 'statements.import', upload(text, fileName));
const count = (table: string) => (t.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const journalLines = () => count('journal_lines');
const days = () => story.statements.map((s) => s.date);

describe('camt.053 and MT940 of the same days', () => {
  it('camt.053 first: the MT940 of those days (charges on lines of their own, other references) books nothing, each day skipped and explained', () => {
    expect(story.expected.mt940ChargeLines).toBeGreaterThan(0);
    const first = importText(story.files.camt053.xml!, 'afschrift.xml');
    expect(first.skippedDays).toEqual([]);
    const bank = balanceOf(t, '1100');
    const lines = journalLines();
    const entries = count('statement_entries');

    for (const [name, mt] of [['afschrift.940', story.files.mt940], ['zonder-referenties.940', simulatedBank(story.account).mt940(story.statements, { bankReferences: false })]] as const) {
      const r = importText(mt.text!, name);
      const mtEntries = mt.statements.reduce((n, s) => n + s.entries, 0);
      expect(r).toMatchObject({ format: 'mt940', entries: mtEntries, skipped: mtEntries, unmatched: 0, matched: { batchCredits: 0, returns: 0, transfers: 0, refunds: 0 } });
      expect(r.skippedDays.map((d) => [d.date, d.importedFrom])).toEqual(days().map((d) => [d, 'camt.053']));
      const returnDay = r.skippedDays.at(-1)!;
      expect(returnDay.explanation.nl).toMatch(/^\d\d-\d\d-2026 van NL\w+ is al ingelezen uit een camt\.053-bestand met hetzelfde totaal \(.+\) \(\d+ regels tegen \d+ hier: MT940 boekt kosten als aparte regels\); de \d+ regels van die dag zijn overgeslagen$/);
      expect(balanceOf(t, '1100')).toBe(bank);
      expect(journalLines()).toBe(lines);
      expect(count('statement_entries')).toBe(entries);
    }
    expectBooksHealthy(t);
  });

  it('MT940 first: the camt.053 of those days books nothing', () => {
    const first = importText(story.files.mt940.text!, 'afschrift.940');
    expect(first.unmatched).toBe(story.expected.mt940ChargeLines + story.expected.matched.unmatched);
    const bank = balanceOf(t, '1100');
    const r = importText(story.files.camt053.xml!, 'afschrift.xml');
    const camtEntries = story.files.camt053.statements.reduce((n, s) => n + s.entries, 0);
    expect(r).toMatchObject({ skipped: camtEntries, unmatched: 0, matched: { batchCredits: 0, returns: 0, transfers: 0, refunds: 0 } });
    expect(r.skippedDays.map((d) => [d.date, d.importedFrom])).toEqual(days().map((d) => [d, 'mt940']));
    expect(balanceOf(t, '1100')).toBe(bank);
    expectBooksHealthy(t);
  });

  it('refuses a file whose day has another total than the other format gave, naming the account and date; nothing is written', () => {
    importText(story.files.camt053.xml!, 'afschrift.xml');
    const last = story.statements.at(-1)!;
    const changed = [...story.statements.slice(0, -1), { ...last, entries: [...last.entries, transfer({ from: { name: 'Iemand Anders', iban: 'NL91ABNA0417164300' }, amount: 1_234, bookingDate: last.date })] }];
    const mt = simulatedBank(story.account).mt940(changed);
    const files = count('statement_files');
    const lines = journalLines();
    const r = dispatch(t.ctx, 'statements.import', upload(mt.text!, 'anders.940'));
    expect(r).toMatchObject({ ok: false, error: { rule: 'other_format_total' } });
    const message = (r as { error: { message: { nl: string; en: string } } }).error.message;
    const [y, m, d] = last.date.split('-');
    expect(message.nl).toContain(`Rekening ${story.account.iban}, ${d}-${m}-${y}: deze dag is al ingelezen uit een camt.053-bestand met een ander totaal`);
    expect(message.nl).toMatch(/Er is niets ingelezen$/);
    expect(message.en).toContain('already imported from a camt.053 file with a different total');
    expect([count('statement_files'), journalLines()]).toEqual([files, lines]);
  });

  it('leaves camt.053 after camt.053 and days the other format never had to the entry keys', () => {
    importText(story.files.mt940.text!, 'afschrift.940');
    const later = simulatedBank(story.account).statement({ date: '2026-12-14', opening: story.files.mt940.statements.at(-1)!.closing, entries: [transfer({ from: { name: 'Iemand', iban: 'NL91ABNA0417164300' }, amount: 500 })] });
    const r = importText(later.xml!, 'later.xml');
    expect(r).toMatchObject({ skipped: 0, skippedDays: [], unmatched: 1 });
  });
});
