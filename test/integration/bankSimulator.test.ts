import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { member, invoice } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';
import { bankCost, batchCredit, loadBatch, refundOut, returnOf, returnsBatch, simulatedBank, transfer, type SavedBatch } from '../helpers/bankSimulator';
import { isoAmount, swiftAmount } from '../helpers/bankSimulator/amounts';
import { isoDocumentString, leaf } from '../helpers/bankSimulator/xml';

/**
 * The simulated bank is checked on its own: what it writes is valid by the ISO schemas, its
 * balances add up and its counts are what the batch holds. Read back with fast-xml-parser and
 * plain text splitting, never with Penning's own statement readers.
 */

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['Stmt', 'Ntry', 'TxDtls', 'Bal', 'OrgnlPmtInfAndSts', 'TxInfAndSts', 'Ustrd'].includes(name) });
type N = any;
const cents = (v: N): number => {
  const s = typeof v === 'string' ? v : v['#text'];
  const [e, f = ''] = s.split('.');
  return Number(e) * 100 + Number(f.padEnd(2, '0'));
};
const signed = (amount: N, ind: string) => (ind === 'CRDT' ? 1 : -1) * cents(amount);

let t: TestLedger;
let batch: SavedBatch;
let refunds: SavedBatch;
const ibanBart = 'NL02ABNA0123456789';

beforeAll(() => {
  t = openInitializedLedger();
  for (let i = 0; i < 6; i++) {
    const d = member(t, { name: i === 0 ? 'Zoë & Çelik <Vof>' : `Lid ${i}`, mandate: { reference: `ZWA-T${i}` } });
    invoice(t, d, 10_000 + i * 1_111);
  }
  const bart = member(t, { name: 'Bart Overmaker', mandate: null, iban: ibanBart });
  call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: 3_000 }, { accountCode: '1300', debtorId: bart, credit: 3_000 }] });
  refunds = loadBatch(t.ctx, call(t.ctx, 'refunds.create', { debtorIds: [bart] }).id);
  batch = loadBatch(t.ctx, call(t.ctx, 'collections.create', {}).id);
});
afterAll(() => t.close());

const bank = () => simulatedBank({ iban: batch.account, bic: 'INGBNL2A', ownerName: 'Tennisvereniging De Zwaluwen' });

describe('the batch as the bank received it', () => {
  it('reads every debit from the saved pain.008 with its ids, and the refund from the pain.001', () => {
    expect(batch.transactions).toHaveLength(6);
    expect(batch.total).toBe(6 * 10_000 + 1_111 * 15);
    expect(new Set(batch.transactions.map((x) => x.paymentInfoId))).toEqual(new Set(batch.groups.map((g) => g.paymentInfoId)));
    expect(batch.transactions[0]).toMatchObject({ mandateId: 'ZWA-T0', creditorId: 'NL51ZZZ405365330000', sequenceType: 'RCUR', scheme: 'CORE', amount: 10_000 });
    expect(refunds.kind).toBe('refund');
    expect(refunds.transactions).toEqual([expect.objectContaining({ amount: 3_000, iban: ibanBart, mandateId: null })]);
  });
});

