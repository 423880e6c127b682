/**
 * A camt.053.001.02 as a Dutch bank writes it for a busy club account: `n` booked entries, every
 * one with TxDtls (a member's transfer, a collection credit, a return), indented like ING's files.
 * Used by the bench and by tests that need a large file; amounts are deterministic so the closing
 * balance is known.
 */
export function camt053WithEntries(n: number): { xml: string; closingCents: number } {
  const parts: string[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const kind = i % 10;
    const cents = 1_000 + (i % 9_000);
    const credit = kind !== 9;
    sum += credit ? cents : -cents;
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const iban = `NL${String(10 + (i % 89)).padStart(2, '0')}INGB${String(1_000_000 + i).padStart(10, '0')}`;
    parts.push(`			<Ntry>
				<NtryRef>${String(i).padStart(12, '0')}</NtryRef>
				<Amt Ccy="EUR">${amount}</Amt>
				<CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>
${kind === 9 ? '				<RvslInd>true</RvslInd>\n' : ''}				<Sts>BOOK</Sts>
				<BookgDt>
					<Dt>2026-11-${String(1 + (i % 28)).padStart(2, '0')}</Dt>
				</BookgDt>
				<ValDt>
					<Dt>2026-11-${String(1 + (i % 28)).padStart(2, '0')}</Dt>
				</ValDt>
				<AcctSvcrRef>${String(5_000_000_000 + i)}N${i % 10}</AcctSvcrRef>
				<BkTxCd>
					<Domn>
						<Cd>PMNT</Cd>
						<Fmly>
							<Cd>${kind === 9 ? 'IDDT' : 'RCDT'}</Cd>
							<SubFmlyCd>${kind === 9 ? 'UPDD' : 'ESCT'}</SubFmlyCd>
						</Fmly>
					</Domn>
					<Prtry>
						<Cd>${kind === 9 ? '01304' : '00100'}</Cd>
						<Issr>INGGroup</Issr>
					</Prtry>
				</BkTxCd>
				<NtryDtls>
					<TxDtls>
						<Refs>
							<EndToEndId>ZWA-${100_000 + i}-2026</EndToEndId>
${kind === 9 ? `							<MndtId>ZWA-${100_000 + i}</MndtId>\n` : ''}						</Refs>
						<AmtDtls>
							<TxAmt>
								<Amt Ccy="EUR">${amount}</Amt>
							</TxAmt>
						</AmtDtls>
						<RltdPties>
							<Dbtr>
								<Nm>Lid ${i} van der Berg</Nm>
							</Dbtr>
							<DbtrAcct>
								<Id>
									<IBAN>${iban}</IBAN>
								</Id>
							</DbtrAcct>
						</RltdPties>
						<RltdAgts>
							<DbtrAgt>
								<FinInstnId>
									<BIC>INGBNL2A</BIC>
								</FinInstnId>
							</DbtrAgt>
						</RltdAgts>
						<RmtInf>
							<Ustrd>Contributie 2026-2027 lid ${10_000 + i} factuur 2026-${String(i).padStart(6, '0')}</Ustrd>
						</RmtInf>
${kind === 9 ? '						<RtrInf>\n							<Rsn>\n								<Cd>AM04</Cd>\n							</Rsn>\n						</RtrInf>\n' : ''}					</TxDtls>
				</NtryDtls>
			</Ntry>
`);
  }
  const opening = 1_000_000;
  const closing = opening + sum;
  const money = (c: number) => `${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
  const bal = (code: string, c: number, date: string) => `			<Bal>
				<Tp>
					<CdOrPrtry>
						<Cd>${code}</Cd>
					</CdOrPrtry>
				</Tp>
				<Amt Ccy="EUR">${money(c)}</Amt>
				<CdtDbtInd>${c < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd>
				<Dt>
					<Dt>${date}</Dt>
				</Dt>
			</Bal>
`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
	<BkToCstmrStmt>
		<GrpHdr>
			<MsgId>BENCH-${n}</MsgId>
			<CreDtTm>2026-11-30T23:00:00</CreDtTm>
		</GrpHdr>
		<Stmt>
			<Id>BENCH-STMT-1</Id>
			<ElctrncSeqNb>1</ElctrncSeqNb>
			<CreDtTm>2026-11-30T23:00:00</CreDtTm>
			<FrToDt>
				<FrDtTm>2026-11-01T00:00:00</FrDtTm>
				<ToDtTm>2026-11-28T23:59:59</ToDtTm>
			</FrToDt>
			<Acct>
				<Id>
					<IBAN>NL91ABNA0417164300</IBAN>
				</Id>
				<Ccy>EUR</Ccy>
			</Acct>
${bal('OPBD', opening, '2026-10-31')}${bal('CLBD', closing, '2026-11-28')}${parts.join('')}		</Stmt>
	</BkToCstmrStmt>
</Document>
`;
  return { xml, closingCents: closing };
}
