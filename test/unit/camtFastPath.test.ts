import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { camt053WithEntries } from '../../bench/camtFile';
import { readXmlBankFile, readXmlBankFileWithSaxes } from '../../electron/statements/camt';
import { decodeXmlBytes } from '../../electron/statements/camt/encoding';
import { NotPlainXml, parsePlainXml } from '../../electron/statements/camt/plainXml';
import { StatementReadError } from '../../electron/statements/model';
import { samplesDir } from '../helpers/samples';

/**
 * The camt reader reads plain XML with its own fast path and leaves everything else to saxes.
 * Whatever the path, the answer must be the one saxes alone gives: the same BankFile, or the same
 * refusal word for word. Each case here is read both ways and compared; the cases the fast path
 * must hand over are checked to be handed over, the plain ones to stay on the fast path.
 */
type Answer = { read: unknown } | { refused: { where: string; nl: string; en: string } } | { crashed: string };

function answer(read: () => unknown): Answer {
  try {
    return { read: read() };
  } catch (e) {
    if (e instanceof StatementReadError) return { refused: { where: e.where, nl: e.nl, en: e.en } };
    return { crashed: String(e) };
  }
}

function bothWays(xml: string | Uint8Array, maxHeld?: number): Answer {
  const bytes = typeof xml === 'string' ? Buffer.from(xml) : xml;
  const fast = answer(() => readXmlBankFile(bytes, maxHeld));
  const saxes = answer(() => readXmlBankFileWithSaxes(bytes, maxHeld));
  expect(fast).toEqual(saxes);
  expect(fast).not.toHaveProperty('crashed');
  return fast;
}

/** true when the fast path reads the file itself, false when it hands it to saxes */
function staysFast(xml: string | Uint8Array): boolean {
  const bytes = typeof xml === 'string' ? Buffer.from(xml) : xml;
  try {
    parsePlainXml(decodeXmlBytes(bytes).plain, () => false, 2_000_000);
    return true;
  } catch (e) {
    if (e instanceof NotPlainXml) return false;
    throw e;
  }
}

const IBAN = 'NL91ABNA0417164300';
const doc = (entries: string, decl = '<?xml version="1.0" encoding="UTF-8"?>\n') =>
  `${decl}<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr><Stmt><Id>S1</Id><Acct><Id><IBAN>${IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries}</Stmt></BkToCstmrStmt></Document>\n`;
const ntry = (name: string, extra = '') =>
  `<Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-02</Dt></BookgDt>${extra}<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${name}</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>`;
const nameOf = (a: Answer) => ((a as { read: { statements: Array<{ entries: Array<{ details: Array<{ counterparty: { name: string } }> }> }> } }).read.statements[0]!.entries[0]!.details[0]!.counterparty.name);