describe('camt.053', () => {
  it('writes a valid file whose statements add up, with the batch, returns, transfers, refunds and costs', async () => {
    const [a, b] = [batch.transactions[1]!, batch.transactions[2]!];
    const file = bank().statements([
      { date: '2026-11-26', opening: 12_345, entries: [batchCredit(batch), refundOut(refunds.transactions[0]!), transfer({ from: { name: 'Bart Overmaker & Zn.', iban: ibanBart }, amount: 4_200, reference: '2026-0007', structured: true })] },
      { date: '2026-11-30', opening: 12_345 + batch.total - 3_000 + 4_200, entries: [returnOf(a, 'AM04', { charges: 250 }), returnsBatch([{ tx: b, reason: 'MD06' }]), bankCost({ amount: 1_250, text: 'Kosten' })] },
    ]);
    expect(await xsdErrors(file.xml!)).toEqual([]);
    const doc = parser.parse(file.xml!).Document.BkToCstmrStmt;
    expect(doc.Stmt).toHaveLength(2);
    let previousClosing: number | null = null;
    for (const s of doc.Stmt) {
      const bal = (code: string) => s.Bal.find((x: N) => x.Tp.CdOrPrtry.Cd === code);
      const opening = signed(bal('OPBD').Amt, bal('OPBD').CdtDbtInd);
      const closing = signed(bal('CLBD').Amt, bal('CLBD').CdtDbtInd);
      const sum = s.Ntry.reduce((acc: number, e: N) => acc + signed(e.Amt, e.CdtDbtInd), 0);
      expect(opening + sum).toBe(closing);
      if (previousClosing !== null) expect(opening).toBe(previousClosing);
      previousClosing = closing;
      expect(Number(s.TxsSummry.TtlNtries.NbOfNtries)).toBe(s.Ntry.length);
      for (const e of s.Ntry) expect(e.AcctSvcrRef).toMatch(/^\S{1,16}$/);
    }
    expect(file.statements.map((s) => s.entries)).toEqual([3, 3]);
    const credit = doc.Stmt[0].Ntry[0];
    expect(credit.NtryDtls.Btch).toMatchObject({ PmtInfId: batch.groups[0]!.paymentInfoId, NbOfTxs: '6', MsgId: batch.files[0]!.messageId });
    expect(cents(credit.Amt)).toBe(batch.total);
    expect(credit.BkTxCd.Domn.Fmly).toEqual({ Cd: 'IDDT', SubFmlyCd: 'ESDD' });
    expect(credit.NtryDtls.TxDtls.map((d: N) => d.Refs.EndToEndId)).toEqual(batch.transactions.map((x) => x.endToEndId));
    // the name as our pain.008 spelled it (SEPA character set), escaped and read back intact
    expect(credit.NtryDtls.TxDtls[0].RltdPties.Dbtr.Nm).toBe(batch.transactions[0]!.name);
    expect(credit.NtryDtls.TxDtls[0].Refs.MndtId).toBe('ZWA-T0');
    const structured = doc.Stmt[0].Ntry[2].NtryDtls.TxDtls[0];
    expect(structured.RmtInf.Strd.CdtrRefInf).toMatchObject({ Tp: { CdOrPrtry: { Cd: 'SCOR' } }, Ref: '2026-0007' });
    expect(structured.RltdPties.DbtrAcct.Id.IBAN).toBe(ibanBart);
    expect(structured.RltdPties.Dbtr.Nm).toBe('Bart Overmaker & Zn.');
    const refund = doc.Stmt[0].Ntry[1];
    expect([refund.CdtDbtInd, refund.NtryDtls.TxDtls[0].Refs.EndToEndId]).toEqual(['DBIT', refunds.transactions[0]!.endToEndId]);
    const ret = doc.Stmt[1].Ntry[0];
    expect(ret).toMatchObject({ CdtDbtInd: 'DBIT', RvslInd: 'true', BkTxCd: { Domn: { Fmly: { Cd: 'IDDT', SubFmlyCd: 'UPDD' } } } });
    expect(cents(ret.Amt)).toBe(a.amount + 250);
    expect(ret.NtryDtls.TxDtls[0]).toMatchObject({ Refs: { EndToEndId: a.endToEndId, MndtId: a.mandateId }, RtrInf: { Rsn: { Cd: 'AM04' } }, Chrgs: { CdtDbtInd: 'DBIT' } });
    expect(cents(ret.NtryDtls.TxDtls[0].Chrgs.Amt)).toBe(250);
    expect(cents(ret.NtryDtls.TxDtls[0].AmtDtls.InstdAmt.Amt)).toBe(a.amount);
    expect(doc.Stmt[1].Ntry[1].NtryDtls.Btch.NbOfTxs).toBe('1');
  });

  it('books per debit, without details, without bank references and leaves out rejected debits on request', async () => {
    const perDebit = bank().statement({ date: '2026-11-26', opening: 0, entries: batchCredit(batch, { perDebit: true }) });
    const noDetails = bank().statement({ date: '2026-11-26', opening: -500, entries: batchCredit(batch, { details: false }) }, { bankReferences: false });
    const excluded = batchCredit(batch, { exclude: [batch.transactions[0]!.endToEndId] });
    for (const f of [perDebit, noDetails]) expect(await xsdErrors(f.xml!)).toEqual([]);
    const p = parser.parse(perDebit.xml!).Document.BkToCstmrStmt.Stmt[0];
    expect(p.Ntry).toHaveLength(6);
    expect(p.Ntry.map((e: N) => e.NtryDtls.TxDtls.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(new Set(p.Ntry.map((e: N) => e.AcctSvcrRef)).size).toBe(6);
    const n = parser.parse(noDetails.xml!).Document.BkToCstmrStmt.Stmt[0];
    expect(n.Ntry[0].NtryDtls.TxDtls).toBeUndefined();
    expect(n.Ntry[0].AcctSvcrRef).toBeUndefined();
    expect(n.Bal.find((b: N) => b.Tp.CdOrPrtry.Cd === 'OPBD').CdtDbtInd).toBe('DBIT');
    expect(noDetails.statements[0]!.closing).toBe(batch.total - 500);
    expect(excluded[0]!.amount).toBe(batch.total - batch.transactions[0]!.amount);
    expect(excluded[0]!.batch!.count).toBe(5);
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() => transfer({ from: { name: 'X', iban: ibanBart }, amount: 12.5 })).toThrow(/whole cents/);
    expect(() => isoAmount(0.1)).toThrow(/whole cents/);
    expect([isoAmount(5), isoAmount(-123_456), swiftAmount(100), swiftAmount(123_456)]).toEqual(['0.05', '1234.56', '1,00', '1234,56']);
  });
});

describe('camt.054', () => {
  it('notifies returns with reason codes, valid by the schema', async () => {
    const rs = batch.transactions.slice(0, 3);
    const file = bank().notification({ date: '2026-11-30', entries: [returnOf(rs[0]!, 'AC04'), returnOf(rs[1]!, 'MS03', { charges: 45 }), returnsBatch([{ tx: rs[2]!, reason: 'MD01', text: 'GEEN MACHTIGING' }])] });
    expect(await xsdErrors(file.xml!)).toEqual([]);
    const n = parser.parse(file.xml!).Document.BkToCstmrDbtCdtNtfctn.Ntfctn;
    expect(n.Ntry.map((e: N) => e.NtryDtls.TxDtls[0].RtrInf.Rsn.Cd)).toEqual(['AC04', 'MS03', 'MD01']);
    expect(n.Ntry.map((e: N) => e.NtryDtls.TxDtls[0].Refs.EndToEndId)).toEqual(rs.map((x) => x.endToEndId));
    expect(n.TxsSummry.TtlDbtNtries.NbOfNtries).toBe('3');
    expect(cents(n.TxsSummry.TtlDbtNtries.Sum)).toBe(rs[0]!.amount + rs[1]!.amount + 45 + rs[2]!.amount);
  });
});

describe('MT940 (ING structured)', () => {
  const statements = () => [
    { date: '2026-11-26', opening: 100_000, entries: [batchCredit(batch), transfer({ from: { name: 'Bart Overmaker', iban: ibanBart, bic: 'ABNANL2A' }, amount: 4_200, text: 'Contributie factuur 2026-0007 en nog een hele lange omschrijving die over de regel gaat' })] },
    { date: '2026-11-30', opening: 100_000 + batch.total + 4_200, entries: [returnOf(batch.transactions[3]!, 'AM04', { charges: 250 }), refundOut(refunds.transactions[0]!)] },
  ];

  function parseMt940(text: string) {
    const lines = text.split('\r\n');
    const amount = (s: string) => Number(s.split(',')[0]) * 100 + Number((s.split(',')[1] ?? '').padEnd(2, '0'));
    const out: Array<{ opening: number; closing: number; sum: number; lines61: string[]; refs: string[] }> = [];
    for (const l of lines) {
      let m = /^:60F:([CD])\d{6}EUR([\d,]+)$/.exec(l);
      if (m) out.push({ opening: (m[1] === 'C' ? 1 : -1) * amount(m[2]!), closing: NaN, sum: 0, lines61: [], refs: [] });
      m = /^:61:\d{10}(C|D|RC|RD)([\d,]+)N[A-Z]{3}[^/]*\/\/(\w+)/.exec(l);
      if (m) {
        out.at(-1)!.sum += (m[1]!.endsWith('C') ? 1 : -1) * amount(m[2]!);
        out.at(-1)!.lines61.push(l);
        out.at(-1)!.refs.push(m[3]!);
      }
      m = /^:62F:([CD])\d{6}EUR([\d,]+)$/.exec(l);
      if (m) out.at(-1)!.closing = (m[1] === 'C' ? 1 : -1) * amount(m[2]!);
    }
    return { lines, statements: out };
  }

  it('balances per statement, wraps :86: at 65 characters and carries the structured codewords', () => {
    const file = bank().mt940(statements());
    const { lines, statements: st } = parseMt940(file.text!);
    expect(st).toHaveLength(2);
    for (const s of st) expect(s.opening + s.sum).toBe(s.closing);
    expect(st[1]!.opening).toBe(st[0]!.closing);
    // the return and its charges are two lines, as ING books them
    expect(st.map((s) => s.lines61.length)).toEqual([2, 3]);
    expect(file.statements.map((s) => s.entries)).toEqual([2, 3]);
    let inside86 = false;
    for (const l of lines) {
      if (l.startsWith(':86:')) inside86 = true;
      else if (l.startsWith(':')) inside86 = false;
      if (inside86) expect(l.replace(/^:86:/, '').length).toBeLessThanOrEqual(65);
    }
    const text = file.text!.replace(/\r\n(?!:)/g, '');
    expect(text).toContain(`/PREF/${batch.groups[0]!.paymentInfoId}//CSID/NL51ZZZ405365330000//REMI/USTD//TOTAAL 6 POSTEN/`);
    expect(text).toContain(`/RTRN/AM04//EREF/${batch.transactions[3]!.endToEndId}//MARF/ZWA-T3/`);
    expect(text).toContain(`/CNTP/${ibanBart}/ABNANL2A/Bart Overmaker//REMI/USTD//Contributie factuur 2026-0007`);
    expect(text).toContain(`:86:/EREF/${refunds.transactions[0]!.endToEndId}//CNTP/${ibanBart}//Bart Overmaker/`);
    expect(st[1]!.lines61[0]).toContain(`D${swiftAmount(batch.transactions[3]!.amount)}NRTIEREF//`);
    expect(st[1]!.lines61[1]).toContain('D2,50NCHGEREF//');
  });

  it('gives a booking the same bank reference as the camt.053 of the same day, and wraps in SWIFT blocks on request', () => {
    const mt = bank().mt940(statements(), { envelope: true });
    const camt = parser.parse(bank().statements(statements()).xml!).Document.BkToCstmrStmt;
    const camtRefs = camt.Stmt.flatMap((s: N) => s.Ntry.map((e: N) => e.AcctSvcrRef));
    // a return's charges are a line of their own in the MT940 (type CHG), inside the return's entry in the camt.053
    const mtRefs = parseMt940(mt.text!).statements.flatMap((s) => s.refs.filter((_, i) => !/^:61:\d{10}R?[CD][\d,]+NCHG/.test(s.lines61[i]!)));
    expect(mtRefs).toEqual(camtRefs);
    expect(mt.text!.startsWith('{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXXN}{4:\r\n:20:')).toBe(true);
    expect(mt.text!.match(/\r\n-\}/g)).toHaveLength(2);
  });
});

