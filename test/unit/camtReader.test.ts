import { describe, expect, it } from 'vitest';
import { readXmlBankFile } from '../../electron/statements/camt';
import { MAX_XML_BYTES, MAX_XML_ELEMENTS_HELD } from '../../electron/statements/camt/limits';
import { StatementReadError, type BankFile } from '../../electron/statements/model';
import { readBankFile } from '../../electron/statements/read';
import { camt053WithEntries } from '../../bench/camtFile';

/** The messy things real camt files do, each in a small file built here. */
const NS = (v = 'camt.053.001.02') => `urn:iso:std:iso:20022:tech:xsd:${v}`;
const IBAN = 'NL91ABNA0417164300';

function doc(body: string, opts: { version?: string; message?: string; decl?: string } = {}): string {
  const message = opts.message ?? 'BkToCstmrStmt';
  return `${opts.decl ?? '<?xml version="1.0" encoding="UTF-8"?>'}\n<Document xmlns="${NS(opts.version)}"><${message}><GrpHdr><MsgId>M1</MsgId></GrpHdr>${body}</${message}></Document>`;
}
const bal = (code: string, amount: string, date: string, ind = 'CRDT') =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${ind}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
function stmt(entries: string, opts: { id?: string; balances?: string; block?: string; extra?: string } = {}): string {
  const block = opts.block ?? 'Stmt';
  return `<${block}><Id>${opts.id ?? 'S1'}</Id><Acct><Id><IBAN>${IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>${opts.balances ?? ''}${opts.extra ?? ''}${entries}</${block}>`;
}
function ntry(o: { amt?: string; ind?: string; inner?: string; details?: string; date?: string } = {}): string {
  return `<Ntry><Amt Ccy="EUR">${o.amt ?? '10.00'}</Amt><CdtDbtInd>${o.ind ?? 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${o.date ?? '2026-11-02'}</Dt></BookgDt>${o.inner ?? ''}${o.details !== undefined ? `<NtryDtls>${o.details}</NtryDtls>` : ''}</Ntry>`;
}
const read = (xml: string | Uint8Array): BankFile => readBankFile(typeof xml === 'string' ? Buffer.from(xml) : xml);
const entriesOf = (xml: string) => read(xml).statements[0]!.entries;

