import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';
import { stornoStory, type StornoStory } from '../helpers/bankSimulator/story';

/**
 * The story of issue 11 as the simulated bank tells it: the files exist, are valid, add up, and the
 * expected outcome refers to the real items of the ledger it was built on. (Importing them is the
 * importer's test, once readers and importer are merged.)
 */
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['Stmt', 'Ntry', 'TxDtls', 'Bal', 'OrgnlPmtInfAndSts', 'TxInfAndSts'].includes(name) });
type N = any;
const cents = (v: N): number => {
  const [e, f = ''] = (typeof v === 'string' ? v : v['#text']).split('.');
  return Number(e) * 100 + Number(f.padEnd(2, '0'));
};
const signed = (amount: N, ind: string) => (ind === 'CRDT' ? 1 : -1) * cents(amount);

let t: TestLedger;
let story: StornoStory;
beforeAll(() => {
  t = openInitializedLedger();
  story = stornoStory(t);
});
afterAll(() => t.close());

describe('the storno story (500 debits, 12 returns, 30 transfers, 2 refunds)', () => {
  it('writes every XML file valid by its ISO schema', async () => {
    const { camt053, camt053NoDetails, camt053PerDebit, camt053Overlap, camt054, pain002, camt053AfterRejects } = story.files;
    for (const f of [camt053, camt053NoDetails, camt053PerDebit, camt053Overlap, camt054, pain002, camt053AfterRejects]) expect([f.fileName, await xsdErrors(f.xml!)]).toEqual([f.fileName, []]);
  });

  it('has statements that add up and follow on from each other, in camt.053 and MT940 alike', () => {
    for (const f of [story.files.camt053, story.files.camt053NoDetails, story.files.camt053PerDebit, story.files.camt053AfterRejects]) {
      const stmts = parser.parse(f.xml!).Document.BkToCstmrStmt.Stmt;
      let previous: number | null = null;
      for (const s of stmts) {
        const bal = (code: string) => s.Bal.find((x: N) => x.Tp.CdOrPrtry.Cd === code);
        const opening = signed(bal('OPBD').Amt, bal('OPBD').CdtDbtInd);
        const closing = signed(bal('CLBD').Amt, bal('CLBD').CdtDbtInd);
        expect(opening + s.Ntry.reduce((a: number, e: N) => a + signed(e.Amt, e.CdtDbtInd), 0)).toBe(closing);
        if (previous !== null) expect(opening).toBe(previous);
        previous = closing;
      }
    }
    const mt = story.files.mt940.text!;
    const swiftCents = (v: string) => Number(v.split(',')[0]) * 100 + Number((v.split(',')[1] ?? '').padEnd(2, '0'));
    const balances = [...mt.matchAll(/:6([02])F:([CD])\d{6}EUR([\d,]+)/g)].map((m) => (m[2] === 'C' ? 1 : -1) * swiftCents(m[3]!));
    const cam = story.files.camt053.statements.flatMap((s) => [s.opening, s.closing]);
    expect(balances).toEqual(cam);
    expect(story.files.camt053.statements.at(-1)!.closing).toBe(story.expected.closing);
  });

  it('holds the entries of the story', () => {
    const e = story.expected;
    const perFile = (f: { statements: Array<{ entries: number }> }) => f.statements.reduce((s, x) => s + x.entries, 0);
    expect(perFile(story.files.camt053)).toBe(2 + 1 + 30 + 12 + 1);
    expect(perFile(story.files.camt053PerDebit)).toBe(2 + 500 + 30 + 12 + 1);
    expect(perFile(story.files.mt940)).toBe(2 + 1 + 30 + 12 + 1 + e.mt940ChargeLines);
    expect(perFile(story.files.camt054)).toBe(12);
    expect(perFile(story.files.camt053AfterRejects)).toBe(2 + 1 + 30 + 1);
    expect(story.files.pain002.rejects).toBe(12);
    const creditEntry = parser.parse(story.files.camt053.xml!).Document.BkToCstmrStmt.Stmt[1].Ntry.find((n: N) => n.NtryDtls?.Btch);
    expect([cents(creditEntry.Amt), creditEntry.NtryDtls.Btch.NbOfTxs, creditEntry.NtryDtls.TxDtls.length]).toEqual([e.batchCredit.returns, '500', 500]);
    const afterRejects = parser.parse(story.files.camt053AfterRejects.xml!).Document.BkToCstmrStmt.Stmt[1].Ntry.find((n: N) => n.NtryDtls?.Btch);
    expect([cents(afterRejects.Amt), afterRejects.NtryDtls.Btch.NbOfTxs]).toEqual([e.batchCredit.rejects, '488']);
    // a booking keeps its bank reference in every file that reports it: the repeated days, the notification
    const refs = (xml: string, path: (d: N) => N[]) => path(parser.parse(xml).Document).map((n: N) => n.AcctSvcrRef);
    const stmtRefs = (d: N) => d.BkToCstmrStmt.Stmt.flatMap((s: N) => s.Ntry);
    const all = new Set(refs(story.files.camt053.xml!, stmtRefs));
    const overlap = refs(story.files.camt053Overlap.xml!, stmtRefs);
    expect(overlap.length).toBe(story.files.camt053.statements.slice(1).reduce((s, x) => s + x.entries, 0));
    expect(overlap.every((r: string) => all.has(r))).toBe(true);
    expect(refs(story.files.camt054.xml!, (d) => d.BkToCstmrDbtCdtNtfctn.Ntfctn.Ntry).every((r: string) => all.has(r))).toBe(true);
    const rejected = parser.parse(story.files.pain002.xml!).Document.CstmrPmtStsRpt.OrgnlPmtInfAndSts.flatMap((p: N) => p.TxInfAndSts);
    expect(rejected.map((r: N) => [r.OrgnlEndToEndId, r.StsRsnInf.Rsn.Cd])).toEqual(e.rejects.map((r) => [r.endToEndId, r.reason]));
  });

  it('computes the expected outcome from the scenario: 5 reason codes, 3 partial and 1 overpaid transfer, 2 refunds', () => {
    const e = story.expected;
    const count = (xs: string[]) => Object.fromEntries([...new Set(xs)].map((x) => [x, xs.filter((y) => y === x).length]));
    expect(count(e.returns.map((r) => r.reason))).toEqual({ AM04: 4, MD06: 3, MS03: 2, AC04: 2, MD01: 1 });
    expect(new Set(e.rejects.map((r) => r.reason)).size).toBe(5);
    expect(e.paidByCollection).toHaveLength(488);
    expect(e.transfers).toHaveLength(30);
    expect(e.transfers.filter((x) => x.remaining > 0)).toHaveLength(3);
    expect(e.transfers.filter((x) => x.credit > 0).map((x) => x.credit)).toEqual([1_000]);
    expect(e.refunds).toHaveLength(2);
    expect(e.accounts).toMatchObject({ collectionInTransit: 0, refundsPayable: 0, bank: e.closing, bankCostsIncrease: 500 + 1_250 });
    const open = Object.values(e.itemBalances).reduce((s, v) => s + v, 0);
    expect(open).toBe(e.returns.reduce((s, r) => s + r.amount, 0) + e.transfers.reduce((s, x) => s + x.remaining, 0));
    expect(e.matched).toEqual({ batchCredits: 1, returns: 12, transfers: 30, refunds: 2, unmatched: 1 });
  });

  it('names real items of the ledger: the returned ones are in collection now, the transfer ones open', () => {
    const items = new Map(call(t.ctx, 'items.list', { status: 'all', limit: 5000 }).items.map((i) => [i.id, i]));
    for (const r of story.expected.returns) expect(items.get(r.itemId)).toMatchObject({ debtorId: r.debtorId, status: 'in_collection', amount: r.amount });
    for (const x of story.expected.transfers) expect(items.get(x.itemId)).toMatchObject({ debtorId: x.debtorId, status: 'open', balance: x.itemAmount, document: x.document });
    const overview = call(t.ctx, 'overview.get', {});
    expect(overview.collectionsInTransit.map((c) => c.amount)).toEqual([story.expected.batch.total]);
    expect(call(t.ctx, 'debtors.get', { id: story.expected.refunds[0]!.debtorId }).balance).toBe(0);
  });
});