describe('the fast path reads what banks send, exactly as saxes does', () => {
  it('every bank sample and a large indented file stay on the fast path and read the same', () => {
    const dir = samplesDir();
    const samples = fs.readdirSync(dir).filter((f) => /^(camt\.05[234]|pain\.002)/.test(f));
    expect(samples.length).toBeGreaterThan(3);
    for (const f of samples) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(staysFast(bytes), f).toBe(true);
      expect(bothWays(bytes), f).toHaveProperty('read');
    }
    const { xml } = camt053WithEntries(3000);
    expect(staysFast(xml)).toBe(true);
    expect(bothWays(xml)).toHaveProperty('read');
  });

  it('character references, the five predefined entities, CRLF line ends, comments, prefixes, single quotes, spaces in end tags', () => {
    const cases: Array<[string, string]> = [
      [doc(ntry('Zoë &amp; Ça &lt;3&gt; &quot;x&quot; &apos;y&apos;')), 'Zoë & Ça <3> "x" \'y\''],
      [doc(ntry('&#90;o&#xEB; &#x1F600; &#38;')), 'Zoë 😀 &'],
      [doc(ntry('Jan\r\n de\r Vries')).replace(/></g, '>\r\n<'), 'Jan de Vries'],
      [doc(ntry('A<!-- tussen -->B')).replace('<Document', '<!-- voor -->\n<Document'), 'AB'],
      [doc(ntry('Q')).replace(/<(\/?)(?!\?|!)/g, '<$1ns2:').replace('xmlns=', 'xmlns:ns2='), 'Q'],
      [doc(ntry('R')).replace('Ccy="EUR"', "Ccy = 'EUR' ").replace('</Nm>', '</Nm \n >'), 'R'],
      [doc(ntry('S'), '\n\n<?xml version=\'1.0\' standalone="yes"?>'), 'S'],
      [doc(ntry('  spaties  ')).replace('<Nm>', '<Nm>\n   '), 'spaties'],
      [doc(ntry('T')).replace('<Dbtr>', '<Dbtr>\n<PstlAdr><Ctry>NL</Ctry></PstlAdr>'), 'T'],
      // a byte order mark twice: the bytes lose one, the blank start the other
      [`\ufeff\ufeff${doc(ntry('B'))}`, 'B'],
    ];
    for (const [xml, name] of cases) {
      expect(staysFast(xml), xml).toBe(true);
      expect(nameOf(bothWays(xml)), xml).toBe(name);
    }
  });

  it('CDATA, processing instructions, names outside ASCII and attributes needing normalisation go to saxes and read the same', () => {
    const handedOver = [
      doc(ntry('<![CDATA[Piet & Co]]>')),
      doc(ntry('P')).replace('<Stmt>', '<?bank export?><Stmt>'),
      doc(ntry('N', '<Ëxtra>x</Ëxtra>')),
      doc(ntry('A')).replace('Ccy="EUR"', 'Ccy="E&#85;R"'),
      doc(ntry('W')).replace('Ccy="EUR"', 'Ccy="EUR\t"'),
      doc(ntry('V'), '<?xml version="1.1"?>'),
    ];
    for (const xml of handedOver) {
      expect(staysFast(xml), xml).toBe(false);
      expect(bothWays(xml), xml).toHaveProperty('read');
    }
  });
});

describe('the fast path reads bytes: single-byte encodings, names and values from its caches', () => {
  const cp1252 = (s: string) => Buffer.from(Array.from(s, (c) => ({ '€': 0x80, '–': 0x96 })[c] ?? c.charCodeAt(0)));

  it('Windows-1252 and ISO-8859-15 bytes stay on the fast path and read the same as saxes; UTF-16 goes to saxes', () => {
    const xml = doc(ntry('Zoë Çelik – € &amp; Co'), '<?xml version="1.0" encoding="windows-1252"?>\n');
    expect(staysFast(cp1252(xml))).toBe(true);
    expect(nameOf(bothWays(cp1252(xml)))).toBe('Zoë Çelik – € & Co');
    const latin9 = doc(ntry('Zoë Çelik €'), '<?xml version="1.0" encoding="ISO-8859-15"?>\n');
    const bytes = Buffer.from(Array.from(latin9, (c) => (c === '€' ? 0xa4 : c.charCodeAt(0))));
    expect(staysFast(bytes)).toBe(true);
    expect(nameOf(bothWays(bytes))).toBe('Zoë Çelik €');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc(ntry('Zoë')), 'utf16le')]);
    expect(staysFast(utf16)).toBe(false);
    expect(nameOf(bothWays(utf16))).toBe('Zoë');
  });

  it('names alike in their first eight characters and values alike in all but their last are told apart', () => {
    // the name cache knows a name by its first eight bytes and length, then compares the rest
    const xml = doc(ntry('Piet', '<AddtlNtryXnf>fout</AddtlNtryXnf><AddtlNtryInf>goed</AddtlNtryInf>'));
    const read = bothWays(xml) as { read: { statements: Array<{ entries: Array<{ information: string }> }> } };
    expect(read.read.statements[0]!.entries[0]!.information).toBe('goed');
    // the value cache is keyed by a hash: many values, some sharing a slot, each read as written
    const names = Array.from({ length: 3000 }, (_, i) => `Lid ${i % 1500} ${'x'.repeat(i % 40)}`);
    const many = doc(names.map((n) => ntry(n)).join(''));
    expect(staysFast(many)).toBe(true);
    const got = (bothWays(many) as { read: { statements: Array<{ entries: Array<{ details: Array<{ counterparty: { name: string } }> }> }> } }).read;
    expect(got.statements[0]!.entries.map((e) => e.details[0]!.counterparty.name)).toEqual(names.map((n) => n.trim()));
  });

  it('attributes named like what every object inherits read the same as saxes reads them', () => {
    // the fast path keeps attributes in ordinary objects: "__proto__", and an inherited name after the first attribute, are left to saxes
    const cases: Array<[string, boolean]> = [
      ['<Amt constructor="x" Ccy="EUR">', true],
      ['<Amt Ccy="EUR" constructor="x">', false],
      ['<Amt Ccy="EUR" toString="y">', false],
      ['<Amt __proto__="camt.053.001.08" Ccy="EUR">', false],
    ];
    for (const [tag, fast] of cases) {
      const xml = doc(ntry('A')).replace('<Amt Ccy="EUR">', tag);
      expect(staysFast(xml), tag).toBe(fast);
      expect(nameOf(bothWays(xml)), tag).toBe('A');
    }
  });
});

