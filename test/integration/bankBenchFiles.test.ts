import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStatementBenchFiles } from '../../bench/statementFiles';
import { tempDir } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';

/** The bench's file writers on a small ledger: the same code that writes the 100 000-entry files. */
const dir = tempDir('penning-bench-files-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('statement bench files', () => {
  it('writes a valid camt.053 and an MT940 of exactly n entries against n open items, balances adding up', async () => {
    const r = writeStatementBenchFiles(dir, 300);
    expect([r.entries, r.openItems]).toEqual([300, 300]);
    const xml = fs.readFileSync(r.camt053, 'utf8');
    expect(await xsdErrors(xml)).toEqual([]);
    const stmts = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => ['Stmt', 'Ntry', 'Bal', 'TxDtls'].includes(n) }).parse(xml).Document.BkToCstmrStmt.Stmt;
    const ntries = stmts.flatMap((s: any) => s.Ntry);
    expect(ntries).toHaveLength(300);
    expect(ntries.filter((e: any) => e.RvslInd === 'true')).toHaveLength(r.expected.returns);
    expect(ntries.filter((e: any) => e.NtryDtls?.Btch)).toHaveLength(1);
    expect(ntries.filter((e: any) => e.NtryDtls?.TxDtls?.[0]?.RmtInf?.Strd)).toHaveLength(r.expected.structuredReferences);
    expect(r.expected.batchCredits + r.expected.returns + r.expected.transfers).toBe(300);
    expect(r.expected.partialTransfers).toBeGreaterThan(0);
    const mt = fs.readFileSync(r.mt940, 'latin1');
    expect(mt.match(/^:61:/gm)).toHaveLength(300);
    const last = /:62F:C\d{6}EUR(\d+),(\d\d)\s*$/m.exec(mt.slice(mt.lastIndexOf(':62F:')))!;
    expect(Number(last[1]) * 100 + Number(last[2])).toBe(r.expected.closing);
  });
});