function refusal(xml: string | Uint8Array): StatementReadError {
  try {
    read(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(StatementReadError);
    const err = e as StatementReadError;
    expect(err.where.trim()).not.toBe('');
    expect(err.nl.trim()).not.toBe('');
    expect(err.en.trim()).not.toBe('');
    return err;
  }
  throw new Error('the file was read, but should have been refused');
}

describe('camt.053: what real files do', () => {
  it('reads children in any order (Stmt and Ntry), namespace-agnostic, with a prefix', () => {
    const ordered = doc(stmt(ntry({ inner: '<AcctSvcrRef>R1</AcctSvcrRef>' }), { balances: bal('OPBD', '1.00', '2026-11-01') + bal('CLBD', '11.00', '2026-11-02') }));
    const shuffled = `<?xml version="1.0"?><ns2:Document xmlns:ns2="${NS('camt.053.001.04')}"><ns2:BkToCstmrStmt><ns2:Stmt>
      <ns2:Ntry><ns2:AcctSvcrRef>R1</ns2:AcctSvcrRef><ns2:BookgDt><ns2:Dt>2026-11-02</ns2:Dt></ns2:BookgDt><ns2:CdtDbtInd>CRDT</ns2:CdtDbtInd><ns2:Sts>BOOK</ns2:Sts><ns2:Amt Ccy="EUR">10.00</ns2:Amt></ns2:Ntry>
      ${bal('CLBD', '11.00', '2026-11-02').replace(/<(\/?)/g, '<$1ns2:')}
      <ns2:Acct><ns2:Ccy>EUR</ns2:Ccy><ns2:Id><ns2:IBAN>${IBAN}</ns2:IBAN></ns2:Id></ns2:Acct>
      ${bal('OPBD', '1.00', '2026-11-01').replace(/<(\/?)/g, '<$1ns2:')}<ns2:Id>S1</ns2:Id>
    </ns2:Stmt><ns2:GrpHdr><ns2:MsgId>M1</ns2:MsgId></ns2:GrpHdr></ns2:BkToCstmrStmt></ns2:Document>`;
    const a = read(ordered);
    const b = read(shuffled);
    expect(b.variant).toBe('camt.053.001.04');
    expect(b.statements).toEqual(a.statements);
    expect(b.statements[0]!.entries[0]).toMatchObject({ amount: 1000, bankReference: 'R1', bookingDate: '2026-11-02' });
  });

  it('turns amounts into cents from the string, never through a float; 5 decimals only when the extra digits are zero', () => {
    const amounts = ['0.29', '1234567.89', '100', '0.1', '10.00000', '19.99000', '9999999999999.99'];
    const e = entriesOf(doc(stmt(amounts.map((amt) => ntry({ amt })).join(''))));
    expect(e.map((x) => x.amount)).toEqual([29, 123_456_789, 10_000, 10, 1000, 1999, 999_999_999_999_999]);
    const err = refusal(doc(stmt(ntry() + ntry({ amt: '10.00001' }))));
    expect(err.where).toBe('Stmt 1/Ntry 2/Amt');
    expect(err.nl).toContain('fracties van een cent');
    expect(err.en).toContain('10.00001');
    for (const bad of ['12,50', '-5.00', '1e3', '', '10.123456', '1.2.3']) expect(refusal(doc(stmt(ntry({ amt: bad })))).where).toMatch(/Ntry 1\/Amt$/);
  });

  it('CdtDbtInd gives the sign; RvslInd marks a reversal; anything else than CRDT/DBIT is refused', () => {
    const e = entriesOf(doc(stmt(ntry({ ind: 'DBIT' }) + ntry({ ind: 'DBIT', inner: '<RvslInd>true</RvslInd>' }) + ntry({ inner: '<RvslInd>false</RvslInd>' }))));
    expect(e.map((x) => [x.amount, x.reversal])).toEqual([[-1000, false], [-1000, true], [1000, false]]);
    expect(refusal(doc(stmt(ntry({ ind: 'CREDIT' })))).where).toBe('Stmt 1/Ntry 1/CdtDbtInd');
  });

  it('takes the date part of BookgDt/DtTm and ValDt/DtTm, and refuses a date that is not one', () => {
    const x = doc(stmt(`<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><DtTm>2026-11-02T23:30:00+01:00</DtTm></BookgDt><ValDt><DtTm>2026-11-03T00:10:00</DtTm></ValDt></Ntry>`));
    expect(entriesOf(x)[0]).toMatchObject({ bookingDate: '2026-11-02', valueDate: '2026-11-03' });
    expect(refusal(doc(stmt(ntry({ date: '2026-02-30' })))).where).toBe('Stmt 1/Ntry 1/BookgDt');
    expect(refusal(doc(stmt(ntry({ date: '02-11-2026' })))).en).toContain('not a valid date');
  });

  it('batch entries: the entry amount is what was booked; TxDtls may differ by charges; NbOfTxs and batch ids are kept', () => {
    const tx = (amt: string, e2e: string) =>
      `<TxDtls><Refs><EndToEndId>${e2e}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">${amt}</Amt></TxAmt></AmtDtls></TxDtls>`;
    const withDetails = ntry({ amt: '100.00', details: `<Btch><MsgId>PEN-2026-11</MsgId><PmtInfId>PEN-2026-11-1</PmtInfId><NbOfTxs>2</NbOfTxs></Btch>${tx('60.00', 'E1')}${tx('40.50', 'E2')}` });
    const bare = ntry({ amt: '250.00', details: '<Btch><PmtInfId>PEN-2026-11-2</PmtInfId><NbOfTxs>5</NbOfTxs></Btch>' });
    const [a, b] = entriesOf(doc(stmt(withDetails + bare)));
    expect(a).toMatchObject({ amount: 10_000, transactionCount: 2, batchPaymentInfoId: 'PEN-2026-11-1', batchMessageId: 'PEN-2026-11' });
    expect(a!.details.map((d) => [d.amount, d.endToEndId, d.paymentInfoId, d.messageId])).toEqual([
      [6000, 'E1', 'PEN-2026-11-1', 'PEN-2026-11'],
      [4050, 'E2', 'PEN-2026-11-1', 'PEN-2026-11'],
    ]);
    expect(b).toMatchObject({ amount: 25_000, transactionCount: 5, batchPaymentInfoId: 'PEN-2026-11-2', details: [] });
    expect(refusal(doc(stmt(ntry({ details: '<Btch><NbOfTxs>twee</NbOfTxs></Btch>' })))).where).toBe('Stmt 1/Ntry 1/NtryDtls/Btch/NbOfTxs');
  });

  it('several Stmt blocks, one without entries: each its own statement, period from FrToDt, else balances, else entries', () => {
    const x = doc(
      stmt(ntry({ date: '2026-11-02' }) + ntry({ date: '2026-11-04' }), { id: 'A' }) +
        stmt('', { id: 'B', balances: bal('PRCD', '5.00', '2026-11-04', 'DBIT') + bal('CLBD', '5.00', '2026-11-05', 'DBIT') }) +
        stmt(ntry(), { id: 'C', extra: '<FrToDt><FrDtTm>2026-11-01T00:00:00</FrDtTm><ToDtTm>2026-11-30T23:59:59</ToDtTm></FrToDt>' }),
    );
    const s = read(x).statements;
    expect(s.map((t) => [t.id, t.from, t.to, t.entries.length])).toEqual([
      ['A', '2026-11-02', '2026-11-04', 2],
      ['B', '2026-11-04', '2026-11-05', 0],
      ['C', '2026-11-01', '2026-11-30', 1],
    ]);
    expect(s[1]!.opening).toEqual({ date: '2026-11-04', amount: -500 });
    expect(s[1]!.closing).toEqual({ date: '2026-11-05', amount: -500 });
    expect(s[2]!.entries[0]!.source).toBe('Ntry 1 in Stmt 3');
  });

  it('joins multi-line AddtlNtryInf and several Ustrd, and keeps Ustrd longer than the schema allows', () => {
    const long = 'Contributie 2026 '.repeat(20).trim();
    const e = entriesOf(
      doc(stmt(ntry({ inner: '<AddtlNtryInf>SEPA Incasso\n      algemeen doorlopend\r\n   Incassant: NL51ZZZ405365330000</AddtlNtryInf>', details: `<TxDtls><RmtInf><Ustrd>Factuur 2026-001</Ustrd><Ustrd>en 2026-002\n vervolg</Ustrd><Ustrd>${long}</Ustrd></RmtInf></TxDtls>` }))),
    )[0]!;
    expect(e.information).toBe('SEPA Incasso algemeen doorlopend Incassant: NL51ZZZ405365330000');
    expect(e.details[0]!.remittance).toBe(`Factuur 2026-001 en 2026-002 vervolg ${long}`);
    expect(long.length).toBeGreaterThan(140);
  });

  it('bank transaction codes: Domn/Fmly/SubFmlyCd and Prtry/Cd', () => {
    const code = '<BkTxCd><Prtry><Cd>01304</Cd><Issr>INGGroup</Issr></Prtry><Domn><Fmly><SubFmlyCd>UPDD</SubFmlyCd><Cd>IDDT</Cd></Fmly><Cd>PMNT</Cd></Domn></BkTxCd>';
    expect(entriesOf(doc(stmt(ntry({ inner: code }))))[0]).toMatchObject({ transactionCode: 'PMNT/IDDT/UPDD', proprietaryCode: '01304' });
    expect(entriesOf(doc(stmt(ntry({ inner: '<BkTxCd><Prtry><Cd>541</Cd></Prtry></BkTxCd>' }))))[0]).toMatchObject({ transactionCode: null, proprietaryCode: '541' });
  });

  it('returns: RtrInf reason (Cd or Prtry), AddtlInf, charges; MD06 on a reversed debit is a refund', () => {
    const ret = (rsn: string, extra = '') =>
      `<TxDtls><Refs><EndToEndId>ZWA-7-2026</EndToEndId><MndtId>ZWA-7</MndtId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">25.00</Amt></TxAmt></AmtDtls>${extra}<RtrInf><Rsn>${rsn}</Rsn><AddtlInf>Onvoldoende saldo</AddtlInf><AddtlInf>/RTYP/RTRN</AddtlInf></RtrInf></TxDtls>`;
    const code = '<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>';
    const e = entriesOf(
      doc(
        stmt(
          ntry({ amt: '27.50', ind: 'DBIT', inner: code, details: ret('<Cd>AM04</Cd>', '<Chrgs><Amt Ccy="EUR">2.50</Amt></Chrgs>') }) +
            ntry({ amt: '25.00', ind: 'DBIT', inner: `<RvslInd>true</RvslInd>${code}`, details: ret('<Cd>MD06</Cd>') }) +
            ntry({ amt: '25.00', ind: 'DBIT', inner: code, details: ret('<Prtry>R-UNKNOWN</Prtry>', '<Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">1.00</TtlChrgsAndTaxAmt><Rcrd><Amt Ccy="EUR">0.60</Amt></Rcrd></Chrgs>') }) +
            ntry({ amt: '25.00', ind: 'DBIT', inner: code, details: ret('<Cd>MS03</Cd>', '<Chrgs><Rcrd><Amt Ccy="EUR">0.60</Amt></Rcrd><Rcrd><Amt Ccy="EUR">0.40</Amt></Rcrd></Chrgs>') }),
        ),
      ),
    );
    expect(e.map((x) => [x.amount, x.details[0]!.amount, x.details[0]!.returnInfo])).toEqual([
      [-2750, -2500, { reasonCode: 'AM04', reasonText: 'Onvoldoende saldo /RTYP/RTRN', kind: 'return', charges: 250 }],
      [-2500, -2500, { reasonCode: 'MD06', reasonText: 'Onvoldoende saldo /RTYP/RTRN', kind: 'refund', charges: null }],
      [-2500, -2500, { reasonCode: 'R-UNKNOWN', reasonText: 'Onvoldoende saldo /RTYP/RTRN', kind: 'return', charges: 100 }],
      [-2500, -2500, { reasonCode: 'MS03', reasonText: 'Onvoldoende saldo /RTYP/RTRN', kind: 'return', charges: 100 }],
    ]);
    expect(e[0]!.details[0]).toMatchObject({ endToEndId: 'ZWA-7-2026', mandateId: 'ZWA-7' });
  });

  it('references: EndToEndId, PmtInfId, MsgId, MndtId, AcctSvcrRef/TxId; NOTPROVIDED is no id; soft hyphens go', () => {
    const e = entriesOf(
      doc(
        stmt(
          ntry({ inner: '<NtryRef>NR-1</NtryRef>', details: '<TxDtls><Refs><MsgId>MSG-1</MsgId><AcctSvcrRef>ASR-1</AcctSvcrRef><PmtInfId>PI-1</PmtInfId><EndToEndId>ZWA-\u00ad12-2026</EndToEndId><TxId>TX-1</TxId><MndtId>ZWA-\u00ad12</MndtId></Refs></TxDtls>' }) +
            ntry({ details: '<TxDtls><Refs><TxId>TX-2</TxId><EndToEndId>NOTPROVIDED</EndToEndId></Refs></TxDtls>' }) +
            ntry(),
        ),
      ),
    );
    expect(e[0]).toMatchObject({ bankReference: 'NR-1' });
    expect(e[0]!.details[0]).toMatchObject({ messageId: 'MSG-1', paymentInfoId: 'PI-1', endToEndId: 'ZWA-12-2026', mandateId: 'ZWA-12', bankReference: 'ASR-1' });
    expect(e[1]!.details[0]).toMatchObject({ endToEndId: null, bankReference: 'TX-2' });
    expect(e[2]!.bankReference).toBeNull();
    const both = entriesOf(doc(stmt(ntry({ inner: '<NtryRef>NR-1</NtryRef><AcctSvcrRef>ASR-9</AcctSvcrRef>' }))))[0]!;
    expect(both.bankReference).toBe('ASR-9');
  });

  it('related parties: debtor for money in, creditor for money out, the ISO family over the direction; IBAN, BIC/BICFI, creditor id, structured reference', () => {
    const parties = `<RltdPties><Dbtr><Nm>Anouk de Vries</Nm></Dbtr><DbtrAcct><Id><IBAN>nl20 ingb 0001\u00ad 2345 67</IBAN></Id></DbtrAcct><Cdtr><Nm>Zwemclub</Nm><Id><PrvtId><Othr><Id>NL51ZZZ405365330000</Id><SchmeNm><Cd>SEPA</Cd></SchmeNm></Othr></PrvtId></Id></Cdtr><CdtrAcct><Id><IBAN>${IBAN}</IBAN></Id></CdtrAcct></RltdPties><RltdAgts><DbtrAgt><FinInstnId><BIC>INGBNL2A</BIC></FinInstnId></DbtrAgt></RltdAgts>`;
    const rmt = '<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18 5390 0754 7034</Ref></CdtrRefInf></Strd></RmtInf>';
    const [credit, debit, ret] = entriesOf(
      doc(
        stmt(
          ntry({ details: `<TxDtls>${parties}${rmt}</TxDtls>` }) +
            ntry({ ind: 'DBIT', details: `<TxDtls>${parties}</TxDtls>` }) +
            ntry({ ind: 'DBIT', inner: '<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>', details: `<TxDtls>${parties}</TxDtls>` }),
        ),
      ),
    );
    expect(credit!.details[0]).toMatchObject({ counterparty: { name: 'Anouk de Vries', iban: 'NL20INGB0001234567', bic: 'INGBNL2A' }, creditorId: 'NL51ZZZ405365330000', creditorReference: 'RF18539007547034' });
    expect(debit!.details[0]!.counterparty).toEqual({ name: 'Zwemclub', iban: IBAN, bic: null });
    // a returned collection (IDDT) is money out, but the other side is still the member who paid
    expect(ret!.details[0]!.counterparty.name).toBe('Anouk de Vries');
  });

  it('takes the creditor id from TxDtls/CdtrSchmeId too, and reads a file with blank lines before the declaration', () => {
    const x = `\r\n\n${doc(stmt(ntry({ details: '<TxDtls><CdtrSchmeId><Id><PrvtId><Othr><Id>NL51ZZZ405365330000</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></CdtrSchmeId></TxDtls>' })))}`;
    expect(entriesOf(x)[0]!.details[0]!.creditorId).toBe('NL51ZZZ405365330000');
    // lines still count from the top of the file
    expect(refusal(`\n\n${doc(stmt(ntry({ amt: 'x' })))}`.replace('<Document', '\n<Document')).where).toBe('Stmt 1/Ntry 1/Amt');
    expect(refusal(`\n\n<?xml version="1.0"?>\n<Document>\n<Open></Document>`).where).toBe('regel 5');
  });

  it('without a family code and only the other side named, that side is the counterparty unless it is this account', () => {
    const only = (who: string, iban: string) => `<TxDtls><RltdPties><${who}><Nm>N</Nm></${who}><${who}Acct><Id><IBAN>${iban}</IBAN></Id></${who}Acct></RltdPties></TxDtls>`;
    const [a, b] = entriesOf(doc(stmt(ntry({ ind: 'DBIT', details: only('Dbtr', 'NL20INGB0001234567') }) + ntry({ ind: 'DBIT', details: only('Dbtr', IBAN) }))));
    expect(a!.details[0]!.counterparty.iban).toBe('NL20INGB0001234567');
    expect(b!.details[0]!.counterparty).toEqual({ name: null, iban: null, bic: null });
  });
});

describe('a large file, read in pieces', () => {
  it('5 000 entries over several decoded pieces: every value intact across the piece boundaries, balances agree', () => {
    const { xml, closingCents } = camt053WithEntries(5000);
    expect(xml.length).toBeGreaterThan(3 * (1 << 20));
    const s = read(xml).statements[0]!;
    expect(s.entries).toHaveLength(5000);
    expect(s.closing!.amount).toBe(closingCents);
    expect(s.opening!.amount + s.entries.reduce((a, e) => a + e.amount, 0)).toBe(closingCents);
    const wrong = s.entries.filter(
      (e, i) =>
        e.details[0]!.endToEndId !== `ZWA-${100_000 + i}-2026` ||
        e.details[0]!.remittance !== `Contributie 2026-2027 lid ${10_000 + i} factuur 2026-${String(i).padStart(6, '0')}` ||
        e.bankReference !== `${5_000_000_000 + i}N${i % 10}`,
    );
    expect(wrong).toEqual([]);
    expect(s.entries.filter((e) => e.details[0]!.returnInfo?.reasonCode === 'AM04')).toHaveLength(500);
  });
});

describe('every version: .001.08 and later', () => {
  it('reads the Pty wrapper, BICFI, Sts/Cd, TxDtls/Amt with its own CdtDbtInd, CdtrSchmeId; variant from the namespace', () => {
    const x = doc(
      stmt(
        `<Ntry><NtryRef>1</NtryRef><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-02</Dt></BookgDt><NtryDtls><TxDtls><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RltdPties><Dbtr><Pty><Nm>Bram Smit</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>NL44RABO0123456789</IBAN></Id></DbtrAcct></RltdPties><RltdAgts><DbtrAgt><FinInstnId><BICFI>RABONL2U</BICFI></FinInstnId></DbtrAgt></RltdAgts></TxDtls></NtryDtls></Ntry>`,
      ),
      { version: 'camt.053.001.13' },
    );
    const f = read(x);
    expect(f.variant).toBe('camt.053.001.13');
    expect(f.statements[0]!.entries[0]).toMatchObject({ amount: 9900, status: 'BOOK' });
    expect(f.statements[0]!.entries[0]!.details[0]).toMatchObject({ amount: 10_000, counterparty: { name: 'Bram Smit', iban: 'NL44RABO0123456789', bic: 'RABONL2U' } });
  });

  it('camt.052 (intraday): balances optional, a pending entry without a booking date takes its value date', () => {
    const rpt = `<Rpt><Id>R1</Id><Acct><Id><IBAN>${IBAN}</IBAN></Id></Acct><Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><ValDt><Dt>2026-11-03</Dt></ValDt></Ntry></Rpt>`;
    const f = read(doc(rpt, { message: 'BkToCstmrAcctRpt', version: 'camt.052.001.08' }));
    expect(f).toMatchObject({ format: 'camt.052', variant: 'camt.052.001.08' });
    expect(f.statements[0]).toMatchObject({ id: 'R1', currency: 'EUR', opening: null, closing: null });
    expect(f.statements[0]!.entries[0]).toMatchObject({ status: 'PDNG', bookingDate: '2026-11-03', amount: 500 });
    // a booked entry without booking date is refused, not guessed
    expect(refusal(doc(rpt.replace('PDNG', 'BOOK'), { message: 'BkToCstmrAcctRpt' })).where).toBe('Rpt 1/Ntry 1/BookgDt');
  });

  it('camt.054: notifications, no balances', () => {
    const f = read(doc(stmt(ntry({ ind: 'DBIT' }), { block: 'Ntfctn' }), { message: 'BkToCstmrDbtCdtNtfctn', version: 'camt.054.001.08' }));
    expect(f).toMatchObject({ format: 'camt.054', variant: 'camt.054.001.08' });
    expect(f.statements[0]).toMatchObject({ opening: null, closing: null, from: '2026-11-02', to: '2026-11-02' });
  });
});

describe('pain.002', () => {
  const report = (body: string, version = 'pain.002.001.03') =>
    `<?xml version="1.0"?><Document xmlns="${NS(version)}"><CstmrPmtStsRpt><GrpHdr><MsgId>STS-1</MsgId></GrpHdr>${body}</CstmrPmtStsRpt></Document>`;
  it('lists rejected transactions only, batch reasons for transactions without their own, and a batch refused whole', () => {
    const f = read(
      report(
        `<OrgnlGrpInfAndSts><OrgnlMsgId>PEN-1</OrgnlMsgId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
         <OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId><PmtInfSts>PART</PmtInfSts>
           <TxInfAndSts><OrgnlEndToEndId>E1</OrgnlEndToEndId><TxSts>ACCP</TxSts></TxInfAndSts>
           <TxInfAndSts><OrgnlEndToEndId>E2</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Prtry>AC04</Prtry></Rsn></StsRsnInf><OrgnlTxRef><Amt><InstdAmt Ccy="EUR">12.34</InstdAmt></Amt><MndtRltdInf><MndtId>M2</MndtId></MndtRltdInf><Dbtr><Pty><Nm>Lid Twee</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>NL20INGB0001234567</IBAN></Id></DbtrAcct></OrgnlTxRef></TxInfAndSts>
         </OrgnlPmtInfAndSts>
         <OrgnlPmtInfAndSts><OrgnlPmtInfId>B2</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts><StsRsnInf><Rsn><Cd>FF01</Cd></Rsn></StsRsnInf><OrgnlCtrlSum>150.00</OrgnlCtrlSum></OrgnlPmtInfAndSts>
         <OrgnlPmtInfAndSts><OrgnlPmtInfId>B3</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts><StsRsnInf><Rsn><Cd>AM05</Cd></Rsn></StsRsnInf><TxInfAndSts><OrgnlEndToEndId>E3</OrgnlEndToEndId></TxInfAndSts></OrgnlPmtInfAndSts>`,
        'pain.002.001.10',
      ),
    );
    expect(f).toMatchObject({ format: 'pain.002', variant: 'pain.002.001.10', statements: [] });
    expect(f.statusReport).toMatchObject({ messageId: 'STS-1', originalMessageId: 'PEN-1', groupStatus: 'PART' });
    expect(f.statusReport!.rejects.map((r) => [r.originalPaymentInfoId, r.endToEndId, r.reasonCode, r.amount, r.mandateId, r.debtor?.name ?? null])).toEqual([
      ['B1', 'E2', 'AC04', 1234, 'M2', 'Lid Twee'],
      ['B2', null, 'FF01', 15_000, null, null],
      ['B3', 'E3', 'AM05', null, null, null],
    ]);
  });
  it('refuses a report without MsgId', () => {
    expect(refusal(report('').replace('<MsgId>STS-1</MsgId>', '')).where).toBe('CstmrPmtStsRpt/GrpHdr/MsgId');
  });
});

describe('hostile and broken files: one StatementReadError naming where, never another exception', () => {
  it('refuses any DTD: entity expansion (billion laughs) and external entities (XXE)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Document><BkToCstmrStmt>&lol2;</BkToCstmrStmt></Document>`;
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Document>&xxe;</Document>`;
    expect(refusal(laughs).en).toContain('<!DOCTYPE>');
    expect(refusal(xxe)).toMatchObject({ where: 'regel 2' });
    expect(refusal(`<?xml version="1.0"?><Document><!ENTITY x "y"></Document>`).nl).toContain('beveiliging');
  });

  it('sees a DOCTYPE that falls on the boundary between two decoded pieces', () => {
    const pad = `<?xml version="1.0"?>\n<!--${' '.repeat((1 << 20) - 30)}-->\n`;
    for (let shift = 0; shift < 12; shift += 3) {
      const xml = `${pad.slice(0, pad.length - shift)}<!DOCTYPE d [<!ENTITY x "y">]><Document/>`;
      expect(refusal(xml).en).toMatch(/<!(DOCTYPE|ENTITY)>/);
    }
  });

  it('refuses an entity it does not know, without a DTD', () => {
    expect(refusal(doc(stmt(ntry({ inner: '<AddtlNtryInf>&xxe;</AddtlNtryInf>' })))).nl).toContain('geen geldige XML');
  });

  it('bounds nesting depth', () => {
    const deep = `<Document>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</Document>`;
    expect(refusal(deep).en).toContain('deeper than 64');
  });

  it('bounds the elements held outside entries (a file of millions of tiny elements), while entries themselves are not held', () => {
    expect(MAX_XML_ELEMENTS_HELD).toBe(2_000_000);
    const held = 500;
    const flood = Buffer.from(doc(`<Stmt><Id>S</Id><Acct><Id><IBAN>${IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct><AddtlStmtInf>${'<X/>'.repeat(held)}</AddtlStmtInf></Stmt>`));
    const err = (() => {
      try {
        readXmlBankFile(flood, held);
      } catch (e) {
        return e as StatementReadError;
      }
    })();
    expect(err).toBeInstanceOf(StatementReadError);
    expect(err!.en).toContain('more than 500 elements outside its entries');
    // 100 entries of 7 elements each are 700 elements, but each is dropped once read
    const many = Buffer.from(doc(stmt(ntry().repeat(100))));
    expect(readXmlBankFile(many, held).statements[0]!.entries).toHaveLength(100);
  });

  it('bounds file size before decoding anything', () => {
    const big = new Uint8Array(MAX_XML_BYTES + 1);
    big.set(Buffer.from('<?xml version="1.0"?><Document>'));
    expect(() => readXmlBankFile(big)).toThrow(StatementReadError);
  });

  it('names what is missing or wrong instead of failing on it', () => {
    const cases: Array<[string, string]> = [
      ['<Document xmlns="x"><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt>', 'regel 1'],
      ['<Document><BkToCstmrStmt></BkToCstmrStmt></Document>', 'Document/BkToCstmrStmt'],
      ['<Document/>', 'Document'],
      ['<Root><Stmt/></Root>', '<Root>'],
      [`<Document xmlns="${NS('pain.008.001.02')}"><CstmrDrctDbtInitn/></Document>`, 'Document/CstmrDrctDbtInitn'],
      [doc('<Stmt><Id>S</Id></Stmt>'), 'Stmt 1/Acct'],
      [doc(`<Stmt><Acct><Id><IBAN>${IBAN}</IBAN></Id></Acct></Stmt>`), 'Stmt 1/Id'],
      [doc(`<Stmt><Id>S</Id><Acct><Id><IBAN>${IBAN}</IBAN></Id></Acct></Stmt>`), 'Stmt 1/Acct/Ccy'],
      [doc(stmt('<Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry>')), 'Stmt 1/Ntry 1/Amt'],
      [doc(stmt('<Ntry><Amt>1.00</Amt></Ntry>')), 'Stmt 1/Ntry 1/CdtDbtInd'],
      [doc(stmt('<Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>')), 'Stmt 1/Ntry 1/BookgDt'],
      [doc(stmt('', { balances: '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp></Bal>' })), 'Stmt 1/Bal 1 (OPBD)/Amt'],
      [doc(stmt('', { balances: '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt>1</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>' })), 'Stmt 1/Bal 1 (CLBD)/Dt'],
      [doc(stmt(ntry({ details: '<TxDtls><AmtDtls><TxAmt><Amt>1,00</Amt></TxAmt></AmtDtls></TxDtls>' }))), 'Stmt 1/Ntry 1/TxDtls 1/AmtDtls/TxAmt/Amt'],
    ];
    for (const [xml, where] of cases) expect(refusal(xml).where, xml).toBe(where);
    expect(refusal(`<Document xmlns="${NS('pain.008.001.02')}"><CstmrDrctDbtInitn/></Document>`).nl).toContain('pain.008');
  });
});

describe('encodings: the bytes decide, not the declaration', () => {
  const body = (decl: string) => doc(stmt(ntry({ details: '<TxDtls><RltdPties><Dbtr><Nm>Zoë Çelik – €</Nm></Dbtr></RltdPties></TxDtls>' })), { decl });
  const name = (f: BankFile) => f.statements[0]!.entries[0]!.details[0]!.counterparty.name;
  const cp1252 = (s: string) => Buffer.from(Array.from(s, (c) => ({ '€': 0x80, '–': 0x96 })[c] ?? c.charCodeAt(0)));

  it('declared UTF-8, really Windows-1252', () => {
    const f = read(cp1252(body('<?xml version="1.0" encoding="UTF-8"?>')));
    expect([f.encoding, f.declaredEncoding, name(f)]).toEqual(['windows-1252', 'utf-8', 'Zoë Çelik – €']);
  });

  it('declared ISO-8859-1, really UTF-8 (with and without BOM)', () => {
    const xml = body('<?xml version="1.0" encoding="ISO-8859-1"?>');
    for (const bytes of [Buffer.from(xml), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])]) {
      const f = read(bytes);
      expect([f.encoding, f.declaredEncoding, name(f)]).toEqual(['utf-8', 'iso-8859-1', 'Zoë Çelik – €']);
    }
  });

  it('ISO-8859-15 as declared: the euro sign is 0xA4', () => {
    const xml = body('<?xml version="1.0" encoding="ISO-8859-15"?>').replace(' –', '');
    const bytes = Buffer.from(Array.from(xml, (c) => (c === '€' ? 0xa4 : c.charCodeAt(0))));
    const f = read(bytes);
    expect([f.encoding, name(f)]).toEqual(['iso-8859-15', 'Zoë Çelik €']);
  });

  it('UTF-16 with a byte order mark, and without one', () => {
    const xml = body('<?xml version="1.0" encoding="UTF-16"?>');
    const le = Buffer.from(xml, 'utf16le');
    expect(name(read(Buffer.concat([Buffer.from([0xff, 0xfe]), le])))).toBe('Zoë Çelik – €');
    const f = read(le);
    expect([f.encoding, name(f)]).toEqual(['utf-16le', 'Zoë Çelik – €']);
    expect(name(read(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])))).toBe('Zoë Çelik – €');
  });

  it('declares nothing and is Windows-1252', () => {
    const f = read(cp1252(body('<?xml version="1.0"?>')));
    expect([f.encoding, f.declaredEncoding, name(f)]).toEqual(['windows-1252', null, 'Zoë Çelik – €']);
  });
});