describe('the fast path refuses nothing itself: saxes words every refusal', () => {
  it('malformed XML, undefined entities, forbidden characters and ]]>: the same message and line', () => {
    const broken = [
      doc(ntry('&xxe;')),
      doc(ntry('&#0;')),
      doc(ntry('&#xD800;')),
      doc(ntry('a & b')),
      doc(ntry('a ]]> b')),
      doc(ntry('x\u0001y')),
      doc(ntry('x')).replace('</Nm>', '</Naam>'),
      doc(ntry('x')).replace('</Document>', ''),
      doc(ntry('x')).replace('Ccy="EUR"', 'Ccy="EUR" Ccy="USD"'),
      doc(ntry('x')).replace('Ccy="EUR"', 'Ccy=EUR'),
      doc(ntry('x')).replace('<Amt Ccy="EUR">', '<Amt Ccy="EUR"x="1">'),
      doc(ntry('x')).replace('<Nm>', '<Nm/ >'),
      doc(ntry('x')).replace('<Nm>', '< Nm>'),
      doc(ntry('x')).replace('<Nm>', '<Nm><!-- a -- b -->'),
      doc(ntry('x')) + '<Document/>',
      doc(ntry('x')) + 'tekst na het einde',
      'tekst<Document/>',
      doc(ntry('x'), '<?xml encoding="UTF-8" version="1.0"?>'),
      `<Document>${'<a>'.repeat(70)}${'</a>'.repeat(70)}</Document>`,
      '<Root><Stmt/></Root>',
      '',
      '<Document>',
    ];
    for (const xml of broken) {
      const a = bothWays(xml);
      expect(a, xml).toHaveProperty('refused');
    }
  });

  it('a DTD anywhere in a piece is refused before any entry of that piece is read, as saxes does', () => {
    // the entry is wrong and comes first, but the piece also holds a DOCTYPE: saxes names the DTD
    const xml = doc(ntry('x').replace('10.00', '1,00') + '<AddtlStmtInf><!DOCTYPE x></AddtlStmtInf>');
    const a = bothWays(xml);
    expect(a).toEqual({ refused: expect.objectContaining({ en: expect.stringContaining('<!DOCTYPE>') }) });
  });

  it('an error in an entry is the same refusal on both paths; the element bound is the same', () => {
    expect(bothWays(doc(ntry('x').replace('10.00', '10.001')))).toEqual({ refused: expect.objectContaining({ where: 'Stmt 1/Ntry 1/Amt' }) });
    const flood = doc(`<AddtlStmtInf>${'<X/>'.repeat(300)}</AddtlStmtInf>`);
    expect(bothWays(flood, 200)).toEqual({ refused: expect.objectContaining({ en: expect.stringContaining('more than 200 elements') }) });
    expect(bothWays(doc(ntry('x').repeat(100)), 200)).toHaveProperty('read');
  });

  it('a tag, a reference or a line end cut by the 1 MB piece boundary reads the same', () => {
    const pad = `<AddtlStmtInf>${'x'.repeat((1 << 20) - 400)}</AddtlStmtInf>`;
    for (let shift = 0; shift < 60; shift += 7) {
      const xml = doc(`<AddtlStmtInf>${'y'.repeat(shift)}</AddtlStmtInf>${pad}${ntry('Zoë &amp;\r\n Co').repeat(3)}`);
      expect(staysFast(xml)).toBe(true);
      expect(nameOf(bothWays(xml))).toBe('Zoë & Co');
    }
  });
});