describe('pain.002', () => {
  it('rejects the named debits with reason codes, valid by the SEPA schema', async () => {
    const rejects = [{ tx: batch.transactions[0]!, reason: 'AC01' }, { tx: batch.transactions[4]!, reason: 'AM04' }];
    const file = bank().statusReport(batch, rejects);
    expect(await xsdErrors(file.xml)).toEqual([]);
    const r = parser.parse(file.xml).Document.CstmrPmtStsRpt;
    expect(r.OrgnlGrpInfAndSts).toMatchObject({ OrgnlMsgId: batch.files[0]!.messageId, OrgnlMsgNmId: 'pain.008.001.02', OrgnlNbOfTxs: '6' });
    expect(r.OrgnlGrpInfAndSts.GrpSts).toBeUndefined();
    const txs = r.OrgnlPmtInfAndSts.flatMap((p: N) => p.TxInfAndSts);
    expect(txs.map((x: N) => [x.OrgnlEndToEndId, x.TxSts, x.StsRsnInf.Rsn.Cd])).toEqual([
      [batch.transactions[0]!.endToEndId, 'RJCT', 'AC01'],
      [batch.transactions[4]!.endToEndId, 'RJCT', 'AM04'],
    ]);
    expect(cents(txs[1].OrgnlTxRef.Amt.InstdAmt)).toBe(batch.transactions[4]!.amount);
    const all = parser.parse(bank().statusReport(batch, batch.transactions.map((tx) => ({ tx, reason: 'MS02' }))).xml).Document.CstmrPmtStsRpt;
    expect(all.OrgnlGrpInfAndSts.GrpSts).toBe('RJCT');
  });
});

describe('the XML writer', () => {
  it('escapes text and refuses characters XML cannot hold', () => {
    const xml = isoDocumentString('camt.054.001.02', (x) => leaf(x, 'Nm', 'A & B <c> "d"'), false);
    expect(xml).toContain('<Nm>A &amp; B &lt;c&gt; "d"</Nm>');
    expect(() => isoDocumentString('camt.054.001.02', (x) => leaf(x, 'Nm', 'bell\u0007'))).toThrow(/does not allow/);
  });
});