describe('entries the fast path reads into slots, without a tree, are the entries readEntry gives', () => {
  const rich = (inner: string, head = '') =>
    `<Ntry>${head}<Amt Ccy="EUR">12.5</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><DtTm>2026-11-02T10:00:00</DtTm></BookgDt><ValDt>2026-11-03</ValDt><NtryRef>N-1</NtryRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn><Prtry><Cd>01315</Cd></Prtry></BkTxCd><NtryDtls><Btch><NbOfTxs>1</NbOfTxs><PmtInfId>PI-1</PmtInfId><MsgId>M-1</MsgId></Btch><TxDtls>${inner}</TxDtls></NtryDtls><AddtlNtryInf>  Terug\n  boeking  </AddtlNtryInf></Ntry>`;
  const party = `<Refs><EndToEndId>notprovided</EndToEndId><MndtId>M 7</MndtId><TxId>T-9</TxId></Refs><AmtDtls><InstdAmt><Amt Ccy="EUR">12.50</Amt></InstdAmt></AmtDtls><CdtDbtInd>DBIT</CdtDbtInd><RltdPties><Dbtr><Pty><Nm>Jan\u00ad de Vries</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>nl91 abna 0417 1643 00</IBAN></Id></DbtrAcct><Cdtr><Pty><Nm>Club</Nm><Id><OrgId><Othr><Id>nl51zzz405365330000</Id><SchmeNm><Prtry>sepa</Prtry></SchmeNm></Othr></OrgId></Id></Pty></Cdtr></RltdPties><RltdAgts><DbtrAgt><FinInstnId><BICFI>ingbnl2a</BICFI></FinInstnId></DbtrAgt></RltdAgts><RmtInf><Strd><CdtrRefInf><Ref>RF18 5390 0754 7034</Ref></CdtrRefInf></Strd></RmtInf><RtrInf><Rsn><Prtry>md06</Prtry></Rsn><AddtlInf>Refund</AddtlInf></RtrInf>`;
  const entriesOf = (a: Answer) => (a as { read: { statements: Array<{ entries: unknown[] }> } }).read.statements[0]!.entries;

  /** how many entries went through slots and how many through a tree, for the plain reading */
  function paths(xml: string): { slots: number; tree: number } {
    const counted = { slots: 0, tree: 0 };
    parsePlainXml(
      decodeXmlBytes(Buffer.from(xml)).plain,
      (node, ancestors) => {
        if (node.name !== 'Ntry' || ancestors.length !== 3) return false;
        counted.tree++;
        return true;
      },
      2_000_000,
      {
        wants: () => true,
        take: (slots) => {
          if (slots.failed) return false;
          counted.slots++;
          return true;
        },
      },
    );
    return counted;
  }

  it('the bench statement is read entry by entry from slots, no entry tree built', () => {
    const { xml } = camt053WithEntries(500);
    expect(paths(xml)).toEqual({ slots: 500, tree: 0 });
    expect(bothWays(xml)).toHaveProperty('read');
  });

  it('every place readEntry looks at: Pty wrappers, a date-time, a date as text, batch ids, a refund, a creditor id of an organisation, invisible characters', () => {
    const xml = doc(rich(party));
    expect(paths(xml)).toEqual({ slots: 1, tree: 0 });
    const [entry] = entriesOf(bothWays(xml)) as Array<Record<string, unknown>>;
    expect(entry).toMatchObject({ amount: -1250, bookingDate: '2026-11-02', valueDate: '2026-11-03', transactionCode: 'PMNT/IDDT/UPDD', transactionCount: 1, information: 'Terug boeking', batchPaymentInfoId: 'PI-1' });
    expect((entry!.details as unknown[])[0]).toMatchObject({
      amount: -1250,
      endToEndId: null,
      paymentInfoId: 'PI-1',
      creditorId: 'NL51ZZZ405365330000',
      counterparty: { name: 'Jan de Vries', iban: 'NL91ABNA0417164300', bic: 'INGBNL2A' },
      creditorReference: 'RF18539007547034',
      returnInfo: { reasonCode: 'MD06', kind: 'refund', reasonText: 'Refund', charges: null },
    });
    // the creditor scheme id of a collection, and a counterparty settled once the account is known
    const scheme = doc(ntry('x').replace('<NtryDtls><TxDtls>', '<NtryDtls><TxDtls><CdtrSchmeId><Id><PrvtId><Othr><Id>NL51ZZZ405365330000</Id></Othr></PrvtId></Id></CdtrSchmeId>'));
    expect((entriesOf(bothWays(scheme))[0] as { details: Array<{ creditorId: string }> }).details[0]!.creditorId).toBe('NL51ZZZ405365330000');
    const onlyTheOther = doc(ntry('x').replace(/<RltdPties>.*<\/RltdPties>/, `<RltdPties><Cdtr><Nm>Wij</Nm></Cdtr><CdtrAcct><Id><IBAN>${IBAN}</IBAN></Id></CdtrAcct></RltdPties>`));
    expect(paths(onlyTheOther)).toEqual({ slots: 1, tree: 0 });
    expect((entriesOf(bothWays(onlyTheOther))[0] as { details: Array<{ counterparty: unknown }> }).details[0]!.counterparty).toEqual({ name: null, iban: null, bic: null });
  });

  it('shapes slots do not stand for go to a tree, entry by entry, and read the same: repeats, charges, text beside elements', () => {
    const cases = [
      rich(`${party}<RmtInf><Ustrd>een</Ustrd><Ustrd>twee</Ustrd></RmtInf>`),
      rich(party).replace('</TxDtls>', `</TxDtls><TxDtls>${party}</TxDtls>`),
      rich(party).replace('</NtryDtls>', '</NtryDtls><NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch></NtryDtls>'),
      rich(party).replace('<RtrInf>', '<Chrgs><Amt Ccy="EUR">2.50</Amt></Chrgs><RtrInf>'),
      rich(party, '<Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">1.00</TtlChrgsAndTaxAmt></Chrgs>'),
      rich(party).replace('<Nm>Club</Nm>', '<Nm>Cl<Extra/>ub</Nm>'),
      rich(party).replace('<ValDt>2026-11-03</ValDt>', '<ValDt>2026-11-03<Extra/></ValDt>'),
      rich(party).replace('<AddtlNtryInf>', '<AddtlNtryInf>eerst</AddtlNtryInf><AddtlNtryInf>'),
    ];
    for (const odd of cases) {
      const xml = doc(`${ntry('voor')}${odd}${ntry('na')}`);
      expect(paths(xml), odd).toEqual({ slots: 2, tree: 1 });
      const entries = entriesOf(bothWays(xml)) as Array<{ source: string }>;
      expect(entries.map((e) => e.source)).toEqual(['Ntry 1 in Stmt 1', 'Ntry 2 in Stmt 1', 'Ntry 3 in Stmt 1']);
    }
  });

  it('an entry readEntry refuses is refused in its words, with its place, after entries read from slots', () => {
    const refusals: Array<[string, string]> = [
      [rich(party).replace('2026-11-03', '2026-13-03'), 'Stmt 1/Ntry 2/ValDt'],
      [rich(party).replace('<InstdAmt><Amt Ccy="EUR">12.50', '<InstdAmt><Amt Ccy="EUR">12.505'), 'Stmt 1/Ntry 2/TxDtls 1/AmtDtls/InstdAmt/Amt'],
      [rich(party).replace('<NbOfTxs>1', '<NbOfTxs>een'), 'Stmt 1/Ntry 2/NtryDtls/Btch/NbOfTxs'],
      [rich(party).replace('<CdtDbtInd>DBIT</CdtDbtInd><RltdPties>', '<CdtDbtInd>D</CdtDbtInd><RltdPties>'), 'Stmt 1/Ntry 2/TxDtls 1/CdtDbtInd'],
      [rich(party).replace(/<BookgDt>.*<\/BookgDt>/, ''), 'Stmt 1/Ntry 2/BookgDt'],
      [rich(party).replace('<Amt Ccy="EUR">12.5</Amt>', ''), 'Stmt 1/Ntry 2/Amt'],
    ];
    for (const [bad, where] of refusals) {
      expect(bothWays(doc(`${ntry('voor')}${bad}${ntry('na')}`)), where).toEqual({ refused: expect.objectContaining({ where }) });
    }
  });

  it('the bound on elements held counts an entry read into slots as its tree would count it', () => {
    const big = ntry('x', `<AddtlNtryInf>a</AddtlNtryInf>${'<X/>'.repeat(150)}`);
    expect(bothWays(doc(big.repeat(3)), 200)).toHaveProperty('read');
    expect(bothWays(doc(big.replace('<X/>', '<X/>'.repeat(60))), 200)).toEqual({ refused: expect.objectContaining({ en: expect.stringContaining('more than 200 elements') }) });
  });
});
